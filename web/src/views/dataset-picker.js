// The dataset thumbnails (as TensorFlow Playground picks its data): one small picture per dataset, drawn from the
// points the engine's own generator makes for the current points, noise and seed (engine.dataset()), each a radio
// button: click one, or focus the group and move with the arrow keys. Owns its subtree; reports the choice.
import { el } from './dom.js';
import { CLASS_RGB } from '../palette.js';

const SIZE = 48; // CSS px per side

export class DatasetPicker {
  /**
   * @param {string[]} names the engine's dataset names @param {Record<string, string>} titles their names as people read them
   * @param {{ x0: number, x1: number, y0: number, y1: number }} extent the plane the boundary shows
   * @param {(name: string) => void} onPick
   */
  constructor(names, titles, extent, onPick) {
    this.extent = extent;
    this.drawn = '';
    this.items = names.map((name) => {
      const input = el('input', { type: 'radio', name: 'dataset', value: name, id: `set-dataset-${name}`, class: 'thumb-radio' });
      input.addEventListener('change', () => input.checked && onPick(name));
      const canvas = el('canvas', { class: 'thumb-canvas', 'aria-hidden': 'true' });
      const label = el('label', { class: 'thumb', htmlFor: input.id, title: `${titles[name] ?? name}: pick this dataset` },
        input, canvas, el('span', { class: 'thumb-name' }, titles[name] ?? name));
      return { name, input, canvas, label };
    });
    this.root = el('div', { class: 'dataset-picker', role: 'radiogroup', 'aria-label': 'Dataset' }, ...this.items.map((i) => i.label));
  }

  /**
   * @param {string} chosen the dataset trained now
   * @param {{ key: string, sets: Record<string, { train: any[], val: any[], test: any[] }> }} thumbs each dataset's
   *   points for the current settings; drawn again only when their key (points, noise, seed) changes
   */
  render(chosen, thumbs) {
    for (const it of this.items) {
      it.input.checked = it.name === chosen;
      it.label.classList.toggle('chosen', it.name === chosen);
    }
    if (!thumbs || thumbs.key === this.drawn) return;
    this.drawn = thumbs.key;
    for (const it of this.items) this.draw(it.canvas, thumbs.sets[it.name]);
  }

  /** Every point of a dataset as a dot of its class colour. */
  draw(canvas, set) {
    const dpr = Math.min(2, window.devicePixelRatio || 1), px = Math.round(SIZE * dpr);
    if (canvas.width !== px) { canvas.width = canvas.height = px; }
    const ctx = canvas.getContext('2d');
    if (!ctx || !set) return;
    const { x0, x1, y0, y1 } = this.extent, sx = px / (x1 - x0), sy = px / (y1 - y0);
    ctx.fillStyle = '#f6f7f9';
    ctx.fillRect(0, 0, px, px);
    const pts = [...set.train, ...set.val, ...set.test];
    const r = Math.max(2, Math.round(Math.min(2.5, 18 / Math.sqrt(pts.length)) * dpr)); // whole pixels: crisp dots
    for (let k = 0; k < 3; k++) {
      ctx.fillStyle = `rgb(${CLASS_RGB[k].join(',')})`;
      for (const p of pts) if (p.label === k) ctx.fillRect(Math.round((p.x - x0) * sx - r / 2), Math.round((y1 - p.y) * sy - r / 2), r, r);
    }
  }
}
