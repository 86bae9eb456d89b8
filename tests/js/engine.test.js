// The WASM engine through its JS API: golden losses and graphs, every call, and bad input.
import { describe, it, expect, beforeAll, afterEach } from 'vitest';
import { loadEngine } from '../../web/src/engine.js';
import { CASES, read, relErr } from './golden.js';

let engine;
const live = [];
const make = (opts) => { const t = new engine.Trainer(opts); live.push(t); return t; };
beforeAll(async () => { engine = await loadEngine(); });
afterEach(() => { while (live.length) live.pop().delete(); });

describe.each(CASES)('golden $name', (c) => {
  it('train losses within 1e-10 relative, val losses to 6 decimals, final graph() matches graph.json', () => {
    const t = make(c.opts);
    const lines = read(c.name, 'train_log.txt').trim().split('\n');
    const want = lines.filter((l) => !l.startsWith('found'));
    const got = [];
    let maxRel = 0;
    for (let s = 0; s < c.steps; s++) {
      if (s % 10 === 0) got.push(`step ${s + 1}/${c.steps}, val loss ${t.loss('val').toFixed(6)}`);
      got.push(['train', s, t.step()]);
    }
    expect(got.length).toBe(want.length);
    got.forEach((g, i) => {
      if (typeof g === 'string') { expect(g).toBe(want[i]); return; }
      const m = want[i].match(/^step (\d+)\/\d+, train loss (.*)$/);
      expect(Number(m[1])).toBe(g[1] + 1);
      maxRel = Math.max(maxRel, relErr(g[2], Number(m[2])));
    });
    console.log(`${c.name}: max relative train-loss difference ${maxRel.toExponential(2)}`);
    expect(maxRel).toBeLessThan(1e-10);

    const ref = JSON.parse(read(c.name, 'graph.json'));
    const g = t.graph(...c.trace);
    expect(g.nodes.length).toBe(ref.nodes.length);
    expect(g.edges).toEqual(ref.edges);
    let maxNode = 0;
    g.nodes.forEach((n, i) => {
      const r = ref.nodes[i];
      expect([n.op, n.param, n.input]).toEqual([r.op, r.param, r.input]);
      for (const k of ['data', 'grad']) maxNode = Math.max(maxNode, Math.abs(n[k] - r[k]) / Math.max(Math.abs(r[k]), 1e-12));
    });
    console.log(`${c.name}: max relative graph difference ${maxNode.toExponential(2)}`);
    expect(maxNode).toBeLessThan(1e-10);
    expect(`found a total of  ${g.nodes.length} nodes and ${g.edges.length} edges`).toBe(lines.at(-1));
  });
});

describe('Trainer API', () => {
  it('step() returns the loss and steps(k) the last of k', () => {
    const a = make(), b = make();
    const losses = [a.step(), a.step(), a.step()];
    expect(b.steps(3)).toBe(losses[2]);
    expect(a.stepCount).toBe(3);
    expect(losses[0]).toBeGreaterThan(losses[2]);
  });

  it('forward() gives probabilities; loss()/accuracy() per split', () => {
    const t = make();
    t.steps(20);
    const p = t.forward(0.3, -0.4);
    expect(p).toHaveLength(3);
    expect(p[0] + p[1] + p[2]).toBeCloseTo(1, 12);
    for (const s of ['train', 'val', 'test']) {
      expect(t.loss(s)).toBeGreaterThan(0);
      const acc = t.accuracy(s);
      expect(acc).toBeGreaterThanOrEqual(0);
      expect(acc).toBeLessThanOrEqual(1);
    }
  });

  it('graph() names nodes and graphValues() refreshes numbers in node order', () => {
    const t = make();
    t.steps(5);
    const g = t.graph(0.2, 0.1, 1);
    const names = g.nodes.map((n) => n.name);
    expect(names[0]).toBe('loss');
    for (const want of ['x', 'y', 'w[0][0][0]', 'b[0][7]', 'w[1][2][7]', 'h[0][3]', 'logit[1]', 'p[1]', 'nll'])
      expect(names).toContain(want);
    expect(g.nodes.filter((n) => n.input).map((n) => n.name).sort()).toEqual(['x', 'y']);
    t.step();
    const v = t.graphValues(0.2, 0.1, 1);
    expect(v).toBeInstanceOf(Float64Array);
    expect(v.length).toBe(2 * g.nodes.length);
    const g2 = t.graph(0.2, 0.1, 1);
    g2.nodes.forEach((n, i) => { expect(v[i]).toBe(n.data); expect(v[g.nodes.length + i]).toBe(n.grad); });
    expect(v[0]).not.toBe(g.nodes[0].data);
    const out = new Float64Array(v.length);
    expect(t.graphValues(0.2, 0.1, 1, out)).toBe(out);
    expect(Array.from(out)).toEqual(Array.from(v));
  });

  it('graph() grads are the traced point\'s alone and do not disturb training', () => {
    const a = make(), b = make();
    a.steps(3); b.steps(3);
    const g = b.graph(0.5, 0.5, 2);
    const wGrad = g.nodes.find((n) => n.name === 'w[0][0][0]').grad;
    expect(wGrad).not.toBe(0);
    expect(b.step()).toBe(a.step());
  });

  it('boundary() is row-major from y1, sampled at cell centres', () => {
    const t = make();
    t.steps(10);
    const [w, h] = [5, 4];
    const grid = t.boundary(w, h, -2, 2, -1, 3);
    expect(grid).toBeInstanceOf(Float32Array);
    expect(grid.length).toBe(w * h * 3);
    const [r, c] = [1, 3];
    const p = t.forward(-2 + (c + 0.5) * 4 / w, 3 - (r + 0.5) * 4 / h);
    // boundary() is drawn by the float32 SIMD path (fast tanh and exp, no graph): a picture, not digits, so it
    // agrees with the exact forward() within 1e-4 rather than bit for bit (tests/cpp/test_fast.cpp checks grids).
    for (let k = 0; k < 3; k++) expect(Math.abs(grid[(r * w + c) * 3 + k] - p[k])).toBeLessThan(1e-4);
  });

  it('parameters() and optimizerState() in reference order', () => {
    const t = make();
    const init = JSON.parse(read('default', 'init_params.json'));
    expect(Array.from(t.parameters())).toEqual(init);
    t.step();
    const st = t.optimizerState();
    expect(st.grad.length).toBe(init.length);
    st.grad.forEach((g, i) => expect(st.m[i]).toBe((1 - 0.9) * g));
    st.grad.forEach((g, i) => expect(st.v[i]).toBe((1 - 0.95) * g ** 2));
  });

  it('points: get, add, move, relabel, remove, set, clear', () => {
    const t = make();
    const train = t.points('train');
    expect(train).toHaveLength(80);
    expect(t.points('val')).toHaveLength(10);
    expect(t.points('test')).toHaveLength(10);
    const ds = JSON.parse(read('default', 'dataset.json'));
    expect(train[0]).toEqual(ds.train[0]);
    t.addPoint({ x: 0.5, y: -0.5, label: 2 });
    expect(t.points('train').at(-1)).toEqual({ x: 0.5, y: -0.5, label: 2 });
    t.movePoint('train', 80, 1, 1.5);
    t.setLabel('train', 80, 0);
    expect(t.points('train')[80]).toEqual({ x: 1, y: 1.5, label: 0 });
    t.removePoint('train', 80);
    expect(t.points('train')).toEqual(train);
    t.setPoints({ train: [{ x: 0, y: 0, label: 0 }, { x: 1, y: 1, label: 1 }], val: [{ x: -1, y: 0, label: 2 }] });
    expect(t.points('train')).toHaveLength(2);
    expect(t.points('val')).toEqual([{ x: -1, y: 0, label: 2 }]);
    expect(t.points('test')).toEqual([]);
    const before = t.step();
    expect(Number.isFinite(before)).toBe(true);
    t.clearPoints();
    expect(t.points('train')).toEqual([]);
    expect(Number.isNaN(t.step())).toBe(true);
  });

  it('setLr/setWeightDecay apply to the next step; reset() restarts the network on the same points', () => {
    const a = make(), b = make();
    const first = a.step();
    b.step();
    b.setLr(0.01);
    expect(b.lr).toBe(0.01);
    b.setWeightDecay(0.5);
    expect(b.weightDecay).toBe(0.5);
    expect(b.step()).toBe(a.step()); // the loss of step 2 is computed before the update
    expect(b.step()).not.toBe(a.step());
    a.reset();
    expect(a.stepCount).toBe(0);
    expect(a.step()).toBe(first);
  });

  it('activation and optimizer options', () => {
    const relu = make({ activation: 'relu', optimizer: 'sgd', lr: 0.05, hidden: [8, 8] });
    const l0 = relu.step();
    relu.steps(30);
    expect(relu.step()).toBeLessThan(l0);
    expect(relu.graph(0, 0, 0).nodes.some((n) => n.op === 'ReLU')).toBe(true);
  });
});

describe('bad input', () => {
  const bad = [
    [{ hidden: [0] }, /^hidden/], [{ hidden: [] }, /^hidden/], [{ hidden: [8, 'x'] }, /^hidden\[1\]/],
    [{ hidden: '8' }, /^hidden/], [{ n: -5 }, /^n:/], [{ n: 2 }, /^n:/], [{ n: '100' }, /^n:.*string/],
    [{ lr: NaN }, /^lr:/], [{ lr: -1 }, /^lr:/], [{ lr: 'fast' }, /^lr:/], [{ weightDecay: Infinity }, /^weightDecay:/],
    [{ seed: 0 }, /^seed:/], [{ seed: 1.5 }, /^seed:/], [{ activation: 'sigmoid' }, /^activation:/],
    [{ optimizer: 'adam' }, /^optimizer:/], [{ colour: 'red' }, /^colour: unknown option/], [null, /^options:/],
  ];
  it.each(bad)('new Trainer(%j) throws naming the field', (opts, re) => {
    expect(() => make(opts)).toThrow(re);
  });

  it('bad calls throw naming the field and leave the trainer usable', () => {
    const t = make();
    t.steps(3);
    const params = t.parameters();
    const calls = [
      [() => t.graph(0, 0, 7), /^label:/], [() => t.forward(Infinity, 0), /^x:/], [() => t.forward(0, 'a'), /^y:/],
      [() => t.boundary(-1, 10, -2, 2, -2, 2), /^boundary:/], [() => t.boundary(100000, 100000, -2, 2, -2, 2), /^boundary:/],
      [() => t.boundary(10, 10, 2, -2, -2, 2), /^boundary:/], [() => t.boundary(1.5, 10, -2, 2, -2, 2), /^width:/],
      [() => t.steps(-1), /^steps:/], [() => t.steps(1e9), /^steps:/], [() => t.loss('everything'), /^split:/],
      [() => t.addPoint({ x: Infinity, y: 0, label: 0 }), /^x:/], [() => t.addPoint({ x: 0, y: 0, label: 7 }), /^label:/],
      [() => t.addPoint('x'), /^point:/], [() => t.movePoint('train', 999, 0, 0), /^index:/],
      [() => t.removePoint('train', -1), /^index:/], [() => t.setLr(NaN), /^lr:/], [() => t.setWeightDecay(-1), /^weightDecay:/],
      [() => t.setPoints({ train: [{ x: 0, y: 0, label: 0 }, { x: NaN, y: 0, label: 0 }] }), /^train\[1\]\.x:/],
    ];
    for (const [call, re] of calls) expect(call).toThrow(re);
    expect(t.stepCount).toBe(3);
    expect(Array.from(t.parameters())).toEqual(Array.from(params));
    expect(t.points('train')).toHaveLength(80);
    expect(Number.isFinite(t.step())).toBe(true);
  });

  it('a deleted trainer says so instead of crashing', () => {
    const t = new engine.Trainer();
    t.delete();
    expect(() => t.step()).toThrow(/after delete/);
    t.delete(); // twice is harmless
  });
});

describe('memory', () => {
  it('20,000 steps plus 2,000 graph() and boundary() calls leave memory unchanged after warm-up', () => {
    const t = make();
    const churn = (k) => {
      for (let i = 0; i < k; i++) {
        t.steps(10);
        t.graph(0.1 * (i % 7), -0.2, i % 3);
        t.boundary(64, 64, -2, 2, -2, 2);
      }
    };
    churn(20); // warm-up: buffers reach their working size
    const before = engine.memoryBytes();
    churn(1980);
    expect(t.stepCount).toBe(20000);
    expect(engine.memoryBytes()).toBe(before);
  });
});

describe('teaching support', () => {
  it('backwardSteps() replays to graph() grads exactly; forwardOrder() puts operands first', () => {
    const t = make();
    t.steps(7);
    const g = t.graph(0.2, -0.4, 1);
    const s = t.backwardSteps(0.2, -0.4, 1);
    expect(s.node.length).toBe(g.edges.length);
    const grad = new Float64Array(g.nodes.length);
    grad[0] = 1;
    for (let i = 0; i < s.node.length; i++) {
      expect(s.upstream[i]).toBe(grad[s.node[i]]);
      grad[s.operand[i]] += s.contribution[i];
    }
    g.nodes.forEach((n, i) => expect(grad[i]).toBe(n.grad));
    const order = t.forwardOrder(0.2, -0.4, 1);
    const at = new Map(Array.from(order, (n, i) => [n, i]));
    for (const [c, p] of g.edges) expect(at.get(c)).toBeLessThan(at.get(p));
  });

  it('gradient checks pass, point shares sum to the gradient, stats and fields have their sizes', () => {
    const t = make();
    t.steps(5);
    const all = t.gradCheckParams(0, 0, 0);
    expect(Math.max(...all.relError)).toBeLessThan(1e-5);
    const one = t.gradCheck(0, 0, 0, 12);
    expect(one.relError).toBeLessThan(1e-5);
    expect(() => t.gradCheck(0, 0, 0, 999)).toThrow(/^node:/);
    const P = t.parameters().length, shares = t.pointGrads();
    expect(shares.length).toBe(80 * P);
    const st = t.pointStats('val');
    expect(st.loss.length).toBe(10);
    expect(Array.from(st.predicted).every((k) => k >= 0 && k <= 2)).toBe(true);
    expect(t.nodeField(5, 0, 16, 8, -2, 2, -2, 2).length).toBe(128);
    expect(() => t.nodeField(5, 0, 1000, 8, -2, 2, -2, 2)).toThrow(/^field:/);
  });
});
