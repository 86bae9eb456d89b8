// The optimizer table: each parameter's value, the grad the optimizer's last step used, what it made of it (AdamW:
// the bias-corrected moments m̂ and v̂; SGD: the velocity) and the change Δw it applied, coloured by sign, under a
// line saying what the optimizer does with them. Hovering a row highlights its node in the graph, clicking picks it
// for the per-point view. Only the rows in view exist (a 2-32-32-3 network has 1,251 parameters): scrolling reuses
// them. Owns its subtree.
import { el } from './dom.js';
import { fmtBox } from './format.js';

/** The columns per optimizer: key in the engine's optimizerState() (or 'value'), symbol, caption, tooltip. */
const COLUMNS = {
  adamw: [
    ['value', 'w', 'value', "The parameter's value now"],
    ['grad', 'grad', 'of the batch', 'd loss / d w over the training batch: the grad the last step used'],
    ['mHat', 'm̂', 'mean grad', 'm, the running mean of the grad, bias-corrected: m̂ = m / (1 − β₁ᵗ)'],
    ['vHat', 'v̂', 'mean grad²', 'v, the running mean of the squared grad, bias-corrected: v̂ = v / (1 − β₂ᵗ)'],
    ['delta', 'Δw', 'last step', 'The change the last step applied to w: −lr · (m̂ / (√v̂ + ε) + wd · w)'],
  ],
  sgd: [
    ['value', 'w', 'value', "The parameter's value now"],
    ['grad', 'grad', 'of the batch', 'd loss / d w over the training batch: the grad the last step used'],
    ['velocity', 'velocity', 'momentum', 'The velocity: μ · velocity + grad + wd · w (μ, the momentum, keeps part of the last one)'],
    ['delta', 'Δw', 'last step', 'The change the last step applied to w: −lr · velocity'],
  ],
};
const ROW = 18;     // px per row (style.css sets the same height)
const EXTRA = 6;    // rows drawn beyond each edge of the view

/** A table number: 4 decimals, compact exponent notation when tiny or huge (v̂ is often 1e-6), Python's nan / inf. */
export function cell(v) {
  const a = Math.abs(v);
  if (a === 0) return '0';
  if (a < 1e-3) return v.toExponential(1); // v̂ is often 1e-5: '1.2e-5', not 0.0000
  return fmtBox(v); // '%.4f' as the graph's boxes, compact exponents from 1e4, 'nan', 'inf'
}

/** What the optimizer does with its columns (its constants are the engine's). */
export function explain(st, step) {
  const when = step > 0 ? `After step ${step}` : 'Before the first step all are 0';
  if (st.kind === 'sgd') {
    return `SGD with momentum: each step adds the grad (plus wd · w) to a velocity that keeps μ = ${st.momentum} of itself, ` +
      `then moves w by Δw = −lr · velocity, so steps grow with the grad and keep going downhill. ${when}.`;
  }
  return `AdamW: m and v are running means of the grad (β₁ = ${st.beta1}) and of its square (β₂ = ${st.beta2}); m̂ and v̂ undo ` +
    `their start at zero; each step moves w by Δw = −lr · (m̂ / (√v̂ + ${st.eps}) + wd · w), about lr whatever the grad's size. ${when}.`;
}

export class OptimizerTable {
  /** @param {HTMLElement} root @param {{ onHoverParam?: (p: number|null) => void, onSelectParam?: (p: number) => void }} handlers */
  constructor(root, handlers = {}) {
    this.root = root;
    this.note = el('p', { class: 'optimizer-explain' });
    this.scroller = el('div', { class: 'table-scroll' });
    this.table = el('table', { class: 'optimizer-table' });
    this.headRow = this.table.createTHead().insertRow();
    this.body = this.table.createTBody();
    // spacers standing for the rows above and below the view
    const spacer = () => { const tr = this.body.insertRow(); tr.className = 'spacer'; tr.insertCell(); return tr; };
    this.top = spacer();
    this.bottom = spacer();
    this.spaced = [-1, -1];
    this.scroller.append(this.table);
    root.append(el('h2', {}, 'Optimizer state (click a row: per-point view of that parameter)'), this.note, this.scroller);
    /** @type {{ tr: HTMLTableRowElement, cells: HTMLTableCellElement[], text: string[], p: number }[]} the pool */
    this.rows = [];
    this.kind = '';
    this.count = 0;
    this.names = /** @type {string[]} */ ([]);
    this.data = null;
    this.highlighted = /** @type {number | null} */ (null);
    this.scrollTop = 0;
    this.height = 720;
    this.scroller.addEventListener('scroll', () => { this.scrollTop = this.scroller.scrollTop; this.fill(); }, { passive: true });
    if (typeof ResizeObserver !== 'undefined') {
      new ResizeObserver(([e]) => { this.height = e.contentRect.height || this.height; this.fill(); }).observe(this.scroller);
    }
    const paramOf = (/** @type {Event} */ e) => /** @type {HTMLElement} */ (e.target).closest?.('tr')?.dataset.param;
    this.body.addEventListener('pointerover', (e) => { const p = paramOf(e); if (p) handlers.onHoverParam?.(Number(p)); });
    this.body.addEventListener('pointerleave', () => handlers.onHoverParam?.(null));
    this.body.addEventListener('click', (e) => { const p = paramOf(e); if (p) handlers.onSelectParam?.(Number(p)); });
  }

  /** The header and row shape of an optimizer. @param {'adamw' | 'sgd'} kind */
  setKind(kind) {
    this.kind = kind;
    this.columns = COLUMNS[kind];
    this.headRow.replaceChildren(el('th', { scope: 'col', title: 'w[layer][neuron][input] or b[layer][neuron]' }, 'param'),
      ...this.columns.map(([key, sym, caption, title]) => el('th', { scope: 'col', title, 'data-col': key },
        sym, el('small', {}, caption))));
    for (const s of [this.top, this.bottom]) /** @type {HTMLTableCellElement} */ (s.firstChild).colSpan = this.columns.length + 1;
    for (const r of this.rows) r.tr.remove();
    this.rows = [];
  }

  /** @param {Float64Array} params @param {import('../engine').OptimizerState} st @param {string[]} names made once per
   *  network @param {number} step the steps taken */
  render(params, st, names, step) {
    if (st.kind !== this.kind) this.setKind(st.kind);
    this.data = { params, st };
    const note = explain(st, step);
    if (this.note.textContent !== note) this.note.textContent = note;
    if (names !== this.names) {
      this.names = names;
      this.count = names.length;
      for (const r of this.rows) r.p = -1;
    }
    this.fill();
  }

  /** Puts the rows in view (and a few more) into the pool's rows, writing only the texts that changed. */
  fill() {
    if (!this.data) return;
    const first = Math.max(0, Math.floor(this.scrollTop / ROW) - EXTRA);
    const last = Math.min(this.count, Math.ceil((this.scrollTop + this.height) / ROW) + EXTRA);
    while (this.rows.length < last - first) this.rows.push(this.row());
    if (this.spaced[0] !== first) this.top.style.height = `${(this.spaced[0] = first) * ROW}px`;
    if (this.spaced[1] !== this.count - last) this.bottom.style.height = `${(this.spaced[1] = this.count - last) * ROW}px`;
    const { params, st } = this.data, cols = this.columns.map(([key]) => (key === 'value' ? params : st[key]));
    this.rows.forEach((r, k) => {
      const p = first + k, on = p < last;
      if (r.tr.hidden === on) r.tr.hidden = !on;
      if (!on) return;
      if (r.p !== p) {
        r.p = p;
        r.tr.dataset.param = String(p);
        r.cells[0].textContent = this.names[p];
        r.tr.classList.toggle('hl', p === this.highlighted);
      }
      for (let c = 0; c < cols.length; c++) {
        const v = cols[c][p], text = cell(v);
        if (r.text[c] === text) continue;
        r.text[c] = text;
        const td = r.cells[c + 1];
        td.textContent = text;
        td.className = v > 0 ? 'pos' : v < 0 ? 'neg' : '';
      }
    });
  }

  row() {
    const tr = document.createElement('tr');
    this.body.insertBefore(tr, this.bottom);
    const cells = [0, ...this.columns].map(() => tr.insertCell());
    return { tr, cells, text: this.columns.map(() => ''), p: -1 };
  }

  /** Marks parameter p's row (null: none), scrolling it into view when it is not. @param {number | null} p */
  highlight(p) {
    if (p === this.highlighted) return;
    this.highlighted = p;
    for (const r of this.rows) r.tr.classList.toggle('hl', r.p === p && p !== null);
    if (p === null || p >= this.count) return;
    const y = p * ROW;
    if (y < this.scrollTop || y > this.scrollTop + this.height - 2 * ROW) {
      this.scroller.scrollTop = this.scrollTop = Math.max(0, y - this.height / 2);
      this.fill();
    }
  }
}
