// Python's int/float rules and errors on top of the engine's op math (value.h): a result is computed the
// way the engine computes it, then typed and checked the way CPython types and checks it.
#include "expr_num.h"

#include <cmath>

#include "engine_limits.h"
#include "pyfloat.h"

namespace mg {

const char* py_type(PyNum x) { return x.is_int ? "int" : "float"; }

bool int_in_range(PyNum x, std::string& err) {
  if (!x.is_int || std::fabs(x.v) < kMaxExactInt) return true;
  err = "OverflowError: an int reached 2**53 (9007199254740992): ints are exact here only below that "
        "(Python's have no limit); write a float instead, e.g. 2.0 rather than 2";
  return false;
}

namespace {
// An int result: no negative zero (Python's ints have none), and within range.
bool finish(double v, bool is_int, PyNum& out, std::string& err) {
  out = {is_int && v == 0 ? 0.0 : v, is_int};
  return int_in_range(out, err);
}

// float ** float as CPython's float_pow checks it, given r = pow(a, b) from the C library: a zero base
// with a negative power, a negative base with a fractional power (Python: a complex number), overflow.
bool float_pow_checked(double a, double b, double r, PyNum& out, std::string& err) {
  out = {r, false};
  if (!std::isfinite(a) || !std::isfinite(b) || b == 0) return true;  // CPython's special cases, as pow()
  if (a == 0 && b < 0) {
    err = "ZeroDivisionError: 0.0 cannot be raised to a negative power";
    return false;
  }
  if (a < 0 && b != std::floor(b)) {
    err = "ValueError: a negative number to a fractional power: " + py_repr(a) + " ** " + py_repr(b) +
          " (Python would make a complex number, which a Value cannot hold)";
    return false;
  }
  if (std::isinf(r)) {
    err = "OverflowError: numerical result out of range: " + py_repr(a) + " ** " + py_repr(b);
    return false;
  }
  return true;
}

// a ** b with Python's types: int ** non-negative int is an int, anything else float ** float.
bool power(PyNum a, PyNum b, double r, PyNum& out, std::string& err) {
  if (a.is_int && b.is_int && b.v >= 0) return finish(r, true, out, err);
  return float_pow_checked(a.v, b.v, r, out, err);
}
}  // namespace

bool py_add(PyNum a, PyNum b, PyNum& out, std::string& err) { return finish(a.v + b.v, a.is_int && b.is_int, out, err); }
bool py_sub(PyNum a, PyNum b, PyNum& out, std::string& err) { return finish(a.v - b.v, a.is_int && b.is_int, out, err); }
bool py_mul(PyNum a, PyNum b, PyNum& out, std::string& err) { return finish(a.v * b.v, a.is_int && b.is_int, out, err); }
bool py_neg(PyNum a, PyNum& out, std::string& err) { return finish(-a.v, a.is_int, out, err); }

bool py_truediv(PyNum a, PyNum b, PyNum& out, std::string& err) {
  if (b.v == 0) {
    err = a.is_int && b.is_int ? "ZeroDivisionError: division by zero" : "ZeroDivisionError: float division by zero";
    return false;
  }
  out = {a.v / b.v, false};  // ints below 2**53 convert exactly, so this is CPython's correctly rounded int / int
  return true;
}

bool py_power(PyNum a, PyNum b, PyNum& out, std::string& err) { return power(a, b, py_pow(a.v, b.v), out, err); }

bool node_forward(const Node& n, PyNum a, PyNum b, PyNum& out, std::string& err) {
  Node na, nb;
  na.data = a.v;
  nb.data = b.v;
  double r = forward_of(n, &na, &nb);
  switch (n.op) {
    case Op::Add:
    case Op::Mul: return finish(r, a.is_int && b.is_int, out, err);
    case Op::Pow: return power(a, PyNum{n.k, n.k_is_int}, r, out, err);
    case Op::Relu: out = {r, a.v < 0 || a.is_int}; return true;  // micrograd's relu gives the int 0
    case Op::Tanh: out = {r, false}; return true;
    case Op::Exp:
      out = {r, false};
      if (std::isinf(r) && std::isfinite(a.v)) {
        err = "OverflowError: math range error: exp(" + py_repr(a.v) + ") is too large for a float";
        return false;
      }
      return true;
    case Op::Log:
      out = {r, false};
      if (a.v <= 0) {
        err = "ValueError: math domain error: log(" + py_number(a.v, a.is_int) + ") (log needs a positive number)";
        return false;
      }
      return true;
    case Op::Leaf: break;
  }
  out = a;
  return true;
}

bool node_local(const Node& o, const Node& a, const Node* b, int which, PyNum& local, std::string& err) {
  local.v = local_derivative(o, a, b, which);
  switch (o.op) {
    case Op::Add:
    case Op::Relu: local.is_int = true; return true;  // 1, and micrograd's bool (out.data > 0)
    case Op::Mul: local.is_int = ((which == 0 ? b->flags : a.flags) & kIntData) != 0; return true;
    case Op::Pow: {  // k * a**(k - 1), checked as Python evaluates it
      PyNum k{o.k, o.k_is_int}, base{a.data, (a.flags & kIntData) != 0}, k1, p, kp;
      if (!py_sub(k, PyNum{1, true}, k1, err) || !py_power(base, k1, p, err)) {
        err += " (in backward(): the derivative of " + op_label(o) + " at " + py_number(a.data, base.is_int) + ")";
        return false;
      }
      if (!py_mul(k, p, kp, err)) return false;
      local.is_int = kp.is_int;
      return true;
    }
    default: local.is_int = false; return true;
  }
}

}  // namespace mg
