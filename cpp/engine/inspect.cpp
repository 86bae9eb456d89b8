// Teaching support: everything works on a fresh traced graph on the tape and releases it afterwards.
#include "inspect.h"

#include <cmath>

namespace mg {

namespace {
// The traced graph on the tape, its trace order, and tape id -> position in that order.
struct Traced {
  Trainer& t;
  Value loss;
  std::vector<int32_t> nodes;
  std::vector<std::pair<int32_t, int32_t>> edges;
  std::vector<int32_t> pos;
  Traced(Trainer& tr, double x, double y, int label) : t(tr), loss(tr.traced_loss(x, y, label, nullptr)) {
    Tape& tape = t.tape();
    tape.trace(loss.id, nodes, edges);
    pos.assign(tape.size(), -1);
    for (size_t i = 0; i < nodes.size(); ++i) pos[nodes[i]] = static_cast<int32_t>(i);
  }
  ~Traced() { t.release_trace(); }
  // Recomputes every node created after `from` (creation order is a topological order) and returns the loss.
  double replay_from(int32_t from) {
    Tape& tape = t.tape();
    for (int32_t j = from + 1; j < tape.size(); ++j) {
      Node& n = tape[j];
      if (n.op == Op::Leaf) continue;
      n.data = forward_of(n, &tape[n.a], n.b >= 0 ? &tape[n.b] : nullptr);
    }
    return tape[loss.id].data;
  }
  GradCheck check(int32_t id) {
    Tape& tape = t.tape();
    return central_difference(tape[id].data, tape[id].grad, [&](double v) {
      tape[id].data = v;
      return replay_from(id);
    });
  }
};
}  // namespace

std::vector<BackwardStep> backward_steps(Trainer& t, double x, double y, int label) {
  Traced tr(t, x, y, label);
  Tape& tape = t.tape();
  std::vector<int32_t> order = tape.topo(tr.loss.id);
  std::vector<BackwardStep> steps;
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    const Node& o = tape[*it];
    if (o.op == Op::Leaf) continue;
    for (int which = 0; which < (o.b >= 0 ? 2 : 1); ++which) {
      int32_t operand = which == 0 ? o.a : o.b;
      double local = local_derivative(o, tape[o.a], o.b >= 0 ? &tape[o.b] : nullptr, which);
      steps.push_back({tr.pos[*it], tr.pos[operand], local, o.grad, local * o.grad});
    }
  }
  return steps;
}

std::vector<int32_t> forward_order(Trainer& t, double x, double y, int label) {
  Traced tr(t, x, y, label);
  std::vector<int32_t> order = t.tape().topo(tr.loss.id);
  for (int32_t& id : order) id = tr.pos[id];
  return order;
}

GradCheck grad_check(Trainer& t, double x, double y, int label, int32_t node) {
  Traced tr(t, x, y, label);
  if (node < 0 || node >= static_cast<int32_t>(tr.nodes.size())) return {NAN, NAN, NAN};
  return tr.check(tr.nodes[node]);
}

std::vector<GradCheck> grad_check_params(Trainer& t, double x, double y, int label) {
  Traced tr(t, x, y, label);
  std::vector<GradCheck> out;
  for (int32_t p : t.params()) out.push_back(tr.check(p));
  return out;
}

std::vector<double> point_grads(Trainer& t) {
  std::vector<double> out;
  t.point_grads(out);
  return out;
}

void point_stats(Trainer& t, const std::vector<Point>& split, std::vector<double>& loss, std::vector<int>& predicted) {
  t.point_stats(split, loss, predicted);
}

std::vector<float> node_field(Trainer& t, int32_t node, int label, int w, int h, double x0, double x1, double y0, double y1) {
  Traced tr(t, 0.0, 0.0, label);
  std::vector<float> out(static_cast<size_t>(w) * h, NAN);
  if (node < 0 || node >= static_cast<int32_t>(tr.nodes.size())) return out;
  Tape& tape = t.tape();
  int32_t xi = t.num_param_nodes(), yi = xi + 1, id = tr.nodes[node];  // the traced inputs come first
  for (int r = 0; r < h; ++r)
    for (int c = 0; c < w; ++c) {
      tape[xi].data = x0 + (c + 0.5) * (x1 - x0) / w;
      tape[yi].data = y1 - (r + 0.5) * (y1 - y0) / h;
      tr.replay_from(yi);
      out[static_cast<size_t>(r) * w + c] = static_cast<float>(tape[id].data);
    }
  return out;
}

}  // namespace mg
