// Page metrics in headless Chromium (part of npm run bench): time to interactive and to the graph drawn,
// frames per second while playing at the default speed, steps per second at 'max' with every view live.
import { serve } from '../tests/e2e/server.js';
import { launch } from '../tests/e2e/browser.js';

const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];

export async function benchPage({ runs = 3, seconds = 3 } = {}) {
  const server = await serve(new URL('../dist/', import.meta.url).pathname, '/');
  const browser = await launch();
  const out = { interactiveMs: [], graphMs: [], fps: [], maxStepsPerSecond: [] };
  try {
    for (let r = 0; r < runs; r++) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await page.goto(server.url);
      await page.waitForFunction(() => performance.getEntriesByName('micrograd:graph').length, null, { timeout: 60000 });
      const marks = await page.evaluate(() => ['micrograd:interactive', 'micrograd:graph'].map((n) => performance.getEntriesByName(n)[0].startTime));
      out.interactiveMs.push(marks[0]);
      out.graphMs.push(marks[1]);
      const sample = (ms) => page.evaluate((ms) => new Promise((done) => {
        const { trainer } = window.micrograd, s0 = trainer.stepCount, t0 = performance.now();
        let frames = 0;
        const tick = () => { frames++; if (performance.now() - t0 < ms) requestAnimationFrame(tick); else done({ frames, steps: trainer.stepCount - s0, ms: performance.now() - t0 }); };
        requestAnimationFrame(tick);
      }), ms);
      await page.evaluate(() => window.micrograd.actions.play());
      const play = await sample(seconds * 1000);
      out.fps.push((1000 * play.frames) / play.ms);
      await page.evaluate(() => window.micrograd.actions.setSpeed(10)); // 'max'
      await page.waitForTimeout(500);
      const max = await sample(seconds * 1000);
      out.maxStepsPerSecond.push((1000 * max.steps) / max.ms);
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

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchPage({ runs: Number(process.env.RUNS ?? 3) });
  if (process.argv.includes('--json')) console.log(JSON.stringify(r));
  else for (const [k, v] of Object.entries(r)) console.log(`${k.padEnd(20)} median ${v.median.toFixed(1).padStart(8)}   (min ${v.min.toFixed(1)}, max ${v.max.toFixed(1)})`);
}
