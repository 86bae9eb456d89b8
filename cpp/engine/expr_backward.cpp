// backward() of a snippet, as micrograd.py's Value runs it: the same depth-first order as Tape::backward and
// each op's own local derivative (value.h), with Python's types on top (grads start as the int 0, the root's
// is the int 1, int * int stays int) and Python's errors (a Pow's derivative can raise). Also the re-run
// after a leaf changed: every op's forward and every backward() call again, in the original order.
#include <cmath>

#include "engine_limits.h"
#include "expr_eval.h"
#include "pyfloat.h"

namespace mg {

bool Expression::backward(const ExprBackward& call) {
  const std::vector<int32_t>& order = tape_.topo(call.root);
  work_ += static_cast<int64_t>(order.size());
  if (work_ > kMaxExprWork)
    return fail(call.at, "unsupported: too much backward() work (the backward() calls visit more than " +
                             std::to_string(kMaxExprWork) + " nodes in all)");
  tape_[call.root].grad = 1;
  tape_[call.root].flags |= kIntGrad;
  std::string msg;
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    const Node& o = tape_[*it];
    if (o.op == Op::Leaf) continue;
    PyNum g{o.grad, (o.flags & kIntGrad) != 0};
    for (int which = 0; which < (o.b >= 0 ? 2 : 1); ++which) {  // operand.grad += local * out.grad
      Node& x = tape_[which == 0 ? o.a : o.b];
      PyNum local, contribution, sum;
      if (!node_local(o, tape_[o.a], o.b >= 0 ? &tape_[o.b] : nullptr, which, local, msg) ||
          !py_mul(local, g, contribution, msg) || !py_add(PyNum{x.grad, (x.flags & kIntGrad) != 0}, contribution, sum, msg))
        return fail(call.at, msg);
      x.grad = sum.v;
      x.flags = static_cast<uint8_t>(sum.is_int ? x.flags | kIntGrad : x.flags & ~kIntGrad);
    }
  }
  return true;
}

bool Expression::replay() {
  for (Node& n : tape_.nodes) {
    n.grad = 0;
    n.flags |= kIntGrad;
  }
  work_ = 0;
  size_t next = 0;
  std::string msg;
  for (int32_t id = 0; id <= tape_.size(); ++id) {
    while (next < backwards_.size() && backwards_[next].made == id)
      if (!backward(backwards_[next++])) return false;
    if (id == tape_.size()) break;
    Node& n = tape_[id];
    if (n.op == Op::Leaf) continue;
    const Node& a = tape_[n.a];
    PyNum x{a.data, (a.flags & kIntData) != 0}, y, out;
    if (n.b >= 0) y = {tape_[n.b].data, (tape_[n.b].flags & kIntData) != 0};
    if (!node_forward(n, x, y, out, msg)) return fail(pos_[id], msg);
    n.data = out.v;
    n.flags = static_cast<uint8_t>(out.is_int ? n.flags | kIntData : n.flags & ~kIntData);
  }
  return true;
}

bool Expression::set_leaf(int i, double v) {
  if (i < 0 || i >= static_cast<int>(leaves_.size()))
    return fail({1, 1}, "leaf: expected an index from 0 to " + std::to_string(static_cast<int>(leaves_.size()) - 1) +
                            ", got " + std::to_string(i));
  if (!std::isfinite(v)) return fail(leaves_[i].at, "value: expected a finite number, got " + py_repr(v));
  Node& l = tape_[leaves_[i].node];
  double old = l.data;
  uint8_t old_flags = l.flags;
  l.data = v;
  l.flags &= static_cast<uint8_t>(~kIntData);  // Value(v) of a float
  if (replay()) return true;
  ExprError e = err_;
  Node& back = tape_[leaves_[i].node];
  back.data = old;
  back.flags = old_flags;
  replay();  // ran before with these numbers, so it succeeds and restores every data and grad
  err_ = e;
  return false;
}

}  // namespace mg
