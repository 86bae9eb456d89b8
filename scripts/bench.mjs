// npm run bench: times the engine natively (build/micrograd_bench) and in WASM (the JS API, this process) next to
// JavaScript yardsticks: the reference micrograd.js, a hand-fused default network, a plain-JS boundary loop.
// Usage: node scripts/bench.mjs [--quick] [--json] [--no-page] (--no-page: the engine only, not the page in Chromium).
// It reports; it asserts nothing (see docs/performance.md).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { loadEngine } from '../web/src/engine.js';
import { fusedStep, makeFused, plainBoundary, loadReference } from './bench-js.mjs';
import { benchPage, describePage } from './bench-page.mjs';

const args = new Set(process.argv.slice(2));
for (const a of args) {
  if (a === '--quick' || a === '--json' || a === '--no-page') continue;
  console.error(`usage: node scripts/bench.mjs [--quick] [--json] [--no-page] (unknown ${a})`);
  process.exit(2);
}
const QUICK = args.has('--quick'), AS_JSON = args.has('--json');
const RUNS = QUICK ? 3 : 9;                 // odd: the median is the middle run
const WARM_MS = QUICK ? 30 : 500;           // warm-up per measurement: JIT and WASM tier-up, buffers sized
const root = new URL('..', import.meta.url).pathname;
const notes = [];
const log = (s) => { if (!AS_JSON) console.error(s); };

/**
 * ms per call of each function in `group` ({ key: [calls, f] }): a warm-up each, then `RUNS` rounds in which every
 * function runs `calls` calls in turn, so that functions compared with each other meet the same machine load.
 * Returns { key: { median, min, max, runs, calls, samples } }, samples being the per-round ms in round order.
 */
function measure(group) {
  for (const [, f] of Object.values(group)) {
    const t0 = performance.now();
    for (let n = 0; n < 3 || performance.now() - t0 < WARM_MS; n++) f();
  }
  const samples = Object.fromEntries(Object.keys(group).map((k) => [k, []]));
  for (let r = 0; r < RUNS; r++) {
    for (const [k, [calls, f]] of Object.entries(group)) {
      const s = performance.now();
      for (let i = 0; i < calls; i++) f();
      samples[k].push((performance.now() - s) / calls);
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([k, ms]) => {
    const sorted = [...ms].sort((x, y) => x - y);
    return [k, { median: sorted[RUNS >> 1], min: sorted[0], max: sorted[RUNS - 1], runs: RUNS, calls: group[k][0], samples: ms }];
  }));
}
/** The median over rounds of a's time / b's time (a and b measured in the same group). */
function pairedRatio(a, b) {
  if (!a?.samples || !b?.samples) return null;
  const r = a.samples.map((x, i) => x / b.samples[i]).sort((x, y) => x - y);
  return r[r.length >> 1];
}
const q = (full, quick) => (QUICK ? quick : full);

// The native half: the C++ benchmark binary, brought up to date with CMake first (incremental).
function runBinary(cmd, argv, what) {
  const r = spawnSync(cmd, [...argv, '--json', ...(QUICK ? ['--quick'] : [])], { cwd: root, encoding: 'utf8' });
  if (r.status === 0) return JSON.parse(r.stdout);
  notes.push(`${what}: failed (${(r.stderr || r.error || '').toString().trim().split('\n').pop()})`);
  return null;
}
function native() {
  log('native: building build/micrograd_bench ...');
  const steps = existsSync(`${root}build/CMakeCache.txt`) ? [] : [['-S', '.', '-B', 'build', '-DCMAKE_BUILD_TYPE=Release']];
  for (const a of [...steps, ['--build', 'build', '--target', 'micrograd_bench', '-j2']]) {
    const r = spawnSync('cmake', a, { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) { notes.push(`native: cmake ${a.join(' ')} failed`); return null; }
  }
  log('native: build/micrograd_bench ...');
  return runBinary(`${root}build/micrograd_bench`, [], 'native');
}

// The WASM half (the engine through its JS API, as the page uses it) side by side with the JavaScript yardsticks.
async function inProcess() {
  const engine = await loadEngine();
  const wasm = {}, js = {};
  const t = new engine.Trainer();
  const fused = makeFused(t.parameters(), t.points('train'));
  const ref = loadReference(notes);
  if (ref) {
    const first = new engine.Trainer(), engineFirst = first.step();
    first.delete();
    notes.push(`reference micrograd.js: first step loss ${ref.firstLoss}, the engine's ${engineFirst}` +
      (ref.firstLoss === engineFirst ? ' (identical)' : ' (DIFFERENT)'));
  }
  log('wasm and js: default step (engine, hand-fused JS, micrograd.js) ...');
  const steps = measure({
    wasm: [q(200, 20), () => t.step()],
    fused: [q(2000, 200), () => fusedStep(fused)],
    ...(ref ? { reference: [q(5, 1), () => ref.step()] } : {}),
  });
  wasm.step_default = steps.wasm;
  js.fused_step_default = steps.fused;
  js.reference_step_default = steps.reference ?? null;

  // The big network: micrograd.js takes seconds per step there, so it runs in full runs only (not --quick).
  const bigSettings = { hidden: [32, 32], n: 1250 }; // 1,000 training points
  const big = new engine.Trainer(bigSettings);
  const bigRef = ref && !QUICK ? loadReference(notes, bigSettings) : null;
  if (bigRef) {
    const first = new engine.Trainer(bigSettings), engineFirst = first.step();
    first.delete();
    notes.push(`reference micrograd.js, 2-[32,32]-3 on 1,000 points: first step loss ${bigRef.firstLoss}, the engine's ` +
      `${engineFirst}${bigRef.firstLoss === engineFirst ? ' (identical)' : ' (DIFFERENT)'}`);
  } else if (ref) notes.push('micrograd.js on 2-[32,32]-3 is measured in full runs only (seconds per step)');
  log(`wasm${bigRef ? ' and micrograd.js' : ''}: 2-[32,32]-3 step on 1,000 points ...`);
  const bigSteps = measure({
    wasm: [q(5, 1), () => big.step()],
    ...(bigRef ? { reference: [1, () => bigRef.step()] } : {}),
  });
  wasm.step_32x32_1000 = bigSteps.wasm;
  js.reference_step_32x32_1000 = bigSteps.reference ?? null;
  wasm.loss_32x32_1000 = measure({ loss: [q(10, 2), () => big.loss('train')] }).loss;
  big.delete();

  log('wasm and js: boundary 256x256 (engine, plain JS loop); graph values ...');
  const s = new engine.Trainer();
  s.steps(50);
  const params = s.parameters(), grid = new Float32Array(256 * 256 * 3);
  const boundary = measure({
    wasm: [q(20, 3), () => s.boundary(256, 256, -2, 2, -2, 2)],
    plain: [q(3, 1), () => plainBoundary(params, [2, 8, 3], 256, 256, -2, 2, -2, 2, grid)],
  });
  wasm.boundary_256 = boundary.wasm;
  js.boundary_256_plain = boundary.plain;
  const buf = new Float64Array(2 * s.graph(0.3, -0.2, 1).nodes.length);
  wasm.graph_values = measure({ g: [q(500, 50), () => s.graphValues(0.3, -0.2, 1, buf)] }).g;
  t.delete();
  s.delete();
  return { wasm, js };
}

const nat = native();
const { wasm: wasmResults, js: jsResults } = await inProcess();
// The same C++ benchmark compiled to WASM (built by npm run build:wasm): the hand-fused yardstick in WASM.
const wasmBench = `${root}build-wasm/micrograd_bench.cjs`;
let wasmCpp = null;
if (existsSync(wasmBench)) {
  log('wasm: build-wasm/micrograd_bench.cjs ...');
  wasmCpp = runBinary(process.execPath, [wasmBench], 'wasm C++');
} else notes.push('wasm C++ half skipped: build-wasm/micrograd_bench.cjs not built (npm run build:wasm)');
const fromWasmCpp = ['fused_step_default', 'step_default_replay', 'step_default_rebuilt', 'step_32x32_1000_replay', 'boundary_256_f64'];
if (wasmCpp) for (const k of fromWasmCpp) if (wasmCpp.results[k]) wasmResults[k] = wasmCpp.results[k];

// The page in headless Chromium (needs the built site: npm run build).
let page = null;
if (args.has('--no-page')) notes.push('page half skipped: --no-page');
else if (!existsSync(`${root}dist/index.html`)) notes.push('page half skipped: dist/ not built (npm run build)');
else {
  log('page: headless Chromium on dist/ ...');
  try { page = await benchPage({ runs: QUICK ? 1 : 3, seconds: QUICK ? 1 : 10 }); } catch (e) { notes.push(`page half failed: ${e.message}`); }
}

const over = (a, b) => (a && b ? a.median / b.median : null); // how many times a's time is b's (medians)
const report = {
  command: `node scripts/bench.mjs${QUICK ? ' --quick' : ''}${AS_JSON ? ' --json' : ''}${args.has('--no-page') ? ' --no-page' : ''}`,
  quick: QUICK, node: process.version, cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length,
  native: nat ? nat.results : null,
  wasm: wasmResults,
  js: jsResults,
  page, // the page's metrics (scripts/bench-page.mjs): load, frames at the default speed, steps/s at max speed
  ratios: {
    // measured in the same rounds: the median of the per-round ratios
    reference_js_over_wasm_step: pairedRatio(jsResults.reference_step_default, wasmResults.step_default), // goal >= 150
    reference_js_over_wasm_step_32x32: pairedRatio(jsResults.reference_step_32x32_1000, wasmResults.step_32x32_1000), // goal >= 300
    wasm_step_over_fused_js: pairedRatio(wasmResults.step_default, jsResults.fused_step_default),
    plain_js_over_wasm_boundary: pairedRatio(jsResults.boundary_256_plain, wasmResults.boundary_256),   // goal >= 5
    // measured in other processes: the ratio of medians
    wasm_step_over_fused_wasm: over(wasmResults.step_default, wasmResults.fused_step_default),           // aim <= 2
    native_step_over_fused_native: nat ? over(nat.results.step_default, nat.results.fused_step_default) : null,
    reference_js_over_native_step: nat ? over(jsResults.reference_step_default, nat.results.step_default) : null,
    reference_js_over_native_step_32x32: nat ? over(jsResults.reference_step_32x32_1000, nat.results.step_32x32_1000) : null,
    wasm_replay_over_batch_step: over(wasmResults.step_default_replay, wasmResults.step_default),
    wasm_replay_over_batch_step_32x32: over(wasmResults.step_32x32_1000_replay, wasmResults.step_32x32_1000),
  },
  notes: [...notes, ...(nat?.note ? [`native: ${nat.note}`] : [])],
};

if (AS_JSON) {
  console.log(JSON.stringify(report));
} else {
  const cell = (s) => (s ? `${s.median.toFixed(4)} [${s.min.toFixed(4)}-${s.max.toFixed(4)}]` : '-');
  const rows = [ // label, key in native and wasm, key in js and what it is
    ['train step, default (80 points, 2-8-3, AdamW)', 'step_default', 'reference_step_default', 'micrograd.js'],
    ['train step, default, hand-fused (yardstick)', 'fused_step_default', 'fused_step_default', 'fused JS'],
    ['train step, default, per-point replay (before)', 'step_default_replay'],
    ['train step, default, graph rebuilt each step', 'step_default_rebuilt'],
    ['train step, 2-[32,32]-3 on 1,000 points', 'step_32x32_1000', 'reference_step_32x32_1000', 'micrograd.js'],
    ['the same, per-point replay (before)', 'step_32x32_1000_replay'],
    ['loss of 1,000 points, 2-[32,32]-3 (forward)', 'loss_32x32_1000'],
    ['boundary 256x256 (float32 SIMD)', 'boundary_256', 'boundary_256_plain', 'plain JS loop'],
    ['boundary 256x256, exact double per cell', 'boundary_256_f64'],
    ['graph value refresh (graphValues)', 'graph_values'],
  ];
  console.log(`ms per call, median [min-max] of ${RUNS} runs; ${report.cpu}, ${report.cores} cores, Node ${report.node}`);
  console.log('what'.padEnd(46) + 'native'.padEnd(28) + 'WASM'.padEnd(28) + 'JS');
  for (const [what, key, jsKey, jsWhat] of rows) {
    const j = jsKey ? `${cell(jsResults[jsKey]).padEnd(28)}${jsWhat}` : '-';
    console.log(what.padEnd(46) + cell(report.native?.[key]).padEnd(28) + cell(wasmResults[key]).padEnd(28) + j);
  }
  const x = (v) => (v ? `${v.toFixed(1)}x` : 'n/a');
  const r = report.ratios;
  console.log(`\nWASM default step: ${x(r.reference_js_over_wasm_step)} faster than micrograd.js (goal 150x, aim 200x); ` +
    `${x(r.wasm_step_over_fused_wasm)} the time of hand-fused C++ in WASM, ${x(r.wasm_step_over_fused_js)} that of hand-fused JS`);
  console.log(`WASM 2-[32,32]-3 step on 1,000 points: ${x(r.reference_js_over_wasm_step_32x32)} faster than micrograd.js ` +
    '(goal 300x, aim 400x)');
  console.log(`native: ${x(r.reference_js_over_native_step)} (default) and ${x(r.reference_js_over_native_step_32x32)} ` +
    `(2-[32,32]-3) faster than micrograd.js (ratio of medians); default step ${x(r.native_step_over_fused_native)} ` +
    'the time of hand-fused C++');
  console.log(`WASM, batched over per-point replay: ${x(r.wasm_replay_over_batch_step)} (default), ` +
    `${x(r.wasm_replay_over_batch_step_32x32)} (2-[32,32]-3)`);
  console.log(`WASM boundary: ${x(r.plain_js_over_wasm_boundary)} faster than the plain-JS loop`);
  if (page) console.log(`page (Chromium, localhost):\n${describePage(page)}`);
  for (const n of report.notes) console.log(`note: ${n}`);
}
