// The expression half of the parser: Python's precedence (** above unary minus above * / above + -, **
// right-associative, a ** -b as a ** (-b)), methods, Value(...) calls; nesting bounded, so no input can
// exhaust the stack.
#include "expr_parser.h"

namespace mg {
namespace expr_detail {

int32_t Parser::expr() {
  int32_t x = term();
  while (x >= 0 && (is("+") || is("-"))) {
    Ast k = is("+") ? Ast::Add : Ast::Sub;
    ExprPos at = cur().at;
    ++p_;
    int32_t y = term();
    if (y < 0) return -1;
    x = push_op(k, at, x, y);
  }
  return x;
}

int32_t Parser::term() {
  int32_t x = factor();
  while (x >= 0 && (is("*") || is("/"))) {
    Ast k = is("*") ? Ast::Mul : Ast::Div;
    ExprPos at = cur().at;
    ++p_;
    int32_t y = factor();
    if (y < 0) return -1;
    x = push_op(k, at, x, y);
  }
  return x;
}

int32_t Parser::factor() {
  if (!is("-") && !is("+")) return power();
  Ast k = is("-") ? Ast::Neg : Ast::Pos;
  ExprPos at = cur().at;
  if (!enter(at)) return -1;
  ++p_;
  int32_t x = factor();
  --depth_;
  return x < 0 ? -1 : push_op(k, at, x);
}

int32_t Parser::power() {
  int32_t x = primary();
  if (x < 0 || !is("**")) return x;
  ExprPos at = cur().at;
  if (!enter(at)) return -1;
  ++p_;
  int32_t y = factor();  // right-associative, and a ** -b is a ** (-b)
  --depth_;
  return y < 0 ? -1 : push_op(Ast::Pow, at, x, y);
}

int32_t Parser::primary() {
  int32_t x = atom();
  while (x >= 0) {
    if (is(".")) {
      if (!method(x)) return -1;
    } else if (is("(")) {
      return failn(cur().at, std::string("unsupported: calling the result of an expression (only Value(...) and the methods ") +
                                 ".relu() .tanh() .exp() .log() .backward() are called)");
    } else if (is("[")) {
      return unexpectedn(cur());
    } else {
      break;
    }
  }
  return x;
}

bool Parser::method(int32_t& x) {
  ++p_;  // '.'
  const Token& m = cur();
  if (m.kind != Tok::Name) return unexpected(m);
  const std::string& n = m.text;
  Ast k = n == "relu" ? Ast::Relu : n == "tanh" ? Ast::Tanh : n == "exp" ? Ast::Exp : n == "log" ? Ast::Log : Ast::Number;
  bool backward = n == "backward";
  if (k == Ast::Number && !backward) {
    if (n == "data" || n == "grad" || n == "label")
      return fail(m.at, "unsupported: reading ." + n + " (every variable's data and grad are shown after backward(); " +
                            kExprSupported + ")");
    return fail(m.at, "unsupported: ." + n + " (a Value here has .relu() .tanh() .exp() .log() and .backward())");
  }
  ++p_;
  if (!is("(")) return fail(m.at, "unsupported: ." + n + " without a call: write ." + n + "()");
  ++p_;
  if (!is(")")) return fail(cur().at, "unsupported: " + n + "() takes no arguments here");
  ++p_;
  if (backward) {
    ++backwards_;
    backward_of_ = x;
    backward_at_ = m.at;
    return true;
  }
  x = push_op(k, m.at, x);
  return true;
}

int32_t Parser::atom() {
  const Token& tok = cur();
  if (tok.kind == Tok::Number) {
    AstNode n;
    n.kind = Ast::Number;
    n.at = tok.at;
    n.num = tok.num;
    ++p_;
    return push(n);
  }
  if (tok.kind == Tok::Name) {
    const std::string& n = tok.text;
    if (n == "True" || n == "False" || n == "None")
      return failn(tok.at, "unsupported: " + n + " (numbers here are int and float literals)");
    if (is_keyword(n)) return failn(tok.at, "unsupported: '" + n + "'; " + kExprSupported);
    if (n == "Value") {
      if (!is("(", 1)) return failn(tok.at, "unsupported: Value without a call: write Value(2.0)");
      return value_call();
    }
    if (is("(", 1)) {
      std::string hint = n == "print" ? " (every variable's data and grad are listed after backward())"
                         : n == "draw_dot" ? " (the graph is drawn for you)" : "";
      return failn(tok.at, "unsupported: calling " + n + "(): only Value(...) can be called" + hint);
    }
    ++p_;
    return push_name(tok);
  }
  if (is("(")) {
    if (!enter(tok.at)) return -1;
    ++p_;
    if (is(")")) return failn(tok.at, "unsupported: an empty tuple '()'; " + std::string(kExprSupported));
    int32_t x = expr();
    if (x < 0) return -1;
    if (!is(")")) return unexpectedn(cur());
    ++p_;
    --depth_;
    return x;
  }
  return unexpectedn(tok);
}

// Value(number) or Value(number, label='...'); the number may be any expression of plain numbers.
int32_t Parser::value_call() {
  AstNode v;
  v.kind = Ast::ValueCall;
  v.at = cur().at;
  if (!enter(v.at)) return -1;
  p_ += 2;  // Value (
  bool keywords = false;
  while (!is(")")) {
    if (cur().kind == Tok::Name && is("=", 1)) {
      const Token& kw = cur();
      keywords = true;
      p_ += 2;
      if (kw.text == "label") {
        if (v.label >= 0) return failn(kw.at, "SyntaxError: keyword argument repeated: label");
        if (cur().kind != Tok::String)
          return cur().kind == Tok::Error ? unexpectedn(cur()) : failn(cur().at, "unsupported: label= takes a string literal: label='x'");
        v.label = intern(prog_.strings, cur().text);
        ++p_;
      } else if (kw.text == "data") {
        if (v.a >= 0) return failn(kw.at, "SyntaxError: keyword argument repeated: data");
        v.begin = cur().begin;
        if ((v.a = expr()) < 0) return -1;
        v.end = t_[p_ - 1].end;
      } else {
        return failn(kw.at, "unsupported: Value(..., " + kw.text + "=...): Value takes a number and an optional label='...'");
      }
    } else {
      if (keywords) return failn(cur().at, "SyntaxError: positional argument follows keyword argument");
      if (v.a >= 0) return failn(cur().at, "unsupported: a second argument to Value: Value takes a number and an optional label='...'");
      v.begin = cur().begin;
      if ((v.a = expr()) < 0) return -1;
      v.end = t_[p_ - 1].end;
    }
    if (is(",")) {
      ++p_;
    } else if (!is(")")) {
      return unexpectedn(cur());
    }
  }
  if (v.a < 0) return failn(v.at, "TypeError: Value() is missing its number: Value(2.0)");
  ++p_;
  --depth_;
  return push(v);
}

}  // namespace expr_detail
}  // namespace mg
