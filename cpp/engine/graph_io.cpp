// Writers for graph.json, DOT, parameter and dataset JSON, matching Python's json module byte for byte.
#include "graph_io.h"

#include <cstdio>

#include "pyfloat.h"

namespace mg {

std::string graph_json(const Graph& g) {
  std::string s = "{\n\"nodes\": [\n";
  for (size_t i = 0; i < g.nodes.size(); ++i) {
    const GraphNode& n = g.nodes[i];
    s += "{\n\"op\": \"" + n.op + "\",\n";
    s += "\"data\": " + json_number(n.data, n.int_data) + ",\n";
    s += "\"grad\": " + json_number(n.grad, n.int_grad) + ",\n";
    s += "\"param\": " + (n.param >= 0 ? std::to_string(n.param) : std::string("null")) + ",\n";
    s += std::string("\"input\": ") + (n.input ? "true" : "false") + "\n}";
    s += i + 1 < g.nodes.size() ? ",\n" : "\n";
  }
  s += "],\n\"edges\": [\n";
  for (size_t i = 0; i < g.edges.size(); ++i) {
    s += "[\n" + std::to_string(g.edges[i].first) + ",\n" + std::to_string(g.edges[i].second) + "\n]";
    s += i + 1 < g.edges.size() ? ",\n" : "\n";
  }
  s += "]\n}";
  return s;
}

std::string graph_dot(const Graph& g) {
  std::string s = "digraph {\n\tgraph [nodesep=0.1 rankdir=LR ranksep=0.4]\n";
  char buf[256];
  for (size_t i = 0; i < g.nodes.size(); ++i) {
    const GraphNode& n = g.nodes[i];
    const char* fill = n.input ? "lightblue" : n.param >= 0 ? "lightgreen" : "white";
    std::snprintf(buf, sizeof buf,
                  "\tn%zu [label=\"data: %.4f\\ngrad: %.4f\" fillcolor=%s fontsize=10 height=0.1 shape=box "
                  "style=filled width=0.1]\n",
                  i, n.data, n.grad, fill);
    s += buf;
    if (!n.op.empty()) {
      s += "\tn" + std::to_string(i) + "op [label=\"" + n.op + "\" fontsize=10 height=0.1 width=0.1]\n";
      s += "\tn" + std::to_string(i) + "op -> n" + std::to_string(i) + " [minlen=1]\n";
    }
  }
  for (auto [c, p] : g.edges) s += "\tn" + std::to_string(c) + " -> n" + std::to_string(p) + "op [minlen=1]\n";
  s += "}\n";
  return s;  // (not s + "}\n": a copy of the whole text)
}

std::string params_json(const Trainer& t) {
  std::string s = "[";
  for (size_t i = 0; i < t.params().size(); ++i) {
    if (i) s += ", ";
    s += json_number(t.param(static_cast<int>(i)), t.param_is_int(static_cast<int>(i)));
  }
  return s + "]";
}

static void split_json(std::string& s, const char* name, const std::vector<Point>& pts, bool last) {
  s += std::string(" \"") + name + "\": [";
  for (size_t i = 0; i < pts.size(); ++i) {
    s += i ? ",\n  {\n" : "\n  {\n";
    s += "   \"x\": " + json_number(pts[i].x, false) + ",\n";
    s += "   \"y\": " + json_number(pts[i].y, false) + ",\n";
    s += "   \"label\": " + std::to_string(pts[i].label) + "\n  }";
  }
  s += pts.empty() ? "]" : "\n ]";
  s += last ? "\n" : ",\n";
}

std::string dataset_json(uint64_t seed, int n, const Splits& sp) {
  std::string s = "{\n \"seed\": " + std::to_string(seed) + ",\n \"n\": " + std::to_string(n) + ",\n";
  split_json(s, "train", sp.train, false);
  split_json(s, "val", sp.val, false);
  split_json(s, "test", sp.test, true);
  return s + "}";
}

}  // namespace mg
