// The app's wiring: loads the engine, makes the state (state.js) and the engine snapshot (snapshot.js), the actions
// that change them, mounts the views the link asks for, and starts the one loop that renders. Nothing here draws.
// Expression mode (expr-mode.js) loads the first time the mode switch turns to it.
import { loadEngine } from './engine.js';
import { createStore, useEngineLimits, LIMITS } from './state.js';
import { parseHash } from './url-state.js';
import { Snapshot } from './snapshot.js';
import { createActions } from './actions.js';
import { createEditActions } from './edit-actions.js';
import { createTeachActions, loadWalk } from './teach-actions.js';
import { createRenderer } from './render.js';
import { startLoop } from './loop.js';
import { bindKeys } from './keys.js';
import { mountViews } from './mount.js';

export async function startApp(doc, location = window.location) {
  const engine = await loadEngine();
  useEngineLimits(engine.limits());
  const store = createStore(parseHash(location.hash).values); // view= and controls= decide what to mount
  const snap = new Snapshot(null, store);
  const app = { engine, store, snap, location, reload: () => location.reload(), writeUrl, flush, link: () => app.actions.link(), expr: null };
  app.actions = createActions(app);
  app.edits = createEditActions(app);
  app.teach = createTeachActions(app);

  // Every action a view or key can call: after it, the page renders before the browser does anything else, so what
  // the state says and what the page shows never disagree (drags still coalesce: the browser sends one move a frame).
  const actions = {};
  for (const [name, fn] of Object.entries({ ...app.actions, ...app.edits, ...app.teach })) {
    actions[name] = (/** @type {any[]} */ ...args) => { const r = fn(...args); flush(); return r; };
  }

  app.actions.openLink(location.hash);
  const views = mountViews(doc, store.state, actions);
  const render = createRenderer(app, views);
  let queued = false;
  function flush() {
    if (queued) return;
    queued = true;
    queueMicrotask(() => { queued = false; startExpression(); render(performance.now()); });
  }
  /** @type {Promise<any> | null} */ let expression = null;
  function startExpression() {
    if (store.state.mode !== 'expression' || expression) return;
    expression = import('./expr-mode.js').then((m) => m.startExpressionMode(app, render, actions, doc))
      .catch((err) => app.actions.reportError('expression mode', err));
  }

  function writeUrl() {
    const hash = app.actions.link();
    if (hash.length > LIMITS.maxLinkChars) return; // too long a snippet: expression mode says so
    if (hash !== location.hash && !(hash === '' && location.hash === '')) history.replaceState(null, '', hash || location.pathname + location.search);
  }

  // The graph view and its layout engine load after the rest: the page is live before they arrive,
  // and a boundary-only embed never downloads them.
  if (views.graphPanel) {
    loadWalk().catch(() => {}); // its failure is said when a walk is asked for
    import('./views/graph-view.js').then(({ GraphView }) => {
      views.graph = new GraphView(views.graphPanel, { onHoverParam: actions.hoverParam, onHoverNode: actions.hoverNode,
        onPinNode: actions.pin, onColorByGrad: actions.setColorByGrad, onLevel: actions.setGraphLevel });
      render.refresh('graph');
      flush();
    }).catch((err) => { views.graphPanel.textContent = `The graph view failed to load: ${err.message}`; });
  }

  bindKeys(doc, store.state, actions);
  window.addEventListener('hashchange', () => { actions.applyLink(location.hash); actions.exprSync?.(); });
  startLoop(app, render);
  // The settings panel (with the dataset thumbnails) and the optimizer table are their own chunks, loaded only when
  // controls=full mounts them (a boundary-only embed stays small); the page counts as started once they are in.
  const panels = [];
  if (views.settingsRoot) {
    panels.push(import('./views/settings.js').then(({ Settings }) => {
      views.settings = new Settings(views.settingsRoot, { onChange: actions.settings, onRefuse: actions.refuseSetting, onShare: actions.share });
      render.refresh('settings');
    }).catch((err) => { views.settingsRoot.textContent = `The settings failed to load: ${err.message}`; }));
  }
  if (views.tableRoot) {
    panels.push(import('./views/optimizer-table.js').then(({ OptimizerTable }) => {
      views.table = new OptimizerTable(views.tableRoot, { onHoverParam: actions.hoverParam, onSelectParam: actions.setPointParam });
      render.refresh('table');
    }).catch((err) => { views.tableRoot.textContent = `The optimizer table failed to load: ${err.message}`; }));
  }
  await Promise.all(panels);
  flush();
  // for tests and the curious: the live objects
  window.micrograd = { engine, state: store.state, store, snap, actions, views, render,
    get trainer() { return snap.trainer; }, get graphView() { return views.graph ?? null; }, get expr() { return app.expr; } };
}
