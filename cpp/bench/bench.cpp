// micrograd_bench: times the engine's hot paths and a hand-fused yardstick; scripts/bench.mjs runs it.
// Usage: micrograd_bench [--quick] [--json]. Reports ms per call: median and spread (min-max) of several runs.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "session.h"
#include "trainer.h"

namespace {

struct Stat {
  std::string key, what;
  double median = 0, min = 0, max = 0;
  int runs = 0, calls = 0;  // runs of `calls` calls each; each run gives one ms-per-call sample
};

double g_warm_ms = 300;  // warm-up per measurement (WASM tier-up, buffers at working size, caches)

Stat measure(const std::string& key, const std::string& what, int runs, int calls, const std::function<void()>& f) {
  auto since = [](std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  };
  auto w0 = std::chrono::steady_clock::now();
  for (int n = 0; n < 3 || since(w0) < g_warm_ms; ++n) f();
  std::vector<double> ms;
  for (int r = 0; r < runs; ++r) {
    auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < calls; ++i) f();
    ms.push_back(since(t0) / calls);
  }
  std::sort(ms.begin(), ms.end());
  Stat s{key, what};
  s.median = ms.size() % 2 ? ms[ms.size() / 2] : (ms[ms.size() / 2 - 1] + ms[ms.size() / 2]) / 2;
  s.min = ms.front();
  s.max = ms.back();
  s.runs = runs;
  s.calls = calls;
  return s;
}

// The default network (2-8-3, tanh, cross-entropy over the mean of the training points, AdamW) written by
// hand as one forward/backward loop over plain arrays: the arithmetic limit the tape is measured against.
// The softmax/cross-entropy gradient is taken analytically (p - onehot), tanh' as 1 - h*h: the same loss,
// gradients equal up to rounding (not digit for digit, which only the tape reproduces).
struct Fused {
  static constexpr int H = 8, K = 3, P = H * 3 + K * (H + 1);  // per neuron: weights then bias
  double w[P], g[P], m[P] = {}, v[P] = {};
  double lr = 0.1, beta1 = 0.9, beta2 = 0.95, wd = 1e-4;
  int t = 0;
  std::vector<mg::Point> pts;

  Fused(const mg::Trainer& tr) : pts(const_cast<mg::Trainer&>(tr).data().train) {
    for (int i = 0; i < P; ++i) w[i] = tr.param(i);
    lr = tr.config().lr;
    wd = tr.config().weight_decay;
  }

  double step() {
    std::memset(g, 0, sizeof g);
    const double scale = 1.0 / static_cast<double>(pts.size());
    double total = 0;
    for (const mg::Point& pt : pts) {
      double h[H], l[K], e[K];
      for (int j = 0; j < H; ++j) {
        const double* u = w + 3 * j;
        h[j] = std::tanh(u[2] + u[0] * pt.x + u[1] * pt.y);
      }
      for (int k = 0; k < K; ++k) {
        const double* u = w + 3 * H + (H + 1) * k;
        double s = u[H];
        for (int j = 0; j < H; ++j) s += u[j] * h[j];
        l[k] = s;
      }
      double sum = 0;
      for (int k = 0; k < K; ++k) sum += e[k] = std::exp(l[k]);
      total += -std::log(e[pt.label] / sum);
      double dh[H] = {};
      for (int k = 0; k < K; ++k) {
        double dl = scale * (e[k] / sum - (k == pt.label ? 1.0 : 0.0));
        const double* u = w + 3 * H + (H + 1) * k;
        double* gu = g + 3 * H + (H + 1) * k;
        for (int j = 0; j < H; ++j) {
          gu[j] += dl * h[j];
          dh[j] += dl * u[j];
        }
        gu[H] += dl;
      }
      for (int j = 0; j < H; ++j) {
        double dz = dh[j] * (1 - h[j] * h[j]);
        double* gu = g + 3 * j;
        gu[0] += dz * pt.x;
        gu[1] += dz * pt.y;
        gu[2] += dz;
      }
    }
    t += 1;
    double c1 = 1 - std::pow(beta1, t), c2 = 1 - std::pow(beta2, t);
    for (int i = 0; i < P; ++i) {
      m[i] = beta1 * m[i] + (1 - beta1) * g[i];
      v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
      w[i] -= lr * ((m[i] / c1) / (std::sqrt(v[i] / c2) + 1e-8) + wd * w[i]);
    }
    return total * scale;
  }
};

struct Options {
  bool quick = false, json = false;
};

std::vector<Stat> run_all(const Options& o, std::string& notes) {
  const int runs = o.quick ? 3 : 9;
  g_warm_ms = o.quick ? 30 : 500;
  auto q = [&](int full, int quick) { return o.quick ? quick : full; };
  std::vector<Stat> out;

  mg::Trainer def{mg::Config{}};
  def.step();  // records the step
  out.push_back(measure("step_default", "train step, default (80 points, 2-8-3, AdamW), batched replay", runs,
                        q(200, 20), [&] { def.step(); }));

  mg::Trainer per_point{mg::Config{}};
  per_point.set_path(mg::StepPath::Replay);
  per_point.step();
  out.push_back(measure("step_default_replay", "train step, default, per-point replay (before the batch)", runs,
                        q(100, 10), [&] { per_point.step(); }));

  mg::Trainer rebuild{mg::Config{}};
  rebuild.set_path(mg::StepPath::Graph);
  out.push_back(measure("step_default_rebuilt", "train step, default, graph rebuilt and sorted each step", runs,
                        q(50, 5), [&] { rebuild.step(); }));

  mg::Config big;
  big.hidden = {32, 32};
  big.n = 1250;  // 1,000 training points
  mg::Trainer wide(big);
  out.push_back(measure("step_32x32_1000", "train step, 2-[32,32]-3 on 1,000 points, batched replay", runs,
                        q(5, 1), [&] { wide.step(); }));
  out.push_back(measure("loss_32x32_1000", "loss of 1,000 points, 2-[32,32]-3, forward only (batched)", runs,
                        q(10, 2), [&] { wide.loss(wide.data().train); }));
  if (!o.quick) {
    mg::Trainer wide_replay(big);
    wide_replay.set_path(mg::StepPath::Replay);
    out.push_back(measure("step_32x32_1000_replay", "train step, 2-[32,32]-3 on 1,000 points, per-point replay",
                          runs, 2, [&] { wide_replay.step(); }));
  }

  mg::Trainer base{mg::Config{}};
  Fused fused(base);
  double a = base.step(), b = fused.step();
  char buf[160];
  std::snprintf(buf, sizeof buf, "fused step 1 loss %.17g, engine %.17g (relative difference %.1e)", b, a,
                std::fabs(a - b) / std::fabs(a));
  notes = buf;
  out.push_back(measure("fused_step_default", "train step, default, hand-fused C++ (yardstick)", runs,
                        q(2000, 200), [&] { fused.step(); }));

  mg::Session s;
  s.configure(42, 100, "8", "tanh", "adamw", 0.1, 1e-4);
  s.steps(50);
  out.push_back(measure("boundary_256", "boundary 256x256, float32 SIMD path", runs, q(20, 3),
                        [&] { s.boundary(256, 256, -2, 2, -2, 2); }));
  std::vector<float> exact(256 * 256 * 3);
  out.push_back(measure("boundary_256_f64", "boundary 256x256, exact double predict() per cell", runs, q(3, 1), [&] {
    double p[3];
    for (int r = 0; r < 256; ++r)
      for (int c = 0; c < 256; ++c) {
        s.trainer()->predict(-2 + (c + 0.5) * 4 / 256, 2 - (r + 0.5) * 4 / 256, p);
        for (int k = 0; k < 3; ++k) exact[(r * 256 + c) * 3 + k] = static_cast<float>(p[k]);
      }
  }));
  out.push_back(measure("graph_values", "graph value refresh (graphValues), default network", runs, q(500, 50),
                        [&] { s.graph_values(0.3, -0.2, 1); }));
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--quick")) o.quick = true;
    else if (!std::strcmp(argv[i], "--json")) o.json = true;
    else {
      std::fprintf(stderr, "usage: micrograd_bench [--quick] [--json]\n");
      return 2;
    }
  }
  std::string notes;
  std::vector<Stat> stats = run_all(o, notes);
#ifdef __EMSCRIPTEN__
  const char* platform = "wasm";
#else
  const char* platform = "native";
#endif
  if (o.json) {
    std::printf("{\"platform\":\"%s\",\"quick\":%s,\"note\":\"%s\",\"results\":{", platform, o.quick ? "true" : "false",
                notes.c_str());
    for (size_t i = 0; i < stats.size(); ++i) {
      const Stat& s = stats[i];
      std::printf("%s\"%s\":{\"what\":\"%s\",\"median\":%.6g,\"min\":%.6g,\"max\":%.6g,\"runs\":%d,\"calls\":%d}",
                  i ? "," : "", s.key.c_str(), s.what.c_str(), s.median, s.min, s.max, s.runs, s.calls);
    }
    std::printf("}}\n");
    return 0;
  }
  std::printf("micrograd_bench (%s), ms per call: median [min-max] of runs\n", platform);
  for (const Stat& s : stats)
    std::printf("  %-22s %10.4f  [%.4f-%.4f]  %s\n", s.key.c_str(), s.median, s.min, s.max, s.what.c_str());
  std::printf("  %s\n", notes.c_str());
  return 0;
}
