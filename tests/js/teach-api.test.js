// The JS API additions for the teaching panels: optimizerState() per optimizer (AdamW's bias-corrected moments and
// applied change, SGD's velocity, exactly as the step computed them) and engine.dataset() (a Trainer's points
// without a network), with their argument errors.
import { describe, it, expect, beforeAll } from 'vitest';
import { loadEngine } from '../../web/src/engine.js';

let engine;
const near = (a, b) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-15 * Math.abs(b));
beforeAll(async () => { engine = await loadEngine(); });

describe('optimizerState()', () => {
  it('AdamW: m̂, v̂ and the applied change, exactly', () => {
    const t = new engine.Trainer();
    let st = t.optimizerState();
    expect(st.kind).toBe('adamw');
    expect([st.beta1, st.beta2, st.eps]).toEqual([0.9, 0.95, 1e-8]);
    expect([...st.mHat, ...st.vHat, ...st.delta].every((x) => x === 0)).toBe(true);
    for (let step = 1; step <= 3; step++) {
      const before = t.parameters();
      t.step();
      const after = t.parameters();
      st = t.optimizerState();
      st.delta.forEach((d, i) => expect(before[i] + d).toBe(after[i]));
      // JavaScript's ** is not musl's pow (the last bit may differ): within 1e-15 here, bit for bit in test_teach_api.cpp
      st.m.forEach((m, i) => near(st.mHat[i], m / (1 - 0.9 ** step)));
      st.v.forEach((v, i) => near(st.vHat[i], v / (1 - 0.95 ** step)));
      st.delta.forEach((d, i) => near(d, -(0.1 * (st.mHat[i] / (st.vHat[i] ** 0.5 + 1e-8) + 1e-4 * before[i]))));
    }
    t.delete();
  });

  it('SGD: the velocity and the applied change', () => {
    const t = new engine.Trainer({ optimizer: 'sgd', lr: 0.05, weightDecay: 0 });
    let prev = t.optimizerState().velocity;
    for (let step = 1; step <= 3; step++) {
      const before = t.parameters();
      t.step();
      const after = t.parameters(), st = t.optimizerState();
      expect(st.kind).toBe('sgd');
      expect(st.momentum).toBe(0.9);
      expect('mHat' in st).toBe(false);
      st.velocity.forEach((u, i) => expect(u).toBe(0.9 * prev[i] + st.grad[i]));
      st.delta.forEach((d, i) => { expect(d).toBe(-(0.05 * st.velocity[i])); expect(before[i] + d).toBe(after[i]); });
      prev = st.velocity;
    }
    t.delete();
  });
});

describe('engine.dataset()', () => {
  it('gives a Trainer\'s points for the same settings, without a network', () => {
    for (const name of engine.limits().dataset) {
      for (const o of [{}, { n: 90, noise: 0.3, seed: 5 }]) {
        const t = new engine.Trainer({ dataset: name, ...o });
        const d = engine.dataset(name, o);
        expect(d).toEqual({ train: t.points('train'), val: t.points('val'), test: t.points('test') });
        t.delete();
      }
    }
    const d = engine.dataset('spiral', { n: 30 });
    expect([d.train.length, d.val.length, d.test.length]).toEqual([24, 3, 3]);
  });

  it('refuses bad arguments, naming them', () => {
    const cases = [
      [() => engine.dataset('moons'), /^dataset: expected 'yinyang', 'circles', 'xor', 'spiral' or 'blobs'/],
      [() => engine.dataset(3), /^dataset:/],
      [() => engine.dataset('xor', null), /^options:/],
      [() => engine.dataset('xor', { colour: 1 }), /^colour: unknown option \(known: n, noise, seed\)/],
      [() => engine.dataset('xor', { n: 2 }), /^n:/],
      [() => engine.dataset('xor', { n: 1e9 }), /^n:/],
      [() => engine.dataset('xor', { n: 1.5 }), /^n:/],
      [() => engine.dataset('xor', { noise: -0.5 }), /^noise:/],
      [() => engine.dataset('xor', { noise: 'x' }), /^noise:/],
      [() => engine.dataset('xor', { seed: 0.5 }), /^seed:/],
    ];
    for (const [f, re] of cases) expect(f).toThrow(re);
    expect(engine.dataset('xor', { n: 6 }).train).toHaveLength(4); // and it still works
  });
});
