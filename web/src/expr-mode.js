// Starts expression mode in a page (the network page when its switch first turns to Expression, or an expression
// page): its actions join the page's, its views mount and join render(), then the expression engine loads and the
// snippet runs; the graph view and its layout engine come last, once the numbers are on screen.
import { loadExpressions } from './expression.js';
import { useExpressionLimits } from './state.js';
import { ExprSnapshot } from './expr-snapshot.js';
import { createExprActions } from './expr-actions.js';
import { mountExprViews } from './expr-mount.js';
import { exprRows } from './expr-render.js';

/**
 * @param {any} app { store, teach, link, flush }: gets `expr` (the ExprSnapshot, once the engine is loaded)
 * @param {any} render the page's render() (render.js)
 * @param {Record<string, (...a: any[]) => any>} actions the page's action table: the expression actions join it, each
 *   followed by a render like the others
 * @param {Document} doc
 * @param {Promise<import('./expression').ExpressionEngine>} [engine] the expression engine, if already loading
 */
export async function startExpressionMode(app, render, actions, doc, engine = loadExpressions()) {
  const x = createExprActions(app);
  for (const [name, fn] of Object.entries(x)) actions[name] = (/** @type {any[]} */ ...args) => { const r = fn(...args); app.flush(); return r; };
  const views = mountExprViews(doc, actions);
  render.add(exprRows(app, views), 'expression');
  app.flush();

  const e = await engine;
  useExpressionLimits(e.limits());
  app.expr = new ExprSnapshot(e, app.store);
  actions.exprSync();

  import('./views/graph-view.js').then(({ GraphView }) => {
    views.graph = new GraphView(views.graphRoot, { onHoverParam: actions.hoverParam, onHoverNode: actions.hoverNode,
      onPinNode: actions.pin, onColorByGrad: actions.setColorByGrad });
    render.refresh('exprGraph');
    app.flush();
  }).catch((err) => { views.graphRoot.textContent = `The graph view failed to load: ${err.message}`; });
  return views;
}
