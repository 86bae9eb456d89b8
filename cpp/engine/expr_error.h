// The expression language's error: what went wrong, and where (its limits are in engine_limits.h, with the rest).
#pragma once
#include <cstdint>
#include <string>

namespace mg {

// Where an error is: 1-based line and column (the column counts characters, not bytes).
struct ExprPos {
  int32_t line = 1, col = 1;
};
struct ExprError {
  ExprPos at;
  std::string message;  // Python's wording where Python has one: "NameError: name 'x' is not defined"
};

}  // namespace mg
