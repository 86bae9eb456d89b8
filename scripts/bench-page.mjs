// Page metrics in headless Chromium (part of npm run bench; alone: node scripts/bench-page.mjs [--json]).
// Measured, never guessed: frame times come from requestAnimationFrame timestamps inside the page, long tasks from a
// PerformanceObserver, training speed from the trainer's step count. Needs the built site (npm run build).
//   load     navigation to interactive and to the graph drawn
//   default  the default network (2-8-3, 100 points) playing at the default speed
//   big      2-32-32-3 on 1,000 points playing at the default speed
//   max      steps/s at max speed with every view live, for the default and the big network, next to the engine
//            alone (a second Trainer of the same network stepping in the same page while the page is paused)
import { serve } from '../tests/e2e/server.js';
import { launch } from '../tests/e2e/browser.js';

const BIG = '#hidden=32,32&n=1000';
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];

/** Plays for `ms` and returns what the frames did: fps, frame-time percentiles, the longest gap, long tasks, steps. */
function sampleFrames(page, ms) {
  return page.evaluate((ms) => new Promise((done) => {
    const { trainer } = window.micrograd, s0 = trainer.stepCount;
    const long = [];
    const po = new PerformanceObserver((list) => { for (const e of list.getEntries()) long.push(e.duration); });
    try { po.observe({ type: 'longtask' }); } catch { /* not supported: no long-task figures */ }
    const times = [];
    const tick = (t) => {
      times.push(t);
      if (t - times[0] < ms) { requestAnimationFrame(tick); return; }
      po.disconnect();
      const gaps = times.slice(1).map((x, i) => x - times[i]).sort((a, b) => a - b);
      const span = times.at(-1) - times[0];
      done({ fps: (1000 * gaps.length) / span, p50: gaps[Math.floor(gaps.length * 0.5)], p95: gaps[Math.floor(gaps.length * 0.95)],
        maxGap: gaps.at(-1), longTasks: long.length, longMs: long.reduce((a, b) => a + b, 0),
        stepsPerSecond: (1000 * (window.micrograd.trainer.stepCount - s0)) / span });
    };
    requestAnimationFrame(tick);
  }), ms);
}

/** The engine alone in this page: a fresh Trainer like the page's, stepped in calls of ~10 ms for `ms`. */
function engineAlone(page, ms) {
  return page.evaluate((ms) => {
    const { engine, trainer } = window.micrograd, o = trainer.options;
    const t = new engine.Trainer({ seed: o.seed, n: o.n, hidden: [...o.hidden], activation: o.activation, optimizer: o.optimizer,
      lr: o.lr, weightDecay: o.weightDecay, dataset: o.dataset, noise: o.noise });
    try {
      t.step();
      let k = 1, steps = 0;
      const t0 = performance.now();
      while (performance.now() - t0 < ms) {
        const a = performance.now(), s0 = t.stepCount;
        t.steps(k);
        const done = t.stepCount - s0; // steps(k) may stop early (it caps the work of one call)
        steps += done;
        const per = (performance.now() - a) / Math.max(1, done);
        k = Math.max(1, Math.min(5000, Math.round(10 / Math.max(per, 1e-3))));
      }
      return (1000 * steps) / (performance.now() - t0);
    } finally { t.delete(); }
  }, ms);
}

async function open(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('micrograd:graph').length, null, { timeout: 60000 });
  return page;
}

export async function benchPage({ runs = 3, seconds = 10 } = {}) {
  const server = await serve(new URL('../dist/', import.meta.url).pathname, '/');
  const browser = await launch();
  const out = {};
  const add = (k, v) => { (out[k] ??= []).push(v); };
  const ms = seconds * 1000;
  try {
    for (let r = 0; r < runs; r++) {
      let page = await open(browser, server.url);
      const marks = await page.evaluate(() => ['micrograd:interactive', 'micrograd:graph'].map((n) => performance.getEntriesByName(n)[0].startTime));
      add('interactiveMs', marks[0]);
      add('graphMs', marks[1]);
      await page.evaluate(() => window.micrograd.actions.play());
      const d = await sampleFrames(page, ms);
      add('defaultFps', d.fps); add('defaultP95Ms', d.p95); add('defaultMaxGapMs', d.maxGap); add('defaultLongTasks', d.longTasks);
      await page.evaluate(() => window.micrograd.actions.setSpeed(10)); // 'max'
      await page.waitForTimeout(500);
      add('defaultMaxStepsPerSecond', (await sampleFrames(page, Math.min(ms, 3000))).stepsPerSecond);
      await page.close();

      page = await open(browser, server.url + BIG);
      await page.evaluate(() => window.micrograd.actions.play());
      await page.waitForTimeout(300);
      const b = await sampleFrames(page, ms);
      add('bigFps', b.fps); add('bigP95Ms', b.p95); add('bigMaxGapMs', b.maxGap); add('bigLongTasks', b.longTasks);
      // max speed between two runs of the engine alone (paused page), so a change of the machine's load shows
      await page.evaluate(() => window.micrograd.actions.pause());
      const before = await engineAlone(page, Math.min(ms, 3000));
      await page.evaluate(() => { window.micrograd.actions.setSpeed(10); window.micrograd.actions.play(); });
      await page.waitForTimeout(1000);
      const m = await sampleFrames(page, Math.min(ms, 5000));
      await page.evaluate(() => window.micrograd.actions.pause());
      await page.waitForTimeout(200);
      const after = await engineAlone(page, Math.min(ms, 3000));
      add('bigMaxStepsPerSecond', m.stepsPerSecond);
      add('bigMaxFps', m.fps);
      add('bigEngineStepsPerSecond', (before + after) / 2);
      add('bigMaxShare', (2 * m.stepsPerSecond) / (before + after));
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const summary = {};
  for (const [k, v] of Object.entries(out)) summary[k] = { median: median(v), min: Math.min(...v), max: Math.max(...v) };
  return summary;
}

/** The summary as lines of text: median [min-max] per metric. */
export function describePage(r) {
  const f = (v) => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(2));
  return Object.entries(r).map(([k, v]) => `  ${k.padEnd(26)} ${f(v.median).padStart(9)} [${f(v.min)}-${f(v.max)}]`).join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchPage({ runs: Number(process.env.RUNS ?? 3), seconds: Number(process.env.SECONDS ?? 10) });
  console.log(process.argv.includes('--json') ? JSON.stringify(r) : describePage(r));
}
