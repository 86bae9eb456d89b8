// The app: one state object, the actions that change it, and the views they feed through one render loop.
import { loadEngine } from './engine.js';
import { createState, EXTENT, SPEEDS } from './state.js';
import { parseHash, toHash, MAX_URL_POINTS } from './url-state.js';
import { DataEdits } from './data-edits.js';
import { startLoop } from './loop.js';
import { BoundaryView } from './views/boundary-view.js';
import { Controls } from './views/controls.js';
import { OptimizerTable } from './views/optimizer-table.js';
import { Readouts } from './views/readouts.js';
import { Settings } from './views/settings.js';
import { DataTools } from './views/data-tools.js';
import { LossChart } from './views/loss-chart.js';
import { setupTeaching } from './teach.js';


const GRID = 100;        // boundary cells per side, scaled up smoothly to the canvas
const SLOW_MS = 100;     // the optimizer table and loss chart refresh at 10 Hz
const REBUILD = ['dataset', 'n', 'noise', 'seed', 'hidden', 'act', 'opt'];

export async function startApp(doc, location = window.location) {
  const engine = await loadEngine();
  const $ = (id) => doc.getElementById(id);
  const { values, errors } = parseHash(location.hash);
  const state = createState(values);
  let trainer = build(values) ?? new engine.Trainer();
  let names = paramNames(trainer.options.hidden); // the parameters' names, made once per network
  if (values.train || values.val) {
    try { trainer.setPoints({ train: values.train ?? [], val: values.val ?? [], test: [] }); } catch (e) { errors.push(`Ignored the link's points: ${e.message}`); }
  }
  state.message = errors.join(' ');
  const edits = new DataEdits(() => trainer, () => { onData(); });
  edits.edited = !!(values.train || values.val);

  function build(v) {
    try {
      const t = new engine.Trainer({ seed: v.seed, n: v.n, hidden: v.hidden, activation: v.act, optimizer: v.opt,
        lr: v.lr, weightDecay: v.wd, dataset: v.dataset, noise: v.noise });
      return t;
    } catch (e) { state.message = `Could not build that network: ${e.message}`; return null; }
  }

  const dirty = { structure: true, values: true, boundary: true, slow: true, stats: true, url: true, teach: true };
  const afterSteps = () => { dirty.values = dirty.boundary = dirty.slow = dirty.stats = dirty.url = dirty.teach = true; };
  const onData = () => { afterSteps(); dirty.url = true; dataTools.render(toolState()); };
  const toolState = () => ({ newClass: state.newClass, canUndo: edits.canUndo, canRedo: edits.canRedo, showVal: state.showVal });
  const guard = (fn) => { try { fn(); } catch (e) { state.message = e.message; dirty.stats = true; } };

  const actions = {
    play() { state.playing = true; loop?.restart(); controls.render(state); },
    pause() { state.playing = false; controls.render(state); },
    toggle() { state.playing ? actions.pause() : actions.play(); },
    step(k = 1) { actions.pause(); runSteps(k); },
    reset() { trainer.reset(); chart?.reset(); state.message = ''; state.recovery = null; lastLoss = 0; teach.exitWalk(); afterSteps(); },
    setSpeed(i) { state.speed = i; loop?.restart(); dirty.url = true; controls.render(state); },
    setTrace(x, y) { teach.exitWalk(); state.trace.x = x; state.trace.y = y; dirty.values = dirty.boundary = dirty.url = true; controls.render(state); },
    // a new label changes which probability the loss reads, so the trace order (node indices) too: new structure
    setTraceLabel(l) { teach.exitWalk(); state.trace.label = l; dirty.structure = dirty.values = dirty.boundary = dirty.url = true; controls.render(state); },
    setShowLevelSets(on) { state.showLevelSets = on; dirty.boundary = true; },
    setColorByGrad(on) { state.colorByGrad = on; graphView?.setColorByGrad(on); },
    hoverParam(p) { state.hoverParam = p; graphView?.highlightParam(p); table?.highlight(p); },
    settings(patch) {
      const next = { ...state.settings, ...patch };
      if (REBUILD.some((k) => String(next[k]) !== String(state.settings[k]))) {
        const t = build(next);
        if (!t) { dirty.stats = true; return; }
        trainer.delete();
        trainer = t;
        names = paramNames(t.options.hidden);
        edits.forget();
        chart?.reset();
        dirty.structure = true;
        state.message = '';
      }
      if (next.lr !== state.settings.lr) guard(() => trainer.setLr(next.lr));
      if (next.wd !== state.settings.wd) guard(() => trainer.setWeightDecay(next.wd));
      state.settings = { ...next, lr: trainer.lr, wd: trainer.weightDecay };
      settings?.render(state.settings);
      afterSteps();
      dataTools.render(toolState());
    },
    addPoint(x, y, shift) {
      guard(() => {
        if (trainer.points('train').length >= MAX_URL_POINTS) throw new Error(`points: at most ${MAX_URL_POINTS} training points on the page, so that a link can carry them`);
        edits.add({ x, y, label: shift ? 1 : state.newClass });
      });
    },
    moveStart() { edits.beginMove(); },
    movePoint(split, i, x, y) { guard(() => edits.move(split, i, x, y)); },
    deletePoint(split, i) { guard(() => edits.remove(split, i)); },
    undo() { edits.undo(); }, redo() { edits.redo(); }, clear() { edits.clear(); },
    setClass(k) { state.newClass = k; dataTools.render(toolState()); },
    setShowVal(on) { state.showVal = on; dirty.boundary = true; dataTools.render(toolState()); },
    async share() {
      writeUrl();
      const link = location.href;
      try { await navigator.clipboard.writeText(link); settings?.shared('Link copied.'); } catch { settings?.shared('Copy this page\'s address to share it.'); }
    },
  };

  // Views, each owning one subtree. Embedding parameters choose which exist (view=, controls=).
  doc.body.classList.add(`view-${values.view}`, `controls-${values.controls}`);
  const framed = window.self !== window.top;
  if (framed || values.view !== 'both' || values.controls !== 'full') doc.body.classList.add('embedded');
  const boundary = new BoundaryView($('boundary-panel'), {
    onTraceMove: actions.setTrace, onAddPoint: actions.addPoint, onMoveStart: actions.moveStart,
    onMovePoint: actions.movePoint, onDeletePoint: actions.deletePoint,
  });
  const side = $('controls-panel');
  const mount = (cls) => side.appendChild(Object.assign(doc.createElement('div'), { className: cls }));
  const controls = new Controls(mount('controls'), actions);
  const readouts = new Readouts(mount('readouts'));
  const dataTools = new DataTools(mount('data-tools'), { onClass: actions.setClass, onUndo: actions.undo, onRedo: actions.redo, onClear: actions.clear, onShowVal: actions.setShowVal });
  const full = values.controls === 'full';
  const settings = full ? new Settings($('settings-panel'), { onChange: actions.settings, onShare: actions.share }) : null;
  const table = full ? new OptimizerTable($('optimizer-panel'), { onHoverParam: actions.hoverParam, onSelectParam: (p) => teach.onParamSelect(p) }) : null;
  const teach = setupTeaching({ doc, state, dirty, trainer: () => trainer, graphView: () => graphView, pause: actions.pause,
    setLr: (lr) => actions.settings({ lr }), reset: () => actions.reset(), paramNames: () => names });
  const chart = values.view !== 'graph' ? new LossChart($('chart-panel')) : null;
  settings?.render(state.settings);
  dataTools.render(toolState());

  // The graph view and its layout engine load after the rest: the page is live before they arrive,
  // and a boundary-only embed never downloads them.
  let graphView = null;
  if (values.view !== 'boundary') {
    import('./views/graph-view.js').then(({ GraphView }) => {
      graphView = new GraphView($('graph-panel'), { onHoverParam: actions.hoverParam, onHoverNode: (i) => teach.onHoverNode(i), onPinNode: (i) => teach.onPinNode(i) });
      graphView.setColorByGrad(state.colorByGrad);
      dirty.structure = true;
    }).catch((err) => { $('graph-panel').textContent = `The graph view failed to load: ${err.message}`; });
  }

  function runSteps(k) {
    teach.exitWalk();
    if (trainer.points('train').length === 0) {
      actions.pause();
      state.message = 'No training points: click the canvas to add some.';
      dirty.stats = true;
      return;
    }
    state.stats.trainLoss = lastLoss = trainer.steps(k);
    afterSteps();
  }

  let graphValues = null, lastSlow = 0, lastUrl = 0, lastLoss = 0, lastValues = 0; // lastLoss: of the latest step (the watchdog's)
  function render(now) {
    const { x, y, label } = state.trace;
    if (graphView && dirty.structure) {
      dirty.structure = false;
      graphValues = null;
      const g = trainer.graph(x, y, label);
      graphView.setGraph(g).then(() => { if (!performance.getEntriesByName('micrograd:graph').length) performance.mark('micrograd:graph'); });
      teach.setGraph(g);
      dirty.values = true;
    }
    // At speeds of a step per frame or more, the graph's numbers refresh at 20 Hz: nobody reads faster, and
    // repainting a few hundred SVG texts every frame would cost the training its frame rate.
    const fast = state.playing && !SPEEDS[state.speed].perSecond;
    if (dirty.values && !teach.walking && (!fast || now - lastValues >= 50)) {
      dirty.values = false;
      lastValues = now;
      graphValues = trainer.graphValues(x, y, label, graphValues ?? undefined);
      state.values = graphValues;
      graphView?.setValues(graphValues);
      if (teach.afterValues(lastLoss)) dirty.stats = true;
    }
    if (dirty.stats) {
      dirty.stats = false;
      const s = state.stats;
      s.step = trainer.stepCount;
      if (s.step === 0 || !Number.isFinite(s.trainLoss)) s.trainLoss = trainer.loss('train');
      s.valLoss = trainer.loss('val');
      s.trainAcc = trainer.accuracy('train');
      s.valAcc = trainer.accuracy('val');
      chart?.push(s.step, s.trainLoss, s.valLoss, s.trainAcc, s.valAcc);
      readouts.render(state);
      controls.render(state);
    }
    if (dirty.boundary) {
      dirty.boundary = false;
      boundary.render({
        grid: trainer.boundary(GRID, GRID, EXTENT.x0, EXTENT.x1, EXTENT.y0, EXTENT.y1), gridSize: GRID, extent: EXTENT,
        train: trainer.points('train'), val: state.showVal ? trainer.points('val') : [],
        params: trainer.parameters(), firstLayerWidth: trainer.options.hidden[0],
        trace: state.trace, showLevelSets: state.showLevelSets, step: trainer.stepCount, emphasis: teach.emphasis(),
      });
      if (!performance.getEntriesByName('micrograd:interactive').length) performance.mark('micrograd:interactive');
    }
    if (dirty.slow && now - lastSlow >= SLOW_MS) {
      dirty.slow = false;
      lastSlow = now;
      table?.render(trainer.parameters(), trainer.optimizerState(), names);
      chart?.render();
    }
    teach.render(now);
    if (dirty.url && now - lastUrl >= 500) { dirty.url = false; lastUrl = now; writeUrl(); }
  }

  function writeUrl() {
    const v = { ...state.settings, tx: state.trace.x, ty: state.trace.y, tl: state.trace.label, speed: state.speed,
      train: edits.edited ? trainer.points('train') : null, val: edits.edited ? trainer.points('val') : null };
    const hash = toHash(v);
    if (hash !== location.hash && !(hash === '' && location.hash === '')) history.replaceState(null, '', hash || location.pathname + location.search);
  }

  doc.addEventListener('keydown', (e) => {
    const tag = /** @type {HTMLElement} */ (e.target).tagName;
    if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || e.altKey) return;
    const key = e.key.toLowerCase();
    if (e.ctrlKey || e.metaKey) {
      if (key === 'z' && !e.shiftKey) { e.preventDefault(); actions.undo(); }
      else if ((key === 'z' && e.shiftKey) || key === 'y') { e.preventDefault(); actions.redo(); }
      return;
    }
    if (e.key === ' ' && tag !== 'BUTTON') { e.preventDefault(); actions.toggle(); }
    else if (key === 's' || e.key === 'ArrowRight') { e.preventDefault(); actions.step(1); }
    else if (key === 'r') actions.reset();
    else if (['1', '2', '3'].includes(e.key)) actions.setClass(Number(e.key) - 1);
  });

  controls.render(state);
  const loop = startLoop({ state, runSteps, render });
  if (values.autoplay) actions.play();
  // for tests and the curious: the live objects
  window.micrograd = { engine, state, actions, edits, get trainer() { return trainer; }, get graphView() { return graphView; } };
}

/** Parameter names in reference order: per layer, per neuron, weights then bias. */
export function paramNames(hidden) {
  const sizes = [2, ...hidden, 3];
  const names = [];
  for (let l = 1; l < sizes.length; l++)
    for (let n = 0; n < sizes[l]; n++) {
      for (let i = 0; i < sizes[l - 1]; i++) names.push(`w[${l - 1}][${n}][${i}]`);
      names.push(`b[${l - 1}][${n}]`);
    }
  return names;
}
