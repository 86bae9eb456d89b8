// A slider for each Value(...) leaf of the snippet: moving one re-runs forward and backward with that number (the
// snippet's text gets it too). Rows are made anew for a new snippet (their ranges around its numbers) and only
// moved for new numbers. Owns its subtree; shows the leaves it is given and reports moves.
import { el } from './dom.js';

/** A range around v and a step that gives short numbers: v ± max(2, |v|), 100-ish steps of 1, 2 or 5 × 10^k.
 *  @param {number} v */
export function sliderRange(v) {
  const span = Math.max(2, Math.abs(v));
  const raw = (2 * span) / 100, p = 10 ** Math.floor(Math.log10(raw)), m = raw / p;
  const step = (m < 1.5 ? 1 : m < 3.5 ? 2 : 5) * p;
  const snap = (/** @type {number} */ x) => Math.round(x / step) * step;
  return { min: +snap(v - span).toPrecision(12), max: +snap(v + span).toPrecision(12), step: +step.toPrecision(12) };
}

/** The number beside a slider: 8 significant digits fit its column (every digit is in the snippet and the title). */
const short = (/** @type {number} */ v) => (Number.isInteger(v) ? v.toFixed(1) : String(+v.toPrecision(8)));

export class ExprSliders {
  /** @param {HTMLElement} root @param {{ onLeaf: (i: number, text: string) => void, onHover: (leaf: number | null) => void }} h */
  constructor(root, h) {
    this.root = root;
    this.h = h;
    root.classList.add('expr-sliders');
    this.list = el('div', { class: 'expr-slider-list' });
    this.note = el('p', { class: 'expr-note', role: 'status' });
    root.append(el('h2', {}, 'Leaf values'), this.list, this.note);
    /** @type {{ input: HTMLInputElement, out: HTMLOutputElement }[]} */ this.rows = [];
    this.leaves = null;
  }

  /**
   * @param {{ leaves: import('../expression').ExpressionLeaf[] | null, fresh: boolean, disabled: boolean, note: string }} s
   *   fresh: a new snippet (rows made anew); disabled: the editor's text is not the snippet that ran
   */
  render({ leaves, fresh, disabled, note }) {
    if (fresh || !this.leaves || (leaves?.length ?? 0) !== this.rows.length) this.build(leaves ?? []);
    this.leaves = leaves;
    (leaves ?? []).forEach((l, i) => {
      const r = this.rows[i];
      if (document.activeElement !== r.input || Number(r.input.value) !== l.data) r.input.value = String(l.data);
      r.out.textContent = short(l.data);
      r.out.title = String(l.data);
      r.input.disabled = disabled;
    });
    this.note.textContent = note || (leaves && !leaves.length ? 'No Value(...) in the snippet: nothing to move.' : '');
    this.root.classList.toggle('expr-stale', disabled);
  }

  /** @param {import('../expression').ExpressionLeaf[]} leaves */
  build(leaves) {
    this.rows = leaves.map((l, i) => {
      const { min, max, step } = sliderRange(l.data), id = `expr-leaf-${i}`;
      const input = /** @type {HTMLInputElement} */ (el('input', { type: 'range', id, min: String(min), max: String(max), step: String(step),
        'aria-label': `${l.name} (line ${l.line})` }));
      const out = /** @type {HTMLOutputElement} */ (el('output', { htmlFor: id, class: 'expr-leaf-value' }));
      input.addEventListener('input', () => this.h.onLeaf(i, input.value));
      const row = el('div', { class: 'expr-slider', title: `Value(...) on line ${l.line}${l.node < 0 ? ': the backward root does not use it' : ''}` },
        el('label', { htmlFor: id, class: 'expr-leaf-name' }, l.name), input, out);
      row.addEventListener('pointerenter', () => this.h.onHover(i));
      row.addEventListener('pointerleave', () => this.h.onHover(null));
      return { input, out, row };
    });
    this.list.replaceChildren(...this.rows.map((r) => /** @type {any} */ (r).row));
  }
}
