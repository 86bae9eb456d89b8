// Measures the divergence watchdog's way out (web/src/watchdog.js) over the engine API: for a few problems and both
// optimizers, trains at a learning rate until the page's watchdog would trip (a loss or a traced value that is not
// finite), then resets and trains at each candidate rate: the old offer (lr / 10) and the rule's. Prints the loss and
// train accuracy after 100, 500 and 2,000 steps, or the step where it diverged again.
//   node scripts/measure-recovery.mjs [--big]   (after npm run build:wasm; --big adds two 2-32-32-3-sized problems)
import { loadEngine } from '../web/src/engine.js';
import { recoveryLr } from '../web/src/watchdog.js';

const engine = await loadEngine();
const defaultLr = engine.limits().defaults.lr;
const PROBLEMS = [
  { name: 'default (yinyang 2-8-3 tanh)', o: {} },
  { name: 'circles', o: { dataset: 'circles' } },
  { name: 'xor', o: { dataset: 'xor' } },
  { name: 'spiral 2-16-16-3', o: { dataset: 'spiral', hidden: [16, 16] } },
  { name: 'blobs relu', o: { dataset: 'blobs', activation: 'relu' } },
  { name: 'yinyang 2-8-8-3 relu, 300 pts', o: { hidden: [8, 8], activation: 'relu', n: 300 } },
  ...(process.argv.includes('--big') ? [
    { name: 'spiral 2-32-32-3 tanh, 1000 pts', o: { dataset: 'spiral', hidden: [32, 32], n: 1000 } },
    { name: 'yinyang 2-32-32-32-3 relu, 1000 pts', o: { hidden: [32, 32, 32], activation: 'relu', n: 1000 } },
  ] : []),
];
const DIVERGING = [100, 10, 1, 0.3]; // each one that trips the watchdog within 500 steps is measured
const CHECKPOINTS = [100, 500, 2000];

/** The step at which the page's watchdog trips (at most `max` steps), or 0. */
function tripStep(t, max) {
  for (let s = 1; s <= max; s++) {
    const loss = t.step();
    if (!Number.isFinite(loss) || !t.graphValues(0, 0, 0).every(Number.isFinite)) return s;
  }
  return 0;
}
/** Trains from the initial network at `lr`: 'loss/acc' at each checkpoint, or where it diverged. */
function train(o, lr) {
  const t = new engine.Trainer({ ...o, lr });
  const out = [];
  let done = 0;
  for (const c of CHECKPOINTS) {
    const trip = tripStep(t, c - done);
    if (trip) { out.push(`diverged at ${done + trip}`); break; }
    done = c;
    out.push(`${t.loss('train').toFixed(3)}/${(100 * t.accuracy('train')).toFixed(0)}%`);
  }
  t.delete();
  return out.join('  ');
}

console.log(`default learning rate ${defaultLr}; columns: loss/train accuracy after ${CHECKPOINTS.join(', ')} steps`);
for (const optimizer of ['adamw', 'sgd']) {
  for (const p of PROBLEMS) {
    const o = { ...p.o, optimizer };
    for (const lr of DIVERGING) {
      const t = new engine.Trainer({ ...o, lr });
      const trip = tripStep(t, 500);
      t.delete();
      if (!trip) continue;
      const next = recoveryLr(lr, defaultLr), old = Number((lr / 10).toPrecision(3));
      console.log(`${optimizer} ${p.name}: lr ${lr} trips the watchdog at step ${trip}`);
      console.log(`    old offer lr ${old}: ${train(o, old)}`);
      console.log(`    rule's    lr ${next}: ${train(o, next)}`);
    }
  }
}
