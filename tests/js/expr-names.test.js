// The names the walk and the checks give a snippet's unnamed nodes: the Python expression that made them, with the
// parentheses Python would need, short ('…' for a long operand), labels kept, and no recursion on a long chain.
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadExpressions } from '../../web/src/expression.js';
import { nameNodes } from '../../web/src/expr-names.js';
import { Walk } from '../../web/src/walkthrough.js';

let ex;
beforeAll(async () => { ex = await loadExpressions(); });
/** The named graph of a snippet, and the Expression (deleted by the caller). */
function named(src) {
  const x = new ex.Expression(src);
  try { return { g: nameNodes(x.graph()), order: x.forwardOrder(), steps: x.backwardSteps() }; } finally { x.delete(); }
}
const names = (src) => named(src).g.nodes.map((n) => n.name);

describe('names of unnamed expression nodes', () => {
  it('writes each op as Python would, with the parentheses it needs', () => {
    const head = 'a = Value(2.0)\nb = Value(3.0)\n';
    expect(names(`${head}r = (a + b) * (a * b)\n`)).toEqual(['r', 'a + b', 'a', 'b', 'a*b']);
    expect(names(`${head}r = a * (b * a)\n`)).toEqual(['r', 'a', 'b*a', 'b']);
    expect(names(`${head}r = a + (b + a)\n`)).toEqual(['r', 'a', 'b + a', 'b']);
    expect(names(`${head}r = ((a + b)**2).exp()\n`)).toEqual(['r', '(a + b)**2', 'a + b', 'a', 'b']);
    expect(names(`${head}r = (a*b + 1).tanh()\n`)).toEqual(['r', 'a*b + 1', 'a*b', 'a', 'b', '1']);
    expect(names(`${head}r = a - b\n`)).toEqual(['r', 'a', 'b*-1.0', 'b', '-1.0']); // a - b is a + (-b), -b is b * -1.0
    expect(names(`${head}r = (-a).relu()\n`)).toEqual(['r', 'a*-1.0', 'a', '-1.0']);
    expect(names(`${head}r = (a*-1)**2 + (a**2)**3\n`).slice(0, 4)).toEqual(['r', '(a*-1)**2', 'a*-1', 'a']);
  });

  it('keeps labels, writes a long operand as …, and names the reference snippets', () => {
    const g = named(readFileSync(new URL('../golden/expressions/readme.py', import.meta.url), 'utf8')).g;
    const want = JSON.parse(readFileSync(new URL('../golden/expressions/readme.graph.json', import.meta.url), 'utf8'));
    g.nodes.forEach((n, i) => { if (want.nodes[i].label != null) expect(n.name).toBe(want.nodes[i].label); });
    expect(g.nodes.filter((n) => n.label == null && n.op).map((n) => n.name)).toContain('(b + a).relu()');
    expect(g.nodes.filter((n) => n.label == null && n.op).map((n) => n.name)).toContain('f**-1*10.0');
    for (const n of g.nodes) expect(n.name.length).toBeLessThanOrEqual(2 * 18 + 12);
  });

  it('the walk reads them as one name each', () => {
    const { g, order, steps } = named('x = Value(2.0)\nw = Value(-3.0)\ny = (x*w + 1).tanh()\ny.backward()\n');
    const w = new Walk(g, order, steps, 'backward');
    expect(w.view(1).text).toMatch(/^\(x\*w \+ 1\)\.grad \+= \(1 − y\.data²\) × y\.grad = /);
    expect(w.view(2).text).toMatch(/^\(x\*w\)\.grad \+= 1 × \(x\*w \+ 1\)\.grad = /);
  });

  it('names a chain of 10,000 ops without recursion', () => {
    const g = named(`y = Value(1.0)\nx = y${' + y'.repeat(10000)}\n`).g;
    expect(g.nodes[0].name).toBe('x');
    expect(g.nodes[1].name).toMatch(/^… \+ y( \+ y)*$/);
    expect(g.nodes[1].name.length).toBeLessThanOrEqual(18 + 4);
  });
});
