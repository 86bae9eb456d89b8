// What a first screen shows, measured in the page (shared by scripts/measure-screen.mjs and the e2e layout tests):
// the graph's value boxes in view and the size their numbers are drawn at on screen (font size x zoom), and the
// boxes of the page's main parts, each with how much of it is in the window.

/**
 * Runs inside the page (page.evaluate(screenMetrics)).
 * @returns {{ window: { w: number, h: number, scrollW: number, scrollH: number },
 *   graph: { boxes: number, inView: number, minPx: number, maxPx: number, level: string | null } | null,
 *   parts: Record<string, { x: number, y: number, w: number, h: number, visible: number } | null> }}
 */
export function screenMetrics() {
  const W = window.innerWidth, H = window.innerHeight, d = document.documentElement;
  /** the part of rect r inside the window, as a fraction of r's area (0: none or hidden) */
  const seen = (r) => {
    const w = Math.max(0, Math.min(r.right, W) - Math.max(r.left, 0)), h = Math.max(0, Math.min(r.bottom, H) - Math.max(r.top, 0));
    return r.width * r.height > 0 ? (w * h) / (r.width * r.height) : 0;
  };
  const part = (sel) => {
    const e = document.querySelector(sel);
    if (!e || !e.getClientRects().length || getComputedStyle(e).visibility === 'hidden') return null;
    const r = e.getBoundingClientRect();
    return { x: Math.round(r.left), y: Math.round(r.top), w: Math.round(r.width), h: Math.round(r.height), visible: +seen(r).toFixed(3) };
  };
  const parts = {};
  for (const [name, sel] of Object.entries({ graph: '#graph-panel', stage: '.gv-stage', notes: '#graph-notes', walk: '#walk-panel',
    canvas: 'canvas.boundary-canvas', play: '.controls .primary', step: '.controls button[title^="One training step"]',
    readouts: '.readouts', settings: '#settings-panel', table: '#optimizer-panel' })) parts[name] = part(sel);

  let graph = null;
  const stage = document.querySelector('.gv-stage');
  if (stage) {
    const sr = stage.getBoundingClientRect();
    const inside = (r) => r.left >= sr.left - 0.5 && r.right <= sr.right + 0.5 && r.top >= sr.top - 0.5 && r.bottom <= sr.bottom + 0.5 && seen(r) > 0.999;
    let boxes = 0, inView = 0, minPx = Infinity, maxPx = 0;
    for (const g of document.querySelectorAll('g.gv-value')) {
      boxes++;
      if (!inside(g.getBoundingClientRect())) continue;
      inView++;
      for (const t of g.querySelectorAll('text.gv-data, text.gv-grad')) {
        const px = parseFloat(getComputedStyle(t).fontSize) * Math.abs(/** @type {SVGGraphicsElement} */ (t).getScreenCTM()?.a ?? 0);
        minPx = Math.min(minPx, px);
        maxPx = Math.max(maxPx, px);
      }
    }
    graph = { boxes, inView, minPx: +minPx.toFixed(2), maxPx: +maxPx.toFixed(2), level: window.micrograd?.graphView?.level ?? null };
  }
  return { window: { w: W, h: H, scrollW: d.scrollWidth, scrollH: d.scrollHeight }, graph, parts };
}
