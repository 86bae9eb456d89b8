// Types of the JavaScript engine API (web/src/engine.js). Ownership: every Trainer holds WASM memory
// until you call delete(); a deleted Trainer throws on use. Errors are thrown as Error objects whose
// message starts with the offending field ("hidden: ...", "lr: ...", "split: ..."); a call that would take all
// trainers past the memory budget is refused that way too, and an allocation that fails anyway throws an Error
// starting "memory:" with the trainer as it was.

export type Split = 'train' | 'val' | 'test';

export interface TrainerOptions {
  /** RNG seed, an integer 1..2^53-1 (42). The data and the initial weights follow from it. */
  seed?: number;
  /** Number of points, 6..20000 (100), split 80/10/10 into train/val/test (6: the least that leaves no split empty). */
  n?: number;
  /** Hidden layer widths, 1..8 layers of 1..1024 neurons ([8]). */
  hidden?: number[];
  /** Hidden nonlinearity ('tanh'); the output layer is linear. */
  activation?: 'tanh' | 'relu';
  /** 'adamw' (betas 0.9/0.95, as the reference) or 'sgd' with momentum 0.9. */
  optimizer?: 'adamw' | 'sgd';
  /** Learning rate, 0..100 (0.1). */
  lr?: number;
  /** Weight decay, 0..10 (1e-4). */
  weightDecay?: number;
  /** The points: 'yinyang' (the reference's data), 'circles', 'xor', 'spiral' or 'blobs'; all 3 classes, balanced. */
  dataset?: 'yinyang' | 'circles' | 'xor' | 'spiral' | 'blobs';
  /** Gaussian jitter added to every coordinate, standard deviation 0..1 (0). */
  noise?: number;
}

export interface Point { x: number; y: number; label: number }

export interface GraphNode {
  /** '' for a leaf, '+', '*', '**-1', 'tanh', 'ReLU', 'exp', 'log' */
  op: string;
  data: number;
  grad: number;
  /** parameter index (into parameters()), or null */
  param: number | null;
  /** true for the traced point's two coordinates */
  input: boolean;
  /** readable name: 'loss', 'x', 'w[0][3][1]', 'b[1][2]', 'h[0][3]', 'logit[1]', 'p[0]', ... */
  name: string;
  /**
   * the layer of the neuron this node belongs to (its weights, bias, products, sums, output), as l in w[l][n][i];
   * null for the inputs, softmax and loss. Always there in a Trainer's graph; graphs without neurons (expressions) may leave it out.
   */
  layer?: number | null;
  /** that neuron's index in its layer (n in w[l][n][i]); null where layer is null */
  neuron?: number | null;
}

export interface Graph {
  /** in the reference's trace order (depth-first pre-order from the loss) */
  nodes: GraphNode[];
  /** [child, parent] index pairs */
  edges: [number, number][];
}

/**
 * What the optimizer's last step computed for each parameter, in parameters() order, exactly (zeros before the first
 * step and after reset()): the grad it used, its state, and delta, the change it applied (the parameter before the
 * step plus delta is exactly the parameter after it).
 */
export type OptimizerState = AdamWState | SGDState;
interface OptimizerRows { grad: Float64Array; m: Float64Array; v: Float64Array; delta: Float64Array }
/** m, v: running means of the grad and of its square; mHat, vHat: bias-corrected (m / (1 - beta1^t), v / (1 - beta2^t));
 *  delta = -lr * (mHat / (sqrt(vHat) + eps) + weightDecay * w). */
export interface AdamWState extends OptimizerRows { kind: 'adamw'; mHat: Float64Array; vHat: Float64Array; beta1: number; beta2: number; eps: number }
/** velocity (also m) = momentum * velocity + grad + weightDecay * w; delta = -lr * velocity; v is 0. */
export interface SGDState extends OptimizerRows { kind: 'sgd'; velocity: Float64Array; momentum: number }

export declare class Trainer {
  constructor(options?: TrainerOptions);
  /**
   * The trainer's settings as they are now, as a fresh deeply frozen copy: lr and weightDecay as last set, n the
   * points it holds in all splits (the generated count until points are edited).
   */
  readonly options: Readonly<Required<Omit<TrainerOptions, 'hidden'>>> & { readonly hidden: readonly number[] };
  /** Parameter names in parameters() order (per layer, per neuron: weights, then bias): 'w[l][n][i]', 'b[l][n]'. Frozen. */
  paramNames(): readonly string[];
  /** One full-batch step; returns its train loss (NaN, and nothing changes, when there are no training points). */
  step(): number;
  /**
   * Up to k steps (1..100000) in one call; returns the last loss. Runs at most max(1, limits().callWork / (2 x graph
   * nodes per point x training points)) steps (about 100 ms; 331 on the default network), and stops at a step whose
   * loss is not finite: `lastSteps` says how many ran.
   */
  steps(k: number): number;
  /** How many steps the last step() (0 or 1) or steps(k) call ran. */
  readonly lastSteps: number;
  /** true when the last step's loss was not finite (the network diverged: lower lr and reset()); false after reset(). */
  readonly diverged: boolean;
  readonly stepCount: number;
  /** Mean cross-entropy over a split, forward only (NaN for an empty split). */
  loss(split?: Split): number;
  /** Fraction of a split classified right (NaN for an empty split, and on a diverged network). */
  accuracy(split?: Split): number;
  /** Class probabilities [p0, p1, p2] at (x, y). */
  forward(x: number, y: number): number[];
  /** The traced point's graph after its own backward pass (its grads alone). */
  graph(x: number, y: number, label: number): Graph;
  /** data of each graph() node, then grad of each, in graph() order; writes into `out` (a Float64Array) when its length fits. */
  graphValues(x: number, y: number, label: number, out?: Float64Array): Float64Array;
  /** w*h*3 class probabilities, row-major, first row at y1, cell (r, c) sampled at its centre. Cells 1..1024 per side,
   *  cells x parameters at most limits().boundaryWork. All NaN on a diverged network. */
  boundary(w: number, h: number, x0: number, x1: number, y0: number, y1: number): Float32Array;
  /** Parameter values in reference order (per neuron: weights, then bias). */
  parameters(): Float64Array;
  /** What the last step computed per parameter: the grad it used, the optimizer's state and the change applied. */
  optimizerState(): OptimizerState;
  points(split?: Split): Point[];
  addPoint(point: Point, split?: Split): void;
  movePoint(split: Split, index: number, x: number, y: number): void;
  setLabel(split: Split, index: number, label: number): void;
  removePoint(split: Split, index: number): void;
  /** Replaces all points; validates all first, so a bad point changes nothing. */
  setPoints(points: { train?: Point[]; val?: Point[]; test?: Point[] }): void;
  clearPoints(): void;
  /** The backward pass as data, in the engine's order: operand.grad += local * upstream (= contribution). */
  backwardSteps(x: number, y: number, label: number): { node: Int32Array; operand: Int32Array; local: Float64Array; upstream: Float64Array; contribution: Float64Array };
  /** graph() node indices in the order the forward pass computes them (operands first, the loss last). */
  forwardOrder(x: number, y: number, label: number): Int32Array;
  /** d loss / d node by autograd and by a central finite difference; relError = |a-n| / max(|a|+|n|, 1e-4). */
  gradCheck(x: number, y: number, label: number, node: number): { autograd: number; numeric: number; relError: number };
  gradCheckParams(x: number, y: number, label: number): { autograd: Float64Array; numeric: Float64Array; relError: Float64Array };
  /** Training point i's share of the batch gradient of parameter p, at [i * P + p]. */
  pointGrads(): Float64Array;
  /** Each point's own loss and predicted class. */
  pointStats(split?: Split): { loss: Float64Array; predicted: Int32Array };
  /** graph() node `node`'s value as the traced point moves over a w x h grid (1..256 per side), row-major from y1. */
  nodeField(node: number, label: number, w: number, h: number, x0: number, x1: number, y0: number, y1: number): Float32Array;
  /** The initial network again (same seed), keeping the current points. */
  reset(): void;
  setLr(lr: number): void;
  setWeightDecay(weightDecay: number): void;
  readonly lr: number;
  readonly weightDecay: number;
  /** Frees the WASM memory. Idempotent. */
  delete(): void;
}

interface Range { readonly min: number; readonly max: number }
interface HiddenLimits { readonly minLayers: number; readonly maxLayers: number; readonly minWidth: number; readonly maxWidth: number }

/** The engine's limits and names (cpp/engine/engine_limits.h), one deeply frozen object. */
export interface Limits {
  /** the options a Trainer gets when none are given */
  readonly defaults: Readonly<Required<Omit<TrainerOptions, 'hidden'>>> & { readonly hidden: readonly number[] };
  readonly seed: Range;
  /** generated points; the least n leaves every split of the 80/10/10 split non-empty */
  readonly n: Range;
  readonly hidden: HiddenLimits;
  readonly lr: Range;
  readonly weightDecay: Range;
  readonly noise: Range;
  /** x and y of every point, the traced point and boundary extents */
  readonly coordinate: Range;
  readonly label: Range;
  readonly activation: readonly ('tanh' | 'relu')[];
  readonly optimizer: readonly ('adamw' | 'sgd')[];
  readonly dataset: readonly ('yinyang' | 'circles' | 'xor' | 'spiral' | 'blobs')[];
  /** each dataset's name as people read it ('XOR quadrants') */
  readonly datasetTitle: Readonly<Record<string, string>>;
  readonly split: readonly Split[];
  /** k of steps(k) */
  readonly stepsPerCall: Range;
  /** graph nodes one call may visit (steps(k): that many nodes' worth of steps, at least one; any other call: this,
   *  or one training step's when that is more) */
  readonly callWork: number;
  /** cells per side of boundary() and of nodeField() */
  readonly boundarySide: Range;
  readonly fieldSide: Range;
  /** nodes of the traced graph (graph(), the walk-through, the checks) */
  readonly tracedNodes: number;
  /** boundary(): cells x parameters per call */
  readonly boundaryWork: number;
  /** bytes (by the engine's estimates) all trainers may hold together, unless setMemoryBudget() changed it */
  readonly memoryBudget: number;
  /** the most setMemoryBudget() accepts (past WASM's 2 GB an allocation can fail: an Error too) */
  readonly maxMemoryBudget: number;
  /** what one expression snippet may be and do (loadExpressions(), `micrograd expr`): bytes of source, Value nodes,
   *  nesting depth (parentheses, signs, **, Value(...)), nodes visited by all its backward() calls */
  readonly expression: { readonly source: number; readonly nodes: number; readonly depth: number; readonly work: number };
  /** the page's own, stricter limits: what its settings offer and what a link may carry */
  readonly page: {
    readonly hidden: HiddenLimits;
    readonly n: Range;
    /** points of one split in a link */
    readonly linkPoints: number;
    /** characters of a link's hash */
    readonly linkChars: number;
    readonly seed: Range;
    readonly weightDecay: Range;
    /** the traced point's coordinates in a link */
    readonly trace: Range;
  };
}

export interface Engine {
  Trainer: typeof Trainer;
  /**
   * The points a Trainer with these data settings starts with (the same generator, the same numbers), without building
   * a network. Options default to limits().defaults; n, noise and seed have the Trainer's limits.
   */
  dataset(name: NonNullable<TrainerOptions['dataset']>, options?: { n?: number; noise?: number; seed?: number }): { train: Point[]; val: Point[]; test: Point[] };
  /** The engine's limits and names, the same object every call. */
  limits(): Limits;
  /** Current size of WASM memory in bytes (grows, never shrinks). */
  memoryBytes(): number;
  /** The memory budget all trainers share, what they hold now (both by the engine's estimates), and WASM memory. */
  memory(): { budget: number; inUse: number; wasmBytes: number };
  /** Sets the budget, an integer from 16,000,000 to limits().maxMemoryBudget bytes. */
  setMemoryBudget(bytes: number): void;
  /** The raw Emscripten module (for diagnostics). */
  module: unknown;
}

/** Loads the WASM engine once (Node or browser) and returns it. */
export declare function loadEngine(overrides?: Record<string, unknown>): Promise<Engine>;
