// The statement half of the parser: a program is statements separated by newlines or ';' (assignment,
// augmented assignment, .label =, expr.backward(), a bare expression, an import that does nothing), and
// the entry point parse_program().
#include "expr_parse.h"

#include "engine_limits.h"
#include "expr_parser.h"
#include "expr_text.h"

namespace mg {

const char* const kExprSupported =
    "expressions are made of numbers, names, Value(number, label='...'), + - * / **, unary -, parentheses "
    "and .relu() .tanh() .exp() .log()";
const char* const kStmtSupported =
    "statements are NAME = expr, NAME += expr (also -= *= /=), NAME.label = '...' and expr.backward()";

namespace expr_detail {

namespace {
const char* const kKeywords[] = {"False", "None", "True", "and", "as", "assert", "async", "await", "break",
                                 "class", "continue", "def", "del", "elif", "else", "except", "finally", "for",
                                 "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or",
                                 "pass", "raise", "return", "try", "while", "with", "yield"};
}  // namespace

bool is_keyword(const std::string& s) {
  if (s.size() < 2 || s.size() > 8) return false;
  for (const char* k : kKeywords)
    if (s == k) return true;
  return false;
}

bool Parser::statement() {
  const Token& a = cur();
  Statement s;
  s.at = a.at;
  backwards_ = 0;
  bool parsed = false;  // op= and .label = statements parse their own nodes
  if (a.kind == Tok::Name && is_keyword(a.text) && a.text != "True" && a.text != "False" && a.text != "None" &&
      a.text != "not" && a.text != "lambda" && a.text != "await") {
    if (a.text == "import" || a.text == "from") return skip_import();
    if (a.text == "pass") return ++p_, true;
    return fail(a.at, "unsupported: '" + a.text + "' statements; " + kStmtSupported);
  }
  if (a.kind == Tok::Name && peek(1).kind == Tok::Op) {
    const std::string& o = peek(1).text;
    if (o == "+=" || o == "-=" || o == "*=" || o == "/=") {  // x op= e is x = x op (e): x is read first
      if (!target_ok(a)) return false;
      s.kind = Stmt::Assign;
      s.first = push_name(a);
      s.targets.push_back(prog_.ast.back().name);
      ExprPos op_at = peek(1).at;
      Ast k = o == "+=" ? Ast::Add : o == "-=" ? Ast::Sub : o == "*=" ? Ast::Mul : Ast::Div;
      p_ += 2;
      int32_t e = expr();
      if (e < 0) return false;
      s.last = push_op(k, op_at, s.first, e);
      parsed = true;
    } else if (o == "." && peek(2).kind == Tok::Name && is("=", 3)) {
      const std::string& attr = peek(2).text;
      if (attr != "label")
        return fail(peek(2).at, "unsupported: setting ." + attr + " (the only attribute a snippet sets is .label; " +
                                    kStmtSupported + ")");
      if (peek(4).kind != Tok::String)
        return peek(4).kind == Tok::Error ? unexpected(peek(4))
                                          : fail(peek(4).at, "unsupported: a label is a string literal: " + a.text + ".label = '...'");
      s.kind = Stmt::SetLabel;
      s.first = s.last = push_name(a);
      s.targets.push_back(prog_.ast.back().name);
      s.label = intern(prog_.strings, peek(4).text);
      p_ += 5;
      parsed = true;
    } else if (o == "=") {
      s.kind = Stmt::Assign;
      while (cur().kind == Tok::Name && is("=", 1)) {
        if (!target_ok(cur())) return false;
        s.targets.push_back(intern(prog_.names, cur().text));
        p_ += 2;
      }
    }
  }
  if (!parsed) {
    s.first = static_cast<int32_t>(prog_.ast.size());
    s.last = expr();
    if (s.last < 0) return false;
    if (is("="))
      return fail(cur().at, "SyntaxError: cannot assign to expression here. Maybe you meant '==' instead of '='?");
    if (is("+=") || is("-=") || is("*=") || is("/="))
      return fail(cur().at, "SyntaxError: illegal expression for augmented assignment (the target is a name: x += 1)");
  }
  if (backwards_ > 0) {
    if (s.kind != Stmt::Expr || backwards_ > 1 || backward_of_ != s.last)
      return fail(backward_at_, "unsupported: backward() inside an expression (it returns None); call it as a "
                                "statement of its own: x.backward()");
    s.kind = Stmt::Backward;
    s.at = backward_at_;
  }
  prog_.stmts.push_back(s);
  return true;
}

// `import ...` and `from ... import ...` are accepted and do nothing: Value is built in.
bool Parser::skip_import() {
  ++p_;
  while (cur().kind == Tok::Name || is(".") || is(",") || is("*") || is("(") || is(")")) ++p_;
  return true;
}

}  // namespace expr_detail

bool parse_program(const std::string& src, Program& prog, ExprError& err) {
  prog = Program();
  if (src.size() > static_cast<size_t>(kMaxExprSource)) {
    err = {{1, 1}, "unsupported: a source of " + std::to_string(src.size()) + " bytes (at most " +
                       std::to_string(kMaxExprSource) + ")"};
    return false;
  }
  if (!check_source_text(src, err)) return false;
  std::vector<Token> toks;
  ExprError lex_err;
  tokenize(src, toks, lex_err);
  if (expr_detail::Parser(toks, lex_err, prog, err).program()) return true;
  // Like CPython: an unclosed bracket swallows the lines after it, so name the bracket, not what followed.
  const std::string never = "was never closed";
  const std::string& m = lex_err.message;
  if (err.message == "SyntaxError: invalid syntax" && m.size() > never.size() &&
      m.compare(m.size() - never.size(), never.size(), never) == 0)
    err = lex_err;
  return false;
}

}  // namespace mg
