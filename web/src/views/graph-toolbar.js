// The graph view's toolbar: Fit, Colour by grad, the Ops / Neurons level toggle, the grad legend and a status line.

/** An HTML element with a class, text (as textContent) and attributes. */
function el(/** @type {string} */ tag, /** @type {string} */ cls, text = '', /** @type {Record<string, string>} */ attrs = {}) {
  const e = document.createElement(tag);
  e.className = cls;
  e.textContent = text;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

export class Toolbar {
  /**
   * @param {HTMLElement} root  the view's root; the toolbar is appended to it
   * @param {{ onFit: () => void, onColor: () => void, onLevel: (level: 'ops' | 'neurons') => void }} on
   */
  constructor(root, on) {
    const bar = root.appendChild(el('div', 'gv-toolbar', '', { role: 'toolbar', 'aria-label': 'Graph view controls' }));
    const btn = (/** @type {string} */ text, /** @type {Record<string, string>} */ attrs = {}) =>
      /** @type {HTMLButtonElement} */ (bar.appendChild(el('button', 'gv-btn', text, { type: 'button', ...attrs })));
    btn('Fit', { title: 'Fit the whole graph in view (key 0)' }).addEventListener('click', on.onFit);
    this.color = btn('Colour by grad', { 'aria-pressed': 'false' });
    this.color.addEventListener('click', on.onColor);
    const levels = bar.appendChild(el('span', 'gv-levels', '', { role: 'group', 'aria-label': 'Graph level' }));
    this.ops = levels.appendChild(btn('Ops', { 'aria-pressed': 'true', title: 'Every value and operation' }));
    this.neurons = levels.appendChild(btn('Neurons', { 'aria-pressed': 'false', title: 'One box per neuron; click a neuron to expand it' }));
    this.ops.addEventListener('click', () => on.onLevel('ops'));
    this.neurons.addEventListener('click', () => on.onLevel('neurons'));
    bar.appendChild(el('span', 'gv-legend', '', { 'aria-hidden': 'true' }))
      .append(el('span', '', 'grad −'), el('span', 'gv-legend-bar'), el('span', '', '+'));
    this.status = bar.appendChild(el('span', 'gv-status', '', { 'aria-live': 'polite' }));
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
