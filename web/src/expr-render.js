// Expression mode's rows of the render table (render.js adds them with render.add): each view, the fields it reads
// and how it draws them. The graph is set anew only for a new snippet; a slider or a walk step changes its numbers.
import { walkOf } from './teach-actions.js';
import { snippetOf } from './expr-actions.js';

/** @param {any} app { store, expr (ExprSnapshot, null until loaded) } @param {Record<string, any>} views (expr-mount.js) */
export function exprRows(app, views) {
  const s = app.store.state, loaded = () => !!app.expr;
  const inSync = () => !s.exprError && snippetOf(s) === app.expr?.source;

  function drawGraph(/** @type {Set<string>} */ keys) {
    const gv = views.graph, g = app.expr.graph();
    views.graphWrap.classList.toggle('expr-stale', !!s.exprError);
    if (!g) return;
    if (keys.has('exprGraph')) {
      gv.setGraph(g).then(() => { if (!performance.getEntriesByName('micrograd:expr-graph').length) performance.mark('micrograd:expr-graph'); });
    }
    const walk = walkOf(app), w = walk?.view(s.walkPos);
    gv.setValues(w ? w.values : app.expr.graphValues());
    gv.setPending(w?.pendingData ?? null, w?.pendingGrad ?? null);
    gv.mark('gv-current', w?.current ?? []);
    gv.mark('gv-operand', w?.operand ?? []);
    if (w?.current.length) gv.reveal(w.current[0]);
    gv.setColorByGrad(s.colorByGrad);
    gv.setPinned(s.pinned);
    gv.setHover(s.hoverNode);
    gv.highlightParam(s.hoverParam);
  }

  const idle = 'Live: the numbers of the snippet after backward(). Pick a pass to walk through it node by node.';
  /** name, the element whose visibility counts, the fields read, least ms between draws, draw, ready */
  return [
    ['exprEditor', views.editor.root, ['expr', 'exprError'], 0, () => views.editor.render({ text: snippetOf(s), error: s.exprError })],
    ['exprSliders', views.sliders.root, ['exprGraph', 'exprValues', 'exprError', 'expr', 'exprNote'], 0, (/** @type {Set<string>} */ keys) =>
      views.sliders.render({ leaves: app.expr.leaves(), fresh: keys.has('exprGraph'), disabled: !inSync(), note: s.exprNote }), loaded],
    ['exprValues', views.values.root, ['exprGraph', 'exprValues', 'exprError', 'pinned', 'check'], 0, () => {
      views.values.render({ values: app.expr.values(), pinned: s.pinned, check: s.check, stale: !!s.exprError });
      if (!performance.getEntriesByName('micrograd:expr-interactive').length) performance.mark('micrograd:expr-interactive');
    }, loaded],
    ['exprGraph', views.graphWrap, ['exprGraph', 'exprValues', 'exprError', 'walkMode', 'walkPos', 'colorByGrad', 'pinned', 'hoverNode', 'hoverParam'], 0,
      drawGraph, () => loaded() && !!views.graph],
    ['exprWalk', views.walk.root, ['walkMode', 'walkPos', 'walkPlaying', 'exprGraph', 'exprValues'], 0, () => {
      const w = walkOf(app), v = w?.view(s.walkPos);
      views.walk.render(w ? { mode: s.walkMode, where: v.where, text: v.text, playing: s.walkPlaying } : { mode: 'off', idle });
    }, loaded],
  ];
}
