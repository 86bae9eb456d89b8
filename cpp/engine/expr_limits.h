// The expression language's limits and shared small types: what a snippet may be, and an error's place.
#pragma once
#include <cstdint>
#include <string>

namespace mg {

constexpr int32_t kMaxExprSource = 65536;     // bytes of source
constexpr int32_t kMaxExprNodes = 100000;     // Value nodes one snippet may build
constexpr int32_t kMaxExprDepth = 100;        // nesting of parentheses, unary signs, ** and Value(...)
constexpr int64_t kMaxExprWork = 2000000;     // nodes visited by all backward() calls together (~0.2 s)
constexpr double kMaxExactInt = 9007199254740992.0;  // 2**53: ints stay below it, so a double holds them exactly

// Where an error is: 1-based line and column (the column counts characters, not bytes).
struct ExprPos {
  int32_t line = 1, col = 1;
};
struct ExprError {
  ExprPos at;
  std::string message;  // Python's wording where Python has one: "NameError: name 'x' is not defined"
};

}  // namespace mg
