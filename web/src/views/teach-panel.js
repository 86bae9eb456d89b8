// The teaching tools: gradient checks with a pass mark, the per-point view (a parameter's gradient shares,
// per-point losses, misclassified rings), saturated-tanh marks and the confusion matrices. Owns its subtree; shows the
// state it is given (render, renderConfusion) and reports to the actions.
import { el } from './dom.js';

export const PASS = 1e-5;
const NO_PIN = 'Disabled until a node is pinned: click a node in the graph to pin it, then check its grad';
const sci = (v) => (Number.isFinite(v) ? v.toExponential(2) : String(v));
const f6 = (v) => (Number.isFinite(v) ? v.toPrecision(6) : String(v));

export class TeachPanel {
  /**
   * @param {HTMLElement} root
   * @param {{ onCheckNode: () => void, onCheckParams: () => void, onParam: (p: number | null) => void,
   *   onLossSize: (on: boolean) => void, onSaturated: (on: boolean) => void }} h
   */
  constructor(root, h) {
    this.root = root;
    root.classList.add('teach');
    this.checkNode = el('button', { type: 'button', disabled: true, title: NO_PIN }, 'Check pinned node');
    this.checkNode.addEventListener('click', () => h.onCheckNode());
    const checkAll = el('button', { type: 'button' }, 'Check all parameters');
    checkAll.addEventListener('click', () => h.onCheckParams());
    this.result = el('output', { class: 'check-result', 'aria-live': 'polite' });
    this.param = el('select', { id: 'point-param' });
    this.param.addEventListener('change', () => h.onParam(this.param.value === '' ? null : Number(this.param.value)));
    const lossSize = (this.lossSize = el('input', { type: 'checkbox', id: 'loss-size' }));
    lossSize.addEventListener('change', () => h.onLossSize(lossSize.checked));
    const sat = (this.saturated = el('input', { type: 'checkbox', id: 'saturated' }));
    sat.addEventListener('change', () => h.onSaturated(sat.checked));
    this.confusion = [this.matrix('train'), this.matrix('val')];
    root.append(
      el('h2', {}, 'Gradient check'),
      el('div', { class: 'button-row' }, this.checkNode, checkAll), this.result,
      el('h2', {}, 'Per-point view'),
      el('div', { class: 'field' }, el('label', { htmlFor: 'point-param' }, 'size points by their share of'), this.param),
      el('div', { class: 'field' }, el('label', { class: 'check', htmlFor: 'loss-size' }, lossSize, 'Size points by their loss, ring the misclassified')),
      el('div', { class: 'field' }, el('label', { class: 'check', htmlFor: 'saturated' }, sat, 'Mark saturated tanh nodes (|out| > 0.99)')),
      el('h2', {}, 'Confusion (rows: true class, columns: predicted)'),
      (this.confusionRoot = el('div', { class: 'confusions' }, ...this.confusion.map((c) => c.wrap))),
    );
  }

  matrix(split) {
    const table = el('table', { class: 'confusion' });
    const cells = [];
    const head = table.createTHead().insertRow();
    head.append(el('th', { scope: 'col' }, split), ...[0, 1, 2].map((k) => el('th', { scope: 'col' }, String(k))));
    const body = table.createTBody();
    for (let r = 0; r < 3; r++) {
      const tr = body.insertRow();
      tr.append(el('th', { scope: 'row' }, String(r)));
      cells.push([0, 1, 2].map(() => tr.insertCell()));
    }
    return { wrap: table, cells };
  }

  /**
   * @param {{ names: string[], pinned: number | null, pinnedName?: string, pointParam: number | null, lossSize: boolean, saturated: boolean,
   *   check: any }} s  the parameter names (made once per network) and the page state
   */
  render(s) {
    if (this.names !== s.names) {
      this.names = s.names;
      this.param.replaceChildren(el('option', { value: '' }, '— none —'), ...s.names.map((n, p) => el('option', { value: String(p) }, n)));
    }
    this.checkNode.disabled = s.pinned == null;
    this.checkNode.title = s.pinned == null ? NO_PIN : `Compare ${s.pinnedName ?? 'the pinned node'}'s grad with a central finite difference`;
    this.param.value = s.pointParam == null ? '' : String(s.pointParam);
    this.lossSize.checked = s.lossSize;
    this.saturated.checked = s.saturated;
    const c = s.check;
    this.result.textContent = c ? (c.kind === 'node' ? nodeCheck(c) : paramsCheck(c)) : '';
    this.result.className = `check-result ${!c ? '' : (c.kind === 'node' ? c.relError < PASS : [...c.relError].every((e) => e < PASS)) ? 'pass' : 'fail'}`;
  }

  /** @param {{ train: number[][], val: number[][] }} m counts [true][predicted] */
  renderConfusion(m) {
    [m.train, m.val].forEach((mat, s) => mat.forEach((row, r) => row.forEach((v, c) => {
      const cell = this.confusion[s].cells[r][c];
      const text = String(v);
      if (cell.textContent !== text) cell.textContent = text;
      cell.className = r === c ? 'diag' : v ? 'off' : '';
    })));
  }
}

/** @param {{ name: string, autograd: number, numeric: number, relError: number }} c */
export function nodeCheck(c) {
  const ok = c.relError < PASS;
  return `${c.name}: autograd ${f6(c.autograd)}, finite difference ${f6(c.numeric)}, relative error ${sci(c.relError)} ${ok ? '✓ pass' : '✗ FAIL'}`;
}

/** @param {{ names: string[], relError: Float64Array }} c  @param {string} what what was checked, plural */
export function paramsCheck(c, what = 'parameters') {
  const errs = Array.from(c.relError);
  const worst = errs.reduce((w, e, i) => (e > errs[w] || Number.isNaN(e) ? i : w), 0);
  const failed = errs.filter((e) => !(e < PASS)).length;
  return `${errs.length} ${what}: largest relative error ${sci(errs[worst])} (${c.names[worst] ?? worst}); ` +
    (failed ? `✗ ${failed} above ${PASS}` : `✓ all below ${PASS}`);
}
