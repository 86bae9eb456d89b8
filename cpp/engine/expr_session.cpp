// The JS-facing expression: validated calls, JSON structure, flat number buffers.
#include "expr_session.h"

#include <cmath>

#include "expr_inspect.h"
#include "expr_text.h"
#include "pyfloat.h"

namespace mg {

bool ExprSession::fail(const std::string& msg) {
  err_ = {{0, 0}, msg};
  return false;
}

bool ExprSession::run(const std::string& source) {
  Expression fresh;
  if (!fresh.run(source)) {
    err_ = fresh.error();
    return false;
  }
  err_ = ExprError();
  x_ = std::move(fresh);
  source_ = source;
  graph_ = expr_graph(x_);
  vars_.clear();
  for (size_t i = 0; i < x_.vars().size(); ++i)
    if (x_.vars()[i].node >= 0) vars_.push_back(static_cast<int32_t>(i));
  return true;
}

std::string ExprSession::structure() const {
  std::vector<int32_t> leaf_of(x_.tape().size(), -1);
  for (size_t i = 0; i < x_.leaves().size(); ++i) leaf_of[x_.leaves()[i].node] = static_cast<int32_t>(i);
  auto label = [&](int32_t id) {
    std::string s;
    return x_.label(id, s) ? json_string(s) : std::string("null");
  };
  std::string s = "{\"vars\":[";
  for (size_t i = 0; i < vars_.size(); ++i) {
    const ExprVar& v = x_.vars()[vars_[i]];
    s += (i ? ",{\"name\":" : "{\"name\":") + json_string(v.name) + ",\"node\":" + std::to_string(graph_.pos[v.node]) + "}";
  }
  s += "],\"nodes\":[";
  for (size_t i = 0; i < graph_.nodes.size(); ++i) {
    int32_t id = graph_.nodes[i];
    s += (i ? ",{\"op\":" : "{\"op\":") + json_string(op_label(x_.tape().nodes[id])) + ",\"label\":" + label(id) +
         ",\"name\":" + json_string(expr_node_name(x_, id)) + ",\"leaf\":" + std::to_string(leaf_of[id]) + "}";
  }
  s += "],\"edges\":[";
  for (size_t i = 0; i < graph_.edges.size(); ++i)
    s += (i ? ",[" : "[") + std::to_string(graph_.edges[i].first) + "," + std::to_string(graph_.edges[i].second) + "]";
  s += "],\"leaves\":[";
  for (size_t i = 0; i < x_.leaves().size(); ++i) {
    const ExprLeaf& l = x_.leaves()[i];
    s += (i ? ",{\"name\":" : "{\"name\":") + json_string(expr_node_name(x_, l.node)) + ",\"label\":" + label(l.node) +
         ",\"node\":" + std::to_string(graph_.pos[l.node]) + ",\"line\":" + std::to_string(l.at.line) +
         ",\"column\":" + std::to_string(l.at.col) + ",\"from\":" + std::to_string(utf16_offset(source_, l.begin)) +
         ",\"to\":" + std::to_string(utf16_offset(source_, l.end)) + "}";
  }
  return s + "]}";
}

uintptr_t ExprSession::values() {
  size_t V = vars_.size(), N = graph_.nodes.size();
  buf_.assign(2 * V + 2 * N + 1, 0.0);
  const std::vector<Node>& nodes = x_.tape().nodes;
  for (size_t i = 0; i < V; ++i) {
    const Node& n = nodes[x_.vars()[vars_[i]].node];
    buf_[i] = n.data;
    buf_[V + i] = n.grad;
  }
  for (size_t i = 0; i < N; ++i) {
    buf_[2 * V + i] = nodes[graph_.nodes[i]].data;
    buf_[2 * V + N + i] = nodes[graph_.nodes[i]].grad;
  }
  count_ = static_cast<int>(V + N);
  return reinterpret_cast<uintptr_t>(buf_.data());
}

uintptr_t ExprSession::leaf_values() {
  buf_.assign(x_.leaves().size() + 1, 0.0);
  for (size_t i = 0; i < x_.leaves().size(); ++i) buf_[i] = x_.tape().nodes[x_.leaves()[i].node].data;
  count_ = num_leaves();
  return reinterpret_cast<uintptr_t>(buf_.data());
}

bool ExprSession::set_leaf(double i, double v) {
  int L = num_leaves();
  if (!std::isfinite(i) || i != std::floor(i) || i < 0 || i >= L)
    return fail(L == 0 ? "leaf: this snippet has no Value(...) leaf"
                       : "leaf: expected an index from 0 to " + std::to_string(L - 1) + ", got " + py_repr(i));
  if (!std::isfinite(v)) return fail("value: expected a finite number, got " + py_repr(v));
  if (!x_.set_leaf(static_cast<int>(i), v)) {
    err_ = x_.error();
    return false;
  }
  err_ = ExprError();
  return true;
}

uintptr_t ExprSession::forward_order() {
  std::vector<int32_t> order = expr_forward_order(x_, graph_);
  buf_.assign(order.begin(), order.end());
  buf_.push_back(0);
  count_ = static_cast<int>(order.size());
  return reinterpret_cast<uintptr_t>(buf_.data());
}

uintptr_t ExprSession::backward_steps() {
  std::vector<BackwardStep> steps = expr_backward_steps(x_, graph_);
  buf_.resize(5 * steps.size() + 1);
  for (size_t i = 0; i < steps.size(); ++i) {
    const BackwardStep& s = steps[i];
    double row[5] = {static_cast<double>(s.node), static_cast<double>(s.operand), s.local, s.upstream, s.contribution};
    std::copy(row, row + 5, buf_.begin() + 5 * i);
  }
  count_ = static_cast<int>(steps.size());
  return reinterpret_cast<uintptr_t>(buf_.data());
}

uintptr_t ExprSession::grad_check(double node) {
  int N = graph_size();
  if (!std::isfinite(node) || node != std::floor(node) || node < 0 || node >= N)
    return fail(N == 0 ? "node: this snippet has no graph"
                       : "node: expected a node index from 0 to " + std::to_string(N - 1) + ", got " + py_repr(node)),
           0;
  err_ = ExprError();
  GradCheck c = expr_grad_check(x_, graph_, static_cast<int32_t>(node));
  buf_ = {c.autograd, c.numeric, c.rel_error};
  count_ = 1;
  return reinterpret_cast<uintptr_t>(buf_.data());
}

}  // namespace mg
