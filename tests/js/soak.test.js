// The soak run, short: steps, graph dumps, boundaries, teaching calls and data edits keep WASM memory flat.
import { it, expect } from 'vitest';
import { soak } from '../../scripts/soak.mjs';

it('memory stays flat after warm-up over 5,000 steps with dumps, grids and edits (npm run soak: 100,000)', async () => {
  const r = await soak(5000, () => {});
  expect(r.warmBytes).toBeGreaterThan(0);
  expect(r.endBytes).toBe(r.warmBytes);
});
