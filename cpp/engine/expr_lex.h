// The expression language's tokenizer: Python's tokens for the subset (names, numbers, strings, operators,
// logical newlines, with implicit joining inside brackets and backslash continuation), each with its line,
// column and byte span, and Python's lexical errors (bad indentation, unterminated strings, bad literals).
#pragma once
#include <string>
#include <vector>

#include "expr_error.h"
#include "expr_num.h"

namespace mg {

enum class Tok : uint8_t { Name, Number, String, Op, Newline, End, Error };

struct Token {
  Tok kind = Tok::End;
  int32_t begin = 0, end = 0;  // byte span in the source
  ExprPos at;
  std::string text;  // Name and Op: the spelling; String: the decoded value (UTF-8)
  PyNum num;         // Number
};

// Tokenizes src up to its end (Tok::End) or its first lexical error: then the last token is Tok::Error,
// at the error's place, and err says what. Tokens before an error stay, so a parser that stops earlier
// reports the earlier error, as Python does.
void tokenize(const std::string& src, std::vector<Token>& out, ExprError& err);

}  // namespace mg
