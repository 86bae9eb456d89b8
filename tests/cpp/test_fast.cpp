// The fast paths against the exact ones: the replayed tape bit for bit, the float32 boundary within 1e-4.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

#include "fast_boundary.h"
#include "replay.h"
#include "session.h"
#include "trainer.h"

namespace {
mg::Config config(const std::vector<int>& hidden, mg::Act act, mg::OptKind opt, uint64_t seed = 42, int n = 100) {
  mg::Config c;
  c.hidden = hidden;
  c.act = act;
  c.optimizer = opt;
  c.seed = seed;
  c.n = n;
  if (opt == mg::OptKind::SGD) c.lr = 0.05;
  return c;
}

// Same bits, not just the same value (so -0.0 and 0.0 differ, and NaN equals itself).
bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

void expect_same_params(const mg::Trainer& a, const mg::Trainer& b, const std::string& what) {
  ASSERT_EQ(a.params().size(), b.params().size());
  int differ = 0;
  for (size_t i = 0; i < a.params().size(); ++i) differ += !same_bits(a.param(i), b.param(i));
  EXPECT_EQ(differ, 0) << what << ": parameters differ";
}
}  // namespace

TEST(Replay, StepsAreBitIdenticalToRebuildingTheGraph) {
  const mg::Config cases[] = {
      config({8}, mg::Act::Tanh, mg::OptKind::AdamW),
      config({8, 8}, mg::Act::Relu, mg::OptKind::SGD),
      config({16, 8, 4}, mg::Act::Tanh, mg::OptKind::AdamW, 99, 200),
      config({3}, mg::Act::Relu, mg::OptKind::AdamW, 7, 30),
  };
  for (const mg::Config& cfg : cases) {
    mg::Trainer fast(cfg), slow(cfg);
    slow.set_path(mg::StepPath::Graph);
    std::string what = std::to_string(cfg.hidden.size()) + " hidden layers, first " + std::to_string(cfg.hidden[0]);
    for (int s = 0; s < 25; ++s) EXPECT_TRUE(same_bits(fast.step(), slow.step())) << what << " step " << s;
    expect_same_params(fast, slow, what);
    for (size_t i = 0; i < fast.params().size(); ++i) {
      EXPECT_TRUE(same_bits(fast.opt_m(i), slow.opt_m(i))) << what;
      EXPECT_TRUE(same_bits(fast.opt_v(i), slow.opt_v(i))) << what;
    }
  }
}

TEST(Replay, EveryOpReplaysAsTheTapeRanIt) {
  mg::Tape t;
  mg::Value a = t.leaf(0.7), b = t.leaf(-1.3), c = t.leaf(2.1);  // the "parameters": the first 3 nodes
  auto build = [&] {
    mg::Value sq = a * a;  // the same operand twice: both += land on one grad
    mg::Value u = (sq + b.relu() + c.relu()).log() + (b * c).tanh() + (a - c).exp() / (b.pow(2) + 1.0);
    return u * u.pow(0.5) * -1.0;
  };
  mg::Value root = build();
  root.backward();
  double want_loss = root.data(), want[3] = {a.grad(), b.grad(), c.grad()};
  mg::Replay r;
  r.record(t, root.id, 3, {});
  for (int i = 0; i < 3; ++i) t[i].grad = 0;
  EXPECT_TRUE(same_bits(r.run(t), want_loss));
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(same_bits(t[i].grad, want[i])) << "parameter " << i;
  a.data() = 0.9;  // new parameter values: the recording against a freshly built graph
  t.truncate(3);
  for (int i = 0; i < 3; ++i) t[i].grad = 0;
  mg::Value again = build();
  again.backward();
  double want2[3] = {a.grad(), b.grad(), c.grad()};
  for (int i = 0; i < 3; ++i) t[i].grad = 0;
  EXPECT_TRUE(std::isfinite(again.data()));
  EXPECT_TRUE(same_bits(r.run(t), again.data()));
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(same_bits(t[i].grad, want2[i])) << "parameter " << i;
}

TEST(Replay, PointEditsThroughTheSessionAreReplayedCorrectly) {
  mg::Session s;
  ASSERT_EQ(s.configure(42, 100, "8", "tanh", "adamw", 0.1, 1e-4), "");
  mg::Trainer slow{mg::Config{}};
  slow.set_path(mg::StepPath::Graph);
  auto both = [&](const char* what) { EXPECT_TRUE(same_bits(s.step(), slow.step())) << what; };
  both("first");
  both("second");
  ASSERT_TRUE(s.add_point(0.5, -0.5, 2, 0));
  slow.data().train.push_back({0.5, -0.5, 2});
  both("after add");
  ASSERT_TRUE(s.move_point(0, 3, 1.25, -0.75));
  slow.data().train[3].x = 1.25;
  slow.data().train[3].y = -0.75;
  both("after move");
  ASSERT_TRUE(s.set_label(0, 5, (slow.data().train[5].label + 1) % 3));
  slow.data().train[5].label = (slow.data().train[5].label + 1) % 3;
  both("after relabel");
  ASSERT_TRUE(s.remove_point(0, 0));
  slow.data().train.erase(slow.data().train.begin());
  both("after remove");
  s.reset();
  slow.reset();
  both("after reset");
  s.clear_points();
  EXPECT_TRUE(std::isnan(s.step()));
  ASSERT_TRUE(s.add_point(0.1, 0.2, 1, 0));
  slow.data() = mg::Splits{};
  slow.data().train.push_back({0.1, 0.2, 1});
  both("after clear and add");
  expect_same_params(*s.trainer(), slow, "session");
}

TEST(Replay, ChangesThroughDataAloneAreNoticedToo) {
  mg::Trainer fast{mg::Config{}}, slow{mg::Config{}};
  slow.set_path(mg::StepPath::Graph);
  fast.step();
  slow.step();
  for (mg::Trainer* t : {&fast, &slow}) t->data().train[0].x += 0.25;  // no data_changed()
  EXPECT_TRUE(same_bits(fast.step(), slow.step()));
  for (mg::Trainer* t : {&fast, &slow}) t->data().train[1].label = (t->data().train[1].label + 1) % 3;
  EXPECT_TRUE(same_bits(fast.step(), slow.step()));
  expect_same_params(fast, slow, "data()");
}

TEST(FastBoundary, MatchesPredictWithin1e4) {
  struct Shape { std::vector<int> hidden; mg::Act act; double scale; };
  const Shape shapes[] = {
      {{8}, mg::Act::Tanh, 1},      {{8}, mg::Act::Relu, 1},    {{16, 8}, mg::Act::Tanh, 1},
      {{32, 32}, mg::Act::Relu, 1}, {{4, 4, 4}, mg::Act::Tanh, 1}, {{1}, mg::Act::Tanh, 1},
      {{8}, mg::Act::Tanh, 6},      {{12, 5}, mg::Act::Relu, 3},  // large weights: saturated tanh, big logits
  };
  for (const Shape& sh : shapes) {
    mg::Trainer t(config(sh.hidden, sh.act, mg::OptKind::AdamW, 5, 60));
    for (int s = 0; s < 30; ++s) t.step();
    for (int32_t p : t.params()) t.tape()[p].data *= sh.scale;
    mg::FastBoundary fast;
    fast.load(t.model(), t.tape());
    const int W = 37, H = 23;
    const double x0 = -3, x1 = 3.5, y0 = -2.5, y1 = 2.25;
    std::vector<float> grid(W * H * 3);
    fast.grid(W, H, x0, x1, y0, y1, grid.data());
    double worst = 0;
    for (int r = 0; r < H; ++r)
      for (int c = 0; c < W; ++c) {
        double x = x0 + (c + 0.5) * (x1 - x0) / W, y = y1 - (r + 0.5) * (y1 - y0) / H, p[3];
        t.predict(x, y, p);
        float q[3];
        fast.point(x, y, q);
        for (int k = 0; k < 3; ++k) {
          worst = std::max(worst, std::fabs(grid[(r * W + c) * 3 + k] - p[k]));
          EXPECT_EQ(q[k], grid[(r * W + c) * 3 + k]);  // one point alone: the same arithmetic
        }
      }
    std::printf("hidden %zu layers (first %d), %s, weights x%g: max |p - predict| %.2e\n", sh.hidden.size(),
                sh.hidden[0], sh.act == mg::Act::Tanh ? "tanh" : "relu", sh.scale, worst);
    EXPECT_LT(worst, 1e-4);
  }
}
