// The friendly JavaScript API over the WASM engine: loads the module in Node or a browser, turns the
// engine's error values into Errors that name the field, and copies results out of WASM memory.
import createMicrograd from '../wasm/micrograd.mjs';

const SPLITS = { train: 0, val: 1, test: 2 };
const isNode = typeof process === 'object' && process !== null && typeof process.versions === 'object' &&
  !!process.versions.node && typeof window === 'undefined';
const WASM_FILE = '../wasm/micrograd.wasm'; // relative to this file; not a literal new URL() (see README)

/** @type {Promise<import('./engine').Engine> | null} */
let enginePromise = null;

async function nodeWasmBytes() {
  const fs = process.getBuiltinModule ? process.getBuiltinModule('fs')
    : await import(/* @vite-ignore */ ['node', 'fs'].join(':'));
  return fs.promises.readFile(new URL(WASM_FILE, import.meta.url));
}

/**
 * Loads the engine once; later calls return the same instance.
 * @param {object} [overrides] Emscripten module overrides (e.g. wasmBinary)
 * @returns {Promise<import('./engine').Engine>}
 */
export function loadEngine(overrides = {}) {
  if (!enginePromise) {
    enginePromise = (async () => {
      const opts = { ...overrides };
      if (isNode && !opts.wasmBinary) opts.wasmBinary = await nodeWasmBytes();
      const mod = await createMicrograd(opts);
      return makeEngine(mod);
    })();
  }
  return enginePromise;
}

function expectNumber(field, v) {
  if (typeof v !== 'number') throw new Error(`${field}: expected a number, got ${describe(v)}`);
  return v;
}
function expectInt(field, v) {
  expectNumber(field, v);
  if (!Number.isInteger(v)) throw new Error(`${field}: expected an integer, got ${v}`);
  return v;
}
function describe(v) {
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '...' : v)}`;
  if (Array.isArray(v)) return 'an array';
  return v === null ? 'null' : typeof v;
}
function splitIndex(split) {
  if (!(split in SPLITS) || typeof split !== 'string') {
    throw new Error(`split: expected 'train', 'val' or 'test', got ${describe(split)}`);
  }
  return SPLITS[split];
}

/** @param {any} mod the Emscripten module */
function makeEngine(mod) {
  const f64 = (ptr, n) => mod.HEAPF64.slice(ptr / 8, ptr / 8 + n);
  const f32 = (ptr, n) => mod.HEAPF32.slice(ptr / 4, ptr / 4 + n);

  class Trainer {
    /** @param {import('./engine').TrainerOptions} [options] */
    constructor(options = {}) {
      if (options === null || typeof options !== 'object' || Array.isArray(options)) {
        throw new Error(`options: expected an object, got ${describe(options)}`);
      }
      const known = ['seed', 'n', 'hidden', 'activation', 'optimizer', 'lr', 'weightDecay', 'dataset', 'noise'];
      for (const k of Object.keys(options)) {
        if (!known.includes(k)) throw new Error(`${k}: unknown option (known: ${known.join(', ')})`);
      }
      const o = { seed: 42, n: 100, hidden: [8], activation: 'tanh', optimizer: 'adamw', lr: 0.1, weightDecay: 1e-4,
        dataset: 'yinyang', noise: 0, ...options };
      expectInt('seed', o.seed);
      expectInt('n', o.n);
      if (!Array.isArray(o.hidden) || o.hidden.length === 0) throw new Error(`hidden: expected a non-empty array of layer widths, got ${describe(o.hidden)}`);
      o.hidden.forEach((w, i) => expectInt(`hidden[${i}]`, w));
      if (typeof o.activation !== 'string') throw new Error(`activation: expected 'tanh' or 'relu', got ${describe(o.activation)}`);
      if (typeof o.optimizer !== 'string') throw new Error(`optimizer: expected 'adamw' or 'sgd', got ${describe(o.optimizer)}`);
      expectNumber('lr', o.lr);
      expectNumber('weightDecay', o.weightDecay);
      if (typeof o.dataset !== 'string') throw new Error(`dataset: expected a dataset name, got ${describe(o.dataset)}`);
      expectNumber('noise', o.noise);
      this._s = new mod.Session();
      const err = this._s.configure(o.seed, o.n, o.hidden.join(','), o.activation, o.optimizer, o.lr, o.weightDecay,
        o.dataset, o.noise);
      if (err) {
        this._s.delete();
        this._s = null;
        throw new Error(err);
      }
      /** @type {Readonly<Required<import('./engine').TrainerOptions>>} */
      this.options = /** @type {any} */ (Object.freeze({ ...o, hidden: [...o.hidden] }));
    }

    _live() {
      if (!this._s) throw new Error('Trainer: used after delete()');
      return this._s;
    }
    _check(result) {
      const err = this._s.lastError();
      if (err) throw new Error(err);
      return result;
    }

    step() { return this._check(this._live().step()); }
    steps(k) { expectInt('steps', k); return this._check(this._live().steps(k)); }
    get stepCount() { return this._live().stepCount(); }
    loss(split = 'train') { return this._check(this._live().loss(splitIndex(split))); }
    accuracy(split = 'train') { return this._check(this._live().accuracy(splitIndex(split))); }

    forward(x, y) {
      expectNumber('x', x); expectNumber('y', y);
      const ptr = this._check(this._live().forward(x, y));
      return Array.from(f64(ptr, 3));
    }

    graph(x, y, label) {
      expectNumber('x', x); expectNumber('y', y); expectInt('label', label);
      const json = this._check(this._live().graphJson(x, y, label));
      const g = JSON.parse(json);
      const values = this.graphValues(x, y, label);
      const n = g.nodes.length;
      g.nodes.forEach((node, i) => { node.data = values[i]; node.grad = values[n + i]; });
      return g;
    }

    graphValues(x, y, label, out) {
      expectNumber('x', x); expectNumber('y', y); expectInt('label', label);
      const s = this._live();
      const ptr = this._check(s.graphValues(x, y, label));
      const n = 2 * s.graphSize();
      if (out && out.length === n) { out.set(mod.HEAPF64.subarray(ptr / 8, ptr / 8 + n)); return out; }
      return f64(ptr, n);
    }

    boundary(w, h, x0, x1, y0, y1) {
      expectInt('width', w); expectInt('height', h);
      [x0, x1, y0, y1].forEach((v, i) => expectNumber(['x0', 'x1', 'y0', 'y1'][i], v));
      const ptr = this._check(this._live().boundary(w, h, x0, x1, y0, y1));
      return f32(ptr, w * h * 3);
    }

    parameters() {
      const s = this._live();
      return f64(this._check(s.parameters()), s.numParameters());
    }

    optimizerState() {
      const s = this._live();
      const P = s.numParameters();
      const all = f64(this._check(s.optimizerState()), 3 * P);
      return { grad: all.slice(0, P), m: all.slice(P, 2 * P), v: all.slice(2 * P) };
    }

    points(split = 'train') {
      const s = this._live();
      const i = splitIndex(split);
      const n = s.numPoints(i);
      const a = f64(this._check(s.points(i)), 3 * n);
      const pts = [];
      for (let k = 0; k < n; k++) pts.push({ x: a[3 * k], y: a[3 * k + 1], label: a[3 * k + 2] });
      return pts;
    }

    addPoint(point, split = 'train') {
      if (point === null || typeof point !== 'object') throw new Error(`point: expected {x, y, label}, got ${describe(point)}`);
      expectNumber('x', point.x); expectNumber('y', point.y); expectInt('label', point.label);
      this._check(this._live().addPoint(point.x, point.y, point.label, splitIndex(split)));
    }
    movePoint(split, index, x, y) {
      const i = splitIndex(split);
      expectInt('index', index); expectNumber('x', x); expectNumber('y', y);
      this._check(this._live().movePoint(i, index, x, y));
    }
    setLabel(split, index, label) {
      const i = splitIndex(split);
      expectInt('index', index); expectInt('label', label);
      this._check(this._live().setLabel(i, index, label));
    }
    removePoint(split, index) {
      const i = splitIndex(split);
      expectInt('index', index);
      this._check(this._live().removePoint(i, index));
    }
    /** Replaces all points; validates every point first, so a bad one changes nothing. */
    setPoints({ train = [], val = [], test = [] }) {
      const all = { train, val, test };
      for (const [split, pts] of Object.entries(all)) {
        if (!Array.isArray(pts)) throw new Error(`${split}: expected an array of points, got ${describe(pts)}`);
        pts.forEach((p, i) => {
          if (p === null || typeof p !== 'object') throw new Error(`${split}[${i}]: expected {x, y, label}`);
          for (const k of ['x', 'y']) {
            expectNumber(`${split}[${i}].${k}`, p[k]);
            if (!Number.isFinite(p[k]) || Math.abs(p[k]) > 1000) throw new Error(`${split}[${i}].${k}: expected a finite number from -1000 to 1000, got ${p[k]}`);
          }
          expectInt(`${split}[${i}].label`, p.label);
          if (p.label < 0 || p.label > 2) throw new Error(`${split}[${i}].label: expected 0, 1 or 2, got ${p.label}`);
        });
      }
      const before = { train: this.points('train'), val: this.points('val'), test: this.points('test') };
      const s = this._live();
      s.clearPoints();
      try {
        for (const [split, pts] of Object.entries(all)) for (const p of pts) this.addPoint(p, split);
      } catch (e) {
        s.clearPoints();
        for (const [split, pts] of Object.entries(before)) for (const p of pts) s.addPoint(p.x, p.y, p.label, SPLITS[split]);
        throw e;
      }
    }
    clearPoints() { this._live().clearPoints(); }

    // ---- teaching support: the passes as data, gradient checks, per-point views ----
    _rows(ptr, cols) { const n = this._s.count(); return { n, a: f64(ptr, cols * n) }; }
    _point3(x, y, label) { expectNumber('x', x); expectNumber('y', y); expectInt('label', label); }

    /** The backward pass in the engine's order: operand.grad += local * upstream (= contribution). */
    backwardSteps(x, y, label) {
      this._point3(x, y, label);
      const { n, a } = this._rows(this._check(this._live().backwardSteps(x, y, label)), 5);
      const col = (c, T) => T.from({ length: n }, (_, i) => a[5 * i + c]);
      return { node: col(0, Int32Array), operand: col(1, Int32Array), local: col(2, Float64Array),
        upstream: col(3, Float64Array), contribution: col(4, Float64Array) };
    }
    /** graph() node indices in the order the forward pass computes them. */
    forwardOrder(x, y, label) {
      this._point3(x, y, label);
      const { a } = this._rows(this._check(this._live().forwardOrder(x, y, label)), 1);
      return Int32Array.from(a);
    }
    /** d loss / d node by autograd and by central finite difference. */
    gradCheck(x, y, label, node) {
      this._point3(x, y, label); expectInt('node', node);
      const a = f64(this._check(this._live().gradCheck(x, y, label, node)), 3);
      return { autograd: a[0], numeric: a[1], relError: a[2] };
    }
    gradCheckParams(x, y, label) {
      this._point3(x, y, label);
      const s = this._live(), P = s.numParameters();
      const a = f64(this._check(s.gradCheckParams(x, y, label)), 3 * P);
      return { autograd: a.slice(0, P), numeric: a.slice(P, 2 * P), relError: a.slice(2 * P) };
    }
    /** Training point i's share of the batch gradient of parameter p at [i * P + p]. */
    pointGrads() {
      const s = this._live(), ptr = this._check(s.pointGrads());
      return f64(ptr, s.count() * s.numParameters());
    }
    /** Each point's loss and predicted class. */
    pointStats(split = 'train') {
      const s = this._live(), ptr = this._check(s.pointStats(splitIndex(split)));
      const n = s.count(), a = f64(ptr, 2 * n);
      return { loss: a.slice(0, n), predicted: Int32Array.from(a.subarray(n)) };
    }
    /** graph() node `node`'s value as the traced point moves over a w x h grid (w, h up to 256). */
    nodeField(node, label, w, h, x0, x1, y0, y1) {
      expectInt('node', node); expectInt('label', label); expectInt('width', w); expectInt('height', h);
      [x0, x1, y0, y1].forEach((v, i) => expectNumber(['x0', 'x1', 'y0', 'y1'][i], v));
      return f32(this._check(this._live().nodeField(node, label, w, h, x0, x1, y0, y1)), w * h);
    }

    reset() { this._live().reset(); }
    setLr(lr) { expectNumber('lr', lr); this._check(this._live().setLr(lr)); }
    setWeightDecay(wd) { expectNumber('weightDecay', wd); this._check(this._live().setWeightDecay(wd)); }
    get lr() { return this._live().lr(); }
    get weightDecay() { return this._live().weightDecay(); }

    delete() {
      if (this._s) { this._s.delete(); this._s = null; }
    }
  }

  return {
    Trainer,
    memoryBytes: () => mod.HEAP8.buffer.byteLength,
    module: mod,
  };
}
