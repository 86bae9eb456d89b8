// The expression language through the WASM engine's JS API: every golden snippet within 1e-10 relative
// (musl's libm differs from glibc's in the last bit), errors as Errors with their place, and the
// Expression object the walk-through, gradient checks and sliders use.
import { describe, it, expect, beforeAll, afterEach } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { loadExpressions } from '../../web/src/expression.js';
import { relErr } from './golden.js';

const dir = new URL('../golden/expressions/', import.meta.url);
const read = (file) => readFileSync(new URL(file, dir), 'utf8');
const SNIPPETS = readdirSync(dir).filter((f) => f.endsWith('.py')).map((f) => f.slice(0, -3)).sort();
const close = (a, b) => a === b || relErr(a, b) < 1e-10 || (Number.isNaN(a) && Number.isNaN(b));

let engine;
const live = [];
const make = (src) => { const x = new engine.Expression(src); live.push(x); return x; };
beforeAll(async () => { engine = await loadExpressions(); });
afterEach(() => { while (live.length) live.pop().delete(); });

// "NAME data=D grad=G" lines of a .out file
const parseOut = (text) => text.trim().split('\n').map((l) => {
  const m = l.match(/^(\S+) data=(\S+) grad=(\S+)$/);
  return { name: m[1], data: Number(m[2]), grad: Number(m[3]) };
});
// a number as Python prints a float, enough for a snippet to read it back exactly
const pyFloat = (v) => (Number.isInteger(v) ? v.toFixed(1) : String(v));

describe('golden snippets', () => {
  it('are all there', () => {
    expect(SNIPPETS).toEqual(expect.arrayContaining(['errors_log', 'ints', 'neuron', 'neuron_exp', 'readme', 'softmax']));
  });
  it.each(SNIPPETS)('%s: values and graph as micrograd.py computes them', (name) => {
    const src = read(`${name}.py`), out = read(`${name}.out`);
    if (out.startsWith('error ')) {
      const line = Number(out.slice(6));
      let err;
      try { engine.expression(src); } catch (e) { err = e; }
      expect(err).toBeInstanceOf(Error);
      expect(err).toBeInstanceOf(engine.ExpressionError);
      expect(err.message.startsWith(`${line}:`)).toBe(true);
      expect(err.line).toBe(line);
      return;
    }
    const { values, graph } = engine.expression(src);
    const want = parseOut(out);
    expect(values.map((v) => v.name)).toEqual(want.map((v) => v.name));
    let maxRel = 0;
    values.forEach((v, i) => {
      expect(close(v.data, want[i].data) && close(v.grad, want[i].grad), `${v.name}: ${v.data} ${v.grad}`).toBe(true);
      maxRel = Math.max(maxRel, relErr(v.data, want[i].data) || 0, relErr(v.grad, want[i].grad) || 0);
    });
    const ref = JSON.parse(read(`${name}.graph.json`));
    expect(graph.edges).toEqual(ref.edges);
    expect(graph.nodes.map((n) => [n.op, n.label])).toEqual(ref.nodes.map((n) => [n.op, n.label]));
    graph.nodes.forEach((n, i) => {
      expect(Object.keys(n).sort()).toEqual(['data', 'grad', 'label', 'op']);
      expect(close(n.data, ref.nodes[i].data) && close(n.grad, ref.nodes[i].grad), `node ${i}`).toBe(true);
      maxRel = Math.max(maxRel, relErr(n.data, ref.nodes[i].data) || 0, relErr(n.grad, ref.nodes[i].grad) || 0);
    });
    console.log(`${name}: max relative difference ${maxRel.toExponential(2)}`);
  });
});

describe('errors', () => {
  const place = (src) => { try { engine.expression(src); } catch (e) { return e; } return null; };
  it.each([
    ['a = Value(1.0)\nb = a + c\n', 2, 9, "NameError: name 'c' is not defined"],
    ['a = Value(2.0)\nb = a ** a\n', 2, 7, 'AssertionError'],
    ['a = Value(2.0)\nb = 2 ** a\n', 2, 7, 'TypeError'],
    ['a = Value(-1.0).log()\n', 1, 17, 'ValueError: math domain error'],
    ['a = Value(1000.0).exp()\n', 1, 19, 'OverflowError: math range error'],
    ['a = Value(0.0)\nb = a ** -1\n', 2, 7, 'ZeroDivisionError'],
    ['a = Value(-8.0) ** 0.5\n', 1, 17, 'ValueError: a negative number to a fractional power'],
    ['a = Value(1.0\n', 1, 10, "SyntaxError: '(' was never closed"],
    ['for i in range(3):\n  pass\n', 1, 1, "unsupported: 'for' statements"],
    ['a = 1 // 2\n', 1, 7, "unsupported: the operator '//'"],
  ])('%j is an ExpressionError at its line and column', (src, line, column, says) => {
    const e = place(src);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('ExpressionError');
    expect(e.message.startsWith(`${line}:${column}: ${says}`), e.message).toBe(true);
    expect([e.line, e.column]).toEqual([line, column]);
    expect(e.detail.startsWith(says)).toBe(true);
  });
  it('offset indexes the JS string, past wide characters', () => {
    const src = "a = Value(1.0, label='😀é')  ; b = a + zz\n";
    const e = place(src);
    expect(e.message.startsWith('1:39: NameError')).toBe(true);
    expect(src.slice(e.offset, e.offset + 2)).toBe('zz');
  });
  it('bad arguments are Errors naming the field', () => {
    expect(() => engine.expression(42)).toThrow(/^source: expected a string, got number/);
    expect(() => new engine.Expression(null)).toThrow(/^source: expected a string, got null/);
    expect(() => engine.expression('x = 1\n' + '#'.repeat(70000))).toThrow(/^1:1: unsupported: a source of 70006 bytes \(at most 65536\)/);
  });
  it('never leaves anything behind: 200 failing and 200 good runs keep the memory flat', () => {
    for (let i = 0; i < 20; i++) { place('a = Value(1.0)\nb = a + c\n'); engine.expression('a = Value(2.0)\nb = a * a\n'); }
    const before = engine.memoryBytes();
    for (let i = 0; i < 200; i++) { place('a = Value(1.0)\nb = a + c\n'); engine.expression('a = Value(2.0)\nb = a * a\n'); }
    expect(engine.memoryBytes()).toBe(before);
  });
});

describe('Expression', () => {
  const NEURON = read('neuron.py');

  it('has the shapes of Trainer: graph, graphValues, forwardOrder, backwardSteps, gradCheck', () => {
    const x = make(NEURON);
    const g = x.graph();
    const N = g.nodes.length;
    expect(N).toBe(10);
    expect(g.nodes[0]).toMatchObject({ op: 'tanh', label: 'o', name: 'o', param: null, input: false });
    const x1 = g.nodes.findIndex((n) => n.label === 'x1');
    expect(g.nodes[x1]).toMatchObject({ op: '', name: 'x1', param: 0 });
    const gv = x.graphValues();
    expect(Array.from(gv)).toEqual([...g.nodes.map((n) => n.data), ...g.nodes.map((n) => n.grad)]);
    const out = new Float64Array(2 * N);
    expect(x.graphValues(out)).toBe(out);
    // forward order: a permutation, every operand before the node that uses it, the root last
    const order = x.forwardOrder();
    expect(Array.from(order).sort((a, b) => a - b)).toEqual([...Array(N).keys()]);
    const at = new Map(Array.from(order, (n, i) => [n, i]));
    for (const [c, p] of g.edges) expect(at.get(c)).toBeLessThan(at.get(p));
    expect(order[N - 1]).toBe(0);
    // backward steps: summing the contributions from zero (root = 1) gives every grad, as the walk shows them
    const st = x.backwardSteps();
    const grads = new Float64Array(N);
    grads[0] = 1;
    for (let s = 0; s < st.node.length; s++) {
      expect(st.contribution[s]).toBe(st.local[s] * st.upstream[s]);
      expect(st.upstream[s]).toBe(grads[st.node[s]]);  // a node's grad is complete before it passes it on
      grads[st.operand[s]] += st.contribution[s];
    }
    g.nodes.forEach((n, i) => expect(grads[i]).toBe(n.grad));
    for (let i = 0; i < N; i++) {
      const c = x.gradCheck(i);
      expect(c.autograd).toBe(g.nodes[i].grad);
      expect(c.relError).toBeLessThan(1e-6);
    }
    expect(() => x.gradCheck(N)).toThrow(/^node: expected a node index from 0 to 9, got 10/);
    expect(() => x.gradCheck(0.5)).toThrow(/^node: expected an integer/);
  });

  it('setLeaf matches a fresh run of the edited source, for every leaf', () => {
    const x = make(NEURON);
    const leaves = x.leaves();
    expect(leaves.map((l) => l.name)).toEqual(['x1', 'x2', 'w1', 'w2', 'b']);
    leaves.forEach((l, i) => {
      expect(NEURON.slice(l.from, l.to)).toBe(['2.0', '0.0', '-3.0', '1.0', '6.8813735870195432'][i]);
      const v = [1.25, -0.5, 2.75, -1.5, 0.3][i];
      const edited = NEURON.slice(0, l.from) + pyFloat(v) + NEURON.slice(l.to);
      const values = x.setLeaf(i, v);
      const fresh = engine.expression(edited);
      expect(values).toEqual(fresh.values);
      const g = x.graph();
      expect(g.nodes.map(({ op, data, grad, label }) => ({ op, data, grad, label }))).toEqual(fresh.graph.nodes);
      expect(x.leaves()[i].data).toBe(v);
      // and back
      x.setLeaf(i, Number(NEURON.slice(l.from, l.to)));
    });
    expect(x.values()).toEqual(engine.expression(NEURON).values);
  });

  it('a leaf change that raises throws at the place and changes nothing', () => {
    const x = make('a = Value(2.0)\nb = a.log()\nb.backward()\n');
    const before = x.values();
    let err;
    try { x.setLeaf(0, -1); } catch (e) { err = e; }
    expect(err.name).toBe('ExpressionError');
    expect(err.message.startsWith('2:7: ValueError: math domain error')).toBe(true);
    expect(x.values()).toEqual(before);
    expect(() => x.setLeaf(1, 1)).toThrow(/^leaf: expected an index from 0 to 0, got 1/);
    expect(() => x.setLeaf(0, NaN)).toThrow(/^value: expected a finite number, got nan/);
    expect(() => x.setLeaf(0, '3')).toThrow(/^value: expected a number, got the string "3"/);
    expect(() => x.setLeaf(-1, 1)).toThrow(/^leaf: expected an index/);
    expect(x.values()).toEqual(before);
    const after = x.setLeaf(0, 0.5);
    expect(after.map((v) => [v.name, v.grad])).toEqual([['a', 2], ['b', 1]]);
    expect(after[0].data).toBe(0.5);
    expect(relErr(after[1].data, -0.6931471805599453)).toBeLessThan(1e-15);
  });

  it('leaf spans index the JS string past wide characters', () => {
    const src = "a = Value(1.0, label='😀'); b = Value(-2.5e-3)\nc = a * b\n";
    const x = make(src);
    const [, b] = x.leaves();
    expect(src.slice(b.from, b.to)).toBe('-2.5e-3');
    expect([b.line, b.column, b.name, b.label]).toEqual([1, 32, 'b', 'b']);
  });

  it('an empty snippet has no values and no graph', () => {
    const x = make('# nothing yet\n');
    expect(x.values()).toEqual([]);
    expect(x.graph()).toEqual({ nodes: [], edges: [] });
    expect(x.forwardOrder().length).toBe(0);
    expect(x.backwardSteps().node.length).toBe(0);
    expect(x.leaves()).toEqual([]);
    expect(() => x.setLeaf(0, 1)).toThrow(/^leaf: this snippet has no Value/);
  });

  it('delete() is idempotent and a deleted Expression throws', () => {
    const x = new engine.Expression('a = Value(1.0)\n');
    x.delete();
    x.delete();
    expect(() => x.values()).toThrow(/used after delete/);
  });
});
