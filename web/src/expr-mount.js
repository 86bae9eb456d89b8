// Expression mode's views, mounted in a panel of their own under the header (the network's panels stay, hidden):
// the editor with presets, a slider per leaf, the variables and the gradient check, the graph and its walk bar.
// Returns them by name; the graph view arrives later (expr-mode.js loads it with the layout engine).
import './expr.css';
import { el } from './views/dom.js';
import { PRESETS } from './expr-presets.js';
import { ExprEditor } from './views/expr-editor.js';
import { ExprSliders } from './views/expr-sliders.js';
import { ExprValues } from './views/expr-values.js';
import { WalkPanel } from './views/walk-panel.js';

/** @param {Document} doc @param {Record<string, (...a: any[]) => any>} a the actions (expression ones looked up when called) */
export function mountExprViews(doc, a) {
  const box = (/** @type {string} */ cls, /** @type {string} */ label) => el('section', { class: `panel ${cls}`, 'aria-label': label });
  const editor = box('expr-editor-panel', 'Snippet editor'), sliders = box('expr-sliders-panel', 'Leaf values');
  const values = box('expr-values-panel', 'Variables and gradient check'), walk = box('expr-walk-panel', 'Step through the forward and backward pass');
  const graphWrap = box('expr-graph-panel', 'Computational graph of the snippet');
  const graphRoot = graphWrap.appendChild(el('div', { id: 'expr-graph', class: 'expr-graph' }));
  const panel = el('div', { id: 'expr-panel', class: 'expr-panel' },
    el('div', { class: 'expr-side' }, editor, sliders, values), el('div', { class: 'expr-main' }, graphWrap, walk));
  const header = doc.querySelector('.app-header');
  if (header) header.after(panel);
  else doc.body.prepend(panel);
  return {
    panel,
    editor: new ExprEditor(editor, { presets: PRESETS, onEdit: (t) => a.exprEdit(t), onPreset: (k) => a.exprPreset(k) }),
    sliders: new ExprSliders(sliders, { onLeaf: (i, t) => a.exprSetLeaf(i, t), onHover: (i) => a.hoverParam(i) }),
    values: new ExprValues(values, { onCheckNode: () => a.checkNode(), onCheckLeaves: () => a.checkParams() }),
    walk: new WalkPanel(walk, { onMode: (m) => a.setWalk(m), onGo: (d) => a.walkGo(d), onPlay: () => a.walkTogglePlay() }, 'expr-walk'),
    graphWrap,
    graphRoot,
    graph: /** @type {any} */ (undefined),
  };
}
