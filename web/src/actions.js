// The actions of training and settings: play, step, reset, speed, the traced point, display toggles, the settings
// (a new Trainer when the network changes), links (on load and when the hash changes) and share. Actions change
// state and the engine (through the snapshot), which marks what changed; they never touch a view.
import { NETWORK_KEYS } from './state.js';
import { parseHash, toHash } from './url-state.js';

/** The Trainer options of a page state (link field names -> API names). */
const trainerOptions = (v) => ({ seed: v.seed, n: v.n, hidden: [...v.hidden], activation: v.act, optimizer: v.opt, lr: v.lr,
  weightDecay: v.wd, dataset: v.dataset, noise: v.noise });
/** The page state of a Trainer's options: what is actually trained. */
const trained = (o) => ({ dataset: o.dataset, n: o.n, noise: o.noise, seed: o.seed, hidden: [...o.hidden], act: o.activation,
  opt: o.optimizer, lr: o.lr, wd: o.weightDecay });
/** What Play and Step say when there is nothing to train on (an edit that adds points takes it back). */
export const NO_TRAIN_POINTS = 'Nothing to train on: there are no training points. Click the canvas to add some (or Undo the Clear).';
/** e.g. '2-8-3 on 100 yinyang points' */
export const describeNetwork = (v) => `2-${v.hidden.join('-')}-3 on ${v.n} ${v.dataset} points`;
const same = (a, b) => String(a) === String(b);

/** @param {any} app { engine, store, snap, teach (teach-actions), edits (edit-actions) } */
export function createActions(app) {
  const { store, snap } = app, state = store.state;

  /** A new Trainer for these settings: everything that belonged to the old network starts over. */
  function rebuild(trainer) {
    const oldNames = snap.trainer ? snap.paramNames() : [], param = state.pointParam;
    snap.replace(trainer);
    const names = snap.paramNames(), kept = param == null ? -1 : names.indexOf(oldNames[param]);
    app.teach.exitWalk();
    app.edits.forget();
    store.set({ ...trained(trainer.options), lr: trainer.lr, wd: trainer.weightDecay, trainingRun: state.trainingRun + 1,
      pinned: null, hoverNode: null, hoverParam: null, check: null, recovery: null, message: '', settingsError: '',
      pointParam: kept >= 0 ? kept : null });
  }

  /**
   * Applies a parsed link: a new Trainer when its network or points differ from what runs (or on the first load),
   * then lr, wd, the traced point and the speed. A network that cannot be built is said so, and what is trained shown.
   * @param {{ values: Record<string, any>, errors: string[] }} link @param {boolean} first  the page's first link
   */
  function openLink({ values, errors }, first) {
    const pts = ['train', 'val', 'test'].filter((s) => values[s] != null);
    const netChanged = NETWORK_KEYS.some((k) => !same(values[k], state[k]));
    if (first || netChanged || pts.length || state.edited) {
      let t = null;
      try { t = new app.engine.Trainer(trainerOptions(values)); } catch (e) {
        if (first) t = new app.engine.Trainer();
        const now = describeNetwork(first ? trained(t.options) : state);
        errors.push(`This link's network (${describeNetwork(values)}) could not be built: ${e.message} Training ${now} instead.`);
      }
      if (t) rebuild(t);
      if (t && pts.length) {
        try {
          snap.setPoints(Object.fromEntries(['train', 'val', 'test'].map((s) => [s, values[s] ?? snap.points(s)])));
          store.set({ edited: true });
        } catch (e) { errors.push(`Ignored the link's points: ${e.message}`); }
      }
    }
    for (const [key, set] of [['lr', (v) => snap.setLr(v)], ['wd', (v) => snap.setWeightDecay(v)]]) {
      if (values[key] === state[key]) continue;
      try { set(values[key]); store.set({ [key]: values[key] }); } catch (e) { errors.push(e.message); }
    }
    app.teach.exitWalk();
    if (values.tl !== state.tl) store.set({ pinned: null, hoverNode: null, check: null }); // a new trace order
    if (values.mode !== state.mode) app.teach.forgetNodes();
    store.set({ tx: values.tx, ty: values.ty, tl: values.tl, speed: values.speed, autoplay: values.autoplay,
      playing: !!values.autoplay && values.mode === 'network', message: errors.join(' '), train: null, val: null, test: null,
      mode: values.mode, expr: values.expr });
  }

  const actions = {
    play() {
      if (!snap.points('train').length) { store.set({ playing: false, message: NO_TRAIN_POINTS }); return; }
      store.set({ playing: true });
    },
    pause() { store.set({ playing: false }); },
    toggle() { if (state.playing) actions.pause(); else actions.play(); },
    step(k = 1) { actions.pause(); actions.train(k); },
    /** Runs up to k training steps (the loop's and Step's); returns how many ran. */
    train(k) {
      app.teach.exitWalk();
      if (!snap.points('train').length) { actions.play(); return 0; } // says why, and stays paused
      const { loss, done } = snap.steps(k);
      app.teach.watch(loss);
      return done;
    },
    reset() {
      snap.reset();
      app.teach.exitWalk();
      store.set({ message: '', recovery: null, trainingRun: state.trainingRun + 1 });
    },
    setSpeed(i) { store.set({ speed: i }); },
    /** The mode switch (issue 15): 'network' or 'expression'. Training pauses; node pins and walks belong to one graph. */
    setMode(mode) {
      if (mode === state.mode) return;
      actions.pause();
      app.teach.exitWalk();
      app.teach.forgetNodes();
      store.set({ mode });
    },
    setTrace(x, y) { app.teach.exitWalk(); store.set({ tx: x, ty: y }); },
    /** A new label changes which probability the loss reads, so the trace order (node indices) too. */
    setTraceLabel(l) {
      if (l === state.tl) return;
      app.teach.exitWalk();
      store.set({ tl: l, pinned: null, hoverNode: null, check: null });
    },
    /** Traces the reference's point: micrograd.py's graph is the loss of (0, 0) with label 0. */
    traceReference() { actions.setTrace(0, 0); actions.setTraceLabel(0); },
    setLevelSets(on) { store.set({ levelSets: !!on }); },
    setColorByGrad(on) { store.set({ colorByGrad: !!on }); },
    /** @param {'ops' | 'neurons'} level */
    setGraphLevel(level) { store.set({ graphLevel: level === 'ops' ? 'ops' : 'neurons' }); },
    hoverParam(p) { store.set({ hoverParam: p }); },
    /** Settings from the panel: a new network when the network changes, else lr and wd from the next step. */
    settings(patch) {
      const next = { ...state, ...patch };
      if (NETWORK_KEYS.some((k) => !same(next[k], state[k]))) {
        let t;
        try { t = new app.engine.Trainer(trainerOptions(next)); } catch (e) {
          store.set({ settingsError: `Could not build that network: ${e.message}` });
          store.touch(...NETWORK_KEYS); // the panel shows again what still runs
          return false;
        }
        rebuild(t);
      }
      try {
        if (next.lr !== state.lr) { snap.setLr(next.lr); store.set({ lr: next.lr }); }
        if (next.wd !== state.wd) { snap.setWeightDecay(next.wd); store.set({ wd: next.wd }); }
      } catch (e) { store.set({ settingsError: e.message }); return false; }
      store.set({ settingsError: '' });
      return true;
    },
    /** An entry the panel refused before it reached the engine. */
    refuseSetting(message) { store.set({ settingsError: message }); },
    /** The page's first link. */
    openLink(hash) { openLink(parseHash(hash), true); },
    /** Navigation to a link that differs only in its hash: applied like a fresh load, with the same messages. */
    applyLink(hash) {
      const link = parseHash(hash);
      if (link.values.view !== state.view || link.values.controls !== state.controls) { app.reload(); return; }
      openLink(link, false);
    },
    /** The link of what the page shows now. */
    link() {
      const edited = state.edited;
      return toHash({ ...state, train: edited ? snap.points('train') : null, val: edited ? snap.points('val') : null,
        test: edited ? snap.points('test') : null });
    },
    async share() {
      app.writeUrl();
      let note = 'Link copied.';
      try { await navigator.clipboard.writeText(app.location.href); } catch { note = 'Copy this page\'s address to share it.'; }
      store.set({ shareNote: note });
      app.flush();
    },
    /** A frame (or one view's drawing) threw: say so at the top; the loop goes on. */
    reportError(where, err) {
      store.set({ frameError: `Something went wrong (${where}): ${err?.message ?? err}. The page goes on; reload it if it looks wrong.` });
      console.warn(err);
    },
  };
  return actions;
}

