// Web Worker: runs Graphviz (WASM) on DOT text off the main thread and posts back plain geometry, tagged by request id.
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import { runDot } from './graph-dot.js';

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
