// End-to-end on a 390x844 touch phone: no sideways scroll, the panels stacked in one column, a square canvas; one
// finger scrolls the page over the graph and the canvas, two fingers (or one after a tap) move the graph, and a drag
// that starts on the traced point moves it in x and y at the same rate.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { launch } from './browser.js';
import { serve } from './server.js';

const dist = new URL('../../dist/', import.meta.url).pathname;
let server, browser;
beforeAll(async () => { server = await serve(dist, '/'); browser = await launch(); });
afterAll(async () => { await browser?.close(); await server?.close(); });

/** Touches through the browser's input pipeline (so they scroll the page as a finger would). */
const touch = (cdp) => {
  const send = (type, points) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });
  /** fingers from `from` to `to` ([[x, y], ...] each) in `steps` moves */
  const swipe = async (from, to, steps = 8) => {
    await send('touchStart', from);
    for (let k = 1; k <= steps; k++) await send('touchMove', from.map(([x, y], i) => [x + ((to[i][0] - x) * k) / steps, y + ((to[i][1] - y) * k) / steps]));
    await send('touchEnd', []);
  };
  return { swipe, tap: (x, y) => swipe([[x, y]], [[x, y]], 0) };
};

describe('the page on a phone', () => {
  it('390x844: one column, no sideways scroll, square canvas; one finger scrolls, two fingers move the graph', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await page.waitForFunction(() => window.micrograd?.graphView?.ready, null, { timeout: 30000 });
    await page.waitForTimeout(300);
    // the first drawing says how to move the graph on a touch screen
    expect(await page.locator('.gv-touch-hint').textContent()).toBe('Two fingers move the graph, or tap it first');
    expect(await page.locator('.gv-touch-hint').isVisible()).toBe(true);
    const cdp = await context.newCDPSession(page);
    const { swipe, tap } = touch(cdp);

    const layout = await page.evaluate(() => {
      const r = (sel) => document.querySelector(sel).getBoundingClientRect();
      const panels = [...document.querySelectorAll('.panel')].filter((e) => e.getClientRects().length).map((e) => e.getBoundingClientRect());
      return { scrollW: document.documentElement.scrollWidth, right: Math.max(...panels.map((p) => p.right)),
        left: Math.min(...panels.map((p) => p.left)), graph: r('#graph-panel'), canvas: r('canvas.boundary-canvas'), controls: r('#controls-panel') };
    });
    expect(layout.scrollW).toBe(390);
    expect(layout.right).toBeLessThanOrEqual(390);
    expect(layout.left).toBeGreaterThanOrEqual(0);
    expect(Math.abs(layout.canvas.width - layout.canvas.height)).toBeLessThan(1);
    expect(layout.canvas.width).toBeGreaterThan(330);
    expect(layout.graph.height).toBeGreaterThan(300); // stacked: the graph, then the canvas, then the controls
    expect(layout.canvas.top).toBeGreaterThan(layout.graph.bottom);
    expect(layout.controls.top).toBeGreaterThan(layout.canvas.bottom);
    // the readouts' numbers fit their cells (they overflowed into the next label in a 4-column grid)
    expect(await page.evaluate(() => [...document.querySelectorAll('.readouts dd')].filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.id))).toEqual([]);
    // the notes and the legend above the graph, the reference point's button within the width
    expect(await page.locator('#graph-notes').textContent()).toMatch(/loss of the yellow traced point .* alone/);
    const ref = await page.getByRole('button', { name: 'Trace the reference point (0, 0)' }).boundingBox();
    expect(ref.x + ref.width).toBeLessThanOrEqual(390);

    const transform = () => page.evaluate(() => document.querySelector('g.gv-viewport').getAttribute('transform'));
    const scrollY = () => page.evaluate(() => window.scrollY);
    const stage = await page.locator('.gv-stage').boundingBox();
    const cx = stage.x + stage.width / 2, cy = stage.y + stage.height / 2;
    // one finger over the graph scrolls the page; the graph stays put
    const t0 = await transform();
    await swipe([[cx, cy + 120]], [[cx, cy - 120]]);
    await page.waitForTimeout(300);
    expect(await scrollY()).toBeGreaterThan(100);
    expect(await transform()).toBe(t0);
    await page.waitForTimeout(1000); // the fling ends
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(200);
    // two fingers pinch the graph
    await swipe([[cx - 30, cy], [cx + 30, cy]], [[cx - 90, cy], [cx + 90, cy]]);
    await page.waitForTimeout(200);
    const t1 = await transform();
    expect(t1).not.toBe(t0);
    expect(Number(t1.match(/scale\(([\d.]+)/)[1])).toBeGreaterThan(Number(t0.match(/scale\(([\d.]+)/)[1]));
    // a tap on the graph's background lets one finger pan it, and the page does not scroll
    const empty = await page.evaluate(() => {
      const s = document.querySelector('.gv-stage').getBoundingClientRect();
      for (let y = s.top + 10; y < s.bottom - 10; y += 7) for (let x = s.left + 10; x < s.right - 10; x += 7) {
        const e = document.elementFromPoint(x, y);
        if (e?.classList.contains('gv-svg')) return [x, y];
      }
      return null;
    });
    expect(empty).not.toBe(null);
    await tap(...empty);
    await page.waitForTimeout(100);
    expect(await page.locator('.gv-stage.gv-touch-active').count()).toBe(1);
    const y1 = await scrollY();
    await swipe([[cx, cy + 60]], [[cx, cy - 60]]);
    await page.waitForTimeout(500);
    expect(await transform()).not.toBe(t1);
    expect(await scrollY()).toBe(y1);

    // the canvas: one finger on an empty spot scrolls the page and changes no data (a touch elsewhere ends the
    // graph's one-finger mode)
    await page.locator('canvas.boundary-canvas').scrollIntoViewIfNeeded();
    await page.waitForTimeout(100);
    const before = await page.evaluate(() => ({ y: window.scrollY, n: window.micrograd.trainer.points('train').length,
      t: [window.micrograd.state.tx, window.micrograd.state.ty] }));
    const c = await page.locator('canvas.boundary-canvas').boundingBox();
    const spot = await page.evaluate(() => { // an empty place: far from every point and the traced point
      const { trainer, state } = window.micrograd, pts = [...trainer.points('train'), ...trainer.points('val'), { x: state.tx, y: state.ty }];
      for (let y = -1.9; y < 1.9; y += 0.1) for (let x = -1.9; x < 1.9; x += 0.1) if (pts.every((p) => Math.hypot(p.x - x, p.y - y) > 0.35)) return [x, y];
      return null;
    });
    expect(spot).not.toBe(null);
    const at = ([x, y]) => [c.x + ((x + 2) / 4) * c.width, c.y + ((2 - y) / 4) * c.height];
    const [sx, sy] = at(spot);
    await swipe([[sx, sy]], [[sx, sy - 100]]);
    await page.waitForTimeout(300);
    const after = await page.evaluate(() => ({ y: window.scrollY, n: window.micrograd.trainer.points('train').length,
      t: [window.micrograd.state.tx, window.micrograd.state.ty] }));
    expect(after.y).toBeGreaterThan(before.y + 50);
    expect([after.n, after.t]).toEqual([before.n, before.t]);
    expect(await page.locator('.gv-stage.gv-touch-active').count()).toBe(0);
    // a drag from the traced point moves it, x and y at the same rate (a square canvas)
    const c2 = await page.locator('canvas.boundary-canvas').boundingBox();
    const from = [c2.x + ((before.t[0] + 2) / 4) * c2.width, c2.y + ((2 - before.t[1]) / 4) * c2.height];
    const y0 = await scrollY();
    await swipe([from], [[from[0] - 40, from[1] - 40]]);
    await page.waitForTimeout(200);
    const moved = await page.evaluate(() => [window.micrograd.state.tx, window.micrograd.state.ty]);
    expect(await scrollY()).toBe(y0);
    const dx = before.t[0] - moved[0], dy = moved[1] - before.t[1];
    expect(dx).toBeGreaterThan(0.3);
    expect(Math.abs(dx - dy)).toBeLessThan(0.02);
    expect(errors).toEqual([]);
    await context.close();
  });
});
