// The control panel: play/pause, step, reset, speed, the traced point and display toggles. Owns its subtree.
import { SPEEDS } from '../state.js';
import { classColor, CLASS_SHAPES } from '../palette.js';

function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') e.className = v;
    else if (k in e) e[k] = v;
    else e.setAttribute(k, v);
  }
  e.append(...children);
  return e;
}

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

    this.traceX = el('input', { type: 'number', step: '0.1', min: '-1000', max: '1000', id: 'trace-x', class: 'num' });
    this.traceY = el('input', { type: 'number', step: '0.1', min: '-1000', max: '1000', id: 'trace-y', class: 'num' });
    const commit = () => {
      const x = Number(this.traceX.value), y = Number(this.traceY.value);
      if (this.traceX.value === '' || this.traceY.value === '' || !Number.isFinite(x) || !Number.isFinite(y) || Math.abs(x) > 1000 || Math.abs(y) > 1000) {
        this.traceError.textContent = 'x and y must be numbers from -1000 to 1000';
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

    const levels = el('input', { type: 'checkbox', id: 'show-levels', checked: true });
    levels.addEventListener('change', () => actions.setShowLevelSets(levels.checked));
    const byGrad = el('input', { type: 'checkbox', id: 'color-grad' });
    byGrad.addEventListener('change', () => actions.setColorByGrad(byGrad.checked));
    this.message = el('p', { class: 'message', role: 'status' });
    this.recovery = el('button', { type: 'button', class: 'recovery' });
    this.recovery.hidden = true;
    this.recovery.addEventListener('click', () => this.recover?.());

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

  render(state) {
    this.playBtn.textContent = state.playing ? 'Pause' : 'Play';
    this.playBtn.setAttribute('aria-pressed', String(state.playing));
    this.speed.value = String(state.speed);
    this.speedOut.textContent = SPEEDS[state.speed].label;
    const active = document.activeElement;
    if (active !== this.traceX) this.traceX.value = String(state.trace.x);
    if (active !== this.traceY) this.traceY.value = String(state.trace.y);
    this.labelRadios.forEach((l, k) => { l.firstChild.checked = state.trace.label === k; });
    this.message.textContent = state.message;
    this.recovery.hidden = !state.recovery;
    if (state.recovery) { this.recovery.textContent = state.recovery.label; this.recover = state.recovery.run; }
  }
}
