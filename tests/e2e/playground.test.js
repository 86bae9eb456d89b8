// End-to-end: editing the data on the canvas (add, move, delete, undo/redo), datasets, the network,
// sharing a link and opening malformed ones.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { launch, openPage } from './browser.js';
import { serve } from './server.js';

const dist = new URL('../../dist/', import.meta.url).pathname;
let server, browser;
beforeAll(async () => { server = await serve(dist, '/'); browser = await launch(); });
afterAll(async () => { await browser?.close(); await server?.close(); });

const ready = (page) => page.waitForFunction(() => window.micrograd?.trainer, null, { timeout: 30000 });
const count = (page, split = 'train') => page.evaluate((s) => window.micrograd.trainer.points(s).length, split);
/** Canvas position (CSS px, page coordinates) of data point (x, y) on the [-2, 2] plane. */
async function at(page, x, y) {
  const b = await page.locator('canvas.boundary-canvas').boundingBox();
  return [b.x + ((x + 2) / 4) * b.width, b.y + ((2 - y) / 4) * b.height];
}

describe('playground', () => {
  it('adds, moves, deletes points on the canvas with undo and redo', async () => {
    const { page, errors } = await openPage(browser, server.url);
    await ready(page);
    expect(await count(page)).toBe(80);
    // click on an empty spot adds a point of the selected class (key 3 -> class 2)
    await page.keyboard.press('3');
    await page.mouse.click(...(await at(page, 1.7, 1.7)));
    expect(await count(page)).toBe(81);
    let last = await page.evaluate(() => window.micrograd.trainer.points('train').at(-1));
    expect(last.label).toBe(2);
    expect(last.x).toBeCloseTo(1.7, 1);
    // shift-click adds class 1
    await page.keyboard.down('Shift');
    await page.mouse.click(...(await at(page, -1.7, 1.7)));
    await page.keyboard.up('Shift');
    last = await page.evaluate(() => window.micrograd.trainer.points('train').at(-1));
    expect(last.label).toBe(1);
    // drag the first added point
    const [sx, sy] = await at(page, 1.7, 1.7);
    await page.mouse.move(sx, sy);
    await page.mouse.down();
    await page.mouse.move(sx - 40, sy + 60, { steps: 6 });
    await page.mouse.up();
    const moved = await page.evaluate(() => window.micrograd.trainer.points('train')[80]);
    expect(moved.x).toBeLessThan(1.5);
    expect(moved.y).toBeLessThan(1.4);
    expect(await count(page)).toBe(82);
    // right-click deletes the nearest point
    await page.mouse.click(...(await at(page, -1.7, 1.7)), { button: 'right' });
    expect(await count(page)).toBe(81);
    // undo the delete, the move; redo
    await page.keyboard.press('Control+z');
    expect(await count(page)).toBe(82);
    await page.keyboard.press('Control+z');
    expect((await page.evaluate(() => window.micrograd.trainer.points('train')[80])).x).toBeCloseTo(1.7, 1);
    await page.keyboard.press('Control+Shift+z');
    expect((await page.evaluate(() => window.micrograd.trainer.points('train')[80])).x).toBeLessThan(1.5);
    // training continues on the edited data without a reset
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    expect(await page.evaluate(() => window.micrograd.trainer.stepCount)).toBe(1);
    // clear
    await page.getByRole('button', { name: 'Clear' }).click();
    expect(await count(page)).toBe(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    expect(await count(page)).toBe(82);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('switches datasets and rebuilds the network on an architecture change', async () => {
    const { page, errors } = await openPage(browser, server.url);
    await ready(page);
    const first = await page.evaluate(() => window.micrograd.trainer.points('train')[0]);
    await page.locator('label[for="set-dataset-spiral"]').click();
    await page.waitForFunction(() => window.micrograd.trainer.options.dataset === 'spiral');
    expect(await page.evaluate(() => window.micrograd.trainer.points('train')[0])).not.toEqual(first);
    await page.getByRole('button', { name: 'Step ×10' }).click();
    expect(await page.evaluate(() => window.micrograd.trainer.stepCount)).toBe(10);
    await page.getByRole('button', { name: 'Add a hidden layer' }).click();
    await page.waitForFunction(() => window.micrograd.trainer.options.hidden.length === 2);
    expect(await page.evaluate(() => window.micrograd.trainer.stepCount)).toBe(0);
    await page.fill('#set-lr', '0.05');
    await page.press('#set-lr', 'Enter');
    await page.locator('#set-lr').blur();
    await page.waitForFunction(() => window.micrograd.trainer.lr === 0.05);
    await page.fill('#set-n', '999999');
    await page.locator('#set-n').blur();
    await expect.poll(() => page.locator('.settings .field-error').textContent()).toMatch(/points: expected an integer from 6 to 2000/);
    expect(await page.evaluate(() => window.micrograd.trainer.options.n)).toBe(100);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a shared link restores the same state and the same numbers', async () => {
    const { page, errors } = await openPage(browser, server.url);
    await ready(page);
    await page.locator('label[for="set-dataset-xor"]').click();
    await page.waitForFunction(() => window.micrograd.trainer.options.dataset === 'xor');
    await page.evaluate(() => { const m = window.micrograd; m.actions.setTrace(0.75, -0.5); m.actions.setTraceLabel(2); m.actions.setSpeed(6); });
    await page.locator('canvas.boundary-canvas').scrollIntoViewIfNeeded(); // the thumbnails sit below it: clicking one scrolled
    await page.mouse.click(...(await at(page, 0.02, 0.03))); // inside the empty band around the axes
    await page.waitForTimeout(700); // the URL is written at most twice a second
    const url = page.url();
    expect(url).toContain('dataset=xor');
    const steps = () => window.micrograd.trainer.steps(5) + window.micrograd.trainer.forward(0.1, 0.2)[0];
    const a = await page.evaluate(steps);
    const { page: p2, errors: e2 } = await openPage(browser, url);
    await ready(p2);
    const state = await p2.evaluate(() => { const s = window.micrograd.state; return { x: s.tx, y: s.ty, label: s.tl, speed: s.speed, n: window.micrograd.trainer.points('train').length }; });
    expect(state).toEqual({ x: 0.75, y: -0.5, label: 2, speed: 6, n: 81 });
    // the same numbers: page 1 took 5 steps after the link was written; so does page 2
    expect(await p2.evaluate(steps)).toBe(a);
    expect([...errors, ...e2]).toEqual([]);
    await page.close();
    await p2.close();
  });

  it('malformed and hostile links fall back to defaults with a visible message and run nothing', async () => {
    const hostile = `#lr=abc&hidden=0&dataset=%3Cimg%20src%3Dx%20onerror%3D%22window.pwned%3D1%22%3E&train=1,2&n=${'9'.repeat(50)}`;
    const { page, errors } = await openPage(browser, server.url + hostile);
    await ready(page);
    const status = await page.locator('#controls-panel .message').textContent();
    expect(status).toMatch(/Ignored learning rate 'abc'/);
    expect(status).toMatch(/Ignored dataset '<img src=x/);
    expect(await page.evaluate(() => window.pwned)).toBeUndefined();
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => window.micrograd.trainer.options)).toMatchObject({ lr: 0.1, hidden: [8], dataset: 'yinyang', n: 100 });
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    expect(await page.evaluate(() => window.micrograd.trainer.stepCount)).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
