// Tokenizer of the expression language: one pass over the bytes, Python's tokenizer rules for the subset.
#include "expr_lex.h"

#include "engine_limits.h"
#include "expr_text.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace mg {

namespace {
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hspace(char c) { return c == ' ' || c == '\t' || c == '\f'; }
bool is_hex(char c) { return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'); }
bool is_oct(char c) { return c >= '0' && c <= '7'; }
bool is_bin(char c) { return c == '0' || c == '1'; }
// The value of a one-character escape (\n, \t, \\, ...), or -1.
int simple_escape(char e) {
  switch (e) {
    case '\\': case '\'': case '"': return e;
    case 'n': return '\n';
    case 't': return '\t';
    case 'r': return '\r';
    case 'a': return '\a';
    case 'b': return '\b';
    case 'f': return '\f';
    case 'v': return '\v';
    default: return -1;
  }
}

std::string describe_char(const std::string& s, size_t i) {
  uint32_t cp;
  int n = utf8_decode(s, i, cp);
  char code[16];
  std::snprintf(code, sizeof code, "U+%04X", cp);
  std::string shown = cp < 0x20 || cp == 0x7F ? "" : "'" + s.substr(i, n) + "' ";
  return shown + "(" + code + ")";
}

const char* const kOps3[] = {"**=", "//=", ">>=", "<<=", "..."};
const char* const kOps2[] = {"**", "//", "==", "!=", "<=", ">=", "<<", ">>", "+=", "-=", "*=",
                             "/=", "%=", "@=", "&=", "|=", "^=", "->", ":="};
const char kOps1[] = "+-*/%@<>&|^~()[]{},:.;=";

class Lexer {
 public:
  Lexer(const std::string& s, std::vector<Token>& out, ExprError& err) : s_(s), out_(out), err_(err) {}
  void run();

 private:
  const std::string& s_;
  std::vector<Token>& out_;
  ExprError& err_;
  size_t i_ = 0, line_start_ = 0, cache_i_ = 0;
  int32_t line_ = 1, cache_col_ = 1;
  struct Open { char c; ExprPos at; };
  std::vector<Open> parens_;

  char at(size_t k) const { return k < s_.size() ? s_[k] : '\0'; }
  bool eof() const { return i_ >= s_.size(); }
  bool is_newline(size_t k) const { return k < s_.size() && (s_[k] == '\n' || s_[k] == '\r'); }
  ExprPos where(size_t k) {  // column by counting characters since the last place asked on this line
    if (cache_i_ < line_start_ || cache_i_ > k) cache_i_ = line_start_, cache_col_ = 1;
    for (; cache_i_ < k; ++cache_i_)
      if (!utf8_continuation(s_[cache_i_])) ++cache_col_;
    return {line_, cache_col_};
  }
  void skip_newline() {  // \n, \r\n or \r
    i_ += s_[i_] == '\r' && at(i_ + 1) == '\n' ? 2 : 1;
    ++line_;
    line_start_ = i_;
  }
  void fail(ExprPos at, const std::string& msg) {
    err_ = {at, msg};
    Token t;
    t.kind = Tok::Error;
    t.begin = t.end = static_cast<int32_t>(i_);
    t.at = at;
    out_.push_back(t);
  }
  Token& push(Tok kind, size_t begin) {
    Token t;
    t.kind = kind;
    t.begin = static_cast<int32_t>(begin);
    t.end = static_cast<int32_t>(i_);
    t.at = where(begin);
    out_.push_back(std::move(t));
    return out_.back();
  }
  bool number();
  bool string();
  bool op();
};

void Lexer::run() {
  if (s_.compare(0, 3, "\xEF\xBB\xBF") == 0) i_ = line_start_ = 3;  // a UTF-8 byte order mark
  bool line_start = true;
  for (;;) {
    if (line_start && parens_.empty()) {  // a new logical line: blank, comment-only, or a statement
      size_t b = i_;
      while (!eof() && is_hspace(s_[i_])) ++i_;
      if (eof() || s_[i_] == '#' || is_newline(i_)) {
        while (!eof() && !is_newline(i_)) ++i_;
        if (eof()) break;
        skip_newline();
        continue;
      }
      if (i_ > b) return fail(where(i_), "IndentationError: unexpected indent");
      line_start = false;
    }
    while (!eof() && is_hspace(s_[i_])) ++i_;
    if (eof()) break;
    char c = s_[i_];
    size_t b = i_;
    if (c == '#') {
      while (!eof() && !is_newline(i_)) ++i_;
    } else if (c == '\n' || c == '\r') {
      if (parens_.empty()) {
        Token& t = push(Tok::Newline, b);
        skip_newline();
        t.end = static_cast<int32_t>(i_);
        line_start = true;
      } else {
        skip_newline();
      }
    } else if (c == '\\') {
      if (!is_newline(i_ + 1))
        return fail(where(i_), eof() || i_ + 1 >= s_.size() ? "SyntaxError: unexpected end of file after '\\'"
                                                             : "SyntaxError: unexpected character after line continuation character");
      ++i_;
      skip_newline();
    } else if (is_digit(c) || (c == '.' && is_digit(at(i_ + 1)))) {
      if (!number()) return;
    } else if (is_alpha(c)) {
      while (!eof() && (is_alpha(s_[i_]) || is_digit(s_[i_]))) ++i_;
      std::string name = s_.substr(b, i_ - b);
      if (at(i_) == '\'' || at(i_) == '"') {
        std::string p;
        for (char ch : name) p += static_cast<char>(ch | 0x20);
        if (p == "f" || p == "r" || p == "b" || p == "u" || p == "rb" || p == "br" || p == "fr" || p == "rf")
          return fail(where(b), "unsupported: " + name + "'...' strings (a label is a plain '...' or \"...\" string)");
      }
      push(Tok::Name, b).text = name;
    } else if (c == '\'' || c == '"') {
      if (!string()) return;
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      return fail(where(i_), "SyntaxError: invalid character " + describe_char(s_, i_) +
                                 ": outside strings and comments only ASCII is allowed");
    } else if (!op()) {
      return;
    }
  }
  if (!parens_.empty())
    return fail(parens_.back().at, std::string("SyntaxError: '") + parens_.back().c + "' was never closed");
  if (!out_.empty() && out_.back().kind != Tok::Newline) push(Tok::Newline, i_);
  push(Tok::End, i_);
}

bool Lexer::number() {
  size_t b = i_;
  Token t;
  std::string digits;  // without underscores
  bool is_float = false, bad = false;
  auto run_of = [&](bool (*ok)(char)) {  // digits with single underscores between them
    size_t start = i_;
    while (!eof() && (ok(s_[i_]) || (s_[i_] == '_' && i_ > start && ok(at(i_ + 1)) && s_[i_ - 1] != '_'))) {
      if (s_[i_] != '_') digits += s_[i_];
      ++i_;
    }
    return i_ > start;
  };
  int base = 10;
  if (s_[i_] == '0' && at(i_ + 1) != 0 && std::strchr("xob", at(i_ + 1) | 0x20)) {
    char p = at(i_ + 1) | 0x20;
    base = p == 'x' ? 16 : p == 'o' ? 8 : 2;
    i_ += 2;
    if (at(i_) == '_') ++i_;
    bool (*ok)(char) = base == 16 ? is_hex : base == 8 ? is_oct : is_bin;
    bad = !run_of(ok);
  } else {
    run_of(is_digit);
    if (at(i_) == '.') {
      is_float = true;
      digits += s_[i_++];
      if (is_digit(at(i_))) run_of(is_digit);
    }
    if ((at(i_) | 0x20) == 'e' && (is_digit(at(i_ + 1)) || ((at(i_ + 1) == '+' || at(i_ + 1) == '-') && is_digit(at(i_ + 2))))) {
      is_float = true;
      digits += 'e';
      ++i_;
      if (s_[i_] == '+' || s_[i_] == '-') digits += s_[i_++];
      run_of(is_digit);
    }
  }
  if (!eof() && (s_[i_] | 0x20) == 'j' && base == 10)
    return fail(where(b), "unsupported: complex numbers (a Value holds an int or a float)"), false;
  if (bad || (!eof() && (is_alpha(s_[i_]) || is_digit(s_[i_])))) {
    const char* kind = base == 16 ? "hexadecimal" : base == 8 ? "octal" : base == 2 ? "binary" : "decimal";
    return fail(where(b), std::string("SyntaxError: invalid ") + kind + " literal"), false;
  }
  if (is_float) {
    t.num = {std::strtod(digits.c_str(), nullptr), false};
  } else {
    if (base == 10 && digits.size() > 1 && digits[0] == '0' && digits.find_first_not_of('0') != std::string::npos)
      return fail(where(b), "SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"), false;
    double v = 0;
    for (char ch : digits) {
      int d = is_digit(ch) ? ch - '0' : (ch | 0x20) - 'a' + 10;
      v = v * base + d;
      if (v >= kMaxExactInt) break;
    }
    t.num = {v, true};
    std::string msg;
    if (!int_in_range(t.num, msg)) return fail(where(b), msg), false;
  }
  Token& pushed = push(Tok::Number, b);
  pushed.num = t.num;
  return true;
}

bool Lexer::string() {
  size_t b = i_;
  char q = s_[i_];
  if (at(i_ + 1) == q && at(i_ + 2) == q)
    return fail(where(b), "unsupported: triple-quoted strings (a label is a one-line '...' string)"), false;
  ExprPos start = where(b);
  ++i_;
  std::string v;
  while (!eof() && s_[i_] != q) {
    if (is_newline(i_)) break;
    if (s_[i_] != '\\') {
      v += s_[i_++];
      continue;
    }
    char e = at(i_ + 1);
    if (is_newline(i_ + 1)) {  // backslash-newline continues the string on the next line
      ++i_;
      skip_newline();
      continue;
    }
    i_ += 2;
    if (simple_escape(e) >= 0) {
      v += static_cast<char>(simple_escape(e));
    } else if (e >= '0' && e <= '7') {
      uint32_t cp = e - '0';
      for (int k = 0; k < 2 && at(i_) >= '0' && at(i_) <= '7'; ++k) cp = cp * 8 + (s_[i_++] - '0');
      utf8_encode(cp, v);
    } else if (e == 'x' || e == 'u' || e == 'U') {
      int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
      uint32_t cp = 0;
      for (int k = 0; k < n; ++k) {
        char h = at(i_);
        if (!is_hex(h))
          return fail(start, std::string("SyntaxError: truncated \\") + e + std::string(n, 'X') + " escape"), false;
        cp = cp * 16 + (is_digit(h) ? h - '0' : (h | 0x20) - 'a' + 10);
        ++i_;
      }
      if (cp > 0x10FFFF) return fail(start, "SyntaxError: illegal Unicode character in a string"), false;
      if (cp >= 0xD800 && cp <= 0xDFFF) return fail(start, "unsupported: a surrogate code point in a string"), false;
      utf8_encode(cp, v);
    } else if (e == 'N') {
      return fail(start, "unsupported: \\N{...} escapes"), false;
    } else {  // an unknown escape keeps its backslash, as Python does
      v += '\\';
      i_ -= 1;
    }
  }
  if (eof() || s_[i_] != q)
    return fail(start, "SyntaxError: unterminated string literal (detected at line " + std::to_string(line_) + ")"), false;
  ++i_;
  Token& t = push(Tok::String, b);
  t.at = start;
  t.text = std::move(v);
  return true;
}

bool Lexer::op() {
  size_t b = i_;
  std::string o;
  for (const char* c : kOps3)
    if (s_[i_] == c[0] && s_.compare(i_, 3, c) == 0) o = c;
  if (o.empty())
    for (const char* c : kOps2)
      if (s_[i_] == c[0] && s_.compare(i_, 2, c) == 0) o = c;
  if (o.empty() && std::strchr(kOps1, s_[i_])) o = std::string(1, s_[i_]);
  if (o.empty()) return fail(where(i_), "SyntaxError: invalid character " + describe_char(s_, i_)), false;
  ExprPos at = where(b);
  char c = o[0];
  if (o.size() == 1 && (c == '(' || c == '[' || c == '{')) {
    parens_.push_back({c, at});
  } else if (o.size() == 1 && (c == ')' || c == ']' || c == '}')) {
    if (parens_.empty()) return fail(at, std::string("SyntaxError: unmatched '") + c + "'"), false;
    char open = parens_.back().c;
    if ((open == '(' && c != ')') || (open == '[' && c != ']') || (open == '{' && c != '}'))
      return fail(at, std::string("SyntaxError: closing parenthesis '") + c + "' does not match opening parenthesis '" + open + "'"), false;
    parens_.pop_back();
  }
  i_ += o.size();
  push(Tok::Op, b).text = o;
  return true;
}
}  // namespace

void tokenize(const std::string& src, std::vector<Token>& out, ExprError& err) {
  out.clear();
  Lexer(src, out, err).run();
}

}  // namespace mg
