// The optimizer table of the reference page: each parameter's value, update direction -m/sqrt(v), grad, m and
// sqrt(v), coloured by sign; hovering a row highlights its node in the graph, clicking picks it for the per-point
// view. Only the rows in view exist (a 2-32-32-3 network has 1,251 parameters): scrolling reuses them. Owns its subtree.
import { fmtBox } from './format.js';
const COLUMNS = ['param', 'value', '-m/√v', 'grad', 'm', '√v'];
const ROW = 18;     // px per row (style.css sets the same height)
const EXTRA = 6;    // rows drawn beyond each edge of the view

export class OptimizerTable {
  /** @param {HTMLElement} root @param {{ onHoverParam?: (p: number|null) => void, onSelectParam?: (p: number) => void }} handlers */
  constructor(root, handlers = {}) {
    this.root = root;
    const h = document.createElement('h2');
    h.textContent = 'Optimizer state (click a row: per-point view of that parameter)';
    this.scroller = document.createElement('div');
    this.scroller.className = 'table-scroll';
    this.table = document.createElement('table');
    this.table.className = 'optimizer-table';
    const head = this.table.createTHead().insertRow();
    for (const c of COLUMNS) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = c;
      head.append(th);
    }
    this.body = this.table.createTBody();
    // spacers standing for the rows above and below the view
    const spacer = () => { const tr = this.body.insertRow(); tr.className = 'spacer'; tr.insertCell().colSpan = COLUMNS.length; return tr; };
    this.top = spacer();
    this.bottom = spacer();
    this.spaced = [-1, -1];
    this.scroller.append(this.table);
    root.append(h, this.scroller);
    /** @type {{ tr: HTMLTableRowElement, cells: HTMLTableCellElement[], text: string[], p: number }[]} the pool */
    this.rows = [];
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

  /** @param {Float64Array} params @param {{grad: Float64Array, m: Float64Array, v: Float64Array}} st
   *  @param {string[]} names  made once per network */
  render(params, st, names) {
    this.data = { params, st };
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
    const { params, st } = this.data;
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
      const sv = Math.sqrt(st.v[p]);
      const vals = [params[p], sv > 0 ? -st.m[p] / (sv + 1e-8) : 0, st.grad[p], st.m[p], sv];
      for (let c = 0; c < 5; c++) {
        const v = vals[c], text = fmtBox(v);
        if (r.text[c] === text) continue;
        r.text[c] = text;
        const cell = r.cells[c + 1];
        cell.textContent = text;
        cell.className = v > 0 ? 'pos' : v < 0 ? 'neg' : '';
      }
    });
  }

  row() {
    const tr = document.createElement('tr');
    this.body.insertBefore(tr, this.bottom);
    const cells = COLUMNS.map(() => tr.insertCell());
    return { tr, cells, text: ['', '', '', '', ''], p: -1 };
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
