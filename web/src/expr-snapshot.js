// Expression mode's one view of the expression engine (as snapshot.js is the Trainer's): the last snippet that ran
// (an Expression), and what it holds copied out of WASM once per change: its variables, graph, leaves and passes.
// Every change goes through here and marks the store's pseudo-fields 'exprGraph' (a new snippet: new structure) and
// 'exprValues' (a leaf moved: new numbers only). A snippet that does not run changes nothing here.
import { nameNodes } from './expr-names.js';

export class ExprSnapshot {
  /** @param {import('./expression').ExpressionEngine} engine @param {{ touch: (...k: string[]) => void }} store */
  constructor(engine, store) {
    this.engine = engine;
    this.store = store;
    /** @type {import('./expression').Expression | null} */ this.x = null;
    /** the source the running Expression stands for (a slider's number written back included) */
    this.source = null;
    this.v = { graph: 0, values: 0 };
    /** @type {Map<string, { stamp: string, value: any }>} */ this.cache = new Map();
    /** @type {{ from: number, to: number }[]} where each leaf's number is in `source` (moved by write-backs) */
    this.spans = [];
  }

  /** Runs a snippet; on success it replaces the last one. Throws the ExpressionError (nothing changes then).
   *  @param {string} source */
  run(source) {
    const x = new this.engine.Expression(source);
    this.x?.delete();
    this.x = x;
    this.source = source;
    this.spans = x.leaves().map((l) => ({ from: l.from, to: l.to }));
    this.v.graph++;
    this.v.values++;
    this.store.touch('exprGraph', 'exprValues');
  }

  /** Sets leaf i (a float, as Value(value)) and re-runs forward and backward; returns the source with the number
   *  written back. Throws the ExpressionError of a raise (nothing changes then). @param {number} i @param {number} value
   *  @param {string} text how the number is written */
  setLeaf(i, value, text) {
    const x = /** @type {any} */ (this.x), span = this.spans[i];
    x.setLeaf(i, value);
    const src = /** @type {string} */ (this.source);
    this.source = src.slice(0, span.from) + text + src.slice(span.to);
    const delta = text.length - (span.to - span.from);
    span.to += delta;
    for (let k = i + 1; k < this.spans.length; k++) { this.spans[k].from += delta; this.spans[k].to += delta; }
    this.v.values++;
    this.store.touch('exprValues');
    return this.source;
  }

  /** The value of `fn` as of the versions named in `deps`. */
  _memo(key, deps, fn) {
    const stamp = deps.map((d) => this.v[d]).join();
    const c = this.cache.get(key);
    if (c && c.stamp === stamp) return c.value;
    const value = this.x ? fn(this.x) : null;
    this.cache.set(key, { stamp, value });
    return value;
  }

  /** The backward root's graph (names, ops, edges; the numbers as of the run); unnamed nodes named by their expression. */
  graph() { return this._memo('graph', ['graph'], (x) => nameNodes(x.graph())); }
  /** data of every graph node, then grad. */
  graphValues() { return this._memo('graphValues', ['graph', 'values'], (x) => x.graphValues()); }
  /** [{ name, data, grad }] of each variable holding a Value. */
  values() { return this._memo('values', ['graph', 'values'], (x) => x.values()); }
  /** The Value(...) leaves with their numbers now. */
  leaves() { return this._memo('leaves', ['graph', 'values'], (x) => x.leaves()); }
  /** The passes for a walk: the graph with its numbers now, the forward order and the backward steps. */
  passes() {
    return this._memo('passes', ['graph', 'values'], (x) => {
      const g = nameNodes(x.graph());
      return { graph: g, order: x.forwardOrder(), steps: x.backwardSteps() };
    });
  }
  /** d root / d node by autograd and by a central finite difference. @param {number} node */
  gradCheck(node) { return /** @type {any} */ (this.x).gradCheck(node); }
}
