// Command-line flags of the micrograd CLI, parsed strictly: every bad value is refused with a message.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "../engine/trainer.h"

namespace mg {

struct CliArgs {
  Config cfg;
  int steps = 100;
  double trace_x = 0.0, trace_y = 0.0;
  int trace_label = 0;
  std::string graph_json, dot;
  int64_t max_memory = 0;  // --max-memory in bytes, 0 when not given
  bool help = false;
};

// Parses argv; on bad input returns false with a one-line message in `error` naming the flag.
bool parse_args(int argc, const char* const* argv, CliArgs& out, std::string& error);
std::string usage();

}  // namespace mg
