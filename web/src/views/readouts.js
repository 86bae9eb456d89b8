// The numbers of the current step: step count, train and val loss and accuracy. Owns its subtree.
const FIELDS = [
  ['step', 'step', (s) => String(s.step)],
  ['train-loss', 'train loss', (s) => fmt(s.trainLoss, 6)],
  ['val-loss', 'val loss', (s) => fmt(s.valLoss, 6)],
  ['train-acc', 'train accuracy', (s) => pct(s.trainAcc)],
  ['val-acc', 'val accuracy', (s) => pct(s.valAcc)],
];
const fmt = (v, d) => (Number.isFinite(v) ? v.toFixed(d) : String(v));
const pct = (v) => (Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : '–');

export class Readouts {
  /** @param {HTMLElement} root */
  constructor(root) {
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

  render(state) {
    FIELDS.forEach(([, , f], i) => {
      const text = f(state.stats);
      if (this.cells[i].textContent !== text) this.cells[i].textContent = text;
    });
  }
}
