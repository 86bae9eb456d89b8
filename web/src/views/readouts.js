// The numbers of the current step: step count, train and val loss and accuracy, and how fast training runs
// (steps per second and milliseconds per step, as the loop measures them). A split without points has no loss:
// its numbers read "—" and a note says why (after Clear: click the canvas to add points). Owns its subtree.
const NONE = '—';
const FIELDS = [
  ['step', 'step', (s) => String(s.step)],
  ['train-loss', 'train loss', (s) => (s.nTrain ? fmt(s.trainLoss, 6) : NONE)],
  ['val-loss', 'val loss', (s) => (s.nVal ? fmt(s.valLoss, 6) : NONE)],
  ['train-acc', 'train accuracy', (s) => (s.nTrain ? pct(s.trainAcc) : NONE)],
  ['val-acc', 'val accuracy', (s) => (s.nVal ? pct(s.valAcc) : NONE)],
  ['speed', 'training', (s) => (!s.playing ? 'paused' : s.stepsPerSecond > 0 ? `${rate(s.stepsPerSecond)} steps/s · ${ms(s.msPerStep)} ms/step` : 'measuring…')],
];
/** Python-like for what is not a number ('nan', 'inf'); huge losses in compact exponent notation. */
const fmt = (v, d) => (Number.isNaN(v) ? 'nan' : !Number.isFinite(v) ? (v > 0 ? 'inf' : '-inf') : Math.abs(v) >= 1e6 ? v.toExponential(3) : v.toFixed(d));
const pct = (v) => (Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : NONE);
const rate = (v) => (v >= 100 ? Math.round(v).toLocaleString('en') : v.toPrecision(2));
const ms = (v) => (v >= 10 ? v.toFixed(0) : v >= 1 ? v.toFixed(1) : v.toFixed(2));

/** Why some numbers read "—" ('' when every split has points). */
export function readoutNote(nTrain, nVal) {
  if (!nTrain) return `No training points: click the canvas to add some${nVal ? '' : ' (the validation split is empty too)'}.`;
  if (!nVal) return 'No validation points: val loss and accuracy need some (generate a dataset, or undo Clear).';
  return '';
}

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
    this.note = document.createElement('p');
    this.note.className = 'readouts-note';
    this.note.id = 'readout-note';
    this.note.hidden = true;
    root.append(dl, this.note);
  }

  /** @param {{ step: number, trainLoss: number, valLoss: number, trainAcc: number, valAcc: number, nTrain: number, nVal: number,
   *   playing: boolean, stepsPerSecond: number, msPerStep: number }} s (stepsPerSecond 0 while playing: not measured yet) */
  render(s) {
    FIELDS.forEach(([, , f], i) => {
      const text = f(s);
      if (this.cells[i].textContent !== text) this.cells[i].textContent = text;
    });
    const note = readoutNote(s.nTrain, s.nVal);
    if (this.note.textContent !== note) this.note.textContent = note;
    this.note.hidden = !note;
  }
}
