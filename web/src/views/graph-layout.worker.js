// Web Worker: runs Graphviz (WASM) on DOT text off the main thread and posts back plain geometry (graph-layout.js's
// Geometry), tagged by request id.
import { Graphviz } from '@hpcc-js/wasm-graphviz';

const ready = Graphviz.load();

self.onmessage = async (/** @type {MessageEvent<{ id: number, dot: string }>} */ e) => {
  const { id, dot } = e.data;
  try {
    const gv = await ready;
    self.postMessage({ id, layout: runDot(gv, dot) });
  } catch (err) {
    self.postMessage({ id, error: String(/** @type {Error} */ (err)?.message ?? err) });
  }
};

/** @typedef {import('./graph-layout.js').NodeBox} NodeBox */
/** @typedef {import('./graph-layout.js').ClusterBox} ClusterBox */
/** @typedef {import('./graph-layout.js').Geometry} Geometry */

/**
 * Converts a Graphviz spline `pos` ("e,x,y x0,y0 x1,y1 ...") to an SVG path that ends at the arrow tip.
 * @param {string} pos
 * @param {(p: number[]) => string} pt  formats a point, flipping y
 */
function splinePath(pos, pt) {
  /** @type {number[] | null} */ let end = null;
  /** @type {number[][]} */ const pts = [];
  for (const tok of pos.trim().split(/\s+/)) {
    const parts = tok.split(',');
    if (parts[0] === 'e') end = [+parts[1], +parts[2]];
    else if (parts[0] !== 's') pts.push([+parts[0], +parts[1]]);
  }
  let d = `M${pt(pts[0])}`;
  for (let k = 1; k + 2 < pts.length; k += 3) d += `C${pt(pts[k])} ${pt(pts[k + 1])} ${pt(pts[k + 2])}`;
  if (end) d += `L${pt(end)}`;
  return d;
}

/**
 * Lays out `dot` (nodes named v<i> for value boxes, o<i> for op ellipses, subgraphs cluster_*) and returns
 * boxes, frames and edge paths in SVG coordinates (origin top-left).
 * @param {{ layout: (dot: string, format: any, engine: any) => string }} gv  a loaded Graphviz instance
 * @param {string} dot
 * @returns {Geometry}
 */
function runDot(gv, dot) {
  const t0 = performance.now();
  // 'json0' is the 'json' output without the xdot drawing ops: the same pos/width/height, ~2-3x faster.
  const json = JSON.parse(gv.layout(dot, 'json0', 'dot'));
  const ms = performance.now() - t0;

  const [, , bw, bh] = json.bb.split(',').map(Number);
  const r = (/** @type {number} */ v) => Math.round(v * 100) / 100;
  const pt = (/** @type {number[]} */ p) => `${r(p[0])},${r(bh - p[1])}`;
  /** @type {NodeBox[]} */ const values = [];
  /** @type {NodeBox[]} */ const ops = [];
  /** @type {ClusterBox[]} */ const clusters = [];
  /** @type {string[]} */ const names = [];
  for (const o of json.objects ?? []) {
    names[o._gvid] = o.name;
    if (o.bb) { // a cluster (subgraph): its frame and label position
      const [x0, y0, x1, y1] = o.bb.split(',').map(Number);
      const [lx, ly] = (o.lp ?? `${x0},${y1}`).split(',').map(Number);
      clusters.push({ name: o.name, x: r((x0 + x1) / 2), y: r(bh - (y0 + y1) / 2), w: r(x1 - x0), h: r(y1 - y0),
        label: o.label ?? '', lx: r(lx), ly: r(bh - ly) });
      continue;
    }
    if (!o.pos) continue;
    const [x, y] = o.pos.split(',').map(Number);
    const box = { i: Number(o.name.slice(1)), x: r(x), y: r(bh - y), w: r(o.width * 72), h: r(o.height * 72) };
    (o.name[0] === 'v' ? values : ops).push(box);
  }
  values.sort((a, b) => a.i - b.i);
  ops.sort((a, b) => a.i - b.i);
  /** @type {Map<string, number>} */ const seen = new Map();
  const edges = (json.edges ?? []).map((/** @type {any} */ e) => {
    const base = `${names[e.tail]}-${names[e.head]}`;
    const k = seen.get(base) ?? 0;
    seen.set(base, k + 1);
    return { id: k ? `${base}#${k}` : base, d: splinePath(e.pos, pt), value: names[e.tail][0] === 'v' };
  });
  return { width: bw, height: bh, values, ops, clusters, edges, ms };
}
