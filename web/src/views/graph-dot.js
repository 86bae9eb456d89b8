// The DOT text of the graphs the view draws, shaped like the reference's draw_dot: a box per value (its data and grad),
// an ellipse per op; neuron-graph.js builds the neuron-level DOT from these pieces.
import { valueLabel, BOX_NUMBER } from './format.js';

/** @typedef {import('../engine').Graph} Graph */

/** Default node and edge attributes of every graph the view lays out. */
export const DOT_NODE_DEFAULTS = '  node [shape=box fontname="Courier" fontsize=10 margin="0.08,0.04" height=0.2 width=0.3];\n  edge [arrowsize=0.6];';

/** A DOT string literal (DOT strings take the same escapes as JSON for our text). @param {string} s */
export const dotString = (s) => JSON.stringify(s);

/**
 * The DOT text, shaped like the reference draw_dot: a box per value, an ellipse per op, op -> value,
 * child value -> parent's op.
 * @param {Graph} graph
 * @returns {string}
 */
export function buildDot(graph) {
  const out = [
    'digraph G {',
    '  rankdir=LR; nodesep=0.1; ranksep=0.4; splines=true; outputorder=edgesfirst;',
    DOT_NODE_DEFAULTS,
  ];
  graph.nodes.forEach((n, i) => out.push(...valueDot(n, i)));
  for (const [child, parent] of graph.edges) out.push(`  v${child} -> o${parent};`);
  out.push('}');
  return out.join('\n');
}

/** The name a value box shows on its first line: an expression node's label (its variable or label=, else none: its
 *  engine name is only its op), else the network node's name. @param {{ name?: string, label?: string | null }} n */
export const boxName = (n) => ('label' in n ? n.label : n.name) ?? '';

/**
 * The DOT lines of one op-level value: its box v<i> (name, data, grad: the reference picture's box with the node's name
 * on top), and for a computed value its op ellipse o<i> -> v<i>. Number lines are padded to the widest number a box
 * writes (BOX_NUMBER), so every box keeps its size as values change.
 * @param {import('../engine').GraphNode} n  @param {number} i
 */
export function valueDot(n, i) {
  const width = 'data: '.length + BOX_NUMBER.length;
  const lines = valueLabel(boxName(n), n.data, n.grad).map((s) => s.padEnd(width, ' '));
  const out = [`  v${i} [label=${dotString(lines.join('\n'))}];`];
  if (n.op) {
    out.push(`  o${i} [label=${dotString(n.op)} shape=ellipse fontname="Helvetica" fontsize=9 margin="0.02,0.01"];`);
    out.push(`  o${i} -> v${i};`);
  }
  return out;
}
