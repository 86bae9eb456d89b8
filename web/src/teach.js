// The teaching layer of the app: the pass walk-through, gradient checks, the per-point view, node heatmaps
// and the divergence watchdog. It adds actions and render steps; the app's one loop calls render().
import { Walk } from './walkthrough.js';
import { WalkPanel } from './views/walk-panel.js';
import { TeachPanel } from './views/teach-panel.js';
import { NodeField } from './views/node-field.js';
import { EXTENT } from './state.js';

const FIELD = 48;          // heatmap cells per side
const WALK_EVERY_MS = 350; // a playing walk advances this often

/** @param {{ doc: Document, state: any, trainer: () => any, graphView: () => any, dirty: any, pause: () => void, setLr: (lr: number) => void, reset: () => void, paramNames: () => string[] }} app */
export function setupTeaching(app) {
  const { state, dirty } = app;
  state.walk = null;
  state.walkPlaying = false;
  state.pinned = null;
  state.pointParam = null;
  state.lossSize = false;
  state.saturated = false;
  let graph = null, lastWalk = 0, hovered = null;

  const walkPanel = new WalkPanel(app.doc.getElementById('walk-panel'), {
    onMode: (m) => setWalk(m),
    onGo: (d) => { if (!state.walk) return; state.walk.go(d === 'start' ? 0 : d === 'end' ? state.walk.length : state.walk.pos + d); showWalk(); },
    onPlay: () => { state.walkPlaying = !state.walkPlaying && !!state.walk; showWalk(); },
  });
  const panel = new TeachPanel(app.doc.getElementById('teach-panel'), {
    onCheckNode: () => {
      if (state.pinned == null) return;
      const { x, y, label } = state.trace;
      const g = graph ?? app.trainer().graph(x, y, label);
      panel.showNodeCheck(g.nodes[state.pinned]?.name ?? `node ${state.pinned}`, app.trainer().gradCheck(x, y, label, state.pinned));
    },
    onCheckParams: () => { const { x, y, label } = state.trace; panel.showParamsCheck(app.trainer().gradCheckParams(x, y, label)); },
    onParam: (p) => { state.pointParam = p; dirty.boundary = true; },
    onLossSize: (on) => { state.lossSize = on; dirty.boundary = true; },
    onSaturated: (on) => { state.saturated = on; markSaturated(); },
  });
  const field = new NodeField(app.doc.getElementById('field-panel'));
  walkPanel.render({ mode: 'off' });

  function setWalk(mode) {
    state.walkPlaying = false;
    if (mode === 'off') { exitWalk(); return; }
    app.pause();
    const t = app.trainer(), { x, y, label } = state.trace;
    graph = t.graph(x, y, label);
    state.walk = new Walk(graph, t.forwardOrder(x, y, label), t.backwardSteps(x, y, label), mode);
    showWalk();
  }

  function showWalk() {
    const gv = app.graphView(), w = state.walk;
    if (!w) { walkPanel.render({ mode: 'off' }); return; }
    const v = w.view();
    walkPanel.render({ mode: w.mode, where: v.where, text: v.text, playing: state.walkPlaying });
    if (!gv) return;
    gv.setValues(v.values);
    gv.setPending(v.pendingData, v.pendingGrad);
    gv.mark('gv-current', v.current);
    gv.mark('gv-operand', v.operand);
    if (v.current.length) gv.reveal(v.current[0]);
  }

  function exitWalk() {
    if (!state.walk) return;
    state.walk = null;
    state.walkPlaying = false;
    const gv = app.graphView();
    gv?.setPending(null, null);
    gv?.mark('gv-current', []);
    gv?.mark('gv-operand', []);
    dirty.values = true;
    walkPanel.render({ mode: 'off' });
  }

  function markSaturated() {
    const gv = app.graphView();
    if (!gv || !graph || !state.values) return;
    gv.mark('gv-saturated', state.saturated ? graph.nodes.flatMap((n, i) => (n.op === 'tanh' && Math.abs(state.values[i]) > 0.99 ? [i] : [])) : []);
  }

  /** The watchdog: non-finite numbers pause training, get marked, and the learner is told why and offered a way out. */
  function checkFinite(loss) {
    const v = state.values;
    const bad = [];
    if (v && graph) for (let i = 0; i < graph.nodes.length; i++) if (!Number.isFinite(v[i]) || !Number.isFinite(v[graph.nodes.length + i])) bad.push(i);
    app.graphView()?.mark('gv-bad', bad);
    if (Number.isFinite(loss) && !bad.length) return false;
    app.pause();
    const lr = app.trainer().lr;
    state.message = `Training paused at step ${app.trainer().stepCount}: the loss is ${loss}` +
      (bad.length ? ` and ${bad.length} graph values are not finite (marked red)` : '') +
      '. The steps grew too large: weights blew up, tanh saturated and exp overflowed. Try a smaller learning rate.';
    state.recovery = { label: `Reset with learning rate ${+(lr / 10).toPrecision(3)}`, run: () => { app.setLr(lr / 10); app.reset(); state.recovery = null; } };
    return true;
  }

  return {
    get walking() { return !!state.walk; },
    exitWalk,
    setGraph(g) { graph = g; exitWalk(); },
    onPinNode(i) { state.pinned = i; panel.render({ pinned: state.pinned, param: state.pointParam }); },
    onHoverNode(i) {
      hovered = i;
      if (i == null || !graph) { field.hide(); return; }
      const f = app.trainer().nodeField(i, state.trace.label, FIELD, FIELD, EXTENT.x0, EXTENT.x1, EXTENT.y0, EXTENT.y1);
      field.show(graph.nodes[i].name, f, FIELD);
    },
    onParamSelect(p) { state.pointParam = p; panel.render({ pinned: state.pinned, param: state.pointParam }); dirty.boundary = true; },
    /** per-point emphasis for the boundary view */
    emphasis() {
      const t = app.trainer();
      if (state.pointParam != null) {
        const P = t.parameters().length, shares = t.pointGrads(), n = shares.length / P;
        const col = Float64Array.from({ length: n }, (_, i) => shares[i * P + state.pointParam]);
        const m = Math.max(...col.map(Math.abs), 1e-300);
        return { scale: col.map((v) => 0.4 + 2.2 * Math.sqrt(Math.abs(v) / m)), sign: Int8Array.from(col, Math.sign), ring: null };
      }
      if (state.lossSize) {
        const st = t.pointStats('train'), pts = t.points('train');
        return { scale: st.loss.map((l) => 0.6 + Math.min(2.4, Math.sqrt(l))), sign: null, ring: Uint8Array.from(pts, (p, i) => (st.predicted[i] !== p.label ? 1 : 0)) };
      }
      return null;
    },
    /** called by the app after each batch of steps and value refresh */
    afterValues(loss) { markSaturated(); return checkFinite(loss); },
    render(now) {
      panel.setParams(app.paramNames());
      if (state.walk && state.walkPlaying && now - lastWalk > WALK_EVERY_MS) {
        lastWalk = now;
        if (state.walk.pos >= state.walk.length) state.walkPlaying = false;
        else state.walk.go(state.walk.pos + 1);
        showWalk();
      }
      if (dirty.teach) {
        dirty.teach = false;
        const t = app.trainer(), m = { train: [], val: [] };
        for (const split of ['train', 'val']) {
          const st = t.pointStats(split), pts = t.points(split);
          m[split] = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
          pts.forEach((p, i) => { m[split][p.label][st.predicted[i]]++; });
        }
        panel.renderConfusion(m);
        if (hovered != null && graph) this.onHoverNode(hovered);
      }
    },
  };
}
