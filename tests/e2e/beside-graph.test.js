// End-to-end: what the page shows beside a graph node: the walk's current rule next to the node it changes (as well
// as in the bar), the pinned node's gradient check next to it, and a hovered optimizer-table row pans the graph to
// that parameter.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { launch, openPage } from './browser.js';
import { serve } from './server.js';

const dist = new URL('../../dist/', import.meta.url).pathname;
let server, browser;
beforeAll(async () => { server = await serve(dist, '/'); browser = await launch(); });
afterAll(async () => { await browser?.close(); await server?.close(); });

/** The on-screen boxes of a callout and of the graph box showing op node i, and the stage. */
const geometry = (page, sel, i) => page.evaluate(([sel, i]) => {
  const r = (e) => { if (!e || e.hidden) return null; const b = e.getBoundingClientRect(); return { l: b.left, r: b.right, t: b.top, b: b.bottom }; };
  return { note: r(document.querySelector(sel)), box: r(document.querySelector(`g.gv-value[data-index="${i}"]`)),
    stage: r(document.querySelector('.gv-stage')), text: document.querySelector(sel)?.textContent ?? '' };
}, [sel, i]);
/** a note is beside a box: overlapping it horizontally and within 12 px above or below it */
const beside = (g) => g.note.l < g.box.r && g.note.r > g.box.l && (Math.abs(g.note.t - g.box.b) <= 12 || Math.abs(g.box.t - g.note.b) <= 12);
const ops = async (page) => {
  await page.getByRole('button', { name: 'Ops', exact: true }).click();
  await page.waitForFunction(() => window.micrograd.graphView.level === 'ops' && window.micrograd.graphView.ready &&
    document.querySelectorAll('g.gv-value').length === 157);
  await page.waitForTimeout(200);
};

describe('beside the graph', () => {
  it('the walk\'s rule sits next to the node it changes, the same text as the bar\'s', async () => {
    const { page, errors } = await openPage(browser, server.url, { width: 1400, height: 1050 });
    await page.waitForFunction(() => window.micrograd?.graphView?.ready, null, { timeout: 30000 });
    expect(await page.locator('.gv-callout-walk').isVisible()).toBe(false);
    await page.locator('label[for="walk-backward"]').click();
    await page.waitForFunction(() => window.micrograd.graphView.level === 'ops' && document.querySelectorAll('g.gv-value').length === 157);
    const next = page.getByRole('button', { name: 'Walk: next' });
    for (let k = 1; k <= 6; k++) {
      await next.click();
      await page.waitForTimeout(150);
      const target = await page.evaluate(() => { // the operand of the step just shown: the node whose grad it adds to
        const { trainer, state } = window.micrograd;
        return trainer.backwardSteps(state.tx, state.ty, state.tl).operand[state.walkPos - 1];
      });
      const g = await geometry(page, '.gv-callout-walk', target);
      expect(g.text).toBe(await page.locator('.walk-text').textContent());
      expect(g.text).toMatch(/\.grad \+= /);
      expect(beside(g)).toBe(true);
    }
    await page.locator('label[for="walk-off"]').click();
    await page.waitForTimeout(200);
    expect(await page.locator('.gv-callout-walk').isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the pinned node\'s gradient check shows next to it; a table row hovered brings its parameter into view', async () => {
    const { page, errors } = await openPage(browser, server.url, { width: 1400, height: 1050 });
    await page.waitForFunction(() => window.micrograd?.graphView?.ready, null, { timeout: 30000 });
    await ops(page);
    const pin = await page.evaluate(() => Number(document.querySelector('g.gv-value').dataset.index)); // one in view
    await page.locator(`g.gv-value[data-index="${pin}"]`).click();
    await page.getByRole('button', { name: 'Check pinned node' }).click();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(200);
    const g = await geometry(page, '.gv-callout-check', pin);
    expect(g.text).toMatch(/relative error .* ✓ pass/);
    expect(g.text).toBe(await page.locator('.check-result').textContent());
    expect(beside(g)).toBe(true);
    // unpinned, the note goes (the panel keeps the result)
    await page.keyboard.press('Escape');
    await page.waitForTimeout(150);
    expect(await page.locator('.gv-callout-check').isVisible()).toBe(false);

    // w[0][0][0] sits far left of the view around the loss; hovering its table row brings it into the stage
    const w = await page.evaluate(() => window.micrograd.trainer.graph(window.micrograd.state.tx, window.micrograd.state.ty, window.micrograd.state.tl)
      .nodes.findIndex((n) => n.param === 0));
    const inStage = async () => { const x = await geometry(page, '.gv-callout-check', w); return x.box.l >= x.stage.l && x.box.r <= x.stage.r && x.box.t >= x.stage.t && x.box.b <= x.stage.b; };
    expect(await inStage()).toBe(false);
    await page.locator('.optimizer-table tbody tr[data-param="0"]').hover();
    await page.waitForTimeout(300);
    expect(await inStage()).toBe(true);
    expect(await page.locator(`g.gv-value[data-index="${w}"]`).getAttribute('class')).toMatch(/gv-highlight/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
