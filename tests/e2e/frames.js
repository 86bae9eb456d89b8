// The frame sizes the page is tried at (issue 13): two desktops and a phone as the top page, and 600x400 and 900x600
// iframes in a host page; openAt() opens the page at one of them and returns the frame the app runs in.
import { openPage } from './browser.js';

export const SIZES = [
  { name: '1400x1050', width: 1400, height: 1050 },
  { name: '1920x1080', width: 1920, height: 1080 },
  { name: 'phone 390x844', width: 390, height: 844, phone: true },
  { name: 'iframe 600x400', width: 600, height: 400, frame: true },
  { name: 'iframe 900x600', width: 900, height: 600, frame: true },
];
export const TOP = SIZES.filter((s) => !s.frame);
export const FRAMES = SIZES.filter((s) => s.frame);

/** The host page of the iframe sizes: an iframe of the size in its query, framing the URL in its hash. */
export const HOST = '<!doctype html><html><head><link rel="icon" href="data:,"></head><body style="margin:0">' +
  '<iframe id="f" style="border:0"></iframe><script>const q = new URLSearchParams(location.search), f = document.getElementById("f");' +
  'f.width = q.get("w"); f.height = q.get("h"); f.src = decodeURIComponent(location.hash.slice(1));</script></body></html>';

/**
 * Opens `url` (the app's page, with its hash) at `size`; resolves when the app runs (and its graph, if `graph`).
 * @param {any} browser @param {{ origin: string }} server serving HOST at /host.html
 * @returns {Promise<{ page: any, app: any, errors: string[] }>} app: the Frame the app runs in
 */
export async function openAt(browser, server, size, url, { graph = false } = {}) {
  let page, errors;
  if (size.frame) {
    ({ page, errors } = await openPage(browser, `${server.origin}/host.html?w=${size.width}&h=${size.height}#${encodeURIComponent(url)}`,
      { width: size.width + 40, height: size.height + 40 }));
  } else {
    ({ page, errors } = await openPage(browser, url, { width: size.width, height: size.height }));
  }
  let app = page.mainFrame();
  if (size.frame) {
    await page.waitForFunction(() => document.getElementById('f').contentWindow?.location.href.includes('index.html'), null, { timeout: 30000 });
    app = page.frames().find((f) => f !== page.mainFrame());
  }
  await app.waitForFunction(() => window.micrograd?.trainer, null, { timeout: 30000 });
  if (graph) await app.waitForFunction(() => window.micrograd.graphView?.ready, null, { timeout: 30000 });
  return { page, app, errors };
}

/** Whether the element is rendered (not display:none anywhere up its tree) in the app's frame. */
export const shown = (app, selector) => app.evaluate((sel) => {
  const e = document.querySelector(sel);
  return !!e && e.getClientRects().length > 0;
}, selector);
