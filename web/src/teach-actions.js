// The teaching actions: walking the forward or backward pass, pinning and hovering graph nodes, gradient checks,
// the per-point view, saturated-tanh marks and the divergence watchdog. Like every action they change state only;
// the walk's data comes from the snapshot (walkOf gives the Walk that render() shows). The walk's code loads with the
// graph (loadWalk), so a boundary-only embed never downloads it.
import { WALK_SPEEDS } from './state.js';
import { recoveryLr, divergenceMessage } from './watchdog.js';

const walks = new WeakMap(); // passes (from the snapshot) -> { forward, backward } Walks
/** @type {typeof import('./walkthrough.js').Walk | null} */
let Walk = null;
/** @type {Promise<void> | null} */
let walkLoading = null;
/** Loads the walk's code (once); app.js starts it with the graph view's. */
export const loadWalk = () => (walkLoading ??= import('./walkthrough.js').then((m) => { Walk = m.Walk; }));

/** The Walk the state asks for, or null when the numbers are live; in expression mode, the snippet's. @param {any} app */
export function walkOf(app) {
  const s = app.store.state;
  if (s.walkMode === 'off' || !Walk) return null;
  const passes = s.mode === 'expression' ? app.expr?.passes() : app.snap.passes(s.tx, s.ty, s.tl);
  if (!passes) return null;
  let w = walks.get(passes);
  if (!w) walks.set(passes, (w = {}));
  return (w[s.walkMode] ??= new Walk(passes.graph, passes.order, passes.steps, s.walkMode));
}

/** @param {any} app { store, snap, actions } */
export function createTeachActions(app) {
  const { store, snap } = app, state = store.state;
  const at = () => [state.tx, state.ty, state.tl];

  const teach = {
    /** 'off' (live numbers), 'forward' or 'backward': a walk pauses training and starts at the beginning. */
    setWalk(mode) {
      if (mode === 'off') { teach.exitWalk(); return; }
      if (!Walk) { loadWalk().then(() => teach.setWalk(mode), (err) => store.set({ message: `The walk-through failed to load: ${err.message}` })); return; }
      app.actions.pause();
      store.set({ walkMode: mode, walkPos: 0, walkPlaying: false });
    },
    /** Moves the walk by hand (a playing walk pauses): a number of nodes (+1, -1), or 'start' / 'end'. */
    walkGo(d) {
      const w = walkOf(app);
      if (!w) return;
      const pos = d === 'start' ? 0 : d === 'end' ? w.length : state.walkPos + d;
      store.set({ walkPos: Math.max(0, Math.min(w.length, pos)), walkPlaying: false });
    },
    /** Plays or pauses the walk; playing from its end starts it over. */
    walkTogglePlay() {
      const w = walkOf(app);
      if (!w) return;
      if (state.walkPlaying) { store.set({ walkPlaying: false }); return; }
      store.set({ walkPlaying: true, walkPos: state.walkPos >= w.length ? 0 : state.walkPos });
    },
    /** The loop's tick while a walk plays: one node further; at the end the walk stops playing. */
    walkTick() {
      const w = walkOf(app);
      if (!w || state.walkPos >= w.length) store.set({ walkPlaying: false });
      else store.set({ walkPos: state.walkPos + 1 });
    },
    exitWalk() { store.set({ walkMode: 'off', walkPos: 0, walkPlaying: false }); },
    /** Node indices mean nothing in another graph (a new snippet, the other mode): no pin, hover or check. */
    forgetNodes() { store.set({ pinned: null, hoverNode: null, check: null }); },
    /** @param {number} nodesPerSecond one of WALK_SPEEDS (anything else is refused and changes nothing) */
    setWalkSpeed(nodesPerSecond) {
      if (!WALK_SPEEDS.includes(nodesPerSecond)) { store.set({ message: `walk speed: one of ${WALK_SPEEDS.join(', ')} nodes/s, got ${nodesPerSecond}` }); return; }
      store.set({ walkSpeed: nodesPerSecond });
    },

    pin(i) { store.set({ pinned: i }); },
    hoverNode(i) { store.set({ hoverNode: i }); },
    checkNode() {
      if (state.pinned == null) return;
      if (state.mode === 'expression') { // the snippet's backward root by the pinned node
        const name = app.expr.graph().nodes[state.pinned]?.name ?? `node ${state.pinned}`;
        store.set({ check: { kind: 'node', name, ...app.expr.gradCheck(state.pinned) } });
        return;
      }
      const g = snap.graph(...at()), r = snap.trainer.gradCheck(...at(), state.pinned);
      store.set({ check: { kind: 'node', node: state.pinned, name: g.nodes[state.pinned]?.name ?? `node ${state.pinned}`, ...r } });
    },
    checkParams() {
      if (state.mode === 'expression') { // every Value(...) leaf the root reaches
        const leaves = app.expr.leaves().filter((l) => l.node >= 0);
        store.set({ check: { kind: 'params', names: leaves.map((l) => l.name), relError: Float64Array.from(leaves, (l) => app.expr.gradCheck(l.node).relError) } });
        return;
      }
      store.set({ check: { kind: 'params', names: snap.paramNames(), ...snap.trainer.gradCheckParams(...at()) } });
    },
    setPointParam(p) { store.set({ pointParam: p, lossSize: p == null ? state.lossSize : false }); },
    setLossSize(on) { store.set({ lossSize: !!on, pointParam: on ? null : state.pointParam }); },
    setSaturated(on) { store.set({ saturated: !!on }); },

    /**
     * The watchdog, after each batch of steps: a loss or a traced value that is not finite pauses training, says why
     * and offers a learning rate that trains (watchdog.js). @param {number} loss the latest step's
     */
    watch(loss) {
      if (Number.isFinite(loss) && snap.graphValues(...at()).every(Number.isFinite)) return;
      const v = snap.graphValues(...at()), N = v.length / 2;
      let bad = 0; // nodes whose data or grad is not finite
      for (let i = 0; i < N; i++) if (!Number.isFinite(v[i]) || !Number.isFinite(v[N + i])) bad++;
      const lr = snap.trainer.lr, defaultLr = app.engine.limits().defaults.lr, next = recoveryLr(lr, defaultLr);
      store.set({ playing: false, recovery: { lr: next, resume: state.playing },
        message: divergenceMessage({ step: snap.stepCount, loss, lr, bad, nodes: N, next, defaultLr }) });
    },
    /** The watchdog's way out: the initial network again, trained at the rate it offers (playing again if it was). */
    recover() {
      const r = state.recovery;
      if (!r) return;
      if (!app.actions.settings({ lr: r.lr })) return;
      app.actions.reset();
      if (r.resume) app.actions.play();
    },
  };
  return teach;
}
