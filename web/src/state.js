// The page's state in one place: the schema of every field (the link's settings, which url-state.js parses and
// writes, and the runtime fields), each with the one module that writes it, and the store that records what changed.
// Views read state; only actions (and the loop, for its own figures) write it; render() turns changes into drawing.

/** Speed levels: steps per second for the slow ones, steps per frame for the fast ones, 'max' fills the frame. */
export const SPEEDS = [
  { label: '1 step/s', perSecond: 1 },
  { label: '2 steps/s', perSecond: 2 },
  { label: '5 steps/s', perSecond: 5 },
  { label: '10 steps/s', perSecond: 10 },
  { label: '30 steps/s', perSecond: 30 },
  { label: '1 step/frame', perFrame: 1 },
  { label: '2 steps/frame', perFrame: 2 },
  { label: '5 steps/frame', perFrame: 5 },
  { label: '10 steps/frame', perFrame: 10 },
  { label: '30 steps/frame', perFrame: 30 },
  { label: 'max (fill each frame)', max: true },
];
export const DEFAULT_SPEED = 3;

/** Walk-through speeds, nodes per second (the walk bar's choices; walkSpeed is one of them). */
export const WALK_SPEEDS = [1, 2, 3, 5, 10, 20, 50];

/** The extent of the input plane shown on the canvas (the reference page's). */
export const EXTENT = { x0: -2, x1: 2, y0: -2, y1: 2 };
export const GRID = 100;   // boundary cells per side, scaled up smoothly to the canvas (snapshot.js, render.js)
export const FIELD = 48;   // node heatmap cells per side

/**
 * The limits and names the page uses, all the engine's (engine.limits(): its own and the page's stricter ones); filled
 * by useEngineLimits() before anything is parsed or shown. Read them here, never spell them.
 * @type {{ maxLayers: number, maxWidth: number, maxPoints: number, maxLinkPoints: number, maxLinkChars: number,
 *   trace: number, coord: number, datasets: string[], datasetTitle: Record<string, string>, exprSource?: number }}
 */
export const LIMITS = /** @type {any} */ ({});

/**
 * The link's settings, in URL order: key, kind, a label for messages; limits and defaults come from the engine
 * (useEngineLimits). Network fields (`net`) need a new Trainer when they change; lr and wd apply from the next step;
 * `mount` fields choose the views (a change reloads the page).
 */
export const LINK = [
  { key: 'dataset', kind: 'enum', label: 'dataset', net: true },
  { key: 'n', kind: 'int', label: 'points', net: true },
  { key: 'noise', kind: 'num', label: 'noise', net: true },
  { key: 'seed', kind: 'int', label: 'seed', net: true },
  { key: 'hidden', kind: 'ints', label: 'hidden layers', net: true },
  { key: 'act', kind: 'enum', label: 'activation', net: true },
  { key: 'opt', kind: 'enum', label: 'optimizer', net: true },
  { key: 'lr', kind: 'num', label: 'learning rate' },
  { key: 'wd', kind: 'num', label: 'weight decay' },
  // the traced point starts on a training point (1.1227, -0.5481 class 1 of the default data): at the reference's
  // (0, 0) most values are 0 before training; that point is one click away (actions.traceReference)
  { key: 'tx', kind: 'num', def: 1.12, label: 'traced x' },
  { key: 'ty', kind: 'num', def: -0.55, label: 'traced y' },
  { key: 'tl', kind: 'int', def: 1, label: 'traced label' },
  { key: 'speed', kind: 'int', min: 0, max: SPEEDS.length - 1, def: DEFAULT_SPEED, label: 'speed' },
  { key: 'view', kind: 'enum', values: ['both', 'graph', 'boundary'], def: 'both', label: 'view', mount: true },
  { key: 'controls', kind: 'enum', values: ['full', 'min', 'none'], def: 'full', label: 'controls', mount: true },
  { key: 'autoplay', kind: 'bool', def: false, label: 'autoplay' },
  { key: 'train', kind: 'points', def: null, label: 'training points' },
  { key: 'val', kind: 'points', def: null, label: 'validation points' },
  { key: 'test', kind: 'points', def: null, label: 'test points' },
  // expression mode (issue 15): `expr` without `mode` opens it; the expression page reads only these two (`page: 'expr'`)
  { key: 'mode', kind: 'enum', values: ['network', 'expression'], def: 'network', label: 'mode', page: 'expr' },
  { key: 'expr', kind: 'text', def: null, label: 'expression', page: 'expr' },
];

/**
 * Takes the limits, names and defaults from the engine (engine.limits()); call once, before anything else here.
 * @param {import('./engine').Limits} l
 */
export function useEngineLimits(l) {
  const d = l.defaults, p = l.page;
  Object.assign(LIMITS, { maxLayers: p.hidden.maxLayers, maxWidth: p.hidden.maxWidth, maxPoints: p.n.max, maxLinkPoints: p.linkPoints,
    maxLinkChars: p.linkChars, trace: p.trace.max, coord: l.coordinate.max, datasets: [...l.dataset], datasetTitle: { ...l.datasetTitle } });
  const set = (key, f) => Object.assign(/** @type {any} */ (LINK.find((x) => x.key === key)), f);
  set('dataset', { values: [...l.dataset], def: d.dataset });
  set('n', { ...p.n, def: d.n });
  set('noise', { ...l.noise, def: d.noise });
  set('seed', { ...p.seed, def: d.seed });
  set('hidden', { min: p.hidden.minWidth, max: p.hidden.maxWidth, minLen: p.hidden.minLayers, maxLen: p.hidden.maxLayers, def: [...d.hidden] });
  set('act', { values: [...l.activation], def: d.activation });
  set('opt', { values: [...l.optimizer], def: d.optimizer });
  set('lr', { ...l.lr, def: d.lr });
  set('wd', { ...p.weightDecay, def: d.weightDecay });
  for (const k of ['tx', 'ty']) set(k, { ...p.trace });
  set('tl', { ...l.label });
}

/**
 * Takes the link's length limit and the snippet limits from the expression engine (an expression page runs without
 * the network engine). @param {{ source: number, linkChars: number }} l  the expression engine's limits()
 */
export function useExpressionLimits(l) {
  Object.assign(LIMITS, { exprSource: l.source, maxLinkChars: l.linkChars });
}

/** Throws unless useEngineLimits() ran (every limit of the page is the engine's); an expression page needs only the
 *  expression engine's (useExpressionLimits). @param {boolean} [network] */
export function limitsLoaded(network = true) {
  if (network && LIMITS.maxPoints === undefined) throw new Error('state: the engine\'s limits are not loaded (useEngineLimits)');
  if (LIMITS.maxLinkChars === undefined) throw new Error('state: no limits loaded (useEngineLimits or useExpressionLimits)');
}

/** The network fields: a change builds a new Trainer. */
export const NETWORK_KEYS = LINK.filter((f) => f.net).map((f) => f.key);
/** Every setting the settings panel shows. */
export const SETTING_KEYS = [...NETWORK_KEYS, 'lr', 'wd'];

/** Fields of the running page, with their writer: actions.js (a), edit-actions.js (e), teach-actions.js (t), loop.js (l),
 *  expr-actions.js (x). */
export const RUNTIME = {
  playing: { def: false, by: 'a' },
  trainingRun: { def: 0, by: 'a' }, // bumped by reset and rebuild: the loss chart starts over
  message: { def: '', by: 'a' }, // the one status line under the controls (link problems, refusals, the watchdog)
  recovery: { def: null, by: 't' }, // { lr, resume } the watchdog offers to reset with (watchdog.js), playing again if it was; or null
  settingsError: { def: '', by: 'a' }, // why the last settings change was refused
  shareNote: { def: '', by: 'a' },
  frameError: { def: '', by: 'l' }, // a frame that threw: shown at the top, the loop goes on
  stepsPerSecond: { def: 0, by: 'l' },
  msPerStep: { def: 0, by: 'l' },
  levelSets: { def: true, by: 'a' }, // the first layer's zero lines on the canvas
  colorByGrad: { def: false, by: 'a' }, // graph boxes filled by grad sign (the toolbar button and the checkbox)
  graphLevel: { def: 'neurons', by: 'a' }, // the graph's level the learner chose: 'neurons' (a box per neuron, the whole network in view) or 'ops' (every value, as micrograd draws it); a walk shows the ops
  hoverParam: { def: null, by: 'a' }, // the parameter under the pointer (graph or table)
  newClass: { def: 0, by: 'e' }, // the class of points added by a click
  showVal: { def: true, by: 'e' },
  edited: { def: false, by: 'e' }, // the points differ from the generated dataset: the link carries them
  history: { def: null, by: 'e' }, // undo/redo: { undo: lists[], redo: lists[] } (data-edits.js)
  hoverNode: { def: null, by: 't' }, // the graph node under the pointer (its field over the plane)
  pinned: { def: null, by: 't' }, // the graph node clicked (tooltip kept, gradient check)
  walkMode: { def: 'off', by: 't' }, // 'off' (live numbers), 'forward' or 'backward'
  walkPos: { def: 0, by: 't' },
  walkPlaying: { def: false, by: 't' },
  walkSpeed: { def: 3, by: 't' }, // nodes per second while a walk plays (one of WALK_SPEEDS)
  pointParam: { def: null, by: 't' }, // per-point view: sizes points by their share of this parameter's grad
  lossSize: { def: false, by: 't' }, // per-point view: sizes points by their loss, rings the misclassified
  saturated: { def: false, by: 't' }, // marks tanh nodes with |out| > 0.99
  check: { def: null, by: 't' }, // the last gradient check: { text, ok }
  exprError: { def: null, by: 'x' }, // why the snippet in the editor does not run: { line, column, offset, detail }; the last good graph stays, dimmed
  exprNote: { def: '', by: 'x' }, // a slider move the snippet refused, or a snippet too long for the link
};

const copy = (v) => (Array.isArray(v) ? [...v] : v);

/** A state with the link's values (url-state.js: parseHash) and every runtime field at its default. An expression page
 *  (network false) has no network engine: its network fields stay undefined. */
export function createState(link = {}, network = true) {
  limitsLoaded(network);
  const s = {};
  for (const f of LINK) s[f.key] = copy(link[f.key] !== undefined ? link[f.key] : f.def);
  for (const [k, f] of Object.entries(RUNTIME)) s[k] = f.def;
  s.history = { undo: [], redo: [] };
  return s;
}

const same = (a, b) => a === b || (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]));

/**
 * The state and the set of what changed since the last render. Engine changes are marked with the pseudo-fields
 * 'params' (a step, a reset), 'points' (an edit) and 'network' (a new Trainer) by snapshot.js.
 * @param {Record<string, any>} link  @param {boolean} [network] false: an expression page (createState)
 */
export function createStore(link, network = true) {
  const state = createState(link, network);
  /** @type {Set<string>} */ const changed = new Set(Object.keys(state).concat('params', 'points', 'network'));
  return {
    state,
    changed,
    /** Assigns the fields of `patch` that differ and marks them changed. @param {Record<string, any>} patch */
    set(patch) {
      for (const [k, v] of Object.entries(patch)) {
        if (!(k in state)) throw new Error(`state: no field '${k}'`);
        if (same(state[k], v)) continue;
        state[k] = v;
        changed.add(k);
      }
    },
    /** Marks fields changed without assigning (pseudo-fields, or a field changed in place). @param {...string} keys */
    touch(...keys) { for (const k of keys) changed.add(k); },
  };
}
