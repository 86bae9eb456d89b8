// Small helpers shared by the Session's translation units: integer checks (numbers in messages: shown()).
#pragma once
#include <cmath>

#include "settings_parse.h"

namespace mg {

inline bool is_int_in(double v, double lo, double hi) { return std::isfinite(v) && v == std::floor(v) && v >= lo && v <= hi; }

}  // namespace mg
