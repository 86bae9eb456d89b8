// End-to-end: the first screen teaches at the desktop sizes the issue names: the whole graph in view with its numbers
// at >= 11 px on screen, the whole canvas, Play/Step and the readouts in the window without scrolling.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { launch, openPage } from './browser.js';
import { serve } from './server.js';
import { screenMetrics } from './screen-metrics.js';

const dist = new URL('../../dist/', import.meta.url).pathname;
let server, browser;
beforeAll(async () => { server = await serve(dist, '/'); browser = await launch(); });
afterAll(async () => { await browser?.close(); await server?.close(); });

describe('the first screen', () => {
  for (const [width, height] of [[1400, 1050], [1920, 1080]]) {
    it(`at ${width}x${height}: the whole graph readable, the whole canvas, Play/Step and the readouts in view`, async () => {
      const { page, errors } = await openPage(browser, server.url, { width, height });
      await page.waitForFunction(() => window.micrograd?.graphView?.ready, null, { timeout: 30000 });
      await page.waitForTimeout(300);
      const m = await page.evaluate(screenMetrics);
      console.log(`first screen ${width}x${height}: ${m.graph.level}, ${m.graph.inView}/${m.graph.boxes} boxes in view, numbers at ${m.graph.minPx} px`);
      expect(m.graph.level).toBe('neurons');
      expect(m.graph.inView).toBe(m.graph.boxes);
      expect(m.graph.boxes).toBe(15);
      expect(m.graph.minPx).toBeGreaterThanOrEqual(11);
      for (const part of ['canvas', 'play', 'step', 'readouts', 'notes', 'stage']) expect([part, m.parts[part]?.visible]).toEqual([part, 1]);
      expect(m.parts.canvas.w).toBe(m.parts.canvas.h); // square
      expect(m.parts.canvas.w).toBeGreaterThanOrEqual(400);
      expect(m.window.scrollW).toBe(width); // no sideways scroll
      // the notes above the graph: what the traced point is, why its grads are not the table's, and the legend
      const notes = await page.locator('#graph-notes').textContent();
      expect(notes).toMatch(/loss of the yellow traced point \(1\.12, −0\.55\), class 1, alone/);
      expect(notes).toMatch(/optimizer table's grad is the mean over all 80 training points/);
      for (const key of ['parameter', 'input', 'grad sign', 'saturated tanh', 'current node', 'pending', 'not finite']) expect(notes).toContain(key);
      // the op level, one click away, reads at the same size around the loss
      await page.getByRole('button', { name: 'Ops', exact: true }).click();
      await page.waitForFunction(() => window.micrograd.graphView.level === 'ops' && document.querySelectorAll('g.gv-value').length === 157);
      await page.waitForTimeout(300);
      const ops = (await page.evaluate(screenMetrics)).graph;
      console.log(`first screen ${width}x${height}, ops: ${ops.inView}/${ops.boxes} boxes in view, numbers at ${ops.minPx} px`);
      expect(ops.minPx).toBeGreaterThanOrEqual(11);
      expect(ops.inView).toBeGreaterThanOrEqual(6); // around the loss; the minimap shows the rest
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
