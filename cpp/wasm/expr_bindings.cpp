// Embind declarations of the expression language's JS-facing ExprSession, a WASM module of its own
// (web/wasm/micrograd_expr.*). Declarations only: the logic is in cpp/engine, tested natively; the friendly
// API (ExpressionErrors, typed arrays, leaves) is web/src/expression.js.
#include <emscripten/bind.h>

#include <string>

#include "../engine/engine_limits.h"
#include "../engine/expr_session.h"

using mg::ExprSession;

// The limits a snippet page reads (it loads no other module): the snippet's, and the link's length.
static std::string expr_limits() {
  auto n = [](long long v) { return std::to_string(v); };
  return "{\"source\":" + n(mg::kMaxExprSource) + ",\"nodes\":" + n(mg::kMaxExprNodes) + ",\"depth\":" +
         n(mg::kMaxExprDepth) + ",\"linkChars\":" + n(mg::kPageMaxLinkChars) + "}";
}

EMSCRIPTEN_BINDINGS(micrograd_expr) {
  emscripten::function("limits", &expr_limits);
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
