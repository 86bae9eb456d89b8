// Compile-time check that the documented API (web/src/engine.d.ts) is usable as the README shows.
import { loadEngine, type Graph, type Point } from '../../web/src/engine.js';

export async function example(): Promise<number> {
  const engine = await loadEngine();
  const t = new engine.Trainer({ seed: 42, n: 100, hidden: [8], lr: 0.1, weightDecay: 1e-4 });
  const loss: number = t.step();
  t.steps(10);
  const g: Graph = t.graph(0, 0, 0);
  const values: Float64Array = t.graphValues(0, 0, 0);
  const grid: Float32Array = t.boundary(64, 64, -2, 2, -2, 2);
  const pts: Point[] = t.points('val');
  const { m } = t.optimizerState();
  t.delete();
  return loss + g.nodes.length + values[0] + grid[0] + pts.length + m[0] + engine.memoryBytes();
}

export async function limitsAndNames(): Promise<string> {
  const engine = await loadEngine();
  const limits = engine.limits();
  const t = new engine.Trainer({ hidden: [limits.page.hidden.maxWidth], dataset: limits.dataset[1] });
  const names: readonly string[] = t.paramNames();
  const layer: number | null | undefined = t.graph(0, 0, 0).nodes[0].layer;
  const lr: number = t.options.lr;
  t.steps(1000);
  const ran: number = t.lastSteps;
  const bad: boolean = t.diverged;
  const { budget, inUse } = engine.memory();
  engine.setMemoryBudget(limits.memoryBudget);
  t.delete();
  return `${names[0]} ${layer} ${lr} ${limits.n.min}..${limits.n.max} ${limits.datasetTitle.xor} ${ran} ${bad} ${budget - inUse}`;
}

export async function teachingApi(): Promise<number> {
  const engine = await loadEngine();
  const d = engine.dataset('xor', { n: 60, noise: 0.1 });
  const t = new engine.Trainer({ optimizer: 'sgd' });
  t.step();
  const st = t.optimizerState();
  const x: number = st.kind === 'sgd' ? st.velocity[0] + st.momentum : st.mHat[0] + st.vHat[0] + st.beta1;
  t.delete();
  return d.train.length + d.val[0].x + x + st.delta[0];
}
