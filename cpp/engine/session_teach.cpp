// The Session's teaching calls (inspect.h through the JS boundary): validated like the rest, results in
// the session's buffers with count() rows, within the memory budget and the work of one call.
#include <algorithm>
#include <cmath>

#include "inspect.h"
#include "session.h"
#include "session_util.h"

namespace mg {

bool Session::check_graph_node(double node) {
  if (graph_size_ == 0) {  // the size of the traced graph: the same for every traced point
    t_->graph_values(0, 0, 0, gdata_, ggrad_);
    graph_size_ = static_cast<int>(gdata_.size());
  }
  if (!is_int_in(node, 0, graph_size_ - 1))
    return fail("node: expected a node index from 0 to " + std::to_string(graph_size_ - 1) + ", got " + shown(node));
  return true;
}

uintptr_t Session::backward_steps(double x, double y, double label) {
  if (!ready() || !check_point(x, y, label) || !afford_trace("graph")) return 0;
  return guard(uintptr_t{0}, [&] {
    std::vector<BackwardStep> steps = mg::backward_steps(*t_, x, y, static_cast<int>(label));
    count_ = static_cast<int>(steps.size());
    double* p = out(5 * steps.size() + 1);
    for (size_t i = 0; i < steps.size(); ++i) {
      const BackwardStep& s = steps[i];
      double row[5] = {static_cast<double>(s.node), static_cast<double>(s.operand), s.local, s.upstream, s.contribution};
      std::copy(row, row + 5, p + 5 * i);
    }
    return reinterpret_cast<uintptr_t>(p);
  });
}

uintptr_t Session::forward_order(double x, double y, double label) {
  if (!ready() || !check_point(x, y, label) || !afford_trace("graph")) return 0;
  return guard(uintptr_t{0}, [&] {
    std::vector<int32_t> order = mg::forward_order(*t_, x, y, static_cast<int>(label));
    count_ = static_cast<int>(order.size());
    double* p = out(order.size() + 1);
    std::copy(order.begin(), order.end(), p);
    return reinterpret_cast<uintptr_t>(p);
  });
}

uintptr_t Session::grad_check(double x, double y, double label, double node) {
  if (!ready() || !check_point(x, y, label) || !afford_trace("graph")) return 0;
  return guard(uintptr_t{0}, [&]() -> uintptr_t {
    if (!check_graph_node(node)) return 0;
    GradCheck c = mg::grad_check(*t_, x, y, static_cast<int>(label), static_cast<int32_t>(node));
    double* p = out(3);
    p[0] = c.autograd, p[1] = c.numeric, p[2] = c.rel_error;
    count_ = 1;
    return reinterpret_cast<uintptr_t>(p);
  });
}

uintptr_t Session::grad_check_params(double x, double y, double label) {
  if (!ready() || !check_point(x, y, label) || !afford_trace("graph")) return 0;
  int64_t P = static_cast<int64_t>(t_->params().size());
  if (!check_work(3 * P * nodes_per_point_, "gradCheckParams", std::to_string(P) + " parameters x 3 forward passes",
                  "check single nodes with gradCheck"))
    return 0;
  return guard(uintptr_t{0}, [&] {
    std::vector<GradCheck> cs = mg::grad_check_params(*t_, x, y, static_cast<int>(label));
    size_t n = cs.size();
    count_ = static_cast<int>(n);
    double* p = out(3 * n + 1);
    for (size_t i = 0; i < n; ++i) p[i] = cs[i].autograd, p[n + i] = cs[i].numeric, p[2 * n + i] = cs[i].rel_error;
    return reinterpret_cast<uintptr_t>(p);
  });
}

uintptr_t Session::point_grads() {
  if (!ready()) return 0;
  int64_t N = static_cast<int64_t>(t_->data().train.size()), P = static_cast<int64_t>(t_->params().size());
  std::string what = "each of " + std::to_string(N) + " points' share of " + std::to_string(P) + " gradients";
  if (!afford_graph(N, "pointGrads", what) || !afford_buffer(16 * (N * P + 1), "pointGrads", what)) return 0;
  return guard(uintptr_t{0}, [&] {
    std::vector<double> shares = mg::point_grads(*t_);
    count_ = static_cast<int>(N);
    double* p = out(shares.size() + 1);
    std::copy(shares.begin(), shares.end(), p);
    return reinterpret_cast<uintptr_t>(p);
  });
}

uintptr_t Session::point_stats(double split) {
  std::vector<Point>* s = split_of(split, "split");
  if (!s) return 0;
  int64_t m = static_cast<int64_t>(s->size());
  std::string what = "each of " + std::to_string(m) + " points' loss and class";
  if (!afford_graph(m, "split", what) || !afford_buffer(28 * (m + 1), "split", what)) return 0;  // the result, and its parts
  return guard(uintptr_t{0}, [&] {
    std::vector<double> loss;
    std::vector<int> predicted;
    mg::point_stats(*t_, *s, loss, predicted);
    count_ = static_cast<int>(loss.size());
    double* p = out(2 * loss.size() + 1);
    std::copy(loss.begin(), loss.end(), p);
    std::copy(predicted.begin(), predicted.end(), p + loss.size());
    return reinterpret_cast<uintptr_t>(p);
  });
}

uintptr_t Session::node_field(double node, double label, double w, double h, double x0, double x1, double y0, double y1) {
  if (!ready() || !afford_trace("graph")) return 0;
  if (!check_integer(label, "label", {0, kClasses - 1}, error_)) return 0;
  if (!is_int_in(w, 1, kMaxFieldSide) || !is_int_in(h, 1, kMaxFieldSide))
    return fail("field: width and height must be integers from 1 to " + std::to_string(kMaxFieldSide)), 0;
  for (double v : {x0, x1, y0, y1})
    if (!(std::fabs(v) <= kMaxCoord)) return fail("field: extent must be finite numbers from -1000 to 1000"), 0;
  if (!(x1 > x0) || !(y1 > y0)) return fail("field: expected x0 < x1 and y0 < y1"), 0;
  int64_t cells = static_cast<int64_t>(w) * static_cast<int64_t>(h);
  if (!check_work(cells * nodes_per_point_, "field", shown(w) + "x" + shown(h) + " cells of the traced graph", "use fewer cells"))
    return 0;
  return guard(uintptr_t{0}, [&]() -> uintptr_t {
    if (!check_graph_node(node)) return 0;
    std::vector<float> field = mg::node_field(*t_, static_cast<int32_t>(node), static_cast<int>(label), static_cast<int>(w),
                                              static_cast<int>(h), x0, x1, y0, y1);
    float* p = fout(field.size());
    std::copy(field.begin(), field.end(), p);
    count_ = static_cast<int>(field.size());
    return reinterpret_cast<uintptr_t>(p);
  });
}

}  // namespace mg
