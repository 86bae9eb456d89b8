// The expression language's parser: Python's grammar for the subset micrograd snippets use, into a flat
// program that the evaluator (expr_eval.h) runs without recursion. Anything outside the subset is refused
// with a message that says what is supported.
#pragma once
#include <string>
#include <vector>

#include "expr_error.h"
#include "expr_num.h"

namespace mg {

// One expression node. A statement's nodes are contiguous and in evaluation order (operands first, left
// before right, as Python evaluates them), so evaluating them in index order is evaluating the statement.
enum class Ast : uint8_t { Number, Name, ValueCall, Neg, Pos, Add, Sub, Mul, Div, Pow, Relu, Tanh, Exp, Log };
struct AstNode {
  Ast kind = Ast::Number;
  int32_t a = -1, b = -1;  // operands (indices into Program::ast)
  ExprPos at;              // the operator, name, method or `Value` token
  PyNum num;               // Number
  int32_t name = -1;       // Name: index into Program::names
  int32_t label = -1;      // ValueCall: label= (index into Program::strings), or -1
  int32_t begin = 0, end = 0;  // ValueCall: byte span of the data argument in the source
};

enum class Stmt : uint8_t { Assign, Expr, SetLabel, Backward };
struct Statement {
  Stmt kind = Stmt::Expr;
  int32_t first = 0, last = 0;   // its nodes: ast[first..last]; ast[last] is the value
  std::vector<int32_t> targets;  // Assign: names bound, left to right; SetLabel: the one name
  int32_t label = -1;            // SetLabel: index into Program::strings
  ExprPos at;                    // where it starts (Backward: the `backward` token)
};

struct Program {
  std::vector<AstNode> ast;
  std::vector<Statement> stmts;
  std::vector<std::string> names, strings;
};

// Parses a whole snippet (at most kMaxExprSource bytes); false with err on the first error, in source order.
bool parse_program(const std::string& src, Program& prog, ExprError& err);

// What the language has, for messages.
extern const char* const kExprSupported;
extern const char* const kStmtSupported;

}  // namespace mg
