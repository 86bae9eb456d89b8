// Long run in WASM: steps with periodic graph dumps, boundary grids, teaching calls and data edits; prints
// WASM memory over time and fails (exit 1) if it grows after warm-up. node scripts/soak.mjs [steps=100000]
import { loadEngine } from '../web/src/engine.js';

export async function soak(totalSteps, log = console.log) {
  const engine = await loadEngine();
  const t = new engine.Trainer({ hidden: [8, 8] });
  const chunk = 100;
  let warm = null, peak = 0;
  for (let done = 0, i = 0; done < totalSteps; done += chunk, i++) {
    t.steps(chunk);
    const x = Math.sin(i) * 1.5, y = Math.cos(i * 0.7) * 1.5;
    t.graph(x, y, i % 3);
    t.graphValues(x, y, i % 3);
    t.boundary(96, 96, -2, 2, -2, 2);
    if (i % 5 === 0) { t.backwardSteps(x, y, 0); t.pointStats('train'); t.nodeField(i % 100, 0, 32, 32, -2, 2, -2, 2); }
    if (i % 7 === 0) t.gradCheckParams(x, y, 1);
    // data edits: add a point, move it, remove it again (the training set returns to its size)
    t.addPoint({ x, y, label: i % 3 });
    const n = t.points('train').length;
    t.movePoint('train', n - 1, y, x);
    t.removePoint('train', n - 1);
    const mem = engine.memoryBytes();
    if (i === 10) warm = mem;
    peak = Math.max(peak, mem);
    if (i % 100 === 0) log(`step ${t.stepCount}: WASM memory ${(mem / 1048576).toFixed(1)} MB, loss ${t.loss('train').toFixed(4)}`);
  }
  const end = engine.memoryBytes();
  t.delete();
  return { steps: totalSteps, warmBytes: warm, endBytes: end, peakBytes: peak };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const steps = Number(process.argv[2] ?? 100000);
  const r = await soak(steps);
  console.log(`after warm-up: ${r.warmBytes} bytes; at the end: ${r.endBytes} bytes (${r.steps} steps)`);
  if (r.endBytes !== r.warmBytes) { console.error('WASM memory grew after warm-up'); process.exit(1); }
}
