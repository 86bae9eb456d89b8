// End-to-end: every documented embedding (README: view x controls) in a 600x400 and a 900x600 iframe under a
// sub-path: what shows, the panels' boxes (view=graph gives the graph >= 60 % of the frame with the step-through bar
// and one row of controls; view=boundary and controls=none a square canvas as big as the frame allows), no
// scrollbars, no clipped controls, and no layout engine downloaded for a boundary-only embed.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { launch, openPage } from './browser.js';
import { serve } from './server.js';

const dist = new URL('../../dist/', import.meta.url).pathname;
const SUB = '/some/sub/path/';
const SIZES = [[600, 400], [900, 600]];
const VIEWS = ['both', 'graph', 'boundary'], CONTROLS = ['full', 'min', 'none'];
const host = (src, w, h) => '<!doctype html><html><head><link rel="icon" href="data:,"></head><body style="margin:0">' +
  `<iframe id="f" src="${src}" width="${w}" height="${h}" style="border:0"></iframe></body></html>`;
let server, browser;
beforeAll(async () => {
  const pages = {};
  for (const [w, h] of SIZES) for (const v of VIEWS) for (const c of CONTROLS) {
    pages[`/frame-${w}x${h}-${v}-${c}.html`] = host(`${SUB}index.html#view=${v}&controls=${c}`, w, h);
  }
  server = await serve(dist, SUB, pages);
  browser = await launch();
});
afterAll(async () => { await browser?.close(); await server?.close(); });

/** Runs in the framed page: scroll sizes, the panels' boxes and which controls are cut off by the frame or an ancestor. */
function measure() {
  const d = document.documentElement, W = innerWidth, H = innerHeight;
  const box = (sel) => {
    const e = document.querySelector(sel);
    if (!e || !e.getClientRects().length || getComputedStyle(e).display === 'none') return null;
    const r = e.getBoundingClientRect();
    return { x: r.left, y: r.top, w: r.width, h: r.height };
  };
  /** a control is clipped when, scrolled into view in a column that scrolls (the page itself never does), it pokes
   *  out of the window or the point at its centre is not the control */
  const clipped = [];
  for (const e of document.querySelectorAll('.controls-panel button, .walk-panel button, .walk-panel input, .gv-toolbar button')) {
    if (!e.getClientRects().length || getComputedStyle(e).visibility === 'hidden') continue;
    let col = e.parentElement;
    while (col && !/auto|scroll/.test(getComputedStyle(col).overflowY)) col = col.parentElement;
    if (col) {
      const c = col.getBoundingClientRect(), b = e.getBoundingClientRect();
      if (b.bottom > c.bottom) col.scrollTop += b.bottom - c.bottom;
      if (b.top < c.top) col.scrollTop -= c.top - b.top;
    }
    const r = e.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    const label = e.closest('label');
    if (r.left < -0.5 || r.top < -0.5 || r.right > W + 0.5 || r.bottom > H + 0.5 || !(hit === e || e.contains(hit) || (label && label.contains(hit)))) {
      clipped.push(e.textContent || e.getAttribute('aria-label') || e.id);
    }
  }
  const overflow = [...document.querySelectorAll('.readouts dd')].filter((e) => e.getClientRects().length && e.scrollWidth > e.clientWidth + 1).map((e) => e.id);
  return { W, H, sw: d.scrollWidth, cw: d.clientWidth, sh: d.scrollHeight, ch: d.clientHeight, clipped, overflow,
    graph: box('#graph-panel'), stage: box('.gv-stage'), walk: box('#walk-panel'), canvas: box('canvas.boundary-canvas'),
    controls: box('#controls-panel'), play: box('.controls .primary'), settings: box('#settings-panel'), header: box('.app-header') };
}

describe('embedding', () => {
  for (const [W, H] of SIZES) for (const view of VIEWS) for (const controls of CONTROLS) {
    it(`view=${view} controls=${controls} fits a ${W}x${H} frame`, async () => {
      const { page, errors } = await openPage(browser, `${server.origin}/frame-${W}x${H}-${view}-${controls}.html`, { width: W + 100, height: H + 100 });
      const requests = [];
      page.on('request', (r) => requests.push(r.url()));
      await expect.poll(() => page.frames().some((f) => f.url().includes('index.html')), { timeout: 30000 }).toBe(true);
      const inner = page.frames().find((f) => f.url().includes('index.html'));
      await inner.waitForFunction(() => window.micrograd?.trainer, null, { timeout: 30000 });
      if (view !== 'boundary') await inner.waitForFunction(() => window.micrograd.graphView?.ready, null, { timeout: 30000 });
      await page.waitForTimeout(300);
      const m = await inner.evaluate(measure);
      const area = (b) => (b ? (b.w * b.h) / (W * H) : 0);
      console.log(`embed ${W}x${H} view=${view} controls=${controls}: graph ${Math.round(100 * area(m.graph))}% of the frame` +
        `${m.canvas ? `, canvas ${Math.round(m.canvas.w)}x${Math.round(m.canvas.h)}` : ''}${m.controls ? `, controls ${Math.round(m.controls.w)}x${Math.round(m.controls.h)}` : ''}`);
      expect([m.W, m.H]).toEqual([W, H]);
      expect(m.sw).toBeLessThanOrEqual(m.cw); // no scrollbars
      expect(m.sh).toBeLessThanOrEqual(m.ch);
      expect(m.clipped).toEqual([]);
      expect(m.overflow).toEqual([]); // the readouts' numbers fit their cells
      expect(m.header).toBe(null);
      expect(!!m.graph).toBe(view !== 'boundary');
      expect(!!m.canvas).toBe(view !== 'graph');
      expect(!!m.play).toBe(controls !== 'none');
      // the settings get their own scrolling column beside the canvas; view=graph keeps one row of controls
      expect(!!m.settings).toBe(controls === 'full' && view !== 'graph');
      if (m.canvas) expect(Math.abs(m.canvas.w - m.canvas.h)).toBeLessThan(1); // square: circles stay circles
      if (view === 'graph') {
        expect(area(m.graph)).toBeGreaterThanOrEqual(0.6);
        expect(m.walk).not.toBe(null); // the step-through bar
        if (m.controls) expect(m.controls.h).toBeLessThanOrEqual(48); // one compact row
      }
      if (view === 'boundary') expect(m.canvas.h).toBeGreaterThanOrEqual(0.9 * H); // as tall as the frame
      if (view === 'boundary' && controls === 'none') expect(m.canvas.w).toBeGreaterThanOrEqual(Math.min(W, H) - 24);
      if (view === 'both' && controls === 'none') expect(area(m.graph) + area(m.canvas)).toBeGreaterThanOrEqual(0.6);
      if (view === 'boundary') expect(requests.filter((u) => /graph-view|graph-layout|wasm-graphviz|dist-/.test(u))).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
