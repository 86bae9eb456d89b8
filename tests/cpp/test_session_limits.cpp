// The Session within its budget and on a diverged network: configurations, point edits and evaluations that
// would take the trainers past the memory budget are refused up front with a message naming the setting and
// the limit; trainers share the budget; a step whose loss is not finite says so and accuracy/boundary agree.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "memory_budget.h"
#include "session.h"

namespace {
struct Budget {  // sets the process-wide budget for one test and puts it back
  int64_t old = mg::MemoryBudget::limit();
  explicit Budget(int64_t bytes) { mg::MemoryBudget::set_limit(bytes); }
  ~Budget() { mg::MemoryBudget::set_limit(old); }
};
bool starts(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }
}  // namespace

TEST(SessionLimits, AConfigurationOverTheBudgetIsRefusedAndTheOldOneKept) {
  Budget b(64 << 20);
  mg::Session s;
  ASSERT_EQ(s.configure(42, 100, "8", "tanh", "adamw", 0.1, 0), "");
  s.steps(3);
  std::string e = s.configure(42, 2000, "256,256", "tanh", "adamw", 0.1, 0);  // about 88 MB
  EXPECT_TRUE(starts(e, "hidden: training 2-256-256-3 on 1600 points needs about ")) << e;
  EXPECT_NE(e.find("more than the 67 MB budget allows"), std::string::npos) << e;
  EXPECT_EQ(s.step_count(), 3);
  EXPECT_EQ(s.num_points(0), 80);
  EXPECT_LE(mg::MemoryBudget::in_use(), mg::MemoryBudget::limit());
}

TEST(SessionLimits, TrainersShareTheBudget) {
  Budget b(96 << 20);
  mg::Session a, c;
  ASSERT_EQ(a.configure(42, 6, "200,200", "tanh", "adamw", 0.1, 0), "");  // about 55% of the budget
  EXPECT_EQ(mg::MemoryBudget::in_use(), a.held_bytes());
  std::string e = c.configure(42, 6, "200,200", "tanh", "adamw", 0.1, 0);
  EXPECT_NE(e.find("held by other trainers"), std::string::npos) << e;
  EXPECT_EQ(c.trainer(), nullptr);
  a = mg::Session();  // the first trainer goes: its share is free again
  EXPECT_EQ(mg::MemoryBudget::in_use(), 0);
  EXPECT_EQ(c.configure(42, 6, "200,200", "tanh", "adamw", 0.1, 0), "");
}

TEST(SessionLimits, EvaluationsRunInChunksAndTrainingPointsThatWouldCrossTheBudgetAreRefused) {
  mg::Session s;
  ASSERT_EQ(s.configure(42, 40, "64,64", "tanh", "adamw", 0.1, 0), "");  // 13,399 nodes a point
  s.step();
  for (int i = 0; i < 200; ++i) ASSERT_TRUE(s.add_point(0.01 * i, 0.5, i % 3, 1)) << s.last_error();
  EXPECT_FALSE(std::isnan(s.loss(1))) << s.last_error();
  int64_t held = s.held_bytes();
  for (int i = 0; i < 300; ++i) ASSERT_TRUE(s.add_point(0.01 * i, -0.5, i % 3, 1)) << s.last_error();
  EXPECT_FALSE(std::isnan(s.loss(1))) << s.last_error();
  EXPECT_LE(s.held_bytes() - held, 300 * 200);  // 504 points evaluate in chunks: more memory for the points alone
  for (int i = 0; i < 100; ++i) ASSERT_TRUE(s.add_point(0.01 * i, 1, i % 3, 1)) << s.last_error();
  EXPECT_TRUE(std::isnan(s.loss(1)));  // 604 x 13,399 nodes: more than a call's work
  EXPECT_TRUE(starts(s.last_error(), "split: evaluating 604 points is too much work for one call")) << s.last_error();
  EXPECT_FALSE(std::isnan(s.loss(2)));  // the small test split still goes

  Budget b(s.held_bytes() + 2000);  // a budget just above what it holds: a few more training points at most
  int before = s.num_points(0);
  bool added = true;
  int i = 0;
  for (; i < 40 && added; ++i) added = s.add_point(0.1 * i, 0, i % 3, 0);
  EXPECT_FALSE(added);
  EXPECT_TRUE(starts(s.last_error(), "points: training on ")) << s.last_error();
  EXPECT_EQ(s.num_points(0), before + i - 1);  // the refused one was not added
  EXPECT_FALSE(std::isnan(s.step())) << s.last_error();  // and what was added trains
  EXPECT_LE(mg::MemoryBudget::in_use(), mg::MemoryBudget::limit());
}

TEST(SessionLimits, ADivergedNetworkSaysSoAndGivesNoPlausibleNumbers) {
  mg::Session s;
  ASSERT_EQ(s.configure(42, 100, "8", "tanh", "adamw", 100, 0), "");
  double loss = s.steps(100);
  EXPECT_TRUE(s.diverged());
  EXPECT_FALSE(std::isfinite(loss));
  EXPECT_LT(s.last_steps(), 100);  // steps(k) stops at the first loss that is not finite
  EXPECT_EQ(s.step_count(), s.last_steps());
  EXPECT_TRUE(std::isnan(s.accuracy(0)));
  const double* p = reinterpret_cast<const double*>(s.forward(0.5, 0.5));
  EXPECT_TRUE(std::isnan(p[0]));
  const float* g = reinterpret_cast<const float*>(s.boundary(4, 4, -2, 2, -2, 2));
  for (int i = 0; i < 48; ++i) EXPECT_TRUE(std::isnan(g[i])) << i;
  s.reset();
  EXPECT_FALSE(s.diverged());
  EXPECT_FALSE(std::isnan(s.accuracy(0)));
  s.set_lr(0.1);
  EXPECT_TRUE(std::isfinite(s.step()));
  EXPECT_FALSE(s.diverged());
}

TEST(SessionLimits, TheBudgetItselfIsValidated) {
  int64_t old = mg::MemoryBudget::limit();
  EXPECT_TRUE(starts(mg::Session::set_memory_budget(1000), "memoryBudget: expected an integer from 16000000 to "));
  EXPECT_TRUE(starts(mg::Session::set_memory_budget(std::nan("")), "memoryBudget:"));
  EXPECT_EQ(mg::MemoryBudget::limit(), old);
  EXPECT_EQ(mg::Session::set_memory_budget(512e6), "");
  EXPECT_EQ(mg::Session::memory_budget(), 512e6);
  mg::MemoryBudget::set_limit(old);
}
