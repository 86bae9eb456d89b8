// The snippet's variables after backward(), as `micrograd expr` prints them (every digit), and the gradient check:
// the pinned node or every leaf, autograd against a central finite difference. Owns its subtree; shows what it is
// given and reports the checks asked for.
import { el } from './dom.js';
import { nodeCheck, paramsCheck, PASS } from './teach-panel.js';

/** Python's repr of a float: the shortest digits, as JS, in Python's notation ('2.0', '1e-05', '1e+16'). @param {number} x */
export function pyRepr(x) {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const a = Math.abs(x);
  if (a >= 1e16 || a < 1e-4) return x.toExponential().replace(/e([-+])(\d)$/, 'e$10$2'); // Python's repr switches here
  const s = String(x);
  return s.includes('.') ? s : `${s}.0`;
}

export class ExprValues {
  /** @param {HTMLElement} root @param {{ onCheckNode: () => void, onCheckLeaves: () => void }} h */
  constructor(root, h) {
    this.root = root;
    root.classList.add('expr-values');
    this.body = el('tbody');
    const table = el('table', { class: 'expr-table' }, el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'variable'),
      el('th', { scope: 'col' }, 'data'), el('th', { scope: 'col' }, 'grad'))), this.body);
    this.checkNode = el('button', { type: 'button', title: 'Click a box in the graph to pin it, then check it' }, 'Check pinned node');
    this.checkNode.addEventListener('click', () => h.onCheckNode());
    const leaves = el('button', { type: 'button' }, 'Check every leaf');
    leaves.addEventListener('click', () => h.onCheckLeaves());
    this.result = el('output', { class: 'check-result', 'aria-live': 'polite' });
    root.append(el('h2', {}, 'Variables after backward()'), el('div', { class: 'expr-table-scroll' }, table),
      el('h2', {}, 'Gradient check'), el('div', { class: 'button-row' }, this.checkNode, leaves), this.result);
  }

  /** @param {{ values: { name: string, data: number, grad: number }[] | null, pinned: number | null, check: any, stale?: boolean }} s
   *  stale: the snippet shown has an error; these are the last good run's numbers */
  render({ values, pinned, check, stale = false }) {
    this.root.classList.toggle('expr-stale', stale);
    const rows = values ?? [];
    while (this.body.rows.length > rows.length) this.body.deleteRow(-1);
    rows.forEach((v, i) => {
      const tr = this.body.rows[i] ?? this.body.insertRow();
      while (tr.cells.length < 3) tr.insertCell();
      const texts = [v.name, pyRepr(v.data), pyRepr(v.grad)];
      texts.forEach((t, k) => { if (tr.cells[k].textContent !== t) tr.cells[k].textContent = t; });
    });
    this.checkNode.disabled = pinned == null;
    const c = check;
    this.result.textContent = c ? (c.kind === 'node' ? nodeCheck(c) : paramsCheck(c, 'leaves')) : '';
    this.result.className = `check-result ${!c ? '' : (c.kind === 'node' ? c.relError < PASS : [...c.relError].every((e) => e < PASS)) ? 'pass' : 'fail'}`;
  }
}
