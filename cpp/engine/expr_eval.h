// A snippet of the expression language, run: the Value nodes it built on a Tape (exactly the nodes
// micrograd.py's Value builds, in the same order, with Python's int/float types), its variables, its
// Value(...) leaves and its backward() calls. Leaves can be changed and everything re-run without parsing.
#pragma once
#include <string>
#include <vector>

#include "engine_limits.h"
#include "expr_error.h"
#include "expr_num.h"
#include "expr_parse.h"
#include "value.h"

namespace mg {

struct ExprVar {
  std::string name;
  int32_t node = -1;  // the node it holds at the end, or -1 when it holds a plain number
  PyNum num;
};
struct ExprLeaf {
  int32_t node = -1;
  int32_t begin = 0, end = 0;  // byte span of its number in the source (the argument of Value(...))
  ExprPos at;                  // the `Value` token
};
struct ExprBackward {
  int32_t root = -1;
  int32_t made = 0;  // nodes that existed when it ran (it runs again at that point on a re-run)
  ExprPos at;
};

class Expression {
 public:
  // Parses and runs source; false with error() on the first error (the object is then empty).
  // max_nodes is for tests: no source of kMaxExprSource bytes reaches kMaxExprNodes.
  bool run(const std::string& source, int32_t max_nodes = kMaxExprNodes);
  // Sets leaf i's number to v (a float, as Value(v) would be) and re-runs every op and backward() call.
  // False with error() when that raises (log of a negative number, ...): then everything is as before.
  bool set_leaf(int i, double v);
  const ExprError& error() const { return err_; }

  Tape& tape() { return tape_; }
  const Tape& tape() const { return tape_; }
  // The node of the last backward() call, else of the last Value assigned (backward() ran on it); -1 if none.
  int32_t root() const { return backwards_.empty() ? -1 : backwards_.back().root; }
  const std::vector<ExprVar>& vars() const { return vars_; }  // in order of first assignment
  const std::vector<ExprLeaf>& leaves() const { return leaves_; }
  const std::vector<ExprBackward>& backwards() const { return backwards_; }
  ExprPos pos(int32_t node) const { return pos_[node]; }
  // The given label (label= or .label), else the first variable (in assignment order) holding the node.
  bool label(int32_t node, std::string& out) const;
  bool is_int_data(int32_t node) const { return tape_.nodes[node].flags & kIntData; }

 private:
  struct Res {
    int32_t id = -1;  // a node, or -1 for the plain number num
    PyNum num;
  };
  Tape tape_;
  std::vector<ExprPos> pos_;       // per node: the token that made it
  std::vector<int32_t> label_;     // per node: index into labels_, or -1
  std::vector<std::string> labels_;
  std::vector<int32_t> var_of_;    // per node: the first variable holding it at the end, or -1
  std::vector<ExprVar> vars_;
  std::vector<ExprLeaf> leaves_;
  std::vector<ExprBackward> backwards_;
  ExprError err_;
  int64_t work_ = 0;
  int32_t max_nodes_ = kMaxExprNodes;

  // expr_eval.cpp: running the program, node by node
  bool fail(ExprPos at, const std::string& msg);
  bool leaf(PyNum v, ExprPos at, int32_t& id);
  bool op(Op o, int32_t a, int32_t b, PyNum k, ExprPos at, int32_t& id);
  bool too_many(ExprPos at);
  bool number(bool ok, ExprPos at, const std::string& msg);
  bool add(Res x, Res y, ExprPos at, Res& out);
  bool mul(Res x, Res y, ExprPos at, Res& out);
  bool neg(Res x, ExprPos at, Res& out);
  bool sub(Res x, Res y, ExprPos at, Res& out);
  bool div(Res x, Res y, ExprPos at, Res& out);
  bool power(Res x, Res y, ExprPos at, Res& out);
  bool eval(const Program& prog, const AstNode& n, std::vector<Res>& res, const std::vector<int32_t>& bound, Res& out);
  bool execute(const Program& prog);
  // expr_backward.cpp: backward() with Python's int/float grads, and re-running after a leaf changed
  bool backward(const ExprBackward& b);
  bool replay();
};

}  // namespace mg
