// Lays out computational graphs with Graphviz `dot` in a Web Worker (WASM, loaded lazily) into plain geometry for D3;
// also the DOT of the op-level graph, the value formatting (Python's %.4f) and the grad colour scale.
import { interpolateRgb } from 'd3';

/** @typedef {import('../engine').Graph} Graph */
/** @typedef {import('./graph-dot.js').NodeBox} NodeBox */
/** @typedef {import('./graph-dot.js').ClusterBox} ClusterBox */
/** @typedef {import('./graph-dot.js').EdgePath} EdgePath */
/** @typedef {NodeBox & { op: string }} OpBox */
/** @typedef {Omit<import('./graph-dot.js').Geometry, 'ops'> & { ops: OpBox[] }} Layout */

/** Value nodes above which the op-level view refuses to lay out (the neuron-level view takes over). */
export const MAX_VALUE_NODES = 2000;
/** Value nodes up to which the graph view picks the op level by itself (above: the neuron level). */
export const OPS_AUTO_MAX = 600;

/** Layouts run (runs) and workers started (workers); the last run's dot time in ms (lastMs) and its round trip from
 *  request to answer (lastTotalMs). Graphviz runs only in the worker: the main thread never loads it. Read by tests. */
export const layoutStats = { runs: 0, workers: 0, lastMs: 0, lastTotalMs: 0 };

/**
 * Formats like Python's '%.4f' (round half to even on the exact binary value, '-0.0000', 'nan', 'inf').
 * @param {number} x
 * @returns {string}
 */
export function fmt4(x) {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const neg = x < 0 || Object.is(x, -0);
  const a = Math.abs(x);
  const y = a * 20000; // an exact tie at the 5th decimal makes this an odd integer (and exact)
  if (y % 2 === 1 && a < 1e11 && /^\d+\.\d{5}0*$/.test(a.toFixed(100))) {
    let n = (y - 1) / 2; // a * 1e4 = n + 0.5: take the even neighbour
    if (n % 2 === 1) n += 1;
    const s = String(n).padStart(5, '0');
    return (neg ? '-' : '') + s.slice(0, -4) + '.' + s.slice(-4);
  }
  const s = a.toFixed(4);
  return neg ? '-' + s : s;
}

const LEVELS = 16;
const palette = (/** @type {string} */ c) => Array.from({ length: LEVELS + 1 }, (_, l) => interpolateRgb('#ffffff', c)(0.65 * l / LEVELS));
const NEG = palette('#e0323c');
const POS = palette('#2b6cd4');
/** Box fill for a grad: red negative / blue positive, intensity on a log scale from 1e-4 (white) to >= 1 (full). */
export function gradFill(/** @type {number} */ g) {
  if (!(Math.abs(g) > 1e-4)) return Number.isNaN(g) ? '#cccccc' : NEG[0];
  return (g < 0 ? NEG : POS)[Math.round(Math.min(1, (Math.log10(Math.abs(g)) + 4) / 4) * LEVELS)];
}
/** @param {number} data @param {number} grad */
export const valueLabel = (data, grad) => [`data: ${fmt4(data)}`, `grad: ${fmt4(grad)}`];

/** Default node and edge attributes of every graph the view lays out. */
export const DOT_NODE_DEFAULTS = '  node [shape=box fontname="Courier" fontsize=10 margin="0.08,0.04" height=0.2 width=0.3];\n  edge [arrowsize=0.6];';

/** A DOT string literal (DOT strings take the same escapes as JSON for our text). @param {string} s */
export const dotString = (s) => JSON.stringify(s);

/**
 * The DOT text, shaped like the reference draw_dot: a box per value, an ellipse per op, op -> value,
 * child value -> parent's op. Lines are padded to 14 characters so values may grow a little later.
 * @param {Graph} graph
 * @returns {string}
 */
export function buildDot(graph) {
  const out = [
    'digraph G {',
    '  rankdir=LR; nodesep=0.1; ranksep=0.4; splines=true; outputorder=edgesfirst;',
    DOT_NODE_DEFAULTS,
  ];
  graph.nodes.forEach((n, i) => out.push(...valueDot(n, i)));
  for (const [child, parent] of graph.edges) out.push(`  v${child} -> o${parent};`);
  out.push('}');
  return out.join('\n');
}

/**
 * The DOT lines of one op-level value: its box v<i>, and for a computed value its op ellipse o<i> -> v<i>.
 * @param {import('../engine').GraphNode} n  @param {number} i
 */
export function valueDot(n, i) {
  const [a, b] = valueLabel(n.data, n.grad).map((s) => s.padEnd(14, ' '));
  const out = [`  v${i} [label=${dotString(a + '\n' + b)}];`];
  if (n.op) {
    out.push(`  o${i} [label=${dotString(n.op)} shape=ellipse fontname="Helvetica" fontsize=9 margin="0.02,0.01"];`);
    out.push(`  o${i} -> v${i};`);
  }
  return out;
}

// ---- the layout worker client ----
// One worker serves every view. Requests run one at a time; each belongs to a channel (a view), and a newer
// request on a channel supersedes its older ones: queued ones are dropped, a running one's answer is ignored
// (or, after SLOW_MS, the worker is stopped and restarted rather than finishing a layout nobody wants).
// There is deliberately no main-thread fallback: it would ship a second copy of Graphviz (630 KB gzip, over the
// page's size budget) for browsers without Workers, where the view says so instead.

/** @typedef {{ id: number, dot: string, channel: object, resolve: (g: import('./graph-dot.js').Geometry) => void, reject: (e: Error) => void, t0: number, started: number, stale: boolean }} Request */

const SLOW_MS = 250;
const DEFAULT_CHANNEL = {};
/** @type {Request[]} */ const queue = [];
/** @type {Request | null} */ let running = null;
/** @type {Promise<Worker> | null} */ let workerPromise = null;
let nextId = 1;

const superseded = () => Object.assign(new Error('layout superseded by a newer one'), { name: 'AbortError' });
/** true for the rejection of a layout that a newer request on its channel replaced @param {unknown} err */
export const isSuperseded = (err) => err instanceof Error && err.name === 'AbortError';

/** Starts the worker (Vite's inline worker: a blob, so it works from one file and from file://). */
function startWorker() {
  workerPromise = import('./graph-layout.worker.js?worker&inline').then(({ default: LayoutWorker }) => {
    /** @type {Worker} */ let w;
    try {
      w = new LayoutWorker();
    } catch (err) {
      throw new Error(`this browser cannot start the layout worker (${/** @type {Error} */ (err)?.message ?? err})`);
    }
    layoutStats.workers += 1;
    w.onmessage = (e) => finish(w, e.data);
    w.onerror = (e) => {
      e.preventDefault();
      crash(w, new Error(`layout worker failed: ${e.message || 'error'}`));
    };
    return w;
  });
  workerPromise.catch(() => { workerPromise = null; }); // allow a retry after a failed load
  return workerPromise;
}

/** @param {Worker} w @param {Error} err */
function crash(w, err) {
  w.terminate();
  workerPromise = null;
  const r = running;
  running = null;
  r?.reject(err);
  pump();
}

/** @param {Worker} w @param {{ id: number, layout?: import('./graph-dot.js').Geometry, error?: string }} msg */
function finish(w, msg) {
  const r = running;
  if (!r || r.id !== msg.id) return;
  running = null;
  if (msg.layout) count(r, msg.layout.ms);
  if (r.stale) r.reject(superseded());
  else if (msg.layout) r.resolve(msg.layout);
  else r.reject(new Error(msg.error ?? 'layout failed'));
  pump();
}

/** @param {Request} r @param {number} ms */
function count(r, ms) {
  layoutStats.runs += 1;
  layoutStats.lastMs = ms;
  layoutStats.lastTotalMs = performance.now() - r.t0;
}

/** Sends the next queued request to the worker (started on first use). */
async function pump() {
  if (running || !queue.length) return;
  const r = (running = /** @type {Request} */ (queue.shift()));
  try {
    const w = await (workerPromise ?? startWorker());
    if (running !== r) return; // stopped meanwhile
    r.started = performance.now();
    w.postMessage({ id: r.id, dot: r.dot });
    return;
  } catch (err) {
    if (running === r) running = null;
    r.reject(/** @type {Error} */ (err));
  }
  pump();
}

/** Supersedes every queued or running layout of `channel` (e.g. a view going away). @param {object} channel */
export function cancelLayouts(channel) {
  for (let k = queue.length - 1; k >= 0; k--) {
    if (queue[k].channel === channel) queue.splice(k, 1)[0].reject(superseded());
  }
  const r = running;
  if (r && r.channel === channel && !r.stale) {
    r.stale = true;
    if (r.started && performance.now() - r.started > SLOW_MS) { // a long layout nobody wants: restart the worker
      workerPromise?.then((w) => { if (w && running === r) crash(w, superseded()); });
    }
  }
}

/**
 * Lays out DOT text in the worker; a newer request on the same channel supersedes this one (it then rejects with
 * an error for which isSuperseded is true).
 * @param {string} dot
 * @param {object} [channel]  who asks (one per view)
 * @returns {Promise<import('./graph-dot.js').Geometry>}
 */
export function layoutDot(dot, channel = DEFAULT_CHANNEL) {
  cancelLayouts(channel);
  return new Promise((resolve, reject) => {
    queue.push({ id: nextId++, dot, channel, resolve, reject, t0: performance.now(), started: 0, stale: false });
    pump();
  });
}

/**
 * Lays out geometry for DOT whose ellipses o<i> are the ops of graph's nodes, adding each ellipse's op text.
 * @param {string} dot  @param {Graph} graph  @param {object} [channel]
 * @returns {Promise<Layout>}
 */
export async function layoutScene(dot, graph, channel) {
  const g = await layoutDot(dot, channel);
  return { ...g, ops: g.ops.map((b) => ({ ...b, op: graph.nodes[b.i].op })) };
}

/**
 * Runs dot on the op-level graph (in the worker) and returns node boxes and edge paths in SVG coordinates.
 * Throws when the graph has more than MAX_VALUE_NODES values.
 * @param {Graph} graph
 * @param {{ channel?: object }} [options]  channel: requests on one channel supersede each other
 * @returns {Promise<Layout>}
 */
export async function layoutGraph(graph, options = {}) {
  if (graph.nodes.length > MAX_VALUE_NODES) throw new Error(`graph: ${graph.nodes.length} values is too many to lay out`);
  return layoutScene(buildDot(graph), graph, options.channel);
}
