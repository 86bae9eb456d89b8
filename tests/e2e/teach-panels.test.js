// End-to-end: the optimizer panel per optimizer (AdamW: m̂, v̂ and the applied Δw; SGD: the velocity and Δw, each the
// engine's number for the last step, under a line saying what the optimizer does) and the dataset thumbnails (drawn
// from the engine's generators, picked by click or keyboard), at every frame size they show in.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { launch } from './browser.js';
import { serve } from './server.js';
import { SIZES, TOP, HOST, openAt, shown } from './frames.js';
import { cell } from '../../web/src/views/optimizer-table.js';

const dist = new URL('../../dist/', import.meta.url).pathname;
let server, browser;
beforeAll(async () => { server = await serve(dist, '/', { '/host.html': HOST }); browser = await launch(); });
afterAll(async () => { await browser?.close(); await server?.close(); });

/** The table as shown: header texts and, per row in view, its parameter and its cells. */
const table = (app) => app.evaluate(() => ({
  head: [...document.querySelectorAll('.optimizer-table thead th')].map((th) => th.textContent),
  rows: [...document.querySelectorAll('.optimizer-table tbody tr[data-param]')].filter((tr) => !tr.hidden)
    .map((tr) => ({ p: Number(tr.dataset.param), cells: [...tr.cells].map((td) => td.textContent) })),
  note: document.querySelector('.optimizer-explain').textContent,
}));
/** What the engine says those cells hold. */
const engineRows = (app, keys) => app.evaluate((keys) => {
  const t = window.micrograd.trainer, st = t.optimizerState(), w = t.parameters();
  return { names: t.paramNames(), cols: keys.map((k) => Array.from(k === 'value' ? w : st[k])) };
}, keys);

async function expectTable(app, keys, head) {
  const shownTable = await table(app);
  expect(shownTable.head).toEqual(head);
  expect(shownTable.rows.length).toBeGreaterThan(10);
  const e = await engineRows(app, keys);
  for (const r of shownTable.rows) expect(r.cells).toEqual([e.names[r.p], ...e.cols.map((c) => cell(c[r.p]))]);
  // Δw is never all zero after a step, and the old AdamW-only columns are gone
  expect(e.cols.at(-1).some((d) => d !== 0)).toBe(true);
  return shownTable;
}

describe.each(TOP)('optimizer panel at $name', (size) => {
  it('AdamW shows m̂, v̂ and Δw; SGD the velocity and Δw: the engine\'s numbers, explained', async () => {
    const { page, app, errors } = await openAt(browser, server, size, server.url);
    await app.waitForSelector('.optimizer-table', { timeout: 30000 }); // it loads after the page is live
    expect(await shown(app, '.optimizer-table')).toBe(true);
    let t = await table(app);
    expect(t.note).toMatch(/^AdamW: m and v are running means of the grad \(β₁ = 0\.9\) and of its square \(β₂ = 0\.95\);.*Before the first step all are 0\.$/);
    await app.getByRole('button', { name: 'Step ×10' }).click();
    t = await expectTable(app, ['value', 'grad', 'mHat', 'vHat', 'delta'],
      ['param', 'wvalue', 'gradof the batch', 'm̂mean grad', 'v̂mean grad²', 'Δwlast step']);
    expect(t.note).toMatch(/Δw = −lr · \(m̂ \/ \(√v̂ \+ 1e-8\) \+ wd · w\).*After step 10\.$/);
    expect(t.head.join()).not.toMatch(/√v|-m/);
    // it fits its frame: no sideways scrolling inside it or past the viewport's edge (the phone too)
    const fit = await app.evaluate(() => {
      const sc = document.querySelector('.table-scroll'), r = document.getElementById('optimizer-panel').getBoundingClientRect();
      return { over: sc.scrollWidth - sc.clientWidth, right: r.right, width: document.documentElement.clientWidth };
    });
    expect(fit.over).toBeLessThanOrEqual(1);
    expect(fit.right).toBeLessThanOrEqual(fit.width);
    await app.selectOption('#set-opt', 'sgd');
    await app.waitForFunction(() => window.micrograd.trainer.options.optimizer === 'sgd');
    await app.getByRole('button', { name: 'Step ×10' }).click();
    t = await expectTable(app, ['value', 'grad', 'velocity', 'delta'], ['param', 'wvalue', 'gradof the batch', 'velocitymomentum', 'Δwlast step']);
    expect(t.note).toMatch(/^SGD with momentum: .*μ = 0\.9 .*Δw = −lr · velocity.*After step 10\.$/);
    // the header says what each column is
    expect(await app.locator('.optimizer-table th[data-col="velocity"]').getAttribute('title')).toMatch(/^The velocity: μ · velocity \+ grad \+ wd · w/);
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** The thumbnails' state: names, which is chosen, and per thumbnail the colour under a few of its class-2 points. */
const thumbs = (app) => app.evaluate(() => {
  const m = window.micrograd, { n, noise, seed } = m.state, ext = { x0: -2, x1: 2, y0: -2, y1: 2 };
  return [...document.querySelectorAll('.thumb')].map((label) => {
    const input = label.querySelector('input'), c = label.querySelector('canvas'), ctx = c.getContext('2d');
    const d = m.engine.dataset(input.value, { n, noise, seed }), pts = [...d.train, ...d.val, ...d.test];
    // class 2 is drawn last: the pixel under each of its points has its colour
    const under = pts.filter((p) => p.label === 2 && Math.abs(p.x) < 1.9 && Math.abs(p.y) < 1.9).slice(0, 8).map((p) => {
      const x = Math.floor(((p.x - ext.x0) / (ext.x1 - ext.x0)) * c.width), y = Math.floor(((ext.y1 - p.y) / (ext.y1 - ext.y0)) * c.height);
      return Array.from(ctx.getImageData(x, y, 1, 1).data.slice(0, 3)).join(',');
    });
    const r = label.getBoundingClientRect();
    return { name: input.value, checked: input.checked, under, visible: r.width > 0 && r.height > 0, url: c.toDataURL() };
  });
});

describe.each(SIZES)('dataset thumbnails at $name', (size) => {
  it('each is drawn from the engine\'s generator; click or arrow keys pick one', async () => {
    const url = server.url + 'index.html' + (size.frame ? '#controls=full' : '');
    const { page, app, errors } = await openAt(browser, server, size, url);
    await app.waitForSelector('.thumb canvas', { timeout: 30000 }); // the settings panel loads after the page is live
    let t = await thumbs(app);
    const names = await app.evaluate(() => window.micrograd.engine.limits().dataset);
    expect(t.map((x) => x.name)).toEqual(names);
    expect(t.map((x) => x.checked)).toEqual(names.map((d) => d === 'yinyang'));
    for (const x of t) {
      expect(x.under.length).toBeGreaterThan(3);
      expect(new Set(x.under)).toEqual(new Set(['0,158,115'])); // CLASS_RGB[2]
    }
    expect(new Set(t.map((x) => x.url)).size).toBe(names.length); // five different pictures
    // a click picks a dataset
    await app.locator('label[for="set-dataset-circles"]').scrollIntoViewIfNeeded();
    expect(await app.locator('label[for="set-dataset-circles"]').isVisible()).toBe(true);
    await app.locator('label[for="set-dataset-circles"]').click();
    await app.waitForFunction(() => window.micrograd.trainer.options.dataset === 'circles');
    expect((await thumbs(app)).find((x) => x.checked).name).toBe('circles');
    // the keyboard: the chosen thumbnail has the focus, the arrows move the choice
    await app.locator('#set-dataset-circles').focus();
    await page.keyboard.press('ArrowRight');
    await app.waitForFunction(() => window.micrograd.trainer.options.dataset === 'xor');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await app.waitForFunction(() => window.micrograd.trainer.options.dataset === 'yinyang');
    // a new seed draws new pictures, from the same generator
    const before = (await thumbs(app)).map((x) => x.url);
    await app.evaluate(() => window.micrograd.actions.settings({ seed: 7 }));
    await app.waitForFunction(() => window.micrograd.state.seed === 7);
    await page.waitForTimeout(100);
    t = await thumbs(app);
    t.forEach((x, i) => { expect(x.url).not.toBe(before[i]); expect(new Set(x.under)).toEqual(new Set(['0,158,115'])); });
    expect(errors).toEqual([]);
    await page.close();
  });
});
