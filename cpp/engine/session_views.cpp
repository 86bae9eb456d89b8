// The Session's views of the network: forward, the traced graph (structure and values), the boundary grid,
// parameters, their names and the optimizer state.
#include <algorithm>
#include <cmath>

#include "session.h"
#include "session_util.h"

namespace mg {

namespace {
std::string json_escape(const std::string& s) {
  std::string o;
  for (char c : s) {
    if (c == '"' || c == '\\') o += '\\';
    if (static_cast<unsigned char>(c) < 0x20) continue;
    o += c;
  }
  return o;
}

std::string id_or_null(int v) { return v >= 0 ? std::to_string(v) : "null"; }
}  // namespace

uintptr_t Session::forward(double x, double y) {
  if (!ready() || !check_point(x, y, 0)) return 0;
  double* p = out(3);
  t_->predict(x, y, p);
  return reinterpret_cast<uintptr_t>(p);
}

bool Session::check_traced_size() {
  if (nodes_per_point_ > kMaxTracedNodes)
    return fail("graph: the traced graph would have about " + std::to_string(nodes_per_point_) + " nodes (limit " +
                std::to_string(kMaxTracedNodes) + "); use a smaller network");
  return true;
}

std::string Session::graph_json(double x, double y, double label) {
  if (!ready() || !check_point(x, y, label) || !afford_trace("graph")) return "";
  return guard(std::string(), [&] {
    Graph g = t_->graph(x, y, static_cast<int>(label));
    graph_size_ = static_cast<int>(g.nodes.size());
    std::string s = "{\"nodes\":[";
    for (size_t i = 0; i < g.nodes.size(); ++i) {
      const GraphNode& n = g.nodes[i];
      if (i) s += ',';
      s += "{\"op\":\"" + json_escape(n.op) + "\",\"param\":" + id_or_null(n.param) + ",\"input\":" + (n.input ? "true" : "false") +
           ",\"name\":\"" + json_escape(n.name) + "\",\"layer\":" + id_or_null(n.layer) + ",\"neuron\":" + id_or_null(n.neuron) + "}";
    }
    s += "],\"edges\":[";
    for (size_t i = 0; i < g.edges.size(); ++i)
      s += (i ? ",[" : "[") + std::to_string(g.edges[i].first) + "," + std::to_string(g.edges[i].second) + "]";
    s += "]}";
    return s;  // (not s + "]}": a copy of the whole text)
  });
}

uintptr_t Session::graph_values(double x, double y, double label) {
  if (!ready() || !check_point(x, y, label) || !afford_trace("graph")) return 0;
  return guard(uintptr_t{0}, [&] {
    t_->graph_values(x, y, static_cast<int>(label), gdata_, ggrad_);
    graph_size_ = static_cast<int>(gdata_.size());
    double* p = out(2 * gdata_.size());
    std::copy(gdata_.begin(), gdata_.end(), p);
    std::copy(ggrad_.begin(), ggrad_.end(), p + gdata_.size());
    return reinterpret_cast<uintptr_t>(p);
  });
}

uintptr_t Session::boundary(double w, double h, double x0, double x1, double y0, double y1) {
  if (!ready()) return 0;
  if (!is_int_in(w, 1, kMaxBoundarySide) || !is_int_in(h, 1, kMaxBoundarySide))
    return fail("boundary: width and height must be integers from 1 to " + std::to_string(kMaxBoundarySide) + ", got " +
                shown(w) + "x" + shown(h)), 0;
  for (double v : {x0, x1, y0, y1})
    if (!(std::fabs(v) <= kMaxCoord)) return fail("boundary: extent must be finite numbers from -1000 to 1000"), 0;
  if (!(x1 > x0) || !(y1 > y0)) return fail("boundary: expected x0 < x1 and y0 < y1"), 0;
  int W = static_cast<int>(w), H = static_cast<int>(h);
  int64_t cells = static_cast<int64_t>(W) * H, P = static_cast<int64_t>(t_->params().size());
  if (cells * P > kMaxBoundaryWork)
    return fail("boundary: " + std::to_string(W) + "x" + std::to_string(H) + " cells for " + std::to_string(P) +
                " parameters is too much work for one call (cells x parameters at most " + std::to_string(kMaxBoundaryWork) +
                "); use fewer cells"), 0;
  Footprint f;
  f.float_buffer = 12 * cells;
  if (!afford(f, "boundary", std::to_string(W) + "x" + std::to_string(H) + " cells")) return 0;
  return guard(uintptr_t{0}, [&] {
    float* p = fout(static_cast<size_t>(cells) * 3);
    if (!params_finite()) {  // a diverged network: no plausible picture
      std::fill(p, p + cells * 3, std::nanf(""));
      return reinterpret_cast<uintptr_t>(p);
    }
    fast_.load(t_->model(), t_->tape());  // a picture, not digits: float32 SIMD without a graph
    fast_.grid(W, H, x0, x1, y0, y1, p);
    return reinterpret_cast<uintptr_t>(p);
  });
}

uintptr_t Session::parameters() {
  if (!ready()) return 0;
  double* p = out(t_->params().size());
  for (size_t i = 0; i < t_->params().size(); ++i) p[i] = t_->param(static_cast<int>(i));
  return reinterpret_cast<uintptr_t>(p);
}

std::string Session::param_names() {
  if (!ready()) return "";
  return guard(std::string(), [&] {
    std::string s = "[";
    const MLP& m = t_->model();
    for (size_t l = 0; l < m.layers.size(); ++l)
      for (size_t n = 0; n < m.layers[l].neurons.size(); ++n) {
        int inputs = static_cast<int>(m.layers[l].neurons[n].w.size());
        for (int i = 0; i <= inputs; ++i)  // the weights, then the bias
          s += (s.size() > 1 ? ",\"" : "\"") + param_name(static_cast<int>(l), static_cast<int>(n), i < inputs ? i : -1) + "\"";
      }
    return s + "]";
  });
}

uintptr_t Session::optimizer_state() {
  if (!ready()) return 0;
  size_t P = t_->params().size();
  double* p = out(kOptimizerRows * P + 4);
  for (size_t i = 0; i < P; ++i) {
    int k = static_cast<int>(i);
    double row[kOptimizerRows] = {t_->opt_grad(k), t_->opt_m(k), t_->opt_v(k), t_->opt_m_hat(k), t_->opt_v_hat(k), t_->opt_delta(k)};
    for (int r = 0; r < kOptimizerRows; ++r) p[r * P + i] = row[r];
  }
  const AdamW& a = t_->adamw();
  double* c = p + kOptimizerRows * P;
  c[0] = a.beta1;
  c[1] = a.beta2;
  c[2] = AdamW::eps;
  c[3] = t_->sgd().momentum;
  return reinterpret_cast<uintptr_t>(p);
}

}  // namespace mg
