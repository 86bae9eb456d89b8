// The text forms of a run snippet, byte-compatible with the reference's where it has one.
#include "expr_graph.h"

#include <cmath>
#include <cstdio>

#include "expr_text.h"
#include "pyfloat.h"

namespace mg {

ExprGraph expr_graph(Expression& x) {
  ExprGraph g;
  Tape& t = x.tape();
  g.pos.assign(t.size(), -1);
  if (x.root() < 0) return g;
  std::vector<std::pair<int32_t, int32_t>> edges;
  t.trace(x.root(), g.nodes, edges);
  for (size_t i = 0; i < g.nodes.size(); ++i) g.pos[g.nodes[i]] = static_cast<int32_t>(i);
  for (auto [c, p] : edges) g.edges.emplace_back(g.pos[c], g.pos[p]);
  return g;
}

std::string expr_node_name(const Expression& x, int32_t node) {
  std::string s;
  if (x.label(node, s)) return s;
  const Node& n = x.tape().nodes[node];
  return n.op == Op::Leaf ? py_number(n.data, x.is_int_data(node)) : op_label(n);
}

std::string expr_values_text(const Expression& x) {
  std::string s;
  for (const ExprVar& v : x.vars()) {
    if (v.node < 0) continue;
    const Node& n = x.tape().nodes[v.node];
    s += v.name + " data=" + py_repr(n.data) + " grad=" + py_repr(n.grad) + "\n";
  }
  return s;
}

std::string json_string(const std::string& u) {
  std::string s = "\"";
  char buf[16];
  for (size_t i = 0; i < u.size();) {
    uint32_t cp;
    i += utf8_decode(u, i, cp);
    if (cp == '"') s += "\\\"";
    else if (cp == '\\') s += "\\\\";
    else if (cp == '\n') s += "\\n";
    else if (cp == '\r') s += "\\r";
    else if (cp == '\t') s += "\\t";
    else if (cp == '\b') s += "\\b";
    else if (cp == '\f') s += "\\f";
    else if (cp >= 0x20 && cp < 0x7F) s += static_cast<char>(cp);
    else if (cp < 0x10000) std::snprintf(buf, sizeof buf, "\\u%04x", cp), s += buf;
    else {  // a surrogate pair
      cp -= 0x10000;
      std::snprintf(buf, sizeof buf, "\\u%04x\\u%04x", 0xD800 + (cp >> 10), 0xDC00 + (cp & 0x3FF));
      s += buf;
    }
  }
  return s + "\"";
}

std::string expr_graph_json(const Expression& x, const ExprGraph& g) {
  std::string s = "{\n\"nodes\": [";
  for (size_t i = 0; i < g.nodes.size(); ++i) {
    const Node& n = x.tape().nodes[g.nodes[i]];
    std::string label;
    s += i ? ",\n{\n" : "\n{\n";
    s += "\"op\": " + json_string(op_label(n)) + ",\n";
    s += "\"data\": " + json_number(n.data, false) + ",\n";
    s += "\"grad\": " + json_number(n.grad, false) + ",\n";
    s += "\"label\": " + (x.label(g.nodes[i], label) ? json_string(label) : std::string("null")) + "\n}";
  }
  s += g.nodes.empty() ? "],\n\"edges\": [" : "\n],\n\"edges\": [";
  for (size_t i = 0; i < g.edges.size(); ++i) {
    s += i ? ",\n[\n" : "\n[\n";
    s += std::to_string(g.edges[i].first) + ",\n" + std::to_string(g.edges[i].second) + "\n]";
  }
  s += g.edges.empty() ? "]\n}" : "\n]\n}";
  return s;
}

namespace {
std::string fmt4(double v) {  // Python's "%.4f"
  if (std::isnan(v)) return "nan";
  char buf[400];
  std::snprintf(buf, sizeof buf, "%.4f", v);
  return buf;
}
std::string dot_escape(const std::string& s) {  // inside a double-quoted DOT string
  std::string o;
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') o += '\\', o += static_cast<char>(c);
    else if (c == '\n') o += "\\n";
    else if (c < 0x20 || c == 0x7F) o += ' ';
    else o += static_cast<char>(c);
  }
  return o;
}
}  // namespace

std::string expr_graph_dot(const Expression& x, const ExprGraph& g) {
  std::vector<char> is_leaf(x.tape().nodes.size(), 0);
  for (const ExprLeaf& l : x.leaves()) is_leaf[l.node] = 1;
  std::string s = "digraph {\n\tgraph [nodesep=0.1 rankdir=LR ranksep=0.4]\n";
  for (size_t i = 0; i < g.nodes.size(); ++i) {
    const Node& n = x.tape().nodes[g.nodes[i]];
    std::string label, id = "n" + std::to_string(i);
    std::string text = x.label(g.nodes[i], label) ? dot_escape(label) + "\\n" : "";
    text += "data: " + fmt4(n.data) + "\\ngrad: " + fmt4(n.grad);
    s += "\t" + id + " [label=\"" + text + "\" fillcolor=" + (is_leaf[g.nodes[i]] ? "lightgreen" : "white") +
         " fontsize=10 height=0.1 shape=box style=filled width=0.1]\n";
    if (n.op != Op::Leaf) {
      s += "\t" + id + "op [label=\"" + op_label(n) + "\" fontsize=10 height=0.1 width=0.1]\n";
      s += "\t" + id + "op -> " + id + " [minlen=1]\n";
    }
  }
  for (auto [c, p] : g.edges) s += "\tn" + std::to_string(c) + " -> n" + std::to_string(p) + "op [minlen=1]\n";
  return s + "}\n";
}

}  // namespace mg
