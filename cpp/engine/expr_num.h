// Python's number semantics for the expression language: how ints and floats combine, and the errors
// Python raises, both for plain numbers (2 * 3, 1 / 4) and for the data of the Value nodes a snippet builds.
#pragma once
#include <string>

#include "value.h"

namespace mg {

// A Python int or float. Ints are kept exact below 2**53 (kMaxExactInt); beyond that is an error here.
struct PyNum {
  double v = 0;
  bool is_int = false;
};

const char* py_type(PyNum x);  // "int" or "float", as Python names them in messages

// Number (op) number. Each returns false with Python's message in err ("ZeroDivisionError: division by zero").
bool py_add(PyNum a, PyNum b, PyNum& out, std::string& err);
bool py_sub(PyNum a, PyNum b, PyNum& out, std::string& err);
bool py_mul(PyNum a, PyNum b, PyNum& out, std::string& err);
bool py_truediv(PyNum a, PyNum b, PyNum& out, std::string& err);
bool py_power(PyNum a, PyNum b, PyNum& out, std::string& err);
bool py_neg(PyNum a, PyNum& out, std::string& err);

// The data of a new node from its operands' data as micrograd's Value computes it (the op's forward from
// value.h, then Python's int/float rule and errors): out is its data, int when Python's would be an int.
bool node_forward(const Node& n, PyNum a, PyNum b, PyNum& out, std::string& err);
// The local derivative a node's backward multiplies its grad by, and whether Python's would be an int
// (a Pow's derivative k * a**(k-1) can raise, as Python's float ** does).
bool node_local(const Node& out, const Node& a, const Node* b, int which, PyNum& local, std::string& err);
// Python's int arithmetic stays exact; here a result must stay below 2**53, else err.
bool int_in_range(PyNum x, std::string& err);

}  // namespace mg
