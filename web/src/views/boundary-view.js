// The decision-boundary view: a canvas with class probabilities as colour, the points, the first layer's
// zero-level lines and the traced point, which the learner drags. Owns its panel's subtree.
import { CLASS_RGB, classColor, markerPath, CLASS_NAMES, CLASS_SHAPES, SIGN_COLOR } from '../palette.js';

const DEFAULT_SIZE = 480; // the canvas's side in CSS pixels when the page's style gives no --plane

export class BoundaryView {
  /**
   * @param {HTMLElement} root
   * @param {{ onTraceMove?: (x: number, y: number) => void, onAddPoint?: (x: number, y: number, shift: boolean) => void,
   *   onMoveStart?: (split: string, i: number) => void, onMovePoint?: (split: string, i: number, x: number, y: number) => void,
   *   onDeletePoint?: (split: string, i: number) => void }} handlers
   */
  constructor(root, handlers = {}) {
    this.root = root;
    this.handlers = handlers;
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'boundary-canvas';
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', 'Decision boundary. Click adds a point, drag moves a point or the traced point, right-click deletes. ' +
      'With the keyboard: arrows move the traced point, Enter adds a point there, Delete removes the nearest point.');
    // square at the side the page's style gives (--plane); drawn at that size in CSS pixels, sharp on any screen
    this.canvas.style.width = this.canvas.style.height = `var(--plane, ${DEFAULT_SIZE}px)`;
    this.ctx = this.canvas.getContext('2d');
    this.resize(DEFAULT_SIZE);
    if (typeof ResizeObserver !== 'undefined') {
      new ResizeObserver(([e]) => {
        const side = Math.round(e.contentRect.width);
        if (side > 0 && side !== this.size) { this.resize(side); if (this.last) this.render(this.last); }
      }).observe(this.canvas);
    }
    this.off = document.createElement('canvas');
    this.offCtx = this.off.getContext('2d');
    root.append(this.canvas, legend());
    this.last = null;
    this.gesture = null;
    this.canvas.addEventListener('contextmenu', (e) => {
      e.preventDefault();
      if (this.last) this.deleteNear(...this.local(e));
    });
    // Keyboard: arrows move the traced point (shift: faster), Enter adds a point there, Delete removes the nearest.
    this.canvas.tabIndex = 0;
    this.canvas.addEventListener('keydown', (e) => this.key(e));
    this.canvas.addEventListener('pointerdown', (e) => this.pointer(e, 'down'));
    this.canvas.addEventListener('pointermove', (e) => this.pointer(e, 'move'));
    this.canvas.addEventListener('pointerup', (e) => this.pointer(e, 'up'));
    this.canvas.addEventListener('pointercancel', (e) => this.pointer(e, 'cancel'));
    // one finger scrolls the page over the canvas (touch-action in style.css) unless it starts on a point or the
    // traced point: then it drags that (a tap still adds a point, a long press deletes one)
    this.canvas.addEventListener('touchstart', (e) => {
      if (e.touches.length !== 1 || !this.last) return;
      const r = this.canvas.getBoundingClientRect(), t = e.touches[0];
      const px = ((t.clientX - r.left) / r.width) * this.size, py = ((t.clientY - r.top) / r.height) * this.size;
      const [tx, ty] = this.toCanvas(this.last.trace.x, this.last.trace.y);
      if ((tx - px) ** 2 + (ty - py) ** 2 <= 14 * 14 || this.nearest(px, py, 14)) e.preventDefault();
    }, { passive: false });
  }

  /** A new side in CSS pixels: the backing store follows (at most 2 device pixels per CSS pixel). @param {number} side */
  resize(side) {
    this.size = side;
    const dpr = Math.min(2, window.devicePixelRatio || 1);
    this.canvas.width = this.canvas.height = Math.round(side * dpr);
    this.ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  }

  /** Canvas CSS pixel -> data coordinates, and back. */
  toData(px, py) {
    const { x0, x1, y0, y1 } = this.last.extent;
    return [x0 + (px / this.size) * (x1 - x0), y1 - (py / this.size) * (y1 - y0)];
  }
  toCanvas(x, y) {
    const { x0, x1, y0, y1 } = this.last.extent;
    return [((x - x0) / (x1 - x0)) * this.size, ((y1 - y) / (y1 - y0)) * this.size];
  }

  /** The nearest train/val point to canvas position (px, py) within `radius` CSS pixels, or null. */
  nearest(px, py, radius) {
    let best = null, bestD = radius * radius;
    for (const split of ['train', 'val']) {
      this.last[split].forEach((p, index) => {
        const [cx, cy] = this.toCanvas(p.x, p.y);
        const d = (cx - px) ** 2 + (cy - py) ** 2;
        if (d <= bestD) { bestD = d; best = { split, index }; }
      });
    }
    return best;
  }

  local(e) {
    const rect = this.canvas.getBoundingClientRect();
    const S = this.size;
    return [Math.max(0, Math.min(S, ((e.clientX - rect.left) / rect.width) * S)), Math.max(0, Math.min(S, ((e.clientY - rect.top) / rect.height) * S))];
  }
  dataAt(px, py) { return this.toData(px, py).map((v) => Math.round(v * 1000) / 1000); }

  // Pointer gestures: drag the traced point or a data point; click adds a point (shift: class 1);
  // alt-click moves the traced point there; right-click, ctrl-click or a long press deletes the nearest point.
  pointer(e, kind) {
    if (!this.last) return;
    const h = this.handlers;
    const [px, py] = this.local(e);
    if (kind === 'down') {
      if (e.button !== 0) return;
      this.canvas.setPointerCapture?.(e.pointerId);
      const [tx, ty] = this.toCanvas(this.last.trace.x, this.last.trace.y);
      const onTrace = (tx - px) ** 2 + (ty - py) ** 2 <= 14 * 14;
      const hit = this.nearest(px, py, e.pointerType === 'touch' ? 14 : 8);
      this.gesture = { x0: px, y0: py, moved: false, shift: e.shiftKey, ctrl: e.ctrlKey || e.metaKey, alt: e.altKey,
        target: onTrace ? 'trace' : hit ? 'point' : 'empty', hit, timer: null };
      if (this.gesture.ctrl) { this.deleteNear(px, py); this.gesture = null; return; }
      if (e.pointerType === 'touch') {
        this.gesture.timer = setTimeout(() => { this.deleteNear(px, py); this.gesture = null; }, 550);
      }
      if (this.gesture.target === 'trace' || this.gesture.alt) h.onTraceMove?.(...this.dataAt(px, py));
      return;
    }
    const g = this.gesture;
    if (!g) return;
    if (kind === 'move') {
      if (!g.moved && (px - g.x0) ** 2 + (py - g.y0) ** 2 < 16) return;
      if (!g.moved) {
        g.moved = true;
        clearTimeout(g.timer);
        if (g.target === 'point') h.onMoveStart?.(g.hit.split, g.hit.index);
      }
      e.preventDefault();
      const [x, y] = this.dataAt(px, py);
      if (g.target === 'trace' || g.alt) h.onTraceMove?.(x, y);
      else if (g.target === 'point') h.onMovePoint?.(g.hit.split, g.hit.index, x, y);
      return;
    }
    clearTimeout(g.timer);
    this.gesture = null;
    if (kind === 'up' && !g.moved && g.target === 'empty' && !g.alt) h.onAddPoint?.(...this.dataAt(px, py), g.shift);
  }

  key(e) {
    if (!this.last || e.ctrlKey || e.metaKey || e.altKey) return;
    const t = this.last.trace, d = e.shiftKey ? 0.25 : 0.05;
    const moves = { ArrowLeft: [-d, 0], ArrowRight: [d, 0], ArrowUp: [0, d], ArrowDown: [0, -d] };
    const round = (v) => Math.round(Math.max(-2, Math.min(2, v)) * 1000) / 1000;
    if (moves[e.key]) this.handlers.onTraceMove?.(round(t.x + moves[e.key][0]), round(t.y + moves[e.key][1]));
    else if (e.key === 'Enter') this.handlers.onAddPoint?.(t.x, t.y, false);
    else if (e.key === 'Delete' || e.key === 'Backspace') this.deleteNear(...this.toCanvas(t.x, t.y));
    else return;
    e.preventDefault();
    e.stopPropagation();
  }

  deleteNear(px, py) {
    const hit = this.nearest(px, py, 30);
    if (hit) this.handlers.onDeletePoint?.(hit.split, hit.index);
  }

  /**
   * @param {{ grid: Float32Array, gridSize: number, extent: {x0:number,x1:number,y0:number,y1:number},
   *   train: {x:number,y:number,label:number}[], val: {x:number,y:number,label:number}[], params: Float64Array,
   *   firstLayerWidth: number, trace: {x:number,y:number,label:number}, showLevelSets: boolean, step: number }} s
   */
  render(s) {
    this.last = s;
    const ctx = this.ctx;
    this.paintProbabilities(s.grid, s.gridSize);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(this.off, 0, 0, this.size, this.size);
    if (s.showLevelSets) this.levelSets(s.params, s.firstLayerWidth);
    this.points(s.val, false);
    const em = s.emphasis; // per-point view: sizes by gradient share or loss, signs, rings for the misclassified
    if (!em) this.points(s.train, true);
    else {
      s.train.forEach((p, i) => {
        const scale = em.scale?.[i] ?? 1;
        this.point(p, true, scale);
        if (em.sign && em.sign[i]) this.ring(p, scale, em.sign[i] > 0 ? SIGN_COLOR.pos : SIGN_COLOR.neg);
        if (em.ring && em.ring[i]) this.ring(p, scale, '#d00000');
      });
    }
    this.tracePoint(s.trace);
    ctx.font = '600 14px system-ui, sans-serif';
    ctx.fillStyle = 'rgba(255,255,255,0.85)';
    ctx.fillRect(6, 6, 96, 22);
    ctx.fillStyle = '#222';
    ctx.fillText(`step ${s.step}`, 12, 22);
  }

  paintProbabilities(grid, n) {
    if (this.off.width !== n) { this.off.width = this.off.height = n; this.image = this.offCtx.createImageData(n, n); }
    const px = this.image.data;
    for (let i = 0, j = 0; i < n * n; i++, j += 3) {
      const p0 = grid[j], p1 = grid[j + 1], p2 = grid[j + 2];
      for (let c = 0; c < 3; c++) {
        const mix = p0 * CLASS_RGB[0][c] + p1 * CLASS_RGB[1][c] + p2 * CLASS_RGB[2][c];
        px[4 * i + c] = 255 - (255 - mix) * 0.55; // muted towards white, as the reference page
      }
      px[4 * i + 3] = 255;
    }
    this.offCtx.putImageData(this.image, 0, 0);
  }

  levelSets(params, width) {
    const { x0, x1, y0, y1 } = this.last.extent;
    const segments = [];
    for (let j = 0; j < width; j++) {
      const w0 = params[3 * j], w1 = params[3 * j + 1], b = params[3 * j + 2];
      let a, c;
      if (Math.abs(w1) >= Math.abs(w0) && w1 !== 0) {
        a = [x0, (-b - w0 * x0) / w1]; c = [x1, (-b - w0 * x1) / w1];
      } else if (w0 !== 0) {
        a = [(-b - w1 * y0) / w0, y0]; c = [(-b - w1 * y1) / w0, y1];
      } else continue;
      const s = [...this.toCanvas(...a), ...this.toCanvas(...c)];
      if (s.every(Number.isFinite)) segments.push(s);
    }
    // a dark halo under a white line: visible on every colour, and cheap (no canvas shadow blur)
    const ctx = this.ctx;
    for (const [style, lw] of [['rgba(0,0,0,0.35)', 3], ['rgba(255,255,255,0.95)', 1.4]]) {
      ctx.beginPath();
      for (const [ax, ay, cx, cy] of segments) { ctx.moveTo(ax, ay); ctx.lineTo(cx, cy); }
      ctx.strokeStyle = style;
      ctx.lineWidth = lw;
      ctx.stroke();
    }
  }

  ring(p, scale, color) {
    const [cx, cy] = this.toCanvas(p.x, p.y);
    const ctx = this.ctx;
    ctx.beginPath();
    ctx.arc(cx, cy, 5 * scale + 3, 0, 2 * Math.PI);
    ctx.lineWidth = 2;
    ctx.strokeStyle = color;
    ctx.stroke();
  }

  /** Every point of a list at the plain size: one path, one fill and one stroke per class (1,000 points stay cheap). */
  points(list, filled) {
    const ctx = this.ctx;
    ctx.lineWidth = filled ? 1.2 : 2;
    for (let k = 0; k < 3; k++) {
      ctx.beginPath();
      let any = false;
      for (const p of list) {
        if (p.label !== k) continue;
        const [cx, cy] = this.toCanvas(p.x, p.y);
        markerPath(ctx, k, cx, cy, 5, false);
        any = true;
      }
      if (!any) continue;
      ctx.fillStyle = filled ? classColor(k) : 'rgba(255,255,255,0.85)';
      ctx.fill();
      ctx.strokeStyle = filled ? '#1b1b1b' : classColor(k);
      ctx.stroke();
    }
  }

  point(p, filled, scale = 1) {
    const [cx, cy] = this.toCanvas(p.x, p.y);
    const ctx = this.ctx;
    markerPath(ctx, p.label, cx, cy, 5 * scale);
    ctx.lineWidth = filled ? 1.2 : 2;
    if (filled) {
      ctx.fillStyle = classColor(p.label);
      ctx.fill();
      ctx.strokeStyle = '#1b1b1b';
    } else {
      ctx.fillStyle = 'rgba(255,255,255,0.85)';
      ctx.fill();
      ctx.strokeStyle = classColor(p.label);
    }
    ctx.stroke();
  }

  tracePoint(t) {
    const [cx, cy] = this.toCanvas(t.x, t.y);
    const ctx = this.ctx;
    ctx.save();
    ctx.strokeStyle = '#111';
    ctx.lineWidth = 1.5;
    ctx.setLineDash([3, 3]);
    ctx.beginPath();
    ctx.arc(cx, cy, 13, 0, 2 * Math.PI);
    ctx.stroke();
    ctx.setLineDash([]);
    markerPath(ctx, t.label, cx, cy, 7);
    ctx.fillStyle = '#ffe14d';
    ctx.fill();
    ctx.lineWidth = 2.5;
    ctx.strokeStyle = '#111';
    ctx.stroke();
    ctx.restore();
  }
}

function legend() {
  const el = document.createElement('div');
  el.className = 'legend';
  CLASS_NAMES.forEach((name, k) => {
    const item = document.createElement('span');
    item.className = 'legend-item';
    const sw = document.createElement('span');
    sw.className = `swatch shape-${CLASS_SHAPES[k]}`;
    sw.style.background = classColor(k);
    item.append(sw, document.createTextNode(name));
    el.append(item);
  });
  const note = document.createElement('span');
  note.className = 'legend-note';
  note.textContent = 'filled: train · hollow: validation · yellow: traced point. Click: add · drag: move · right-click / ctrl-click / long-press: delete · alt-click: trace here';
  el.append(note);
  return el;
}
