// The JS-facing Session: bad input answers with a message naming the field and leaves the state intact.
#include <gtest/gtest.h>

#include <cmath>

#include "session.h"

namespace {
mg::Session configured() {
  mg::Session s;
  EXPECT_EQ(s.configure(42, 100, "8", "tanh", "adamw", 0.1, 1e-4), "");
  return s;
}
const double* dptr(uintptr_t p) { return reinterpret_cast<const double*>(p); }
}  // namespace

TEST(Session, StepsMatchTheTrainer) {
  mg::Session s = configured();
  mg::Trainer t{mg::Config{}};
  EXPECT_EQ(s.step(), t.step());
  EXPECT_EQ(s.steps(3), (t.step(), t.step(), t.step()));
  EXPECT_EQ(s.step_count(), 4);
  EXPECT_EQ(s.loss(1), t.loss(t.data().val));
}

TEST(Session, BadConfigurationNamesTheFieldAndKeepsTheOldOne) {
  mg::Session s = configured();
  s.steps(2);
  double before = s.loss(0);
  struct Bad { double seed, n; const char* hidden; const char* act; const char* opt; double lr, wd; const char* field; };
  const double nan = std::nan("");
  Bad bad[] = {
      {0, 100, "8", "tanh", "adamw", 0.1, 0, "seed"},   {1.5, 100, "8", "tanh", "adamw", 0.1, 0, "seed"},
      {42, -5, "8", "tanh", "adamw", 0.1, 0, "n"},      {42, 2, "8", "tanh", "adamw", 0.1, 0, "n"},
      {42, 100, "0", "tanh", "adamw", 0.1, 0, "hidden"}, {42, 100, "", "tanh", "adamw", 0.1, 0, "hidden"},
      {42, 100, "8,x", "tanh", "adamw", 0.1, 0, "hidden"}, {42, 100, "1,1,1,1,1,1,1,1,1", "tanh", "adamw", 0.1, 0, "hidden"},
      {42, 20000, "1024,1024,1024", "tanh", "adamw", 0.1, 0, "hidden"},
      {42, 100, "8", "sigmoid", "adamw", 0.1, 0, "activation"}, {42, 100, "8", "tanh", "adam", 0.1, 0, "optimizer"},
      {42, 100, "8", "tanh", "adamw", nan, 0, "lr"},    {42, 100, "8", "tanh", "adamw", -1, 0, "lr"},
      {42, 100, "8", "tanh", "adamw", 0.1, INFINITY, "weightDecay"},
  };
  for (const Bad& b : bad) {
    std::string err = s.configure(b.seed, b.n, b.hidden, b.act, b.opt, b.lr, b.wd);
    EXPECT_EQ(err.rfind(b.field, 0), 0u) << b.field << " -> '" << err << "'";
    EXPECT_EQ(s.step_count(), 2) << b.field;
  }
  EXPECT_EQ(s.loss(0), before);
}

TEST(Session, BadCallsReportAndKeepState) {
  mg::Session s = configured();
  int n = s.num_points(0);
  EXPECT_FALSE(s.add_point(INFINITY, 0, 0, 0));
  EXPECT_EQ(s.last_error().rfind("x:", 0), 0u);
  EXPECT_FALSE(s.add_point(0, 0, 7, 0));
  EXPECT_EQ(s.last_error().rfind("label:", 0), 0u);
  EXPECT_FALSE(s.add_point(0, 0, 1, 3));
  EXPECT_FALSE(s.move_point(0, n, 0, 0));
  EXPECT_EQ(s.last_error().rfind("index:", 0), 0u);
  EXPECT_FALSE(s.remove_point(0, -1));
  EXPECT_EQ(s.num_points(0), n);
  EXPECT_EQ(s.boundary(-1, 10, -2, 2, -2, 2), 0u);
  EXPECT_EQ(s.last_error().rfind("boundary:", 0), 0u);
  EXPECT_EQ(s.boundary(100000, 100000, -2, 2, -2, 2), 0u);
  EXPECT_EQ(s.boundary(10, 10, 2, -2, -2, 2), 0u);
  EXPECT_TRUE(std::isnan(s.steps(-3)));
  EXPECT_EQ(s.last_error().rfind("steps:", 0), 0u);
  s.set_lr(std::nan(""));
  EXPECT_EQ(s.last_error().rfind("lr:", 0), 0u);
  EXPECT_EQ(s.lr(), 0.1);
  EXPECT_EQ(s.graph_json(0, 0, 5), "");
  EXPECT_EQ(s.step_count(), 0);
  EXPECT_FALSE(std::isnan(s.step()));
  EXPECT_EQ(s.last_error(), "");
}

TEST(Session, PointEditsChangeTrainingData) {
  mg::Session s = configured();
  int n = s.num_points(0);
  ASSERT_TRUE(s.add_point(0.5, -0.5, 2, 0));
  EXPECT_EQ(s.num_points(0), n + 1);
  const double* p = dptr(s.points(0));
  EXPECT_EQ(p[3 * n], 0.5);
  EXPECT_EQ(p[3 * n + 2], 2);
  ASSERT_TRUE(s.move_point(0, n, 1.0, 1.5));
  ASSERT_TRUE(s.set_label(0, n, 1));
  p = dptr(s.points(0));
  EXPECT_EQ(p[3 * n + 1], 1.5);
  EXPECT_EQ(p[3 * n + 2], 1);
  ASSERT_TRUE(s.remove_point(0, n));
  EXPECT_EQ(s.num_points(0), n);
  s.clear_points();
  EXPECT_EQ(s.num_points(0), 0);
  double before = dptr(s.parameters())[0];
  EXPECT_TRUE(std::isnan(s.step()));  // no training points: no step, network unchanged
  EXPECT_EQ(dptr(s.parameters())[0], before);
}

TEST(Session, BoundaryCellsAreSampledAtTheirCentres) {
  mg::Session s = configured();
  s.steps(5);
  const float* b = reinterpret_cast<const float*>(s.boundary(4, 2, -2, 2, -1, 1));
  ASSERT_NE(b, nullptr);
  std::vector<float> grid(b, b + 4 * 2 * 3);
  const double* p = dptr(s.forward(-2 + 2.5 * 4.0 / 4, 1 - 1.5 * 2.0 / 2));  // cell (r=1, c=2)
  // boundary() is a picture drawn by the float32 SIMD path (fast tanh/exp): within 1e-4, not digit for digit.
  for (int k = 0; k < 3; ++k) EXPECT_NEAR(grid[(1 * 4 + 2) * 3 + k], p[k], 1e-4);
}

TEST(Session, ResetRestoresTheInitialNetwork) {
  mg::Session s = configured();
  double first = s.step();
  s.steps(10);
  s.reset();
  EXPECT_EQ(s.step_count(), 0);
  EXPECT_EQ(s.step(), first);
}

TEST(Session, OptimizerStateAfterAStep) {
  mg::Session s = configured();
  s.step();
  int P = s.num_parameters();
  const double* st = dptr(s.optimizer_state());
  for (int i = 0; i < P; ++i) {
    EXPECT_EQ(st[P + i], (1 - 0.9) * st[i]);  // m after one step
  }
}

TEST(Session, WorkPerCallIsBoundedWithAMessage) {
  mg::Session big;
  ASSERT_EQ(big.configure(42, 6, "256,256", "tanh", "adamw", 0.1, 0, "yinyang", 0), "");  // 4 training points
  EXPECT_EQ(big.graph_json(0, 0, 0), "");
  EXPECT_EQ(big.last_error().rfind("graph: the traced graph would have about", 0), 0u) << big.last_error();
  EXPECT_EQ(big.graph_values(0, 0, 0), 0u);
  EXPECT_EQ(big.backward_steps(0, 0, 0), 0u);
  EXPECT_EQ(big.boundary(1024, 1024, -2, 2, -2, 2), 0u);
  EXPECT_NE(big.last_error().find("too much work"), std::string::npos) << big.last_error();
  EXPECT_NE(big.boundary(16, 16, -2, 2, -2, 2), 0u);  // a small grid is fine
  EXPECT_FALSE(std::isnan(big.steps(1000)));  // stops after about 100 ms, at least one step done
  EXPECT_EQ(big.last_error(), "");
  EXPECT_GE(big.last_steps(), 1);
  EXPECT_LT(big.last_steps(), 1000);
  EXPECT_EQ(big.step_count(), big.last_steps());
  mg::Session s = configured();
  EXPECT_FALSE(std::isnan(s.steps(100)));  // the default network: 100 steps take a few milliseconds
  EXPECT_EQ(s.last_steps(), 100);
  s.steps(100000);
  EXPECT_GE(s.last_steps(), 1);
  EXPECT_LT(s.last_steps(), 100000);  // 100,000 default steps take seconds: the call stopped early
  EXPECT_EQ(s.step_count(), 100 + s.last_steps());
}
