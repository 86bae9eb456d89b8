// Teaching support on the traced point's graph: the backward pass as data (order, local derivatives,
// contributions), the forward order, finite-difference gradient checks, each training point's share of
// the gradient, per-point losses and predictions, and one node's value over the whole input plane.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "trainer.h"

namespace mg {

// One chain-rule application: operand.grad += local * upstream (= contribution), where upstream is
// node.grad. Indices are positions in Trainer::graph()'s node list.
struct BackwardStep {
  int32_t node, operand;
  double local, upstream, contribution;
};

// In the engine's own order: reverse of the depth-first topological order, first operand first.
std::vector<BackwardStep> backward_steps(Trainer& t, double x, double y, int label);
// Every node of graph() in the order the forward pass computes it (depth-first post-order).
std::vector<int32_t> forward_order(Trainer& t, double x, double y, int label);

struct GradCheck {
  double autograd, numeric, rel_error;
};
// d loss / d node by autograd and by a central finite difference (the engine recomputes everything
// downstream of the nudged node); rel_error = |a - n| / max(|a| + |n|, 1e-4) (the floor keeps the
// difference quotient's rounding noise, ~1e-10, from failing tiny gradients).
GradCheck grad_check(Trainer& t, double x, double y, int label, int32_t node);
// A gradient check of one node: autograd's g for the node of value v against a central difference of f, the
// loss as a function of that node's value (f recomputes everything downstream of it; f(v) runs last and
// restores it). h = 1e-6 * max(1, |v|); rel_error as grad_check's.
template <class F>
GradCheck central_difference(double v, double g, F f) {
  double h = 1e-6 * std::max(1.0, std::fabs(v));
  double up = f(v + h), down = f(v - h);
  f(v);
  double numeric = (up - down) / (2 * h);
  // relative, with a floor: for gradients below ~1e-4 the difference quotient's own rounding noise
  // (~eps * |loss| / h, about 1e-10) would dominate a purely relative error
  return {g, numeric, std::fabs(g - numeric) / std::max(std::fabs(g) + std::fabs(numeric), 1e-4)};
}
// The same for every parameter, in parameter order.
std::vector<GradCheck> grad_check_params(Trainer& t, double x, double y, int label);

// Training point i's share of the full-batch gradient of parameter p, at [i * P + p]: the batch gradient
// is their sum (up to rounding).
std::vector<double> point_grads(Trainer& t);
// Each point's own loss and predicted class.
void point_stats(Trainer& t, const std::vector<Point>& split, std::vector<double>& loss, std::vector<int>& predicted);
// The value of graph() node `node` when the traced point moves over a w x h grid (row-major, first row
// at y1, cells sampled at their centres), with the traced label.
std::vector<float> node_field(Trainer& t, int32_t node, int label, int w, int h, double x0, double x1, double y0, double y1);

}  // namespace mg
