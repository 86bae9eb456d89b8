// What a run snippet shows: its backward root's graph in the reference's trace order, and its text forms
// (the CLI's value lines, graph.json as the reference writes it, Graphviz DOT in the reference's style).
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "expr_eval.h"

namespace mg {

struct ExprGraph {
  std::vector<int32_t> nodes;                      // tape ids, depth-first pre-order from the root
  std::vector<std::pair<int32_t, int32_t>> edges;  // (child, parent) as positions in nodes
  std::vector<int32_t> pos;                        // tape id -> position in nodes, -1 when not in the graph
};
ExprGraph expr_graph(Expression& x);  // empty when the snippet made no Value

// A node's name for people: its label, else a leaf's number ("2", "-1.0"), else its op ("*", "**-1").
std::string expr_node_name(const Expression& x, int32_t node);

// "NAME data=D grad=G" per variable holding a Value, in order of first assignment (Python's repr of float).
std::string expr_values_text(const Expression& x);
// json.dump(indent=0) of {nodes: [{op, data, grad, label}], edges: [[child, parent]]} (data and grad as floats).
std::string expr_graph_json(const Expression& x, const ExprGraph& g);
// draw_dot's picture with each labelled node's label above its data and grad.
std::string expr_graph_dot(const Expression& x, const ExprGraph& g);

// A JSON string as Python's json.dumps writes it (ASCII only: other characters as \uXXXX).
std::string json_string(const std::string& utf8);

}  // namespace mg
