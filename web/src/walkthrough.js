// A walk through the forward or backward pass of the traced graph, one node (or one chain-rule step) at a
// time, with the real numbers: what the graph should show at each position and the rule that produced it.
import { fmt4 } from './views/format.js';

const RULES = { // d out / d operand, as a formula over names; the numbers come from the engine
  '+': () => '1',
  '*': (n, which) => `${n.other(which)}.data`,
  tanh: (n) => `(1 − ${n.out}.data²)`,
  exp: (n) => `${n.out}.data`,
  log: (n) => `(1 / ${n.a}.data)`,
  ReLU: (n) => `(${n.out}.data > 0)`,
};
/** A name in a formula: in parentheses when it is a number or has an operator outside brackets ('(w[0][3][0]*x).grad'). */
const paren = (name) => (/^[-\d]/.test(name) || /[-+*/ ]/.test(name.replace(/\[[^\]]*\]|\([^()]*\)/g, '')) ? `(${name})` : name);

export class Walk {
  /**
   * @param {import('./engine').Graph} graph the structure and final numbers (graph())
   * @param {Int32Array} order forwardOrder()   @param {ReturnType<import('./engine').Trainer['backwardSteps']>} steps backwardSteps()
   * @param {'forward' | 'backward'} mode
   */
  constructor(graph, order, steps, mode) {
    this.graph = graph;
    this.order = order;
    this.steps = steps;
    this.mode = mode;
    const N = graph.nodes.length;
    this.operands = Array.from({ length: N }, () => []);
    for (const [c, p] of graph.edges) this.operands[p].push(c);
    graph.nodes.forEach((n, i) => { if ((n.op === '+' || n.op === '*') && this.operands[i].length === 1) this.operands[i].push(this.operands[i][0]); });
    this.uses = new Int32Array(N); // how many contributions each node's grad receives in all
    for (let s = 0; s < steps.operand.length; s++) this.uses[steps.operand[s]]++;
  }

  get length() { return this.mode === 'forward' ? this.order.length : this.steps.node.length; }

  name(i) { return paren(this.graph.nodes[i].name); }

  /** What the graph shows after `pos` steps of the walk: values (2N), pending masks, the current node and operand,
   *  and the rule. The position is the page state's (walkPos); the Walk holds only the pass. @param {number} pos */
  view(pos) {
    const nodes = this.graph.nodes, N = nodes.length;
    const values = new Float64Array(2 * N);
    nodes.forEach((n, i) => { values[i] = n.data; });
    const pendingGrad = new Uint8Array(N).fill(1);
    if (this.mode === 'forward') {
      const pendingData = new Uint8Array(N).fill(1);
      for (let p = 0; p < pos; p++) pendingData[this.order[p]] = 0;
      const cur = pos > 0 ? this.order[pos - 1] : -1;
      return { values, pendingData, pendingGrad, current: cur >= 0 ? [cur] : [], operand: cur >= 0 ? this.operands[cur] : [],
        text: cur < 0 ? `Forward pass: ${N} values, computed operands first. Press Next.` : this.forwardText(cur),
        where: `forward ${pos} / ${this.length}` };
    }
    const st = this.steps, received = new Int32Array(N);
    values[N] = 1;
    pendingGrad[0] = 0;
    for (let p = 0; p < pos; p++) {
      values[N + st.operand[p]] += st.contribution[p];
      pendingGrad[st.operand[p]] = 0;
      received[st.operand[p]]++;
    }
    const s = pos - 1;
    return { values, pendingData: null, pendingGrad, current: s >= 0 ? [st.node[s]] : [0], operand: s >= 0 ? [st.operand[s]] : [],
      text: s < 0 ? `Backward pass: it starts at ${this.name(0)} with ${this.name(0)}.grad = 1, then applies each op's local rule in reverse order.`
        : this.backwardText(s, values[N + st.operand[s]], received[st.operand[s]]),
      where: `backward ${pos} / ${this.length}` };
  }

  forwardText(i) {
    const n = this.graph.nodes[i], ops = this.operands[i], d = (k) => fmt4(this.graph.nodes[k].data);
    // an expression's nodes carry a label (string or null); its leaves are the snippet's Value(...)s
    const kind = 'label' in n ? 'a leaf Value' : n.param != null ? 'a parameter' : n.input ? 'an input' : 'a constant';
    if (!n.op) return `${this.name(i)} = ${fmt4(n.data)}   (${kind})`;
    let f;
    if (n.op === '+' || n.op === '*') f = `${d(ops[0])} ${n.op === '*' ? '×' : '+'} ${d(ops[1])}`;
    else if (n.op.startsWith('**')) f = `${d(ops[0])} ** ${n.op.slice(2)}`;
    else f = `${n.op}(${d(ops[0])})`;
    return `${this.name(i)} = ${f} = ${fmt4(n.data)}`;
  }

  backwardText(s, total, received) {
    const st = this.steps, c = st.node[s], a = st.operand[s], n = this.graph.nodes[c];
    const which = s > 0 && st.node[s - 1] === c ? 1 : 0; // an op's steps come together: first operand, then second
    const names = { out: this.name(c), a: this.name(this.operands[c][0]), other: (w) => this.name(this.operands[c][1 - w]) };
    const rule = n.op.startsWith('**') ? `${n.op.slice(2)} · ${names.a}.data^(${n.op.slice(2)}−1)` : RULES[n.op](names, which);
    const more = this.uses[a] > 1 ? `   (contribution ${received} of ${this.uses[a]}: ${this.name(a)}.grad is now ${fmt4(total)})` : '';
    return `${this.name(a)}.grad += ${rule} × ${names.out}.grad = ${fmt4(st.local[s])} × ${fmt4(st.upstream[s])} = ${fmt4(st.contribution[s])}${more}`;
  }
}
