// libFuzzer harness: arbitrary configure/step/points/boundary/graph call sequences on mg::Session, and parse_args.
// The Session runs under the harness's own memory budget (kFuzzBudget), so sizes near the budget are reached
// quickly and cheaply: configurations just inside and just outside it, and calls that would cross it.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "../cli/args.h"
#include "engine_limits.h"
#include "memory_budget.h"
#include "session.h"
#include "settings_parse.h"

namespace {
// Work bounds of the harness only (the Session's own limits are far larger): valid but costly values are
// folded into a small range; invalid values pass unchanged so the Session's validation stays in the loop; the
// graph nodes of an input's steps, evaluations and traces are counted against kInputNodes.
constexpr double kN = 48, kSteps = 6, kSide = 24;
constexpr int64_t kInputNodes = 3000000;  // graph nodes per input
constexpr int64_t kFuzzBudget = 24 << 20;
constexpr int kMaxOps = 64;

int g_op = -1;             // the call being checked, for the report
const std::string* g_err;  // its Session's last_error
void check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz_session: invariant broken after call %d: %s (last_error '%s')\n", g_op, what,
               g_err ? g_err->c_str() : "");
  std::abort();
}

struct Bytes {
  const uint8_t* p;
  size_t n;
  uint8_t u8() { return n ? (--n, *p++) : 0; }
  double raw() {
    uint64_t b = 0;
    for (int i = 0; i < 8; ++i) b = b << 8 | u8();
    double d;
    std::memcpy(&d, &b, sizeof d);
    return d;
  }
  double num() {  // a mix of small integers, fractions, edges of the limits, NaN, infinities and raw bits
    static const double kSpecial[] = {NAN, INFINITY, -INFINITY, 0.0, -0.0, 1e308, -1e308, 5e-324, 0.5, -1, 2, 3,
                                      1000, 1000.0000001, -1000, 1024, 1025, 20000, 20001, 100000, 100001,
                                      9007199254740991.0, 9007199254740992.0, 1e15, 1e16, 2147483648.0};
    switch (u8() % 5) {
      case 0: return u8();
      case 1: return static_cast<int8_t>(u8());
      case 2: return static_cast<int16_t>(u8() << 8 | u8()) / 64.0;
      case 3: return kSpecial[u8() % (sizeof kSpecial / sizeof *kSpecial)];
      default: return raw();
    }
  }
  std::string str(size_t cap) {
    size_t len = u8() % (cap + 1);
    std::string s;
    while (s.size() < len && n) s += static_cast<char>(u8());
    return s;
  }
  std::string pick(const std::vector<std::string>& valid) {  // mostly a valid word, sometimes bytes
    uint8_t k = u8();
    return k < 224 ? valid[k % valid.size()] : str(12);
  }
};

// Valid but costly values folded down; the fractional part survives so non-integers stay invalid.
double fold(double v, double lo, double hi, double cap) {
  return std::isfinite(v) && v > cap && v <= hi ? lo + std::fmod(v - lo, cap - lo + 1) : v;
}

std::string hidden_of(Bytes& in) {
  if (in.u8() >= 200) return in.str(24);
  std::string s;
  int layers = 1 + in.u8() % 4;
  for (int i = 0; i < layers; ++i) s += (i ? "," : "") + std::to_string(1 + in.u8() % 12);
  return s;
}

// Graph nodes per training point, as Session estimates them (-1 when `hidden` is not a valid width list).
int64_t nodes_per_point(const std::string& hidden) {
  std::vector<int> widths;
  std::string error;
  return mg::parse_hidden(hidden, "hidden", widths, error) ? mg::nodes_per_point(widths) : -1;
}

// A network and a number of points whose training needs about `fraction` of the budget (near it, on either side):
// the width whose estimate comes closest below fraction x budget, or one wider (just over it).
void near_budget(Bytes& in, std::string& hidden, double& n) {
  int layers = 1 + in.u8() % 2;
  n = mg::kMinPoints + in.u8() % static_cast<int>(kN - mg::kMinPoints + 1);
  double fraction = 0.8 + in.u8() / 255.0 * 0.4;
  auto bytes = [&](int w) {
    std::vector<int> widths(layers, w);
    return static_cast<double>(mg::training_footprint(widths, static_cast<int64_t>(n), static_cast<int64_t>(0.8 * n)).bytes());
  };
  int lo = 1, hi = mg::kMaxWidth;
  while (lo < hi) {
    int mid = (lo + hi + 1) / 2;
    if (bytes(mid) <= fraction * static_cast<double>(mg::MemoryBudget::limit())) lo = mid;
    else hi = mid - 1;
  }
  int w = std::min(lo + (in.u8() & 1), mg::kMaxWidth);
  hidden = std::to_string(w) + (layers == 2 ? "," + std::to_string(w) : "");
}

struct State {
  bool configured;
  int params, steps, pts[3];
  double lr, wd;
  bool operator==(const State& o) const {
    return configured == o.configured && params == o.params && steps == o.steps && pts[0] == o.pts[0] &&
           pts[1] == o.pts[1] && pts[2] == o.pts[2] && lr == o.lr && wd == o.wd;
  }
};
State state_of(mg::Session& s) {
  State st{s.trainer() != nullptr, s.num_parameters(), s.step_count(), {0, 0, 0}, s.lr(), s.weight_decay()};
  for (int i = 0; i < 3 && st.configured; ++i) st.pts[i] = s.num_points(i);
  return st;
}

volatile double g_sink;
void touch(uintptr_t p, size_t count, bool floats) {  // read every returned value (ASan checks the bounds)
  double sum = 0;
  for (size_t i = 0; i < count; ++i)
    sum += floats ? reinterpret_cast<const float*>(p)[i] : reinterpret_cast<const double*>(p)[i];
  g_sink = sum;
}

void run_session(Bytes& in) {
  mg::MemoryBudget::set_limit(kFuzzBudget);
  mg::Session s;
  struct Clear { ~Clear() { g_err = nullptr; } } clear;
  int64_t per_point = 0, budget = kInputNodes;
  for (int op = 0; op < kMaxOps && in.n; ++op) {
    State before = state_of(s);
    bool was_diverged = s.diverged();
    uint8_t code = in.u8() % 25;
    g_op = code, g_err = &s.last_error();
    bool ok = true;       // the call claims success (checked against last_error)
    bool mutate = false;  // a refused call must leave the state as it was
    int64_t train = before.configured ? before.pts[0] : 0;
    double a = in.num(), b = in.num(), c = in.num();
    switch (code) {
      case 0: case 1: case 22: {
        double seed = a, n = fold(b, mg::kMinPoints, mg::kMaxPoints, kN);
        std::string hidden = hidden_of(in);
        if (code == 22) near_budget(in, hidden, n);
        std::string act = in.pick({"tanh", "relu"}), opt = in.pick({"adamw", "sgd"});
        std::string data = in.pick({"yinyang", "circles", "xor", "spiral", "blobs"});
        double lr = c, wd = in.num(), noise = in.num();
        std::string err = s.configure(seed, n, hidden, act, opt, lr, wd, data, noise);
        check(err == s.last_error(), "configure returns last_error");
        if (err.empty()) {
          check(hidden.find_first_not_of("0123456789,") == std::string::npos, "accepted hidden is digits and commas");
          per_point = nodes_per_point(hidden);
          check(s.step_count() == 0, "configure starts at step 0");
          check(s.held_bytes() <= mg::MemoryBudget::limit(), "an accepted configuration fits the budget");
        } else if (err.find("budget") != std::string::npos) {
          check(err.rfind("hidden: training 2-", 0) == 0, "a configuration over the budget names hidden");
        }
        ok = err.empty(), mutate = true;
        break;
      }
      case 2: case 3: {
        double k = fold(a, 1, mg::kMaxStepsPerCall, kSteps);
        int64_t kk = std::isfinite(k) && k >= 1 && k <= kSteps ? static_cast<int64_t>(k) : 1;
        if ((budget -= per_point * train * kk) < 0) return;
        double loss = code == 2 ? s.step() : s.steps(k);
        ok = s.last_error().empty(), mutate = true;
        if (ok) {
          check(s.step_count() == before.steps + s.last_steps(), "step count grows by last_steps");
          check(s.last_steps() <= (code == 2 ? 1 : kk) && (train == 0 || s.last_steps() >= 1), "last_steps in range");
          // diverged describes the last step taken: a call that took none (no training points) leaves it as it was
          check(s.diverged() == (s.last_steps() > 0 ? !std::isfinite(loss) : was_diverged), "diverged says so");
          if (s.diverged()) check(std::isnan(s.accuracy(0)), "a diverged network has no accuracy");
        }
        break;
      }
      case 4: {
        int64_t m = before.configured && a >= 0 && a <= 2 ? before.pts[static_cast<int>(a)] : 0;
        if ((budget -= per_point * m) < 0) return;
        g_sink = s.loss(a);
        ok = s.last_error().empty();
        break;
      }
      case 5: g_sink = s.accuracy(a), ok = s.last_error().empty(); break;
      case 6: { uintptr_t p = s.forward(a, b); ok = p != 0; if (ok) touch(p, 3, false); break; }
      case 7: case 8: {
        double label = std::fmod(std::fabs(c), 4);
        if ((budget -= per_point) < 0) return;
        std::string json = s.graph_json(a, b, code == 7 ? label : c);
        ok = !json.empty();
        if (!ok) break;
        check(json.front() == '{' && json.back() == '}', "graph_json is an object");
        int nodes = s.graph_size();
        uintptr_t p = s.graph_values(a, b, code == 7 ? label : c);
        check(p != 0 && s.graph_size() == nodes, "graph_values matches graph_json");
        touch(p, 2 * static_cast<size_t>(nodes), false);
        break;
      }
      case 9: {
        double w = fold(a, 1, mg::kMaxBoundarySide, kSide), h = fold(b, 1, mg::kMaxBoundarySide, kSide);
        double x0 = c, x1 = in.num(), y0 = in.num(), y1 = in.num();
        if ((budget -= static_cast<int64_t>(kSide * kSide) * before.params / 4) < 0) return;
        uintptr_t p = s.boundary(w, h, x0, x1, y0, y1);
        ok = p != 0;
        if (ok) touch(p, static_cast<size_t>(w) * static_cast<size_t>(h) * 3, true);
        break;
      }
      case 10: { uintptr_t p = s.parameters(); ok = p != 0; if (ok) touch(p, before.params, false); break; }
      case 11: { uintptr_t p = s.optimizer_state(); ok = p != 0; if (ok) touch(p, 3 * before.params, false); break; }
      case 12: {
        uintptr_t p = s.points(a);
        ok = p != 0;
        if (ok) touch(p, 3 * static_cast<size_t>(s.num_points(a)), false);
        break;
      }
      case 13: case 14: {
        ok = s.add_point(in.num(), in.num(), a, b), mutate = true;
        if (ok) check(s.num_points(b) == before.pts[static_cast<int>(b)] + 1, "add_point adds one");
        break;
      }
      case 15: ok = s.move_point(a, b, c, in.num()), mutate = true; break;
      case 16: ok = s.set_label(a, b, c), mutate = true; break;
      case 17: ok = s.remove_point(a, b), mutate = true; break;
      case 18: s.clear_points(), ok = s.last_error().empty(), mutate = true; break;
      case 19: s.reset(), ok = s.last_error().empty(), mutate = true; break;
      case 20: s.set_lr(a), ok = s.last_error().empty(), mutate = true; break;
      case 21: s.set_weight_decay(a), ok = s.last_error().empty(), mutate = true; break;
      case 23: {
        if ((budget -= per_point * train) < 0) return;
        uintptr_t p = s.point_grads();
        ok = p != 0;
        if (ok) touch(p, static_cast<size_t>(train) * static_cast<size_t>(before.params), false);
        break;
      }
      default: g_sink = s.num_points(a) + s.graph_size(); ok = s.last_error().empty(); break;
    }
    check(ok == s.last_error().empty(), "success iff last_error is empty");
    if (!ok) check(s.last_error().find(':') != std::string::npos, "an error names its field");
    if (!ok && mutate) check(state_of(s) == before, "a refused call changes nothing");
    check(mg::MemoryBudget::in_use() == s.held_bytes(), "the budget counts what the session holds");
    check(s.held_bytes() <= mg::MemoryBudget::limit(), "the session holds no more than the budget");
  }
}

void run_args(Bytes& in) {
  std::vector<std::string> words{"micrograd"};
  static const char* const kWords[] = {"--seed", "--n", "--hidden", "--steps", "--lr", "--wd", "--trace", "--act",
                                       "--optimizer", "--graph-json", "--dot", "--help", "-h", "--n=", "--trace=", "--max-memory"};
  while (in.n && words.size() < 24) {
    uint8_t k = in.u8();
    words.push_back(k < 128 ? kWords[k % (sizeof kWords / sizeof *kWords)] + (k & 64 ? in.str(16) : "") : in.str(20));
  }
  std::vector<const char*> argv;
  for (const std::string& w : words) argv.push_back(w.c_str());
  mg::CliArgs a;
  std::string error;
  if (!mg::parse_args(static_cast<int>(argv.size()), argv.data(), a, error)) {
    check(!error.empty(), "parse_args explains a refusal");
    return;
  }
  const mg::Config& c = a.cfg;
  check(c.seed >= 1 && c.n >= mg::kMinPoints && c.n <= mg::kMaxPoints, "seed and n in range");
  check(!c.hidden.empty() && c.hidden.size() <= static_cast<size_t>(mg::kMaxLayers), "layers in range");
  for (int w : c.hidden) check(w >= 1 && w <= mg::kMaxWidth, "width in range");
  check(c.lr >= mg::kLrRange.min && c.lr <= mg::kLrRange.max, "lr in range");
  check(c.weight_decay >= mg::kWeightDecayRange.min && c.weight_decay <= mg::kWeightDecayRange.max, "wd in range");
  check(a.steps >= 0 && std::fabs(a.trace_x) <= mg::kMaxCoord && std::fabs(a.trace_y) <= mg::kMaxCoord, "steps and trace");
  check(a.trace_label >= 0 && a.trace_label <= 2, "trace label");
  check(a.max_memory == 0 || a.max_memory >= (16 << 20), "max memory at least 16 MB when given");
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Bytes in{data, size};
  if (in.u8() & 1) run_args(in);
  else run_session(in);
  return 0;
}
