// `npm run bench` runs: node scripts/bench.mjs --quick --json prints one JSON report with positive timings.
// A smoke test only: it checks that every part ran, never how fast (speed is reported, not asserted).
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';

const root = new URL('../../', import.meta.url).pathname;
const timing = (s) => {
  expect(s, 'a timing').toBeTruthy();
  for (const k of ['median', 'min', 'max']) expect(s[k]).toBeGreaterThan(0);
  expect(s.min).toBeLessThanOrEqual(s.median);
  expect(s.median).toBeLessThanOrEqual(s.max);
  expect(s.runs).toBeGreaterThan(0);
};

describe('npm run bench', () => {
  it('--quick --json reports native, WASM and JS timings', () => {
    const r = spawnSync(process.execPath, ['scripts/bench.mjs', '--quick', '--json'], { cwd: root, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.quick).toBe(true);
    for (const k of ['step_default', 'step_32x32_1000', 'boundary_256', 'graph_values']) timing(report.wasm[k]);
    expect(report.native, JSON.stringify(report.notes)).toBeTruthy();
    for (const k of ['step_default', 'step_32x32_1000', 'boundary_256', 'graph_values', 'fused_step_default']) timing(report.native[k]);
    for (const k of ['fused_step_default', 'boundary_256_plain']) timing(report.js[k]);
    // the reference micrograd.js is only there when MICROGRAD_JS names it; otherwise a note says it was skipped
    if (report.js.reference_step_default) timing(report.js.reference_step_default);
    else expect(report.notes.join('\n')).toMatch(/reference micrograd\.js skipped/);
    expect(Object.keys(report.ratios)).toEqual(expect.arrayContaining(['reference_js_over_wasm_step', 'plain_js_over_wasm_boundary']));
  }, 600000);
});
