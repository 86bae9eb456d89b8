// Data editing tools: the class palette for new points (keys 1/2/3), undo / redo / clear, and the
// validation-points toggle. Owns its subtree.
import { el } from './dom.js';
import { classColor, CLASS_SHAPES } from '../palette.js';

export class DataTools {
  /** @param {HTMLElement} root @param {{ onClass: (k: number) => void, onUndo: () => void, onRedo: () => void, onClear: () => void, onShowVal: (on: boolean) => void }} h */
  constructor(root, h) {
    this.root = root;
    root.className = 'data-tools';
    this.radios = [0, 1, 2].map((k) => {
      const r = el('input', { type: 'radio', name: 'new-class', value: String(k), id: `new-class-${k}` });
      r.addEventListener('change', () => r.checked && h.onClass(k));
      const sw = el('span', { class: `swatch shape-${CLASS_SHAPES[k]}` });
      sw.style.background = classColor(k);
      return el('label', { class: 'radio', htmlFor: `new-class-${k}`, title: `New points of class ${k} (key ${k + 1})` }, r, sw, `${k}`);
    });
    this.undo = el('button', { type: 'button', title: 'Undo the last data edit (ctrl+z)' }, 'Undo');
    this.redo = el('button', { type: 'button', title: 'Redo (ctrl+shift+z)' }, 'Redo');
    const clear = el('button', { type: 'button', title: 'Remove every point' }, 'Clear');
    this.undo.addEventListener('click', () => h.onUndo());
    this.redo.addEventListener('click', () => h.onRedo());
    clear.addEventListener('click', () => h.onClear());
    this.showVal = el('input', { type: 'checkbox', id: 'show-val', checked: true });
    this.showVal.addEventListener('change', () => h.onShowVal(this.showVal.checked));
    root.append(
      el('div', { class: 'field', role: 'radiogroup', 'aria-label': 'Class of new points' }, el('span', {}, 'new points'), ...this.radios),
      el('div', { class: 'button-row' }, this.undo, this.redo, clear),
      el('div', { class: 'field' }, el('label', { class: 'check', htmlFor: 'show-val' }, this.showVal, 'Show validation points')),
    );
  }

  render({ newClass, canUndo, canRedo, showVal }) {
    this.radios.forEach((l, k) => { l.firstChild.checked = newClass === k; });
    this.undo.disabled = !canUndo;
    this.redo.disabled = !canRedo;
    this.showVal.checked = showVal;
  }
}
