// End-to-end: the <micrograd-demo> custom element (web/embed/micrograd-demo.js). A working embed fills its box at
// 600x400 and 900x600 with the page; when the page cannot start (a 404, a host that never answers) it shows a message
// and a plain link instead of an empty box; when the script itself cannot load (a host without CORS headers) the link
// written inside the element shows; and `src` takes http(s) URLs only: javascript: and friends run nothing.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createServer } from 'node:http';
import { launch, openPage } from './browser.js';
import { serve } from './server.js';

const dist = new URL('../../dist/', import.meta.url).pathname;
const FALLBACK = '<a class="fallback" href="https://example.org/micrograd/">micrograd live demo</a>';
const host = (body, script = '/micrograd-demo.js') => '<!doctype html><html><head><link rel="icon" href="data:,"></head>' +
  `<body style="margin:0"><script type="module" src="${script}"></script>${body}</body></html>`;
let server, other, hang, browser;
const sockets = new Set();

beforeAll(async () => {
  // a host that accepts connections and never answers
  hang = createServer(() => {});
  hang.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise((r) => hang.listen(0, '127.0.0.1', r));
  const hangUrl = `http://127.0.0.1:${hang.address().port}/index.html`;
  other = await serve(dist, '/'); // another origin, without CORS headers
  server = await serve(dist, '/', {
    '/works-600.html': host(`<div style="width:600px"><micrograd-demo view="boundary" controls="min" hidden="4" height="400">${FALLBACK}</micrograd-demo></div>`),
    '/works-900.html': host(`<div style="width:900px"><micrograd-demo height="600" dataset="xor">${FALLBACK}</micrograd-demo></div>`),
    '/missing.html': host(`<micrograd-demo src="/no/such/page.html" height="400">${FALLBACK}</micrograd-demo>`),
    '/hangs.html': host(`<micrograd-demo src="${hangUrl}" timeout="2" height="400">${FALLBACK}</micrograd-demo>`),
    '/schemes.html': host('<micrograd-demo id="a" src="javascript:window.parent.pwned=1" height="300"></micrograd-demo>' +
      '<micrograd-demo id="b" src=" JaVaScRiPt:parent.pwned=2" height="300"></micrograd-demo>' +
      '<micrograd-demo id="c" src="data:text/html,<script>parent.pwned=3</script>" height="300"></micrograd-demo>' +
      '<micrograd-demo id="d" view="boundary" controls="none" height="300"></micrograd-demo>'),
  });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  for (const s of sockets) s.destroy();
  await new Promise((r) => hang?.close(r));
  await server?.close();
  await other?.close();
});

/** What the element shows: its box, the frame's, the message box's and the fallback link's visibility. */
const look = (page, sel = 'micrograd-demo') => page.evaluate((sel) => {
  const e = document.querySelector(sel), r = e.getBoundingClientRect(), root = e.shadowRoot;
  const vis = (x) => !!x && x.getClientRects().length > 0 && getComputedStyle(x).display !== 'none';
  const frame = root?.querySelector('iframe'), box = root?.querySelector('.fail'), link = box?.querySelector('a');
  return { w: r.width, h: r.height, frame: vis(frame), frameSrc: frame?.getAttribute('src') ?? null, fr: frame ? [frame.clientWidth, frame.clientHeight] : null,
    failed: vis(box), message: box?.textContent ?? '', link: link && vis(link) ? link.href : null,
    fallback: vis(e.querySelector('.fallback')) };
}, sel);

describe('the <micrograd-demo> element', () => {
  for (const [file, w, h] of [['works-600.html', 600, 400], ['works-900.html', 900, 600]]) {
    it(`a working embed fills its ${w}x${h} box with the running page`, async () => {
      const { page, errors } = await openPage(browser, `${server.url}${file}`, { width: w + 100, height: h + 100 });
      await expect.poll(() => page.frames().length, { timeout: 30000 }).toBe(2);
      const inner = page.frames()[1];
      await inner.waitForFunction(() => window.micrograd?.trainer, null, { timeout: 30000 });
      await page.waitForTimeout(3500); // past the check that follows a frame's load
      const v = await look(page);
      expect([v.w, v.h]).toEqual([w, h]);
      expect(v.fr).toEqual([w, h]);
      expect([v.frame, v.failed, v.fallback]).toEqual([true, false, false]);
      if (w === 900) expect(await inner.evaluate(() => window.micrograd.trainer.options.dataset)).toBe('xor');
      else expect(await inner.evaluate(() => window.micrograd.trainer.options.hidden)).toEqual([4]);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('a page that is not there (404): a message and a plain link, not an empty box', async () => {
    const { page, errors } = await openPage(browser, `${server.url}missing.html`, { width: 800, height: 600 });
    await page.waitForFunction(() => document.querySelector('micrograd-demo')?.shadowRoot?.querySelector('.fail:not([hidden])'), null, { timeout: 15000 });
    const v = await look(page);
    expect([v.frame, v.failed, v.fallback]).toEqual([false, true, false]);
    expect(v.h).toBe(400);
    expect(v.message).toMatch(/^The micrograd demo could not be shown here: the page there did not start/);
    expect(v.link).toBe(`${server.origin}/no/such/page.html`);
    // the one error is the browser's own report of the 404
    expect(errors).toEqual(['console: Failed to load resource: the server responded with a status of 404 (Not Found)']);
    await page.close();
  });

  it('a host that never answers: the message after `timeout` seconds', async () => {
    const { page, errors } = await openPage(browser, undefined, { width: 800, height: 600 });
    const t0 = Date.now();
    await page.goto(`${server.url}hangs.html`, { waitUntil: 'domcontentloaded' }); // its frame never loads
    await page.waitForFunction(() => document.querySelector('micrograd-demo')?.shadowRoot?.querySelector('.fail:not([hidden])'), null, { timeout: 15000 });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1500);
    const v = await look(page);
    expect([v.frame, v.failed]).toEqual([false, true]);
    expect(v.message).toBe('The micrograd demo could not be shown here: it did not start within 2 s.Open the micrograd demo in a new tab');
    expect(v.link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/index\.html$/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a script host without CORS headers: the element never loads, the link written inside it shows', async () => {
    const cross = `${other.origin}/micrograd-demo.js`;
    const { page, errors } = await openPage(browser, undefined, { width: 800, height: 600 });
    await page.route(`${server.origin}/no-cors.html`, (route) => route.fulfill({ contentType: 'text/html',
      body: host(`<micrograd-demo height="400">${FALLBACK}</micrograd-demo>`, cross) }));
    await page.goto(`${server.origin}/no-cors.html`);
    await page.waitForTimeout(1000);
    const v = await look(page);
    expect(await page.evaluate(() => !!customElements.get('micrograd-demo'))).toBe(false);
    expect(v.fallback).toBe(true);
    expect(await page.locator('micrograd-demo a.fallback').getAttribute('href')).toBe('https://example.org/micrograd/');
    // the only errors: the browser's reports of the blocked script
    expect(errors.some((e) => /blocked by CORS policy/.test(e))).toBe(true);
    for (const e of errors) expect(e).toMatch(/micrograd-demo\.js.*blocked by CORS policy|Failed to load resource: net::ERR_FAILED|requestfailed: .*micrograd-demo\.js/);
    await page.close();
  });

  it('src accepts only http(s) URLs: javascript:, data: and friends run nothing and say why', async () => {
    const { page, errors } = await openPage(browser, `${server.url}schemes.html`, { width: 800, height: 1400 });
    await page.waitForFunction(() => document.querySelector('#d')?.shadowRoot?.querySelector('iframe')?.src, null, { timeout: 15000 });
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => window.pwned)).toBeUndefined();
    for (const id of ['a', 'b', 'c']) {
      const v = await look(page, `#${id}`);
      expect(v.frameSrc).toBe(null);
      expect([v.frame, v.failed, v.link]).toEqual([false, true, null]);
      expect(v.message).toMatch(/^The micrograd demo could not be shown here: its src must be an http:\/\/ or https:\/\/ address \(got "/);
    }
    // the default page still works, and a src changed later to javascript: is refused too
    expect((await look(page, '#d')).frameSrc).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/index\.html#view=boundary&controls=none$/);
    await page.evaluate(() => document.querySelector('#d').setAttribute('src', 'javascript:parent.pwned=4'));
    await page.waitForTimeout(300);
    const d = await look(page, '#d');
    expect([d.frame, d.failed, d.frameSrc]).toEqual([false, true, null]);
    expect(await page.evaluate(() => window.pwned)).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  });
});
