// The divergence watchdog's offer (web/src/watchdog.js), measured on the engine: after training diverges at a huge
// learning rate, resetting at the offered rate trains (the page's own check: no loss or traced value that is not
// finite), where the old offer (lr / 10) did not; and its message rounds its numbers.
import { describe, it, expect, beforeAll } from 'vitest';
import { loadEngine } from '../../web/src/engine.js';
import { round, recoveryLr, divergenceMessage } from '../../web/src/watchdog.js';

let engine, defaultLr;
beforeAll(async () => { engine = await loadEngine(); defaultLr = engine.limits().defaults.lr; });

/** The step where the page's watchdog trips within `max` steps (0: it does not). */
function trip(t, max) {
  for (let s = 1; s <= max; s++) {
    const loss = t.step();
    if (!Number.isFinite(loss) || !t.graphValues(0, 0, 0).every(Number.isFinite)) return s;
  }
  return 0;
}
/** Trains a fresh network at lr for `steps` steps: where it diverged (0: never), its loss and train accuracy. */
function run(o, lr, steps) {
  const t = new engine.Trainer({ ...o, lr });
  try {
    const diverged = trip(t, steps);
    return { diverged, loss: t.loss('train'), acc: t.accuracy('train') };
  } finally { t.delete(); }
}

describe('watchdog', () => {
  it('rounds the numbers of its message', () => {
    expect(round(154.86391720542807)).toBe('154.9');
    expect(round(6.76e127)).toBe('6.76e+127');
    expect(round(-0.000123456)).toBe('-1.23e-4');
    expect(round(0.1)).toBe('0.1');
    expect(round(NaN)).toBe('nan');
    expect(round(-Infinity)).toBe('-inf');
    const m = divergenceMessage({ step: 2, loss: 154.86391720542807, lr: 100, bad: 37, nodes: 157, next: 0.1, defaultLr: 0.1 });
    expect(m).toMatch(/^Training paused at step 2: with learning rate 100 it diverged, the loss is 154\.9 and 37 of the traced graph's 157 values are not finite/);
    expect(m).toMatch(/train with learning rate 0\.1 \(the default, which trains it\)\.$/);
    expect(m).not.toMatch(/\d\.\d{5}/);
  });

  it('offers the default rate, or a tenth of the diverged one when smaller', () => {
    expect(defaultLr).toBe(0.1);
    expect(recoveryLr(100, defaultLr)).toBe(0.1);
    expect(recoveryLr(10, defaultLr)).toBe(0.1);
    expect(recoveryLr(0.3, defaultLr)).toBe(0.03);
    expect(recoveryLr(0.1, defaultLr)).toBe(0.01);
    expect(recoveryLr(0.07, defaultLr)).toBe(0.007);
  });

  const PROBLEMS = [
    { name: 'default, AdamW', o: {} },
    { name: 'default, SGD', o: { optimizer: 'sgd' } },
    { name: 'circles', o: { dataset: 'circles' } },
    { name: 'spiral 2-16-16-3', o: { dataset: 'spiral', hidden: [16, 16] } },
    { name: 'blobs ReLU, SGD', o: { dataset: 'blobs', activation: 'relu', optimizer: 'sgd' } },
    { name: 'yin-yang 2-8-8-3 ReLU', o: { hidden: [8, 8], activation: 'relu', n: 300 } },
  ];
  it.each(PROBLEMS)('after lr 100 diverges, the offer trains: $name', ({ o }) => {
    const t = new engine.Trainer({ ...o, lr: 100 });
    const at = trip(t, 50);
    t.delete();
    expect(at).toBeGreaterThan(0); // the watchdog trips within a few steps
    const next = recoveryLr(100, defaultLr);
    const r = run(o, next, 1000);
    expect(r.diverged).toBe(0);
    expect(r.acc).toBeGreaterThanOrEqual(0.97);
    expect(r.loss).toBeLessThan(0.1);
  });

  it('the old offer (lr 10 after lr 100) does not train the default problem: it stalls', () => {
    const r = run({}, 10, 1000);
    expect(r.acc).toBeLessThan(0.8);
    expect(r.loss).toBeGreaterThan(1);
  });
});
