// Browser tests of the loss chart: bounded memory and DOM under 100k steps, NaN safety, log toggle, reset, screenshot.
import { describe, it, expect, afterEach } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { LossChart, CAPACITY, LOG_MIN } from '../../web/src/views/loss-chart.js';
import '../../web/src/views/loss-chart.css';

/** @type {HTMLElement[]} */ const roots = [];
/** @type {LossChart[]} */ const charts = [];

function mount(width = 640) {
  const root = document.createElement('div');
  root.style.cssText = `width: ${width}px; padding: 8px; background: #fff;`;
  document.body.appendChild(root);
  roots.push(root);
  const chart = new LossChart(root);
  charts.push(chart);
  return { root, chart };
}
afterEach(() => {
  charts.splice(0).forEach((c) => c.destroy());
  roots.splice(0).forEach((r) => r.remove());
});

/** A deterministic pseudo-random in [0, 1). */
function rng(seed = 1) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}
/** Pushes steps from..to-1 of a realistic run: exponential loss decay with noise, val a bit higher, accuracy rising. */
function pushRun(/** @type {LossChart} */ chart, from, to, rand = rng()) {
  for (let s = from; s < to; s++) {
    const base = 1.1 * Math.exp(-s / 300) + 0.05;
    const train = base * (1 + 0.12 * (rand() - 0.5));
    const val = (base + 0.04 + 0.03 * (1 - Math.exp(-s / 800))) * (1 + 0.15 * (rand() - 0.5));
    const trainAcc = Math.min(1, 0.34 + 0.64 * (1 - Math.exp(-s / 250)) + 0.02 * (rand() - 0.5));
    const valAcc = Math.min(1, 0.33 + 0.58 * (1 - Math.exp(-s / 280)) + 0.03 * (rand() - 0.5));
    chart.push(s, train, val, trainAcc, valAcc);
  }
}
const paths = (/** @type {HTMLElement} */ root) => /** @type {SVGPathElement[]} */ ([...root.querySelectorAll('path.lc-line')]);
const pathOf = (/** @type {HTMLElement} */ root, /** @type {string} */ s) => /** @type {SVGPathElement} */ (root.querySelector(`path[data-series="${s}"]`));
const yLabels = (/** @type {HTMLElement} */ root) => [...root.querySelectorAll('.lc-axis-y .tick text')].map((t) => t.textContent);
const allAttrs = (/** @type {HTMLElement} */ root) => [...root.querySelectorAll('svg *')]
  .flatMap((e) => [...e.attributes].map((a) => `${e.tagName}[${a.name}]=${a.value}`));

describe('LossChart', () => {
  it('builds its DOM once: header with a labelled checkbox, legend of 4, an svg img with 4 paths', () => {
    const { root } = mount();
    const box = /** @type {HTMLInputElement} */ (root.querySelector('input[type=checkbox]'));
    expect(box).toBeTruthy();
    expect(box.labels?.[0]?.textContent).toBe('log scale');
    expect([...root.querySelectorAll('.lc-key')].map((e) => e.textContent)).toEqual(['train loss', 'val loss', 'train accuracy', 'val accuracy']);
    const svg = /** @type {SVGSVGElement} */ (root.querySelector('svg.lc-svg'));
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('Loss chart: no steps yet');
    expect(paths(root).length).toBe(4);
  });

  it('keeps the DOM and the buffer bounded over 100,000 pushes', () => {
    const { root, chart } = mount();
    pushRun(chart, 0, 50);
    chart.render();
    const before = root.querySelectorAll('*').length;
    const nonTick = () => root.querySelectorAll('*:not(.tick):not(.tick *)').length;
    const fixed = nonTick();
    let maxAll = before, maxSize = 0;
    const rand = rng(7);
    let pushMs = 0, renderMs = 0;
    for (let s = 50; s < 100050; s += 1000) {
      const t0 = performance.now();
      for (let i = s; i < s + 1000; i++) chart.push(i, 1 / (1 + i), 1.1 / (1 + i), 0.9 - 1 / (i + 5), 0.8 + rand() * 0.01);
      const t1 = performance.now();
      maxSize = Math.max(maxSize, chart.size);
      chart.render();
      const t2 = performance.now();
      pushMs += t1 - t0;
      renderMs += t2 - t1;
      expect(nonTick()).toBe(fixed); // everything but the axis ticks is exactly the same elements
      maxAll = Math.max(maxAll, root.querySelectorAll('*').length);
    }
    console.log(`loss chart: 100,000 pushes in ${pushMs.toFixed(1)} ms, 100 renders in ${renderMs.toFixed(0)} ms; ` +
      `${chart.size} buckets of stride ${chart.stride}; DOM ${before} -> ${root.querySelectorAll('*').length} elements`);
    expect(chart.count).toBe(100050);
    expect(maxSize).toBeLessThanOrEqual(CAPACITY);
    expect(chart.size).toBeGreaterThan(CAPACITY / 2 - 1);
    expect(chart.stride).toBe(64); // 100,050 / 64 = 1563 buckets
    // d3-axis keeps one <g class=tick> (line + text) per tick value, so the total moves by a few ticks as the domains
    // change (x: at most ~1 per 40px, y: at most 12 on the axis + 12 grid lines, accuracy: 5), never per step
    expect(maxAll).toBeLessThanOrEqual(fixed + 3 * (16 + 12 + 12 + 5));
    expect(root.querySelectorAll('.lc-axis-acc .tick').length).toBe(5);
    expect(root.querySelectorAll('path').length).toBe(4 + 4); // 4 lines + 4 axis domains
    // every line has at most CAPACITY points
    for (const p of paths(root)) expect((p.getAttribute('d') ?? '').split(/[ML]/).length - 1).toBeLessThanOrEqual(CAPACITY);
    expect(pushMs).toBeLessThan(1000); // ~10 ms expected: O(1) amortized
  });

  it('downsamples by exact pairwise means (merging doubles the stride)', () => {
    const { chart } = mount();
    for (let s = 0; s < CAPACITY; s++) chart.push(s, s, 2 * s, 0.5, s % 2 ? NaN : 1);
    expect(chart.stride).toBe(2);
    expect(chart.size).toBe(CAPACITY / 2);
    const c = /** @type {any} */ (chart);
    // bucket 3 holds steps 6 and 7: means 6.5 and 13; val acc only counts its finite sample
    expect(c._sx[3] / c._n[3]).toBe(6.5);
    expect(c._sum[3 * 4 + 0] / c._cnt[3 * 4 + 0]).toBe(6.5);
    expect(c._sum[3 * 4 + 1] / c._cnt[3 * 4 + 1]).toBe(13);
    expect(c._cnt[3 * 4 + 3]).toBe(1);
    chart.push(CAPACITY, 0, 0, 0, 0); // a pending bucket is drawn while it fills
    expect(chart.size).toBe(CAPACITY / 2 + 1);
  });

  it("changes the paths' d when data changes, and describes the latest values", () => {
    const { root, chart } = mount();
    pushRun(chart, 0, 100);
    chart.render();
    const d1 = paths(root).map((p) => p.getAttribute('d'));
    for (const d of d1) expect(d).toMatch(/^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+)+$/);
    chart.render(); // nothing changed: same d
    expect(paths(root).map((p) => p.getAttribute('d'))).toEqual(d1);
    chart.push(100, 0.9, 1.3, 0.5, 0.45);
    chart.render();
    const d2 = paths(root).map((p) => p.getAttribute('d'));
    for (let k = 0; k < 4; k++) expect(d2[k]).not.toBe(d1[k]);
    expect(root.querySelector('svg.lc-svg')?.getAttribute('aria-label'))
      .toBe('Loss chart: step 100, train loss 0.9, val loss 1.3, train accuracy 50%, val accuracy 45%');
  });

  it('skips NaN and Infinity (gaps, never "NaN" in an attribute), on both scales', () => {
    const { root, chart } = mount();
    for (let s = 0; s < 300; s++) {
      const bad = s % 37 === 5 ? NaN : s % 53 === 7 ? Infinity : s % 61 === 9 ? -Infinity : null;
      chart.push(s, bad ?? 1 / (s + 1), bad ?? 2 / (s + 1), s < 20 ? NaN : 0.5, NaN);
    }
    chart.push(NaN, 1, 1, 1, 1); // no step: ignored
    expect(chart.count).toBe(300);
    for (const log of [false, true]) {
      chart.setLogScale(log);
      for (const a of allAttrs(root)) expect(a).not.toMatch(/NaN|Infinity/);
      const train = pathOf(root, 'train-loss').getAttribute('d') ?? '';
      expect(train.split('M').length - 1).toBeGreaterThan(5); // the bad samples split the line into pieces
      expect(pathOf(root, 'val-acc').getAttribute('d')).toBeNull(); // all NaN: nothing drawn
      expect(pathOf(root, 'train-acc').getAttribute('d')).toMatch(/^M[^M]+$/);
    }
    // a run that is entirely non-finite still renders sane axes
    chart.reset();
    chart.push(1, NaN, Infinity, NaN, NaN);
    chart.render();
    for (const a of allAttrs(root)) expect(a).not.toMatch(/NaN|Infinity/);
    expect(root.querySelector('svg.lc-svg')?.getAttribute('aria-label')).toContain('val loss Infinity');
  });

  it('toggles a log loss axis from its checkbox, clamping losses near 0', async () => {
    const { root, chart } = mount();
    pushRun(chart, 0, 1500);
    chart.push(1500, 0, 1e-12, 0.99, 0.9); // losses of 0 must not break the log scale
    chart.render();
    const linear = yLabels(root);
    expect(linear).toContain('0');
    await userEvent.click(/** @type {Element} */ (root.querySelector('label.lc-log')));
    const box = /** @type {HTMLInputElement} */ (root.querySelector('input[type=checkbox]'));
    expect(box.checked).toBe(true);
    const log = yLabels(root);
    expect(log).not.toEqual(linear);
    expect(log).toContain('1e-6');
    expect(log).toContain('1');
    for (const a of allAttrs(root)) expect(a).not.toMatch(/NaN|Infinity/);
    // the clamped point sits on the floor of the axis
    const floor = root.querySelector('.lc-axis-y .tick')?.getAttribute('transform');
    expect(floor).toMatch(/translate\(0,([\d.]+)\)/);
    const ih = Number(/translate\(0,([\d.]+)\)/.exec(/** @type {string} */ (floor))?.[1]);
    const lastY = Number(/([\d.]+)$/.exec(pathOf(root, 'train-loss').getAttribute('d') ?? '')?.[1]);
    expect(Math.abs(lastY - ih)).toBeLessThanOrEqual(0.5); // d3-axis offsets ticks by 0.5px for crisp lines
    expect(LOG_MIN).toBe(1e-6);
    chart.setLogScale(false);
    expect(box.checked).toBe(false);
    expect(yLabels(root)).toEqual(linear);
  });

  it('reset empties the paths and the buffer', () => {
    const { root, chart } = mount();
    pushRun(chart, 0, 5000);
    chart.render();
    for (const p of paths(root)) expect(p.getAttribute('d')).toBeTruthy();
    chart.reset();
    chart.render();
    for (const p of paths(root)) expect(p.getAttribute('d')).toBeNull();
    expect(chart.size).toBe(0);
    expect(chart.stride).toBe(1);
    expect(root.querySelector('svg.lc-svg')?.getAttribute('aria-label')).toBe('Loss chart: no steps yet');
    expect(root.querySelector('.lc-empty')?.getAttribute('display')).toBeNull();
    pushRun(chart, 0, 10);
    chart.render();
    expect(root.querySelector('.lc-empty')?.getAttribute('display')).toBe('none');
    expect(pathOf(root, 'train-loss').getAttribute('d')?.split('L').length).toBe(10);
  });

  it('fills the width of its root', () => {
    const { root, chart } = mount(900);
    pushRun(chart, 0, 200);
    chart.render();
    const svg = /** @type {SVGSVGElement} */ (root.querySelector('svg.lc-svg'));
    expect(svg.getBoundingClientRect().width).toBeCloseTo(root.clientWidth - 16, 0);
    expect(svg.getBoundingClientRect().height).toBe(180);
  });

  // Vitest only writes inside the project (server.fs), so the pictures go to the git-ignored test-results/.
  it('looks clean (screenshot)', async () => {
    await page.viewport(800, 700); // the default iframe is 414px wide
    const { root, chart } = mount(720);
    pushRun(chart, 0, 2600);
    chart.render();
    await page.screenshot({ path: '../../test-results/loss-chart.png', element: root });
    chart.setLogScale(true);
    await page.screenshot({ path: '../../test-results/loss-chart-log.png', element: root });
    chart.reset();
    chart.render();
    await page.screenshot({ path: '../../test-results/loss-chart-empty.png', element: root });
    expect(paths(root).length).toBe(4);
  });
});
