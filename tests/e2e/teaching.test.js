// End-to-end: walking the backward and forward passes shows the engine's numbers node by node, gradient
// checks pass, hovering shows a node's field, and a huge learning rate trips the watchdog.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { launch, openPage } from './browser.js';
import { serve } from './server.js';

const dist = new URL('../../dist/', import.meta.url).pathname;
let server, browser;
beforeAll(async () => { server = await serve(dist, '/'); browser = await launch(); });
afterAll(async () => { await browser?.close(); await server?.close(); });

const shown = (page) => page.$$eval('g.gv-value', (gs) => {
  const out = [];
  for (const g of gs) out[Number(g.dataset.index)] = [g.querySelector('.gv-data').textContent, g.querySelector('.gv-grad').textContent];
  return out;
});
/** What the walk must show after `pos` backward steps, from the engine's own step list (Python-style %.4f). */
const expectedBackward = (page, pos) => page.evaluate((pos) => {
  const { trainer, state } = window.micrograd, { tx: x, ty: y, tl: label } = state;
  const g = trainer.graph(x, y, label), s = trainer.backwardSteps(x, y, label);
  const f = (v) => (v < 0 || Object.is(v, -0) ? '-' : '') + Math.abs(v).toFixed(4);
  const grad = new Float64Array(g.nodes.length), seen = new Uint8Array(g.nodes.length);
  grad[0] = 1; seen[0] = 1;
  for (let p = 0; p < pos; p++) { grad[s.operand[p]] += s.contribution[p]; seen[s.operand[p]] = 1; }
  return { rows: g.nodes.map((n, i) => [`data: ${f(n.data)}`, seen[i] ? `grad: ${f(grad[i])}` : 'grad: pending']), total: s.node.length };
}, pos);

describe('teaching', () => {
  it('steps the backward pass of the default graph with the engine\'s numbers', async () => {
    const { page, errors } = await openPage(browser, server.url);
    await page.waitForFunction(() => window.micrograd?.graphView?.ready, null, { timeout: 30000 });
    await page.getByRole('button', { name: 'Step ×10' }).click();
    await page.locator('label[for="walk-backward"]').click();
    // a walk goes op by op: the graph switches to the op level (157 boxes)
    await page.waitForFunction(() => window.micrograd.graphView.level === 'ops' && window.micrograd.graphView.ready &&
      document.querySelectorAll('g.gv-value').length === 157);
    let exp = await expectedBackward(page, 0);
    expect(await shown(page)).toEqual(exp.rows);
    expect(exp.total).toBe(187);
    const next = page.getByRole('button', { name: 'Walk: next' });
    for (let k = 1; k <= 12; k++) {
      await next.click();
      exp = await expectedBackward(page, k);
      expect(await shown(page)).toEqual(exp.rows);
    }
    const text = await page.locator('.walk-text').textContent();
    expect(text).toMatch(/\.grad \+= .* × .*\.grad = -?\d+\.\d{4} × -?\d+\.\d{4} = -?\d+\.\d{4}/);
    expect(await page.locator('g.gv-value.gv-current').count()).toBe(1);
    await page.getByRole('button', { name: 'Walk: to the end' }).click();
    exp = await expectedBackward(page, 187);
    const end = await shown(page);
    expect(end).toEqual(exp.rows);
    // at the end the walk's sums are exactly the engine's grads
    const live = await page.evaluate(() => {
      const { trainer, state } = window.micrograd, { tx: x, ty: y, tl: label } = state;
      const v = trainer.graphValues(x, y, label), n = v.length / 2;
      const f = (u) => (u < 0 || Object.is(u, -0) ? '-' : '') + Math.abs(u).toFixed(4);
      return Array.from({ length: n }, (_, i) => `grad: ${f(v[n + i])}`);
    });
    expect(end.map((r) => r[1])).toEqual(live);
    // forward pass: values appear in topological order
    await page.locator('label[for="walk-forward"]').click();
    expect((await shown(page)).every((r) => r[0] === 'data: …' && r[1] === 'grad: pending')).toBe(true);
    await next.click();
    await next.click();
    expect((await shown(page)).filter((r) => r[0] !== 'data: …')).toHaveLength(2);
    expect(await page.locator('.walk-text').textContent()).toMatch(/ = -?\d+\.\d{4}/);
    await page.locator('label[for="walk-off"]').click();
    // the walk over, the graph is back at the level the learner had (the default: by neuron), with no pending grad
    await page.waitForFunction(() => window.micrograd.graphView.level === 'neurons' && document.querySelectorAll('g.gv-value').length === 15);
    expect((await shown(page)).filter(Boolean).some((r) => r[1] === 'grad: pending')).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('gradient checks pass and hovering a node shows its field', async () => {
    const { page, errors } = await openPage(browser, server.url);
    await page.waitForFunction(() => window.micrograd?.graphView?.ready, null, { timeout: 30000 });
    await page.getByRole('button', { name: 'Check all parameters' }).click();
    expect(await page.locator('.check-result').textContent()).toMatch(/51 parameters: .*✓ all below/);
    // pin an op-level node (at the neuron level a click expands the neuron)
    await page.getByRole('button', { name: 'Ops', exact: true }).click();
    await page.waitForFunction(() => window.micrograd.graphView.level === 'ops' && document.querySelectorAll('g.gv-value').length === 157);
    await page.locator('g.gv-value').nth(3).click();
    await page.getByRole('button', { name: 'Check pinned node' }).click();
    expect(await page.locator('.check-result').textContent()).toMatch(/relative error .* ✓ pass/);
    await page.locator('g.gv-value').nth(5).hover();
    await expect.poll(() => page.locator('#field-panel').isVisible()).toBe(true);
    expect(await page.locator('.node-field-title').textContent()).toMatch(/over the input plane/);
    // per-point view: pick a parameter in the optimizer table
    await page.locator('.optimizer-table tbody tr[data-param="0"]').click();
    expect(await page.locator('#point-param').inputValue()).toBe('0');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a huge learning rate (100) trips the watchdog: training pauses, nodes are marked, a way out is offered', async () => {
    const { page, errors } = await openPage(browser, server.url + '#lr=100&speed=5');
    await page.waitForFunction(() => window.micrograd?.graphView?.ready, null, { timeout: 30000 });
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.waitForFunction(() => !window.micrograd.state.playing && window.micrograd.state.message.includes('Training paused'), null, { timeout: 30000 });
    expect(await page.locator('#controls-panel .message').textContent()).toMatch(/it diverged, .*Reset the network and train with learning rate 0\.1 /);
    expect(await page.locator('g.gv-value.gv-bad').count()).toBeGreaterThan(0);
    const recover = page.getByRole('button', { name: /Reset with learning rate 0\.1$/ });
    await recover.click();
    await page.evaluate(() => window.micrograd.actions.pause()); // the offer resets and trains on
    expect(await page.evaluate(() => [window.micrograd.trainer.lr, window.micrograd.state.message])).toEqual([0.1, '']);
    expect(await page.locator('g.gv-value.gv-bad').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
