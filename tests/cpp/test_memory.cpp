// The memory estimates bound what the engine really allocates (a counting operator new in this test binary),
// and the budget refuses what does not fit, naming the setting and the limit, leaving the state as it was.
#include <gtest/gtest.h>

#include <malloc.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <string>

#include "engine_limits.h"
#include "memory_budget.h"
#include "session.h"
#include "settings_parse.h"

namespace {
size_t g_now = 0, g_peak = 0;
}  // namespace

// Every allocation of this test binary is counted (usable size, as the allocator really hands it out).
void* operator new(size_t n) {
  void* p = std::malloc(n ? n : 1);
  if (!p) throw std::bad_alloc();
  g_now += malloc_usable_size(p);
  if (g_now > g_peak) g_peak = g_now;
  return p;
}
// (not inlined: GCC would otherwise see free() of a pointer from `new` and warn of a mismatch that is not one)
__attribute__((noinline)) void operator delete(void* p) noexcept {
  if (!p) return;
  g_now -= malloc_usable_size(p);
  std::free(p);
}
__attribute__((noinline)) void operator delete(void* p, size_t) noexcept { operator delete(p); }

namespace {
// Peak bytes allocated while `f` runs, above what was allocated before it.
template <class F>
int64_t peak_of(F f) {
  size_t before = g_now;
  g_peak = g_now;
  f();
  return static_cast<int64_t>(g_peak - before);
}
}  // namespace

// Every call of a session's life, from configure on: the peak of all of them is what the estimate must bound.
int64_t peak_of_a_session(mg::Session& s, int n, const char* hidden) {
  return peak_of([&] {
    ASSERT_EQ(s.configure(42, n, hidden, "tanh", "adamw", 0.1, 1e-4), "");
    s.step();
    s.step();
    s.loss(1);
    s.loss(0);
    s.accuracy(2);
    s.graph_json(0.5, -0.5, 1);
    s.graph_values(0.5, -0.5, 1);
    s.backward_steps(0.5, -0.5, 1);
    s.forward_order(0.5, -0.5, 1);
    s.boundary(100, 100, -2, 2, -2, 2);
    s.parameters();
    s.optimizer_state();
    s.param_names();
    s.points(0);
    s.point_stats(0);
    if (static_cast<int64_t>(s.num_points(0)) * s.num_parameters() <= 4000000) s.point_grads();
    s.add_point(0.25, 0.25, 2, 0);
    s.add_point(0.5, 0.5, 1, 1);
    s.step();
    s.loss(1);
  });
}

// An estimate is an upper bound of the real peak, and a tight one: the peak is at least a third of it.
void expect_tight(int64_t peak, int64_t held, const std::string& what) {
  EXPECT_LE(peak, held) << what << ": allocated " << mg::bytes_text(peak) << ", estimated " << mg::bytes_text(held);
  EXPECT_GE(3 * peak, held) << what << ": allocated " << mg::bytes_text(peak) << ", estimated " << mg::bytes_text(held)
                            << ": the estimate is too loose";
}

TEST(Memory, EstimatesBoundWhatTheEngineAllocatesTightly) {
  struct Case { const char* hidden; int n, step; };
  int checked = 0;
  double lowest = 1, highest = 0;
  for (Case c : {Case{"8", 100, 13}, Case{"8", 997, 13}, Case{"8", 3000, 13}, Case{"32", 700, 13}, Case{"32,32", 613, 13},
                 Case{"4,4", 2500, 13}, Case{"64,64", 150, 13}, Case{"1024", 6, 3}, Case{"256,256", 6, 4}, Case{"3", 19948, 13},
                 Case{"16,16,16,16,16,16,16,16", 300, 7}, Case{"1", 6, 1}}) {
    for (int n = c.n, i = 0; i < 3; n += c.step, ++i) {
      mg::Session s;
      int64_t peak = peak_of_a_session(s, n, c.hidden);
      EXPECT_TRUE(s.last_error().empty()) << s.last_error();
      expect_tight(peak, s.held_bytes(), std::string(c.hidden) + " on " + std::to_string(n) + " points");
      double ratio = static_cast<double>(peak) / static_cast<double>(s.held_bytes());
      lowest = std::min(lowest, ratio), highest = std::max(highest, ratio);
      ++checked;
    }
  }
  EXPECT_EQ(checked, 36);
  std::printf("memory: peaks are %.0f%% to %.0f%% of the estimates\n", 100 * lowest, 100 * highest);
}

// The shapes README's limits table shows, the largest the default budget allows among them; the estimate a
// configuration is admitted with (what the step will hold) already bounds the whole session's peak.
TEST(Memory, TheDocumentedShapes) {
  ASSERT_EQ(mg::MemoryBudget::limit(), mg::kMemoryBudget);
  struct Case { const char* hidden; int n; const char* what; };
  for (Case c : {Case{"1", 6, "the smallest"}, Case{"8", 100, "the default"}, Case{"32,32", 1000, "a middle size"},
                 Case{"32,32,32,32", 2000, "the page's largest"}, Case{"8", 20000, "the most points"},
                 Case{"1024,1024", 6, "the largest network of two layers the budget allows"}}) {
    mg::Session s;
    int64_t peak = peak_of_a_session(s, c.n, c.hidden);
    std::vector<int> hidden;
    std::string error;
    ASSERT_TRUE(mg::parse_hidden(c.hidden, "hidden", hidden, error));
    int64_t admitted = mg::training_footprint(hidden, c.n, static_cast<int64_t>(0.8 * c.n)).bytes();  // configure's
    std::string what = std::string("2-") + c.hidden + "-3 on " + std::to_string(c.n) + " points";
    expect_tight(peak, s.held_bytes(), what);
    std::printf("memory: %s (%s): estimate %s when made, %s after every call; peak %s (%.0f%%)\n", what.c_str(), c.what,
                mg::bytes_text(admitted).c_str(), mg::bytes_text(s.held_bytes()).c_str(), mg::bytes_text(peak).c_str(),
                100.0 * static_cast<double>(peak) / static_cast<double>(s.held_bytes()));
  }
  mg::Session s;  // a third layer of 1024 does not fit
  EXPECT_NE(s.configure(42, 6, "1024,1024,1024", "tanh", "adamw", 0.1, 1e-4).find("more than the 1.6 GB budget allows"),
            std::string::npos);
}

// nodes_per_point() bounds the nodes one point's graph puts on the tape, for training and for the traced graph.
TEST(Memory, NodesPerPointBoundsOnePointsGraph) {
  for (const char* hidden : {"1", "8", "32,32", "4,4,4,4,4,4,4,4", "200"}) {
    mg::Config cfg;
    std::string error;
    ASSERT_TRUE(mg::parse_hidden(hidden, "hidden", cfg.hidden, error));
    cfg.n = 6;
    mg::Trainer t(cfg);
    int32_t params = t.num_param_nodes();
    t.traced_loss(0.5, -0.5, 1, nullptr);
    int64_t traced = t.tape().size() - params;
    t.release_trace();
    double x[2] = {0.5, -0.5};
    mg::cross_entropy(t.model()(t.tape(), x), 1);
    int64_t loss = t.tape().size() - params + 1;  // and its term of the batch's sum
    t.release_trace();
    int64_t bound = mg::nodes_per_point(cfg.hidden);
    EXPECT_LE(std::max(traced, loss), bound) << hidden;
    EXPECT_GE(3 * std::max(traced, loss), 2 * bound) << hidden;  // 3 nodes a weight counted, 2 or 3 built
  }
}
