// A WASM allocation that fails for real (the budget raised past what WASM memory can hold) becomes an Error,
// never Aborted(), and the engine stays usable: trainers can be deleted and new ones built and trained.
// (Its own file: WASM memory grows to 2 GB here and never shrinks.)
import { it, expect } from 'vitest';
import { loadEngine } from '../../web/src/engine.js';

it('an allocation failure inside std::vector is an Error and the engine goes on', async () => {
  const engine = await loadEngine();
  engine.setMemoryBudget(engine.limits().maxMemoryBudget); // 1 TB of estimates: far more than WASM's 2 GB can hold
  const live = [];
  let error = null;
  try {
    for (let i = 0; i < 200; i++) {
      const t = new engine.Trainer({ hidden: [256, 256], n: 40, seed: i + 1 });
      live.push(t);
      t.step(); // records a step of 6.4 million graph nodes: WASM memory fills after a few of them
    }
  } catch (e) { error = e; }
  expect(error).toBeInstanceOf(Error);
  expect(error.message).toMatch(/^memory: the engine could not allocate what this call needs/);
  expect(String(error)).not.toMatch(/Aborted/);
  expect(engine.memoryBytes()).toBeGreaterThan(1.9e9);
  const survivor = live[0];
  expect(Number.isFinite(survivor.step())).toBe(true); // the trainers that fitted still train
  for (const t of live) t.delete();
  expect(engine.memory().inUse).toBe(0);
  engine.setMemoryBudget(engine.limits().memoryBudget);
  const t = new engine.Trainer();
  expect(t.steps(10)).toBeCloseTo(0.62, 1);
  const big = new engine.Trainer({ hidden: [256, 256], n: 40 });
  expect(Number.isFinite(big.step())).toBe(true);
  t.delete();
  big.delete();
}, 120000);
