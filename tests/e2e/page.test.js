// End-to-end: the built page in Chromium shows the engine's numbers at either graph level, steps and follows the
// traced point, and, traced at the reference's point (one click away), shows exactly the reference's numbers.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { launch, openPage } from './browser.js';
import { serve } from './server.js';
import { fmtBox } from '../../web/src/views/format.js';

const dist = new URL('../../dist/', import.meta.url).pathname;
const golden = (file) => readFileSync(new URL(`../golden/default/${file}`, import.meta.url), 'utf8');
let server, browser;
beforeAll(async () => { server = await serve(dist, '/'); browser = await launch(); });
afterAll(async () => { await browser?.close(); await server?.close(); });

/** Texts of the graph's boxes by the op-level node they show: { index: ['data: 0.1847', 'grad: 1.0000'] }. */
const boxTexts = (page) => page.$$eval('g.gv-value', (gs) => Object.fromEntries(gs.map((g) => [g.dataset.index,
  Array.from(g.querySelectorAll('text.gv-data, text.gv-grad')).map((t) => t.textContent)])));

/** What the page's engine says those nodes hold, formatted as the boxes are. */
const engineTexts = async (page) => {
  const shown = Object.keys(await boxTexts(page)).map(Number);
  const { v } = await page.evaluate(() => {
    const { trainer, state } = window.micrograd;
    return { v: Array.from(trainer.graphValues(state.tx, state.ty, state.tl)) };
  });
  const n = v.length / 2;
  return Object.fromEntries(shown.map((i) => [String(i), [`data: ${fmtBox(v[i])}`, `grad: ${fmtBox(v[n + i])}`]]));
};
const level = (page) => page.evaluate(() => window.micrograd.graphView.level);
const settled = async (page, boxes) => {
  await page.waitForFunction((n) => window.micrograd.graphView?.ready && document.querySelectorAll('g.gv-value').length === n, boxes);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
};

describe('the live page', () => {
  it('loads without console errors, draws the network by neuron with the engine numbers, steps and follows the traced point', async () => {
    const { page, errors } = await openPage(browser, server.url);
    await page.waitForFunction(() => window.micrograd?.graphView?.ready, null, { timeout: 30000 });
    expect(await level(page)).toBe('neurons');
    await settled(page, 15); // x, y, 8 neurons, 3 logits, the softmax's p[1], the loss
    const first = await boxTexts(page);
    expect(first).toEqual(await engineTexts(page));
    expect(Object.keys(first)).toHaveLength(15);

    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await page.waitForFunction(() => document.getElementById('readout-step').textContent === '1');
    await page.waitForTimeout(100);
    const after = await boxTexts(page);
    expect(after).not.toEqual(first);
    expect(after).toEqual(await engineTexts(page));

    // drag the traced point on the canvas: the graph's numbers follow
    const box = await page.locator('canvas.boundary-canvas').boundingBox();
    const at = (x, y) => [box.x + ((x + 2) / 4) * box.width, box.y + ((2 - y) / 4) * box.height];
    await page.mouse.move(...at(1.12, -0.55));
    await page.mouse.down();
    await page.mouse.move(...at(1.2, 0.8), { steps: 5 });
    await page.mouse.up();
    await page.waitForTimeout(100);
    const trace = await page.evaluate(() => ({ x: window.micrograd.state.tx, y: window.micrograd.state.ty }));
    expect(trace.x).toBeCloseTo(1.2, 1);
    expect(trace.y).toBeCloseTo(0.8, 1);
    const dragged = await boxTexts(page);
    expect(dragged).not.toEqual(after);
    expect(dragged).toEqual(await engineTexts(page));

    // the op level, one click away: every value and op, with the same numbers
    await page.getByRole('button', { name: 'Ops', exact: true }).click();
    await settled(page, 157);
    expect(await boxTexts(page)).toEqual(await engineTexts(page));

    // a new label changes the trace order: the graph follows (names and numbers), at the level chosen
    await page.locator('label[for="trace-label-2"]').click();
    await page.waitForFunction(() => window.micrograd.state.tl === 2);
    await settled(page, 157);
    await page.waitForTimeout(300);
    expect(await boxTexts(page)).toEqual(await engineTexts(page));
    expect(await page.locator('g.gv-value[data-index="5"] .gv-name').textContent()).toBe('p[2]');

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

  it('one click traces the reference point (0, 0) class 0; after 100 steps every box and the train loss are the reference\'s', async () => {
    const { page, errors } = await openPage(browser, server.url);
    await page.waitForFunction(() => window.micrograd?.graphView?.ready, null, { timeout: 30000 });
    expect(await page.evaluate(() => [window.micrograd.state.tx, window.micrograd.state.ty])).not.toEqual([0, 0]);
    await page.getByRole('button', { name: 'Trace the reference point (0, 0)' }).click();
    expect(await page.evaluate(() => { const s = window.micrograd.state; return [s.tx, s.ty, s.tl]; })).toEqual([0, 0, 0]);
    expect(await page.getByRole('button', { name: 'Trace the reference point (0, 0)' }).isVisible()).toBe(false); // it is traced
    await page.getByRole('button', { name: 'Ops', exact: true }).click();
    for (let k = 0; k < 10; k++) await page.getByRole('button', { name: 'Step ×10' }).click();
    await page.waitForFunction(() => document.getElementById('readout-step').textContent === '100');
    await settled(page, 157);
    await page.waitForTimeout(200);
    const want = JSON.parse(golden('graph.json')).nodes;
    const shown = await boxTexts(page);
    expect(Object.keys(shown)).toHaveLength(want.length);
    want.forEach((n, i) => expect([i, ...shown[i]]).toEqual([i, `data: ${fmtBox(n.data)}`, `grad: ${fmtBox(n.grad)}`]));
    const last = golden('train_log.txt').match(/step 100\/100, train loss (\S+)/)[1];
    expect(await page.locator('#readout-train-loss').textContent()).toBe(Number(last).toFixed(6));
    expect(errors).toEqual([]);
    await page.close();
  });
});
