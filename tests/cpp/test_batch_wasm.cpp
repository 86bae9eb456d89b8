// batch_check: the batched replay against the per-point replay and the graph, bit for bit, as a plain program, so
// that it runs where GoogleTest does not: compiled to WebAssembly (tests/js/batch.test.js runs it under Node, where
// the C library is musl's) and natively (ctest). Prints one line per mismatch and a summary; exit code 1 if any.
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "inspect.h"
#include "trainer.h"

namespace {
int g_checks = 0, g_mismatches = 0;

// The same bits, any NaN equal to any NaN (see tests/cpp/test_batch.cpp).
void same(double a, double b, const std::string& what) {
  ++g_checks;
  if (std::memcmp(&a, &b, sizeof a) == 0 || (std::isnan(a) && std::isnan(b))) return;
  if (++g_mismatches <= 20) std::printf("MISMATCH %s: %.17g vs %.17g\n", what.c_str(), a, b);
}

void check(const mg::Config& c, const std::string& name) {
  mg::Trainer batch(c), replay(c), graph(c);
  replay.set_path(mg::StepPath::Replay);
  graph.set_path(mg::StepPath::Graph);
  if (!batch.batched()) {
    ++g_mismatches;
    std::printf("MISMATCH %s: not batched\n", name.c_str());
  }
  for (int s = 0; s < 8; ++s) {
    std::string at = name + " step " + std::to_string(s);
    double a = batch.step();
    same(a, replay.step(), at + " loss (replay)");
    same(a, graph.step(), at + " loss (graph)");
    if (s == 3) {  // an edit between steps: a point moves, one more point
      for (mg::Trainer* t : {&batch, &replay, &graph}) {
        t->data().train[1].x = 0.375;
        t->data().train.push_back({-0.25, 1.5, 2});
        t->data_changed();
      }
    }
  }
  for (size_t i = 0; i < batch.params().size(); ++i) {
    int p = static_cast<int>(i);
    same(batch.param(p), replay.param(p), name + " param " + std::to_string(i));
    same(batch.param(p), graph.param(p), name + " param " + std::to_string(i));
  }
  for (const std::vector<mg::Point>* split : {&batch.data().train, &batch.data().val}) {
    same(batch.loss(*split), graph.loss(*split), name + " loss of a split");
    same(batch.accuracy(*split), graph.accuracy(*split), name + " accuracy of a split");
  }
  std::vector<double> gb = mg::point_grads(batch), gg = mg::point_grads(graph);
  same(static_cast<double>(gb.size()), static_cast<double>(gg.size()), name + " point grads size");
  for (size_t i = 0; i < gb.size() && i < gg.size(); ++i) same(gb[i], gg[i], name + " point grad " + std::to_string(i));
}
}  // namespace

int main() {
  struct Case {
    std::vector<int> hidden;
    mg::Act act;
    mg::OptKind opt;
    uint64_t seed;
    int n;
  };
  const Case cases[] = {
      {{8}, mg::Act::Tanh, mg::OptKind::AdamW, 42, 100},   {{8}, mg::Act::Relu, mg::OptKind::SGD, 42, 100},
      {{16, 8, 4}, mg::Act::Tanh, mg::OptKind::AdamW, 99, 200}, {{5, 3}, mg::Act::Relu, mg::OptKind::AdamW, 7, 31},
      {{32, 32}, mg::Act::Tanh, mg::OptKind::SGD, 3, 400},
  };
  for (const Case& k : cases) {
    mg::Config c;
    c.hidden = k.hidden;
    c.act = k.act;
    c.optimizer = k.opt;
    c.seed = k.seed;
    c.n = k.n;
    std::string name = "hidden " + std::to_string(k.hidden.size()) + "x" + std::to_string(k.hidden[0]) +
                       (k.act == mg::Act::Tanh ? " tanh" : " relu") + (k.opt == mg::OptKind::AdamW ? " adamw" : " sgd");
    check(c, name);
  }
  // relu keeps -0.0 as Python does (0 if x < 0 else x)
  mg::Tape t;
  mg::Value z = t.leaf(-0.0).relu();
  ++g_checks;
  if (!std::signbit(z.data())) ++g_mismatches, std::printf("MISMATCH relu(-0.0) is +0.0\n");
  std::printf("batch_check: %d checks, %d mismatches\n", g_checks, g_mismatches);
  return g_mismatches ? 1 : 0;
}
