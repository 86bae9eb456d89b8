// The JS API within its bounds: one memory budget shared by all trainers, refused up front with a message naming
// the setting and the limit; calls that stay short (steps(k) stops early and says how many ran); a diverged
// network says so and gives NaN, not plausible numbers.
import { describe, it, expect, beforeAll, afterEach } from 'vitest';
import { loadEngine } from '../../web/src/engine.js';

let engine, defaultBudget;
const live = [];
const make = (opts) => { const t = new engine.Trainer(opts); live.push(t); return t; };
beforeAll(async () => { engine = await loadEngine(); defaultBudget = engine.memory().budget; });
afterEach(() => { while (live.length) live.pop().delete(); engine.setMemoryBudget(defaultBudget); });

describe('the memory budget', () => {
  it('is the documented one, and what trainers hold is counted and given back', () => {
    expect(defaultBudget).toBe(engine.limits().memoryBudget);
    expect(defaultBudget).toBe(1536 * 2 ** 20);
    const before = engine.memory().inUse;
    const t = make({ hidden: [32, 32], n: 1000 });
    const held = engine.memory().inUse - before;
    expect(held).toBeGreaterThan(4.5e6); // the batched replay's estimate (memory_budget.cpp): about 4.9 MB
    expect(held).toBeLessThan(6e6);
    t.delete(); live.pop();
    expect(engine.memory().inUse).toBe(before);
  });

  it('refuses a network that cannot fit, before allocating, naming the setting and the limit', () => {
    const wasm = engine.memoryBytes();
    expect(() => make({ n: 6, hidden: [1024, 1024, 1024] }))
      .toThrow(/^hidden: training 2-1024-1024-1024-3 on 4 points needs about \d\.\d GB of memory, more than the 1\.6 GB budget allows/);
    expect(() => make({ n: 20000, hidden: [1024, 1024, 512] })).toThrow(/^hidden: training 2-1024-1024-512-3 on 16000 points/);
    expect(engine.memoryBytes()).toBeLessThan(wasm + 64e6); // nothing big was allocated for the refused ones
    expect(() => make({ n: 20000, hidden: [32, 32, 32, 32] })).not.toThrow();
  });

  it('is shared by all live trainers', () => {
    engine.setMemoryBudget(200e6);
    const a = make({ hidden: [300, 300], n: 6 }); // about 60% of it
    expect(() => make({ hidden: [300, 300], n: 6 })).toThrow(/^hidden: .* held by other trainers/);
    a.delete(); live.splice(live.indexOf(a), 1);
    expect(() => make({ hidden: [300, 300], n: 6 })).not.toThrow();
  });

  it('counts evaluations and point edits: the issue\'s val points on a big network are evaluated in chunks, or an Error', () => {
    const t = make({ n: 6, hidden: [256, 256] });
    t.step();
    for (let i = 0; i < 12; i++) t.addPoint({ x: i / 10, y: 0, label: i % 3 }, 'val');
    expect(Number.isFinite(t.loss('val'))).toBe(true); // 13 points of 201,000 nodes: fits
    const held = engine.memory().inUse;
    for (let i = 0; i < 22; i++) t.addPoint({ x: i / 50, y: 1, label: i % 3 }, 'val');
    expect(Number.isFinite(t.loss('val'))).toBe(true); // 35 points: in chunks, no more memory than the points
    expect(engine.memory().inUse - held).toBeLessThan(22 * 200); // the points (not 22 x 201,000 nodes of graph)
    for (let i = 0; i < 30; i++) t.addPoint({ x: i / 50, y: 2, label: i % 3 }, 'val');
    expect(() => t.loss('val')).toThrow(/^split: evaluating 65 points is too much work for one call .*; evaluate fewer points$/);
    engine.setMemoryBudget(Math.ceil(engine.memory().inUse + 1000)); // room for a few more points at most
    let added = 0;
    expect(() => { for (let i = 0; i < 40; i++, added++) t.addPoint({ x: i / 50, y: 1, label: i % 3 }, 'train'); })
      .toThrow(/^points: training on \d+ points needs about/);
    expect(t.points('train').length).toBe(4 + added); // the refused point was not added
    expect(Number.isFinite(t.step())).toBe(true); // still usable
  });

  it('setMemoryBudget() checks its argument', () => {
    expect(() => engine.setMemoryBudget(5)).toThrow(/^memoryBudget: expected an integer from 16000000 to 1099511627776, got 5$/);
    expect(() => engine.setMemoryBudget('1G')).toThrow(/^memoryBudget: expected a number/);
    expect(engine.memory().budget).toBe(defaultBudget);
  });
});

describe('calls that stay short', () => {
  it('steps(100000) on the default network stops after 8 million nodes\' worth and says how many steps it did', () => {
    const t = make();
    const t0 = performance.now();
    const loss = t.steps(100000);
    const ms = performance.now() - t0;
    expect(Number.isFinite(loss)).toBe(true);
    expect(t.lastSteps).toBe(Math.floor(engine.limits().callWork / (2 * 151 * 80))); // 331: the same on any machine
    expect(t.stepCount).toBe(t.lastSteps);
    expect(ms).toBeLessThan(2000); // about 50-100 ms, with room for a busy machine (it took 8.2 s before)
    t.steps(5);
    expect(t.lastSteps).toBe(5);
    t.step();
    expect(t.lastSteps).toBe(1);
  });

  it('a big step still completes: at least one step runs however long it takes', () => {
    const t = make({ hidden: [8], n: 20000 });
    t.steps(827);
    expect(t.lastSteps).toBe(1); // 16,000 points x 151 nodes x 2: more than half the work of a call already
    expect(t.stepCount).toBe(t.lastSteps);
  });

  it('refuses calls that would do more than a step\'s work, saying how to split them', () => {
    const t = make({ hidden: [256, 256], n: 6 });
    expect(() => t.graph(0, 0, 0)).toThrow(/^graph: the traced graph would have about \d+ nodes \(limit 15000\)/);
    expect(() => t.boundary(1024, 1024, -2, 2, -2, 2)).toThrow(/^boundary: .* too much work for one call/);
    expect(t.boundary(64, 64, -2, 2, -2, 2).length).toBe(64 * 64 * 3);
    const u = make({ hidden: [32, 32, 32, 32], n: 100 });
    expect(() => u.gradCheckParams(0, 0, 0)).toThrow(/^gradCheckParams: .* too much work for one call .* check single nodes with gradCheck$/);
    expect(u.gradCheck(0, 0, 0, 5).relError).toBeLessThan(1e-4);
  });
});

describe('a diverged network', () => {
  it('says so, and accuracy, boundary and forward are NaN alike', () => {
    const t = make({ lr: 100 });
    let loss = 0;
    for (let i = 0; i < 20 && !t.diverged; i++) loss = t.step();
    expect(t.diverged).toBe(true);
    expect(Number.isFinite(loss)).toBe(false);
    expect(t.accuracy('train')).toBeNaN();
    expect(t.forward(0.5, 0.5).every(Number.isNaN)).toBe(true);
    expect(Array.from(t.boundary(8, 8, -2, 2, -2, 2)).every(Number.isNaN)).toBe(true);
    const u = make({ lr: 100 });
    u.steps(1000);
    expect(u.diverged).toBe(true);
    expect(u.lastSteps).toBeLessThan(1000); // steps(k) stops at the first loss that is not finite
    expect(u.stepCount).toBe(u.lastSteps);
    t.reset();
    expect(t.diverged).toBe(false);
    expect(t.accuracy('train')).toBeGreaterThan(0);
  });
});
