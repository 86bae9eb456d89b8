// Neuron-level view of an MLP's op graph (one box per input, neuron, logit and softmax/loss stage, mapped to op nodes),
// and the scenes the graph view draws at either level: DOT text plus the maps from op-level indices to what is shown.
import { buildDot, valueDot, dotString, DOT_NODE_DEFAULTS } from './graph-dot.js';
import { fmtBox, BOX_NUMBER } from './format.js';

/** @typedef {import('../engine').Graph} Graph */
/**
 * @typedef {object} CompactNode  one box of the neuron-level graph
 * @property {'input' | 'neuron' | 'logit' | 'softmax' | 'loss'} kind  (softmax: the softmax and p[target], showing p[target])
 * @property {string} name  e.g. 'h[0][3]', 'logit[1]', 'p[1]' (the softmax box), 'loss', 'x'
 * @property {string} title  the box's first line, e.g. 'h[0][3] tanh'
 * @property {number} index  the op-level node whose data and grad the box shows
 * @property {number[]} members  every op-level node the box stands for (index among them), in graph order
 * @property {number[]} weights  op-level indices of its weight leaves (neurons and logits; else empty)
 * @property {number} bias  op-level index of its bias leaf, or -1
 */
/**
 * @typedef {object} NeuronGraph
 * @property {CompactNode[]} nodes  inputs, then each layer's neurons, the logits, the softmax with p[target], the loss
 * @property {[number, number][]} edges  [from, to] compact indices: where an op edge crosses two boxes
 * @property {Int32Array} owner  per op-level node: the compact node it belongs to (-1: none)
 * @property {Int32Array} weightAt  per op-level product w*in: the op index of its weight leaf (-1: none)
 */
/**
 * @typedef {object} Scene  what one drawing shows, at either level
 * @property {'ops' | 'neurons'} level
 * @property {string} dot  for Graphviz: value boxes v<i> (i: the op index shown), op ellipses o<i>, frames cluster_v<i>
 * @property {Int32Array} shownOf  per op-level node: the op index of the box showing it (itself or its compact box), -1: none
 * @property {Map<number, CompactNode>} boxes  collapsed compact boxes, by the op index they show
 * @property {Map<string, CompactNode>} frames  expanded compact nodes, by cluster name
 * @property {Map<string, number>} weightOf  box-to-box edge id ('v3-v9') -> op index of the weight it carries
 */


/**
 * Derives the neuron-level graph from the op-level one, or null when it is not an MLP's graph (no neurons, no p[k]).
 * @param {Graph} graph
 * @returns {NeuronGraph | null}
 */
export function neuronGraph(graph) {
  const nodes = graph.nodes, N = nodes.length;
  /** @type {number[][]} */ const children = Array.from({ length: N }, () => []);
  /** @type {number[][]} */ const parents = Array.from({ length: N }, () => []);
  for (const [c, q] of graph.edges) { children[q].push(c); parents[c].push(q); }
  // the engine says which neuron a node belongs to (its weights, bias, products, sums, output): layer and neuron
  const keyOf = (/** @type {number} */ i) => (nodes[i].layer == null ? null : `${nodes[i].layer},${nodes[i].neuron}`);
  let out = -1; // the output layer: its neurons are the logits
  /** @type {Map<string, number[]>} */ const units = new Map();
  nodes.forEach((n, i) => {
    const key = keyOf(i);
    if (key == null) return;
    out = Math.max(out, /** @type {number} */ (n.layer));
    const members = units.get(key);
    if (members) members.push(i);
    else units.set(key, [i]);
  });
  // the loss is -log(p[target]): the one log op's operand is p[target]
  const log = nodes.findIndex((n) => n.op === 'log'), p = log >= 0 ? children[log][0] ?? -1 : -1;
  if (out < 0 || p < 0) return null;

  /** @type {CompactNode[]} */ const list = [];
  const owner = new Int32Array(N).fill(-1);
  const add = (/** @type {Omit<CompactNode, 'weights' | 'bias'> & Partial<CompactNode>} */ c) => {
    for (const i of c.members) owner[i] = list.length;
    list.push({ weights: [], bias: -1, ...c });
  };
  nodes.forEach((n, i) => { if (n.input) add({ kind: 'input', name: n.name, title: n.name, index: i, members: [i] }); });
  const keys = [...units.keys()].map((k) => k.split(',').map(Number)).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (const [l, k] of keys) {
    const members = /** @type {number[]} */ (units.get(`${l},${k}`));
    // the neuron's output: the member that only nodes of other neurons (or none) use
    const index = members.find((i) => parents[i].every((q) => keyOf(q) !== `${l},${k}`));
    if (index == null) return null;
    const name = nodes[index].name, params = members.filter((i) => nodes[i].param != null);
    // weights multiply an input; the bias is added
    const isWeight = (/** @type {number} */ i) => parents[i].some((q) => nodes[q].op === '*');
    add({ kind: l === out ? 'logit' : 'neuron', name, title: l === out ? name : `${name} ${nodes[index].op}`, index, members,
      weights: params.filter(isWeight), bias: params.find((i) => !isWeight(i)) ?? -1 });
  }
  // the head: the softmax (the exps, their sum and its inverse) and p[target] make one box showing p[target], the
  // probability the loss reads; what comes after p is the loss
  const soft = new Set([p]), stack = [...children[p]];
  while (stack.length) {
    const i = /** @type {number} */ (stack.pop());
    if (owner[i] >= 0 || soft.has(i)) continue;
    soft.add(i);
    stack.push(...children[i]);
  }
  const sorted = (/** @type {Iterable<number>} */ s) => [...s].sort((a, b) => a - b);
  add({ kind: 'softmax', name: nodes[p].name, title: `softmax: ${nodes[p].name}`, index: p, members: sorted(soft) });
  const rest = sorted(nodes.keys()).filter((i) => owner[i] < 0);
  if (rest.length) {
    const loss = rest.find((i) => nodes[i].name === 'loss') ?? rest[0];
    add({ kind: 'loss', name: nodes[loss].name, title: nodes[loss].name, index: loss, members: rest });
  }
  /** @type {Set<number>} */ const seen = new Set();
  /** @type {[number, number][]} */ const edges = [];
  for (const [c, q] of graph.edges) {
    const a = owner[c], b = owner[q];
    if (a >= 0 && b >= 0 && a !== b && !seen.has(a * list.length + b)) { seen.add(a * list.length + b); edges.push([a, b]); }
  }
  edges.sort((e, f) => e[0] - f[0] || e[1] - f[1]);
  const weightAt = Int32Array.from(nodes, (n, i) => (n.op === '*' ? children[i].find((c) => nodes[c].param != null) ?? -1 : -1));
  return { nodes: list, edges, owner, weightAt };
}

/** A neuron box's last line, its bias: e.g. 'b: -0.1234' (its weights are the edges into it). @param {CompactNode} c
 *  @param {number} bias  the bias's data */
export const paramSummary = (c, bias) => `b: ${c.bias >= 0 ? fmtBox(bias) : '-'}`;

/** A compact box's size in px: its lines (title, data, grad, parameters) of 10px monospace text, 12 px apart, with room
 *  for the widest number a box writes, so every box of a kind has the same size. @param {CompactNode} c */
export function boxSize(c) {
  const lines = [c.title, `data: ${BOX_NUMBER}`, ...(c.weights.length ? [`b: ${BOX_NUMBER}`] : [])];
  return { w: Math.ceil(Math.max(...lines.map((s) => s.length)) * 6.05 + 14), h: (c.weights.length ? 4 : 3) * 12 + 8 };
}

/** The op-level scene: every value and op, exactly the reference's draw_dot graph. @param {Graph} graph @returns {Scene} */
export function opScene(graph) {
  const shownOf = Int32Array.from(graph.nodes, (_, i) => i);
  return { level: 'ops', dot: buildDot(graph), shownOf, boxes: new Map(), frames: new Map(), weightOf: new Map() };
}

/**
 * The neuron-level scene: collapsed compact nodes as boxes, expanded ones as frames around their op-level subgraph.
 * @param {Graph} graph  @param {NeuronGraph} ng  @param {Set<number>} expanded  compact indices shown expanded
 * @returns {Scene}
 */
export function neuronScene(graph, ng, expanded) {
  const nodes = graph.nodes;
  const open = (/** @type {number} */ k) => k >= 0 && expanded.has(k) && ng.nodes[k].members.length > 1;
  const shownOf = new Int32Array(nodes.length).fill(-1);
  /** @type {Scene} */ const scene = { level: 'neurons', dot: '', shownOf, boxes: new Map(), frames: new Map(), weightOf: new Map() };
  // straight edges and short crossing/rank searches: the 32x32 weight fabric gains nothing from them and they cost 2-3x
  const out = ['digraph G {', '  rankdir=LR; nodesep=0.08; ranksep=0.5; splines=line; outputorder=edgesfirst;',
    '  mclimit=0.1; nslimit=1; nslimit1=1;', DOT_NODE_DEFAULTS];
  ng.nodes.forEach((c, k) => {
    if (open(k)) {
      const name = `cluster_v${c.index}`;
      scene.frames.set(name, c);
      out.push(`  subgraph ${name} {`, `  label=${dotString(`${c.title}   [collapse]`)}; labeljust=r; labelloc=t; fontname="Helvetica"; fontsize=11; margin=10;`);
      for (const i of c.members) { shownOf[i] = i; out.push(...valueDot(nodes[i], i)); }
      out.push('  }');
      return;
    }
    for (const i of c.members) shownOf[i] = c.index;
    scene.boxes.set(c.index, c);
    const { w, h } = boxSize(c);
    out.push(`  v${c.index} [label="" width=${(w / 72).toFixed(3)} height=${(h / 72).toFixed(3)} fixedsize=true];`);
  });
  /** @type {Set<string>} */ const seen = new Set();
  for (const [c, p] of graph.edges) {
    const a = ng.owner[c], b = ng.owner[p];
    if (a === b && !open(a)) continue; // inside a collapsed box
    if (shownOf[c] < 0 || shownOf[p] < 0) continue;
    const tail = `v${shownOf[c]}`, head = open(b) ? `o${p}` : `v${shownOf[p]}`;
    const id = `${tail}-${head}`;
    if (!open(b)) { // into a box: once per pair, carrying the weight of the product it feeds (if any)
      if (seen.has(id)) continue;
      seen.add(id);
      const w = ng.weightAt[p];
      if (w >= 0 && w !== c) scene.weightOf.set(id, w);
    }
    // a running sum inside an expanded box (b + w0*in0 + w1*in1 + ...) keeps its edges but not their ranks: the partial
    // sums stack in one column instead of stretching the drawing by two ranks a term
    const sum = open(b) && a === b && nodes[c].op === '+' && nodes[p].op === '+';
    out.push(`  ${tail} -> ${head}${sum ? ' [constraint=false]' : ''};`);
  }
  out.push('}');
  scene.dot = out.join('\n');
  return scene;
}

/** What a compact box stands for, for its tooltip: e.g. '2 weights, b: 0.1234; 8 values (click to expand)'.
 * @param {CompactNode} c @param {Float64Array} v  the op-level values (data at [i]) */
export const boxNote = (c, v) => `${c.weights.length ? `${c.weights.length} weights, ${paramSummary(c, v[c.bias])}; ` : ''}${c.members.length} values` +
  `${c.members.length > 1 ? ' (click to expand)' : ''}`;

/**
 * The drawing's accessible description and the toolbar's status line.
 * @param {Graph} graph @param {Scene} scene @param {NeuronGraph | null} ng @param {{ ops: unknown[] }} layout
 */
export function describeScene(graph, scene, ng, layout) {
  const N = graph.nodes.length, ops = graph.nodes.filter((n) => n.op).length, params = graph.nodes.filter((n) => n.param != null).length;
  if (scene.level === 'ops' || !ng) {
    return { label: `Computational graph of the traced point: ${N} values, ${layout.ops.length} operations, ` +
      `${params} parameters, flowing left to right into the loss`, status: `${N} values · ${layout.ops.length} ops` };
  }
  const open = scene.frames.size, count = (/** @type {string} */ kind) => ng.nodes.filter((c) => c.kind === kind).length;
  return {
    label: `Neuron-level graph of the traced point: ${count('neuron')} hidden neurons and ${count('logit')} logits flowing left ` +
      `to right through the softmax into the loss (${N} values, ${ops} operations, ${params} parameters in all)` +
      `${open ? `; ${open} expanded` : ''}. Activate a neuron to expand it into its operations.`,
    status: `${ng.nodes.length} boxes${open ? ` (${open} expanded)` : ''} · ${N} values`,
  };
}
