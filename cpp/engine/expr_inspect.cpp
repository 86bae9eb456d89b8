// The backward pass as data, the forward order and gradient checks of a run snippet.
#include "expr_inspect.h"

#include <cmath>

namespace mg {

std::vector<BackwardStep> expr_backward_steps(Expression& x, const ExprGraph& g) {
  std::vector<BackwardStep> steps;
  if (x.root() < 0) return steps;
  Tape& t = x.tape();
  std::vector<int32_t> order = t.topo(x.root());
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    const Node& o = t[*it];
    if (o.op == Op::Leaf) continue;
    for (int which = 0; which < (o.b >= 0 ? 2 : 1); ++which) {
      double local = local_derivative(o, t[o.a], o.b >= 0 ? &t[o.b] : nullptr, which);
      steps.push_back({g.pos[*it], g.pos[which == 0 ? o.a : o.b], local, o.grad, local * o.grad});
    }
  }
  return steps;
}

std::vector<int32_t> expr_forward_order(Expression& x, const ExprGraph& g) {
  if (x.root() < 0) return {};
  std::vector<int32_t> order = x.tape().topo(x.root());
  for (int32_t& id : order) id = g.pos[id];
  return order;
}

GradCheck expr_grad_check(Expression& x, const ExprGraph& g, int32_t node) {
  if (node < 0 || node >= static_cast<int32_t>(g.nodes.size())) return {NAN, NAN, NAN};
  Tape& t = x.tape();
  int32_t id = g.nodes[node], root = x.root();
  // Creation order is a topological order: the nudges recompute everything made after the node (plain
  // floats: Python's int zeros have no sign), then every number goes back exactly as it was.
  std::vector<double> saved;
  for (int32_t j = id; j < t.size(); ++j) saved.push_back(t[j].data);
  auto root_at = [&](double v) {
    t[id].data = v;
    for (int32_t j = id + 1; j < t.size(); ++j) {
      Node& n = t[j];
      if (n.op != Op::Leaf) n.data = forward_of(n, &t[n.a], n.b >= 0 ? &t[n.b] : nullptr);
    }
    return t[root].data;
  };
  GradCheck c = central_difference(t[id].data, t[id].grad, root_at);
  for (int32_t j = id; j < t.size(); ++j) t[j].data = saved[j - id];
  return c;
}

}  // namespace mg
