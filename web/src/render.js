// The only writer of views: render() turns what changed in the state (and the engine, via the snapshot) into drawing.
// Each view declares the fields it reads and draws when one of them changed; while training plays, only when it is on
// screen and at most as often as a person can read it (never spending more than a tenth of the time on itself, and
// at max speed at most 10 times a second: a frame that changes nothing costs the browser nothing).
import { LINK, EXTENT, SPEEDS, GRID, FIELD } from './state.js';
import { walkOf } from './teach-actions.js';
import { nodeCheck, PASS } from './views/teach-panel.js';

const LIVE = ['params', 'network', 'tx', 'ty', 'tl', 'walkMode', 'walkPos'];
const MAX_SPEED_MS = 100; // at max speed every view waits this long between draws: training gets the rest
const MAX_SPEED_WAIT_MS = 2000; // ... and at most this long for its turn, however costly drawing is
const FRAME_MS = 12;       // work in a frame beyond which a costly view waits for the next frame

/**
 * @param {any} app { store, snap, actions }
 * @param {Record<string, any>} views the mounted views by name (absent ones are null; the graph view may come later)
 */
export function createRenderer(app, views) {
  const { store, snap } = app, s = store.state;

  /** Emphasis of the training points for the per-point view (sizes, sign rings, misclassified rings), or null. */
  function emphasis() {
    if (s.pointParam != null) {
      const P = snap.parameters().length, shares = snap.pointGrads(), n = shares.length / P;
      const col = Float64Array.from({ length: n }, (_, i) => shares[i * P + s.pointParam]);
      let m = 1e-300;
      for (const v of col) m = Math.max(m, Math.abs(v));
      return { scale: col.map((v) => 0.4 + 2.2 * Math.sqrt(Math.abs(v) / m)), sign: Int8Array.from(col, Math.sign), ring: null };
    }
    if (s.lossSize) {
      const st = snap.pointStats('train'), pts = snap.points('train');
      return { scale: st.loss.map((l) => 0.6 + Math.min(2.4, Math.sqrt(l))), sign: null, ring: Uint8Array.from(pts, (p, i) => (st.predicted[i] !== p.label ? 1 : 0)) };
    }
    return null;
  }

  /** The graph: structure on a new network or label; values (live, or the walk's); marks; pin, hover, colours. */
  function drawGraph(/** @type {Set<string>} */ keys) {
    const gv = views.graph, { tx, ty, tl } = s, level = s.walkMode !== 'off' ? 'ops' : s.graphLevel; // a walk goes op by op
    if (keys.has('network') || keys.has('tl')) {
      gv.setGraph(snap.graph(tx, ty, tl), level).then(() => { if (!performance.getEntriesByName('micrograd:graph').length) performance.mark('micrograd:graph'); });
    } else if (keys.has('graphLevel') || keys.has('walkMode')) gv.setLevel(level);
    if (LIVE.some((k) => keys.has(k)) || keys.has('saturated')) {
      const walk = walkOf(app), w = walk?.view(s.walkPos);
      const values = w ? w.values : snap.graphValues(tx, ty, tl);
      gv.setValues(values);
      gv.setPending(w?.pendingData ?? null, w?.pendingGrad ?? null);
      gv.mark('gv-current', w?.current ?? []);
      gv.mark('gv-operand', w?.operand ?? []);
      if (w?.current.length) gv.reveal(w.current[0]);
      // the rule beside the node it changes: backward, the operand whose grad it adds to; forward, the value computed
      gv.callout('walk', (s.walkMode === 'backward' ? w?.operand[0] : undefined) ?? w?.current[0] ?? null, w?.text ?? '');
      const nodes = snap.graph(tx, ty, tl).nodes, N = nodes.length, bad = [], sat = [];
      for (let i = 0; i < N; i++) {
        if (!Number.isFinite(values[i]) || !Number.isFinite(values[N + i])) bad.push(i);
        if (s.saturated && nodes[i].op === 'tanh' && Math.abs(values[i]) > 0.99) sat.push(i);
      }
      gv.mark('gv-bad', bad);
      gv.mark('gv-saturated', sat);
    }
    gv.setColorByGrad(s.colorByGrad);
    gv.setPinned(s.pinned);
    gv.setHover(s.hoverNode);
    gv.highlightParam(s.hoverParam);
    if (keys.has('hoverParam') && s.hoverParam != null) gv.revealParam(s.hoverParam); // a table row hovered: its node in view
    const c = s.check, onPin = c?.kind === 'node' && c.node === s.pinned;
    gv.callout('check', onPin ? c.node : null, onPin ? nodeCheck(c) : '', onPin ? (c.relError < PASS ? 'pass' : 'fail') : '');
  }

  const links = LINK.map((f) => f.key);
  /** name, the element whose visibility counts (null: always drawn), the fields read, the least ms between draws while
   *  playing, draw; views not mounted (undefined) are left out */
  const table = [
    ['status', null, ['frameError'], 0, () => views.status.render(s.frameError)],
    ['mode', views.mode?.root, ['mode'], 0, () => { views.mode.render(s.mode); document.body.classList.toggle('mode-expression', s.mode === 'expression'); }],
    ['controls', views.controls?.root, ['playing', 'speed', 'tx', 'ty', 'tl', 'levelSets', 'colorByGrad', 'message', 'recovery'], 0,
      () => views.controls.render(s)],
    ['readouts', views.readouts?.root, ['params', 'points', 'network', 'playing', 'stepsPerSecond', 'msPerStep'], 100,
      () => views.readouts.render({ ...snap.stats(), nTrain: snap.points('train').length, nVal: snap.points('val').length,
        playing: s.playing, stepsPerSecond: s.stepsPerSecond, msPerStep: s.msPerStep })],
    ['chart', views.chart?.root, ['params', 'points', 'network', 'trainingRun'], 100, (keys) => {
      if (keys.has('trainingRun') || keys.has('network')) views.chart.reset();
      const st = snap.stats();
      views.chart.push(st.step, st.trainLoss, st.valLoss, st.trainAcc, st.valAcc);
      views.chart.render();
    }],
    ['dataTools', views.dataTools?.root, ['newClass', 'history', 'showVal'], 0, () => views.dataTools.render({ newClass: s.newClass,
      canUndo: s.history.undo.length > 0, canRedo: s.history.redo.length > 0, showVal: s.showVal })],
    ['settings', views.settingsRoot, ['dataset', 'n', 'noise', 'seed', 'hidden', 'act', 'opt', 'lr', 'wd', 'settingsError', 'shareNote'], 0,
      () => views.settings.render(s, snap.datasets(app.engine, s.n, s.noise, s.seed)), () => !!views.settings],
    ['boundary', views.boundary?.root, ['params', 'points', 'network', 'tx', 'ty', 'tl', 'showVal', 'levelSets', 'pointParam', 'lossSize'], 0, () => {
      views.boundary.render({ grid: snap.boundary(), gridSize: GRID, extent: EXTENT, train: snap.points('train'),
        val: s.showVal ? snap.points('val') : [], params: snap.parameters(), firstLayerWidth: s.hidden[0],
        trace: { x: s.tx, y: s.ty, label: s.tl }, showLevelSets: s.levelSets, step: snap.stepCount, emphasis: emphasis() });
      if (!performance.getEntriesByName('micrograd:interactive').length) performance.mark('micrograd:interactive');
    }],
    ['table', views.tableRoot, ['params', 'network', 'hoverParam'], 100, (keys) => {
      if (!keys.has('hoverParam') || keys.size > 1) views.table.render(snap.parameters(), snap.optimizerState(), snap.paramNames(), snap.stepCount);
      views.table.highlight(s.hoverParam);
    }, () => !!views.table],
    ['notes', views.notes?.root, ['tx', 'ty', 'tl', 'points', 'network'], 250,
      () => views.notes.render({ tx: s.tx, ty: s.ty, tl: s.tl, train: snap.points('train').length })],
    ['graph', views.graphPanel, [...LIVE, 'colorByGrad', 'graphLevel', 'pinned', 'hoverNode', 'hoverParam', 'saturated', 'check'], 100, drawGraph, () => !!views.graph],
    ['walk', views.walk?.root, ['walkMode', 'walkPos', 'walkPlaying', 'walkSpeed', 'params', 'tx', 'ty', 'tl', 'network'], 0, () => {
      const w = walkOf(app), v = w?.view(s.walkPos);
      views.walk.render(w ? { mode: s.walkMode, where: v.where, text: v.text, playing: s.walkPlaying, speed: s.walkSpeed }
        : { mode: 'off', speed: s.walkSpeed });
    }],
    ['teach', views.teach?.root, ['network', 'pinned', 'pointParam', 'lossSize', 'saturated', 'check'], 0,
      () => views.teach.render({ ...s, names: snap.paramNames(), pointParam: s.pointParam,
        pinnedName: s.pinned == null ? undefined : snap.graph(s.tx, s.ty, s.tl).nodes[s.pinned]?.name })],
    ['confusion', views.teach?.confusionRoot, ['params', 'points', 'network'], 250,
      () => views.teach.renderConfusion({ train: snap.confusion('train'), val: snap.confusion('val') })],
    ['field', null, ['hoverNode', 'params', 'network', 'tl'], 100, () => {
      const i = s.hoverNode, g = i == null ? null : snap.graph(s.tx, s.ty, s.tl);
      if (i == null || !g?.nodes[i]) views.field.hide();
      else views.field.show(g.nodes[i].name, snap.nodeField(i, s.tl), FIELD);
    }],
    ['url', null, [...links, 'points', 'edited'], 500, () => app.writeUrl(), null, true],
  ];

  const mounted = { status: views.status, field: views.field, url: true }; // drawn whether on screen or not
  const shared = ['status', 'url', 'mode']; // the other views belong to network mode: in expression mode they wait
  /** @param {any[]} rows rows like the table's @param {string | null} mode the page mode they draw in (null: both) */
  const make = (rows, mode) => rows.filter(([name, root]) => (name in mounted ? mounted[name] : root)).map(([name, root, reads, every, draw, ready, always]) =>
    ({ name, root, reads, every, draw, ready: ready ?? (() => true), always: !!always, mode: shared.includes(name) ? null : mode,
      pending: new Set(), last: -Infinity, cost: 0, visible: true }));
  const entries = make(table, 'network');
  const counts = Object.fromEntries(entries.map((e) => [e.name, 0]));

  // only what is on screen draws: a view scrolled away (or hidden by an embedding) catches up when it comes back
  const byRoot = new Map(entries.filter((e) => e.root).map((e) => [e.root, e]));
  const io = typeof IntersectionObserver === 'undefined' ? null : new IntersectionObserver((list) => {
    for (const x of list) { const e = byRoot.get(x.target); if (e) e.visible = x.isIntersecting; }
  });
  for (const root of byRoot.keys()) io?.observe(root);

  let nextAt = 0, drewAt = -1; // max speed: no drawing before nextAt; drewAt: when the last frame that drew began
  /** @param {number} now a frame's timestamp (ms) @param {number} [spent] ms this frame already spent training */
  function render(now, spent = 0) {
    const changed = store.changed;
    if (changed.size) {
      for (const e of entries) for (const k of e.reads) if (changed.has(k)) e.pending.add(k);
      changed.clear();
    }
    const playing = s.playing, max = playing && SPEEDS[s.speed].max, least = max ? MAX_SPEED_MS : 0;
    if (max && now < nextAt) return;
    const t0 = performance.now();
    const drew = draw(now, playing, least, spent);
    if (!max) return;
    nextAt = now + 20 * (performance.now() - t0); // until render.resumed() knows the browser's part too
    if (drew) drewAt = t0;
  }
  /**
   * Max speed: training resumed at time t after a frame. If that frame drew, its whole cost (the views, then the
   * browser's style, layout and paint: a big graph's paint costs several times its JavaScript) sets the next draw,
   * so that drawing gets about a tenth of the time, and the views wait at most MAX_SPEED_WAIT_MS.
   * @param {number} t performance.now() when training resumed
   */
  render.resumed = (t) => {
    if (drewAt < 0) return;
    nextAt = Math.max(nextAt, drewAt + Math.min(MAX_SPEED_WAIT_MS, 10 * (t - drewAt)));
    drewAt = -1;
  };

  /** Draws the views that wait and may draw now; returns whether any drew. */
  function draw(now, playing, least, spent) {
    let used = spent, drew = false;
    for (const e of entries) {
      if (!e.pending.size || !e.ready() || (e.mode && e.mode !== s.mode)) continue; // another mode's view waits
      // while training plays, a view off screen waits until it comes back, and a view on screen waits its interval
      // and at least 10x its own cost (the URL always waits); paused, whatever changed is drawn at once
      if (playing && !e.visible) continue;
      if ((playing || e.always) && now - e.last < Math.max(e.every, 10 * e.cost, playing ? least : 0)) continue;
      // a costly view does not make a full frame longer: it waits for a lighter one (up to a second)
      if (playing && used > 2 && e.cost > 2 && used + e.cost > FRAME_MS && now - e.last < 1000) continue;
      const keys = e.pending;
      e.pending = new Set();
      e.last = now;
      const t0 = performance.now();
      try { e.draw(keys); counts[e.name]++; } catch (err) { app.actions.reportError(e.name, err); }
      const ms = performance.now() - t0;
      e.cost = 0.7 * e.cost + 0.3 * ms;
      used += ms;
      drew = true;
    }
    return drew;
  }

  /** A view that arrives late (the graph) or changed size: everything it shows is drawn again. @param {string} name */
  render.refresh = (name) => { const e = entries.find((x) => x.name === name); if (e) for (const k of e.reads) e.pending.add(k); };
  /** Views mounted later (expression mode's, issue 15): rows like the table's, drawn in `mode` only; they draw all they
   *  read at once. @param {any[]} rows @param {string} mode */
  render.add = (rows, mode) => {
    for (const e of make(rows, mode)) {
      entries.push(e);
      counts[e.name] = 0;
      for (const k of e.reads) e.pending.add(k);
      if (e.root) { byRoot.set(e.root, e); io?.observe(e.root); }
    }
  };
  /** Draws per view since the start (read by tests). */
  render.counts = counts;
  /** Each view's recent cost of a draw in ms (read by the benchmark). */
  render.costs = () => Object.fromEntries(entries.map((e) => [e.name, +e.cost.toFixed(2)]));
  /** true when some visible view waits to draw. */
  render.busy = () => entries.some((e) => e.pending.size && e.visible && e.ready() && !(e.mode && e.mode !== s.mode));
  return render;
}
