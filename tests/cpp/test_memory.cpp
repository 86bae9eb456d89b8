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

TEST(Memory, EstimatesBoundWhatTheEngineAllocates) {
  struct Case { const char* hidden; int n, step; };
  int checked = 0;
  double lowest = 1, highest = 0;
  for (Case c : {Case{"8", 100, 13}, Case{"8", 997, 13}, Case{"8", 3000, 13}, Case{"32", 700, 13}, Case{"32,32", 613, 13},
                 Case{"4,4", 2500, 13}, Case{"64,64", 150, 13}, Case{"1024", 6, 3}, Case{"256,256", 6, 4}, Case{"3", 19948, 13}}) {
    for (int n = c.n, i = 0; i < 4; n += c.step, ++i) {
      mg::Session s;
      int64_t peak = peak_of([&] {
        ASSERT_EQ(s.configure(42, n, c.hidden, "tanh", "adamw", 0.1, 1e-4), "");
        s.step();
        s.step();
        s.loss(1);
        s.loss(0);
        s.accuracy(2);
        s.graph_json(0.5, -0.5, 1);
        s.graph_values(0.5, -0.5, 1);
        s.backward_steps(0.5, -0.5, 1);
        s.boundary(100, 100, -2, 2, -2, 2);
        s.parameters();
        s.optimizer_state();
        s.param_names();
        s.points(0);
      });
      EXPECT_TRUE(s.last_error().empty()) << s.last_error();
      int64_t held = s.held_bytes();
      EXPECT_LE(peak, held) << c.hidden << " on " << n << " points: allocated " << mg::bytes_text(peak) << ", estimated "
                            << mg::bytes_text(held);
      // (No lower bound for now: the batched replay (replay_batch) needs far less than the per-point replay these
      // estimates were made for; they stay upper bounds until they are remade from its own byte count.)
      double ratio = static_cast<double>(peak) / static_cast<double>(held);
      lowest = std::min(lowest, ratio), highest = std::max(highest, ratio);
      if (i == 0)
        std::printf("memory: 2-%s-3 on %d points: peak %s, estimate %s (%.0f%%)\n", c.hidden, n, mg::bytes_text(peak).c_str(),
                    mg::bytes_text(held).c_str(), 100 * ratio);
      ++checked;
    }
  }
  EXPECT_EQ(checked, 40);
  std::printf("memory: peaks are %.0f%% to %.0f%% of the estimates\n", 100 * lowest, 100 * highest);
}
