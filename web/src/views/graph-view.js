// Graph view: the traced point's computational graph with live values, at op level (every value and op, as
// draw_dot) or neuron level (a box per neuron, expandable in place); Graphviz lays out in a worker, D3 draws.
import './graph-view.css';
import { layoutScene, cancelLayouts, isSuperseded, MAX_VALUE_NODES, OPS_AUTO_MAX } from './graph-layout.js';
import { neuronGraph, opScene, neuronScene, describeScene, boxNote } from './neuron-graph.js';
import { SceneDrawing } from './graph-draw.js';
import { Viewport } from './graph-viewport.js';
import { NodeTooltip } from './graph-minimap.js';
import { Toolbar } from './graph-toolbar.js';
import { NodeCallout } from './graph-callout.js';

/** @typedef {import('../engine').Graph} Graph */
/** @typedef {import('./graph-layout.js').Layout} Layout */
/** @typedef {import('./neuron-graph.js').Scene} Scene */
/** @typedef {'ops' | 'neurons'} Level */
/**
 * What the learner does in the view. The view is controlled: it reports, and shows what it is told (setPinned,
 * setHover, setColorByGrad). Without a handler it shows the change itself (a view used alone).
 * @typedef {{ onHoverParam?: (p: number | null) => void, onHoverNode?: (i: number | null) => void,
 *   onPinNode?: (i: number | null) => void, onColorByGrad?: (on: boolean) => void, onLevel?: (l: Level) => void }} Handlers
 */

export class GraphView {
  /** @param {HTMLElement} root  an empty element the view owns entirely @param {Handlers} [handlers] */
  constructor(root, handlers = {}) {
    this.root = root;
    this.handlers = { onHoverNode: (i) => this.setHover(i), onPinNode: (i) => this.setPinned(i), onColorByGrad: (on) => this.setColorByGrad(on),
      onLevel: (l) => this.setLevel(l), ...handlers };
    this._seq = 0; // bumped by every layout request and by destroy, so a stale layout is dropped
    this._ready = false;
    /** @type {Graph | null} */ this._graph = null; // the newest graph
    /** @type {Graph | null} */ this._drawn = null; // the graph of the drawing (differs while a new one lays out)
    /** @type {import('./neuron-graph.js').NeuronGraph | null} */ this._neurons = null;
    /** @type {Set<number>} compact nodes shown expanded */ this._expanded = new Set();
    /** @type {Level} */ this._level = 'ops';
    /** @type {Level | null} the learner's choice, kept while it fits */ this._chosen = null;
    /** @type {Scene | null} */ this._scene = null;
    /** @type {Layout | null} */ this._layout = null;
    /** @type {Float64Array | null} */ this._values = null; // as given to setValues
    /** @type {Float64Array | null} */ this._current = null; // what is shown (values, or the nodes' own)
    /** @type {{ data: ArrayLike<number> | null, grad: ArrayLike<number> | null }} */ this._pending = { data: null, grad: null };
    /** @type {Map<string, number[]>} */ this._marks = new Map();
    /** @type {Map<number, number>} parameter -> op index */ this._paramNode = new Map();
    this._colorByGrad = false;
    /** @type {number | null} */ this._param = null;
    /** @type {number | null} */ this._pinned = null;
    /** @type {number | null} the box whose tooltip shows while hovered */ this._hovered = null;
    /** @type {number | null} the box under the pointer, as last reported */ this._pointed = null;
    /** @type {number | null} */ this._tipIndex = null;
    /** @type {Element[]} */ this._highlighted = [];
    root.classList.add('gv');
    this._bar = new Toolbar(root, { onFit: () => this.fit(), onColor: () => this.handlers.onColorByGrad?.(!this._colorByGrad), onLevel: (l) => this.handlers.onLevel?.(l) });
    this._stage = root.appendChild(document.createElement('div'));
    this._stage.className = 'gv-stage';
    this._vp = new Viewport(this._stage, {
      onZoom: () => { this._placeTip(); this._placeCallouts(); },
      onResize: () => { if (this._layout && !this._vp.userMoved) this.autoView(); },
    });
    this._drawing = new SceneDrawing(this._vp.g, this._vp.markerId);
    this._tip = new NodeTooltip(this._stage);
    /** notes beside a node: the walk's current rule, the pinned node's gradient check */
    this._callouts = { walk: new NodeCallout(this._stage, 'walk'), check: new NodeCallout(this._stage, 'check', 'above') }; // the pinned tooltip goes below
    this._onKey = (/** @type {KeyboardEvent} */ e) => { if (e.key === 'Escape' && this._pinned != null) this.handlers.onPinNode?.(null); };
    window.addEventListener('keydown', this._onKey);
    this._bindEvents();
  }

  /** true once the first layout is drawn */
  get ready() { return this._ready; }
  /** the D3 zoom behaviour and the SVG it drives (for tests and diagnostics) */
  get _zoom() { return this._vp.zoom; }
  get _svg() { return this._vp.svg; }
  /** the level shown (or being laid out): 'ops' or 'neurons' */
  get level() { return this._level; }

  /** New structure: picks the level (the one asked for, or chosen before, when it fits; else ops up to OPS_AUTO_MAX
   *  values, then neurons), lays out in the worker and draws. @param {Graph} graph @param {Level} [level]
   *  @returns {Promise<void>} */
  async setGraph(graph, level) {
    if (level) this._chosen = level;
    this._pinned = this._hovered = null; // node indices of the old graph mean nothing in the new one
    this._graph = graph;
    this._values = null;
    this._neurons = neuronGraph(graph);
    this._expanded = new Set();
    this._paramNode = new Map();
    graph.nodes.forEach((n, i) => { if (n.param != null) this._paramNode.set(n.param, i); });
    const N = graph.nodes.length, fits = (/** @type {Level | null} */ l) => (l === 'ops' ? N <= MAX_VALUE_NODES : l === 'neurons' && !!this._neurons);
    this._level = fits(this._chosen) ? /** @type {Level} */ (this._chosen) : N > OPS_AUTO_MAX && this._neurons ? 'neurons' : 'ops';
    await this._relayout({ fresh: true });
  }

  /** Switches between the op-level and the neuron-level drawing (the toolbar toggle). @param {Level} level */
  async setLevel(level) {
    const N = this._graph?.nodes.length ?? 0;
    if ((level === 'neurons' && this._graph && !this._neurons) || (level === 'ops' && N > MAX_VALUE_NODES)) return;
    this._chosen = level;
    if (level === this._level) return;
    this._level = level;
    this._vp.userMoved = false;
    if (this._graph) await this._relayout({ fresh: true });
    else this._updateLevelButtons();
  }

  /** Neuron level: expands the box holding op node i into its op-level subgraph in place, or collapses it.
   *  @param {number} i @param {{ focus?: boolean }} [options]  focus: focus its frame header or box afterwards */
  async toggleExpanded(i, { focus = false } = {}) {
    const k = this._neurons?.owner[i] ?? -1;
    if (this._level !== 'neurons' || k < 0 || /** @type {any} */ (this._neurons).nodes[k].members.length < 2) return;
    if (!this._expanded.delete(k)) this._expanded.add(k);
    const anchor = /** @type {any} */ (this._neurons).nodes[k].index;
    if (await this._relayout({ anchor }) && focus) this._drawing.focusable(anchor)?.focus();
  }

  /** Live values (data of node i at [i], grad at [N+i]): updates texts/colours only. @param {Float64Array} values */
  setValues(values) {
    this._values = values;
    this._applyValues();
  }

  /** Highlights the box of parameter p (at neuron level: its neuron's); null clears. @param {number | null} p */
  highlightParam(p) {
    this._param = p;
    for (const e of this._highlighted) e.classList.remove('gv-highlight');
    const i = p != null ? this._paramNode.get(p) : undefined, j = i != null && this._scene ? this._scene.shownOf[i] : -1;
    const box = j >= 0 ? this._drawing.box(j) : undefined;
    this._highlighted = box ? [this._drawing.els[j]] : [];
    for (const e of this._highlighted) e.classList.add('gv-highlight');
    if (this._layout) this._vp.minimap.setMarks(box ? [box] : []);
  }

  /** Colours the box nodes by grad sign and magnitude. @param {boolean} on */
  setColorByGrad(on) {
    this._colorByGrad = !!on;
    this._bar.setColor(this._colorByGrad);
    this.root.classList.toggle('gv-colored', this._colorByGrad);
    if (this._colorByGrad) this._applyValues();
    else this._drawing.clearFills();
  }

  /** Shows 'data: …' / 'grad: pending' for nodes whose mask entry is 1 (a walk through the passes); null: none.
   *  @param {ArrayLike<number> | null} data @param {ArrayLike<number> | null} grad */
  setPending(data, grad) {
    if (data === this._pending.data && grad === this._pending.grad) return;
    this._pending = { data, grad };
    this._applyValues();
  }

  /** Puts CSS class `cls` on exactly the boxes showing the op nodes in `indices` (e.g. 'gv-current', 'gv-bad');
   *  at neuron level a node inside a collapsed box marks that box. @param {string} cls @param {number[]} indices */
  mark(cls, indices) {
    this._marks.set(cls, [...indices]);
    const shownOf = this._scene?.shownOf, want = new Set();
    for (const i of indices) if (shownOf && shownOf[i] >= 0) want.add(shownOf[i]);
    for (const j of this._drawing.shown) this._drawing.els[j].classList.toggle(cls, want.has(j));
  }

  /** Pans (keeping the zoom) so the box showing op node i is in view (its centre at least `margin` px inside).
   *  @param {number} i @param {number} [margin] */
  reveal(i, margin) {
    const j = this._scene?.shownOf[i] ?? -1, b = j >= 0 ? this._drawing.box(j) : undefined;
    if (b) this._vp.reveal(b, margin);
  }

  /** Pans so the box of parameter p (at neuron level its neuron's) is in view, unless it is. @param {number} p */
  revealParam(p) {
    const i = this._paramNode.get(p);
    if (i != null) this.reveal(i, 0);
  }

  /** Shows `text` in a note beside the box of op node i ('walk': the walk's rule; 'check': a gradient check), or hides
   *  it (i null or text ''). @param {'walk' | 'check'} kind @param {number | null} i @param {string} text @param {string} [tone] */
  callout(kind, i, text, tone) {
    this._callouts[kind].set(i, text, tone);
    this._placeCallouts();
  }

  /** The first view: the whole graph when its numbers stay readable, else readable numbers around the loss. */
  autoView() { this._vp.autoView(this._drawing.box(this._scene?.shownOf[0] ?? 0)); }

  /** Zooms and pans so the whole graph fits the stage. */
  fit() { this._vp.fit(); }

  destroy() {
    this._seq++;
    cancelLayouts(this);
    this._vp.destroy();
    window.removeEventListener('keydown', this._onKey);
    this._drawing.clear();
    this._layout = this._scene = null;
    this._ready = false;
    this.root.replaceChildren();
    this.root.classList.remove('gv', 'gv-colored');
  }

  // ---- internals ----

  /** Lays out what the level shows (the old drawing stays, values updating, until the new one is ready); true once drawn.
   *  @param {{ fresh?: boolean, anchor?: number }} how  fresh: a new picture (auto view); anchor: the op index of a box
   *  being expanded or collapsed, whose top-right corner (box or frame) stays in place on screen */
  async _relayout({ fresh = false, anchor }) {
    const seq = ++this._seq, graph = /** @type {Graph} */ (this._graph), N = graph.nodes.length;
    this._updateLevelButtons();
    if (this._level === 'ops' && N > MAX_VALUE_NODES) {
      this._drawEmpty(`Graph too large for op-level view (${N} values, the limit is ${MAX_VALUE_NODES}).`);
      return false;
    }
    const scene = this._level === 'ops' ? opScene(graph) : neuronScene(graph, /** @type {any} */ (this._neurons), this._expanded);
    this._bar.status.textContent = 'Laying out…';
    this._stage.classList.toggle('gv-stale', !!this._layout && this._drawn !== graph);
    if (!this._layout || this._drawn !== graph) this._vp.message('Laying out the graph…');
    /** @type {Layout} */ let layout;
    try {
      layout = await layoutScene(scene.dot, graph, this);
    } catch (err) {
      if (seq === this._seq && !isSuperseded(err)) this._drawEmpty(`Layout failed: ${/** @type {Error} */ (err).message}`);
      return false;
    }
    if (seq !== this._seq) return false; // a newer request (or destroy) came meanwhile
    const old = anchor != null ? this._corner(anchor) : undefined, t = this._vp.transform;
    this._draw(graph, scene, layout);
    const now = anchor != null ? this._corner(anchor) : undefined;
    if (old && now) this._vp.keepInPlace(old, now, t, this._drawing.frames[/** @type {number} */ (anchor)]);
    else if (fresh && (!this._ready || !this._vp.userMoved)) this.autoView();
    this._ready = true;
    return true;
  }

  /** The top-right corner of what shows op index i: its frame when expanded, else its box. @param {number} i */
  _corner(i) {
    const b = this._drawing.frames[i] ?? this._drawing.box(i);
    return b && { x: b.x + b.w / 2, y: b.y - b.h / 2 };
  }

  /** @param {Graph} graph @param {Scene} scene @param {Layout} layout */
  _draw(graph, scene, layout) {
    this._drawn = graph;
    this._scene = scene;
    this._layout = layout;
    this._drawing.draw(graph, scene, layout);
    this._stage.classList.remove('gv-stale');
    this._vp.message(null);
    this._vp.setLayout(layout, graph.nodes);
    if (this._hovered != null && !this._drawing.box(this._hovered)) this._hovered = null;
    if (this._pinned != null) this._drawing.els[this._pinned]?.classList.add('gv-pinned');
    this._applyValues();
    this._showTip(this._hovered ?? this._pinned);
    this._placeCallouts();
    for (const [cls, idx] of this._marks) this.mark(cls, idx);
    this.highlightParam(this._param);
    const { label, status } = describeScene(graph, scene, this._neurons, layout);
    this._vp.svg.attr('aria-label', label);
    this._bar.status.textContent = status;
  }

  /** @param {string} text */
  _drawEmpty(text) {
    this._drawing.remove();
    this._layout = this._scene = null;
    this._drawn = null;
    this._stage.classList.remove('gv-stale');
    this._vp.clear();
    this._bar.status.textContent = '';
    this._vp.svg.attr('aria-label', text);
    this._vp.message(text);
  }

  _updateLevelButtons() {
    const N = this._graph?.nodes.length ?? 0;
    this._bar.setLevel(this._level, N > MAX_VALUE_NODES ? `Too many values for the op level (${N}, the limit is ${MAX_VALUE_NODES})` : null,
      !this._graph || !!this._neurons);
  }

  /** Values into the drawing (only when it shows the newest graph: values of a new graph wait for its layout). */
  _applyValues() {
    const graph = this._drawn;
    if (!graph || !this._layout || graph !== this._graph) return;
    const N = graph.nodes.length;
    let v = this._values;
    if (!v || v.length < 2 * N) {
      const own = (v = new Float64Array(2 * N));
      graph.nodes.forEach((n, i) => { own[i] = n.data; own[N + i] = n.grad; });
    }
    this._drawing.apply(v, N, { pendingData: this._pending.data, pendingGrad: this._pending.grad, colorByGrad: this._colorByGrad });
    this._current = v;
    if (!this._tip.el.hidden) this._fillTip();
  }

  _bindEvents() {
    const svg = /** @type {SVGSVGElement} */ (this._vp.svg.node());
    const boxOf = (/** @type {Event} */ e) => /** @type {Element} */ (e.target).closest('.gv-value, .gv-frame-head');
    const index = (/** @type {Element | null} */ g) => (g ? Number((g.closest('[data-index]') ?? g).getAttribute('data-index')) : null);
    const activate = (/** @type {Element} */ g, byKey = false) => { // a box or a frame's header: expand/collapse, or pin
      const i = /** @type {number} */ (index(g));
      const expandable = g.classList.contains('gv-frame-head') || (this._scene?.boxes.get(i)?.members.length ?? 0) > 1;
      if (expandable) this.toggleExpanded(i, { focus: byKey });
      else this.handlers.onPinNode?.(this._pinned === i ? null : i);
    };
    svg.addEventListener('mouseover', (e) => {
      const g = boxOf(e);
      const i = g?.classList.contains('gv-value') ? index(g) : null;
      if (i != null && i !== this._pointed) this._point(i);
    });
    svg.addEventListener('mouseout', (e) => {
      const g = boxOf(e);
      if (g?.classList.contains('gv-value') && !(e.relatedTarget instanceof Node && g.contains(e.relatedTarget))) this._point(null);
    });
    svg.addEventListener('click', (e) => {
      const g = boxOf(e);
      if (g) { e.stopPropagation(); activate(g); } else if (this._pinned != null) this.handlers.onPinNode?.(null);
    });
    svg.addEventListener('keydown', (e) => { // Enter or Space on a focused box or frame header
      const g = boxOf(e);
      if (g && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); activate(g, true); }
    });
  }

  /** The pointer entered box i (null: left it): reported as the hovered node and, for a parameter, the hovered
   *  parameter. @param {number | null} i */
  _point(i) {
    const nodes = this._drawn?.nodes ?? [];
    const before = this._pointed != null ? nodes[this._pointed]?.param : null;
    this._pointed = i;
    const now = i != null ? nodes[i]?.param : null;
    if (now != null) this.handlers.onHoverParam?.(now);
    else if (before != null) this.handlers.onHoverParam?.(null);
    this.handlers.onHoverNode?.(i);
  }

  /** Shows the tooltip of box i while it is hovered (null: none). @param {number | null} i */
  setHover(i) {
    if (i === this._hovered) return;
    this._hovered = i;
    this._showTip(i ?? this._pinned);
  }

  /** Pins the tooltip and selection on box i; null unpins. @param {number | null} i */
  setPinned(i) {
    if (i === this._pinned) return;
    if (this._pinned != null) this._drawing.els[this._pinned]?.classList.remove('gv-pinned');
    this._pinned = i;
    if (i != null) this._drawing.els[i]?.classList.add('gv-pinned');
    this._showTip(this._hovered ?? i);
  }

  /** @param {number | null} i  the box whose tooltip shows (null hides it) */
  _showTip(i) {
    this._tipIndex = i;
    this._tip.el.hidden = i == null || !this._layout || !this._drawing.box(i);
    if (this._tip.el.hidden) return;
    this._fillTip();
    this._placeTip();
  }

  _fillTip() {
    const i = /** @type {number} */ (this._tipIndex), v = /** @type {Float64Array} */ (this._current);
    const nodes = /** @type {Graph} */ (this._drawn).nodes, N = nodes.length, c = this._scene?.boxes.get(i);
    this._tip.fill(nodes[i], i, v[i], v[N + i], i === this._pinned, c && { title: c.title, box: boxNote(c, v) });
  }

  _placeCallouts() {
    for (const c of Object.values(this._callouts)) {
      const j = c.node != null && this._scene ? this._scene.shownOf[c.node] : -1;
      c.place(j >= 0 ? this._drawing.box(j) : undefined, this._vp.transform, this._vp.w, this._vp.h);
    }
  }

  _placeTip() {
    const b = this._tipIndex != null ? this._drawing.box(this._tipIndex) : undefined;
    if (b && !this._tip.el.hidden) this._tip.place(b, this._vp.transform, this._vp.w, this._vp.h);
  }
}
