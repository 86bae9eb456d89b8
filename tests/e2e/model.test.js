// End-to-end: one page model. Each field has one owner, so two controls of one setting agree; views draw only what
// changed (counted engine calls and draws); a link that cannot be built says so; a frame that throws is reported
// and the loop goes on; share links carry every split; a new hash is applied.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { launch, openPage } from './browser.js';
import { serve } from './server.js';

const dist = new URL('../../dist/', import.meta.url).pathname;
let server, browser;
beforeAll(async () => { server = await serve(dist, '/'); browser = await launch(); });
afterAll(async () => { await browser?.close(); await server?.close(); });

const ready = (page) => page.waitForFunction(() => window.micrograd?.graphView?.ready, null, { timeout: 30000 });
/** Two animation frames: whatever the loop had to draw is drawn. */
const frames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
/** Counts calls of the engine's Trainer methods (by method and first argument) from now on. */
const countCalls = (page) => page.evaluate(() => {
  const P = Object.getPrototypeOf(window.micrograd.trainer);
  window.__calls = {};
  if (P.__counted) return;
  P.__counted = true;
  for (const k of Object.getOwnPropertyNames(P)) {
    const d = Object.getOwnPropertyDescriptor(P, k);
    if (typeof d.value !== 'function' || k === 'constructor' || k.startsWith('_')) continue;
    const f = d.value;
    P[k] = function (...a) {
      const key = typeof a[0] === 'string' ? `${k}:${a[0]}` : k;
      window.__calls[key] = (window.__calls[key] ?? 0) + 1;
      return f.apply(this, a);
    };
  }
});
const calls = (page) => page.evaluate(() => ({ ...window.__calls }));
const draws = (page) => page.evaluate(() => ({ ...window.micrograd.render?.counts }));
const diff = (a, b) => Object.fromEntries(Object.keys(b).filter((k) => b[k] !== a[k]).map((k) => [k, b[k] - (a[k] ?? 0)]));
async function canvasAt(page, x, y) {
  const b = await page.locator('canvas.boundary-canvas').boundingBox();
  return [b.x + ((x + 2) / 4) * b.width, b.y + ((2 - y) / 4) * b.height];
}

describe('one page model', () => {
  it('"Colour by grad" in the graph toolbar and the checkbox are one setting', async () => {
    const { page, errors } = await openPage(browser, server.url);
    await ready(page);
    const button = page.getByRole('button', { name: 'Colour by grad' });
    const box = page.locator('#color-grad');
    await button.click();
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    expect(await box.isChecked()).toBe(true);
    await box.uncheck();
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    expect(await page.locator('.gv.gv-colored').count()).toBe(0);
    await box.check();
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('.gv.gv-colored').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the per-point selector and the per-point view stay one choice when the network changes', async () => {
    const { page, errors } = await openPage(browser, server.url);
    await ready(page);
    const view = () => page.evaluate(() => ({ selected: document.getElementById('point-param').value, state: window.micrograd.state.pointParam,
      emphasis: !!window.micrograd.views?.boundary.last.emphasis, names: window.micrograd.snap?.paramNames() }));
    await page.selectOption('#point-param', { label: 'w[0][5][1]' });
    let v = await view();
    expect(v).toMatchObject({ selected: String(v.names.indexOf('w[0][5][1]')), emphasis: true });
    // narrower: w[0][5][1] is gone, so the choice is cleared in both places and every point is drawn plainly again
    await page.locator('input[aria-label="Neurons in hidden layer 1"]').fill('4');
    await page.locator('input[aria-label="Neurons in hidden layer 1"]').press('Enter');
    await page.waitForFunction(() => window.micrograd.trainer.options.hidden[0] === 4);
    v = await view();
    expect(v.selected).toBe(String(v.state ?? '')); // it used to say none while the view stayed on
    expect(v).toMatchObject({ selected: '', state: null, emphasis: false });
    // a parameter that survives the change stays chosen, under its own name
    await page.selectOption('#point-param', { label: 'b[1][2]' });
    await page.locator('label[for="set-dataset-xor"]').click();
    await page.waitForFunction(() => window.micrograd.trainer.options.dataset === 'xor');
    v = await view();
    expect(v.names[Number(v.selected)]).toBe('b[1][2]');
    expect(v.state).toBe(Number(v.selected));
    expect(v.emphasis).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a link whose network cannot be built says so and shows the settings actually trained', async () => {
    // The page's largest network fits the memory budget on its own: another trainer holds most of it here.
    const { page, errors } = await openPage(browser, server.url);
    await ready(page);
    await page.evaluate(() => {
      const e = window.micrograd.engine;
      window.hog = new e.Trainer({ hidden: [256, 256], n: 6 });
      e.setMemoryBudget(Math.ceil(e.memory().inUse + 4e6));
      location.hash = '#hidden=32,32,32,32&n=2000&lr=0.05';
    });
    await page.waitForFunction(() => window.micrograd.trainer.lr === 0.05);
    await frames(page);
    const message = await page.locator('#controls-panel .message').textContent();
    expect(message).toMatch(/This link's network \(2-32-32-32-32-3 on 2000 yinyang points\) could not be built: .+ Training 2-8-3 on 100 yinyang points instead\./);
    const shown = await page.evaluate(() => ({ n: document.getElementById('set-n').value, lr: document.getElementById('set-lr').value,
      widths: [...document.querySelectorAll('.layers input')].map((i) => i.value), options: window.micrograd.trainer.options }));
    expect(shown.n).toBe('100');
    expect(shown.widths).toEqual(['8']);
    expect(shown.options).toMatchObject({ n: 100, hidden: [8] });
    expect(shown.lr).toBe('0.05'); // what the link asked for and the engine took
    expect(await page.evaluate(() => window.micrograd.trainer.lr)).toBe(0.05);
    await page.evaluate(() => { window.hog.delete(); window.micrograd.engine.setMemoryBudget(window.micrograd.engine.limits().memoryBudget); });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('counts engine calls: a click copies each split at most once, lr redraws only the settings, playing copies no points', async () => {
    const { page, errors } = await openPage(browser, server.url);
    await ready(page);
    await frames(page);
    await countCalls(page);
    let d0 = await draws(page);
    await page.mouse.click(...(await canvasAt(page, 1.7, 1.7)));
    await frames(page);
    let c = await calls(page);
    expect(await page.evaluate(() => window.micrograd.trainer.points('train').length)).toBe(81);
    for (const split of ['train', 'val', 'test']) expect(c[`points:${split}`] ?? 0).toBeLessThanOrEqual(1);
    expect(diff(d0, await draws(page))).not.toHaveProperty('settings');

    await countCalls(page);
    d0 = await draws(page);
    await page.fill('#set-lr', '0.05');
    await page.press('#set-lr', 'Enter');
    await page.waitForFunction(() => window.micrograd.trainer.lr === 0.05);
    await page.waitForTimeout(600); // past the URL writer's half second
    await frames(page);
    const redrawn = diff(d0, await draws(page));
    expect(Object.keys(redrawn).filter((k) => k !== 'url')).toEqual(['settings']);
    c = await calls(page);
    expect(Object.keys(c).filter((k) => !/^(setLr|lr|stepCount)$/.test(k))).toEqual([]);

    await countCalls(page);
    await page.evaluate(() => window.micrograd.actions.setSpeed(6)); // 2 steps a frame
    await page.evaluate(() => window.micrograd.actions.play());
    await page.waitForFunction(() => window.micrograd.trainer.stepCount > 40);
    await page.evaluate(() => window.micrograd.actions.pause());
    c = await calls(page);
    expect(c.steps).toBeGreaterThan(10);
    expect(Object.keys(c).filter((k) => k.startsWith('points'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a frame that throws is reported on the page and the loop goes on', async () => {
    const { page, errors } = await openPage(browser, server.url);
    await ready(page);
    await page.evaluate(() => {
      const t = window.micrograd.trainer, real = t.graphValues;
      t.graphValues = () => { t.graphValues = real; throw new Error('a planted fault'); };
      window.micrograd.actions.setSpeed(5);
      window.micrograd.actions.play();
    });
    await page.waitForFunction(() => document.getElementById('status').textContent.includes('a planted fault'));
    const step = await page.evaluate(() => Number(document.getElementById('readout-step').textContent));
    await page.waitForFunction((s) => Number(document.getElementById('readout-step').textContent) > s + 20, step);
    expect(await page.locator('#status').getAttribute('class')).toMatch(/error/);
    // the loop measures the speed over half a second or more (20 steps may come sooner): until then, playing,
    // the readout says so, never 'paused'
    expect(await page.locator('#readout-speed').textContent()).toMatch(/^(measuring…|[\d.,]+ steps\/s · [\d.]+ ms\/step)$/);
    await page.waitForFunction(() => /steps\/s/.test(document.getElementById('readout-speed').textContent), null, { timeout: 5000 });
    expect(await page.locator('#readout-speed').textContent()).toMatch(/^[\d.,]+ steps\/s · [\d.]+ ms\/step$/);
    await page.evaluate(() => window.micrograd.actions.pause());
    await frames(page);
    expect(await page.locator('#readout-speed').textContent()).toBe('paused');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a big network runs every step asked for, though one engine call runs only one of its steps', async () => {
    const { page, errors } = await openPage(browser, `${server.url}#hidden=32,32&n=1000`);
    await page.waitForFunction(() => window.micrograd?.trainer, null, { timeout: 30000 });
    const r = await page.evaluate(() => {
      const { actions, trainer } = window.micrograd, s0 = trainer.stepCount;
      const done = actions.train(3);
      return { done, ran: trainer.stepCount - s0, lastCall: trainer.lastSteps };
    });
    expect(r.lastCall).toBe(1); // the engine's work cap per call: one step of this network
    expect(r).toEqual({ done: 3, ran: 3, lastCall: 1 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a share link carries the test split too', async () => {
    const { page, errors } = await openPage(browser, server.url);
    await page.waitForFunction(() => window.micrograd?.trainer, null, { timeout: 30000 });
    await page.evaluate(() => { window.micrograd.actions.addPoint(0.5, 0.5, false); window.micrograd.actions.deletePoint('test', 0); });
    await page.waitForTimeout(700); // the URL is written at most twice a second
    expect(page.url()).toMatch(/&test=/);
    const test = await page.evaluate(() => window.micrograd.trainer.points('test'));
    expect(test).toHaveLength(9);
    const { page: p2, errors: e2 } = await openPage(browser, page.url());
    await p2.waitForFunction(() => window.micrograd?.trainer, null, { timeout: 30000 });
    expect(await p2.evaluate(() => window.micrograd.trainer.points('test'))).toEqual(test);
    expect([...errors, ...e2]).toEqual([]);
    await page.close();
    await p2.close();
  });

  it('a link that differs only in its hash is applied when navigated to, with the same strict messages', async () => {
    const { page, errors } = await openPage(browser, server.url);
    await ready(page);
    await page.evaluate(() => { location.hash = '#dataset=xor&tx=0.5&ty=-0.25&tl=2&lr=0.03&speed=oops'; });
    await page.waitForFunction(() => window.micrograd.trainer.options.dataset === 'xor');
    await frames(page);
    const s = await page.evaluate(() => { const s = window.micrograd.state; return [s.tx, s.ty, s.tl, window.micrograd.trainer.lr, s.speed]; });
    expect(s).toEqual([0.5, -0.25, 2, 0.03, 3]);
    expect(await page.locator('#controls-panel .message').textContent()).toMatch(/Ignored speed 'oops' in the link/);
    expect(await page.locator('input[name="dataset"]:checked').getAttribute('value')).toBe('xor');
    // the points of a link come with it
    await page.evaluate(() => { location.hash = '#train=0.5,0.5,1;-0.5,-0.5,2&val=&test='; });
    await page.waitForFunction(() => window.micrograd.trainer.points('train').length === 2);
    expect(await page.evaluate(() => [window.micrograd.trainer.options.dataset, window.micrograd.trainer.points('val').length])).toEqual(['yinyang', 0]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a 2-32-32-3 page holds a few thousand elements and training adds none (it held over 12,000)', async () => {
    const { page, errors } = await openPage(browser, `${server.url}#hidden=32,32&n=1000`);
    await ready(page);
    const r = await page.evaluate(() => new Promise((done) => {
      let added = 0;
      const mo = new MutationObserver((list) => {
        for (const m of list) for (const n of m.addedNodes) if (n.nodeType === 1 && !n.closest('.lc-axis')) added++; // axis ticks may move
      });
      mo.observe(document.body, { childList: true, subtree: true });
      const { actions, trainer } = window.micrograd;
      actions.setSpeed(5);
      actions.play();
      const check = () => {
        if (trainer.stepCount < 8) { setTimeout(check, 50); return; }
        actions.pause();
        mo.disconnect();
        done({ added, elements: document.getElementsByTagName('*').length, rows: document.querySelectorAll('.optimizer-table tbody tr').length });
      };
      check();
    }));
    expect(r.added).toBe(0);
    expect(r.elements).toBeLessThan(5000);
    expect(r.rows).toBeLessThan(100); // of 1,251 parameters: only the rows in view exist
    // the rows in view follow the scroll
    await page.locator('.table-scroll').evaluate((e) => { e.scrollTop = 9000; });
    await page.waitForFunction(() => [...document.querySelectorAll('.optimizer-table tbody tr')].some((tr) => !tr.hidden && tr.firstChild?.textContent === 'w[1][12][6]'));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the settings panel, the traced point and the link take their limits and names from the engine', async () => {
    const { page, errors } = await openPage(browser, `${server.url}#n=1`);
    await page.waitForFunction(() => window.micrograd?.trainer, null, { timeout: 30000 });
    const r = await page.evaluate(() => {
      const l = window.micrograd.engine.limits(), $ = (id) => document.getElementById(id);
      return { l, n: [$('set-n').min, $('set-n').max], wd: [$('set-wd').min, $('set-wd').max], trace: [$('trace-x').min, $('trace-x').max],
        width: [document.querySelector('.layers input').min, document.querySelector('.layers input').max],
        datasets: [...document.querySelectorAll('input[name="dataset"]')].map((r) => [r.value, r.closest('label').textContent]), message: document.querySelector('#controls-panel .message').textContent };
    });
    expect(r.n).toEqual([String(r.l.page.n.min), String(r.l.page.n.max)]);
    expect(r.wd).toEqual([String(r.l.page.weightDecay.min), String(r.l.page.weightDecay.max)]);
    expect(r.trace).toEqual([String(r.l.page.trace.min), String(r.l.page.trace.max)]);
    expect(r.width).toEqual([String(r.l.page.hidden.minWidth), String(r.l.page.hidden.maxWidth)]);
    expect(r.datasets).toEqual(r.l.dataset.map((d) => [d, r.l.datasetTitle[d]]));
    expect(r.message).toContain(`Ignored points '1' in the link: expected an integer from ${r.l.page.n.min} to ${r.l.page.n.max}.`);
    expect(errors).toEqual([]);
    await page.close();
  });
});
