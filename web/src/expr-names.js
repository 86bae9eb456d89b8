// Names for a snippet's unnamed nodes, for the walk's text, the checks and the tooltips: the Python expression that
// made them, from their operands' names ('f*0.5', '(b + a).relu()', 'c + d*-1.0' for `c - d`), as the engine built
// them. A node with a label (its variable or label=) keeps it; a long operand is written '…' so a name stays short.

const LONG = 18; // an unnamed operand's name longer than this is written '…'
const METHOD = { tanh: 'tanh', exp: 'exp', log: 'log', ReLU: 'relu' };

/** x without its bracketed parts: what is at its top level. @param {string} x */
const top = (x) => { let s = x, t; while ((t = s.replace(/\([^()]*\)|\[[^[\]]*\]/g, '')) !== s) s = t; return s; };
const isSum = (/** @type {string} */ x) => / /.test(top(x));
const isProduct = (/** @type {string} */ x) => /[^*]\*[^*]/.test(top(x)) || /[^*]\*$/.test(top(x));
/** x before `**` or a method: in parentheses unless a name, a number >= 0 or a call. @param {string} x */
const atom = (x) => (/^-|[ *+/]/.test(top(x)) ? `(${x})` : x);

/**
 * The graph with each unnamed computed node named by its expression (a new graph; nodes are copied).
 * @template {{ nodes: { op: string, name: string, label?: string | null }[], edges: number[][] }} G
 * @param {G} graph graph() of an Expression: nodes in trace order, edges [child, parent] in operand order
 * @returns {G}
 */
export function nameNodes(graph) {
  const N = graph.nodes.length, operands = Array.from({ length: N }, () => /** @type {number[]} */ ([]));
  for (const [c, p] of graph.edges) operands[p].push(c);
  const names = /** @type {(string | null)[]} */ (new Array(N).fill(null));
  const short = (/** @type {number} */ i) => { const n = graph.nodes[i], s = /** @type {string} */ (names[i]); return n.label == null && n.op && s.length > LONG ? '…' : s; };
  // operands first, without recursion (a snippet may chain 100,000 nodes)
  const stack = N ? [0] : [];
  while (stack.length) {
    const i = stack[stack.length - 1], n = graph.nodes[i];
    const todo = operands[i].filter((c) => names[c] == null);
    if (todo.length) { stack.push(...todo); continue; }
    stack.pop();
    if (names[i] != null) continue;
    if (n.label != null || !n.op) { names[i] = n.label ?? n.name; continue; }
    const ops = operands[i].length === 1 && (n.op === '+' || n.op === '*') ? [operands[i][0], operands[i][0]] : operands[i];
    const [a, b] = ops.map(short);
    // as Python would need them: `a + (b + c)`, `(a + b)*c`, `a*(b*c)`
    names[i] = n.op === '+' ? `${a} + ${isSum(b) ? `(${b})` : b}`
      : n.op === '*' ? `${isSum(a) ? `(${a})` : a}*${isSum(b) || isProduct(b) ? `(${b})` : b}`
        : n.op.startsWith('**') ? `${atom(a)}${n.op}`
          : METHOD[n.op] ? `${atom(a)}.${METHOD[n.op]}()` : n.name;
  }
  // nodes not reached from the root (none in a graph() of a root) keep the engine's name
  return { ...graph, nodes: graph.nodes.map((n, i) => ({ ...n, name: names[i] ?? n.name })) };
}
