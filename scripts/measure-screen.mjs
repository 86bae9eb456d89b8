// npm run measure:screen (builds dist/ first): what the first screen shows at each frame size the page must teach in:
// the graph's level, its value boxes in view and the on-screen size of their numbers (font size x zoom), and where the
// canvas, Play/Step and the readouts sit (fraction in the window). Prints one line per size; --json for the data.
//   node scripts/measure-screen.mjs [--json] [hash]
import { existsSync } from 'node:fs';
import { serve } from '../tests/e2e/server.js';
import { launch, openPage } from '../tests/e2e/browser.js';
import { screenMetrics } from '../tests/e2e/screen-metrics.js';

const root = new URL('../', import.meta.url).pathname;
const SIZES = [[1400, 1050], [1920, 1080], [1280, 800], [390, 844]];
const args = process.argv.slice(2), json = args.includes('--json'), hash = args.find((a) => a.startsWith('#')) ?? '';
if (!existsSync(`${root}dist/index.html`)) { console.error('measure-screen: dist/ is not built (npm run build)'); process.exit(2); }
const server = await serve(`${root}dist/`, '/');
const browser = await launch();
const out = [];
try {
  for (const [w, h] of SIZES) {
    const { page, errors } = await openPage(browser, server.url + hash, { width: w, height: h });
    await page.waitForFunction(() => window.micrograd?.graphView?.ready, null, { timeout: 30000 });
    await page.waitForTimeout(300);
    const m = await page.evaluate(screenMetrics);
    out.push({ size: `${w}x${h}`, ...m, errors });
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
if (json) console.log(JSON.stringify(out, null, 1));
else for (const m of out) {
  const g = m.graph, p = m.parts, pct = (x) => (x ? `${Math.round(100 * x.visible)}%` : '-');
  console.log(`${m.size.padEnd(10)} ${g.level}: ${g.inView}/${g.boxes} boxes in view, numbers ${g.minPx}-${g.maxPx} px; ` +
    `canvas ${p.canvas ? `${p.canvas.w}x${p.canvas.h}` : '-'} ${pct(p.canvas)} in view, Play ${pct(p.play)}, readouts ${pct(p.readouts)}; ` +
    `page ${m.window.scrollW}x${m.window.scrollH}${m.errors.length ? `; errors: ${m.errors.join(' | ')}` : ''}`);
}
