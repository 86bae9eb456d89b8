// Small helpers shared by the Session's translation units: integer checks and numbers in messages.
#pragma once
#include <cmath>
#include <string>

#include "pyfloat.h"

namespace mg {

inline bool is_int_in(double v, double lo, double hi) { return std::isfinite(v) && v == std::floor(v) && v >= lo && v <= hi; }

// A number as a message shows it: integers without ".0", the rest as Python's repr.
inline std::string num(double v) {
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15) return std::to_string(static_cast<long long>(v));
  return py_repr(v);
}

inline bool in_range(double v, double lo, double hi) { return std::isfinite(v) && v >= lo && v <= hi; }

// "lr: expected a number from 0 to 100, got nan"
inline std::string range_error(const char* field, double v, double lo, double hi) {
  return std::string(field) + ": expected a number from " + num(lo) + " to " + num(hi) + ", got " + num(v);
}

}  // namespace mg
