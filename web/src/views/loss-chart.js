// Loss chart view: train/val loss (left axis, linear or log) and accuracy (right axis, dashed) vs step, in bounded memory.
import { select, scaleLinear, scaleLog, axisBottom, axisLeft, axisRight, line, format } from 'd3';
// (its styles: loss-chart.css, loaded by main.js with the page's)

/**
 * Downsampling: samples go into at most CAPACITY buckets of `stride` consecutive pushes each. A bucket keeps the
 * sum and count of its steps and, per series, the sum and count of its finite values, so it is drawn at its mean
 * step with the mean of each series (NaN/±Infinity samples are skipped; a bucket with no finite value is a gap).
 * The last bucket is the pending one, drawn while it fills. When all CAPACITY buckets are full, adjacent pairs are
 * merged in place (exact: sums and counts add) and the stride doubles, so push() is O(1) amortized (one O(CAPACITY)
 * merge per CAPACITY*stride/2 pushes), memory is fixed and a render draws at most CAPACITY points per line.
 */
export const CAPACITY = 2000;
/** Series in push() order; accuracies are fractions (0..1) drawn on the right-hand 0-100% axis. */
const SERIES = [
  { cls: 'train-loss', label: 'train loss', acc: false },
  { cls: 'val-loss', label: 'val loss', acc: false },
  { cls: 'train-acc', label: 'train accuracy', acc: true },
  { cls: 'val-acc', label: 'val accuracy', acc: true },
];
const HEIGHT = 180;
const M = { top: 10, right: 42, bottom: 22, left: 46 };
/** Losses are clamped to this on the log scale (a loss of 0 sits on the floor of the chart). */
export const LOG_MIN = 1e-6;
const SVG_NS = 'http://www.w3.org/2000/svg';
const fmtLoss = format('.3~g');
const fmtPct = format('.1~%');
const fmtExp = format('.0e'), fmtG = format('~g'), fmtAcc = format('.0%'), fmtStep = format('~s');
const fmtTick = (/** @type {number} */ v) => (v !== 0 && Math.abs(v) < 1e-3 ? fmtExp(v) : fmtG(v));
let uid = 0;

/** The nearest 1, 2 or 5 times a power of ten at or above (up) or at or below v > 0. */
function nice125(/** @type {number} */ v, /** @type {boolean} */ up) {
  const p = 10 ** Math.floor(Math.log10(v));
  const m = up ? [1, 2, 5, 10].find((k) => k * p >= v * (1 - 1e-9)) : [5, 2, 1].find((k) => k * p <= v * (1 + 1e-9));
  return Number(((m ?? 1) * p).toPrecision(3));
}

/** Log-axis tick values: 1-2-5 per decade when the domain spans up to 2 decades, else decades (every other one beyond 6). */
function logTicks(/** @type {number} */ lo, /** @type {number} */ hi) {
  const d0 = Math.floor(Math.log10(lo) + 1e-9), d1 = Math.ceil(Math.log10(hi) - 1e-9);
  const every = d1 - d0 > 6 ? 2 : 1, mults = Math.log10(hi / lo) <= 2.01 ? [1, 2, 5] : [1];
  /** @type {number[]} */ const out = [];
  for (let d = d0; d <= d1; d += every) for (const m of mults) {
    const v = Number((m * 10 ** d).toPrecision(3));
    if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) out.push(v);
  }
  return out;
}

export class LossChart {
  /** @param {HTMLElement} root  an element the view owns entirely (its children are replaced) */
  constructor(root) {
    this.root = root;
    this._sx = new Float64Array(CAPACITY); // per bucket: sum of steps
    this._n = new Float64Array(CAPACITY); // per bucket: number of samples
    this._sum = new Float64Array(CAPACITY * 4); // per bucket and series: sum of finite values
    this._cnt = new Float64Array(CAPACITY * 4); // per bucket and series: number of finite values
    this._xs = new Float64Array(CAPACITY); // render scratch: bucket means
    this._ys = SERIES.map(() => new Float64Array(CAPACITY));
    this._idx = Uint32Array.from({ length: CAPACITY }, (_, i) => i);
    this._last = new Float64Array(5); // the latest push, raw: step and the 4 values
    this._log = false;
    this.reset();

    root.replaceChildren();
    root.classList.add('lc');
    const r = select(root);
    const header = r.append('div').attr('class', 'lc-header');
    const legend = header.append('ul').attr('class', 'lc-legend');
    for (const s of SERIES) {
      const li = legend.append('li').attr('class', 'lc-key');
      li.append(() => document.createElementNS(SVG_NS, 'svg')).attr('class', 'lc-swatch').attr('aria-hidden', 'true')
        .attr('width', 22).attr('height', 8)
        .append('line').attr('class', `lc-line lc-${s.cls}`).attr('x1', 1).attr('x2', 21).attr('y1', 4).attr('y2', 4);
      li.append('span').text(s.label);
    }
    const id = `lc-log-${++uid}`;
    const label = header.append('label').attr('class', 'lc-log').attr('for', id);
    /** @type {HTMLInputElement} */
    this._check = label.append('input').attr('type', 'checkbox').attr('id', id).node();
    label.append('span').text('log scale');
    this._check.addEventListener('change', () => this.setLogScale(this._check.checked));

    this._svg = r.append(() => document.createElementNS(SVG_NS, 'svg')).attr('class', 'lc-svg').attr('role', 'img');
    const plot = this._svg.append('g').attr('transform', `translate(${M.left},${M.top})`);
    this._grid = plot.append('g').attr('class', 'lc-grid');
    this._xAxis = plot.append('g').attr('class', 'lc-axis lc-axis-x');
    this._yAxis = plot.append('g').attr('class', 'lc-axis lc-axis-y');
    this._accAxis = plot.append('g').attr('class', 'lc-axis lc-axis-acc');
    this._xLabel = plot.append('text').attr('class', 'lc-axis-label').attr('text-anchor', 'end').attr('x', -8).text('step');
    const lines = plot.append('g').attr('class', 'lc-lines');
    // accuracy underneath, losses on top
    /** @type {any[]} */ this._paths = [];
    for (const k of [2, 3, 0, 1]) this._paths[k] = lines.append('path').attr('class', `lc-line lc-${SERIES[k].cls}`).attr('data-series', SERIES[k].cls);
    this._empty = plot.append('text').attr('class', 'lc-empty').attr('text-anchor', 'middle').text('no steps yet');

    if (typeof ResizeObserver !== 'undefined') {
      // the width comes from the observer: reading clientWidth in render() would force a layout of the page
      // in the middle of the frame's DOM writes
      this._ro = new ResizeObserver(([e]) => {
        const w = Math.round(e.contentRect.width);
        if (w && w !== this._seenWidth) { this._seenWidth = w; this.render(); }
      });
      this._ro.observe(root);
    }
    this.render();
  }

  /** Buckets in use, counting the pending one (never more than CAPACITY). */
  get size() { return this._len + (this._n[this._len] > 0 ? 1 : 0); }
  /** Pushes per full bucket (1, then doubling each time the buffer fills). */
  get stride() { return this._stride; }
  /** Pushes since the last reset (those with a finite step). */
  get count() { return this._total; }

  /**
   * Adds one step's numbers; O(1) amortized, draws nothing (call render()). Steps should not decrease.
   * @param {number} step @param {number} trainLoss @param {number} valLoss
   * @param {number} trainAcc  fraction 0..1 @param {number} valAcc  fraction 0..1
   */
  push(step, trainLoss, valLoss, trainAcc, valAcc) {
    if (!Number.isFinite(step)) return;
    const b = this._len, last = this._last;
    this._sx[b] += step;
    this._n[b] += 1;
    last[0] = step; last[1] = trainLoss; last[2] = valLoss; last[3] = trainAcc; last[4] = valAcc;
    for (let k = 0; k < 4; k++) {
      const v = last[k + 1];
      if (Number.isFinite(v)) { this._sum[b * 4 + k] += v; this._cnt[b * 4 + k] += 1; }
    }
    this._total += 1;
    this._dirty = true;
    if (this._n[b] >= this._stride && ++this._len === CAPACITY) this._merge();
  }

  /** Merges adjacent bucket pairs into the first half of the buffer and doubles the stride. */
  _merge() {
    const half = CAPACITY / 2;
    for (let i = 0; i < half; i++) {
      const a = 2 * i, b = a + 1;
      this._sx[i] = this._sx[a] + this._sx[b];
      this._n[i] = this._n[a] + this._n[b];
      for (let k = 0; k < 4; k++) {
        this._sum[i * 4 + k] = this._sum[a * 4 + k] + this._sum[b * 4 + k];
        this._cnt[i * 4 + k] = this._cnt[a * 4 + k] + this._cnt[b * 4 + k];
      }
    }
    this._sx.fill(0, half); this._n.fill(0, half); this._sum.fill(0, half * 4); this._cnt.fill(0, half * 4);
    this._len = half;
    this._stride *= 2;
  }

  /** Forgets every point (the network was reset or rebuilt). */
  reset() {
    this._sx.fill(0); this._n.fill(0); this._sum.fill(0); this._cnt.fill(0);
    this._len = 0;
    this._stride = 1;
    this._total = 0;
    this._dirty = true;
  }

  /** Log (losses clamped to LOG_MIN) or linear loss axis; redraws. @param {boolean} on */
  setLogScale(on) {
    this._log = !!on;
    this._check.checked = this._log;
    this._dirty = true;
    this.render();
  }

  /** Redraws the 4 paths and the axes at the root's current width; a no-op when nothing changed. */
  render() {
    const width = Math.max(240, this._seenWidth || (this._seenWidth = this.root.clientWidth) || 600);
    if (!this._dirty && width === this._width) return;
    this._dirty = false;
    this._width = width;
    const iw = width - M.left - M.right, ih = HEIGHT - M.top - M.bottom;
    this._svg.attr('viewBox', `0 0 ${width} ${HEIGHT}`).attr('width', width).attr('height', HEIGHT);

    const m = this.size, xs = this._xs, ys = this._ys, log = this._log;
    let lo = Infinity, hi = -Infinity;
    for (let i = 0; i < m; i++) {
      xs[i] = this._sx[i] / this._n[i];
      for (let k = 0; k < 4; k++) {
        const c = this._cnt[i * 4 + k];
        const v = c > 0 ? this._sum[i * 4 + k] / c : NaN;
        ys[k][i] = v;
        if (k < 2 && Number.isFinite(v)) { const u = log ? Math.max(LOG_MIN, v) : v; if (u < lo) lo = u; if (u > hi) hi = u; }
      }
    }
    const x0 = m ? xs[0] : 0, x1 = m ? xs[m - 1] : 1;
    const x = scaleLinear().domain([x0, x1 > x0 ? x1 : x0 + 1]).range([0, iw]);
    /** @type {any} */ let y;
    /** @type {number[]} */ let yTicks;
    if (log) {
      if (!(lo <= hi)) { lo = 0.01; hi = 1; }
      const [d0, d1] = [nice125(lo, false), nice125(hi > lo ? hi : lo * 10, true)];
      y = scaleLog().domain([d0, d1]).range([ih, 0]);
      yTicks = logTicks(d0, d1);
    } else {
      if (!(lo <= hi)) { lo = 0; hi = 1; }
      y = scaleLinear().domain([Math.min(0, lo), hi > Math.min(0, lo) ? hi : 1]).range([ih, 0]).nice(4);
      yTicks = y.ticks(4);
    }
    const acc = scaleLinear().domain([0, 1]).range([ih, 0]);

    this._grid.call(axisLeft(y).tickValues(yTicks).tickSize(-iw).tickFormat(() => ''));
    this._yAxis.call(axisLeft(y).tickValues(yTicks).tickSize(4).tickFormat(fmtTick));
    this._accAxis.attr('transform', `translate(${iw},0)`)
      .call(axisRight(acc).tickValues([0, 0.25, 0.5, 0.75, 1]).tickSize(4).tickFormat(fmtAcc));
    const xTicks = x.ticks(Math.max(2, Math.floor(iw / 80))).filter(Number.isInteger);
    this._xAxis.attr('transform', `translate(0,${ih})`).call(axisBottom(x).tickValues(xTicks).tickSize(4).tickFormat(fmtStep));
    this._xLabel.attr('y', ih + 15);

    const idx = this._idx.subarray(0, m);
    for (let k = 0; k < 4; k++) {
      const v = ys[k], sy = SERIES[k].acc ? acc : y;
      const gen = line().digits(1).defined((i) => Number.isFinite(v[/** @type {any} */ (i)]))
        .x((i) => x(xs[/** @type {any} */ (i)]))
        .y((i) => sy(log && !SERIES[k].acc ? Math.max(LOG_MIN, v[/** @type {any} */ (i)]) : v[/** @type {any} */ (i)]));
      this._paths[k].attr('d', m ? gen(/** @type {any} */ (idx)) || null : null);
    }
    this._empty.attr('x', iw / 2).attr('y', ih / 2).attr('display', m ? 'none' : null);
    this._svg.attr('aria-label', this._describe());
  }

  /** The svg's accessible name: the latest raw values. */
  _describe() {
    if (!this._total) return 'Loss chart: no steps yet';
    const [step, ...vals] = this._last;
    const f = (/** @type {number} */ v, /** @type {boolean} */ pct) => (Number.isFinite(v) ? (pct ? fmtPct(v) : fmtLoss(v)) : String(v));
    return `Loss chart${this._log ? ' (log scale)' : ''}: step ${step}, ` +
      SERIES.map((s, k) => `${s.label} ${f(vals[k], s.acc)}`).join(', ');
  }

  /** Stops watching the root's size. */
  destroy() { this._ro?.disconnect(); }
}
