// Embind declarations of the expression language's JS-facing ExprSession, a WASM module of its own
// (web/wasm/micrograd_expr.*). Declarations only: the logic is in cpp/engine, tested natively; the friendly
// API (ExpressionErrors, typed arrays, leaves) is web/src/expression.js.
#include <emscripten/bind.h>

#include "../engine/expr_session.h"

using mg::ExprSession;

EMSCRIPTEN_BINDINGS(micrograd_expr) {
  emscripten::class_<ExprSession>("ExprSession")
      .constructor<>()
      .function("run", &ExprSession::run)
      .function("errorLine", &ExprSession::error_line)
      .function("errorColumn", &ExprSession::error_column)
      .function("errorMessage", &ExprSession::error_message)
      .function("structure", &ExprSession::structure)
      .function("numVars", &ExprSession::num_vars)
      .function("graphSize", &ExprSession::graph_size)
      .function("numLeaves", &ExprSession::num_leaves)
      .function("values", &ExprSession::values)
      .function("leafValues", &ExprSession::leaf_values)
      .function("setLeaf", &ExprSession::set_leaf)
      .function("forwardOrder", &ExprSession::forward_order)
      .function("backwardSteps", &ExprSession::backward_steps)
      .function("gradCheck", &ExprSession::grad_check)
      .function("count", &ExprSession::count);
}
