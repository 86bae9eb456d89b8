// End-to-end: the teaching controls at every frame size they show in (issue 13): the keys drive a walk (not
// training) and its speed is chosen; the watchdog's offer trains and its message rounds; after Clear the readouts
// say "—" and why, and Play / Step say why they do nothing; "Check pinned node" waits for a pinned node.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { launch } from './browser.js';
import { serve } from './server.js';
import { SIZES, TOP, HOST, openAt, shown } from './frames.js';

const dist = new URL('../../dist/', import.meta.url).pathname;
let server, browser;
beforeAll(async () => { server = await serve(dist, '/', { '/host.html': HOST }); browser = await launch(); });
afterAll(async () => { await browser?.close(); await server?.close(); });

const state = (app) => app.evaluate(() => {
  const { state: s, trainer: t } = window.micrograd;
  return { walkMode: s.walkMode, walkPos: s.walkPos, walkPlaying: s.walkPlaying, walkSpeed: s.walkSpeed, playing: s.playing,
    step: t.stepCount, lr: t.lr, message: s.message, recovery: s.recovery };
});
const text = (app, sel) => app.locator(sel).textContent();

describe.each(SIZES)('walk-through keys and speed at $name', (size) => {
  it('←/→, s and space drive the walk, not training; Esc leaves it; the speed control sets its pace', async () => {
    // in an iframe the walk bar shows with the graph (view=graph)
    const url = size.frame ? `${server.url}index.html#view=graph` : server.url;
    const { page, app, errors } = await openAt(browser, server, size, url, { graph: true });
    expect(await shown(app, '#walk-speed')).toBe(true);
    await app.locator('label[for="walk-backward"]').click();
    for (const key of ['ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowLeft', 's']) await page.keyboard.press(key);
    let s = await state(app);
    expect([s.walkMode, s.walkPos, s.step]).toEqual(['backward', 3, 0]);
    expect(await text(app, '.walk-where')).toBe('backward 3 / 187');
    expect(await app.locator('g.gv-value.gv-current').count()).toBe(1);
    await page.keyboard.press('End');
    expect((await state(app)).walkPos).toBe(187);
    await page.keyboard.press('Home');
    expect((await state(app)).walkPos).toBe(0);

    // space plays the walk (not training); the speed control sets how fast it goes
    await app.selectOption('#walk-speed', '1');
    await page.keyboard.press('Space');
    await page.waitForTimeout(1500);
    s = await state(app);
    expect([s.walkPlaying, s.playing, s.step, s.walkSpeed]).toEqual([true, false, 0, 1]);
    expect(s.walkPos).toBeGreaterThanOrEqual(1);
    expect(s.walkPos).toBeLessThanOrEqual(3);
    const slow = s.walkPos;
    await app.selectOption('#walk-speed', '50');
    await app.locator('.walk-text').click(); // focus leaves the select: the keys are the page's again
    await page.waitForTimeout(1500);
    s = await state(app);
    expect(s.walkSpeed).toBe(50);
    expect(s.walkPos - slow).toBeGreaterThanOrEqual(15);
    await page.keyboard.press('Space');
    s = await state(app);
    expect([s.walkPlaying, s.step]).toEqual([false, 0]);
    const at = s.walkPos;
    await page.waitForTimeout(300);
    expect((await state(app)).walkPos).toBe(at);
    expect(await app.locator('.walk button[aria-label="Walk: play or pause"]').textContent()).toBe('Play walk');

    // the walk's own mode radios: the arrows move the walk, not the choice of pass
    await app.locator('#walk-backward').focus();
    await page.keyboard.press('ArrowRight');
    s = await state(app);
    expect([s.walkMode, s.walkPos]).toEqual(['backward', at + 1]);

    // Escape: back to the live numbers; then → trains again
    await page.keyboard.press('Escape');
    expect((await state(app)).walkMode).toBe('off');
    await app.locator('.walk-text').click();
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await state(app)).step).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe.each(SIZES)('watchdog at $name', (size) => {
  it('lr 100 diverges: the message rounds its numbers, and the offered reset trains', async () => {
    const hash = `#lr=100&speed=8&autoplay=1${size.frame ? '&controls=min' : ''}`;
    const { page, app, errors } = await openAt(browser, server, size, server.url + 'index.html' + hash);
    await app.waitForFunction(() => window.micrograd.state.recovery, null, { timeout: 30000 });
    const msg = await text(app, '#controls-panel .message');
    expect(await shown(app, '#controls-panel .message')).toBe(true);
    expect(msg).toMatch(/^Training paused at step \d+: with learning rate 100 it diverged, the loss is (nan|inf|[\d.e+-]+)/);
    expect(msg).not.toMatch(/\d\.\d{5}/); // rounded
    const button = app.getByRole('button', { name: 'Reset with learning rate 0.1', exact: true });
    expect(await button.isVisible()).toBe(true);
    await button.click();
    let s = await state(app);
    expect([s.lr, s.recovery, s.message]).toEqual([0.1, null, '']);
    expect(s.playing).toBe(true); // training goes on, at the offered rate
    await app.waitForFunction(() => window.micrograd.trainer.stepCount >= 300, null, { timeout: 60000 });
    await app.evaluate(() => window.micrograd.actions.pause());
    s = await state(app);
    expect(s.recovery).toBe(null);
    const loss = await app.evaluate(() => window.micrograd.trainer.loss('train'));
    expect(loss).toBeLessThan(0.2);
    expect(await app.locator('g.gv-value.gv-bad').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe.each(SIZES)('Clear at $name', (size) => {
  it('the readouts say "—" and why; Play and Step say why they do nothing; a new point answers it', async () => {
    const { page, app, errors } = await openAt(browser, server, size, server.url + 'index.html');
    await app.getByRole('button', { name: 'Clear', exact: true }).click();
    for (const id of ['train-loss', 'val-loss', 'train-acc', 'val-acc']) expect(await text(app, `#readout-${id}`)).toBe('—');
    expect(await shown(app, '#readout-note')).toBe(true);
    expect(await text(app, '#readout-note')).toMatch(/^No training points: click the canvas to add some/);
    expect(await app.locator('.readouts').textContent()).not.toMatch(/NaN|nan/);
    for (const name of ['Step', 'Play']) {
      await app.evaluate(() => window.micrograd.store.set({ message: '' }));
      await app.getByRole('button', { name, exact: true }).click();
      const s = await state(app);
      expect([s.step, s.playing]).toEqual([0, false]);
      expect(await shown(app, '#controls-panel .message')).toBe(true);
      expect(await text(app, '#controls-panel .message')).toMatch(/^Nothing to train on: there are no training points\. Click the canvas/);
    }
    // a point added on the canvas: the readouts have numbers again and the message is answered
    const box = await app.locator('canvas.boundary-canvas').boundingBox();
    await app.locator('canvas.boundary-canvas').click({ position: { x: box.width * 0.3, y: box.height * 0.3 } });
    await expect.poll(() => text(app, '#readout-train-loss')).toMatch(/^\d+\.\d{6}$/);
    expect(await text(app, '#controls-panel .message')).toBe('');
    expect(await text(app, '#readout-val-loss')).toBe('—');
    expect(await text(app, '#readout-note')).toMatch(/^No validation points/);
    await app.getByRole('button', { name: 'Step', exact: true }).click();
    expect((await state(app)).step).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe.each(TOP)('Check pinned node at $name', (size) => {
  it('is disabled, saying why, until a node is pinned', async () => {
    const { page, app, errors } = await openAt(browser, server, size, server.url, { graph: true });
    const check = app.getByRole('button', { name: 'Check pinned node' });
    expect(await check.isDisabled()).toBe(true);
    expect(await check.getAttribute('title')).toMatch(/^Disabled until a node is pinned: click a node in the graph/);
    // at the op level a click on a box pins it (at the neuron level it expands the neuron)
    await app.getByRole('button', { name: 'Ops', exact: true }).click();
    await app.waitForFunction(() => window.micrograd.graphView.level === 'ops' && window.micrograd.graphView.ready &&
      document.querySelectorAll('g.gv-value').length === 157);
    const pin = await app.evaluate(() => Number(document.querySelector('g.gv-value').dataset.index)); // one in view
    await app.locator(`g.gv-value[data-index="${pin}"]`).click();
    expect(await app.evaluate(() => window.micrograd.state.pinned)).toBe(pin);
    expect(await check.isDisabled()).toBe(false);
    const name = await app.evaluate(() => { const s = window.micrograd.state; return window.micrograd.trainer.graph(s.tx, s.ty, s.tl).nodes[s.pinned].name; });
    expect(await check.getAttribute('title')).toBe(`Compare ${name}'s grad with a central finite difference`);
    await check.click();
    expect(await text(app, '.check-result')).toMatch(/relative error .* ✓ pass/);
    await app.evaluate(() => window.micrograd.actions.pin(null));
    expect(await check.isDisabled()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
