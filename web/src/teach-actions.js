// The teaching actions: walking the forward or backward pass, pinning and hovering graph nodes, gradient checks,
// the per-point view, saturated-tanh marks and the divergence watchdog. Like every action they change state only;
// the walk's data comes from the snapshot (walkOf gives the Walk that render() shows).
import { Walk } from './walkthrough.js';

const walks = new WeakMap(); // passes (from the snapshot) -> { forward, backward } Walks

/** The Walk the state asks for, or null when the numbers are live; in expression mode, the snippet's. @param {any} app */
export function walkOf(app) {
  const s = app.store.state;
  if (s.walkMode === 'off') return null;
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
      app.actions.pause();
      store.set({ walkMode: mode, walkPos: 0, walkPlaying: false });
    },
    /** Moves the walk: a number of nodes (+1, -1), or 'start' / 'end'. */
    walkGo(d) {
      const w = walkOf(app);
      if (!w) return;
      const pos = d === 'start' ? 0 : d === 'end' ? w.length : state.walkPos + d;
      store.set({ walkPos: Math.max(0, Math.min(w.length, pos)) });
    },
    walkTogglePlay() { store.set({ walkPlaying: !state.walkPlaying && state.walkMode !== 'off' }); },
    /** The loop's tick while a walk plays: one node further; at the end the walk stops playing. */
    walkTick() {
      const w = walkOf(app);
      if (!w || state.walkPos >= w.length) store.set({ walkPlaying: false });
      else store.set({ walkPos: state.walkPos + 1 });
    },
    exitWalk() { store.set({ walkMode: 'off', walkPos: 0, walkPlaying: false }); },
    /** Node indices mean nothing in another graph (a new snippet, the other mode): no pin, hover or check. */
    forgetNodes() { store.set({ pinned: null, hoverNode: null, check: null }); },
    setWalkSpeed(nodesPerSecond) { store.set({ walkSpeed: nodesPerSecond }); },

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
     * and offers a smaller learning rate. @param {number} loss the latest step's
     */
    watch(loss) {
      if (Number.isFinite(loss) && snap.graphValues(...at()).every(Number.isFinite)) return;
      const v = snap.graphValues(...at()), N = v.length / 2;
      let bad = 0; // nodes whose data or grad is not finite
      for (let i = 0; i < N; i++) if (!Number.isFinite(v[i]) || !Number.isFinite(v[N + i])) bad++;
      const lr = snap.trainer.lr;
      store.set({ playing: false, recovery: { lr: +(lr / 10).toPrecision(3) },
        message: `Training paused at step ${snap.stepCount}: the loss is ${loss}` +
          (bad ? ` and ${bad} graph values are not finite (marked red)` : '') +
          '. The steps grew too large: weights blew up, tanh saturated and exp overflowed. Try a smaller learning rate.' });
    },
    /** The watchdog's way out: the learning rate it offers, from the initial network. */
    recover() {
      const r = state.recovery;
      if (!r) return;
      app.actions.settings({ lr: r.lr });
      app.actions.reset();
    },
  };
  return teach;
}
