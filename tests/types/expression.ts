// Compile-time check that the expression API (web/src/expression.d.ts) is usable as the README shows, and that an
// Expression's graph, forward order and backward steps have the shapes the walk-through takes from a Trainer.
import { type Graph, type Trainer } from '../../web/src/engine.js';
import { loadExpressions, type ExpressionValue, type ExpressionLeaf } from '../../web/src/expression.js';

export async function expressionExample(): Promise<number> {
  const engine = await loadExpressions();
  const { values, graph } = engine.expression("a = Value(2.0, label='a')\nb = (a * a).tanh()\nb.backward()\n");
  const first: ExpressionValue = values[0];
  const label: string | null = graph.nodes[0].label;
  const x = new engine.Expression('a = Value(2.0)\nb = a.exp()\n');
  try {
    const g: Graph = x.graph();  // what the walk-through and the graph view take
    const order: Int32Array = x.forwardOrder();
    const steps: ReturnType<Trainer['backwardSteps']> = x.backwardSteps();
    const leaves: ExpressionLeaf[] = x.leaves();
    const after: ExpressionValue[] = x.setLeaf(leaves[0].index, 0.5);
    const check = x.gradCheck(0);
    const gv: Float64Array = x.graphValues();
    return first.data + (label ?? '').length + g.nodes.length + order[0] + steps.local[0] + after[0].grad + check.relError + gv[0];
  } catch (e) {
    if (e instanceof engine.ExpressionError) return e.line + e.column + e.offset + e.detail.length;
    throw e;
  } finally {
    x.delete();
  }
}
