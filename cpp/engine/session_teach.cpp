// The Session's teaching calls (inspect.h through the JS boundary): validated like the rest, results in
// the session's buffers with count() rows.
#include <cmath>

#include "inspect.h"
#include "session.h"
#include "session_util.h"

namespace mg {

bool Session::check_graph_node(double node) {
  if (!check_traced_size()) return false;
  if (graph_size_ == 0) {  // the size of the traced graph: the same for every traced point
    std::vector<double> d, g;
    t_->graph_values(0, 0, 0, d, g);
    graph_size_ = static_cast<int>(d.size());
  }
  if (!is_int_in(node, 0, graph_size_ - 1)) return fail("node: expected a node index from 0 to " + std::to_string(graph_size_ - 1) + ", got " + shown(node));
  return true;
}

uintptr_t Session::backward_steps(double x, double y, double label) {
  if (!ready() || !check_point(x, y, label) || !check_traced_size()) return 0;
  std::vector<BackwardStep> steps = mg::backward_steps(*t_, x, y, static_cast<int>(label));
  count_ = static_cast<int>(steps.size());
  buf_.resize(5 * steps.size() + 1);
  for (size_t i = 0; i < steps.size(); ++i) {
    const BackwardStep& s = steps[i];
    double row[5] = {static_cast<double>(s.node), static_cast<double>(s.operand), s.local, s.upstream, s.contribution};
    std::copy(row, row + 5, buf_.begin() + 5 * i);
  }
  return reinterpret_cast<uintptr_t>(buf_.data());
}

uintptr_t Session::forward_order(double x, double y, double label) {
  if (!ready() || !check_point(x, y, label) || !check_traced_size()) return 0;
  std::vector<int32_t> order = mg::forward_order(*t_, x, y, static_cast<int>(label));
  count_ = static_cast<int>(order.size());
  buf_.assign(order.begin(), order.end());
  buf_.push_back(0);
  return reinterpret_cast<uintptr_t>(buf_.data());
}

uintptr_t Session::grad_check(double x, double y, double label, double node) {
  if (!ready() || !check_point(x, y, label) || !check_traced_size() || !check_graph_node(node)) return 0;
  GradCheck c = mg::grad_check(*t_, x, y, static_cast<int>(label), static_cast<int32_t>(node));
  buf_ = {c.autograd, c.numeric, c.rel_error};
  count_ = 1;
  return reinterpret_cast<uintptr_t>(buf_.data());
}

uintptr_t Session::grad_check_params(double x, double y, double label) {
  if (!ready() || !check_point(x, y, label) || !check_traced_size()) return 0;
  int64_t work = static_cast<int64_t>(t_->params().size()) * nodes_per_point_;  // two forward replays per parameter
  if (work > kMaxNodesPerCall / 10)
    return fail("gradCheckParams: " + std::to_string(t_->params().size()) + " parameters x " + std::to_string(nodes_per_point_) +
                " nodes is too much work for one call; check single nodes with gradCheck"), 0;
  std::vector<GradCheck> cs = mg::grad_check_params(*t_, x, y, static_cast<int>(label));
  size_t P = cs.size();
  count_ = static_cast<int>(P);
  buf_.resize(3 * P + 1);
  for (size_t i = 0; i < P; ++i) {
    buf_[i] = cs[i].autograd;
    buf_[P + i] = cs[i].numeric;
    buf_[2 * P + i] = cs[i].rel_error;
  }
  return reinterpret_cast<uintptr_t>(buf_.data());
}

uintptr_t Session::point_grads() {
  if (!ready()) return 0;
  buf_ = mg::point_grads(*t_);
  count_ = static_cast<int>(t_->data().train.size());
  buf_.push_back(0);
  return reinterpret_cast<uintptr_t>(buf_.data());
}

uintptr_t Session::point_stats(double split) {
  std::vector<Point>* s = split_of(split, "split");
  if (!s) return 0;
  std::vector<double> loss;
  std::vector<int> predicted;
  mg::point_stats(*t_, *s, loss, predicted);
  count_ = static_cast<int>(loss.size());
  buf_ = loss;
  buf_.insert(buf_.end(), predicted.begin(), predicted.end());
  buf_.push_back(0);
  return reinterpret_cast<uintptr_t>(buf_.data());
}

uintptr_t Session::node_field(double node, double label, double w, double h, double x0, double x1, double y0, double y1) {
  if (!ready() || !check_graph_node(node)) return 0;
  if (!is_int_in(label, 0, 2)) return fail("label: expected 0, 1 or 2, got " + shown(label)), 0;
  if (!is_int_in(w, 1, 256) || !is_int_in(h, 1, 256)) return fail("field: width and height must be integers from 1 to 256"), 0;
  for (double v : {x0, x1, y0, y1})
    if (!std::isfinite(v) || std::fabs(v) > kMaxCoord) return fail("field: extent must be finite numbers from -1000 to 1000"), 0;
  if (!(x1 > x0) || !(y1 > y0)) return fail("field: expected x0 < x1 and y0 < y1"), 0;
  if (!check_traced_size()) return 0;
  if (static_cast<int64_t>(w) * static_cast<int64_t>(h) * nodes_per_point_ > kMaxNodesPerCall / 10)
    return fail("field: " + shown(w) + "x" + shown(h) + " cells of a " + std::to_string(nodes_per_point_) + "-node graph is too much work; use fewer cells"), 0;
  fbuf_ = mg::node_field(*t_, static_cast<int32_t>(node), static_cast<int>(label), static_cast<int>(w), static_cast<int>(h), x0, x1, y0, y1);
  count_ = static_cast<int>(fbuf_.size());
  return reinterpret_cast<uintptr_t>(fbuf_.data());
}

}  // namespace mg
