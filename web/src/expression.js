// The expression language's JavaScript API, over its own WASM module (web/wasm/micrograd_expr.*, so a page
// that shows no snippet never downloads it, and a snippet page never the network): loadExpressions() gives
// expression(source) for the numbers and the graph at once, and the Expression object that the walk-through,
// the gradient checks and leaf sliders use (the shapes of Trainer's graph(), forwardOrder(), backwardSteps()
// and gradCheck()). Errors in a snippet are ExpressionErrors: message "LINE:COL: ...", with line, column and
// offset (an index into the source string).
import createMicrogradExpr from '../wasm/micrograd_expr.mjs';

const isNode = typeof process === 'object' && process !== null && typeof process.versions === 'object' &&
  !!process.versions.node && typeof window === 'undefined';
const WASM_FILE = '../wasm/micrograd_expr.wasm'; // relative to this file, as engine.js finds its module

/** @type {Promise<import('./expression').ExpressionEngine> | null} */
let loading = null;

async function nodeWasmBytes() {
  const fs = process.getBuiltinModule ? process.getBuiltinModule('fs')
    : await import(/* @vite-ignore */ ['node', 'fs'].join(':'));
  return fs.promises.readFile(new URL(WASM_FILE, import.meta.url));
}

/**
 * Loads the expression engine once; later calls return the same instance.
 * @param {object} [overrides] Emscripten module overrides (e.g. wasmBinary)
 * @returns {Promise<import('./expression').ExpressionEngine>}
 */
export function loadExpressions(overrides = {}) {
  if (!loading) {
    loading = (async () => {
      const opts = { ...overrides };
      if (isNode && !opts.wasmBinary) opts.wasmBinary = await nodeWasmBytes();
      return expressionApi(await createMicrogradExpr(opts));
    })();
  }
  return loading;
}

export class ExpressionError extends Error {
  /**
   * @param {number} line
   * @param {number} column
   * @param {string} detail
   * @param {string} source
   */
  constructor(line, column, detail, source) {
    super(`${line}:${column}: ${detail}`);
    this.name = 'ExpressionError';
    this.line = line;
    this.column = column;
    this.detail = detail;
    this.offset = offsetOf(source, line, column);
  }
}

// The index into source of a 1-based line and column (the engine counts characters, JS UTF-16 units).
function offsetOf(source, line, column) {
  let pos = 0;
  for (let l = 1; l < line && pos < source.length;) {
    const c = source[pos++];
    if (c === '\n' || (c === '\r' && source[pos] !== '\n')) l++;
  }
  for (let c = 1; c < column && pos < source.length; c++) pos += source.codePointAt(pos) > 0xffff ? 2 : 1;
  return pos;
}

function describe(v) {
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '...' : v)}`;
  return v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v;
}
function expectInt(field, v) {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new Error(`${field}: expected an integer, got ${typeof v === 'number' ? v : describe(v)}`);
}

/** @param {any} mod the Emscripten module */
function expressionApi(mod) {
  const f64 = (ptr, n) => mod.HEAPF64.slice(ptr / 8, ptr / 8 + n);

  class Expression {
    /** @param {string} source */
    constructor(source) {
      if (typeof source !== 'string') throw new Error(`source: expected a string, got ${describe(source)}`);
      const s = new mod.ExprSession();
      if (!s.run(source)) {
        const e = new ExpressionError(s.errorLine(), s.errorColumn(), s.errorMessage(), source);
        s.delete();
        throw e;
      }
      this._s = s;
      /** @type {string} */
      this.source = source;
      this._st = JSON.parse(s.structure());
    }

    _live() {
      if (!this._s) throw new Error('Expression: used after delete()');
      return this._s;
    }
    _fail() {
      const s = this._s;
      if (s.errorLine() > 0) throw new ExpressionError(s.errorLine(), s.errorColumn(), s.errorMessage(), this.source);
      throw new Error(s.errorMessage());
    }
    _numbers() {
      const s = this._live(), V = s.numVars(), N = s.graphSize();
      return { V, N, a: f64(s.values(), 2 * V + 2 * N) };
    }

    /** Each variable holding a Value, in order of first assignment. */
    values() {
      const { V, a } = this._numbers();
      return this._st.vars.map((v, i) => ({ name: v.name, data: a[i], grad: a[V + i] }));
    }
    /** The backward root's graph in trace order, with names and leaf indices for the views. */
    graph() {
      const { V, N, a } = this._numbers();
      return {
        nodes: this._st.nodes.map((n, i) => ({ op: n.op, data: a[2 * V + i], grad: a[2 * V + N + i], label: n.label,
          name: n.name, param: n.leaf >= 0 ? n.leaf : null, input: false })),
        edges: this._st.edges.map(([c, p]) => [c, p]),
      };
    }
    /** data of each graph() node, then grad of each; writes into `out` when its length fits. */
    graphValues(out) {
      const { V, N, a } = this._numbers();
      const vals = a.subarray(2 * V);
      if (out && out.length === 2 * N) { out.set(vals); return out; }
      return vals.slice();
    }
    /** The Value(...) leaves in the order the snippet made them: what a slider can move. */
    leaves() {
      const s = this._live(), L = s.numLeaves(), d = f64(s.leafValues(), L);
      return this._st.leaves.map((l, i) => ({ index: i, name: l.name, label: l.label, node: l.node, data: d[i],
        line: l.line, column: l.column, from: l.from, to: l.to }));
    }
    /** Sets leaf i to value (as Value(value) would) and re-runs forward and backward; returns values(). */
    setLeaf(i, value) {
      expectInt('leaf', i);
      if (typeof value !== 'number') throw new Error(`value: expected a number, got ${describe(value)}`);
      if (!this._live().setLeaf(i, value)) this._fail();
      return this.values();
    }
    /** graph() node indices in the order the forward pass computed them (operands first, the root last). */
    forwardOrder() {
      const s = this._live(), ptr = s.forwardOrder();
      return Int32Array.from(f64(ptr, s.count()));
    }
    /** The last backward() call, in the engine's order: operand.grad += local * upstream (= contribution). */
    backwardSteps() {
      const s = this._live(), ptr = s.backwardSteps(), n = s.count(), a = f64(ptr, 5 * n);
      const col = (c, T) => T.from({ length: n }, (_, i) => a[5 * i + c]);
      return { node: col(0, Int32Array), operand: col(1, Int32Array), local: col(2, Float64Array),
        upstream: col(3, Float64Array), contribution: col(4, Float64Array) };
    }
    /** d root / d node by autograd and by a central finite difference. */
    gradCheck(node) {
      expectInt('node', node);
      const s = this._live(), ptr = s.gradCheck(node);
      if (!ptr) this._fail();
      const a = f64(ptr, 3);
      return { autograd: a[0], numeric: a[1], relError: a[2] };
    }
    /** Frees the WASM memory. Idempotent. */
    delete() {
      if (this._s) { this._s.delete(); this._s = null; }
    }
  }

  /** Runs a snippet once: its variables' values and its backward root's graph ({op, data, grad, label}). */
  function expression(source) {
    const x = new Expression(source);
    try {
      const g = x.graph();
      return { values: x.values(), graph: { nodes: g.nodes.map(({ op, data, grad, label }) => ({ op, data, grad, label })), edges: g.edges } };
    } finally {
      x.delete();
    }
  }

  const limits = Object.freeze(JSON.parse(mod.limits()));
  return { Expression, expression, ExpressionError, limits: () => limits, memoryBytes: () => mod.HEAP8.buffer.byteLength, module: mod };
}
