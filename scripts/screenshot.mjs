// npm run screenshot: the README's pictures of the built page (dist/, from npm run build) in headless Chromium.
// Each shot is a page state at a window size: the README's desktop view, a phone, a 600x400 embed (view=graph), expression mode.
//   node scripts/screenshot.mjs [name...]   (default: every shot)
import { existsSync } from 'node:fs';
import { serve } from '../tests/e2e/server.js';
import { launch, openPage } from '../tests/e2e/browser.js';
import { PRESETS } from '../web/src/expr-presets.js';

const root = new URL('../', import.meta.url).pathname;
/** name, output file (from the repository root), link hash, window size, what to do before the shot */
const SHOTS = [
  { name: 'readme', out: 'docs/screenshot.png', hash: '', width: 1400, height: 1050, async setup(page) {
    await page.evaluate(() => window.micrograd.actions.step(40));
    await page.waitForTimeout(400);
    await page.locator('g.gv-value[data-kind="neuron"]').nth(3).hover(); // a tooltip and the neuron's field over the plane
    await page.waitForTimeout(300);
  } },
  { name: 'phone', out: 'docs/screenshot-phone.png', hash: '', width: 390, height: 844, async setup(page) {
    await page.evaluate(() => window.micrograd.actions.step(40));
    await page.waitForTimeout(400);
  } },
  { name: 'embed', out: 'docs/screenshot-embed.png', hash: '#view=graph&controls=min', width: 600, height: 400, async setup(page) {
    await page.evaluate(() => window.micrograd.actions.step(40));
    await page.waitForTimeout(400);
  } },
  // expression mode: the lecture's neuron, two steps into its backward pass
  { name: 'expression', out: 'docs/expression.png', hash: `#expr=${encodeURIComponent(PRESETS[1].source)}`, width: 1400, height: 800,
    ready: () => document.querySelector('#expr-graph g.gv-value'), async setup(page) {
      await page.click('label[for=expr-walk-backward]');
      for (let k = 0; k < 2; k++) await page.click('.expr-walk-panel button[aria-label="Walk: next"]');
      await page.waitForTimeout(300);
    } },
];

if (!existsSync(`${root}dist/index.html`)) {
  console.error('screenshot: dist/ is not built (npm run build)');
  process.exit(2);
}
const wanted = process.argv.slice(2);
const server = await serve(`${root}dist/`, '/');
const browser = await launch();
let failed = false;
try {
  for (const shot of SHOTS.filter((s) => !wanted.length || wanted.includes(s.name))) {
    const { page, errors } = await openPage(browser, server.url + shot.hash, { width: shot.width, height: shot.height });
    await page.waitForFunction(shot.ready ?? (() => window.micrograd?.graphView?.ready), null, { timeout: 30000 });
    await shot.setup(page);
    await page.screenshot({ path: root + shot.out });
    console.log(`${shot.out}: ${shot.width}x${shot.height}${errors.length ? `, page errors:\n  ${errors.join('\n  ')}` : ''}`);
    failed ||= errors.length > 0;
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
process.exit(failed ? 1 : 0);
