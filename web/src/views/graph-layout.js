// Lays out graphs: DOT text goes to Graphviz `dot` in a Web Worker (WASM, loaded lazily) and comes back as plain
// geometry for D3. One worker serves every view; the main thread never loads Graphviz.

/** @typedef {import('../engine').Graph} Graph */
/** @typedef {{ i: number, x: number, y: number, w: number, h: number }} NodeBox  centre x/y and size, y pointing down */
/** @typedef {{ name: string, x: number, y: number, w: number, h: number, label: string, lx: number, ly: number }} ClusterBox  an expanded group's frame; lx/ly: its label's centre */
/** @typedef {{ id: string, d: string, value: boolean }} EdgePath  id: 'tail-head' node names; value: the tail is a value box */
/** @typedef {{ width: number, height: number, values: NodeBox[], ops: NodeBox[], clusters: ClusterBox[], edges: EdgePath[], ms: number }} Geometry */
/** @typedef {NodeBox & { op: string }} OpBox */
/** @typedef {Omit<Geometry, 'ops'> & { ops: OpBox[] }} Layout */


/** Value nodes above which the op-level view refuses to lay out (the neuron-level view takes over). */
export const MAX_VALUE_NODES = 2000;
/** Value nodes up to which the graph view picks the op level by itself (above: the neuron level). */
export const OPS_AUTO_MAX = 600;

/** Layouts run (runs) and workers started (workers); the last run's dot time in ms (lastMs) and its round trip from
 *  request to answer (lastTotalMs). Read by tests. */
export const layoutStats = { runs: 0, workers: 0, lastMs: 0, lastTotalMs: 0 };

// ---- the layout worker client ----
// One worker serves every view. Requests run one at a time; each belongs to a channel (a view), and a newer
// request on a channel supersedes its older ones: queued ones are dropped, a running one's answer is ignored
// (or, after SLOW_MS, the worker is stopped and restarted rather than finishing a layout nobody wants).
// There is deliberately no main-thread fallback: it would ship a second copy of Graphviz (630 KB gzip, over the
// page's size budget) for browsers without Workers, where the view says so instead.

/** @typedef {{ id: number, dot: string, channel: object, resolve: (g: Geometry) => void, reject: (e: Error) => void, t0: number, started: number, stale: boolean }} Request */

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

/** @param {Worker} w @param {{ id: number, layout?: Geometry, error?: string }} msg */
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
 * @returns {Promise<Geometry>}
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
