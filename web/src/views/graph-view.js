// Graph view: the traced point's op-level computational graph (Graphviz dot layout, D3 drawing) with live values.
import { select, zoom, zoomIdentity } from 'd3';
import './graph-view.css';
import { layoutGraph, fmt4, gradFill, MAX_VALUE_NODES } from './graph-layout.js';
import { Minimap, NodeTooltip } from './graph-minimap.js';

/** @typedef {import('../engine').Graph} Graph */
/** @typedef {import('./graph-layout.js').Layout} Layout */
/** @typedef {{ onHoverParam?: (p: number | null) => void, onPinNode?: (i: number | null) => void }} Handlers */

/** An HTML element with a class, text (as textContent) and attributes. */
function el(/** @type {string} */ tag, /** @type {string} */ cls, text = '', /** @type {Record<string, string>} */ attrs = {}) {
  const e = document.createElement(tag);
  e.className = cls;
  e.textContent = text;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}
let uid = 0;

export class GraphView {
  /** @param {HTMLElement} root  an empty element the view owns entirely @param {Handlers} [handlers] */
  constructor(root, handlers = {}) {
    this.root = root;
    this.handlers = handlers;
    this._gen = 0; // bumped by every setGraph/destroy, so a stale layout is dropped
    this._ready = false;
    /** @type {Graph | null} */ this._graph = null;
    /** @type {Float64Array | null} */ this._values = null; // as given to setValues
    /** @type {Float64Array | null} */ this._current = null; // what is shown (values, or the nodes' own)
    this._colorByGrad = false;
    /** @type {number | null} */ this._param = null;
    /** @type {number | null} */ this._pinned = null;
    /** @type {number | null} */ this._hovered = null;
    /** @type {number | null} */ this._tipIndex = null;
    this._userMoved = false;
    /** @type {Element[]} */ this._highlighted = [];
    this._clear();
    root.classList.add('gv');
    const bar = root.appendChild(el('div', 'gv-toolbar', '', { role: 'toolbar', 'aria-label': 'Graph view controls' }));
    const fit = bar.appendChild(el('button', 'gv-btn', 'Fit', { type: 'button', title: 'Fit the whole graph in view (key 0)' }));
    fit.addEventListener('click', () => this.fit());
    this._colorBtn = bar.appendChild(el('button', 'gv-btn', 'Colour by grad', { type: 'button', 'aria-pressed': 'false' }));
    this._colorBtn.addEventListener('click', () => this.setColorByGrad(!this._colorByGrad));
    bar.appendChild(el('span', 'gv-legend', '', { 'aria-hidden': 'true' }))
      .append(el('span', '', 'grad −'), el('span', 'gv-legend-bar'), el('span', '', '+'));
    this._status = bar.appendChild(el('span', 'gv-status', '', { 'aria-live': 'polite' }));
    this._stage = root.appendChild(el('div', 'gv-stage'));
    const svg = (this._svg = select(this._stage).append('svg').attr('class', 'gv-svg').attr('role', 'img')
      .attr('tabindex', 0).attr('aria-label', 'Computational graph (none yet)'));
    this._markerId = `gv-arrow-${++uid}`;
    svg.append('defs').append('marker').attr('id', this._markerId).attr('viewBox', '0 0 10 10')
      .attr('refX', 10).attr('refY', 5).attr('markerWidth', 7).attr('markerHeight', 7)
      .attr('markerUnits', 'userSpaceOnUse').attr('orient', 'auto')
      .append('path').attr('class', 'gv-arrow').attr('d', 'M0,1.5L10,5L0,8.5z');
    const viewport = svg.append('g').attr('class', 'gv-viewport');
    this._gEdges = viewport.append('g').attr('class', 'gv-edges');
    this._gOps = viewport.append('g').attr('class', 'gv-ops');
    this._gValues = viewport.append('g').attr('class', 'gv-values');
    this._transform = zoomIdentity;
    this._zoom = zoom().scaleExtent([0.02, 8]).on('zoom', (e) => {
      if (e.sourceEvent) this._userMoved = true;
      this._transform = e.transform;
      viewport.attr('transform', e.transform);
      this._minimap.update(e.transform, this._w, this._h);
      this._placeTip();
    });
    svg.call(/** @type {any} */ (this._zoom)).on('dblclick.zoom', null);
    this._minimap = new Minimap(this._stage, (x, y) => {
      this._userMoved = true;
      this._zoom.translateTo(/** @type {any} */ (svg), x, y);
    });
    this._tip = new NodeTooltip(this._stage);
    this._msg = this._stage.appendChild(el('div', 'gv-message'));
    this._msg.hidden = true;
    this._w = this._stage.clientWidth;
    this._h = this._stage.clientHeight;
    this._ro = new ResizeObserver(() => {
      this._w = this._stage.clientWidth;
      this._h = this._stage.clientHeight;
      if (this._ready && !this._userMoved) this.autoView();
      else this._minimap.update(this._transform, this._w, this._h);
    });
    this._ro.observe(this._stage);
    this._onKey = (/** @type {KeyboardEvent} */ e) => { if (e.key === 'Escape') this._setPin(null); };
    window.addEventListener('keydown', this._onKey);
    this._bindEvents();
  }

  /** true once the first layout is drawn */
  get ready() { return this._ready; }

  /** New structure: lays out (async, never twice for one call) and draws. @param {Graph} graph @returns {Promise<void>} */
  async setGraph(graph) {
    const gen = ++this._gen;
    this._setPin(null);
    this._hover(null);
    this._graph = graph;
    this._values = null;
    const N = graph.nodes.length;
    if (N > MAX_VALUE_NODES) {
      this._drawEmpty(`Graph too large for op-level view (${N} values, the limit is ${MAX_VALUE_NODES}).`);
      return;
    }
    this._status.textContent = 'Laying out…';
    if (!this._ready) this._showMessage('Laying out the graph…');
    // let the page paint (and stay interactive) before the synchronous Graphviz run
    await new Promise((r) => { requestAnimationFrame(() => setTimeout(r, 0)); setTimeout(r, 100); });
    if (gen !== this._gen) return;
    /** @type {Layout} */ let layout;
    try {
      layout = await layoutGraph(graph);
    } catch (err) {
      if (gen === this._gen) this._drawEmpty(`Layout failed: ${/** @type {Error} */ (err).message}`);
      return;
    }
    if (gen !== this._gen) return; // a newer graph (or destroy) came meanwhile
    this._draw(graph, layout);
    const ops = layout.ops.length;
    const params = graph.nodes.filter((n) => n.param != null).length;
    this._svg.attr('aria-label', `Computational graph of the traced point: ${N} values, ${ops} operations, ` +
      `${params} parameters, flowing left to right into the loss`);
    this._status.textContent = `${N} values · ${ops} ops`;
    this._showMessage(null);
    this._minimap.setLayout(layout, graph.nodes);
    if (!this._ready || !this._userMoved) this.autoView();
    this._ready = true;
    this.highlightParam(this._param);
  }

  /** Live values (data of node i at [i], grad at [N+i]): updates texts/colours only. @param {Float64Array} values */
  setValues(values) {
    this._values = values;
    if (this._layout) this._applyValues();
  }

  /** Highlights the node(s) of parameter p; null clears. @param {number | null} p */
  highlightParam(p) {
    this._param = p;
    for (const e of this._highlighted) e.classList.remove('gv-highlight');
    const idx = (p != null && this._byParam.get(p)) || [];
    this._highlighted = idx.map((i) => this._valueEls[i]);
    for (const e of this._highlighted) e.classList.add('gv-highlight');
    const layout = this._layout;
    if (layout) this._minimap.setMarks(idx.map((i) => layout.values[i]));
  }

  /** Colours the box nodes by grad sign and magnitude. @param {boolean} on */
  setColorByGrad(on) {
    this._colorByGrad = !!on;
    this._colorBtn.setAttribute('aria-pressed', String(this._colorByGrad));
    this.root.classList.toggle('gv-colored', this._colorByGrad);
    if (this._colorByGrad) { if (this._layout) this._applyValues(); return; }
    this._rects.forEach((r, i) => { r.style.fill = ''; this._fills[i] = ''; });
  }

  /** The first view: the whole graph when its numbers stay readable, else readable numbers around the loss
   *  (the right end, where backprop starts), with the minimap for the rest. */
  autoView() {
    if (!this._layout || !this._w || !this._h) return;
    const { width, height } = this._layout;
    if (Math.min((this._w - 24) / width, (this._h - 24) / height) >= 0.6) { this.fit(); return; }
    const k = 0.85, loss = this._layout.values.find((b) => b.i === 0);
    const x = Math.min(this._w - 24 - loss.x * k - loss.w * k / 2, 12);
    this._zoom.transform(/** @type {any} */ (this._svg), zoomIdentity.translate(x, this._h / 2 - loss.y * k).scale(k));
    this._userMoved = false;
  }

  /** Zooms and pans so the whole graph fits the stage. */
  fit() {
    if (!this._layout || !this._w || !this._h) return;
    const { width, height } = this._layout;
    const k = Math.min((this._w - 24) / width, (this._h - 24) / height, 1.5);
    this._zoom.transform(/** @type {any} */ (this._svg), zoomIdentity.translate((this._w - width * k) / 2, (this._h - height * k) / 2).scale(k));
    this._userMoved = false;
  }

  destroy() {
    this._gen++;
    this._ro.disconnect();
    window.removeEventListener('keydown', this._onKey);
    this._svg.on('.zoom', null);
    this._clear();
    this._ready = false;
    this.root.replaceChildren();
    this.root.classList.remove('gv', 'gv-colored');
  }

  // ---- internals ----

  _clear() {
    /** @type {Layout | null} */ this._layout = null;
    /** @type {Text[]} */ this._dataText = [];
    /** @type {Text[]} */ this._gradText = [];
    /** @type {string[]} */ this._shown = [];
    /** @type {SVGRectElement[]} */ this._rects = [];
    /** @type {string[]} */ this._fills = [];
    /** @type {SVGGElement[]} */ this._valueEls = [];
    /** @type {Map<number, number[]>} */ this._byParam = new Map();
    /** @type {Element[]} */ this._highlighted = [];
    /** @type {Map<string, number[]>} */ this._marks = this._marks ?? new Map();
  }

  /** @param {string} text */
  _drawEmpty(text) {
    this._clear();
    for (const g of [this._gEdges, this._gOps, this._gValues]) g.selectAll('*').remove();
    this._minimap.clear();
    this._status.textContent = '';
    this._svg.attr('aria-label', text);
    this._showMessage(text);
  }

  /** @param {string | null} text */
  _showMessage(text) {
    this._msg.hidden = text == null;
    this._msg.textContent = text ?? '';
  }

  /** Joins edges, op and value nodes (keyed by id/index) and collects the value text nodes. @param {Graph} graph @param {Layout} layout */
  _draw(graph, layout) {
    const nodes = graph.nodes;
    this._clear();
    this._layout = layout;
    const key = (/** @type {any} */ d) => d.i;
    const at = (/** @type {{ x: number, y: number }} */ d) => `translate(${d.x},${d.y})`;
    this._gEdges.selectAll('path').data(layout.edges, (/** @type {any} */ d) => d.id).join('path')
      .attr('class', (d) => (d.value ? 'gv-edge' : 'gv-edge gv-edge-op')).attr('d', (d) => d.d)
      .attr('marker-end', `url(#${this._markerId})`);
    const ops = this._gOps.selectAll('g.gv-op').data(layout.ops, key).join((enter) => {
      const g = enter.append('g').attr('class', 'gv-op');
      g.append('ellipse');
      g.append('text').attr('dy', '0.35em');
      return g;
    }).attr('transform', at);
    ops.select('ellipse').attr('rx', (d) => d.w / 2).attr('ry', (d) => d.h / 2);
    ops.select('text').text((d) => d.op);
    const vals = this._gValues.selectAll('g.gv-value').data(layout.values, key).join((enter) => {
      const g = enter.append('g').attr('class', 'gv-value');
      g.append('rect').attr('rx', 3);
      g.append('text').attr('class', 'gv-data').text(' ');
      g.append('text').attr('class', 'gv-grad').text(' ');
      return g;
    }).attr('transform', at).attr('data-index', (d) => d.i)
      .classed('gv-param', (d) => nodes[d.i].param != null).classed('gv-input', (d) => nodes[d.i].input);
    vals.select('rect').attr('x', (d) => -d.w / 2).attr('y', (d) => -d.h / 2).attr('width', (d) => d.w).attr('height', (d) => d.h);
    vals.select('.gv-data').attr('x', (d) => -d.w / 2 + 6).attr('y', -1.5);
    vals.select('.gv-grad').attr('x', (d) => -d.w / 2 + 6).attr('y', 9.5);
    vals.each((d, k, els) => {
      const g = /** @type {SVGGElement} */ (els[k]);
      this._valueEls[d.i] = g;
      this._rects[d.i] = /** @type {SVGRectElement} */ (g.children[0]);
      this._dataText[d.i] = /** @type {Text} */ (g.children[1].firstChild);
      this._gradText[d.i] = /** @type {Text} */ (g.children[2].firstChild);
      const p = nodes[d.i].param;
      if (p != null) this._byParam.set(p, [...(this._byParam.get(p) ?? []), d.i]);
    });
    this._applyValues();
    for (const [cls, idx] of this._marks) this.mark(cls, idx);
  }

  /** The hot path: formats every value and assigns only the strings/fills that changed. */
  _applyValues() {
    const N = this._dataText.length;
    let v = this._values;
    if (!v || v.length < 2 * N) {
      const own = (v = new Float64Array(2 * N));
      /** @type {Graph} */ (this._graph).nodes.forEach((n, i) => { own[i] = n.data; own[N + i] = n.grad; });
    }
    const shown = this._shown, pd = this._pendingData, pg = this._pendingGrad;
    for (let i = 0; i < N; i++) {
      const ds = pd && pd[i] ? 'data: …' : 'data: ' + fmt4(v[i]);
      if (ds !== shown[i]) this._dataText[i].nodeValue = shown[i] = ds;
      const gs = pg && pg[i] ? 'grad: pending' : 'grad: ' + fmt4(v[N + i]);
      if (gs !== shown[N + i]) this._gradText[i].nodeValue = shown[N + i] = gs;
      if (this._colorByGrad) {
        const f = gradFill(v[N + i]);
        if (f !== this._fills[i]) this._rects[i].style.fill = this._fills[i] = f;
      }
    }
    this._current = v;
    if (!this._tip.el.hidden) this._fillTip();
  }

  /** Shows 'data: …' / 'grad: pending' for nodes whose mask entry is 1 (a walk through the passes); null: none. */
  setPending(data, grad) {
    this._pendingData = data;
    this._pendingGrad = grad;
    if (this._layout) this._applyValues();
  }

  /** Puts CSS class `cls` on exactly the value nodes in `indices` (e.g. 'gv-current', 'gv-bad'). */
  mark(cls, indices) {
    const want = new Set(indices);
    this._marks.set(cls, [...want]);
    this._valueEls.forEach((g, i) => { if (g) g.classList.toggle(cls, want.has(i)); });
  }

  /** Pans (keeping the zoom) so value node i is in view. */
  reveal(i) {
    const b = this._layout?.values.find((v) => v.i === i);
    if (!b) return;
    const t = this._transform, x = t.applyX(b.x), y = t.applyY(b.y);
    if (x > 40 && x < this._w - 40 && y > 40 && y < this._h - 40) return;
    this._zoom.translateTo(/** @type {any} */ (this._svg), b.x, b.y);
  }

  _bindEvents() {
    const values = /** @type {SVGGElement} */ (this._gValues.node()), svg = /** @type {SVGSVGElement} */ (this._svg.node());
    const nodeOf = (/** @type {Event} */ e) => /** @type {Element} */ (e.target).closest('.gv-value');
    const index = (/** @type {Element | null} */ g) => (g ? Number(g.getAttribute('data-index')) : null);
    values.addEventListener('mouseover', (e) => {
      const i = index(nodeOf(e));
      if (i != null && i !== this._hovered) this._hover(i);
    });
    values.addEventListener('mouseout', (e) => {
      const g = nodeOf(e);
      if (g && !(e.relatedTarget instanceof Node && g.contains(e.relatedTarget))) this._hover(null);
    });
    values.addEventListener('click', (e) => {
      const i = index(nodeOf(e));
      if (i == null) return;
      e.stopPropagation();
      this._setPin(this._pinned === i ? null : i);
    });
    svg.addEventListener('click', () => this._setPin(null));
    svg.addEventListener('keydown', (e) => { // keyboard pan/zoom for the focused graph
      const z = this._zoom, s = /** @type {any} */ (this._svg), d = 60 / this._transform.k;
      /** @type {Record<string, () => void>} */
      const keys = { ArrowLeft: () => z.translateBy(s, d, 0), ArrowRight: () => z.translateBy(s, -d, 0),
        ArrowUp: () => z.translateBy(s, 0, d), ArrowDown: () => z.translateBy(s, 0, -d),
        '+': () => z.scaleBy(s, 1.25), '=': () => z.scaleBy(s, 1.25), '-': () => z.scaleBy(s, 0.8), 0: () => this.fit() };
      if (!keys[e.key]) return;
      e.preventDefault();
      keys[e.key]();
      if (e.key !== '0') this._userMoved = true;
    });
  }

  /** @param {number | null} i  the hovered value node */
  _hover(i) {
    const nodes = this._graph?.nodes ?? [];
    const before = this._hovered != null ? nodes[this._hovered]?.param : null;
    this._hovered = i;
    const now = i != null ? nodes[i]?.param : null;
    if (now != null) this.handlers.onHoverParam?.(now);
    else if (before != null) this.handlers.onHoverParam?.(null);
    this.handlers.onHoverNode?.(i);
    this._showTip(i ?? this._pinned);
  }

  /** Pins the tooltip and selection on value node i; null unpins. Reports to onPinNode. @param {number | null} i */
  _setPin(i) {
    if (i === this._pinned) return;
    if (this._pinned != null) this._valueEls[this._pinned]?.classList.remove('gv-pinned');
    this._pinned = i;
    if (i != null) this._valueEls[i]?.classList.add('gv-pinned');
    this._showTip(i ?? this._hovered);
    this.handlers.onPinNode?.(i);
  }

  /** @param {number | null} i  the node whose tooltip shows (null hides it) */
  _showTip(i) {
    this._tipIndex = i;
    this._tip.el.hidden = i == null || !this._layout;
    if (i == null || !this._layout) return;
    this._fillTip();
    this._placeTip();
  }

  _fillTip() {
    const i = /** @type {number} */ (this._tipIndex), v = /** @type {Float64Array} */ (this._current);
    this._tip.fill(/** @type {Graph} */ (this._graph).nodes[i], i, v[i], v[this._dataText.length + i], i === this._pinned);
  }

  _placeTip() {
    if (this._tipIndex != null && this._layout && !this._tip.el.hidden) {
      this._tip.place(this._layout.values[this._tipIndex], this._transform, this._w, this._h);
    }
  }
}
