// The graph view's stage: an SVG panned and zoomed by D3 (mouse, touch, keys), the minimap and a message overlay,
// and the camera moves the view makes (fit, auto view around the loss, reveal a box, keep a box in place).
import { select, zoom, zoomIdentity } from 'd3';
import { Minimap } from './graph-minimap.js';

/** @typedef {import('./graph-layout.js').Layout} Layout */
/** @typedef {{ x: number, y: number, w: number, h: number }} Box  centre and size in graph coordinates */

let uid = 0;
const PAD = 12;
/** The least zoom that shows the boxes' 10 px numbers at 11 px or more on screen (readable), and the most a first view
 *  enlarges a small graph. */
export const READABLE = 1.12;
const MAX_AUTO = 1.6;
const MINIMAP_ROOM = 110; // the minimap's height with its margin (graph-minimap.js: MAX_H)

export class Viewport {
  /**
   * @param {HTMLElement} stage  the element the SVG fills
   * @param {{ onZoom: () => void, onResize: () => void }} on  after every zoom/pan; after the stage resized
   */
  constructor(stage, on) {
    this.stage = stage;
    this.svg = select(stage).append('svg').attr('class', 'gv-svg').attr('role', 'img')
      .attr('tabindex', 0).attr('aria-label', 'Computational graph (none yet)');
    this.markerId = `gv-arrow-${++uid}`;
    this.svg.append('defs').append('marker').attr('id', this.markerId).attr('viewBox', '0 0 10 10')
      .attr('refX', 10).attr('refY', 5).attr('markerWidth', 7).attr('markerHeight', 7)
      .attr('markerUnits', 'userSpaceOnUse').attr('orient', 'auto')
      .append('path').attr('class', 'gv-arrow').attr('d', 'M0,1.5L10,5L0,8.5z');
    this.g = this.svg.append('g').attr('class', 'gv-viewport');
    /** @type {{ width: number, height: number } | null} the drawing's extent */ this.extent = null;
    this.transform = zoomIdentity;
    this.userMoved = false; // the learner moved the view since the last automatic move
    // touch: one finger scrolls the page (as over an embedded map); two fingers pan and pinch the graph, and so does
    // one finger after a tap on the graph's background, until a touch starts elsewhere on the page
    this.touchActive = false;
    this.zoom = zoom().scaleExtent([0.02, 8]).filter((e) => (e.type.startsWith('touch') ? this.touchActive || e.touches.length >= 2
      : (!e.ctrlKey || e.type === 'wheel') && !e.button)).on('zoom', (e) => {
      if (e.sourceEvent) this.userMoved = true;
      this.transform = e.transform;
      this.g.attr('transform', e.transform);
      this.minimap.update(e.transform, this.w, this.h);
      on.onZoom();
    });
    this.svg.call(/** @type {any} */ (this.zoom)).on('dblclick.zoom', null);
    this.minimap = new Minimap(stage, (x, y) => {
      this.userMoved = true;
      this.zoom.translateTo(/** @type {any} */ (this.svg), x, y);
    });
    this.msg = stage.appendChild(document.createElement('div'));
    this.msg.className = 'gv-message';
    this.msg.hidden = true;
    this.w = stage.clientWidth;
    this.h = stage.clientHeight;
    this.ro = new ResizeObserver(() => {
      this.w = stage.clientWidth;
      this.h = stage.clientHeight;
      this.minimap.update(this.transform, this.w, this.h);
      on.onResize();
    });
    this.ro.observe(stage);
    this.svg.on('keydown.pan', (/** @type {KeyboardEvent} */ e) => this._key(e));
    this.hint = stage.appendChild(document.createElement('div'));
    this.hint.className = 'gv-touch-hint';
    this.hint.hidden = true;
    this.hint.textContent = 'Two fingers move the graph, or tap it first';
    this._hintTimer = 0;
    this._hinted = false;
    /** @type {{ x: number, y: number, t: number } | null} */ let down = null;
    this._onTouch = (/** @type {TouchEvent} */ e) => {
      if (!stage.contains(/** @type {Node} */ (e.target))) this.setTouchActive(false);
    };
    document.addEventListener('touchstart', this._onTouch, { passive: true });
    stage.addEventListener('touchstart', (e) => {
      down = e.touches.length === 1 ? { x: e.touches[0].clientX, y: e.touches[0].clientY, t: e.timeStamp } : null;
    }, { passive: true });
    stage.addEventListener('touchmove', (e) => {
      if (!this.touchActive && e.touches.length === 1 && down) this.hint.hidden = false;
    }, { passive: true });
    stage.addEventListener('touchend', (e) => {
      const t = e.changedTouches[0], tap = down && t && Math.hypot(t.clientX - down.x, t.clientY - down.y) < 10 && e.timeStamp - down.t < 500;
      if (tap && !/** @type {Element} */ (e.target).closest('.gv-value, .gv-frame-head, .gv-minimap')) this.setTouchActive(true);
      down = null;
      clearTimeout(this._hintTimer);
      this._hintTimer = setTimeout(() => { this.hint.hidden = true; }, 1500);
    }, { passive: true });
  }

  /** Lets one finger pan the graph (true) or scroll the page (false). @param {boolean} on */
  setTouchActive(on) {
    if (this.touchActive === on) return;
    this.touchActive = on;
    this.stage.classList.toggle('gv-touch-active', on);
    if (on) this.hint.hidden = true;
  }

  /** A new drawing: its extent, and its boxes in the minimap. @param {Layout} layout @param {import('../engine').GraphNode[]} nodes */
  setLayout(layout, nodes) {
    this.extent = layout;
    this.minimap.setLayout(layout, nodes);
    this.minimap.update(this.transform, this.w, this.h);
    // on a touch screen the first drawing says how to move it (one finger scrolls the page here)
    if (!this._hinted && window.matchMedia?.('(pointer: coarse)').matches) {
      this._hinted = true;
      this.hint.hidden = false;
      clearTimeout(this._hintTimer);
      this._hintTimer = setTimeout(() => { this.hint.hidden = true; }, 5000);
    }
  }

  clear() {
    this.extent = null;
    this.minimap.clear();
  }

  /** Shows text over the stage (null hides it). @param {string | null} text */
  message(text) {
    this.msg.hidden = text == null;
    this.msg.textContent = text ?? '';
  }

  /** @param {import('d3').ZoomTransform} t */
  _set(t) {
    this.zoom.transform(/** @type {any} */ (this.svg), t);
    this.userMoved = false;
  }

  /** Zooms and pans so the whole drawing fits the stage. */
  fit() {
    if (!this.extent || !this.w || !this.h) return;
    const { width, height } = this.extent;
    const k = Math.min((this.w - 2 * PAD) / width, (this.h - 2 * PAD) / height, 1.5);
    this._set(zoomIdentity.translate((this.w - width * k) / 2, (this.h - height * k) / 2).scale(k));
  }

  /** The whole drawing when its numbers stay readable (READABLE), centred and enlarged up to MAX_AUTO; else readable
   *  numbers around `focus` (the loss, at the right end where backprop starts), with the minimap for the rest.
   *  @param {Box | undefined} focus */
  autoView(focus) {
    if (!this.extent || !this.w || !this.h) return;
    const { width, height } = this.extent;
    const fits = Math.min((this.w - 2 * PAD) / width, (this.h - 2 * PAD) / height);
    if (!focus || fits >= READABLE) {
      const k = Math.min(fits, MAX_AUTO);
      this._set(zoomIdentity.translate((this.w - width * k) / 2, (this.h - height * k) / 2).scale(k));
      return;
    }
    const k = READABLE, x = Math.min(this.w - 2 * PAD - focus.x * k - focus.w * k / 2, PAD);
    // vertically: centred when it fits, else around the focus (above the minimap, which sits at the bottom right
    // under it) without blank space beyond the drawing's ends
    const cy = Math.min(this.h / 2, (this.h - MINIMAP_ROOM) / 2);
    const y = height * k <= this.h - 2 * PAD ? (this.h - height * k) / 2 : Math.min(PAD, Math.max(this.h - PAD - height * k, cy - focus.y * k));
    this._set(zoomIdentity.translate(x, y).scale(k));
  }

  /** Pans (keeping the zoom) so box b is in view, unless its centre already is, `margin` px inside the edges.
   *  @param {Box} b @param {number} [margin] */
  reveal(b, margin = 40) {
    const t = this.transform, x = t.applyX(b.x), y = t.applyY(b.y);
    if (x > margin && x < this.w - margin && y > margin && y < this.h - margin) return;
    this.zoom.translateTo(/** @type {any} */ (this.svg), b.x, b.y);
  }

  /**
   * Pans (same zoom) so point `now` is where `old` was on screen under transform t; with `bounds`, then brings as
   * much of them as fits into view, their top-right corner first.
   * @param {{ x: number, y: number }} old  @param {{ x: number, y: number }} now
   * @param {import('d3').ZoomTransform} t  @param {Box} [bounds]
   */
  keepInPlace(old, now, t, bounds) {
    let x = t.applyX(old.x) - now.x * t.k, y = t.applyY(old.y) - now.y * t.k;
    if (bounds) {
      /** the shift that brings [lo, hi] into [PAD, size - PAD], or its preferred end when it cannot fit */
      const shift = (/** @type {number} */ lo, /** @type {number} */ hi, /** @type {number} */ size, /** @type {boolean} */ preferHi) => {
        if (hi - lo <= size - 2 * PAD) return lo < PAD ? PAD - lo : hi > size - PAD ? size - PAD - hi : 0;
        const end = preferHi ? hi : lo;
        return end < PAD || end > size - PAD ? (preferHi ? size - PAD : PAD) - end : 0;
      };
      const b = bounds, k = t.k;
      x += shift(x + (b.x - b.w / 2) * k, x + (b.x + b.w / 2) * k, this.w, true);
      y += shift(y + (b.y - b.h / 2) * k, y + (b.y + b.h / 2) * k, this.h, false);
    }
    this.zoom.transform(/** @type {any} */ (this.svg), zoomIdentity.translate(x, y).scale(t.k));
  }

  /** Keyboard pan and zoom of the focused graph: arrows, + / -, 0 fits. @param {KeyboardEvent} e */
  _key(e) {
    const z = this.zoom, s = /** @type {any} */ (this.svg), d = 60 / this.transform.k;
    /** @type {Record<string, () => void>} */
    const keys = { ArrowLeft: () => z.translateBy(s, d, 0), ArrowRight: () => z.translateBy(s, -d, 0),
      ArrowUp: () => z.translateBy(s, 0, d), ArrowDown: () => z.translateBy(s, 0, -d),
      '+': () => z.scaleBy(s, 1.25), '=': () => z.scaleBy(s, 1.25), '-': () => z.scaleBy(s, 0.8), 0: () => this.fit() };
    if (e.defaultPrevented || !keys[e.key]) return;
    e.preventDefault();
    keys[e.key]();
    if (e.key !== '0') this.userMoved = true;
  }

  destroy() {
    this.ro.disconnect();
    document.removeEventListener('touchstart', this._onTouch);
    clearTimeout(this._hintTimer);
    this.svg.on('.zoom', null).on('keydown.pan', null);
    this.clear();
  }
}
