// End-to-end: the site under a sub-path, the single file from file:// and the custom element (every embed mode in
// its frame sizes: embed.test.js).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync } from 'node:fs';
import { launch, openPage } from './browser.js';
import { serve } from './server.js';

const dist = new URL('../../dist/', import.meta.url).pathname;
const SUB = '/some/sub/path/';
let server, browser;
beforeAll(async () => {
  server = await serve(dist, SUB, {
    '/element.html': `<!doctype html><html><head><link rel="icon" href="data:,"></head><body><script type="module" src="${SUB}micrograd-demo.js"></script>
      <micrograd-demo view="boundary" hidden="4,4" controls="min" height="400"></micrograd-demo></body></html>`,
  });
  browser = await launch();
});
afterAll(async () => { await browser?.close(); await server?.close(); });

const stepOnce = async (page) => {
  await page.waitForFunction(() => window.micrograd?.trainer, null, { timeout: 30000 });
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await page.waitForFunction(() => window.micrograd.trainer.stepCount === 1);
};

describe('shipping', () => {
  it('works under a sub-path with relative asset paths', async () => {
    const { page, errors } = await openPage(browser, server.url);
    await page.waitForSelector('g.gv-value', { timeout: 30000 });
    await stepOnce(page);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the single file opens from file:// with no network and steps', async () => {
    const file = `${dist}micrograd.html`;
    expect(existsSync(file)).toBe(true);
    const context = await browser.newContext();
    await context.route('**/*', (route) => (route.request().url().startsWith('file:') || route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`file://${file}`);
    await page.waitForSelector('g.gv-value', { timeout: 30000 });
    await stepOnce(page);
    expect(await page.locator('g.gv-value').count()).toBe(15); // the default network by neuron: x, y, 8 + 3 neurons, p, loss
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the custom element frames the page with its attributes', async () => {
    const { page, errors } = await openPage(browser, `${server.origin}/element.html`, { width: 900, height: 700 });
    await page.waitForFunction(() => document.querySelector('micrograd-demo')?.shadowRoot?.querySelector('iframe'), null, { timeout: 30000 });
    const src = await page.evaluate(() => document.querySelector('micrograd-demo').shadowRoot.querySelector('iframe').src);
    expect(src).toContain(`${SUB}index.html#`);
    expect(src).toContain('view=boundary');
    expect(src).toContain('hidden=4%2C4');
    await expect.poll(() => page.frames().some((f) => f.url().includes('index.html')), { timeout: 30000 }).toBe(true);
    const inner = page.frames().find((f) => f.url().includes('index.html'));
    await inner.waitForFunction(() => window.micrograd?.trainer, null, { timeout: 30000 });
    expect(await inner.evaluate(() => window.micrograd.trainer.options.hidden)).toEqual([4, 4]);
    expect(await inner.evaluate(() => !!document.querySelector('canvas.boundary-canvas'))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
