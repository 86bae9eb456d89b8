// One snapshot of what the engine holds: points per split, parameters, optimizer state, stats, point stats, graph
// values, the traced graph. Every change to the Trainer goes through here and bumps a version; every read copies out
// of WASM only when what it depends on changed since the last copy. The store hears of changes as the pseudo-fields
// 'params', 'points' and 'network'.
import { EXTENT, GRID, FIELD } from './state.js';

const SPLITS = ['train', 'val', 'test'];

export class Snapshot {
  /** @param {any} trainer an engine Trainer @param {{ touch: (...k: string[]) => void }} store */
  constructor(trainer, store) {
    this.store = store;
    this.v = { params: 0, train: 0, val: 0, test: 0, network: 0 };
    /** @type {Map<string, { stamp: string, value: any }>} */ this.cache = new Map();
    this.trainer = trainer;
    this.lastLoss = NaN; // the loss of the latest step (the CLI's number), NaN before the first
  }

  // ---- changes ----

  /** A new Trainer (the old one is deleted): everything is new. @param {any} trainer */
  replace(trainer) {
    if (trainer !== this.trainer) this.trainer?.delete();
    this.trainer = trainer;
    this.lastLoss = NaN;
    for (const k of Object.keys(this.v)) this.v[k]++;
    this.store.touch('network', 'params', 'points');
  }
  /** Runs up to k steps; returns how many ran (the engine may stop a long call early) and the last loss. */
  steps(k) {
    const t = this.trainer, s0 = t.stepCount;
    // one call runs at most the engine's work cap (a single step of a big network): call again for the rest,
    // unless a call ran nothing or the loss stopped being finite
    let loss = t.steps(k);
    while (t.stepCount - s0 < k && t.lastSteps > 0 && !t.diverged) loss = t.steps(k - (t.stepCount - s0));
    const done = t.stepCount - s0;
    if (done > 0) { this.lastLoss = loss; this._params(); }
    return { loss, done };
  }
  reset() { this.trainer.reset(); this.lastLoss = NaN; this._params(); }
  setLr(lr) { this.trainer.setLr(lr); }
  setWeightDecay(wd) { this.trainer.setWeightDecay(wd); }
  /** @param {{ x: number, y: number, label: number }} p @param {string} [split] */
  addPoint(p, split = 'train') { this.trainer.addPoint(p, split); this._points(split); }
  movePoint(split, i, x, y) { this.trainer.movePoint(split, i, x, y); this._points(split); }
  removePoint(split, i) { this.trainer.removePoint(split, i); this._points(split); }
  /** @param {{ train?: any[], val?: any[], test?: any[] }} lists */
  setPoints(lists) {
    this.trainer.setPoints(lists);
    this._points(...SPLITS);
    // the lists just given are the engine's points now: keep them instead of copying them back
    for (const s of SPLITS) this._keep(`points:${s}`, [s], lists[s] ?? []);
  }
  clearPoints() { this.trainer.clearPoints(); this._points(...SPLITS); }

  _params() { this.v.params++; this.store.touch('params'); }
  _points(...splits) { for (const s of splits) this.v[s]++; this.store.touch('points'); }

  // ---- reads (cached) ----

  /** The value of `fn` as of the versions named in `deps` (and `extra`, e.g. the traced point). */
  _memo(key, deps, fn, extra = '') {
    const stamp = deps.map((d) => this.v[d]).join() + '|' + extra;
    const c = this.cache.get(key);
    if (c && c.stamp === stamp) return c.value;
    const value = fn();
    this.cache.set(key, { stamp, value });
    return value;
  }
  _keep(key, deps, value) { this.cache.set(key, { stamp: deps.map((d) => this.v[d]).join() + '|', value }); }

  get stepCount() { return this.trainer.stepCount; }
  /** @param {'train' | 'val' | 'test'} split @returns {{ x: number, y: number, label: number }[]} shared: never change it */
  points(split) { return this._memo(`points:${split}`, [split], () => this.trainer.points(split)); }
  /** All three splits (the undo history keeps these very arrays). */
  lists() { return { train: this.points('train'), val: this.points('val'), test: this.points('test') }; }
  parameters() { return this._memo('parameters', ['params'], () => this.trainer.parameters()); }
  optimizerState() { return this._memo('optimizer', ['params'], () => this.trainer.optimizerState()); }
  boundary() {
    return this._memo('boundary', ['params'], () => this.trainer.boundary(GRID, GRID, EXTENT.x0, EXTENT.x1, EXTENT.y0, EXTENT.y1));
  }
  /** Each point's loss and predicted class. */
  pointStats(split) { return this._memo(`pointStats:${split}`, ['params', split], () => this.trainer.pointStats(split)); }
  /** Training point i's share of parameter p's gradient at [i * P + p]. */
  pointGrads() { return this._memo('pointGrads', ['params', 'train'], () => this.trainer.pointGrads()); }

  /** The readouts: step, train loss (the latest step's, or evaluated before the first), val loss, accuracies. */
  stats() {
    return this._memo('stats', ['params', 'train', 'val'], () => {
      const t = this.trainer, step = t.stepCount;
      return { step, trainLoss: step > 0 && Number.isFinite(this.lastLoss) ? this.lastLoss : t.loss('train'),
        valLoss: t.loss('val'), trainAcc: this.accuracy('train'), valAcc: this.accuracy('val') };
    });
  }
  /** The fraction classified right, counted from pointStats (one forward pass serves accuracy and confusion). */
  accuracy(split) {
    const pts = this.points(split);
    if (!pts.length) return NaN;
    const { predicted } = this.pointStats(split);
    let right = 0;
    for (let i = 0; i < pts.length; i++) if (predicted[i] === pts[i].label) right++;
    return right / pts.length;
  }
  /** Counts [true][predicted] of a split. */
  confusion(split) {
    return this._memo(`confusion:${split}`, ['params', split], () => {
      const m = [[0, 0, 0], [0, 0, 0], [0, 0, 0]], pts = this.points(split), { predicted } = this.pointStats(split);
      pts.forEach((p, i) => { m[p.label][predicted[i]]++; });
      return m;
    });
  }

  /** The traced graph's structure (names, ops, edges: the same for every point with this label). */
  graph(x, y, label) { return this._memo('graph', ['network'], () => this.trainer.graph(x, y, label), String(label)); }
  /** data of every traced node, then grad. */
  graphValues(x, y, label) {
    return this._memo('graphValues', ['params', 'network'], () => this.trainer.graphValues(x, y, label), `${x},${y},${label}`);
  }
  /** The passes as data for a walk: the graph with its numbers now, the forward order and the backward steps. */
  passes(x, y, label) {
    return this._memo('passes', ['params', 'network'], () => ({ graph: this.trainer.graph(x, y, label),
      order: this.trainer.forwardOrder(x, y, label), steps: this.trainer.backwardSteps(x, y, label) }), `${x},${y},${label}`);
  }
  /** Node i's value over the input plane (its heatmap). */
  nodeField(i, label) {
    return this._memo('nodeField', ['params', 'network'],
      () => this.trainer.nodeField(i, label, FIELD, FIELD, EXTENT.x0, EXTENT.x1, EXTENT.y0, EXTENT.y1), `${i},${label}`);
  }
  /** Every dataset's points for these data settings (the settings' thumbnails), from the engine's generators.
   *  @param {any} engine @returns {{ key: string, sets: Record<string, any> }} */
  datasets(engine, n, noise, seed) {
    const key = `${n},${noise},${seed}`;
    return this._memo('datasets', [], () => ({ key, sets: Object.fromEntries(engine.limits().dataset.map((d) => [d, engine.dataset(d, { n, noise, seed })])) }), key);
  }
  /** Parameter names in reference order (per layer, per neuron: weights, then bias), the engine's. */
  paramNames() { return this._memo('paramNames', ['network'], () => this.trainer.paramNames()); }
}
