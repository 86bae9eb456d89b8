// Strict flag parsing for the CLI: unknown flags, missing or non-numeric values and out-of-range
// settings each produce one message that names the flag and what it allows.
#include "args.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "../engine/setting_limits.h"

namespace mg {

const char* usage() {
  return "usage: micrograd [flags]\n"
         "Trains micrograd's MLP on the yin-yang data and prints what the Python reference prints.\n"
         "  --seed N           random seed, 1..18446744073709551615 (42)\n"
         "  --n N              number of points, 3..20000 (100)\n"
         "  --hidden W[,W...]  hidden layer widths, 1..8 layers of 1..1024 (8)\n"
         "  --act tanh|relu    hidden nonlinearity (tanh)\n"
         "  --optimizer adamw|sgd   optimizer (adamw); sgd uses momentum 0.9\n"
         "  --steps N          training steps, 0..1000000000 (100)\n"
         "  --lr X             learning rate, finite and >= 0 (0.1)\n"
         "  --wd X             weight decay, finite and >= 0 (1e-4)\n"
         "  --trace X,Y,LABEL  the traced point: finite coordinates, label 0..2 (0,0,0)\n"
         "  --graph-json FILE  write the traced point's graph as JSON (the reference's graph.json)\n"
         "  --dot FILE         write the traced point's graph as Graphviz DOT\n"
         "  --help             show this help\n";
}

namespace {
bool parse_int(const std::string& s, long long lo, long long hi, long long& out) {
  if (s.empty() || std::isspace(static_cast<unsigned char>(s[0]))) return false;
  char* end = nullptr;
  errno = 0;
  long long v = std::strtoll(s.c_str(), &end, 10);
  if (errno || *end || v < lo || v > hi) return false;
  out = v;
  return true;
}

bool parse_u64(const std::string& s, unsigned long long& out) {
  if (s.empty() || !std::isdigit(static_cast<unsigned char>(s[0]))) return false;
  char* end = nullptr;
  errno = 0;
  unsigned long long v = std::strtoull(s.c_str(), &end, 10);
  if (errno || *end || v == 0) return false;
  out = v;
  return true;
}

bool parse_double(const std::string& s, double& out) {
  if (s.empty() || std::isspace(static_cast<unsigned char>(s[0]))) return false;
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (*end || !std::isfinite(v)) return false;
  out = v;
  return true;
}

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
                                         "--graph-json", "--dot", "--act", "--optimizer"};
    bool known = false;
    for (const char* f : kFlags) known = known || flag == f;
    if (!known) {
      error = "unknown flag '" + flag + "' (see --help)";
      return false;
    }
    if (!has_inline) {
      if (i + 1 >= argc) {
        error = flag + ": missing value";
        return false;
      }
      value = argv[++i];
    }
    long long iv = 0;
    unsigned long long uv = 0;
    double dv = 0;
    if (flag == "--seed") {
      if (!parse_u64(value, uv)) return error = "--seed: expected an integer from 1 to 18446744073709551615, got '" + value + "'", false;
      a.cfg.seed = uv;
    } else if (flag == "--n") {
      if (!parse_int(value, kMinPoints, kMaxPoints, iv))
        return error = "--n: expected an integer from 3 to " + std::to_string(kMaxPoints) + ", got '" + value + "'", false;
      a.cfg.n = static_cast<int>(iv);
    } else if (flag == "--hidden") {
      std::vector<std::string> parts = split(value, ',');
      if (parts.size() > static_cast<size_t>(kMaxLayers))
        return error = "--hidden: at most " + std::to_string(kMaxLayers) + " layers, got " + std::to_string(parts.size()), false;
      std::vector<int> widths;
      for (const std::string& p : parts) {
        if (!parse_int(p, 1, kMaxWidth, iv))
          return error = "--hidden: each width must be an integer from 1 to " + std::to_string(kMaxWidth) + ", got '" + p + "'", false;
        widths.push_back(static_cast<int>(iv));
      }
      a.cfg.hidden = widths;
    } else if (flag == "--steps") {
      if (!parse_int(value, 0, 1000000000, iv)) return error = "--steps: expected an integer from 0 to 1000000000, got '" + value + "'", false;
      a.steps = static_cast<int>(iv);
    } else if (flag == "--lr" || flag == "--wd") {
      if (!parse_double(value, dv) || dv < 0) return error = flag + ": expected a finite number >= 0, got '" + value + "'", false;
      (flag == "--lr" ? a.cfg.lr : a.cfg.weight_decay) = dv;
    } else if (flag == "--trace") {
      std::vector<std::string> parts = split(value, ',');
      double x, y;
      if (parts.size() != 3 || !parse_double(parts[0], x) || !parse_double(parts[1], y) || !parse_int(parts[2], 0, 2, iv))
        return error = "--trace: expected X,Y,LABEL with finite X and Y and LABEL 0, 1 or 2, got '" + value + "'", false;
      a.trace_x = x;
      a.trace_y = y;
      a.trace_label = static_cast<int>(iv);
    } else if (flag == "--act") {
      if (value != "tanh" && value != "relu") return error = "--act: expected tanh or relu, got '" + value + "'", false;
      a.cfg.act = value == "tanh" ? Act::Tanh : Act::Relu;
    } else if (flag == "--optimizer") {
      if (value != "adamw" && value != "sgd") return error = "--optimizer: expected adamw or sgd, got '" + value + "'", false;
      a.cfg.optimizer = value == "adamw" ? OptKind::AdamW : OptKind::SGD;
    } else if (value.empty()) {
      return error = flag + ": expected a file name", false;
    } else {
      (flag == "--dot" ? a.dot : a.graph_json) = value;
    }
  }
  return true;
}

}  // namespace mg
