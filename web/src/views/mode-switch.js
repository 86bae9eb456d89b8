// The mode switch in the header: Network (the MLP learning) | Expression (type micrograd code). Owns its subtree;
// shows the mode it is given and reports the learner's choice.
import { el } from './dom.js';

export class ModeSwitch {
  /** @param {HTMLElement} root @param {{ onMode: (m: 'network' | 'expression') => void }} h */
  constructor(root, h) {
    this.root = root;
    root.classList.add('mode-switch');
    root.setAttribute('role', 'radiogroup');
    root.setAttribute('aria-label', 'Mode');
    this.radios = /** @type {const} */ ([['network', 'Network'], ['expression', 'Expression']]).map(([m, text]) => {
      const r = /** @type {HTMLInputElement} */ (el('input', { type: 'radio', name: 'mode', value: m, id: `mode-${m}` }));
      r.addEventListener('change', () => r.checked && h.onMode(m));
      root.append(el('label', { htmlFor: `mode-${m}`, title: m === 'network' ? 'An MLP learns to classify points' : 'Type micrograd code, see its graph' }, r, text));
      return r;
    });
  }

  /** Its element: after the page's title. @param {Document} doc */
  static place(doc) {
    const div = doc.createElement('div');
    (doc.querySelector('.app-header h1') ?? doc.body.firstElementChild)?.after(div);
    return div;
  }

  /** @param {string} mode */
  render(mode) { for (const r of this.radios) r.checked = r.value === mode; }
}
