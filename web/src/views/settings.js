// The playground settings: dataset (thumbnails of each kind, points, noise, seed), network (layers, widths, activation) and
// optimizer (kind, learning rate, weight decay). Bad entries are refused next to the field. Owns its subtree;
// shows the settings actually trained (state) and reports changes; the limits are the link schema's (state.js).
import { el } from './dom.js';
import { LINK, LIMITS, EXTENT } from '../state.js';
import { DatasetPicker } from './dataset-picker.js';

const spec = (key) => /** @type {any} */ (LINK.find((s) => s.key === key));

export class Settings {
  /** @param {HTMLElement} root
   *  @param {{ onChange: (patch: Record<string, any>) => void, onRefuse: (msg: string) => void, onShare: () => void }} handlers */
  constructor(root, handlers) {
    this.root = root;
    root.classList.add('settings');
    this.handlers = handlers;
    this.inputs = {};
    this.error = el('p', { class: 'field-error', role: 'alert' });

    this.picker = new DatasetPicker(spec('dataset').values, LIMITS.datasetTitle, EXTENT, (name) => this.commit({ dataset: name }));
    this.number('n', { step: '1' });
    this.number('noise', { step: '0.05' });
    this.number('seed', { step: '1' });
    const sample = el('button', { type: 'button', title: 'The same dataset with a new random seed' }, 'New sample');
    sample.addEventListener('click', () => { const { min, max } = spec('seed'); this.commit({ seed: min + Math.floor(Math.random() * (max - min)) }); });

    this.layers = el('div', { class: 'layers', role: 'group', 'aria-label': 'Hidden layer widths' });
    const addLayer = el('button', { type: 'button', 'aria-label': 'Add a hidden layer', title: 'Add a hidden layer' }, '+ layer');
    const dropLayer = el('button', { type: 'button', 'aria-label': 'Remove the last hidden layer', title: 'Remove the last hidden layer' }, '− layer');
    const H = spec('hidden');
    addLayer.addEventListener('click', () => (this.hidden.length < H.maxLen ? this.commit({ hidden: [...this.hidden, this.hidden.at(-1)] }) : this.fail(`At most ${H.maxLen} hidden layers.`)));
    dropLayer.addEventListener('click', () => (this.hidden.length > H.minLen ? this.commit({ hidden: this.hidden.slice(0, -1) }) : this.fail(`At least ${H.minLen} hidden layer.`)));
    const act = el('select', { id: 'set-act' }, el('option', { value: 'tanh' }, 'tanh'), el('option', { value: 'relu' }, 'ReLU'));
    act.addEventListener('change', () => this.commit({ act: act.value }));
    this.inputs.act = act;
    const opt = el('select', { id: 'set-opt' }, el('option', { value: 'adamw' }, 'AdamW'), el('option', { value: 'sgd' }, 'SGD + momentum'));
    opt.addEventListener('change', () => this.commit({ opt: opt.value }));
    this.inputs.opt = opt;
    this.number('lr', { step: '0.01' });
    this.number('wd', { step: '0.0001' });
    const share = el('button', { type: 'button', class: 'share', title: 'Copy a link to exactly this state' }, 'Share');
    share.addEventListener('click', () => handlers.onShare());
    this.shareNote = el('span', { class: 'share-note', role: 'status' });

    const row = (label, id, ...inputs) => el('div', { class: 'field' }, el('label', { htmlFor: id }, label), ...inputs);
    root.append(
      el('h2', {}, 'Data'),
      this.picker.root,
      row('points', 'set-n', this.inputs.n, el('label', { htmlFor: 'set-noise' }, 'noise'), this.inputs.noise),
      row('seed', 'set-seed', this.inputs.seed, sample),
      el('h2', {}, 'Network'),
      el('div', { class: 'field' }, el('span', {}, 'hidden'), this.layers, addLayer, dropLayer),
      row('activation', 'set-act', act),
      el('h2', {}, 'Optimizer'),
      row('optimizer', 'set-opt', opt),
      row('learning rate', 'set-lr', this.inputs.lr),
      row('weight decay', 'set-wd', this.inputs.wd),
      this.error,
      el('div', { class: 'field' }, share, this.shareNote),
    );
    this.hidden = [8];
  }

  number(key, attrs) {
    const s = spec(key);
    const input = el('input', { type: 'number', id: `set-${key}`, class: 'num', min: String(s.min), max: String(s.max), ...attrs });
    input.addEventListener('change', () => {
      const v = Number(input.value);
      const ok = input.value.trim() !== '' && Number.isFinite(v) && v >= s.min && v <= s.max && (s.kind !== 'int' || Number.isInteger(v));
      if (!ok) { this.fail(`${s.label}: expected ${s.kind === 'int' ? 'an integer' : 'a number'} from ${s.min} to ${s.max}`); return; }
      this.commit({ [key]: v });
    });
    this.inputs[key] = input;
  }

  fail(msg) { this.handlers.onRefuse(msg); }
  commit(patch) { this.handlers.onChange(patch); }

  /** Shows the settings trained now, why the last change was refused, and the share note; the field the learner is
   *  typing in keeps its text. @param {any} values the page state @param {any} [thumbs] the datasets' points (DatasetPicker) */
  render(values, thumbs) {
    this.picker.render(values.dataset, thumbs);
    for (const [key, input] of Object.entries(this.inputs)) {
      if (document.activeElement !== input && input.value !== String(values[key])) input.value = String(values[key]);
    }
    this.error.textContent = values.settingsError;
    this.shareNote.textContent = values.shareNote;
    const H = spec('hidden');
    const widths = /** @type {HTMLInputElement[]} */ ([...this.layers.children]);
    if (values.hidden.join(',') === this.hidden.join(',')) widths.forEach((w, i) => { if (document.activeElement !== w) w.value = String(this.hidden[i]); });
    if (values.hidden.join(',') !== this.hidden.join(',') || !this.layers.childElementCount) {
      this.hidden = [...values.hidden];
      this.layers.replaceChildren(...this.hidden.map((w, i) => {
        const input = el('input', { type: 'number', class: 'num width', min: String(H.min), max: String(H.max), step: '1', value: String(w), 'aria-label': `Neurons in hidden layer ${i + 1}` });
        input.addEventListener('change', () => {
          const v = Number(input.value);
          if (!Number.isInteger(v) || v < H.min || v > H.max) { this.fail(`hidden layers: ${H.min} to ${H.max} neurons each`); input.value = String(this.hidden[i]); return; }
          const hidden = [...this.hidden];
          hidden[i] = v;
          this.commit({ hidden });
        });
        return input;
      }));
    }
  }
}
