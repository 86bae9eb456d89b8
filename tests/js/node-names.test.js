// One naming scheme for the traced graph's nodes, made by the engine and read by every view (boxes, hover card, walk
// text, table, per-point selector): inputs x and y, parameters w[l][n][i] and b[l][n], each product by its factors,
// each running sum by what it adds, h[l][n], logit[k], the softmax by its terms, p[k], loss; never an op's symbol.
import { describe, it, expect, beforeAll, afterEach } from 'vitest';
import { loadEngine } from '../../web/src/engine.js';

let engine;
const live = [];
const make = (opts) => { const t = new engine.Trainer(opts); live.push(t); return t; };
beforeAll(async () => { engine = await loadEngine(); });
afterEach(() => { while (live.length) live.pop().delete(); });

const OPS = ['+', '*', 'tanh', 'ReLU', 'exp', 'log'];

describe('node names', () => {
  it('the default graph: every node named by what it holds, once', () => {
    const g = make().graph(0, 0, 0), names = g.nodes.map((n) => n.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) {
      expect(OPS).not.toContain(n);
      expect(n).not.toMatch(/^\*\*|partial|in\[/);
    }
    const byOp = (name) => g.nodes[names.indexOf(name)]?.op;
    const want = {
      x: '', y: '', 'w[0][3][1]': '', 'b[0][3]': '', 'w[0][3][0]*x': '*', 'w[0][3][1]*y': '*', 'b[0][3] + w*x': '+',
      'z[0][3]': '+', 'h[0][3]': 'tanh', 'w[1][2][5]*h[0][5]': '*', 'b[1][2] + w*h[0][0]': '+',
      'b[1][2] + w*h[0][0..5]': '+', 'logit[2]': '+', 'exp(logit[1])': 'exp', '0 + exp(logit[0])': '+',
      'sum(exp(logit[0..1]))': '+', 'sum(exp)': '+', '1/sum(exp)': '**-1', 'p[0]': '*', 'log(p[0])': 'log', nll: '*', loss: '*',
    };
    for (const [name, op] of Object.entries(want)) expect([name, byOp(name)]).toEqual([name, op]);
    // the sums' operands are what their names say
    const kids = (i) => g.edges.filter(([, p]) => p === i).map(([c]) => names[c]);
    expect(kids(names.indexOf('b[1][2] + w*h[0][0..5]')).sort()).toEqual(['b[1][2] + w*h[0][0..4]', 'w[1][2][5]*h[0][5]']);
    expect(kids(names.indexOf('z[0][3]')).sort()).toEqual(['b[0][3] + w*x', 'w[0][3][1]*y']);
    expect(kids(names.indexOf('p[0]')).sort()).toEqual(['1/sum(exp)', 'exp(logit[0])']);
  });

  it('deeper layers name their inputs h[l-1][i]; the traced label changes only which p[k] is in the graph', () => {
    const t = make({ hidden: [3, 2] });
    const names = t.graph(0.5, -0.5, 2).nodes.map((n) => n.name);
    for (const n of ['w[1][1][2]*h[0][2]', 'b[1][1] + w*h[0][0..1]', 'z[1][1]', 'h[1][1]', 'w[2][0][1]*h[1][1]', 'b[2][0] + w*h[1][0]', 'p[2]'])
      expect(names).toContain(n);
    expect(names).not.toContain('p[0]');
    expect(t.paramNames().every((p) => names.includes(p))).toBe(true);
  });
});
