// The expression editor: a plain textarea over a coloured copy of its text (expr-highlight.js), line numbers, the
// error's line and place marked, its message below, and the presets. A textarea keeps the browser's own editing,
// undo, selection, mobile keyboards and screen-reader support for about 2 KB, where CodeMirror 6 with only the pieces
// needed would add about 97 KB gzip to every snippet embed (measured; README). Owns its subtree; reports edits.
import { el } from './dom.js';
import { highlight } from './expr-highlight.js';

export class ExprEditor {
  /**
   * @param {HTMLElement} root
   * @param {{ presets: { key: string, title: string }[], onEdit: (text: string) => void, onPreset: (key: string) => void }} h
   */
  constructor(root, h) {
    this.root = root;
    root.classList.add('expr-editor');
    this.preset = el('select', { id: 'expr-preset', 'aria-label': 'Load a preset snippet' },
      el('option', { value: '' }, 'Presets…'), ...h.presets.map((p) => el('option', { value: p.key }, p.title)));
    this.preset.addEventListener('change', () => { if (this.preset.value) h.onPreset(this.preset.value); this.preset.value = ''; });
    this.hl = el('pre', { class: 'expr-hl', 'aria-hidden': 'true' });
    this.area = el('textarea', { id: 'expr-source', class: 'expr-source', spellcheck: false, wrap: 'off', autocapitalize: 'off',
      autocomplete: 'off', 'aria-label': 'micrograd snippet (Python): Value(...), + - * / **, .tanh() .exp() .log() .relu(), backward()',
      'aria-describedby': 'expr-error' });
    this.area.addEventListener('input', () => h.onEdit(this.area.value));
    this.area.addEventListener('scroll', () => { this.hl.scrollTop = this.area.scrollTop; this.hl.scrollLeft = this.area.scrollLeft; });
    this.error = el('div', { id: 'expr-error', class: 'expr-error', role: 'alert' });
    root.append(el('div', { class: 'expr-bar' }, el('label', { htmlFor: 'expr-source', class: 'expr-title' }, 'Snippet'), this.preset),
      el('div', { class: 'expr-code' }, this.hl, this.area), this.error);
    /** @type {string | null} */ this.text = null;
    this.errKey = '';
  }

  /**
   * @param {{ text: string, error: { line: number, column: number, offset: number, detail: string } | null }} s
   */
  render({ text, error }) {
    const key = error ? `${error.line}:${error.column}:${error.offset}` : '';
    if (text !== this.area.value) { // a preset, a slider's number, a link: keep the caret where it was when it can stay
      const at = this.area.selectionStart, focused = document.activeElement === this.area;
      this.area.value = text;
      if (focused) this.area.setSelectionRange(Math.min(at, text.length), Math.min(at, text.length));
    }
    if (text === this.text && key === this.errKey) return;
    this.text = text;
    this.errKey = key;
    this.draw(text, error);
    this.error.textContent = error ? `Line ${error.line}, column ${error.column}: ${error.detail}` : '';
    this.root.classList.toggle('expr-has-error', !!error);
  }

  /** The coloured copy, one element per line (numbered); the error's line and character marked. */
  draw(text, error) {
    const lines = [el('div', { class: 'ln' })];
    let line = lines[0];
    const put = (/** @type {string} */ s, /** @type {string} */ cls) => {
      const parts = s.split('\n');
      parts.forEach((p, k) => {
        if (k > 0) lines.push((line = el('div', { class: 'ln' })));
        if (p) line.append(cls ? el('span', { class: `t-${cls}` }, p) : p);
      });
    };
    const at = error ? Math.min(error.offset, text.length) : -1;
    for (const r of highlight(text)) {
      if (at >= r.from && at < r.to && text[at] !== '\n') { // the error's character gets a wavy underline
        put(text.slice(r.from, at), r.cls);
        const mark = el('span', { class: `t-${r.cls || 'plain'} err-at` });
        mark.textContent = text[at];
        line.append(mark);
        put(text.slice(at + 1, r.to), r.cls);
      } else put(text.slice(r.from, r.to), r.cls);
    }
    if (error && (at >= text.length || text[at] === '\n')) lines[Math.min(error.line, lines.length) - 1].append(el('span', { class: 'err-at err-end' }, ' '));
    lines.forEach((l, i) => { l.dataset.n = String(i + 1); if (error && i + 1 === error.line) l.classList.add('err-line'); });
    this.hl.replaceChildren(...lines);
    this.hl.scrollTop = this.area.scrollTop;
    this.hl.scrollLeft = this.area.scrollLeft;
  }
}
