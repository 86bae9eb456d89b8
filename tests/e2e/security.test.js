// End-to-end: the page and the single-file page run under their strict Content-Security-Policy without a
// single violation, and hostile links execute nothing, inject no markup, and leave a working page.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { launch, openPage } from './browser.js';
import { serve } from './server.js';

const dist = new URL('../../dist/', import.meta.url).pathname;
let server, browser;
beforeAll(async () => { server = await serve(dist, '/'); browser = await launch(); });
afterAll(async () => { await browser?.close(); await server?.close(); });

const watchCsp = (page) => page.addInitScript(() => {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
});

async function exercise(page) {
  await page.waitForFunction(() => window.micrograd?.graphView?.ready, null, { timeout: 30000 });
  await page.getByRole('button', { name: 'Step ×10' }).click();
  await page.locator('label[for="walk-backward"]').click();
  await page.getByRole('button', { name: 'Walk: next' }).click();
  await page.locator('g.gv-value').nth(4).hover();
  await page.getByRole('button', { name: 'Check all parameters' }).click();
  await page.waitForTimeout(200);
}

describe('security', () => {
  it('the page declares a CSP and runs without violations', async () => {
    const page = await browser.newPage();
    await watchCsp(page);
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
    await exercise(page);
    expect(await page.evaluate(() => window.__violations)).toEqual([]);
    // the policy is in force: an injected inline script does not run (and is reported)
    expect(await page.evaluate(async () => {
      const s = document.createElement('script');
      s.textContent = 'window.inlineRan = 1';
      document.head.append(s);
      await new Promise((r) => setTimeout(r, 50));
      return [window.inlineRan, window.__violations.length > 0];
    })).toEqual([undefined, true]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the single file runs from file:// under a hash-based CSP without violations', async () => {
    const page = await browser.newPage();
    await watchCsp(page);
    await page.goto(`file://${dist}micrograd.html`);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toMatch(/script-src 'sha256-[^']+' 'wasm-unsafe-eval'/);
    expect(csp.match(/script-src[^;]*/)[0]).not.toMatch(/'unsafe-inline'|'unsafe-eval'|'self'/);
    await exercise(page);
    expect(await page.evaluate(() => window.__violations)).toEqual([]);
    await page.close();
  });

  const hostile = [
    '#dataset=%22%3E%3Cscript%3Ewindow.pwned%3D1%3C%2Fscript%3E',
    '#train=0,0,0;1,1,<img src=x onerror=window.pwned=1>',
    '#hidden=javascript:window.pwned=1',
    '#lr=constructor&seed=__proto__&n=1e400&speed=-1&tx=Infinity&ty=NaN&tl=2.5',
    `#val=${Array.from({ length: 3000 }, () => '1,1,1').join(';')}`,
    '#%E0%A4%A=%%%&&&==&view=<svg onload=window.pwned=1>',
    '#dataset=%3Cmeta%20http-equiv%3Drefresh%20content%3D%220%3Burl%3Dabout%3Ablank%22%3E&act=<meta http-equiv=refresh content=0>',
  ];
  it.each(hostile)('hostile link %# runs nothing and the page recovers', async (hash) => {
    const { page, errors } = await openPage(browser, server.url + hash.slice(0, 200000));
    await page.waitForFunction(() => window.micrograd?.trainer, null, { timeout: 30000 });
    expect(await page.evaluate(() => window.pwned)).toBeUndefined();
    expect(await page.locator('body img, body script:not([type="module"]), svg[onload], meta[http-equiv="refresh"]').count()).toBe(0);
    expect(await page.locator('#controls-panel .message').textContent()).toMatch(/Ignored|could not be read|too long/);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    expect(await page.evaluate(() => window.micrograd.trainer.stepCount)).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
