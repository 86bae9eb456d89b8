// The node heatmap inset: one graph node's value for every position of the traced point over the input
// plane (for a first-layer neuron, its activation field), in the sign palette. Owns its subtree.
import { signRgb } from '../palette.js';
export class NodeField {
  /** @param {HTMLElement} root */
  constructor(root) {
    this.root = root;
    root.className = 'node-field';
    root.hidden = true;
    this.title = document.createElement('div');
    this.title.className = 'node-field-title';
    this.canvas = document.createElement('canvas');
    this.canvas.setAttribute('role', 'img');
    this.range = document.createElement('div');
    this.range.className = 'node-field-range';
    root.append(this.title, this.canvas, this.range);
  }

  hide() { this.root.hidden = true; }

  /** @param {string} name @param {Float32Array} field w*h values, row-major from the top @param {number} n side */
  show(name, field, n) {
    let lo = Infinity, hi = -Infinity;
    for (const v of field) if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    if (this.canvas.width !== n) this.canvas.width = this.canvas.height = n;
    const ctx = this.canvas.getContext('2d');
    const img = ctx.createImageData(n, n);
    const m = Math.max(Math.abs(lo), Math.abs(hi), 1e-12);
    for (let i = 0; i < field.length; i++) {
      const [r, g, b] = signRgb(Number.isFinite(field[i]) ? (0.85 * field[i]) / m : 0); // white at 0
      img.data.set([r, g, b, 255], 4 * i);
    }
    ctx.putImageData(img, 0, 0);
    this.title.textContent = `${name} over the input plane`;
    this.canvas.setAttribute('aria-label', `Value of ${name} for every input point, from ${lo.toFixed(3)} to ${hi.toFixed(3)}`);
    this.range.textContent = `min ${lo.toFixed(3)} · max ${hi.toFixed(3)} · red < 0 < blue`;
    this.root.hidden = false;
  }
}
