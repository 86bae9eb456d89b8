// The Session's numbers for the page's teaching panels: the optimizer's state as its last step computed it (AdamW's
// bias-corrected moments, SGD's velocity, the change applied to each parameter) and datasets without a network.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "session.h"

namespace {
const double* dptr(uintptr_t p) { return reinterpret_cast<const double*>(p); }
constexpr int kRows = mg::Session::kOptimizerRows;
enum Row { kGrad, kM, kV, kMHat, kVHat, kDelta };
bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

struct Snapshot {
  std::vector<double> params, state;
};
Snapshot snapshot(mg::Session& s) {
  int P = s.num_parameters();
  const double* p = dptr(s.parameters());
  Snapshot out{std::vector<double>(p, p + P), {}};
  const double* st = dptr(s.optimizer_state());
  out.state.assign(st, st + kRows * P + 4);
  return out;
}
}  // namespace

TEST(OptimizerState, AdamWRowsAreWhatItsStepComputed) {
  mg::Session s;
  ASSERT_EQ(s.configure(42, 100, "8", "tanh", "adamw", 0.1, 1e-4), "");
  int P = s.num_parameters();
  Snapshot before = snapshot(s);
  for (int r = 0; r < kRows; ++r)
    for (int i = 0; i < P; ++i) EXPECT_EQ(before.state[r * P + i], 0.0) << "row " << r;  // nothing before a step
  const double* c = before.state.data() + kRows * P;
  EXPECT_EQ(c[0], 0.9);
  EXPECT_EQ(c[1], 0.95);
  EXPECT_EQ(c[2], 1e-8);
  EXPECT_EQ(c[3], 0.9);
  for (int t = 1; t <= 5; ++t) {
    s.step();
    Snapshot after = snapshot(s);
    const double* st = after.state.data();
    for (int i = 0; i < P; ++i) {
      double g = st[kGrad * P + i], m = st[kM * P + i], v = st[kV * P + i];
      // the moments from the previous ones, as AdamW computes them
      ASSERT_TRUE(same_bits(m, 0.9 * before.state[kM * P + i] + (1 - 0.9) * g));
      ASSERT_TRUE(same_bits(v, 0.95 * before.state[kV * P + i] + (1 - 0.95) * std::pow(g, 2)));
      double m_hat = m / (1 - std::pow(0.9, t)), v_hat = v / (1 - std::pow(0.95, t));
      ASSERT_TRUE(same_bits(st[kMHat * P + i], m_hat)) << "t " << t << " i " << i;
      ASSERT_TRUE(same_bits(st[kVHat * P + i], v_hat));
      double d = 0.1 * (m_hat / (std::pow(v_hat, 0.5) + 1e-8) + 1e-4 * before.params[i]);
      ASSERT_TRUE(same_bits(st[kDelta * P + i], -d));
      // the change applied: the parameter before plus delta is exactly the parameter after
      ASSERT_TRUE(same_bits(before.params[i] + st[kDelta * P + i], after.params[i]));
    }
    before = after;
  }
  s.set_lr(0.5);  // a new rate changes nothing the last step computed
  Snapshot later = snapshot(s);
  EXPECT_EQ(later.state, before.state);
  s.reset();
  Snapshot fresh = snapshot(s);
  for (int i = 0; i < kRows * P; ++i) EXPECT_EQ(fresh.state[i], 0.0);
}

TEST(OptimizerState, SGDVelocityAndDelta) {
  mg::Session s;
  ASSERT_EQ(s.configure(42, 100, "8", "tanh", "sgd", 0.05, 1e-3), "");
  int P = s.num_parameters();
  Snapshot before = snapshot(s);
  for (int t = 1; t <= 4; ++t) {
    s.step();
    Snapshot after = snapshot(s);
    const double* st = after.state.data();
    for (int i = 0; i < P; ++i) {
      double g = st[kGrad * P + i], vel = st[kM * P + i];
      ASSERT_TRUE(same_bits(vel, 0.9 * before.state[kM * P + i] + (g + 1e-3 * before.params[i])));
      ASSERT_TRUE(same_bits(st[kDelta * P + i], -(0.05 * vel)));
      ASSERT_TRUE(same_bits(before.params[i] + st[kDelta * P + i], after.params[i]));
      EXPECT_EQ(st[kV * P + i], 0.0);
      EXPECT_EQ(st[kMHat * P + i], 0.0);
      EXPECT_EQ(st[kVHat * P + i], 0.0);
    }
    before = after;
  }
}

TEST(DatasetApi, TheTrainersPointsWithoutANetwork) {
  for (const char* name : {"yinyang", "circles", "xor", "spiral", "blobs"}) {
    for (double noise : {0.0, 0.2}) {
      mg::Session t;
      ASSERT_EQ(t.configure(7, 60, "4", "tanh", "adamw", 0.1, 0, name, noise), "");
      mg::Session d;  // never configured
      const double* a = dptr(d.dataset(name, 60, noise, 7));
      ASSERT_NE(a, nullptr) << d.last_error();
      EXPECT_EQ(d.count(), 60);
      size_t k = 3;
      for (int split = 0; split < 3; ++split) {
        ASSERT_EQ(a[split], t.num_points(split)) << name;
        const double* pts = dptr(t.points(split));
        for (int i = 0; i < 3 * t.num_points(split); ++i, ++k) ASSERT_TRUE(same_bits(a[k], pts[i])) << name << " " << noise;
      }
    }
  }
}

TEST(DatasetApi, BadSettingsNameTheField) {
  mg::Session d;
  struct Bad { const char* name; double n, noise, seed; const char* field; };
  for (const Bad& b : {Bad{"moons", 100, 0, 42, "dataset:"}, Bad{"xor", 5, 0, 42, "n:"}, Bad{"xor", 100.5, 0, 42, "n:"},
                       Bad{"xor", 100, -1, 42, "noise:"}, Bad{"xor", 100, NAN, 42, "noise:"}, Bad{"xor", 100, 0, -3, "seed:"}}) {
    EXPECT_EQ(d.dataset(b.name, b.n, b.noise, b.seed), 0u);
    EXPECT_EQ(d.last_error().rfind(b.field, 0), 0u) << d.last_error();
  }
  EXPECT_NE(d.dataset("xor", 100, 0, 42), 0u);
  EXPECT_EQ(d.last_error(), "");
}
