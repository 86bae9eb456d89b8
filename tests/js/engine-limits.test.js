// The engine's limits and names as JS sees them: engine.limits() (the expression language's too), paramNames(),
// the graph's layer and neuron, Trainer.options as the trainer is now, and messages that name the argument and
// quote little of it.
import { describe, it, expect, beforeAll, afterEach } from 'vitest';
import { loadEngine } from '../../web/src/engine.js';
import { loadExpressions } from '../../web/src/expression.js';

let engine;
const live = [];
const make = (opts) => { const t = new engine.Trainer(opts); live.push(t); return t; };
beforeAll(async () => { engine = await loadEngine(); });
afterEach(() => { while (live.length) live.pop().delete(); });

/** Parameter names as the page built them before the engine gave them (per layer, per neuron, weights then bias). */
function namesByHand(hidden) {
  const sizes = [2, ...hidden, 3], names = [];
  for (let l = 1; l < sizes.length; l++)
    for (let n = 0; n < sizes[l]; n++) {
      for (let i = 0; i < sizes[l - 1]; i++) names.push(`w[${l - 1}][${n}][${i}]`);
      names.push(`b[${l - 1}][${n}]`);
    }
  return names;
}

describe('engine.limits()', () => {
  it('is one deeply frozen object with the engine\'s numbers and names', () => {
    const L = engine.limits();
    expect(engine.limits()).toBe(L);
    expect(Object.isFrozen(L) && Object.isFrozen(L.page) && Object.isFrozen(L.page.hidden) && Object.isFrozen(L.dataset)).toBe(true);
    expect(() => { L.n.max = 5; }).toThrow(TypeError);
    expect(L.n).toEqual({ min: 6, max: 20000 });
    expect(L.hidden).toEqual({ minLayers: 1, maxLayers: 8, minWidth: 1, maxWidth: 1024 });
    expect(L.lr).toEqual({ min: 0, max: 100 });
    expect(L.activation).toEqual(['tanh', 'relu']);
    expect(L.optimizer).toEqual(['adamw', 'sgd']);
    expect(L.dataset).toEqual(['yinyang', 'circles', 'xor', 'spiral', 'blobs']);
    expect(L.datasetTitle.xor).toBe('XOR quadrants');
    expect(L.page.hidden).toEqual({ minLayers: 1, maxLayers: 4, minWidth: 1, maxWidth: 32 });
    expect([L.page.n.max, L.page.linkPoints, L.page.linkChars]).toEqual([2000, 2000, 200000]);
    expect(L.defaults).toEqual({ seed: 42, n: 100, hidden: [8], activation: 'tanh', optimizer: 'adamw', lr: 0.1,
      weightDecay: 1e-4, dataset: 'yinyang', noise: 0 });
    expect(L.expression).toEqual({ source: 65536, nodes: 100000, depth: 100, work: 2000000 });
  });

  it('reports the expression language\'s limits, the ones its own module enforces', async () => {
    const { source, depth } = engine.limits().expression;
    const x = await loadExpressions();
    const body = 'a = Value(1.0)\n';
    expect(x.expression(body + '#'.repeat(source - body.length)).values.length).toBe(1);
    expect(() => x.expression(body + '#'.repeat(source - body.length + 1))).toThrow(new RegExp(`\\(at most ${source}\\)`));
    expect(x.expression(`a = ${'('.repeat(depth - 1)}Value(1.0${')'.repeat(depth)}\n`).values.length).toBe(1);
    expect(() => x.expression(`a = ${'('.repeat(depth + 1)}1${')'.repeat(depth + 1)}\n`)).toThrow(new RegExp(`nesting deeper than ${depth}`));
  });

  it('is what the engine enforces: each edge passes, one past it is refused', () => {
    const L = engine.limits();
    make({ n: L.n.min, hidden: [L.hidden.maxWidth] }).delete();
    expect(() => make({ n: L.n.min - 1 })).toThrow(/^n: expected an integer from 6 to 20000, got 5$/);
    expect(() => make({ hidden: [L.hidden.maxWidth + 1] })).toThrow(/^hidden:/);
    expect(() => make({ hidden: Array(L.hidden.maxLayers + 1).fill(1) })).toThrow(/^hidden: at most 8 layers, got 9$/);
    expect(() => make({ lr: L.lr.max + 1 })).toThrow(/^lr: expected a number from 0 to 100, got 101$/);
    expect(() => make({ weightDecay: L.weightDecay.max * 2 })).toThrow(/^weightDecay:/);
    for (const dataset of L.dataset) make({ dataset, n: 12 });
    const t = make({ lr: L.lr.max, weightDecay: L.weightDecay.max });
    expect(() => t.addPoint({ x: L.coordinate.max + 1e-9, y: 0, label: 0 })).toThrow(/^x:/);
    t.addPoint({ x: L.coordinate.min, y: L.coordinate.max, label: L.label.max });
  });
});

describe('names and structure from the engine', () => {
  it.each([[[8]], [[3, 5]], [[2, 1, 4]]])('paramNames() for hidden %j in parameters() order', (hidden) => {
    const t = make({ hidden });
    const names = t.paramNames();
    expect(names).toEqual(namesByHand(hidden));
    expect(names.length).toBe(t.parameters().length);
    expect(Object.isFrozen(names)).toBe(true);
    expect(t.paramNames()).toBe(names);
  });

  it('graph() nodes carry their layer and neuron, null outside neurons, and agree with the parameters', () => {
    const t = make({ hidden: [4, 3] });
    const g = t.graph(0.3, -0.2, 2);
    const names = t.paramNames();
    for (const n of g.nodes) {
      expect(n).toHaveProperty('layer');
      expect(n).toHaveProperty('neuron');
      expect(n.layer === null).toBe(n.neuron === null);
      const m = n.name.match(/^(?:w|b|z|h)\[(\d+)\]\[(\d+)\]/) ?? n.name.match(/^logit\[(\d+)\]$/);
      if (n.param !== null) expect(names[n.param]).toBe(n.name);
      if (!m) { expect(n.layer).toBeNull(); continue; }
      if (n.name.startsWith('logit')) expect([n.layer, n.neuron]).toEqual([2, Number(m[1])]);
      else expect([n.layer, n.neuron]).toEqual([Number(m[1]), Number(m[2])]);
    }
    expect(g.nodes.filter((n) => n.layer === 2 && n.op === '' && n.param !== null)).toHaveLength(3 * 4);
    expect(g.nodes.find((n) => n.name === 'loss').layer).toBeNull();
    expect(g.nodes.find((n) => n.name === 'x').neuron).toBeNull();
  });
});

describe('Trainer.options', () => {
  it('reflects setLr, setWeightDecay and point edits, as a fresh deeply frozen copy', () => {
    const t = make({ hidden: [4, 4], lr: 0.2 });
    const before = t.options;
    expect(before).toEqual({ seed: 42, n: 100, hidden: [4, 4], activation: 'tanh', optimizer: 'adamw', lr: 0.2,
      weightDecay: 1e-4, dataset: 'yinyang', noise: 0 });
    expect(() => before.hidden.push(99)).toThrow(TypeError);
    expect(() => { before.lr = 3; }).toThrow(TypeError);
    t.setLr(0.05);
    t.setWeightDecay(0);
    t.addPoint({ x: 0, y: 0, label: 1 }, 'val');
    const after = t.options;
    expect([after.lr, after.weightDecay, after.n]).toEqual([0.05, 0, 101]);
    expect(before.lr).toBe(0.2);
    expect(after).not.toBe(t.options);
    t.clearPoints();
    expect(t.options.n).toBe(0);
    expect(t.options.hidden).toEqual([4, 4]);
  });
});

describe('messages name the argument and quote at most 60 characters', () => {
  const huge = 'x'.repeat(5e6);
  it.each([['activation'], ['optimizer'], ['dataset']])('a 5-million-character %s', (field) => {
    const mem = engine.memoryBytes();
    let msg = '';
    try { make({ [field]: huge }); } catch (e) { msg = e.message; }
    expect(msg.startsWith(`${field}: expected '`)).toBe(true);
    expect(msg).toContain('(5000000 characters)');
    expect(msg.length).toBeLessThan(200);
    expect(engine.memoryBytes()).toBe(mem); // never copied into WASM memory
  });

  it('an unknown option, a split, a bad label and a short bad name', () => {
    expect(() => make({ [huge]: 1 })).toThrow(/^the string 'x{60}\.\.\.' \(5000000 characters\): unknown option/);
    const t = make();
    expect(() => t.loss(huge)).toThrow(/^split: expected 'train', 'val' or 'test', got the string 'x{60}\.\.\.'/);
    expect(() => make({ activation: 'sigmoid' })).toThrow(/^activation: expected 'tanh' or 'relu', got 'sigmoid'$/);
    expect(() => make({ dataset: 'moons\n' })).toThrow(/^dataset: expected .* got 'moons\?'$/);
  });

  it('setPoints(null) and graphValues(..., plain Array) name the argument', () => {
    const t = make();
    expect(() => t.setPoints(null)).toThrow(/^points: expected \{ train, val, test \}/);
    expect(() => t.setPoints({ train: [null] })).toThrow(/^train\[0\]: expected \{x, y, label\}, got null/);
    const n = 2 * t.graph(0, 0, 0).nodes.length;
    expect(() => t.graphValues(0, 0, 0, new Array(n))).toThrow(/^out: expected a Float64Array, got an array$/);
    const out = new Float64Array(n);
    expect(t.graphValues(0, 0, 0, out)).toBe(out);
    expect(t.points('train')).toHaveLength(80);
  });
});
