// Types of the expression language's JavaScript API (web/src/expression.js; README "Expression snippets").
// Ownership: every Expression holds WASM memory until you call delete(); a deleted Expression throws on use.

/** A variable that holds a Value after the snippet ran (and backward()), in order of first assignment. */
export interface ExpressionValue { name: string; data: number; grad: number }

/** A node of the backward root's graph as the reference's graph.json has it. */
export interface ExpressionNode {
  /** micrograd's _op: '' for a leaf, '+', '*', '**2', '**-1', 'tanh', 'ReLU', 'exp', 'log' */
  op: string;
  data: number;
  grad: number;
  /** label= or .label, else the first variable (in assignment order) holding the node, else null */
  label: string | null;
}

/** The same node with what the views and the walk-through read (the fields of a Trainer's GraphNode). */
export interface ExpressionGraphNode extends ExpressionNode {
  /** label, else a leaf's number ('2', '-1.0'), else its op ('*', '**-1') */
  name: string;
  /** index into leaves() for a Value(...) leaf (something a slider can move), else null */
  param: number | null;
  input: false;
}

/** A Value(...) call's leaf. */
export interface ExpressionLeaf {
  index: number;
  /** label, else the first variable holding it, else its number */
  name: string;
  label: string | null;
  /** its position in graph(), or -1 when the backward root does not reach it */
  node: number;
  data: number;
  /** where `Value` stands (1-based; the column counts characters) */
  line: number;
  column: number;
  /** its number's text is source.slice(from, to) (JS string indices) */
  from: number;
  to: number;
}

export interface ExpressionResult {
  values: ExpressionValue[];
  /** the backward root's graph in trace order; edges are [child, parent] */
  graph: { nodes: ExpressionNode[]; edges: [number, number][] };
}

/** An error in a snippet: message "LINE:COL: ..." (Python's wording where Python has one). */
export declare class ExpressionError extends Error {
  constructor(line: number, column: number, detail: string, source: string);
  readonly line: number;
  /** 1-based, in characters */
  readonly column: number;
  /** the index into the source string where the error is */
  readonly offset: number;
  /** the message without its place */
  readonly detail: string;
}

/**
 * A snippet, run: its nodes stay in WASM memory until delete(). The constructor throws an ExpressionError
 * for anything `micrograd expr` refuses (and an Error when source is not a string).
 */
export declare class Expression {
  constructor(source: string);
  readonly source: string;
  values(): ExpressionValue[];
  graph(): { nodes: ExpressionGraphNode[]; edges: [number, number][] };
  /** data of each graph() node, then grad of each; writes into `out` when its length fits. */
  graphValues(out?: Float64Array): Float64Array;
  leaves(): ExpressionLeaf[];
  /** Sets leaf `index` to value (as Value(value): a float) and re-runs forward and backward without parsing.
   *  Throws an ExpressionError where that raises (log of a negative number, ...) and then changes nothing. */
  setLeaf(index: number, value: number): ExpressionValue[];
  /** graph() node indices in the order the forward pass computed them (operands first, the root last). */
  forwardOrder(): Int32Array;
  /** The last backward() call in the engine's order: operand.grad += local * upstream (= contribution). */
  backwardSteps(): { node: Int32Array; operand: Int32Array; local: Float64Array; upstream: Float64Array; contribution: Float64Array };
  /** d root / d node by autograd and by a central finite difference, as Trainer.gradCheck. */
  gradCheck(node: number): { autograd: number; numeric: number; relError: number };
  /** Frees the WASM memory. Idempotent. */
  delete(): void;
}

export interface ExpressionEngine {
  Expression: typeof Expression;
  /** Runs a snippet once: its variables' values and its backward root's graph. Throws an ExpressionError. */
  expression(source: string): ExpressionResult;
  ExpressionError: typeof ExpressionError;
  /** The snippet's limits (source bytes, nodes, nesting depth) and the page link's length, defined once in the engine. */
  limits(): { source: number; nodes: number; depth: number; linkChars: number };
  /** Current size of this module's WASM memory in bytes (grows, never shrinks). */
  memoryBytes(): number;
  /** The raw Emscripten module (for diagnostics). */
  module: unknown;
}

/** Loads the expression engine (its own WASM module) once, in Node or a browser, and returns it. */
export declare function loadExpressions(overrides?: Record<string, unknown>): Promise<ExpressionEngine>;
