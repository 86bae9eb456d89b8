// Overlays floating over the graph view's stage: the minimap (whole graph + draggable viewport) and the node tooltip.
import { select, drag } from 'd3';

/** @typedef {import('./graph-layout.js').Layout} Layout */

const MAX_W = 200;
const MAX_H = 90;

export class Minimap {
  /**
   * @param {HTMLElement} parent  the stage the minimap floats over
   * @param {(x: number, y: number) => void} onNavigate  centre the main view on graph point (x, y)
   */
  constructor(parent, onNavigate) {
    this.el = document.createElement('div');
    this.el.className = 'gv-minimap';
    this.el.hidden = true;
    this.el.title = 'Overview: click or drag to move the view';
    parent.appendChild(this.el);
    this.svg = select(this.el).append('svg').attr('aria-hidden', 'true');
    this.gNodes = this.svg.append('g');
    this.gMarks = this.svg.append('g').attr('class', 'gv-mini-marks');
    this.view = this.svg.append('rect').attr('class', 'gv-mini-view');
    this.k = 1;
    /** @type {Layout | null} */
    this.layout = null;
    const go = (/** @type {any} */ e) => onNavigate(e.x / this.k, e.y / this.k);
    this.svg.call(drag().container(() => /** @type {any} */ (this.svg.node())).on('start drag', go));
  }

  /**
   * @param {Layout} layout
   * @param {import('../engine').GraphNode[]} nodes
   */
  setLayout(layout, nodes) {
    this.layout = layout;
    const k = (this.k = Math.min(MAX_W / layout.width, MAX_H / layout.height));
    this.svg.attr('width', Math.ceil(layout.width * k)).attr('height', Math.ceil(layout.height * k));
    const kind = (/** @type {number} */ i) => (nodes[i].param != null ? 'gv-mini-param' : nodes[i].input ? 'gv-mini-input' : '');
    this.gNodes.selectAll('rect').data(layout.values, (/** @type {any} */ d) => d.i).join('rect')
      .attr('class', (d) => kind(d.i))
      .attr('x', (d) => (d.x - d.w / 2) * k).attr('y', (d) => (d.y - d.h / 2) * k)
      .attr('width', (d) => Math.max(1, d.w * k)).attr('height', (d) => Math.max(1, d.h * k));
    this.setMarks([]);
  }

  /** Marks (e.g. the highlighted parameter) drawn on top, so they are findable in the wide graph.
   * @param {import('./graph-layout.js').NodeBox[]} boxes */
  setMarks(boxes) {
    const k = this.k;
    this.gMarks.selectAll('circle').data(boxes).join('circle')
      .attr('cx', (d) => d.x * k).attr('cy', (d) => d.y * k).attr('r', 3.5);
  }

  /**
   * @param {{ x: number, y: number, k: number }} t  the main view's zoom transform
   * @param {number} width  stage width in px
   * @param {number} height  stage height in px
   */
  update(t, width, height) {
    if (!this.layout) return;
    const k = this.k;
    const x0 = -t.x / t.k, y0 = -t.y / t.k, w = width / t.k, h = height / t.k;
    this.view.attr('x', x0 * k).attr('y', y0 * k).attr('width', w * k).attr('height', h * k);
    // only while some of the drawing is out of view: a whole drawing needs no overview to cover part of it
    this.el.hidden = x0 <= 1 && y0 <= 1 && x0 + w >= this.layout.width - 1 && y0 + h >= this.layout.height - 1;
  }

  clear() {
    this.layout = null;
    this.el.hidden = true;
    this.gNodes.selectAll('*').remove();
    this.gMarks.selectAll('*').remove();
  }
}

/** The hover/pin tooltip of a value node: name, op, full-precision data and grad, parameter index. Text only. */
export class NodeTooltip {
  /** @param {HTMLElement} parent */
  constructor(parent) {
    this.el = parent.appendChild(document.createElement('div'));
    this.el.className = 'gv-tooltip';
    this.el.setAttribute('role', 'tooltip');
    this.el.hidden = true;
    this.name = this.el.appendChild(document.createElement('div'));
    this.name.className = 'gv-tip-name';
    const dl = this.el.appendChild(document.createElement('dl'));
    dl.className = 'gv-tip-rows';
    /** @type {Record<string, HTMLElement>} */ this.rows = {};
    for (const k of ['op', 'data', 'grad', 'param', 'box']) {
      const dt = dl.appendChild(document.createElement('dt'));
      const dd = (this.rows[k] = dl.appendChild(document.createElement('dd')));
      dt.textContent = k;
      dt.dataset.row = dd.dataset.row = k;
    }
  }

  /**
   * @param {import('../engine').GraphNode} n  @param {number} i  its index
   * @param {number} data  @param {number} grad  @param {boolean} pinned
   * @param {{ title: string, box: string }} [compact]  for a neuron-level box: its title and what it stands for
   */
  fill(n, i, data, grad, pinned, compact) {
    const leaf = n.param != null ? 'leaf (parameter)' : n.input ? 'leaf (input)' : 'leaf';
    this.name.textContent = compact?.title ?? (n.name || `value ${i}`);
    const text = { op: n.op || leaf, data: String(data), grad: String(grad), param: n.param != null ? String(n.param) : '', box: compact?.box ?? '' };
    for (const [k, t] of Object.entries(text)) this.rows[k].textContent = t;
    this.el.classList.toggle('gv-tip-param', n.param != null);
    this.el.classList.toggle('gv-tip-box', !!compact);
    this.el.classList.toggle('gv-tip-pinned', pinned);
  }

  /**
   * Puts the tooltip beside its node (right of it, or left near the stage's edge), inside the stage.
   * @param {import('./graph-layout.js').NodeBox} d  @param {import('d3').ZoomTransform} t
   * @param {number} width  @param {number} height  the stage's size
   */
  place(d, t, width, height) {
    const tw = this.el.offsetWidth;
    let x = t.applyX(d.x + d.w / 2) + 10;
    if (x + tw > width - 4) x = t.applyX(d.x - d.w / 2) - 10 - tw;
    x = Math.max(4, Math.min(x, width - tw - 4));
    const y = Math.max(4, Math.min(t.applyY(d.y - d.h / 2), height - this.el.offsetHeight - 4));
    this.el.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
  }
}
