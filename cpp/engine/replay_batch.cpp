// The batched replay's runs (replay_batch.h): points in chunks, a chunk's points grouped by label, each recorded
// step run once over a group's rows, gradients added over the points in the reference's order.
//
// Why it is exact. Lane by lane, every step does what the graph's node does: the same IEEE operation on the same
// operands (plain ops through value.cpp's rules; a fused sum spells out Add and Mul), or the same C library call.
// Across points, the reference's full-batch graph is ((0.0 + l_0) + l_1) + ... + l_{n-1}, times 1/n. Its depth-
// first post-order (backward() walks it in reverse) lists point 0's nodes, the first +, point 1's nodes, the next
// +, and so on: the points share only the parameters, which are leaves, so point i's nodes appear in the order of
// its own graph's post-order, which depends on its label only (cross_entropy reads p[label]). The reverse walk thus
// reaches point n-1 first and point 0 last, every loss node's grad is 0 + 1.0 * (0 + (1/n) * 1), and each
// parameter, used once per point (checked when recording), gets one addition per point: its gradient is
// ((0 + c_{n-1}) + c_{n-2}) + ... + c_0. Here point i's lane computes 0 + c_i into a cell of its own, and the cells
// are added in that order: the same sums, since 0 + c differs from c only for c = -0.0 and g + 0.0 == g + -0.0
// for every g the sum can hold (it starts at +0 and x + y is -0 only if both are). The loss sum runs from point 0
// to point n-1, the order its + nodes were built in. tests/cpp/test_batch*.cpp check all of it.
#include "replay_batch.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "nn.h"
#include "replay_d2.h"

namespace mg {

namespace {
// Points per chunk: a group's working rows (data and grad of each row) near the L2 cache's size, and the per-point
// gradient cells (one per parameter and point) within a few MB, so memory does not grow with the points.
constexpr int64_t kRowBytes = 256 * 1024, kCellBytes = 4 * 1024 * 1024;

int32_t chunk_lanes(int64_t rows, int64_t nparams) {
  int64_t lanes = std::min(kRowBytes / (8 * (2 * rows + 3)), kCellBytes / (8 * std::max<int64_t>(nparams, 1)));
  return static_cast<int32_t>(std::clamp<int64_t>(lanes, 2, 1024) & ~int64_t{1});
}
}  // namespace

bool BatchReplay::record(Tape& tape, int32_t nparams, const PointGraph& loss, const PointGraph& probs) {
  recorded_ = false;
  const char* why = nullptr;
  for (int label = 0; label < 3; ++label)
    if (!record_point_tape(tape, nparams, loss, label, loss_[label], &why) || !loss_[label].exact_across_points)
      return false;
  if (!record_point_tape(tape, nparams, probs, 0, probs_, &why) || probs_.outputs.size() != 3) return false;
  nparams_ = nparams;
  pstride_ = (nparams + 1) & ~1;
  int32_t rows = probs_.rows;
  for (const PointTape& pt : loss_) rows = std::max(rows, pt.rows);
  chunk_ = chunk_lanes(rows, nparams);
  recorded_ = true;
  return true;
}

// The training points in chunks from the last to the first; in a chunk, the points of each label run as one group
// (their cells side by side, each group from an even column). `each(i0, i1)` follows each chunk: point i's cells
// start at cells_[col_[i - i0] * pstride_], and (after step) its loss is in point_loss_[i].
template <class Each>
void BatchReplay::backward_chunks(Tape& tape, const std::vector<Point>& train, double seed, const Each& each) {
  const int32_t N = static_cast<int32_t>(train.size()), P = nparams_, chunk = std::min(chunk_, (N + 1) & ~1);
  fit(params_, P);
  for (int32_t p = 0; p < P; ++p) params_[p] = tape[p].data;
  fit(cells_, static_cast<size_t>(chunk + 4) * pstride_);
  fit(xy_, 2 * static_cast<size_t>(chunk));
  fit(point_loss_, N);
  for (int32_t i1 = N; i1 > 0;) {
    int32_t i0 = std::max(0, i1 - chunk);
    for (auto& l : lanes_) fit(l, chunk), l.clear();  // room for a whole chunk: push_back never grows it
    for (int32_t i = i0; i < i1; ++i) lanes_[train[i].label].push_back(i);
    fit(col_, i1 - i0);
    for (int32_t label = 0, off = 0; label < 3; ++label) {
      const std::vector<int32_t>& lanes = lanes_[label];
      int32_t n = static_cast<int32_t>(lanes.size());
      if (n == 0) continue;
      for (int32_t j = 0; j < n; ++j) {
        col_[lanes[j] - i0] = off + j;
        xy_[j] = train[lanes[j]].x;
        xy_[chunk + j] = train[lanes[j]].y;
      }
      const PointTape& pt = loss_[label];
      group_.run(pt, xy_.data(), xy_.data() + chunk, n, params_.data(), cells_.data() + static_cast<size_t>(off) * pstride_,
                 pstride_, seed);
      const double* out = group_.row(pt.outputs[0]);
      for (int32_t j = 0; j < n; ++j) point_loss_[lanes[j]] = out[j];
      off += (n + 1) & ~1;
    }
    each(i0, i1);
    i1 = i0;
  }
}

double BatchReplay::step(Tape& tape, const std::vector<Point>& train) {
  const int32_t N = static_cast<int32_t>(train.size()), P = nparams_;
  // The graph: loss = total * k with k = 1/n, so total.grad = 0 + k * 1, and each point's loss node gets
  // 0 + 1.0 * that through the chain of +.
  const double k = 1.0 / static_cast<double>(N), seed = 0.0 + 1.0 * (0.0 + k * 1.0);
  fit(grad_, pstride_);
  std::fill(grad_.begin(), grad_.end(), 0.0);
  backward_chunks(tape, train, seed, [&](int32_t i0, int32_t i1) {
    // backward() reaches point i1-1 first: each parameter's grad += the point's cell, from the chunk's last point
    // to its first (two parameters per SIMD register: each lane its own parameter's sum)
    double* g = grad_.data();
    for (int32_t i = i1 - 1; i >= i0; --i) {
      const double* c = cells_.data() + static_cast<size_t>(col_[i - i0]) * pstride_;
      for (int32_t p = 0; p < pstride_; p += 2) st(g + p, ld(g + p) + ld(c + p));
    }
  });
  for (int32_t p = 0; p < P; ++p) tape[p].grad = grad_[p];
  double total = 0.0;
  for (int32_t i = 0; i < N; ++i) total = total + point_loss_[i];
  return total * k;
}

void BatchReplay::point_grads(Tape& tape, const std::vector<Point>& train, std::vector<double>& out) {
  const int32_t N = static_cast<int32_t>(train.size()), P = nparams_;
  out.assign(static_cast<size_t>(N) * P, 0.0);
  if (N == 0) return;
  // point_grads' graph per point: loss_i * (1/n), so loss_i.grad = 0 + (1/n) * 1
  const double seed = 0.0 + (1.0 / static_cast<double>(N)) * 1.0;
  backward_chunks(tape, train, seed, [&](int32_t i0, int32_t i1) {
    for (int32_t i = i0; i < i1; ++i)
      std::copy_n(cells_.data() + static_cast<size_t>(col_[i - i0]) * pstride_, P, out.data() + static_cast<size_t>(i) * P);
  });
}

double BatchReplay::evaluate(Tape& tape, const std::vector<Point>& split, std::vector<double>* losses,
                             std::vector<int>* predicted, int* right) {
  const int32_t N = static_cast<int32_t>(split.size()), P = nparams_, chunk = std::min(chunk_, (N + 1) & ~1);
  fit(params_, P);
  for (int32_t p = 0; p < P; ++p) params_[p] = tape[p].data;
  fit(xy_, 2 * static_cast<size_t>(chunk));
  if (losses) losses->resize(N);
  if (predicted) predicted->resize(N);
  if (right) *right = 0;
  double total = 0.0;  // the reference's Value(0.0) + l_0 + l_1 + ..., in point order across chunks
  for (int32_t i0 = 0; i0 < N; i0 += chunk) {
    int32_t n = std::min(chunk, N - i0);
    for (int32_t j = 0; j < n; ++j) xy_[j] = split[i0 + j].x, xy_[chunk + j] = split[i0 + j].y;
    group_.run(probs_, xy_.data(), xy_.data() + chunk, n, params_.data(), nullptr, 0, 0.0);
    const double* r[3] = {group_.row(probs_.outputs[0]), group_.row(probs_.outputs[1]), group_.row(probs_.outputs[2])};
    for (int32_t j = 0; j < n; ++j) {
      const Point& pt = split[i0 + j];
      double p[3] = {r[0][j], r[1][j], r[2][j]};
      double nll = std::log(p[pt.label]) * -1.0;  // cross_entropy's last two nodes: log(p[label]), then * -1.0
      total = total + nll;
      int cls = predicted_class(p);
      if (losses) (*losses)[i0 + j] = nll;
      if (predicted) (*predicted)[i0 + j] = cls;
      if (right) *right += cls == pt.label;
    }
  }
  return total * (1.0 / static_cast<double>(N));  // as the graph: an empty split gives 0.0 * inf, NaN
}

void BatchReplay::release_work() {
  for (std::vector<double>* v : {&params_, &grad_, &cells_, &xy_, &point_loss_}) std::vector<double>().swap(*v);
  for (auto& l : lanes_) std::vector<int32_t>().swap(l);
  std::vector<int32_t>().swap(col_);
  group_.release();
}

size_t BatchReplay::bytes() const {
  size_t b = probs_.bytes() + group_.bytes() + col_.capacity() * sizeof(int32_t);
  for (const PointTape& pt : loss_) b += pt.bytes();
  for (const auto& l : lanes_) b += l.capacity() * sizeof(int32_t);
  return b + (params_.capacity() + grad_.capacity() + cells_.capacity() + xy_.capacity() + point_loss_.capacity()) *
                 sizeof(double);
}

size_t batch_replay_bytes(const std::vector<int>& hidden, int64_t points) {
  // The network: neurons, parameters (weights and biases). Its point graphs, recorded with every neuron's sum fused
  // (the recording check passes for every MLP: tests/cpp/test_batch.cpp), have per neuron a sum row and an
  // activation row, a few rows for the inputs, constants and softmax, and one term per weight.
  int64_t neurons = 0, P = 0, nin = 2;
  std::vector<int> sizes = hidden;
  sizes.push_back(3);
  for (int w : sizes) {
    neurons += w;
    P += static_cast<int64_t>(w) * (nin + 1);
    nin = w;
  }
  const int64_t rows = 2 * neurons + 32, steps = 2 * neurons + 32, terms = P - neurons;
  const int64_t per_tape = 2 * (steps * static_cast<int64_t>(sizeof(PointTape::Step)) +  // x2: vector growth
                                terms * static_cast<int64_t>(sizeof(PointTape::Term)) +
                                rows * static_cast<int64_t>(sizeof(PointTape::Fill)) + 64 * 4);
  // Points per chunk: no more than for the fewest rows a recording can have (one per neuron), nor than needed.
  const int64_t lanes = std::min<int64_t>(chunk_lanes(neurons, P), points + 1) + 4;
  const int64_t group = 8 * ((2 * rows + 3) * lanes + terms) + 4 * 3 * terms;  // rows, and the terms as run
  const int64_t work = 8 * ((P + 1) * lanes + 2 * (P + 1) + 2 * lanes + points) + 4 * 4 * lanes;
  return static_cast<size_t>(4 * per_tape + group + work);
}

}  // namespace mg
