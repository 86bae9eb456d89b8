// Browser tests of the neuron-level graph view: level picked by size, values mapped from the op graph, expand/collapse, worker layout.
import { describe, it, expect, beforeAll, afterEach, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { loadEngine } from '../../web/src/engine.js';
import { GraphView } from '../../web/src/views/graph-view.js';
import { neuronGraph } from '../../web/src/views/neuron-graph.js';
import { layoutStats, OPS_AUTO_MAX, MAX_VALUE_NODES } from '../../web/src/views/graph-layout.js';
import { fmt4 } from '../../web/src/views/format.js';
import '../../web/src/views/graph-view.css';

/** @type {any} */ let engine;
/** @type {any} */ let big; // a trained 2-32-32-3 network
/** @type {HTMLElement[]} */ const roots = [];
/** @type {GraphView[]} */ const views = [];

function mount(handlers = {}, size = 'width: 1100px; height: 520px;') {
  const root = document.createElement('div');
  root.style.cssText = size;
  document.body.appendChild(root);
  roots.push(root);
  const view = new GraphView(root, handlers);
  views.push(view);
  return { root, view };
}
const boxes = (/** @type {HTMLElement} */ root) => [...root.querySelectorAll('g.gv-value')];
const idx = (/** @type {Element} */ e) => Number(e.getAttribute('data-index'));
const text = (/** @type {Element} */ e, /** @type {string} */ cls) => e.querySelector(cls)?.textContent;
const byName = (/** @type {any} */ g, /** @type {string} */ name) => g.nodes.findIndex((/** @type {any} */ n) => n.name === name);
const box = (/** @type {HTMLElement} */ root, /** @type {number} */ i) => /** @type {SVGGElement} */ (root.querySelector(`g.gv-value[data-index="${i}"]`));
const button = (/** @type {HTMLElement} */ root, /** @type {string} */ label) =>
  /** @type {HTMLButtonElement} */ ([...root.querySelectorAll('button')].find((b) => b.textContent === label));

beforeAll(async () => {
  await page.viewport(1280, 800);
  engine = await loadEngine();
  big = new engine.Trainer({ hidden: [32, 32] });
  const t0 = performance.now();
  big.steps(150);
  console.log(`trained 2-32-32-3 for 150 steps in ${(performance.now() - t0).toFixed(0)} ms (loss ${big.loss('train').toFixed(4)})`);
});
afterEach(() => {
  views.splice(0).forEach((v) => v.destroy());
  roots.splice(0).forEach((r) => r.remove());
});

describe('neuronGraph', () => {
  it('derives one box per input, neuron and logit, the softmax showing p[target], and the loss', () => {
    const t = new engine.Trainer();
    const g = t.graph(0.3, -0.2, 2);
    const ng = /** @type {any} */ (neuronGraph(g));
    expect(ng.nodes.map((/** @type {any} */ c) => c.name)).toEqual(['x', 'y', ...Array.from({ length: 8 }, (_, n) => `h[0][${n}]`),
      'logit[0]', 'logit[1]', 'logit[2]', 'p[2]', 'loss']);
    // every op node belongs to exactly one box, which shows one of its own members
    expect([...ng.owner].every((k) => k >= 0)).toBe(true);
    expect(ng.nodes.reduce((/** @type {number} */ s, /** @type {any} */ c) => s + c.members.length, 0)).toBe(g.nodes.length);
    for (const c of ng.nodes) expect(c.members).toContain(c.index);
    for (const c of ng.nodes) expect(g.nodes[c.index].name).toBe(c.name);
    expect(ng.nodes.find((/** @type {any} */ c) => c.kind === 'softmax').members.map((/** @type {number} */ i) => g.nodes[i].name))
      .toEqual(expect.arrayContaining(['p[2]', '1/sum(exp)', 'sum(exp)', 'exp(logit[0])', 'exp(logit[2])']));
    const h3 = ng.nodes.find((/** @type {any} */ c) => c.name === 'h[0][3]');
    expect(h3.weights.map((/** @type {number} */ i) => g.nodes[i].name)).toEqual(['w[0][3][0]', 'w[0][3][1]']);
    expect(g.nodes[h3.bias].name).toBe('b[0][3]');
    expect(ng.nodes.find((/** @type {any} */ c) => c.name === 'logit[1]').weights.length).toBe(8);
    // edges: x, y -> 8 neurons -> 3 logits -> softmax: p[2] -> loss
    const names = ng.edges.map(([a, b]) => `${ng.nodes[a].name}>${ng.nodes[b].name}`);
    expect(names.length).toBe(16 + 24 + 3 + 1);
    expect(names).toContain('y>h[0][7]');
    expect(names).toContain('h[0][7]>logit[2]');
    expect(names.slice(-4)).toEqual(['logit[0]>p[2]', 'logit[1]>p[2]', 'logit[2]>p[2]', 'p[2]>loss']);
    // not an MLP graph: no neuron level
    expect(neuronGraph({ nodes: [{ op: '', data: 1, grad: 0, param: null, input: false, name: 'a' }], edges: [] })).toBe(null);
    t.delete();
  });
});

describe('GraphView levels', () => {
  it('2-32-32-3 auto-picks the neuron level: 2 + 32 + 32 + 3 + 2 boxes showing the engine values', async () => {
    const g = big.graph(0.2, 0.4, 1);
    expect(g.nodes.length).toBeGreaterThan(MAX_VALUE_NODES);
    const { root, view } = mount();
    const before = { ...layoutStats };
    const t0 = performance.now();
    await view.setGraph(g);
    console.log(`neuron view of 2-32-32-3 (${g.nodes.length} values): setGraph ${(performance.now() - t0).toFixed(1)} ms, ` +
      `dot layout in the worker ${layoutStats.lastMs.toFixed(1)} ms, request to answer ${layoutStats.lastTotalMs.toFixed(1)} ms`);
    expect(view.level).toBe('neurons');
    expect(layoutStats.runs).toBe(before.runs + 1);
    expect(layoutStats.workers).toBeGreaterThan(0);

    const shown = boxes(root);
    expect(shown.length).toBe(2 + 32 + 32 + 3 + 2);
    expect(shown.every((e) => e.classList.contains('gv-box'))).toBe(true);
    const kinds = shown.map((e) => e.getAttribute('data-kind'));
    expect(kinds.filter((k) => k === 'neuron').length).toBe(64);
    expect(kinds.filter((k) => k === 'logit').length).toBe(3);
    // each box shows its op-level node's data and grad, and its neuron's parameter summary
    for (const e of shown) {
      const n = g.nodes[idx(e)];
      expect(text(e, '.gv-data')).toBe(`data: ${fmt4(n.data)}`);
      expect(text(e, '.gv-grad')).toBe(`grad: ${fmt4(n.grad)}`);
    }
    const h = box(root, byName(g, 'h[1][7]'));
    expect(text(h, '.gv-title')).toBe('h[1][7] tanh');
    expect(text(h, '.gv-params')).toBe(`b: ${fmt4(g.nodes[byName(g, 'b[1][7]')].data)}`);
    expect(text(box(root, byName(g, 'h[0][0]')), '.gv-params')).toMatch(/^b: /);
    expect(text(box(root, byName(g, 'loss')), '.gv-data')).toBe(`data: ${fmt4(g.nodes[0].data)}`);
    // edges: 2*32 + 32*32 + 32*3 weighted (coloured by their weight) + logits -> softmax: p -> loss
    expect(root.querySelectorAll('path.gv-edge-w').length).toBe(64 + 1024 + 96);
    expect(root.querySelectorAll('path.gv-edge').length).toBe(64 + 1024 + 96 + 3 + 1);
    const w0 = g.nodes[byName(g, 'w[1][7][3]')].data;
    const edge = /** @type {SVGPathElement} */ (root.querySelector(`path.gv-edge-w`));
    expect(edge.style.stroke).not.toBe('');
    expect(Math.abs(w0)).toBeGreaterThan(0);
    // the toolbar: Neurons pressed, Ops disabled for this size
    expect(button(root, 'Neurons').getAttribute('aria-pressed')).toBe('true');
    expect(button(root, 'Ops').getAttribute('aria-pressed')).toBe('false');
    expect(button(root, 'Ops').disabled).toBe(true);
    expect(root.querySelector('svg.gv-svg')?.getAttribute('aria-label')).toMatch(/Neuron-level graph .* 64 hidden neurons and 3 logits/);
    // a second layout of the same size, the worker warm
    await view.setGraph(big.graph(-0.5, 0.1, 0));
    console.log(`neuron view of 2-32-32-3, warm: dot layout in the worker ${layoutStats.lastMs.toFixed(1)} ms, ` +
      `request to answer ${layoutStats.lastTotalMs.toFixed(1)} ms`);
  });

  it('setValues after a step changes the texts in place, without a new layout', async () => {
    const t = new engine.Trainer({ hidden: [32, 32] });
    t.steps(3);
    const { root, view } = mount();
    await view.setGraph(t.graph(0, 0, 0));
    const runs = layoutStats.runs;
    const nodesBefore = boxes(root).map((e) => e.querySelector('.gv-data')?.firstChild);
    const before = boxes(root).map((e) => `${text(e, '.gv-data')} ${text(e, '.gv-grad')} ${text(e, '.gv-params') ?? ''}`);
    const strokes = [...root.querySelectorAll('path.gv-edge-w')].map((e) => /** @type {SVGPathElement} */ (e).style.cssText);
    t.steps(5);
    const values = t.graphValues(0, 0, 0), N = values.length / 2;
    view.setValues(values);
    const after = boxes(root).map((e) => `${text(e, '.gv-data')} ${text(e, '.gv-grad')} ${text(e, '.gv-params') ?? ''}`);
    expect(after).not.toEqual(before);
    for (const e of boxes(root)) {
      expect(text(e, '.gv-data')).toBe(`data: ${fmt4(values[idx(e)])}`);
      expect(text(e, '.gv-grad')).toBe(`grad: ${fmt4(values[N + idx(e)])}`);
    }
    const g = t.graph(0, 0, 0);
    expect(text(box(root, byName(g, 'h[0][5]')), '.gv-params')).toBe(`b: ${fmt4(values[byName(g, 'b[0][5]')])}`);
    expect([...root.querySelectorAll('path.gv-edge-w')].map((e) => /** @type {SVGPathElement} */ (e).style.cssText)).not.toEqual(strokes);
    expect(layoutStats.runs).toBe(runs);
    expect(boxes(root).map((e) => e.querySelector('.gv-data')?.firstChild)).toEqual(nodesBefore); // the same text nodes
    const t0 = performance.now();
    const other = t.graphValues(0.5, 0.5, 1);
    for (let k = 0; k < 100; k++) view.setValues(k % 2 ? values : other);
    console.log(`neuron view: setValues ${((performance.now() - t0) / 100).toFixed(3)} ms per call (71 boxes, 1184 weighted edges)`);
    t.delete();
  });

  it('clicking a neuron expands it into its op-level subgraph; clicking it again collapses it', async () => {
    const g = big.graph(0.2, 0.4, 1);
    const { root, view } = mount();
    await view.setGraph(g);
    const runs = layoutStats.runs;
    const ih = byName(g, 'h[1][4]');
    view.reveal(ih);
    const neuron = box(root, ih);
    expect(neuron.getAttribute('role')).toBe('button');
    expect(neuron.getAttribute('aria-expanded')).toBe('false');
    const screenBefore = neuron.getBoundingClientRect();
    await userEvent.click(neuron);
    await vi.waitFor(() => expect(root.querySelector('g.gv-frame')).not.toBe(null));
    console.log(`neuron view: expanding h[1][4] laid out in ${layoutStats.lastMs.toFixed(1)} ms (dot, in the worker)`);
    expect(layoutStats.runs).toBe(runs + 1);
    const shown = boxes(root).map(idx);
    expect(shown.length).toBe(71 - 1 + 32 + 32 + 31 + 3); // the box becomes 32 w, 32 w*in, 31 partial sums, b, z, h
    const names = shown.map((i) => g.nodes[i].name);
    for (let k = 0; k < 32; k++) expect(names).toContain(`w[1][4][${k}]`);
    expect(names).toContain('b[1][4]');
    expect(names).toContain('z[1][4]');
    expect(names).toContain('h[1][4]');
    expect(root.querySelectorAll('g.gv-value.gv-param').length).toBe(33);
    expect(root.querySelectorAll('g.gv-op').length).toBe(32 + 32 + 1); // 32 '*', 31 partial '+', z's '+', tanh
    const h = box(root, ih);
    expect(h.classList.contains('gv-box')).toBe(false);
    expect(text(h, '.gv-data')).toBe(`data: ${fmt4(g.nodes[ih].data)}`);
    // the frame unfolds in place: its header (with 'collapse') near the box's place on screen, inside the stage
    const stage = /** @type {DOMRect} */ (root.querySelector('.gv-stage')?.getBoundingClientRect());
    const header = /** @type {Element} */ (root.querySelector('g.gv-frame .gv-frame-head')).getBoundingClientRect();
    expect(header.top).toBeGreaterThanOrEqual(stage.top);
    expect(header.left).toBeGreaterThanOrEqual(stage.left);
    expect(header.right).toBeLessThanOrEqual(stage.right);
    expect(Math.abs(header.top - screenBefore.top)).toBeLessThan(60);
    // its frame's header (a real click) collapses it
    const head = /** @type {SVGGElement} */ (root.querySelector(`g.gv-frame[data-index="${ih}"] .gv-frame-head`));
    expect(head.textContent).toMatch(/h\[1\]\[4\] tanh.*collapse/);
    await userEvent.click(head);
    await vi.waitFor(() => expect(root.querySelectorAll('g.gv-frame').length).toBe(0));
    expect(box(root, ih).classList.contains('gv-box')).toBe(true);
    expect(boxes(root).length).toBe(71);
    // several expand at once; Enter on a focused neuron or frame header toggles it too
    await view.toggleExpanded(ih);
    const ih2 = byName(g, 'h[0][2]');
    box(root, ih2).focus();
    await userEvent.keyboard('{Enter}');
    await vi.waitFor(() => expect(root.querySelectorAll('g.gv-frame').length).toBe(2));
    expect(view.level).toBe('neurons');
    expect(document.activeElement?.closest('g.gv-frame')?.getAttribute('data-index')).toBe(String(ih2)); // focus follows
    await userEvent.keyboard('{Enter}');
    await vi.waitFor(() => expect(root.querySelectorAll('g.gv-frame').length).toBe(1));
    expect(document.activeElement).toBe(box(root, ih2));
    await view.toggleExpanded(byName(g, 'w[1][4][0]')); // any node of the neuron toggles it
    expect(boxes(root).length).toBe(71);
  });

  it('the default 2-8-3 graph auto-picks the op level; the toggle switches levels', async () => {
    const t = new engine.Trainer();
    const g = t.graph(0, 0, 0);
    expect(g.nodes.length).toBeLessThanOrEqual(OPS_AUTO_MAX);
    const { root, view } = mount();
    await view.setGraph(g);
    console.log(`op view of the default graph (${g.nodes.length} values): dot layout in the worker ${layoutStats.lastMs.toFixed(1)} ms, ` +
      `request to answer ${layoutStats.lastTotalMs.toFixed(1)} ms`);
    expect(view.level).toBe('ops');
    expect(root.querySelectorAll('g.gv-value').length).toBe(157);
    expect(root.querySelectorAll('g.gv-box').length).toBe(0);
    const ops = button(root, 'Ops'), neurons = button(root, 'Neurons');
    expect([ops.getAttribute('aria-pressed'), neurons.getAttribute('aria-pressed')]).toEqual(['true', 'false']);
    expect(ops.disabled || neurons.disabled).toBe(false);
    await userEvent.click(neurons);
    await vi.waitFor(() => expect(root.querySelectorAll('g.gv-box').length).toBe(2 + 8 + 3 + 2));
    expect(view.level).toBe('neurons');
    expect([ops.getAttribute('aria-pressed'), neurons.getAttribute('aria-pressed')]).toEqual(['false', 'true']);
    expect(root.querySelectorAll('g.gv-value').length).toBe(15);
    await userEvent.click(ops);
    await vi.waitFor(() => expect(root.querySelectorAll('g.gv-value').length).toBe(157));
    expect(view.level).toBe('ops');
    // the learner's choice sticks for the next graph while it fits
    await view.setLevel('neurons');
    await view.setGraph(new engine.Trainer({ hidden: [4] }).graph(0, 0, 0));
    expect(view.level).toBe('neurons');
    expect(root.querySelectorAll('g.gv-box').length).toBe(2 + 4 + 3 + 2);
    t.delete();
  });

  it('highlight, marks, pending, reveal, hover and pin map op-level indices to the shown boxes', async () => {
    const g = big.graph(0.2, 0.4, 1);
    /** @type {any[]} */ const pinned = [];
    /** @type {any[]} */ const hoveredNodes = [];
    // controlled: the view reports and shows what it is told (as the page's render does)
    const { root, view } = mount({ onPinNode: (/** @type {any} */ i) => { pinned.push(i); view.setPinned(i); },
      onHoverNode: (/** @type {any} */ i) => { hoveredNodes.push(i); view.setHover(i); } });
    await view.setGraph(g);
    const ih = byName(g, 'h[1][9]'), iw = byName(g, 'w[1][9][17]');
    // a weight's parameter highlights the neuron that owns it
    view.highlightParam(/** @type {number} */ (g.nodes[iw].param));
    expect([...root.querySelectorAll('g.gv-highlight')].map(idx)).toEqual([ih]);
    expect(root.querySelectorAll('.gv-mini-marks circle').length).toBe(1);
    view.highlightParam(null);
    expect(root.querySelectorAll('g.gv-highlight').length).toBe(0);
    // marks: nodes inside a collapsed neuron mark its box; shown nodes mark themselves; duplicates collapse
    view.mark('gv-current', [byName(g, 'z[1][9]'), byName(g, 'w[1][9][0]*h[0][0]'), byName(g, 'p[1]')]);
    expect([...root.querySelectorAll('g.gv-current')].map(idx).sort((a, b) => a - b)).toEqual([byName(g, 'p[1]'), ih].sort((a, b) => a - b));
    view.mark('gv-current', []);
    expect(root.querySelectorAll('g.gv-current').length).toBe(0);
    // pending masks are read at the shown node
    const mask = new Uint8Array(g.nodes.length);
    mask[ih] = 1;
    view.setPending(mask, mask);
    expect(text(box(root, ih), '.gv-data')).toBe('data: …');
    expect(text(box(root, ih), '.gv-grad')).toBe('grad: pending');
    view.setPending(null, null);
    expect(text(box(root, ih), '.gv-data')).toBe(`data: ${fmt4(g.nodes[ih].data)}`);
    // reveal pans to the neuron holding the node
    const vp = /** @type {SVGGElement} */ (root.querySelector('g.gv-viewport'));
    view.fit();
    const v = /** @type {any} */ (view);
    v._zoom.scaleTo(v._svg, 1);
    v._zoom.translateTo(v._svg, 0, 0);
    const moved = vp.getAttribute('transform');
    view.reveal(byName(g, 'w[0][3][1]'));
    expect(vp.getAttribute('transform')).not.toBe(moved);
    const r = box(root, byName(g, 'h[0][3]')).getBoundingClientRect(), s = root.querySelector('.gv-stage')?.getBoundingClientRect();
    expect(r.left).toBeGreaterThan(/** @type {DOMRect} */ (s).left);
    expect(r.right).toBeLessThan(/** @type {DOMRect} */ (s).right);
    // hover: full-precision tooltip with the neuron's summary; click on a box that does not expand pins it
    view.fit();
    const tip = /** @type {HTMLElement} */ (root.querySelector('.gv-tooltip'));
    box(root, ih).dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    expect(tip.hidden).toBe(false);
    expect(tip.textContent).toContain('h[1][9] tanh');
    expect(tip.textContent).toContain(String(g.nodes[ih].data));
    expect(tip.textContent).toMatch(/32 weights, b: .*click to expand/);
    expect(hoveredNodes.at(-1)).toBe(ih);
    const ip = byName(g, 'x'); // an input: a box of one value
    box(root, ip).dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(pinned).toEqual([ip]);
    expect(box(root, ip).classList.contains('gv-pinned')).toBe(true);
    await userEvent.keyboard('{Escape}');
    expect(pinned).toEqual([ip, null]);
  });

  it('never freezes the page: layout runs in the worker while the old drawing keeps its values', async () => {
    const t = new engine.Trainer({ hidden: [16, 16] }); // ~1000 values: neuron level by default, op level on request
    const g = t.graph(0, 0, 0);
    const { root, view } = mount();
    await view.setGraph(g);
    expect(view.level).toBe('neurons');
    const runs = layoutStats.runs;
    // the op level of ~1000 values lays out for a while in the worker; the main thread keeps ticking meanwhile
    let last = performance.now(), worst = 0, ticking = true;
    const tick = () => { const now = performance.now(); worst = Math.max(worst, now - last); last = now; if (ticking) setTimeout(tick, 0); };
    tick();
    const done = view.setLevel('ops');
    await new Promise((r) => setTimeout(r, 30));
    expect(root.querySelector('.gv-status')?.textContent).toBe('Laying out…');
    expect(root.querySelectorAll('g.gv-box').length).toBe(2 + 16 + 16 + 3 + 2); // the old drawing stays...
    t.step();
    const values = t.graphValues(0, 0, 0);
    view.setValues(values); // ...and its values keep updating
    const il = byName(g, 'logit[0]');
    expect(text(box(root, il), '.gv-data')).toBe(`data: ${fmt4(values[il])}`);
    const t0 = performance.now();
    await done;
    ticking = false;
    console.log(`op view of 2-16-16-3 (${g.nodes.length} values): dot layout in the worker ${layoutStats.lastMs.toFixed(1)} ms; ` +
      `the longest main-thread gap while it ran was ${worst.toFixed(1)} ms (drawing included, ${(performance.now() - t0).toFixed(0)} ms waited)`);
    expect(root.querySelectorAll('g.gv-value').length).toBe(g.nodes.length);
    expect(text(box(root, il), '.gv-data')).toBe(`data: ${fmt4(values[il])}`); // the new drawing starts from the newest values
    expect(layoutStats.runs).toBe(runs + 1);
    // a newer request supersedes an older one: only the last level is drawn
    const a = view.setLevel('neurons'), b = view.setLevel('ops'), c = view.setLevel('neurons');
    await Promise.all([a, b, c]);
    expect(view.level).toBe('neurons');
    expect(root.querySelectorAll('g.gv-box').length).toBe(2 + 16 + 16 + 3 + 2);
    // a long layout nobody wants any more is not finished: the worker is replaced
    const workers = layoutStats.workers;
    const slow = view.setLevel('ops');
    await new Promise((r) => setTimeout(r, 400));
    await view.setLevel('neurons');
    await slow;
    expect(layoutStats.workers).toBe(workers + 1);
    expect(view.level).toBe('neurons');
    expect(root.querySelectorAll('g.gv-box').length).toBe(2 + 16 + 16 + 3 + 2);
    expect(root.querySelector('.gv-message')?.hidden).toBe(true);
    t.delete();
  });

  it('looks clean: a trained 2-32-32-3 at neuron level (screenshots in /tmp)', async () => {
    const { root, view } = mount({}, 'width: 1240px; height: 760px;');
    const g = big.graph(0.2, 0.4, 1);
    await view.setGraph(g); // the first view: readable numbers around the loss
    await page.screenshot({ path: '/tmp/neuron-view.png', element: root });
    view.fit(); // the whole network
    await page.screenshot({ path: '/tmp/neuron-view-fit.png', element: root });
    // expand the second-layer neuron whose sum z has the largest grad (a saturated tanh passes back only zeros)
    const layer1 = g.nodes.flatMap((/** @type {any} */ n, /** @type {number} */ i) => (/^z\[1\]/.test(n.name) ? [i] : []));
    const busiest = layer1.reduce((/** @type {number} */ a, /** @type {number} */ b) => (Math.abs(g.nodes[b].grad) > Math.abs(g.nodes[a].grad) ? b : a));
    await view.toggleExpanded(busiest);
    const frame = /** @type {SVGGElement} */ (root.querySelector('g.gv-frame'));
    const fb = frame.getBBox(), v = /** @type {any} */ (view);
    v._zoom.scaleTo(v._svg, Math.min(1, 700 / fb.height));
    v._zoom.translateTo(v._svg, fb.x + fb.width / 2, fb.y + fb.height / 2);
    view.setColorByGrad(true);
    await page.screenshot({ path: '/tmp/neuron-view-expanded.png', element: root });
    expect(root.querySelectorAll('g.gv-frame').length).toBe(1);
  });
});
