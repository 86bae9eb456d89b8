// Browser tests of the graph view: Graphviz layout drawn by D3, live values without re-layout, hover/pin, colouring.
import { describe, it, expect, beforeAll, afterEach } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { loadEngine } from '../../web/src/engine.js';
import { GraphView } from '../../web/src/views/graph-view.js';
import { layoutStats, MAX_VALUE_NODES } from '../../web/src/views/graph-layout.js';
import { buildDot } from '../../web/src/views/graph-dot.js';
import { fmt4, fmtBox } from '../../web/src/views/format.js';
import '../../web/src/views/graph-view.css';

/** @type {any} */ let engine;
/** @type {any} */ let trainer;
/** @type {HTMLElement[]} */ const roots = [];
/** @type {GraphView[]} */ const views = [];

function mount(handlers = {}) {
  const root = document.createElement('div');
  root.style.cssText = 'width: 1100px; height: 520px;';
  document.body.appendChild(root);
  roots.push(root);
  const view = new GraphView(root, handlers);
  views.push(view);
  return { root, view };
}
const texts = (/** @type {HTMLElement} */ root, /** @type {string} */ cls) => {
  /** @type {string[]} */ const out = [];
  for (const g of root.querySelectorAll('g.gv-value')) out[Number(g.getAttribute('data-index'))] = g.querySelector(cls).textContent;
  return out;
};
const valueEl = (/** @type {HTMLElement} */ root, /** @type {number} */ i) => root.querySelector(`g.gv-value[data-index="${i}"]`);

beforeAll(async () => {
  await page.viewport(1280, 800);
  engine = await loadEngine();
  trainer = new engine.Trainer();
  trainer.steps(5);
});
afterEach(() => {
  views.splice(0).forEach((v) => v.destroy());
  roots.splice(0).forEach((r) => r.remove());
});

describe('fmt4', () => {
  it("matches Python's '%.4f' (half-even ties, negative zero, nan/inf)", () => {
    const cases = [[0.03125, '0.0312'], [-0.03125, '-0.0312'], [0.09375, '0.0938'], [1.00005, '1.0001'], [-0, '-0.0000'],
      [-2.5e-5, '-0.0000'], [123.45675, '123.4567'], [7.00025, '7.0003'], [NaN, 'nan'], [-Infinity, '-inf'], [1, '1.0000']];
    for (const [x, s] of cases) expect(fmt4(/** @type {number} */ (x))).toBe(s);
  });
});

describe('fmtBox', () => {
  it("writes '%.4f' below 1e4 in magnitude and compact exponents from there, never more than 10 characters", () => {
    const cases = [[0.5, '0.5000'], [-9999.99994, '-9999.9999'], [12345.678, '1.23e+4'], [6.76e127, '6.76e+127'],
      [-6.76e127, '-6.76e+127'], [1e300, '1.00e+300'], [NaN, 'nan'], [Infinity, 'inf'], [-Infinity, '-inf'], [-0, '-0.0000']];
    for (const [x, s] of cases) expect(fmtBox(/** @type {number} */ (x))).toBe(s);
    for (const [x] of cases) expect(fmtBox(/** @type {number} */ (x)).length).toBeLessThanOrEqual(10);
  });
});

describe('GraphView', () => {
  it('names every op-level box (the engine\'s names) and fits diverged numbers in their boxes', async () => {
    const g = trainer.graph(0, 0, 0), N = g.nodes.length;
    const { root, view } = mount();
    await view.setGraph(g);
    expect(texts(root, '.gv-name')).toEqual(g.nodes.map((/** @type {any} */ n) => n.name));
    const huge = new Float64Array(2 * N).map((_, i) => (i % 3 === 0 ? -6.76e127 : i % 3 === 1 ? NaN : -Infinity));
    view.setValues(huge);
    expect(texts(root, '.gv-data')[0]).toBe('data: -6.76e+127');
    for (const el of root.querySelectorAll('g.gv-value')) {
      const rect = /** @type {SVGRectElement} */ (el.querySelector('rect')).getBBox();
      for (const t of el.querySelectorAll('text')) {
        const b = /** @type {SVGTextElement} */ (t).getBBox();
        expect(b.x).toBeGreaterThanOrEqual(rect.x);
        expect(b.x + b.width).toBeLessThanOrEqual(rect.x + rect.width + 0.5);
        expect(b.y).toBeGreaterThanOrEqual(rect.y - 0.5);
        expect(b.y + b.height).toBeLessThanOrEqual(rect.y + rect.height + 0.5);
      }
    }
  });


  it('lays out the default graph once and draws every value, op and edge', async () => {
    const g = trainer.graph(0, 0, 0);
    const nOps = g.nodes.filter((/** @type {any} */ n) => n.op).length;
    expect(g.nodes.length).toBe(157);
    expect(g.edges.length).toBe(187);
    const { root, view } = mount();
    expect(view.ready).toBe(false);
    const runs = layoutStats.runs;
    const t0 = performance.now();
    const done = view.setGraph(g);
    expect(view.ready).toBe(false); // async: nothing drawn synchronously
    await done;
    console.log(`graph view: setGraph of the default graph took ${(performance.now() - t0).toFixed(1)} ms ` +
      `(Graphviz load + layout), of which dot layout ${layoutStats.lastMs.toFixed(1)} ms`);
    expect(view.ready).toBe(true);
    expect(layoutStats.runs).toBe(runs + 1);
    expect(root.querySelectorAll('svg.gv-svg g.gv-value').length).toBe(157);
    expect(root.querySelectorAll('svg.gv-svg g.gv-op').length).toBe(nOps);
    expect(nOps).toBe(100);
    expect(root.querySelectorAll('svg.gv-svg path.gv-edge').length).toBe(187 + nOps);
    expect(root.querySelectorAll('svg.gv-svg path.gv-edge:not(.gv-edge-op)').length).toBe(187);
    // op texts, fills by kind
    const opTexts = [...root.querySelectorAll('g.gv-op text')].map((t) => t.textContent).sort();
    expect(opTexts).toEqual(g.nodes.filter((/** @type {any} */ n) => n.op).map((/** @type {any} */ n) => n.op).sort());
    expect(root.querySelectorAll('g.gv-value.gv-param').length).toBe(51);
    const inputs = [...root.querySelectorAll('g.gv-value.gv-input')].map((e) => Number(e.getAttribute('data-index')));
    expect(inputs.map((i) => g.nodes[i].name).sort()).toEqual(['x', 'y']);
    expect(getComputedStyle(/** @type {Element} */ (root.querySelector('g.gv-param rect'))).fill).toBe('rgb(200, 247, 197)');
    // edges go left to right into the loss: the loss (node 0) is the rightmost box
    const xs = [...root.querySelectorAll('g.gv-value')].map((e) => /** @type {SVGGElement} */ (e).transform.baseVal[0].matrix.e);
    expect(Math.max(...xs)).toBe(/** @type {SVGGElement} */ (valueEl(root, 0)).transform.baseVal[0].matrix.e);
    // accessibility and toolbar
    const svg = /** @type {SVGSVGElement} */ (root.querySelector('svg.gv-svg'));
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toMatch(/157 values, 100 operations/);
    const buttons = [...root.querySelectorAll('button')].map((b) => b.textContent);
    expect(buttons).toEqual(['Fit', 'Colour by grad', 'Ops', 'Neurons']);
    expect(root.querySelector('.gv-minimap')?.hidden).toBe(false);
    expect(root.querySelectorAll('.gv-minimap rect:not(.gv-mini-view)').length).toBe(157);
  });

  it('shows the engine values to 4 decimals', async () => {
    const g = trainer.graph(0, 0, 0);
    const { root, view } = mount();
    await view.setGraph(g);
    expect(texts(root, '.gv-data')).toEqual(g.nodes.map((/** @type {any} */ n) => `data: ${fmt4(n.data)}`));
    expect(texts(root, '.gv-grad')).toEqual(g.nodes.map((/** @type {any} */ n) => `grad: ${fmt4(n.grad)}`));
    expect(texts(root, '.gv-data')[0]).toBe(`data: ${g.nodes[0].data.toFixed(4)}`); // the loss, an ordinary value
    console.log(`graph view: a warm dot layout of the default graph took ${layoutStats.lastMs.toFixed(1)} ms`);
  });

  it('setValues updates texts in place without a new layout', async () => {
    const t = new engine.Trainer();
    t.steps(5);
    const { root, view } = mount();
    await view.setGraph(t.graph(0, 0, 0));
    const runs = layoutStats.runs;
    const transforms = [...root.querySelectorAll('g.gv-value')].map((e) => e.getAttribute('transform'));
    const dataNodes = [...root.querySelectorAll('g.gv-value .gv-data')].map((e) => e.firstChild);
    const before = texts(root, '.gv-data');
    t.step();
    const values = t.graphValues(0, 0, 0);
    view.setValues(values);
    const N = 157;
    const after = texts(root, '.gv-data');
    expect(after).toEqual(Array.from({ length: N }, (_, i) => `data: ${fmt4(values[i])}`));
    expect(texts(root, '.gv-grad')).toEqual(Array.from({ length: N }, (_, i) => `grad: ${fmt4(values[N + i])}`));
    expect(after).not.toEqual(before);
    expect(layoutStats.runs).toBe(runs);
    expect([...root.querySelectorAll('g.gv-value')].map((e) => e.getAttribute('transform'))).toEqual(transforms);
    // the very same text nodes were updated (no re-join)
    expect([...root.querySelectorAll('g.gv-value .gv-data')].map((e) => e.firstChild)).toEqual(dataNodes);
    // cost of the hot path, logged only (no timed assertion): alternate two value sets so every text changes
    const other = t.graphValues(0, 0, 0);
    t.step();
    const next = t.graphValues(0, 0, 0);
    const t0 = performance.now();
    for (let k = 0; k < 200; k++) view.setValues(k % 2 ? other : next);
    console.log(`graph view: setValues ${((performance.now() - t0) / 200).toFixed(3)} ms per call (157 nodes, all texts changing)`);
    expect(layoutStats.runs).toBe(runs);
    t.delete();
  });

  it('remembers values set before the layout finishes', async () => {
    const t = new engine.Trainer();
    const g = t.graph(0, 0, 0);
    t.steps(3);
    const values = t.graphValues(0, 0, 0);
    const { root, view } = mount();
    const done = view.setGraph(g);
    view.setValues(values);
    await done;
    expect(texts(root, '.gv-data')).toEqual(Array.from({ length: 157 }, (_, i) => `data: ${fmt4(values[i])}`));
    expect(texts(root, '.gv-data')).not.toEqual(g.nodes.map((/** @type {any} */ n) => `data: ${fmt4(n.data)}`));
    t.delete();
  });

  it('highlightParam marks exactly the node of that parameter', async () => {
    const g = trainer.graph(0, 0, 0);
    const { root, view } = mount();
    view.highlightParam(7); // before drawing: remembered
    await view.setGraph(g);
    const i7 = g.nodes.findIndex((/** @type {any} */ n) => n.param === 7);
    let marked = [...root.querySelectorAll('g.gv-value.gv-highlight')];
    expect(marked.map((e) => Number(e.getAttribute('data-index')))).toEqual([i7]);
    view.highlightParam(12);
    marked = [...root.querySelectorAll('g.gv-value.gv-highlight')];
    expect(marked.map((e) => Number(e.getAttribute('data-index')))).toEqual([g.nodes.findIndex((/** @type {any} */ n) => n.param === 12)]);
    expect(root.querySelectorAll('.gv-mini-marks circle').length).toBe(1);
    view.highlightParam(null);
    expect(root.querySelectorAll('g.gv-value.gv-highlight').length).toBe(0);
  });

  it('hover shows a full-precision tooltip and reports parameters; click pins, Escape unpins', async () => {
    const g = trainer.graph(0, 0, 0);
    /** @type {any[]} */ const hovered = [];
    /** @type {any[]} */ const pinned = [];
    // the view is controlled: it reports the pin and shows it once told (as the page's render does)
    const { root, view } = mount({ onHoverParam: (/** @type {any} */ p) => hovered.push(p),
      onPinNode: (/** @type {any} */ i) => { pinned.push(i); view.setPinned(i); } });
    await view.setGraph(g);
    const ip = g.nodes.findIndex((/** @type {any} */ n) => n.param === 3);
    const tip = /** @type {HTMLElement} */ (root.querySelector('.gv-tooltip'));
    expect(tip.hidden).toBe(true);
    const rect = /** @type {Element} */ (valueEl(root, ip)?.querySelector('rect'));
    rect.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    expect(tip.hidden).toBe(false);
    expect(tip.textContent).toContain(g.nodes[ip].name);
    expect(tip.textContent).toContain(String(g.nodes[ip].data));
    expect(tip.textContent).toContain(String(g.nodes[ip].grad));
    expect(String(g.nodes[ip].data).length).toBeGreaterThan(8); // really more than the 4 decimals of the box
    expect(/** @type {HTMLElement} */ (tip.querySelector('dd[data-row="param"]')).textContent).toBe('3');
    expect(hovered).toEqual([3]);
    rect.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, relatedTarget: root.querySelector('svg') }));
    expect(tip.hidden).toBe(true);
    expect(hovered).toEqual([3, null]);
    // a real pointer hover (Playwright) on a non-parameter node
    await view.setValues(trainer.graphValues(0, 0, 0));
    await userEvent.hover(/** @type {Element} */ (valueEl(root, 0)));
    expect(tip.hidden).toBe(false);
    expect(tip.textContent).toContain('loss');
    expect(hovered).toEqual([3, null]);
    // click pins, click on background unpins, Escape unpins
    await userEvent.click(/** @type {Element} */ (valueEl(root, 0)));
    expect(pinned).toEqual([0]);
    expect(valueEl(root, 0)?.classList.contains('gv-pinned')).toBe(true);
    await userEvent.unhover(/** @type {Element} */ (valueEl(root, 0)));
    expect(tip.hidden).toBe(false); // pinned stays
    await userEvent.keyboard('{Escape}');
    expect(pinned).toEqual([0, null]);
    expect(tip.hidden).toBe(true);
    (/** @type {any} */ (valueEl(root, ip))).dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(pinned).toEqual([0, null, ip]);
    root.querySelector('svg.gv-svg')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(pinned).toEqual([0, null, ip, null]);
    valueEl(root, ip)?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    valueEl(root, ip)?.dispatchEvent(new MouseEvent('click', { bubbles: true })); // click again unpins
    expect(pinned).toEqual([0, null, ip, null, ip, null]);
  });

  it('colour by grad changes the box fills by grad sign', async () => {
    const g = trainer.graph(0, 0, 0);
    const { root, view } = mount();
    await view.setGraph(g);
    const fill = (/** @type {number} */ i) => getComputedStyle(/** @type {Element} */ (valueEl(root, i)?.querySelector('rect'))).fill;
    const neg = g.nodes.findIndex((/** @type {any} */ n) => n.grad < -0.01 && n.param == null && !n.input);
    const pos = g.nodes.findIndex((/** @type {any} */ n) => n.grad > 0.01 && n.param == null && !n.input);
    const par = g.nodes.findIndex((/** @type {any} */ n) => n.param != null && Math.abs(n.grad) > 0.01);
    expect(fill(neg)).toBe('rgb(255, 255, 255)');
    expect(fill(par)).toBe('rgb(200, 247, 197)');
    const btn = /** @type {HTMLButtonElement} */ ([...root.querySelectorAll('button')].find((b) => b.textContent === 'Colour by grad'));
    await userEvent.click(btn);
    expect(btn.getAttribute('aria-pressed')).toBe('true');
    const rgb = (/** @type {string} */ s) => (s.match(/\d+/g) ?? []).map(Number);
    const [nr, , nb] = rgb(fill(neg));
    const [pr, , pb] = rgb(fill(pos));
    expect(nr).toBeGreaterThan(nb); // red for negative
    expect(pb).toBeGreaterThan(pr); // blue for positive
    expect(fill(par)).not.toBe('rgb(200, 247, 197)');
    view.setColorByGrad(false);
    expect(btn.getAttribute('aria-pressed')).toBe('false');
    expect(fill(neg)).toBe('rgb(255, 255, 255)');
    expect(fill(par)).toBe('rgb(200, 247, 197)');
  });

  it('Fit and the minimap move the view', async () => {
    const { root, view } = mount();
    await view.setGraph(trainer.graph(0, 0, 0));
    const vp = /** @type {SVGGElement} */ (root.querySelector('g.gv-viewport'));
    view.fit(); // the first view may be zoomed in around the loss (autoView)
    const fitted = vp.getAttribute('transform');
    expect(fitted).toMatch(/scale/);
    // the minimap shows only while part of the drawing is out of view
    expect(/** @type {HTMLElement} */ (root.querySelector('.gv-minimap')).hidden).toBe(true);
    view._zoom.scaleBy(view._svg, 3);
    expect(/** @type {HTMLElement} */ (root.querySelector('.gv-minimap')).hidden).toBe(false);
    const zoomed = vp.getAttribute('transform');
    const mini = /** @type {SVGSVGElement} */ (root.querySelector('.gv-minimap svg'));
    const r = mini.getBoundingClientRect();
    await userEvent.click(mini, { position: { x: 5, y: Math.round(r.height / 2) } }); // centre on the far left
    expect(vp.getAttribute('transform')).not.toBe(zoomed);
    const btn = /** @type {HTMLButtonElement} */ ([...root.querySelectorAll('button')].find((b) => b.textContent === 'Fit'));
    await userEvent.click(btn);
    expect(vp.getAttribute('transform')).toBe(fitted);
    expect(/** @type {HTMLElement} */ (root.querySelector('.gv-minimap')).hidden).toBe(true);
  });

  it('refuses to lay out a graph that is too large', async () => {
    const { root, view } = mount();
    const runs = layoutStats.runs;
    const n = MAX_VALUE_NODES + 1;
    const big = { nodes: Array.from({ length: n }, (_, i) => ({ op: '', data: i, grad: 0, param: null, input: false, name: `v${i}` })), edges: [] };
    await view.setGraph(big);
    expect(layoutStats.runs).toBe(runs);
    expect(view.ready).toBe(false);
    expect(root.querySelectorAll('g.gv-value').length).toBe(0);
    expect(root.querySelector('.gv-message')?.textContent).toMatch(/too large for op-level view/);
  });

  it('destroy drops a pending layout and empties the root', async () => {
    const { root, view } = mount();
    const done = view.setGraph(trainer.graph(0, 0, 0));
    view.destroy();
    await done;
    expect(root.childElementCount).toBe(0);
    expect(view.ready).toBe(false);
  });

  it('builds the DOT like draw_dot', () => {
    const g = trainer.graph(0, 0, 0);
    const dot = buildDot(g);
    expect(dot).toMatch(/rankdir=LR; nodesep=0\.1; ranksep=0\.4/);
    expect((dot.match(/shape=ellipse/g) ?? []).length).toBe(100);
    expect((dot.match(/->/g) ?? []).length).toBe(287);
  });

  it('looks like the reference (screenshots in /tmp)', async () => {
    const { root, view } = mount();
    const g = trainer.graph(0, 0, 0);
    await view.setGraph(g);
    view.highlightParam(5);
    await page.screenshot({ path: '/tmp/graph-view.png', element: root });
    // zoomed in near the loss, with a tooltip, then coloured by grad
    const v = /** @type {any} */ (view);
    const loss = /** @type {SVGGElement} */ (valueEl(root, 0)).transform.baseVal[0].matrix;
    v._zoom.scaleTo(v._svg, 1.3);
    v._zoom.translateTo(v._svg, loss.e - 330, loss.f);
    const ip = g.nodes.findIndex((/** @type {any} */ n) => n.name === 'logit[0]');
    valueEl(root, ip >= 0 ? ip : 5)?.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    await page.screenshot({ path: '/tmp/graph-view-zoom.png', element: root });
    view.setColorByGrad(true);
    v._zoom.scaleTo(v._svg, 0.8);
    v._zoom.translateTo(v._svg, 900, loss.f);
    await page.screenshot({ path: '/tmp/graph-view-colour.png', element: root });
    expect(root.querySelector('.gv-tooltip')?.hidden).toBe(false);
  });
});
