// The notes beside the graph: two sentences on what it shows (the loss of the yellow traced point alone, so its grads
// are that point's; the optimizer table's grad is the mean over the training batch), a button back to the reference's
// traced point (0, 0) class 0, and the legend of the graph's colours and marks. Owns its subtree; shows what render()
// gives it and reports the button.
import { el } from './dom.js';
import { CLASS_SHAPES, classColor } from '../palette.js';

/** The legend: a swatch class and its meaning, in the order a learner meets them. */
const KEYS = [
  ['param', 'parameter (w, b)'],
  ['input', 'input (x, y)'],
  ['value', 'computed value'],
  ['sign', 'grad sign: − red, + blue (Colour by grad; edges: weight)'],
  ['saturated', 'saturated tanh (|h| > 0.99)'],
  ['current', 'walk: current node'],
  ['pending', 'walk: not computed yet (pending)'],
  ['bad', 'not finite (diverged)'],
];

/** '1.12', '-0.55': a coordinate as the learner typed it, with a true minus sign. @param {number} v */
const coord = (v) => String(v).replace('-', '−');

export class GraphNotes {
  /** @param {HTMLElement} root @param {{ onReference: () => void }} h */
  constructor(root, h) {
    this.root = root;
    root.classList.add('graph-notes');
    this.swatch = el('span', { class: 'gn-point', 'aria-hidden': 'true' });
    this.what = el('span', {});
    this.why = el('span', {});
    this.ref = el('button', { type: 'button', class: 'gn-ref', title: 'Trace the point micrograd.py traces: (0, 0), class 0' },
      'Trace the reference point (0, 0)');
    this.ref.addEventListener('click', () => h.onReference());
    const legend = el('ul', { class: 'gn-legend', 'aria-label': 'Legend of the graph' },
      ...KEYS.map(([k, text]) => el('li', { class: 'gn-key' }, el('span', { class: `gn-swatch gn-${k}`, 'aria-hidden': 'true' }), text)));
    root.append(el('p', { class: 'gn-text' }, this.swatch, this.what, ' ', this.why, ' ', this.ref), legend);
  }

  /** @param {{ tx: number, ty: number, tl: number, train: number }} s  the traced point and the number of training points */
  render({ tx, ty, tl, train }) {
    const what = `The graph is the loss of the yellow traced point (${coord(tx)}, ${coord(ty)}), class ${tl}, alone: ` +
      'values flow left to right into the loss, grads flow back from it.';
    const why = `So its grads are this one point's: the optimizer table's grad is the mean over all ${train} training ` +
      'points, which is what a step follows.';
    if (this.what.textContent !== what) this.what.textContent = what;
    if (this.why.textContent !== why) this.why.textContent = why;
    this.swatch.className = `gn-point shape-${CLASS_SHAPES[tl]}`;
    this.swatch.style.setProperty('--ring', classColor(tl));
    this.ref.hidden = tx === 0 && ty === 0 && tl === 0;
  }
}
