// The batched replay in WebAssembly (musl's C library, WASM SIMD) against the per-point replay and the graph built
// anew, bit for bit: build-wasm/batch_check.cjs (tests/cpp/test_batch_wasm.cpp) checks steps, parameters, point
// edits, evaluation and per-point gradients, and exits 1 on any mismatch.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';

const root = new URL('../../', import.meta.url).pathname;

describe('batched replay in WASM', () => {
  it('equals the per-point replay and the graph bit for bit', () => {
    const r = spawnSync(process.execPath, ['build-wasm/batch_check.cjs'], { cwd: root, encoding: 'utf8' });
    expect(r.stdout, r.stderr).toMatch(/batch_check: \d+ checks, 0 mismatches/);
    expect(Number(r.stdout.match(/(\d+) checks/)[1])).toBeGreaterThan(1000);
    expect(r.status, r.stdout).toBe(0);
  }, 120000);
});
