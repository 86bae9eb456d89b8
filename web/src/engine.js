// The friendly JavaScript API over the WASM engine: loads the module in Node or a browser, turns the
// engine's error values into Errors that name the field, and copies results out of WASM memory.
import createMicrograd from '../wasm/micrograd.mjs';
import { describe, expectInt, expectName, expectNumber, expectObject, oneOf } from './engine-args.js';

const isNode = typeof process === 'object' && process !== null && typeof process.versions === 'object' &&
  !!process.versions.node && typeof window === 'undefined';
const WASM_FILE = '../wasm/micrograd.wasm'; // relative to this file; not a literal new URL() (see README)
const OPTIMIZER_ROWS = 6; // Session::kOptimizerRows: grad, m, v, m_hat, v_hat, delta
const DATASET_OPTIONS = ['n', 'noise', 'seed'];

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


/** Freezes an object and everything in it. */
function deepFreeze(o) {
  if (o !== null && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

/** @param {any} mod the Emscripten module */
function makeEngine(mod) {
  const f64 = (ptr, n) => mod.HEAPF64.slice(ptr / 8, ptr / 8 + n);
  const f32 = (ptr, n) => mod.HEAPF32.slice(ptr / 4, ptr / 4 + n);
  /** @type {import('./engine').Limits} */
  const limits = deepFreeze(JSON.parse(mod.limits()));
  const splitIndex = (split) => {
    const i = typeof split === 'string' ? limits.split.indexOf(/** @type {any} */ (split)) : -1;
    if (i < 0) throw new Error(`split: expected ${oneOf(limits.split)}, got ${describe(split)}`);
    return i;
  };

  class Trainer {
    /** @param {import('./engine').TrainerOptions} [options] */
    constructor(options = {}) {
      expectObject('options', options, 'an object');
      const known = Object.keys(limits.defaults);
      for (const k of Object.keys(options)) {
        if (!known.includes(k)) throw new Error(`${k.length <= 60 ? k : describe(k)}: unknown option (known: ${known.join(', ')})`);
      }
      const o = { ...limits.defaults, ...options };
      expectInt('seed', o.seed);
      expectInt('n', o.n);
      if (!Array.isArray(o.hidden) || o.hidden.length === 0) throw new Error(`hidden: expected a non-empty array of layer widths, got ${describe(o.hidden)}`);
      if (o.hidden.length > limits.hidden.maxLayers) throw new Error(`hidden: at most ${limits.hidden.maxLayers} layers, got ${o.hidden.length}`);
      o.hidden.forEach((w, i) => expectInt(`hidden[${i}]`, w));
      expectName('activation', o.activation, limits.activation);
      expectName('optimizer', o.optimizer, limits.optimizer);
      expectNumber('lr', o.lr);
      expectNumber('weightDecay', o.weightDecay);
      expectName('dataset', o.dataset, limits.dataset);
      expectNumber('noise', o.noise);
      this._s = new mod.Session();
      const err = this._s.configure(o.seed, o.n, o.hidden.join(','), o.activation, o.optimizer, o.lr, o.weightDecay,
        o.dataset, o.noise);
      if (err) {
        this._s.delete();
        this._s = null;
        throw new Error(err);
      }
      this._opts = { ...o, hidden: [...o.hidden] };
      this._names = null;
    }

    /** The trainer's settings as they are now (lr and weight decay as set, n the points it holds): a fresh frozen copy. */
    get options() {
      const s = this._live();
      const n = s.numPoints(0) + s.numPoints(1) + s.numPoints(2);
      return deepFreeze({ ...this._opts, hidden: [...this._opts.hidden], n, lr: s.lr(), weightDecay: s.weightDecay() });
    }

    /** Parameter names in reference order (per layer, per neuron: weights then bias): 'w[l][n][i]', 'b[l][n]'. */
    paramNames() {
      if (!this._names) this._names = deepFreeze(JSON.parse(this._check(this._live().paramNames())));
      return this._names;
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

    /** One step; returns its loss. `diverged` says when that loss was not finite. */
    step() { return this._check(this._live().step()); }
    /** Up to k steps: at most limits().callWork graph nodes' worth (always one), none after a loss that is not
     *  finite. Returns the last loss; `lastSteps` says how many steps ran. */
    steps(k) { expectInt('steps', k); return this._check(this._live().steps(k)); }
    get lastSteps() { return this._live().lastSteps(); }
    get diverged() { return this._live().diverged(); }
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
      if (out !== undefined && !(out instanceof Float64Array)) throw new Error(`out: expected a Float64Array, got ${describe(out)}`);
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

    /** What the optimizer's last step computed for each parameter (zeros before the first step): see engine.d.ts. */
    optimizerState() {
      const s = this._live();
      const P = s.numParameters();
      const all = f64(this._check(s.optimizerState()), OPTIMIZER_ROWS * P + 4), c = all.subarray(OPTIMIZER_ROWS * P);
      const row = (r) => all.slice(r * P, (r + 1) * P);
      const st = { grad: row(0), m: row(1), v: row(2), delta: row(5) };
      if (this._opts.optimizer === 'sgd') return { kind: /** @type {'sgd'} */ ('sgd'), ...st, velocity: st.m, momentum: c[3] };
      return { kind: /** @type {'adamw'} */ ('adamw'), ...st, mHat: row(3), vHat: row(4), beta1: c[0], beta2: c[1], eps: c[2] };
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
      expectObject('point', point, '{x, y, label}');
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
    setPoints(points) {
      expectObject('points', points, '{ train, val, test } arrays of points');
      const { train = [], val = [], test = [] } = points;
      const all = { train, val, test };
      const { min, max } = limits.coordinate, label = limits.label;
      for (const [split, pts] of Object.entries(all)) {
        if (!Array.isArray(pts)) throw new Error(`${split}: expected an array of points, got ${describe(pts)}`);
        pts.forEach((p, i) => {
          if (p === null || typeof p !== 'object') throw new Error(`${split}[${i}]: expected {x, y, label}, got ${describe(p)}`);
          for (const k of ['x', 'y']) {
            expectNumber(`${split}[${i}].${k}`, p[k]);
            if (!(p[k] >= min && p[k] <= max)) throw new Error(`${split}[${i}].${k}: expected a finite number from ${min} to ${max}, got ${p[k]}`);
          }
          expectInt(`${split}[${i}].label`, p.label);
          if (p.label < label.min || p.label > label.max) throw new Error(`${split}[${i}].label: expected an integer from ${label.min} to ${label.max}, got ${p.label}`);
        });
      }
      const before = { train: this.points('train'), val: this.points('val'), test: this.points('test') };
      const s = this._live();
      s.clearPoints();
      try {
        for (const [split, pts] of Object.entries(all)) for (const p of pts) this.addPoint(p, split);
      } catch (e) {
        s.clearPoints();
        for (const [split, pts] of Object.entries(before)) for (const p of pts) s.addPoint(p.x, p.y, p.label, splitIndex(split));
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

  /** One Session without a network, for dataset(). */
  let dataSession = null;
  /** The points a Trainer with these data settings starts with, without building a network. */
  function dataset(name, options = {}) {
    expectName('dataset', name, limits.dataset);
    expectObject('options', options, 'an object of n, noise, seed');
    for (const k of Object.keys(options)) {
      if (!DATASET_OPTIONS.includes(k)) throw new Error(`${k.length <= 60 ? k : describe(k)}: unknown option (known: ${DATASET_OPTIONS.join(', ')})`);
    }
    const d = limits.defaults, o = { n: d.n, noise: d.noise, seed: d.seed, ...options };
    expectInt('n', o.n); expectNumber('noise', o.noise); expectInt('seed', o.seed);
    dataSession ??= new mod.Session();
    const ptr = dataSession.dataset(name, o.n, o.noise, o.seed), err = dataSession.lastError();
    if (err) throw new Error(err);
    const a = f64(ptr, 3 + 3 * dataSession.count());
    let k = 3;
    const part = (n) => Array.from({ length: n }, () => { const p = { x: a[k], y: a[k + 1], label: a[k + 2] }; k += 3; return p; });
    return { train: part(a[0]), val: part(a[1]), test: part(a[2]) };
  }

  return {
    Trainer,
    dataset,
    limits: () => limits,
    memoryBytes: () => mod.HEAP8.buffer.byteLength,
    memory: () => ({ budget: mod.Session.memoryBudget(), inUse: mod.Session.memoryInUse(), wasmBytes: mod.HEAP8.buffer.byteLength }),
    setMemoryBudget(bytes) {
      expectInt('memoryBudget', bytes);
      const err = mod.Session.setMemoryBudget(bytes);
      if (err) throw new Error(err);
    },
    module: mod,
  };
}
