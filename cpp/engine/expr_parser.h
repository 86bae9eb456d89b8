// The parser's state shared by its two halves: statements (expr_parse.cpp) and expressions
// (expr_parse_expr.cpp). Internal to the expression language; use parse_program() from expr_parse.h.
#pragma once
#include <string>
#include <vector>

#include "engine_limits.h"
#include "expr_lex.h"
#include "expr_parse.h"

namespace mg {
namespace expr_detail {

bool is_keyword(const std::string& s);

class Parser {
 public:
  Parser(const std::vector<Token>& toks, const ExprError& lex_err, Program& prog, ExprError& err)
      : t_(toks), lex_err_(lex_err), prog_(prog), err_(err) {}

  bool program() {
    while (cur().kind != Tok::End) {
      if (cur().kind == Tok::Newline) {
        ++p_;
        continue;
      }
      if (!statement()) return false;
      if (is(";")) {  // another statement on the line, or a trailing ';'
        ++p_;
        continue;
      }
      if (cur().kind != Tok::Newline && cur().kind != Tok::End) return unexpected(cur());
    }
    return true;
  }

 private:
  const std::vector<Token>& t_;
  const ExprError& lex_err_;
  Program& prog_;
  ExprError& err_;
  size_t p_ = 0;
  int depth_ = 0;
  int backwards_ = 0;        // .backward() calls in the current statement
  int32_t backward_of_ = -1;  // ... the node the last one was called on
  ExprPos backward_at_;

  const Token& cur() const { return t_[p_]; }
  const Token& peek(size_t k) const { return t_[p_ + k < t_.size() ? p_ + k : t_.size() - 1]; }
  bool is(const char* op, size_t k = 0) const {
    const Token& t = peek(k);
    return t.kind == Tok::Op && t.text[0] == op[0] && t.text == op;
  }
  bool name_is(const char* n, size_t k = 0) const { return peek(k).kind == Tok::Name && peek(k).text == n; }

  bool fail(ExprPos at, const std::string& msg) {
    err_ = {at, msg};
    return false;
  }
  int32_t failn(ExprPos at, const std::string& msg) { return fail(at, msg), -1; }
  // The error for a token that cannot come here: the lexer's own error, an operator outside the subset, or
  // Python's "invalid syntax".
  bool unexpected(const Token& tok) {
    if (tok.kind == Tok::Error) {
      err_ = lex_err_;
      return false;
    }
    if (tok.kind == Tok::Op) {
      const std::string& o = tok.text;
      if (o == ",") return fail(tok.at, "unsupported: tuples, several values at once (one value per statement; " + std::string(kStmtSupported) + ")");
      if (o == "[" || o == "]") return fail(tok.at, "unsupported: lists and indexing ('" + o + "'); " + kExprSupported);
      if (o == "{" || o == "}") return fail(tok.at, "unsupported: dicts and sets ('" + o + "'); " + kExprSupported);
      if (o == ":") return fail(tok.at, "unsupported: ':' (blocks, slices and annotations); " + std::string(kStmtSupported));
      if (o != "(" && o != ")" && o != "." && o != ";" && o != "=")
        return fail(tok.at, "unsupported: the operator '" + o + "'; " + kExprSupported);
    }
    if (tok.kind == Tok::Name && is_keyword(tok.text))  // `x = 1 if c else 2`, `a and b`, ...
      return fail(tok.at, "unsupported: '" + tok.text + "'; " + kExprSupported);
    if (tok.kind == Tok::String)
      return fail(tok.at, "unsupported: a string here (strings are labels only: Value(2.0, label='x'), x.label = 'x')");
    return fail(tok.at, "SyntaxError: invalid syntax");
  }
  int32_t unexpectedn(const Token& tok) { return unexpected(tok), -1; }

  bool enter(ExprPos at) {
    if (++depth_ <= kMaxExprDepth) return true;
    return fail(at, "unsupported: nesting deeper than " + std::to_string(kMaxExprDepth) +
                        " levels (parentheses, signs, ** and Value(...) inside one another)");
  }

  int32_t push(AstNode n) {
    prog_.ast.push_back(n);
    return static_cast<int32_t>(prog_.ast.size()) - 1;
  }
  int32_t push_op(Ast kind, ExprPos at, int32_t a, int32_t b = -1) {
    AstNode n;
    n.kind = kind;
    n.at = at;
    n.a = a;
    n.b = b;
    return push(n);
  }
  int32_t intern(std::vector<std::string>& v, const std::string& s) {
    for (size_t i = 0; i < v.size(); ++i)
      if (v[i] == s) return static_cast<int32_t>(i);
    v.push_back(s);
    return static_cast<int32_t>(v.size()) - 1;
  }
  int32_t push_name(const Token& tok) {
    AstNode n;
    n.kind = Ast::Name;
    n.at = tok.at;
    n.name = intern(prog_.names, tok.text);
    return push(n);
  }
  // A name that a statement binds: not a keyword, not the built-in Value.
  bool target_ok(const Token& tok) {
    if (is_keyword(tok.text)) return fail(tok.at, "SyntaxError: cannot assign to " + tok.text);
    if (tok.text == "Value") return fail(tok.at, "unsupported: assigning to Value (it is the built-in Value class here)");
    return true;
  }

  bool statement();
  bool skip_import();
  int32_t expr();
  int32_t term();
  int32_t factor();
  int32_t power();
  int32_t primary();
  int32_t atom();
  int32_t value_call();
  bool method(int32_t& x);
};

}  // namespace expr_detail
}  // namespace mg
