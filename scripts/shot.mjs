// Development helper: screenshot a URL in headless Chromium (node scripts/shot.mjs URL out.png [w h]).
import { launch, openPage } from '../tests/e2e/browser.js';

const [url, out = '/tmp/shot.png', w = '1400', h = '1000'] = process.argv.slice(2);
const browser = await launch();
const { page, errors } = await openPage(browser, url, { width: Number(w), height: Number(h) });
await page.waitForTimeout(Number(process.env.WAIT ?? 1500));
await page.screenshot({ path: out, fullPage: true });
console.log(errors.join('\n') || 'no errors');
await browser.close();
