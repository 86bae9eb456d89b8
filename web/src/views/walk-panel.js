// The walk-through bar: step the forward or backward pass node by node and read each rule with its numbers, play
// it at a chosen speed. Owns its subtree; the page state holds the mode, position and speed, the Walk model
// (walkthrough.js) the pass. During a walk the keys drive it (keys.js): ← → a node, space play/pause, Esc leaves.
import { el } from './dom.js';
import { WALK_SPEEDS } from '../state.js';

export class WalkPanel {
  /** @param {HTMLElement} root @param {{ onMode: (m: 'off'|'forward'|'backward') => void, onGo: (delta: number | 'start' | 'end') => void,
   *   onPlay: () => void, onSpeed?: (nodesPerSecond: number) => void }} h (no onSpeed: no speed control)
   *  @param {string} [id] the prefix of its element ids (a second walk bar on the page: expression mode's) */
  constructor(root, h, id = 'walk') {
    this.root = root;
    root.classList.add('walk');
    this.modes = ['off', 'forward', 'backward'].map((m) => {
      const r = el('input', { type: 'radio', name: `${id}-mode`, value: m, id: `${id}-${m}` });
      r.addEventListener('change', () => r.checked && h.onMode(/** @type {any} */ (m)));
      return el('label', { class: 'radio', htmlFor: `${id}-${m}` }, r, m === 'off' ? 'live' : `${m} pass`);
    });
    const btn = (text, label, key, fn) => {
      const b = el('button', { type: 'button', 'aria-label': label, title: `${label} (${key})`, 'aria-keyshortcuts': key }, text);
      b.addEventListener('click', fn);
      return b;
    };
    this.buttons = [btn('Start', 'Walk: back to the start', 'Home', () => h.onGo('start')),
      btn('◀ Previous', 'Walk: previous', 'ArrowLeft', () => h.onGo(-1)),
      btn('Next ▶', 'Walk: next', 'ArrowRight', () => h.onGo(1)),
      this.play = btn('Play walk', 'Walk: play or pause', 'Space', () => h.onPlay()),
      btn('End', 'Walk: to the end', 'End', () => h.onGo('end'))];
    this.speed = el('select', { id: `${id}-speed`, title: 'How fast a playing walk moves' },
      ...WALK_SPEEDS.map((v) => el('option', { value: String(v) }, `${v} node${v === 1 ? '' : 's'}/s`)));
    this.speed.addEventListener('change', () => h.onSpeed?.(Number(this.speed.value)));
    this.where = el('span', { class: 'walk-where' });
    this.text = el('output', { class: 'walk-text', 'aria-live': 'polite' });
    root.append(el('div', { class: 'walk-bar' }, el('span', { class: 'walk-title' }, 'Step through:'),
      el('span', { role: 'radiogroup', 'aria-label': 'Walk through a pass', class: 'walk-modes' }, ...this.modes), ...this.buttons,
      ...(h.onSpeed ? [el('span', { class: 'walk-speed' }, el('label', { htmlFor: `${id}-speed` }, 'speed'), this.speed)] : []), this.where), this.text);
  }

  /** @param {{ mode: string, where?: string, text?: string, playing?: boolean, speed?: number, idle?: string }} s  idle: the text when off */
  render(s) {
    this.modes.forEach((l) => { /** @type {HTMLInputElement} */ (l.firstChild).checked = /** @type {HTMLInputElement} */ (l.firstChild).value === s.mode; });
    const on = s.mode !== 'off';
    this.buttons.forEach((b) => { b.disabled = !on; });
    this.play.textContent = s.playing ? 'Pause walk' : 'Play walk';
    this.play.setAttribute('aria-pressed', String(!!s.playing));
    if (s.speed != null && this.speed.value !== String(s.speed)) this.speed.value = String(s.speed);
    this.where.textContent = on ? s.where ?? '' : '';
    this.text.textContent = on ? s.text ?? '' : s.idle ??
      'Live: the numbers follow training. Pick a pass to walk through it node by node (then ← → step, space plays, Esc leaves).';
  }
}
