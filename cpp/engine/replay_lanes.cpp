// One group of points through a recorded point graph (replay_batch.h's GroupRun): rows of lanes, one point per lane,
// each step once over all lanes, two lanes per SIMD register (WASM f64x2 under -msimd128, SSE2 natively).
#include <algorithm>
#include <cstring>

#include "replay_batch.h"
#include "replay_d2.h"

namespace mg {

namespace {
// What a fused sum reads in one run: per term its weight, the offset of its b row, of b's grad row (-1: none) and
// its parameter.
struct Sum {
  const double* w;
  const int32_t *b, *gb, *param;
  int32_t n;                  // terms
  const double* start;        // the start row, or null for a parameter start
  double start_value;         // a parameter start's value
  double* start_grad;         // the start row's grad (null: a leaf, nothing to add)
  int32_t start_param;        // a parameter start's index, else -1
};

// out = ((start + w0*b0) + w1*b1) + ... for B pairs of lanes from lane l: Mul(w, b) then Add(sum, product), in the
// graph's order.
template <int B>
inline void sum_forward(const Sum& s, const double* D, double* out, int32_t l) {
  D2 acc[B];
  for (int j = 0; j < B; ++j) acc[j] = s.start ? ld(s.start + l + 2 * j) : all(s.start_value);
  for (int32_t t = 0; t < s.n; ++t) {
    const D2 w = all(s.w[t]);
    const double* b = D + s.b[t] + l;
    for (int j = 0; j < B; ++j) acc[j] = acc[j] + w * ld(b + 2 * j);
  }
  for (int j = 0; j < B; ++j) st(out + l + 2 * j, acc[j]);
}

// Its backward, as backward() applies the chain's nodes from the last Add: Add(s, m) gives s.grad += 1.0 * g and
// m.grad = 0 + 1.0 * g; Mul(w, b) then gives w's cell = 0 + b * m.grad and b.grad += w * m.grad. The partial sums'
// and products' grads (read by nothing else) are all gm = 0 + 1.0 * g_out, except that a one-term sum hands g_out
// itself to its start. The start's share comes right before the first term's, as in the graph.
template <int B>
inline void sum_backward(const Sum& s, const double* D, double* G, const double* gout, double* cells, int32_t cs,
                         int32_t l) {
  const D2 zero = all(0.0), one = all(1.0);
  D2 g[B], gm[B];
  for (int j = 0; j < B; ++j) g[j] = ld(gout + l + 2 * j), gm[j] = zero + one * g[j];
  auto term = [&](int32_t t) {
    const D2 w = all(s.w[t]);
    const double* b = D + s.b[t] + l;
    double* cell = cells + static_cast<size_t>(l) * cs + s.param[t];
    for (int j = 0; j < B; ++j) {
      D2 c = zero + ld(b + 2 * j) * gm[j];
      cell[(2 * j) * cs] = c[0];
      cell[(2 * j + 1) * cs] = c[1];
    }
    if (s.gb[t] >= 0) {
      double* gb = G + s.gb[t] + l;
      for (int j = 0; j < B; ++j) st(gb + 2 * j, ld(gb + 2 * j) + w * gm[j]);
    }
  };
  for (int32_t t = s.n - 1; t > 0; --t) term(t);
  const D2* below = s.n > 1 ? gm : g;  // the grad of what the first Add made, times 1.0
  if (s.start_param >= 0) {
    double* cell = cells + static_cast<size_t>(l) * cs + s.start_param;
    for (int j = 0; j < B; ++j) {
      D2 c = zero + one * below[j];
      cell[(2 * j) * cs] = c[0];
      cell[(2 * j + 1) * cs] = c[1];
    }
  } else if (s.start_grad) {
    for (int j = 0; j < B; ++j) st(s.start_grad + l + 2 * j, ld(s.start_grad + l + 2 * j) + one * below[j]);
  }
  term(0);
}
}  // namespace

void GroupRun::run(const PointTape& pt, const double* xs, const double* ys, int32_t n, const double* pv, double* cells,
                   int32_t cs, double seed) {
  const int32_t stride = (n + 1) & ~1;  // whole SIMD pairs; an odd group's last lane repeats its first point
  const size_t rs = static_cast<size_t>(stride);
  stride_ = stride;
  fit(rows_, (2 * static_cast<size_t>(pt.rows) + 3) * rs);  // data, grads, a sink and two scratch rows
  double *D = rows_.data(), *G = D + pt.rows * rs, *sink = G + pt.rows * rs, *scratch = sink + rs;
  for (const PointTape::Fill& f : pt.fills) {
    double* r = D + f.row * rs;
    if (f.kind == PointTape::Fill::InputX || f.kind == PointTape::Fill::InputY) {
      std::copy(f.kind == PointTape::Fill::InputX ? xs : ys, (f.kind == PointTape::Fill::InputX ? xs : ys) + n, r);
      if (n < stride) r[n] = r[0];
    } else {
      std::fill(r, r + stride, f.kind == PointTape::Fill::Const ? f.value : pv[f.param]);
    }
  }
  // the terms as this run reads them: weights, row offsets for this stride
  const size_t T = pt.terms.size();
  fit(w_, T);
  fit(off_, 3 * T);
  int32_t *b = off_.data(), *gb = b + T, *param = gb + T;
  for (size_t t = 0; t < T; ++t) {
    const PointTape::Term& term = pt.terms[t];
    w_[t] = pv[term.param];
    b[t] = term.b.row * stride;
    gb[t] = term.b.grad >= 0 ? term.b.grad * stride : -1;
    param[t] = term.param;
  }
  auto sum_of = [&](const PointTape::Step& s) {
    return Sum{w_.data() + s.t0, b + s.t0, gb + s.t0, param + s.t0, s.t1 - s.t0,
               s.start_param >= 0 ? nullptr : D + s.a.row * rs, s.start_param >= 0 ? pv[s.start_param] : 0.0,
               s.start_param < 0 && s.a.grad >= 0 ? G + s.a.grad * rs : nullptr, s.start_param};
  };
  for (const PointTape::Step& s : pt.steps) {
    double* out = D + s.out * rs;
    if (s.op != Op::Leaf) {
      forward_lanes(s.op, s.k, D + s.a.row * rs, s.b.row >= 0 ? D + s.b.row * rs : nullptr, out, stride);
      continue;
    }
    Sum sum = sum_of(s);
    int32_t l = 0;
    for (; l + 8 <= stride; l += 8) sum_forward<4>(sum, D, out, l);
    for (; l < stride; l += 2) sum_forward<1>(sum, D, out, l);
  }
  if (!cells) return;

  std::fill(G, G + pt.rows * rs, 0.0);
  std::fill(G + pt.outputs[0] * rs, G + (pt.outputs[0] + 1) * rs, seed);
  for (int32_t p : pt.add_params)  // never added into, or added into by a plain op (through `scratch`): start at 0
    for (int32_t l = 0; l < stride; ++l) cells[static_cast<size_t>(l) * cs + p] = 0.0;
  for (auto it = pt.steps.rbegin(); it != pt.steps.rend(); ++it) {
    const PointTape::Step& s = *it;
    const double* gout = G + s.out * rs;
    if (s.op == Op::Leaf) {
      Sum sum = sum_of(s);
      int32_t l = 0;
      for (; l + 8 <= stride; l += 8) sum_backward<4>(sum, D, G, gout, cells, cs, l);
      for (; l < stride; l += 2) sum_backward<1>(sum, D, G, gout, cells, cs, l);
      continue;
    }
    // A parameter's cells are one per point, a lane's cells together: a plain op adds into a zeroed row (once: each
    // parameter once per point, and never both operands), copied into the cells after.
    int32_t cell_param[2] = {-1, -1};
    auto grad = [&](const PointTape::Ref& r, int which) {
      if (r.grad >= 0) return G + r.grad * rs;
      if (r.grad == PointTape::kSink) return sink;
      cell_param[which] = PointTape::kCell0 - r.grad;
      double* row = scratch + which * rs;
      std::fill(row, row + stride, 0.0);
      return row;
    };
    bool two = s.b.row >= 0;
    double* ga = grad(s.a, 0);
    double* gbr = two ? grad(s.b, 1) : nullptr;
    backward_lanes(s.op, s.k, D + s.a.row * rs, two ? D + s.b.row * rs : nullptr, D + s.out * rs, gout, ga, gbr, stride);
    for (int which = 0; which < 2; ++which)
      if (cell_param[which] >= 0)
        for (int32_t l = 0; l < stride; ++l) cells[static_cast<size_t>(l) * cs + cell_param[which]] = scratch[which * rs + l];
  }
}

const double* GroupRun::row(int32_t r) const { return rows_.data() + static_cast<size_t>(r) * stride_; }

size_t GroupRun::bytes() const {
  return (rows_.capacity() + w_.capacity()) * sizeof(double) + off_.capacity() * sizeof(int32_t);
}

void GroupRun::release() {
  std::vector<double>().swap(rows_);
  std::vector<double>().swap(w_);
  std::vector<int32_t>().swap(off_);
}

}  // namespace mg
