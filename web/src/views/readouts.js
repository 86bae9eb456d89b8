// The numbers of the current step: step count, train and val loss and accuracy, and how fast training runs
// (steps per second and milliseconds per step, as the loop measures them). Owns its subtree.
const FIELDS = [
  ['step', 'step', (s) => String(s.step)],
  ['train-loss', 'train loss', (s) => fmt(s.trainLoss, 6)],
  ['val-loss', 'val loss', (s) => fmt(s.valLoss, 6)],
  ['train-acc', 'train accuracy', (s) => pct(s.trainAcc)],
  ['val-acc', 'val accuracy', (s) => pct(s.valAcc)],
  ['speed', 'training', (s) => (!s.playing ? 'paused' : s.stepsPerSecond > 0 ? `${rate(s.stepsPerSecond)} steps/s · ${ms(s.msPerStep)} ms/step` : 'measuring…')],
];
const fmt = (v, d) => (!Number.isFinite(v) ? String(v) : Math.abs(v) >= 1e6 ? v.toExponential(3) : v.toFixed(d)); // 1.548e+127, not 128 digits
const pct = (v) => (Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : '–');
const rate = (v) => (v >= 100 ? Math.round(v).toLocaleString('en') : v.toPrecision(2));
const ms = (v) => (v >= 10 ? v.toFixed(0) : v >= 1 ? v.toFixed(1) : v.toFixed(2));

export class Readouts {
  /** @param {HTMLElement} root */
  constructor(root) {
    this.root = root;
    root.className = 'readouts';
    const dl = document.createElement('dl');
    this.cells = FIELDS.map(([id, label]) => {
      const dt = document.createElement('dt');
      dt.textContent = label;
      const dd = document.createElement('dd');
      dd.id = `readout-${id}`;
      dl.append(dt, dd);
      return dd;
    });
    root.append(dl);
  }

  /** @param {{ step: number, trainLoss: number, valLoss: number, trainAcc: number, valAcc: number,
   *   playing: boolean, stepsPerSecond: number, msPerStep: number }} s (stepsPerSecond 0 while playing: not measured yet) */
  render(s) {
    FIELDS.forEach(([, , f], i) => {
      const text = f(s);
      if (this.cells[i].textContent !== text) this.cells[i].textContent = text;
    });
  }
}
