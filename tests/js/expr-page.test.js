// Expression mode's pure parts: the presets are the golden snippets byte for byte, colouring covers a snippet exactly,
// slider numbers are Python floats that parse back to what setLeaf set, the variables print as `micrograd expr` does.
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { PRESETS } from '../../web/src/expr-presets.js';
import { highlight } from '../../web/src/views/expr-highlight.js';
import { floatText } from '../../web/src/expr-actions.js';
import { sliderRange } from '../../web/src/views/expr-sliders.js';
import { pyRepr } from '../../web/src/views/expr-values.js';
import { loadExpressions } from '../../web/src/expression.js';

const dir = new URL('../golden/expressions/', import.meta.url);
const golden = (f) => readFileSync(new URL(f, dir), 'utf8');
let ex;
beforeAll(async () => { ex = await loadExpressions(); });

describe('expression mode', () => {
  it('presets are the golden snippets, byte for byte', () => {
    expect(PRESETS.map((p) => p.key)).toEqual(['readme', 'neuron', 'neuron_exp', 'softmax']);
    for (const p of PRESETS) expect(p.source).toBe(golden(`${p.key}.py`));
  });

  it('colouring covers every golden snippet exactly, in order, and finds what it should', () => {
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.py'))) {
      const text = golden(f), runs = highlight(text);
      expect(runs[0].from).toBe(0);
      runs.forEach((r, i) => { expect(r.to).toBeGreaterThan(r.from); if (i) expect(r.from).toBe(runs[i - 1].to); });
      expect(runs.at(-1).to).toBe(text.length);
    }
    const t = "x = Value(-2.5e-3, label='x') # c\ny = x.tanh()**2 + .5";
    const kinds = highlight(t).filter((r) => r.cls).map((r) => [t.slice(r.from, r.to), r.cls]);
    expect(kinds).toEqual([['=', 'op'], ['Value', 'value'], ['(-', 'op'], ['2.5e-3', 'number'], [',', 'op'], ['label', 'label'],
      ['=', 'op'], ["'x'", 'string'], [')', 'op'], ['# c', 'comment'], ['=', 'op'], ['.', 'op'], ['tanh', 'method'], ['()**', 'op'],
      ['2', 'number'], ['+', 'op'], ['.5', 'number']]);
  });

  it('a slider number is a float literal that the snippet parses back to the same double', () => {
    expect(floatText(3)).toBe('3.0');
    expect(floatText(-4)).toBe('-4.0');
    expect(floatText(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(floatText(1e-7)).toBe('1e-7');
    for (const v of [3, -4, 0.30000000000000004, 1e-7, 6.8813735870195432, -2.45, 1e21]) {
      const x = new ex.Expression(`a = Value(${floatText(v)}) * 1`);
      expect(x.values()[0].data).toBe(v);
      x.delete();
    }
    const r = sliderRange(6.8813735870195432);
    expect(r.min).toBeLessThan(6.88);
    expect(r.max).toBeGreaterThan(6.89);
    expect(r.step).toBe(0.1);
    expect(sliderRange(0)).toEqual({ min: -2, max: 2, step: 0.05 });
    expect(sliderRange(-4)).toEqual({ min: -8, max: 0, step: 0.05 });
  });

  it('the variables print as micrograd expr prints them (Python repr)', () => {
    for (const [v, s] of [[2, '2.0'], [-0, '-0.0'], [1e-5, '1e-05'], [1e16, '1e+16'], [0.0001, '0.0001'], [1.5e-7, '1.5e-07'],
      [123456789012345.6, '123456789012345.6'], [Infinity, 'inf'], [NaN, 'nan'], [0.1, '0.1']]) expect(pyRepr(v)).toBe(s);
    for (const p of PRESETS) { // the golden .out lines, from the WASM engine's numbers (musl may differ in the last bit)
      const lines = golden(`${p.key}.out`).trim().split('\n');
      const vals = ex.expression(p.source).values;
      expect(vals.map((v) => v.name)).toEqual(lines.map((l) => l.split(' ')[0]));
      vals.forEach((v, i) => {
        const [, d, g] = /data=(\S+) grad=(\S+)/.exec(lines[i]);
        for (const [mine, want] of [[pyRepr(v.data), d], [pyRepr(v.grad), g]]) {
          if (mine !== want) expect(Math.abs(Number(mine) - Number(want))).toBeLessThanOrEqual(1e-10 * Math.abs(Number(want)));
        }
      });
    }
  });
});
