// End-to-end: the built page in Chromium shows the engine's numbers, steps and follows the traced point.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { launch, openPage } from './browser.js';
import { serve } from './server.js';

const dist = new URL('../../dist/', import.meta.url).pathname;
let server, browser;
beforeAll(async () => { server = await serve(dist, '/'); browser = await launch(); });
afterAll(async () => { await browser?.close(); await server?.close(); });

/** Texts of the graph's box nodes: [['data: 0.1847', 'grad: 1.0000'], ...] in node order. */
const boxTexts = (page) => page.$$eval('g.gv-value', (gs) => gs
  .sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index))
  .map((g) => Array.from(g.querySelectorAll('text.gv-data, text.gv-grad')).map((t) => t.textContent)));

/** What the page's engine says the traced graph holds, formatted like the view (%.4f). */
const engineTexts = (page) => page.evaluate(() => {
  const { trainer, state } = window.micrograd;
  const v = trainer.graphValues(state.tx, state.ty, state.tl);
  const n = v.length / 2;
  // Python's '%.4f': the sign of -0.0 and of tiny negatives is kept ('-0.0000')
  const f = (x) => (x < 0 || Object.is(x, -0) ? '-' : '') + Math.abs(x).toFixed(4);
  return Array.from({ length: n }, (_, i) => [`data: ${f(v[i])}`, `grad: ${f(v[n + i])}`]);
});

describe('the live page', () => {
  it('loads without console errors, draws the graph with the engine numbers, steps and follows the traced point', async () => {
    const { page, errors } = await openPage(browser, server.url);
    await page.waitForSelector('g.gv-value', { timeout: 30000 });
    await page.waitForFunction(() => window.micrograd?.graphView?.ready);
    expect(await page.locator('g.gv-value').count()).toBe(157);
    expect(await boxTexts(page)).toEqual(await engineTexts(page));

    const before = await boxTexts(page);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await page.waitForFunction(() => document.getElementById('readout-step').textContent === '1');
    await page.waitForTimeout(100);
    const after = await boxTexts(page);
    expect(after).not.toEqual(before);
    expect(after).toEqual(await engineTexts(page));

    // drag the traced point on the canvas: the graph's numbers follow
    const box = await page.locator('canvas.boundary-canvas').boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.3, { steps: 5 });
    await page.mouse.up();
    await page.waitForTimeout(100);
    const trace = await page.evaluate(() => ({ x: window.micrograd.state.tx, y: window.micrograd.state.ty }));
    expect(trace.x).toBeCloseTo(1.2, 1);
    expect(trace.y).toBeCloseTo(0.8, 1);
    const dragged = await boxTexts(page);
    expect(dragged).not.toEqual(after);
    expect(dragged).toEqual(await engineTexts(page));

    // a new label changes the trace order: the graph follows (names and numbers)
    await page.locator('label[for="trace-label-2"]').click();
    await page.waitForFunction(() => window.micrograd.graphView.ready && [...document.querySelectorAll('g.gv-value')].length === 157);
    await page.waitForTimeout(800);
    expect(await boxTexts(page)).toEqual(await engineTexts(page));
    expect(await page.evaluate(() => window.micrograd.trainer.graph(0, 0, 2).nodes[5].name)).toBe('p[2]');

    // every control has an accessible name
    for (const name of ['Play', 'Step', 'Step ×10', 'Reset']) expect(await page.getByRole('button', { name, exact: true }).count()).toBe(1);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.waitForFunction(() => Number(document.getElementById('readout-step').textContent) > 5);
    expect(await page.getByRole('button', { name: 'Pause', exact: true }).count()).toBe(1);
    await page.keyboard.press('Space');
    await page.keyboard.press('r');
    await page.waitForFunction(() => document.getElementById('readout-step').textContent === '0');
    expect(errors).toEqual([]);
    await page.close();
  });
});
