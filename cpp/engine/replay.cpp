// A recorded tape replayed forward and backward (see replay.h for the layout and why it is exact).
#include "replay.h"

#include <algorithm>

namespace mg {

void forward_ops(const OpRecord* ops, const double* k, int32_t n, int32_t first, double* data) {
  for (int32_t i = 0; i < n; ++i) {
    const OpRecord& r = ops[i];
    forward_lanes(r.op, k[i], data + r.a, r.b >= 0 ? data + r.b : nullptr, data + first + i, 1);
  }
}

void backward_ops(const OpRecord* ops, const double* k, int32_t n, int32_t first, const double* data, double* grad) {
  for (int32_t i = n - 1; i >= 0; --i) {
    const OpRecord& r = ops[i];
    bool two = r.b >= 0;
    backward_lanes(r.op, k[i], data + r.a, two ? data + r.b : nullptr, data + first + i, grad + first + i, grad + r.a,
                   two ? grad + r.b : nullptr, 1);
  }
}

void Replay::clear() {
  data_.clear();
  grad_.clear();
  ops_.clear();
  k_.clear();
  points_.clear();
  nparams_ = first_op_ = 0;
}

void Replay::record(Tape& tape, int32_t root, int32_t nparams, const std::vector<Point>& points) {
  clear();
  const std::vector<int32_t>& order = tape.topo(root);  // what Tape::backward walks, in reverse
  slot_.assign(tape.size(), -1);
  for (int32_t i = 0; i < nparams; ++i) {  // every parameter, reached or not (unreached ones keep grad 0)
    slot_[i] = i;
    data_.push_back(tape[i].data);
  }
  for (int32_t id : order)  // constant leaves next, in the order they are met
    if (id >= nparams && tape[id].op == Op::Leaf) {
      slot_[id] = static_cast<int32_t>(data_.size());
      data_.push_back(tape[id].data);
    }
  first_op_ = static_cast<int32_t>(data_.size());
  for (int32_t id : order)  // then the ops, in topological order, operands renumbered
    if (tape[id].op != Op::Leaf) {
      const Node& n = tape[id];
      slot_[id] = static_cast<int32_t>(data_.size());
      data_.push_back(n.data);
      ops_.push_back({slot_[n.a], n.b >= 0 ? slot_[n.b] : -1, n.op});
      k_.push_back(n.k);
    }
  grad_.assign(data_.size(), 0.0);
  nparams_ = nparams;
  points_ = points;
  slot_.clear();
}

bool Replay::matches(const std::vector<Point>& points) const {
  if (!recorded() || points.size() != points_.size()) return false;
  for (size_t i = 0; i < points.size(); ++i)
    if (points[i].x != points_[i].x || points[i].y != points_[i].y || points[i].label != points_[i].label) return false;
  return true;
}

double Replay::run(Tape& tape) {
  const int32_t n = size(), nops = static_cast<int32_t>(ops_.size());
  for (int32_t i = 0; i < nparams_; ++i) data_[i] = tape[i].data;
  forward_ops(ops_.data(), k_.data(), nops, first_op_, data_.data());
  std::fill(grad_.begin(), grad_.end(), 0.0);
  grad_[n - 1] = 1;  // the loss: the last node of the topological order
  backward_ops(ops_.data(), k_.data(), nops, first_op_, data_.data(), grad_.data());
  for (int32_t i = 0; i < nparams_; ++i) tape[i].grad = grad_[i];
  return data_[n - 1];
}

}  // namespace mg
