// Notes drawn beside a node of the graph view: the walk's current rule next to its node, and the gradient check's
// result next to the pinned node. Each note is plain text in a box over the stage, following the node as the view
// pans and zooms, below or above the node as asked (the other side near the stage's edge). Text only, never HTML.

/** @typedef {import('./graph-layout.js').NodeBox} NodeBox */

export class NodeCallout {
  /** @param {HTMLElement} stage  the graph view's stage @param {string} kind  a CSS modifier ('walk', 'check')
   *  @param {'below' | 'above'} [side]  where the note goes when it fits */
  constructor(stage, kind, side = 'below') {
    this.side = side;
    this.el = stage.appendChild(document.createElement('div'));
    this.el.className = `gv-callout gv-callout-${kind}`;
    this.el.hidden = true;
    /** @type {number | null} the op index the note belongs to */ this.node = null;
    this.text = '';
  }

  /** Shows `text` beside op node i (null or '' hides it). @param {number | null} i @param {string} text @param {string} [tone] 'pass' | 'fail' */
  set(i, text, tone = '') {
    this.node = text ? i : null;
    if (this.text !== text) this.el.textContent = this.text = text;
    this.el.dataset.tone = tone;
    if (this.node == null) this.el.hidden = true;
  }

  /**
   * Places the note beside box b under the view's transform t, inside a stage of width x height; hidden when the box
   * is not drawn or out of view. @param {NodeBox | undefined} b @param {{ applyX: (x: number) => number,
   * applyY: (y: number) => number, k: number }} t @param {number} width @param {number} height
   */
  place(b, t, width, height) {
    const x = b ? t.applyX(b.x) : NaN, top = b ? t.applyY(b.y - b.h / 2) : NaN, bottom = b ? t.applyY(b.y + b.h / 2) : NaN;
    const out = !b || this.node == null || x < 0 || x > width || bottom < 0 || top > height;
    this.el.hidden = out;
    if (out) return;
    const w = this.el.offsetWidth, h = this.el.offsetHeight;
    const left = Math.max(4, Math.min(x - w / 2, width - w - 4));
    const below = bottom + 8 + h <= height - 4, above = top - 8 - h >= 4;
    const y = (this.side === 'below' ? below || !above : !above && below) ? bottom + 8 : Math.max(4, top - 8 - h);
    this.el.style.transform = `translate(${Math.round(left)}px, ${Math.round(y)}px)`;
  }
}
