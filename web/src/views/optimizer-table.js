// The optimizer table of the reference page: each parameter's value, update direction -m/sqrt(v), grad, m and
// sqrt(v), coloured by sign; hovering a row highlights its node in the graph. Owns its subtree.
const COLUMNS = ['param', 'value', '-m/√v', 'grad', 'm', '√v'];

export class OptimizerTable {
  /** @param {HTMLElement} root @param {{ onHoverParam?: (p: number|null) => void, onSelectParam?: (p: number) => void }} handlers */
  constructor(root, handlers = {}) {
    this.root = root;
    const h = document.createElement('h2');
    h.textContent = 'Optimizer state (click a row: per-point view of that parameter)';
    this.title = h;
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
    this.scroller.append(this.table);
    root.append(h, this.scroller);
    this.rows = [];
    this.highlighted = null;
    this.body.addEventListener('pointerover', (e) => {
      const tr = /** @type {HTMLElement} */ (e.target).closest?.('tr');
      if (tr && tr.dataset.param) handlers.onHoverParam?.(Number(tr.dataset.param));
    });
    this.body.addEventListener('pointerleave', () => handlers.onHoverParam?.(null));
    this.body.addEventListener('click', (e) => { // a click picks the parameter for the per-point view
      const tr = /** @type {HTMLElement} */ (e.target).closest?.('tr');
      if (tr && tr.dataset.param) handlers.onSelectParam?.(Number(tr.dataset.param));
    });
  }

  build(names) {
    this.body.replaceChildren();
    this.rows = names.map((name, p) => {
      const tr = this.body.insertRow();
      tr.dataset.param = String(p);
      const cells = COLUMNS.map(() => tr.insertCell());
      cells[0].textContent = name;
      return { tr, cells: cells.slice(1) };
    });
    this.names = names;
  }

  /** @param {Float64Array} params @param {{grad: Float64Array, m: Float64Array, v: Float64Array}} st @param {string[]} names */
  render(params, st, names) {
    if (this.names !== names) this.build(names); // the app makes the list once per network
    for (let p = 0; p < this.rows.length; p++) {
      const sv = Math.sqrt(st.v[p]);
      const vals = [params[p], sv > 0 ? -st.m[p] / (sv + 1e-8) : 0, st.grad[p], st.m[p], sv];
      const cells = this.rows[p].cells;
      for (let c = 0; c < 5; c++) {
        const v = vals[c];
        const text = Number.isFinite(v) ? v.toFixed(4) : String(v);
        const cell = cells[c];
        if (cell.textContent !== text) {
          cell.textContent = text;
          cell.className = v > 0 ? 'pos' : v < 0 ? 'neg' : '';
        }
      }
    }
  }

  highlight(p) {
    if (this.highlighted !== null) this.rows[this.highlighted]?.tr.classList.remove('hl');
    this.highlighted = p;
    if (p !== null && this.rows[p]) {
      this.rows[p].tr.classList.add('hl');
      const tr = this.rows[p].tr, sc = this.scroller;
      if (tr.offsetTop < sc.scrollTop || tr.offsetTop > sc.scrollTop + sc.clientHeight - tr.offsetHeight) sc.scrollTop = tr.offsetTop - sc.clientHeight / 2;
    }
  }
}
