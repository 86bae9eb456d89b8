// End-to-end: expression mode (issue 15) on the built site. Typing or picking a snippet shows the reference's numbers
// (tests/golden/expressions, within 1e-10 relative: WASM's libm differs in the last bit) on the page and in its graph;
// errors mark their line and keep the last graph; sliders move values without a new layout; walks and checks work;
// the link, the mode switch, a 600x400 embed and the custom element work; a snippet page never loads the network.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { launch, openPage } from './browser.js';
import { serve } from './server.js';

const dist = new URL('../../dist/', import.meta.url).pathname;
const golden = (f) => readFileSync(new URL(`../golden/expressions/${f}`, import.meta.url), 'utf8');
const SOFTMAX = golden('softmax.py');
const enc = (s) => encodeURIComponent(s);
const attr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
let server, browser;
beforeAll(async () => {
  server = await serve(dist, '/', {
    '/frame-expr.html': `<!doctype html><html><head><link rel="icon" href="data:,"></head><body style="margin:0"><iframe id="f" src="/index.html#expr=${enc(SOFTMAX)}" width="600" height="400" style="border:0"></iframe></body></html>`,
    '/element-expr.html': `<!doctype html><html><head><link rel="icon" href="data:,"></head><body><script type="module" src="/micrograd-demo.js"></script>
      <micrograd-demo expr="${attr(golden('neuron.py'))}" height="420"></micrograd-demo></body></html>`,
  });
  browser = await launch();
});
afterAll(async () => { await browser?.close(); await server?.close(); });

const close = (a, b) => a === b || Math.abs(a - b) <= 1e-10 * Math.abs(b);
/** The variables table on the page: [name, data, grad] as shown. */
const table = (page) => page.$$eval('.expr-table tbody tr', (rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));
/** Waits until the page shows `key`'s variables, then compares them with its golden .out. */
async function expectOut(page, key) {
  const want = golden(`${key}.out`).trim().split('\n').map((l) => /^(\S+) data=(\S+) grad=(\S+)$/.exec(l).slice(1));
  await page.waitForFunction((names) => [...document.querySelectorAll('.expr-table tbody tr')].map((r) => r.cells[0].textContent).join() === names,
    want.map((w) => w[0]).join(), { timeout: 30000 });
  const got = await table(page);
  got.forEach(([name, d, g], i) => {
    expect(name).toBe(want[i][0]);
    expect(close(Number(d), Number(want[i][1])), `${name}.data ${d} vs ${want[i][1]}`).toBe(true);
    expect(close(Number(g), Number(want[i][2])), `${name}.grad ${g} vs ${want[i][2]}`).toBe(true);
  });
}
/** Waits for the graph view to draw the snippet's graph, then compares it with its golden .graph.json. */
async function expectGraph(page, key) {
  const want = JSON.parse(golden(`${key}.graph.json`));
  await page.waitForFunction((n) => document.querySelectorAll('#expr-graph g.gv-value').length === n && window.micrograd.expr?.graph()?.nodes.length === n,
    want.nodes.length, { timeout: 30000 });
  const g = await page.evaluate(() => window.micrograd.expr.graph());
  expect(g.edges).toEqual(want.edges);
  g.nodes.forEach((n, i) => {
    expect([n.op, n.label]).toEqual([want.nodes[i].op, want.nodes[i].label]);
    expect(close(n.data, want.nodes[i].data) && close(n.grad, want.nodes[i].grad), `node ${i}`).toBe(true);
  });
  // every label is on its box, the numbers as the reference picture prints them
  const boxes = await page.$$eval('#expr-graph g.gv-value', (els) => els.map((e) => [Number(e.getAttribute('data-index')),
    [...e.querySelectorAll('text')].map((t) => t.textContent)]));
  for (const [i, texts] of boxes) {
    expect(texts[0].trim()).toBe(want.nodes[i].label ?? ''); // an unnamed node shows no name (its op is in the ellipse)
    expect(texts.at(-2)).toMatch(/^data: -?\d+\.\d{4}$/);
  }
}

describe('expression mode', () => {
  it('typing a snippet shows its graph and numbers; every preset gives the reference numbers', async () => {
    const { page, errors } = await openPage(browser, `${server.url}#mode=expression`, { width: 1400, height: 1050 });
    await expectOut(page, 'readme'); // the first preset opens
    await expectGraph(page, 'readme');
    const src = golden('neuron_exp.py'), cut = src.lastIndexOf('o.backward()');
    await page.fill('#expr-source', src.slice(0, cut)); // then type the last line key by key: it runs after a pause
    await page.focus('#expr-source');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('o.backward()\n', { delay: 20 });
    await expectOut(page, 'neuron_exp');
    await expectGraph(page, 'neuron_exp');
    expect(await page.evaluate(() => window.micrograd.state.expr)).toBe(src);
    for (const key of ['neuron', 'softmax', 'readme']) {
      await page.selectOption('#expr-preset', key);
      await expectOut(page, key);
      await expectGraph(page, key);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an error marks its line and keeps the last good graph, dimmed', async () => {
    const { page, errors } = await openPage(browser, `${server.url}#expr=${enc(SOFTMAX)}`);
    await expectGraph(page, 'softmax');
    await page.fill('#expr-source', golden('errors_log.py')); // log(0) raises at line 4, as in Python
    await page.waitForSelector('.expr-hl .ln.err-line', { timeout: 10000 });
    expect(await page.$$eval('.expr-hl .ln.err-line', (l) => l.map((e) => e.dataset.n))).toEqual(['4']);
    expect(await page.textContent('.expr-error')).toMatch(/^Line 4, column \d+: ValueError: math domain error/);
    expect(await page.locator('.expr-hl .err-at').count()).toBe(1);
    expect(await page.locator('.expr-graph-panel.expr-stale').count()).toBe(1);
    expect(await page.locator('.expr-values.expr-stale').count()).toBe(1); // the last good numbers, dimmed too
    expect(await page.locator('#expr-graph g.gv-value').count()).toBe(JSON.parse(golden('softmax.graph.json')).nodes.length);
    expect(await page.locator('#expr-leaf-0').isDisabled()).toBe(true);
    await page.fill('#expr-source', 'a = Value(2.0)\nb = a +* 3\n'); // a syntax error: its own line and column
    await page.waitForFunction(() => document.querySelector('.expr-error').textContent.startsWith('Line 2, column'));
    expect(await page.$$eval('.expr-hl .ln.err-line', (l) => l.map((e) => e.dataset.n))).toEqual(['2']);
    await page.fill('#expr-source', SOFTMAX);
    await page.waitForSelector('.expr-graph-panel:not(.expr-stale)');
    expect(await page.locator('.expr-values.expr-stale').count()).toBe(0);
    expect(await page.textContent('.expr-error')).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a leaf slider re-runs forward and backward (the numbers of a fresh run, no new layout) and writes the snippet', async () => {
    const { page, errors } = await openPage(browser, `${server.url}#expr=${enc(golden('neuron.py'))}`);
    await expectGraph(page, 'neuron');
    await page.evaluate(() => document.querySelector('#expr-graph g.gv-value').setAttribute('data-kept', '1'));
    await page.locator('#expr-leaf-1').fill('0.5'); // x2 = Value(0.0) -> 0.5
    await page.waitForFunction(() => window.micrograd.state.expr.includes("x2 = Value(0.5, label='x2')"));
    const { shown, fresh, boxes, kept } = await page.evaluate(() => {
      const m = window.micrograd, f = m.exprEngine.expression(m.state.expr);
      return { shown: m.expr.values(), fresh: f.values, kept: !!document.querySelector('[data-kept]'),
        boxes: [...document.querySelectorAll('#expr-graph g.gv-value .gv-grad')].map((t) => t.textContent) };
    });
    expect(shown).toEqual(fresh); // exactly a fresh evaluation of the new snippet
    expect(shown.find((v) => v.name === 'w2').grad).not.toBe(0); // w2's grad is x2 * ...: no longer 0
    expect(kept).toBe(true); // the same drawing: values changed in place
    expect(boxes).toContain(`grad: ${(await page.evaluate(() => window.micrograd.expr.graph().nodes[0].grad)).toFixed(4)}`);
    const rows = await table(page);
    expect(rows.find((r) => r[0] === 'w2')[2]).toBe(String(shown.find((v) => v.name === 'w2').grad));
    // a move Python would refuse changes nothing and says why
    await page.fill('#expr-source', 'a = Value(1.0)\nb = a.log()\n');
    await page.waitForFunction(() => window.micrograd.expr.values().length === 2 && window.micrograd.state.exprError === null);
    await page.locator('#expr-leaf-0').fill('-1');
    await page.waitForFunction(() => document.querySelector('.expr-note').textContent.includes('refused'));
    expect(await page.textContent('.expr-note')).toMatch(/a = -1\.0 was refused: ValueError: math domain error/);
    expect(await page.evaluate(() => window.micrograd.state.expr)).toBe('a = Value(1.0)\nb = a.log()\n');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('walks the forward and backward pass of a snippet, and checks its gradients', async () => {
    const { page, errors } = await openPage(browser, `${server.url}#expr=${enc(golden('neuron.py'))}`);
    await expectGraph(page, 'neuron');
    await page.click('label[for=expr-walk-backward]');
    await page.click('.expr-walk-panel button[aria-label="Walk: next"]');
    expect(await page.textContent('.expr-walk-panel .walk-text')).toBe('n.grad += (1 − o.data²) × o.grad = 0.5000 × 1.0000 = 0.5000');
    await page.click('.expr-walk-panel button[aria-label="Walk: next"]'); // a compound label reads as one name
    expect(await page.textContent('.expr-walk-panel .walk-text')).toBe('(x1*w1 + x2*w2).grad += 1 × n.grad = 1.0000 × 0.5000 = 0.5000');
    expect(await page.locator('#expr-graph text.gv-grad', { hasText: 'pending' }).count()).toBeGreaterThan(0);
    await page.click('.expr-walk-panel button[aria-label="Walk: to the end"]');
    expect(await page.locator('#expr-graph text.gv-grad', { hasText: 'pending' }).count()).toBe(0);
    expect(await page.textContent('.expr-walk-panel .walk-where')).toMatch(/^backward (\d+) \/ \1$/);
    await page.click('label[for=expr-walk-forward]');
    await page.click('.expr-walk-panel button[aria-label="Walk: next"]');
    expect(await page.textContent('.expr-walk-panel .walk-text')).toBe('x1 = 2.0000   (a leaf Value)');
    await page.click('label[for=expr-walk-off]');
    await page.click('#expr-graph button:has-text("Fit")'); // the walk panned to x1: the whole graph again
    await page.click('#expr-graph g.gv-value[data-index="1"]'); // n, pinned
    await page.click('.expr-values button:has-text("Check pinned node")');
    expect(await page.textContent('.expr-values .check-result')).toMatch(/^n: autograd 0\.500000, finite difference 0\.500000.*✓ pass/);
    await page.click('.expr-values button:has-text("Check every leaf")');
    expect(await page.textContent('.expr-values .check-result')).toMatch(/^5 leaves: .*✓ all below/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the link holds the snippet: opening it, changing it, refusing one too long for it', async () => {
    const { page, errors } = await openPage(browser, `${server.url}#expr=${enc(golden('ints.py'))}`);
    await expectOut(page, 'ints');
    await expectGraph(page, 'ints');
    await page.evaluate((h) => { location.hash = h; }, `#expr=${enc(SOFTMAX)}`);
    await expectOut(page, 'softmax');
    await page.selectOption('#expr-preset', 'neuron');
    await page.waitForFunction(() => decodeURIComponent(location.hash).includes("label='x1'"), null, { timeout: 5000 });
    const before = await page.evaluate(() => location.hash);
    await page.fill('#expr-source', `#${'#'.repeat(70000)}\na = Value(1)\n`); // over the engine's 64 KB and the link's limit
    await page.waitForFunction(() => /too long for a link/.test(document.querySelector('.expr-note').textContent));
    expect(await page.textContent('.expr-error')).toMatch(/^Line 1/);
    await page.waitForTimeout(700); // the link would have been written by now
    expect(await page.evaluate(() => location.hash)).toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('switches modes: the network keeps training where it was; a snippet page opens the network on the same link', async () => {
    const { page, errors } = await openPage(browser, server.url);
    await page.waitForFunction(() => window.micrograd?.trainer, null, { timeout: 30000 });
    // the switch is styled on the network page too (its styles load with it, not with expression mode)
    expect(await page.$eval('#mode-network', (r) => getComputedStyle(r).opacity)).toBe('0');
    await page.getByRole('button', { name: 'Step ×10' }).click();
    await page.click('label[for=mode-expression]');
    await expectOut(page, 'readme');
    expect(await page.isVisible('#boundary-panel')).toBe(false);
    await page.keyboard.press('s'); // no training keys while the network is hidden
    await page.click('label[for=mode-network]');
    await page.waitForSelector('#boundary-panel', { state: 'visible' });
    expect(await page.evaluate(() => window.micrograd.trainer.stepCount)).toBe(10);
    expect(await page.isVisible('#expr-panel')).toBe(false);

    await expectGraph(page, 'readme');
    await page.goto(`${server.url}#expr=${enc(SOFTMAX)}&hidden=4,4`);
    await page.reload();
    await expectOut(page, 'softmax');
    await expectGraph(page, 'softmax'); // (a reload aborts a layout engine still loading: a failed request)
    await page.click('label[for=mode-network]');
    await page.waitForFunction(() => window.micrograd?.trainer, null, { timeout: 30000 });
    expect(await page.evaluate(() => window.micrograd.trainer.options.hidden)).toEqual([4, 4]);
    expect(await page.evaluate(() => window.micrograd.state.expr)).toBe(SOFTMAX);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a snippet embed (600x400) fits its frame and loads neither the network engine nor Graphviz before its numbers show', async () => {
    const { page, errors } = await openPage(browser, null, { width: 800, height: 600 });
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${server.origin}/frame-expr.html`);
    const inner = await (async () => { for (;;) { const f = page.frames().find((x) => x.url().includes('index.html')); if (f) return f; await page.waitForTimeout(50); } })();
    await expectOut(inner, 'softmax');
    await expectGraph(inner, 'softmax');
    const m = await inner.evaluate(() => {
      const d = document.documentElement, worker = performance.getEntriesByType('resource').find((e) => /graph-layout\.worker/.test(e.name));
      return { sw: d.scrollWidth, cw: d.clientWidth, sh: d.scrollHeight, ch: d.clientHeight, worker: worker?.startTime,
        shown: performance.getEntriesByName('micrograd:expr-interactive')[0]?.startTime };
    });
    expect(m.sw).toBeLessThanOrEqual(m.cw);
    expect(m.sh).toBeLessThanOrEqual(m.ch);
    expect(requests.filter((u) => /\/micrograd-[^/]*\.wasm|\/app-[^/]*\.js|boundary|settings/.test(u))).toEqual([]);
    expect(requests.some((u) => /micrograd_expr-[^/]*\.wasm/.test(u))).toBe(true);
    expect(m.worker).toBeGreaterThan(m.shown); // Graphviz only once the numbers are on screen
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the custom element frames a snippet from its expr attribute', async () => {
    const { page, errors } = await openPage(browser, `${server.origin}/element-expr.html`, { width: 900, height: 700 });
    await expect.poll(() => page.frames().some((f) => f.url().includes('index.html')), { timeout: 30000 }).toBe(true);
    const inner = page.frames().find((f) => f.url().includes('index.html'));
    expect(inner.url()).toContain('#expr=');
    await expectOut(inner, 'neuron');
    await expectGraph(inner, 'neuron');
    expect(errors).toEqual([]);
    await page.close();
  });
});
