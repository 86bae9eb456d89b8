// The divergence watchdog's rule and words: which learning rate its "Reset with learning rate ..." button offers and
// the message that says what happened, its numbers rounded. The rule is measured (scripts/measure-recovery.mjs;
// tests/js/watchdog.test.js keeps it true): the engine's default learning rate, or a tenth of the rate that diverged
// when that is smaller. After lr 100 the old offer, lr / 10, diverged again or stalled on 14 of the 16 measured
// problems (the default one: loss 2.95, 71 % after 2,000 steps); the default rate trained 15 of them to 100 % within
// 2,000 steps. The 16th (2-32-32-32-3 ReLU on 1,000 points, AdamW) diverges at the default rate too, at step 1,440:
// the watchdog then offers 0.01, which trains it.

/** A number as a message shows it: 4 significant digits, compact exponent notation when huge or tiny. @param {number} v */
export function round(v) {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e5 || a < 1e-3)) return v.toExponential(2);
  return String(Number(v.toPrecision(4)));
}

/**
 * The learning rate to reset with after training diverged at `lr`: the default, or lr / 10 when that is smaller.
 * @param {number} lr the rate that diverged  @param {number} defaultLr the engine's default (limits().defaults.lr)
 */
export function recoveryLr(lr, defaultLr) {
  return Math.min(defaultLr, Number((lr / 10).toPrecision(2)));
}

/**
 * What the page says when training diverged. @param {{ step: number, loss: number, lr: number, bad: number,
 * nodes: number, next: number, defaultLr: number }} d  bad: traced values (data or grad) that are not finite, of `nodes`
 */
export function divergenceMessage({ step, loss, lr, bad, nodes, next, defaultLr }) {
  return `Training paused at step ${step}: with learning rate ${round(lr)} it diverged, the loss is ${round(loss)}` +
    (bad ? ` and ${bad} of the traced graph's ${nodes} values are not finite (marked red)` : '') +
    '. Steps that large blew the weights up, saturated tanh and overflowed exp. ' +
    `Reset the network and train with learning rate ${round(next)}${next === defaultLr ? ' (the default, which trains it)' : ''}.`;
}
