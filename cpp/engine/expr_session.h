// The expression language's boundary towards JavaScript, like Session for training: every call validates
// its input and reports errors as values (embind in Emscripten 3.1.6 cannot carry exception messages);
// structure comes as JSON, numbers in a flat buffer the JS layer copies out of WASM memory right after.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "expr_graph.h"

namespace mg {

class ExprSession {
 public:
  // Runs source; false with error_line/column/message (then the previous snippet, if any, is kept).
  bool run(const std::string& source);
  int error_line() const { return err_.at.line; }
  int error_column() const { return err_.at.col; }  // in characters
  const std::string& error_message() const { return err_.message; }

  // {"vars": [{name, node}], "nodes": [{op, label, name, leaf}], "edges": [[c, p]],
  //  "leaves": [{name, label, node, line, column, from, to}]}: node is a position in the graph (or -1),
  // leaf an index into leaves (or -1), from/to the leaf's number in the source as JavaScript indexes it.
  std::string structure() const;
  int num_vars() const { return static_cast<int>(vars_.size()); }
  int graph_size() const { return static_cast<int>(graph_.nodes.size()); }
  int num_leaves() const { return static_cast<int>(x_.leaves().size()); }

  uintptr_t values();            // 2V + 2N doubles: data of each variable, their grads, data of each graph node, their grads
  uintptr_t leaf_values();       // L doubles: each leaf's number
  bool set_leaf(double i, double v);  // re-runs forward and backward; false with the error, everything as before
  uintptr_t forward_order();     // N node positions
  uintptr_t backward_steps();    // rows of 5: node, operand, local, upstream, contribution
  uintptr_t grad_check(double node);  // 3: autograd, numeric, relative error
  int count() const { return count_; }

  Expression& expression() { return x_; }  // for native tests

 private:
  Expression x_;
  std::string source_;
  ExprGraph graph_;
  std::vector<int32_t> vars_;  // indices into x_.vars() of the variables holding a Value
  ExprError err_;
  std::vector<double> buf_;
  int count_ = 0;
  bool fail(const std::string& msg);
};

}  // namespace mg
