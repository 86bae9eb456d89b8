// The dataset generators: balanced classes, determinism per seed, sensible extent, noise, splits.
#include <gtest/gtest.h>

#include <cmath>

#include "data.h"
#include "session.h"
#include "settings_parse.h"

namespace {
std::vector<mg::Point> all_points(const mg::Splits& s) {
  std::vector<mg::Point> v = s.train;
  v.insert(v.end(), s.val.begin(), s.val.end());
  v.insert(v.end(), s.test.begin(), s.test.end());
  return v;
}
const mg::Dataset kAll[] = {mg::Dataset::YinYang, mg::Dataset::Circles, mg::Dataset::Xor, mg::Dataset::Spiral, mg::Dataset::Blobs};
}  // namespace

TEST(Datasets, BalancedClassesAndTheReferenceSplit) {
  for (mg::Dataset d : kAll) {
    mg::RNG rng(7);
    mg::Splits s = mg::gen_dataset(d, rng, 150, 0.1);
    EXPECT_EQ(s.train.size(), 120u);
    EXPECT_EQ(s.val.size(), 15u);
    EXPECT_EQ(s.test.size(), 15u);
    int count[3] = {0, 0, 0};
    for (const mg::Point& p : all_points(s)) {
      ASSERT_GE(p.label, 0);
      ASSERT_LE(p.label, 2);
      ++count[p.label];
      EXPECT_TRUE(std::isfinite(p.x) && std::isfinite(p.y));
      EXPECT_LT(std::fabs(p.x), 3.5);
      EXPECT_LT(std::fabs(p.y), 3.5);
    }
    EXPECT_EQ(count[0], 50);
    EXPECT_EQ(count[1], 50);
    EXPECT_EQ(count[2], 50);
  }
}

TEST(Datasets, DeterministicPerSeedAndDifferentAcrossSeeds) {
  for (mg::Dataset d : kAll) {
    mg::RNG a(11), b(11), c(12);
    auto pa = all_points(mg::gen_dataset(d, a, 60, 0.05));
    auto pb = all_points(mg::gen_dataset(d, b, 60, 0.05));
    auto pc = all_points(mg::gen_dataset(d, c, 60, 0.05));
    int same = 0, differ = 0;
    for (size_t i = 0; i < pa.size(); ++i) {
      same += pa[i].x == pb[i].x && pa[i].y == pb[i].y;
      differ += pa[i].x != pc[i].x || pa[i].y != pc[i].y;
    }
    EXPECT_EQ(same, 60);
    EXPECT_GT(differ, 50);
  }
}

TEST(Datasets, YinYangWithoutNoiseIsTheReferenceData) {
  mg::RNG a(42), b(42);
  auto pa = all_points(mg::gen_dataset(mg::Dataset::YinYang, a, 100, 0.0));
  auto pb = all_points(mg::gen_yinyang(b, 100));
  ASSERT_EQ(pa.size(), pb.size());
  for (size_t i = 0; i < pa.size(); ++i) EXPECT_TRUE(pa[i].x == pb[i].x && pa[i].y == pb[i].y);
  EXPECT_EQ(a.state(), b.state());  // and no extra draws, so the network's weights match too
}

TEST(Datasets, NoiseMovesPoints) {
  mg::RNG a(3), b(3);
  auto clean = all_points(mg::gen_dataset(mg::Dataset::Blobs, a, 30, 0.0));
  auto noisy = all_points(mg::gen_dataset(mg::Dataset::Blobs, b, 30, 0.5));
  double moved = 0;
  for (size_t i = 0; i < clean.size(); ++i) moved += std::fabs(clean[i].x - noisy[i].x);
  EXPECT_GT(moved, 1.0);
}

TEST(Datasets, ParseNamesAndSessionRefusesUnknown) {
  mg::Dataset d;
  std::string error;
  EXPECT_TRUE(mg::parse_dataset("spiral", "dataset", d, error));
  EXPECT_EQ(d, mg::Dataset::Spiral);
  EXPECT_FALSE(mg::parse_dataset("moons", "dataset", d, error));
  EXPECT_EQ(error, "dataset: expected 'yinyang', 'circles', 'xor', 'spiral' or 'blobs', got 'moons'");
  mg::Session s;
  EXPECT_EQ(s.configure(42, 100, "8", "tanh", "adamw", 0.1, 0, "moons", 0).rfind("dataset:", 0), 0u);
  EXPECT_EQ(s.configure(42, 100, "8", "tanh", "adamw", 0.1, 0, "xor", 2).rfind("noise:", 0), 0u);
  EXPECT_EQ(s.configure(42, 100, "8", "tanh", "adamw", 0.1, 0, "xor", 0.1), "");
}
