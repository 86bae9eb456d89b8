// Teaching support on a run snippet, as inspect.h gives it for the traced point: its backward pass as
// data, its forward order and a finite-difference check of a node's grad, over expr_graph()'s positions.
#pragma once
#include <vector>

#include "expr_graph.h"
#include "inspect.h"

namespace mg {

// The last backward() call, in the engine's order (reverse depth-first topological order, first operand
// first): operand.grad += local * upstream. upstream is the node's grad in that call (earlier backward()
// calls included, as in Python).
std::vector<BackwardStep> expr_backward_steps(Expression& x, const ExprGraph& g);
// Every node of the graph in the order the forward pass computed it (operands first, the root last).
std::vector<int32_t> expr_forward_order(Expression& x, const ExprGraph& g);
// d root / d node (node: a position in g) by autograd and by a central difference, as grad_check() does.
GradCheck expr_grad_check(Expression& x, const ExprGraph& g, int32_t node);

}  // namespace mg
