// The JavaScript yardsticks of scripts/bench.mjs: a hand-fused default network, a plain-JS boundary loop, and
// the reference micrograd.js itself, read at bench time from the file MICROGRAD_JS names (never copied into this repo).
import { readFileSync } from 'node:fs';

const H = 8, K = 3, P = H * 3 + K * (H + 1); // the default network 2-8-3; per neuron: weights then bias

/** State of the hand-fused default network: its parameters, AdamW moments and the training points. */
export function makeFused(params, points) {
  if (params.length !== P) throw new Error(`fused: expected the default network's ${P} parameters`);
  return {
    w: Float64Array.from(params), g: new Float64Array(P), m: new Float64Array(P), v: new Float64Array(P), t: 0,
    xs: Float64Array.from(points, (p) => p.x), ys: Float64Array.from(points, (p) => p.y),
    labels: Int32Array.from(points, (p) => p.label),
    h: new Float64Array(H), dh: new Float64Array(H), e: new Float64Array(K),
  };
}

/**
 * One AdamW step of the default network written by hand (the arithmetic limit): forward, the analytic
 * softmax/cross-entropy gradient, tanh' = 1 - h*h, all in one loop over the points. Returns the mean loss.
 */
export function fusedStep(f) {
  const { w, g, m, v, xs, ys, labels, h, dh, e } = f;
  g.fill(0);
  const n = xs.length, scale = 1 / n;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const x = xs[i], y = ys[i], label = labels[i];
    for (let j = 0; j < H; j++) h[j] = Math.tanh(w[3 * j + 2] + w[3 * j] * x + w[3 * j + 1] * y);
    let sum = 0;
    for (let k = 0; k < K; k++) {
      const o = 3 * H + (H + 1) * k;
      let s = w[o + H];
      for (let j = 0; j < H; j++) s += w[o + j] * h[j];
      e[k] = Math.exp(s);
      sum += e[k];
    }
    total -= Math.log(e[label] / sum);
    dh.fill(0);
    for (let k = 0; k < K; k++) {
      const o = 3 * H + (H + 1) * k;
      const dl = scale * (e[k] / sum - (k === label ? 1 : 0));
      for (let j = 0; j < H; j++) { g[o + j] += dl * h[j]; dh[j] += dl * w[o + j]; }
      g[o + H] += dl;
    }
    for (let j = 0; j < H; j++) {
      const dz = dh[j] * (1 - h[j] * h[j]);
      g[3 * j] += dz * x; g[3 * j + 1] += dz * y; g[3 * j + 2] += dz;
    }
  }
  f.t += 1;
  const lr = 0.1, b1 = 0.9, b2 = 0.95, wd = 1e-4, c1 = 1 - b1 ** f.t, c2 = 1 - b2 ** f.t;
  for (let i = 0; i < P; i++) {
    m[i] = b1 * m[i] + (1 - b1) * g[i];
    v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
    w[i] -= lr * ((m[i] / c1) / (Math.sqrt(v[i] / c2) + 1e-8) + wd * w[i]);
  }
  return total * scale;
}

let scratch = new Float64Array(0);
/**
 * The decision boundary as a tight plain-JS loop would draw it: doubles, Math.tanh and Math.exp, no allocation per
 * cell. `params` per layer, per neuron: weights then bias (Trainer.parameters()); `sizes` e.g. [2, 8, 3].
 */
export function plainBoundary(params, sizes, w, h, x0, x1, y0, y1, out) {
  const widest = Math.max(...sizes);
  if (scratch.length < 2 * widest) scratch = new Float64Array(2 * widest);
  const last = sizes.length - 2;
  for (let r = 0; r < h; r++) {
    const y = y1 - (r + 0.5) * (y1 - y0) / h;
    for (let c = 0; c < w; c++) {
      let a = 0, b = widest; // input and output halves of scratch
      scratch[0] = x0 + (c + 0.5) * (x1 - x0) / w;
      scratch[1] = y;
      let p = 0;
      for (let l = 0; l <= last; l++) {
        const nin = sizes[l], nout = sizes[l + 1];
        for (let k = 0; k < nout; k++, p += nin + 1) {
          let s = params[p + nin];
          for (let j = 0; j < nin; j++) s += params[p + j] * scratch[a + j];
          scratch[b + k] = l === last ? s : Math.tanh(s);
        }
        const t = a; a = b; b = t;
      }
      const e0 = Math.exp(scratch[a]), e1 = Math.exp(scratch[a + 1]), e2 = Math.exp(scratch[a + 2]);
      const inv = 1 / (e0 + e1 + e2), o = 3 * (r * w + c);
      out[o] = e0 * inv; out[o + 1] = e1 * inv; out[o + 2] = e2 * inv;
    }
  }
  return out;
}

/**
 * The reference micrograd.js (EurekaLabsAI/micrograd), read at bench time from the file MICROGRAD_JS names, set up
 * as its micrograd.html does (RNG(42), n yin-yang points, MLP(2, [...hidden, 3]), AdamW; by default 100 points and
 * hidden [8]). Returns { step, firstLoss }, or null with a note saying why.
 */
export function loadReference(notes, { hidden = [8], n = 100 } = {}) {
  const file = process.env.MICROGRAD_JS;
  if (!file) {
    notes.push('reference micrograd.js skipped: set MICROGRAD_JS to the path of its micrograd.js to compare with it');
    return null;
  }
  let src;
  try {
    src = readFileSync(file, 'utf8');
  } catch (e) {
    notes.push(`reference micrograd.js skipped: cannot read MICROGRAD_JS (${e.code ?? e.message})`);
    return null;
  }
  // micrograd.js is a browser script whose Neuron reads a global `random`: give it one in a closure instead.
  const api = new Function(`let random;\n${src}\n;return { RNG, genDataYinYang, Value, MLP, crossEntropy, AdamW, ` +
    'setRandom: (r) => { random = r; } };')();
  const random = new api.RNG(42);
  api.setRandom(random);
  const train = api.genDataYinYang(random, n).train;
  const model = new api.MLP(2, [...hidden, 3]);
  const opt = new api.AdamW(model.parameters(), 1e-1, [0.9, 0.95], 1e-8, 1e-4);
  const step = () => {
    let total = new api.Value(0.0);
    for (const [x, y] of train) total = total.add(api.crossEntropy(model.forward(x), y));
    const loss = total.mul(1.0 / train.length);
    opt.zeroGrad();
    loss.backward();
    opt.step();
    return loss.data;
  };
  return { step, firstLoss: step() };
}
