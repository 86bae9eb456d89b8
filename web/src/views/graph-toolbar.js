// The graph view's toolbar: Fit, Colour by grad, the Ops / Neurons level toggle, the grad legend and a status line.
import { el } from './dom.js';

export class Toolbar {
  /**
   * @param {HTMLElement} root  the view's root; the toolbar is appended to it
   * @param {{ onFit: () => void, onColor: () => void, onLevel: (level: 'ops' | 'neurons') => void }} on
   */
  constructor(root, on) {
    const bar = root.appendChild(el('div', { class: 'gv-toolbar', role: 'toolbar', 'aria-label': 'Graph view controls' }));
    const btn = (/** @type {string} */ text, /** @type {Record<string, string>} */ attrs = {}) =>
      /** @type {HTMLButtonElement} */ (bar.appendChild(el('button', { class: 'gv-btn', type: 'button', ...attrs }, text)));
    btn('Fit', { title: 'Fit the whole graph in view (key 0)' }).addEventListener('click', on.onFit);
    this.color = btn('Colour by grad', { 'aria-pressed': 'false' });
    this.color.addEventListener('click', on.onColor);
    const levels = bar.appendChild(el('span', { class: 'gv-levels', role: 'group', 'aria-label': 'Graph level' }));
    this.ops = levels.appendChild(btn('Ops', { 'aria-pressed': 'true', title: 'Every value and operation' }));
    this.neurons = levels.appendChild(btn('Neurons', { 'aria-pressed': 'false', title: 'One box per neuron; click a neuron to expand it' }));
    this.ops.addEventListener('click', () => on.onLevel('ops'));
    this.neurons.addEventListener('click', () => on.onLevel('neurons'));
    bar.appendChild(el('span', { class: 'gv-legend', 'aria-hidden': 'true' }))
      .append(el('span', {}, 'grad −'), el('span', { class: 'gv-legend-bar' }), el('span', {}, '+'));
    this.status = bar.appendChild(el('span', { class: 'gv-status', 'aria-live': 'polite' }));
  }

  /** @param {boolean} on */
  setColor(on) { this.color.setAttribute('aria-pressed', String(on)); }

  /**
   * @param {'ops' | 'neurons'} level  the pressed one
   * @param {string | null} opsTooBig  why the op level cannot show this graph (disables Ops), or null
   * @param {boolean} neuronsOk  false when the graph has no neuron level (disables Neurons)
   */
  setLevel(level, opsTooBig, neuronsOk) {
    this.ops.setAttribute('aria-pressed', String(level === 'ops'));
    this.neurons.setAttribute('aria-pressed', String(level === 'neurons'));
    this.ops.disabled = opsTooBig != null;
    this.ops.title = opsTooBig ?? 'Every value and operation';
    this.neurons.disabled = !neuronsOk;
  }
}
