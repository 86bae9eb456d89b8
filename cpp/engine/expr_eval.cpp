// Runs a parsed snippet as micrograd.py's Value would: each operator on two numbers is Python number
// arithmetic; with a Value it makes the nodes Value's methods make, in their order (a - b is a + (-b),
// -b is b * -1.0, a / b is a * b**-1, 1 - a is (-a) + 1, 10.0 / a is a**-1 * 10.0, a number operand
// becomes a fresh leaf), and raises where Value raises.
#include "expr_eval.h"

#include "pyfloat.h"

namespace mg {

bool Expression::fail(ExprPos at, const std::string& msg) {
  err_ = {at, msg};
  return false;
}

bool Expression::too_many(ExprPos at) {
  return fail(at, "unsupported: more than " + std::to_string(max_nodes_) + " nodes in one snippet");
}

bool Expression::number(bool ok, ExprPos at, const std::string& msg) { return ok || fail(at, msg); }

bool Expression::leaf(PyNum v, ExprPos at, int32_t& id) {
  if (tape_.size() >= max_nodes_) return too_many(at);
  id = tape_.leaf(v.v, static_cast<uint8_t>(kIntGrad | (v.is_int ? kIntData : 0))).id;  // grad starts as the int 0
  pos_.push_back(at);
  label_.push_back(-1);
  return true;
}

bool Expression::op(Op o, int32_t a, int32_t b, PyNum k, ExprPos at, int32_t& id) {
  if (tape_.size() >= max_nodes_) return too_many(at);
  Node probe;
  probe.op = o;
  probe.k = k.v;
  probe.k_is_int = k.is_int;
  const Node& na = tape_[a];
  PyNum x{na.data, (na.flags & kIntData) != 0}, y, out;
  if (b >= 0) y = {tape_[b].data, (tape_[b].flags & kIntData) != 0};
  std::string msg;
  if (!node_forward(probe, x, y, out, msg)) return fail(at, msg);
  id = tape_.push(o, Value{&tape_, a}, Value{&tape_, b}, k.v, k.is_int).id;
  tape_[id].data = out.v;  // the same number, but an int zero has no sign
  tape_[id].flags = static_cast<uint8_t>(kIntGrad | (out.is_int ? kIntData : 0));
  pos_.push_back(at);
  label_.push_back(-1);
  return true;
}

// Value.__add__ / __radd__: a number operand becomes a fresh leaf, the Value stays the first operand.
bool Expression::add(Res x, Res y, ExprPos at, Res& out) {
  std::string msg;
  if (x.id < 0 && y.id < 0) return number(py_add(x.num, y.num, out.num, msg), at, msg);
  if (x.id < 0) std::swap(x, y);
  if (y.id < 0 && !leaf(y.num, at, y.id)) return false;
  return op(Op::Add, x.id, y.id, {}, at, out.id);
}

bool Expression::mul(Res x, Res y, ExprPos at, Res& out) {
  std::string msg;
  if (x.id < 0 && y.id < 0) return number(py_mul(x.num, y.num, out.num, msg), at, msg);
  if (x.id < 0) std::swap(x, y);
  if (y.id < 0 && !leaf(y.num, at, y.id)) return false;
  return op(Op::Mul, x.id, y.id, {}, at, out.id);
}

bool Expression::neg(Res x, ExprPos at, Res& out) {  // Value.__neg__: self * -1.0
  std::string msg;
  if (x.id < 0) return number(py_neg(x.num, out.num, msg), at, msg);
  return mul(x, Res{-1, {-1.0, false}}, at, out);
}

bool Expression::sub(Res x, Res y, ExprPos at, Res& out) {  // self + (-other); __rsub__: other + (-self)
  std::string msg;
  if (x.id < 0 && y.id < 0) return number(py_sub(x.num, y.num, out.num, msg), at, msg);
  Res minus_y;
  return neg(y, at, minus_y) && add(x, minus_y, at, out);
}

bool Expression::div(Res x, Res y, ExprPos at, Res& out) {  // self * other**-1; __rtruediv__: other * self**-1
  std::string msg;
  if (x.id < 0 && y.id < 0) return number(py_truediv(x.num, y.num, out.num, msg), at, msg);
  Res inv;
  return power(y, Res{-1, {-1, true}}, at, inv) && mul(x, inv, at, out);
}

bool Expression::power(Res x, Res y, ExprPos at, Res& out) {
  std::string msg;
  if (x.id < 0 && y.id < 0) return number(py_power(x.num, y.num, out.num, msg), at, msg);
  if (y.id >= 0 && x.id >= 0)
    return fail(at, "AssertionError: a Value's power must be a number (int or float), not a Value");
  if (y.id >= 0)
    return fail(at, std::string("TypeError: unsupported operand type(s) for ** or pow(): '") + py_type(x.num) + "' and 'Value'");
  return op(Op::Pow, x.id, -1, y.num, at, out.id);
}

bool Expression::eval(const Program& prog, const AstNode& n, std::vector<Res>& res, const std::vector<int32_t>& bound,
                      Res& out) {
  Res x = n.a >= 0 ? res[n.a] : Res{}, y = n.b >= 0 ? res[n.b] : Res{};
  switch (n.kind) {
    case Ast::Number: out.num = n.num; return true;
    case Ast::Name:
      if (bound[n.name] < 0) return fail(n.at, "NameError: name '" + prog.names[n.name] + "' is not defined");
      out = Res{vars_[bound[n.name]].node, vars_[bound[n.name]].num};
      return true;
    case Ast::ValueCall:
      if (x.id >= 0) return fail(n.at, "TypeError: Value() takes a number (int or float) here, not a Value");
      if (!leaf(x.num, n.at, out.id)) return false;
      if (n.label >= 0) {
        label_[out.id] = static_cast<int32_t>(labels_.size());
        labels_.push_back(prog.strings[n.label]);
      }
      leaves_.push_back({out.id, n.begin, n.end, n.at});
      return true;
    case Ast::Neg: return neg(x, n.at, out);
    case Ast::Pos:
      if (x.id >= 0) return fail(n.at, "TypeError: bad operand type for unary +: 'Value'");
      out = x;
      return true;
    case Ast::Add: return add(x, y, n.at, out);
    case Ast::Sub: return sub(x, y, n.at, out);
    case Ast::Mul: return mul(x, y, n.at, out);
    case Ast::Div: return div(x, y, n.at, out);
    case Ast::Pow: return power(x, y, n.at, out);
    case Ast::Relu:
    case Ast::Tanh:
    case Ast::Exp:
    case Ast::Log: {
      Op o = n.kind == Ast::Relu ? Op::Relu : n.kind == Ast::Tanh ? Op::Tanh : n.kind == Ast::Exp ? Op::Exp : Op::Log;
      if (x.id < 0)
        return fail(n.at, std::string("AttributeError: '") + py_type(x.num) + "' object has no attribute '" +
                              (o == Op::Relu ? "relu" : op_symbol(o)) + "'");
      return op(o, x.id, -1, {}, n.at, out.id);
    }
  }
  return false;
}

bool Expression::execute(const Program& prog) {
  std::vector<Res> res(prog.ast.size());
  std::vector<int32_t> bound(prog.names.size(), -1);  // program name -> index into vars_
  int32_t last_value = -1;                            // the last Value assigned, and where
  ExprPos last_at;
  for (const Statement& s : prog.stmts) {
    for (int32_t i = s.first; i <= s.last; ++i)
      if (!eval(prog, prog.ast[i], res, bound, res[i])) return false;
    Res v = res[s.last];
    switch (s.kind) {
      case Stmt::Assign:
        for (int32_t name : s.targets) {
          if (bound[name] < 0) {
            bound[name] = static_cast<int32_t>(vars_.size());
            vars_.push_back({prog.names[name], -1, {}});
          }
          vars_[bound[name]].node = v.id;
          vars_[bound[name]].num = v.num;
        }
        if (v.id >= 0) last_value = v.id, last_at = s.at;
        break;
      case Stmt::SetLabel:
        if (v.id < 0) return fail(s.at, std::string("AttributeError: '") + py_type(v.num) + "' object has no attribute 'label'");
        label_[v.id] = static_cast<int32_t>(labels_.size());
        labels_.push_back(prog.strings[s.label]);
        break;
      case Stmt::Backward:
        if (v.id < 0) return fail(s.at, std::string("AttributeError: '") + py_type(v.num) + "' object has no attribute 'backward'");
        backwards_.push_back({v.id, tape_.size(), s.at});
        if (!backward(backwards_.back())) return false;
        break;
      case Stmt::Expr: break;
    }
  }
  if (backwards_.empty() && last_value >= 0) {  // no backward() call: backward() on the last Value assigned
    backwards_.push_back({last_value, tape_.size(), last_at});
    if (!backward(backwards_.back())) return false;
  }
  return true;
}

bool Expression::run(const std::string& source, int32_t max_nodes) {
  *this = Expression();
  max_nodes_ = max_nodes;
  Program prog;
  if (!parse_program(source, prog, err_) || !execute(prog)) {
    ExprError e = err_;
    *this = Expression();
    err_ = e;
    return false;
  }
  var_of_.assign(tape_.size(), -1);
  for (size_t i = 0; i < vars_.size(); ++i)
    if (vars_[i].node >= 0 && var_of_[vars_[i].node] < 0) var_of_[vars_[i].node] = static_cast<int32_t>(i);
  return true;
}

bool Expression::label(int32_t node, std::string& out) const {
  if (label_[node] >= 0) {
    out = labels_[label_[node]];
    return true;
  }
  if (var_of_[node] >= 0) {
    out = vars_[var_of_[node]].name;
    return true;
  }
  return false;
}

}  // namespace mg
