// The control panel: play/pause, step, reset, speed, the traced point, display toggles, the message line and the
// watchdog's way out. Owns its subtree; shows the state it is given, reports to the actions.
import { SPEEDS, LIMITS } from '../state.js';
import { el } from './dom.js';
import { classColor, CLASS_SHAPES } from '../palette.js';
import { round } from '../watchdog.js';

export class Controls {
  /** @param {HTMLElement} root @param {any} actions the app's actions */
  constructor(root, actions) {
    this.root = root;
    root.className = 'controls';
    this.playBtn = el('button', { type: 'button', class: 'primary', title: 'Play / pause (space)' }, 'Play');
    this.playBtn.addEventListener('click', () => actions.toggle());
    const step = el('button', { type: 'button', title: 'One training step (s or →)' }, 'Step');
    step.addEventListener('click', () => actions.step(1));
    const step10 = el('button', { type: 'button', title: 'Ten training steps', 'aria-label': 'Step ×10' }, 'Step ×10');
    step10.addEventListener('click', () => actions.step(10));
    const reset = el('button', { type: 'button', title: 'Back to the initial network (r)' }, 'Reset');
    reset.addEventListener('click', () => actions.reset());

    this.speed = el('input', { type: 'range', min: '0', max: String(SPEEDS.length - 1), step: '1', id: 'speed' });
    this.speedOut = el('output', { htmlFor: 'speed', class: 'speed-out' });
    this.speed.addEventListener('input', () => actions.setSpeed(Number(this.speed.value)));

    const R = LIMITS.trace;
    this.traceX = el('input', { type: 'number', step: '0.1', min: String(-R), max: String(R), id: 'trace-x', class: 'num' });
    this.traceY = el('input', { type: 'number', step: '0.1', min: String(-R), max: String(R), id: 'trace-y', class: 'num' });
    const commit = () => {
      const x = Number(this.traceX.value), y = Number(this.traceY.value);
      if (this.traceX.value === '' || this.traceY.value === '' || !Number.isFinite(x) || !Number.isFinite(y) || Math.abs(x) > R || Math.abs(y) > R) {
        this.traceError.textContent = `x and y must be numbers from -${R} to ${R}`;
        return;
      }
      this.traceError.textContent = '';
      actions.setTrace(x, y);
    };
    this.traceX.addEventListener('change', commit);
    this.traceY.addEventListener('change', commit);
    this.traceError = el('span', { class: 'field-error', role: 'alert' });
    this.labelRadios = [0, 1, 2].map((k) => {
      const r = el('input', { type: 'radio', name: 'trace-label', value: String(k), id: `trace-label-${k}` });
      r.addEventListener('change', () => r.checked && actions.setTraceLabel(k));
      const sw = el('span', { class: `swatch shape-${CLASS_SHAPES[k]}` });
      sw.style.background = classColor(k);
      return el('label', { class: 'radio', htmlFor: `trace-label-${k}` }, r, sw, `class ${k}`);
    });

    const levels = (this.levels = el('input', { type: 'checkbox', id: 'show-levels', checked: true }));
    levels.addEventListener('change', () => actions.setLevelSets(levels.checked));
    const byGrad = (this.byGrad = el('input', { type: 'checkbox', id: 'color-grad' }));
    byGrad.addEventListener('change', () => actions.setColorByGrad(byGrad.checked));
    this.message = el('p', { class: 'message', role: 'status' });
    this.recovery = el('button', { type: 'button', class: 'recovery' });
    this.recovery.hidden = true;
    this.recovery.addEventListener('click', () => actions.recover());

    root.append(
      el('div', { class: 'button-row', role: 'group', 'aria-label': 'Training' }, this.playBtn, step, step10, reset),
      el('div', { class: 'field' }, el('label', { htmlFor: 'speed' }, 'Speed'), this.speed, this.speedOut),
      el('fieldset', { class: 'trace' }, el('legend', {}, 'Traced point (drag it on the canvas)'),
        el('div', { class: 'field' }, el('label', { htmlFor: 'trace-x' }, 'x'), this.traceX, el('label', { htmlFor: 'trace-y' }, 'y'), this.traceY),
        el('div', { class: 'field', role: 'radiogroup', 'aria-label': 'Label of the traced point' }, el('span', {}, 'label'), ...this.labelRadios),
        this.traceError),
      el('div', { class: 'field' }, el('label', { class: 'check', htmlFor: 'show-levels' }, levels, 'First-layer zero lines')),
      el('div', { class: 'field' }, el('label', { class: 'check', htmlFor: 'color-grad' }, byGrad, 'Colour graph nodes by grad')),
      this.message,
      this.recovery,
    );
  }

  /** @param {any} s the page state */
  render(s) {
    this.playBtn.textContent = s.playing ? 'Pause' : 'Play';
    this.playBtn.setAttribute('aria-pressed', String(s.playing));
    this.speed.value = String(s.speed);
    this.speedOut.textContent = SPEEDS[s.speed].label;
    const active = document.activeElement;
    if (active !== this.traceX) this.traceX.value = String(s.tx);
    if (active !== this.traceY) this.traceY.value = String(s.ty);
    this.labelRadios.forEach((l, k) => { /** @type {HTMLInputElement} */ (l.firstChild).checked = s.tl === k; });
    this.levels.checked = s.levelSets;
    this.byGrad.checked = s.colorByGrad;
    this.message.textContent = s.message;
    this.recovery.hidden = !s.recovery;
    if (s.recovery) {
      this.recovery.textContent = `Reset with learning rate ${round(s.recovery.lr)}`;
      this.recovery.title = `The initial network again, trained at learning rate ${round(s.recovery.lr)}${s.recovery.resume ? ' (training goes on)' : ''}`;
    }
  }
}
