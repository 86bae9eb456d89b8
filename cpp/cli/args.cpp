// Strict flag parsing for the CLI: unknown flags, missing or non-numeric values and out-of-range
// settings each produce one message that names the flag and what it allows.
#include "args.h"

#include <cstdint>

#include "../engine/engine_limits.h"
#include "../engine/settings_parse.h"

namespace mg {

std::string usage() {
  auto n = [](double v) { return shown(v); };
  return "usage: micrograd [flags]\n"
         "Trains micrograd's MLP on the yin-yang data and prints what the Python reference prints.\n"
         "  --seed N           random seed, 1.." + std::to_string(UINT64_MAX) + " (42)\n"
         "  --n N              number of points, " + n(kMinPoints) + ".." + n(kMaxPoints) + " (100); " + n(kMinPoints) +
         " is the least that leaves no split empty\n"
         "  --hidden W[,W...]  hidden layer widths, 1.." + n(kMaxLayers) + " layers of 1.." + n(kMaxWidth) + " (8)\n"
         "  --act tanh|relu    hidden nonlinearity (tanh)\n"
         "  --optimizer adamw|sgd   optimizer (adamw); sgd uses momentum 0.9\n"
         "  --steps N          training steps, 0.." + n(kMaxCliSteps) + " (100)\n"
         "  --lr X             learning rate, " + n(kLrRange.min) + ".." + n(kLrRange.max) + " (0.1)\n"
         "  --wd X             weight decay, " + n(kWeightDecayRange.min) + ".." + n(kWeightDecayRange.max) + " (1e-4)\n"
         "  --trace X,Y,LABEL  the traced point: coordinates " + n(-kMaxCoord) + ".." + n(kMaxCoord) + ", label 0.." +
         n(kClasses - 1) + " (0,0,0)\n"
         "  --graph-json FILE  write the traced point's graph as JSON (the reference's graph.json)\n"
         "  --dot FILE         write the traced point's graph as Graphviz DOT\n"
         "  --max-memory SIZE  memory this run may use, in bytes or with K, M or G (1024-based); by default 90% of\n"
         "                     physical memory, within ulimit -v and -d (in WebAssembly: its budget)\n"
         "  --help             show this help\n";
}

namespace {
std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (;;) {
    size_t i = s.find(sep, start);
    parts.push_back(s.substr(start, i == std::string::npos ? std::string::npos : i - start));
    if (i == std::string::npos) return parts;
    start = i + 1;
  }
}

// "512M", "4G", "1048576": at least 16 MB, at most 2^50 bytes.
bool parse_size(const std::string& value, int64_t& out, std::string& error) {
  static const char kUnits[] = "KMG";
  std::string digits = value;
  int shift = 0;
  if (!digits.empty())
    for (int i = 0; i < 3; ++i)
      if (digits.back() == kUnits[i] || digits.back() == kUnits[i] + 32) shift = 10 * (i + 1), digits.pop_back();
  uint64_t v = 0;
  std::string ignored;
  if (parse_count(digits, "--max-memory", 1, (UINT64_C(1) << 50) >> shift, v, ignored) && (v << shift) >= (UINT64_C(16) << 20))
    return out = static_cast<int64_t>(v << shift), true;
  error = "--max-memory: expected a size from 16M to 1048576G (bytes, or with K, M or G), got " + quote(value);
  return false;
}
}  // namespace

bool parse_args(int argc, const char* const* argv, CliArgs& a, std::string& error) {
  for (int i = 1; i < argc; ++i) {
    std::string flag = argv[i], value;
    bool has_inline = false;
    size_t eq = flag.find('=');
    if (flag.rfind("--", 0) == 0 && eq != std::string::npos) {
      value = flag.substr(eq + 1);
      flag = flag.substr(0, eq);
      has_inline = true;
    }
    if (flag == "--help" || flag == "-h") {
      a.help = true;
      continue;
    }
    static const char* const kFlags[] = {"--seed", "--n", "--hidden", "--steps", "--lr", "--wd", "--trace",
                                         "--graph-json", "--dot", "--act", "--optimizer", "--max-memory"};
    bool known = false;
    for (const char* f : kFlags) known = known || flag == f;
    if (!known) {
      error = "unknown flag " + quote(flag) + " (see --help)";
      return false;
    }
    if (!has_inline) {
      if (i + 1 >= argc) {
        error = flag + ": missing value";
        return false;
      }
      value = argv[++i];
    }
    const char* f = flag.c_str();
    uint64_t count = 0;
    if (flag == "--seed") {
      if (!parse_count(value, f, 1, UINT64_MAX, count, error)) return false;
      a.cfg.seed = count;
    } else if (flag == "--n") {
      if (!parse_count(value, f, kMinPoints, kMaxPoints, count, error)) return false;
      a.cfg.n = static_cast<int>(count);
    } else if (flag == "--hidden") {
      if (!parse_hidden(value, f, a.cfg.hidden, error)) return false;
    } else if (flag == "--steps") {
      if (!parse_count(value, f, 0, kMaxCliSteps, count, error)) return false;
      a.steps = static_cast<int>(count);
    } else if (flag == "--lr") {
      if (!parse_number(value, f, kLrRange, a.cfg.lr, error)) return false;
    } else if (flag == "--wd") {
      if (!parse_number(value, f, kWeightDecayRange, a.cfg.weight_decay, error)) return false;
    } else if (flag == "--trace") {
      std::vector<std::string> parts = split(value, ',');
      std::string ignored;
      if (parts.size() != 3 || !parse_number(parts[0], f, {-kMaxCoord, kMaxCoord}, a.trace_x, ignored) ||
          !parse_number(parts[1], f, {-kMaxCoord, kMaxCoord}, a.trace_y, ignored) ||
          !parse_count(parts[2], f, 0, kClasses - 1, count, ignored))
        return error = "--trace: expected X,Y,LABEL with X and Y from " + shown(-kMaxCoord) + " to " + shown(kMaxCoord) +
                       " and LABEL from 0 to " + shown(kClasses - 1) + ", got " + quote(value), false;
      a.trace_label = static_cast<int>(count);
    } else if (flag == "--act") {
      if (!parse_activation(value, f, a.cfg.act, error)) return false;
    } else if (flag == "--optimizer") {
      if (!parse_optimizer(value, f, a.cfg.optimizer, error)) return false;
    } else if (flag == "--max-memory") {
      if (!parse_size(value, a.max_memory, error)) return false;
    } else if (value.empty()) {
      return error = flag + ": expected a file name", false;
    } else {
      (flag == "--dot" ? a.dot : a.graph_json) = value;
    }
  }
  return true;
}

}  // namespace mg
