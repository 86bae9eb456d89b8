// The wiring of an expression page (a link with `expr=` or `mode=expression`: a snippet in course notes): the
// expression engine only, never the network's engine, views or layout code. It reads only the link's expression fields
// and writes the others back as they came; switching to Network opens the network page on the same link.
import { loadExpressions } from './expression.js';
import { createStore, useExpressionLimits, LIMITS } from './state.js';
import { parseHash, toHash } from './url-state.js';
import { createActions } from './actions.js';
import { createTeachActions } from './teach-actions.js';
import { createRenderer } from './render.js';
import { startLoop } from './loop.js';
import { StatusLine } from './views/status-line.js';
import { ModeSwitch } from './views/mode-switch.js';
import { startExpressionMode } from './expr-mode.js';

export async function startExpressionApp(doc, location = window.location) {
  const engine = loadExpressions();
  useExpressionLimits((await engine).limits());
  const link = parseHash(location.hash, false);
  const store = createStore(link.values, false);
  const app = { store, snap: null, location, link: () => toHash(store.state, link.rest), writeUrl, flush, expr: null };
  /** @type {any} */ (app).actions = createActions(app); // the display toggles, hover, mode and error report
  /** @type {any} */ (app).teach = createTeachActions(app); // walks, pins and checks (on the snippet in this mode)
  const actions = {};
  for (const [name, fn] of Object.entries({ ...(/** @type {any} */ (app).actions), ...(/** @type {any} */ (app).teach) })) {
    actions[name] = (/** @type {any[]} */ ...args) => { const r = fn(...args); flush(); return r; };
  }

  doc.body.classList.add('mode-expression', 'controls-full');
  if (window.self !== window.top) doc.body.classList.add('embedded');
  const views = { status: new StatusLine(/** @type {HTMLElement} */ (doc.getElementById('status'))),
    mode: new ModeSwitch(ModeSwitch.place(doc), { onMode: (/** @type {string} */ m) => actions.setMode(m) }) };
  const render = createRenderer(app, views);
  let queued = false;
  function flush() {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      if (store.state.mode === 'network') { openNetwork(); return; }
      render(performance.now());
    });
  }
  function writeUrl() {
    const hash = app.link();
    if (hash.length > LIMITS.maxLinkChars) return; // the snippet's note says so (expr-actions.js)
    if (hash !== location.hash && !(hash === '' && location.hash === '')) history.replaceState(null, '', hash || location.pathname + location.search);
  }
  /** The network page: the same link in network mode (nothing of the network was loaded here). */
  function openNetwork() {
    writeUrl();
    location.reload();
  }

  await startExpressionMode(app, render, actions, doc, engine);
  if (link.errors.length) actions.exprLinkNote(link.errors.join(' '));
  window.addEventListener('hashchange', () => {
    const next = parseHash(location.hash, false);
    link.rest = next.rest;
    if (next.values.mode === 'network') { actions.setMode('network'); return; }
    actions.exprOpen(next.values.expr, next.errors.join(' '));
  });
  startLoop(app, render);
  // for tests and the curious: the live objects
  window.micrograd = { state: store.state, store, actions, views, render, get expr() { return app.expr; },
    get exprEngine() { return /** @type {any} */ (app.expr)?.engine ?? null; } };
}
