// Draws a laid-out scene with D3 (edges, op ellipses, value and neuron boxes, expanded-neuron frames) and refreshes
// its numbers, grad fills and weight colours in place, assigning only what changed: the hot path of live training.
import { fmtBox, gradFill } from './format.js';
import { SIGN_COLOR } from '../palette.js';
import { paramSummary } from './neuron-graph.js';
import { boxName } from './graph-dot.js';

/** @typedef {import('../engine').Graph} Graph */
/** @typedef {import('./graph-layout.js').Layout} Layout */
/** @typedef {import('./graph-layout.js').NodeBox} NodeBox */
/** @typedef {import('./neuron-graph.js').Scene} Scene */
/** @typedef {import('./neuron-graph.js').CompactNode} CompactNode */

const LINE = 12; // px between text lines of a compact box (see boxSize)

/** Stroke of an edge carrying weight w in the sign palette; wider and darker as |w| grows. @param {number} w */
function weightStroke(w) {
  if (!Number.isFinite(w)) return { key: 'nan', color: '#999', width: '1', opacity: '0.6' };
  const a = Math.min(1, Math.abs(w) / 1.5);
  const width = (0.3 + Math.round(a * 8) * 0.2).toFixed(2), opacity = (0.08 + Math.round(a * 6) * 0.07).toFixed(2);
  const color = w < 0 ? SIGN_COLOR.neg : SIGN_COLOR.pos;
  return { key: color + width + opacity, color, width, opacity };
}

const SVG = 'http://www.w3.org/2000/svg';
/** Creates a new box's texts: value box name, data and grad; compact box title, data, grad (+ params), and its role.
 * @param {SVGGElement} g @param {CompactNode | undefined} c */
function fillBox(g, c) {
  const text = (/** @type {string} */ cls, s = ' ') => {
    const t = g.appendChild(document.createElementNS(SVG, 'text'));
    t.setAttribute('class', cls);
    t.textContent = s;
  };
  text(c ? 'gv-title' : 'gv-name', c ? c.title : ' ');
  text('gv-data');
  text('gv-grad');
  if (!c) return;
  if (c.weights.length) text('gv-params');
  g.setAttribute('data-kind', c.kind);
  if (c.members.length > 1) { // expandable: a button (click, Enter or Space)
    g.setAttribute('tabindex', '0');
    g.setAttribute('role', 'button');
    g.setAttribute('aria-expanded', 'false');
    g.setAttribute('aria-label', `${c.name}: expand into its ${c.members.length} values and their operations`);
  }
}

export class SceneDrawing {
  /** @param {import('d3').Selection<SVGGElement, any, any, any>} viewport @param {string} markerId */
  constructor(viewport, markerId) {
    this.gFrames = viewport.append('g').attr('class', 'gv-frames');
    this.gEdges = viewport.append('g').attr('class', 'gv-edges');
    this.gOps = viewport.append('g').attr('class', 'gv-ops');
    this.gValues = viewport.append('g').attr('class', 'gv-values');
    this.markerId = markerId;
    this.clear();
  }

  clear() {
    /** @type {Scene | null} */ this.scene = null;
    /** @type {number[]} op indices of the drawn boxes */ this.shown = [];
    /** @type {SVGGElement[]} box element by op index (sparse) */ this.els = [];
    /** @type {NodeBox[]} */ this.boxes = [];
    /** @type {import('./graph-layout.js').ClusterBox[]} frame of an expanded box, by the op index it shows */ this.frames = [];
    /** @type {SVGRectElement[]} */ this.rects = [];
    /** @type {Text[]} */ this.dataText = [];
    /** @type {Text[]} */ this.gradText = [];
    /** @type {(Text | undefined)[]} */ this.paramText = [];
    /** @type {string[]} last strings per op index: data, grad, params, fill */
    this.lastData = []; this.lastGrad = []; this.lastParam = []; this.fills = [];
    /** @type {{ el: SVGPathElement, w: number, key: string }[]} edges coloured by their weight */ this.weighted = [];
  }

  /** Removes everything drawn. */
  remove() {
    for (const g of [this.gFrames, this.gEdges, this.gOps, this.gValues]) g.selectAll('*').remove();
    this.clear();
  }

  /** @param {number} i an op index @returns {NodeBox | undefined} its box, when drawn */
  box(i) { return this.boxes[i]; }

  /** The element to focus for op index i: an expanded box's frame header, else its box. @param {number} i */
  focusable(i) {
    return /** @type {SVGElement | null} */ (this.gFrames.node()?.querySelector(`g.gv-frame[data-index="${i}"] .gv-frame-head`) ?? this.els[i] ?? null);
  }

  /** Joins frames, edges, op ellipses and boxes (keyed, so a redraw keeps what stayed) and collects the text nodes.
   * @param {Graph} graph @param {Scene} scene @param {Layout} layout */
  draw(graph, scene, layout) {
    const nodes = graph.nodes;
    this.clear();
    this.scene = scene;
    const at = (/** @type {{ x: number, y: number }} */ d) => `translate(${d.x},${d.y})`;
    const kindOf = (/** @type {number} */ i) => scene.boxes.get(i)?.kind ?? 'value';
    const frames = this.gFrames.selectAll('g.gv-frame').data(layout.clusters, (/** @type {any} */ d) => d.name).join((enter) => {
      const g = enter.append('g').attr('class', 'gv-frame');
      g.append('rect').attr('class', 'gv-frame-box').attr('rx', 8);
      const head = g.append('g').attr('class', 'gv-frame-head').attr('role', 'button').attr('tabindex', 0).attr('aria-expanded', 'true');
      head.append('rect').attr('rx', 4);
      const t = head.append('text').attr('dy', '0.35em');
      t.append('tspan').attr('class', 'gv-frame-title');
      t.append('tspan').attr('class', 'gv-frame-action').attr('dx', 8).text('collapse ▴');
      return g;
    });
    frames.attr('data-index', (d) => /** @type {CompactNode} */ (scene.frames.get(d.name)).index)
      .each((d) => { this.frames[/** @type {CompactNode} */ (scene.frames.get(d.name)).index] = d; });
    frames.select('.gv-frame-box').attr('x', (d) => d.x - d.w / 2).attr('y', (d) => d.y - d.h / 2).attr('width', (d) => d.w).attr('height', (d) => d.h);
    frames.select('.gv-frame-title').text((d) => scene.frames.get(d.name)?.title ?? '');
    // the header (title and 'collapse') sits at the top right, the corner the view keeps where the box was
    frames.select('.gv-frame-head').attr('aria-label', (d) => `Collapse ${scene.frames.get(d.name)?.name}`).each((d, k, els) => {
      const head = /** @type {SVGGElement} */ (els[k]), w = /** @type {SVGTextElement} */ (head.lastChild).getComputedTextLength() + 12;
      head.setAttribute('transform', `translate(${d.x + d.w / 2 - 6 - w},${d.ly})`);
      const r = /** @type {SVGRectElement} */ (head.firstChild);
      for (const [k2, v] of Object.entries({ x: -6, y: -9, width: w, height: 18 })) r.setAttribute(k2, String(v));
    });

    const edges = this.gEdges.selectAll('path').data(layout.edges, (/** @type {any} */ d) => d.id).join('path')
      .attr('class', (d) => (scene.weightOf.has(d.id) ? 'gv-edge gv-edge-w' : d.value ? 'gv-edge' : 'gv-edge gv-edge-op')).attr('d', (d) => d.d)
      .attr('marker-end', (d) => (scene.weightOf.has(d.id) ? null : `url(#${this.markerId})`));
    edges.each((d, k, els) => {
      const w = scene.weightOf.get(d.id);
      const el = /** @type {SVGPathElement} */ (els[k]);
      if (w != null) this.weighted.push({ el, w, key: '' });
      else el.removeAttribute('style');
    });

    const ops = this.gOps.selectAll('g.gv-op').data(layout.ops, (/** @type {any} */ d) => d.i).join((enter) => {
      const g = enter.append('g').attr('class', 'gv-op');
      g.append('ellipse');
      g.append('text').attr('dy', '0.35em');
      return g;
    }).attr('transform', at);
    ops.select('ellipse').attr('rx', (d) => d.w / 2).attr('ry', (d) => d.h / 2);
    ops.select('text').text((d) => d.op);

    // keyed by index and kind, so a box that changes kind (a neuron box becoming its output value) is made anew
    const values = layout.values.map((d) => ({ ...d, kind: kindOf(d.i) }));
    const vals = this.gValues.selectAll('g.gv-value').data(values, (/** @type {any} */ d) => `${d.i}:${d.kind}`)
      .join((enter) => { const g = enter.append('g').attr('class', 'gv-value'); g.append('rect').attr('rx', 3); return g; })
      .attr('transform', at).attr('data-index', (d) => d.i)
      .classed('gv-param', (d) => nodes[d.i].param != null).classed('gv-input', (d) => nodes[d.i].input)
      .classed('gv-box', (d) => scene.boxes.has(d.i));
    vals.select('rect').attr('x', (d) => -d.w / 2).attr('y', (d) => -d.h / 2).attr('width', (d) => d.w).attr('height', (d) => d.h);
    vals.each((d, k, els) => {
      const g = /** @type {SVGGElement} */ (els[k]), c = scene.boxes.get(d.i);
      if (g.children.length === 1) fillBox(g, c);
      this.shown.push(d.i);
      this.els[d.i] = g;
      this.boxes[d.i] = d;
      this.rects[d.i] = /** @type {SVGRectElement} */ (g.children[0]);
      const texts = [...g.querySelectorAll('text')], x = String(-d.w / 2 + 6);
      // compact box: title, data, grad, params one per line from the top; value box: name, data and grad around the centre
      texts.forEach((t, line) => {
        t.setAttribute('x', x);
        t.setAttribute('y', String(c ? -d.h / 2 + 4 + LINE * line + 9.5 : LINE * (line - 1) + 3.5));
      });
      const name = boxName(nodes[d.i]) || ' ';
      if (!c && texts[0].textContent !== name) texts[0].textContent = name; // a new graph may reuse the box
      const [data, grad] = texts.slice(1);
      this.dataText[d.i] = /** @type {Text} */ (data.firstChild);
      this.gradText[d.i] = /** @type {Text} */ (grad.firstChild);
      this.paramText[d.i] = /** @type {Text | undefined} */ (c?.weights.length ? texts[3].firstChild : undefined);
    });
  }

  /**
   * The hot path: formats every shown value and assigns only the strings, fills and strokes that changed.
   * @param {Float64Array} v  data then grad per op node  @param {number} N  the number of op nodes
   * @param {{ pendingData?: ArrayLike<number> | null, pendingGrad?: ArrayLike<number> | null, colorByGrad: boolean }} o
   */
  apply(v, N, { pendingData: pd, pendingGrad: pg, colorByGrad }) {
    const boxes = /** @type {Scene} */ (this.scene).boxes;
    for (const i of this.shown) {
      const ds = pd && pd[i] ? 'data: …' : 'data: ' + fmtBox(v[i]);
      if (ds !== this.lastData[i]) this.dataText[i].nodeValue = this.lastData[i] = ds;
      const gs = pg && pg[i] ? 'grad: pending' : 'grad: ' + fmtBox(v[N + i]);
      if (gs !== this.lastGrad[i]) this.gradText[i].nodeValue = this.lastGrad[i] = gs;
      const pt = this.paramText[i];
      if (pt) {
        const c = /** @type {CompactNode} */ (boxes.get(i)), ps = paramSummary(c, c.bias >= 0 ? v[c.bias] : 0);
        if (ps !== this.lastParam[i]) pt.nodeValue = this.lastParam[i] = ps;
      }
      if (colorByGrad) {
        const f = gradFill(v[N + i]);
        if (f !== this.fills[i]) this.rects[i].style.fill = this.fills[i] = f;
      }
    }
    for (const e of this.weighted) {
      const s = weightStroke(v[e.w]);
      if (s.key === e.key) continue;
      e.key = s.key;
      e.el.style.stroke = s.color;
      e.el.style.strokeWidth = s.width;
      e.el.style.strokeOpacity = s.opacity;
    }
  }

  /** Back to the fills by kind (colour by grad off). */
  clearFills() {
    for (const i of this.shown) { this.rects[i].style.fill = ''; this.fills[i] = ''; }
  }
}

