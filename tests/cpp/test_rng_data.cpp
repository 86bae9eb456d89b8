// The xorshift RNG's first outputs for seed 42 and the yin-yang dataset against the reference's dataset.json.
#include <gtest/gtest.h>

#include "golden.h"
#include "graph_io.h"
#include "rng.h"

TEST(RNG, FirstOutputsForSeed42) {
  // printed by the reference's utils.RNG(42)
  mg::RNG r(42);
  EXPECT_EQ(r.random_u32(), 1456360119u);
  EXPECT_EQ(r.random_u32(), 3359763283u);
  EXPECT_EQ(r.random_u32(), 3393612768u);
  EXPECT_EQ(r.random_u32(), 4054632243u);
  EXPECT_EQ(r.random_u32(), 3283045847u);
  mg::RNG f(42);
  EXPECT_EQ(f.random(), 0.3390852212905884);
  EXPECT_EQ(f.random(), 0.7822558283805847);
  EXPECT_EQ(mg::RNG(42).uniform(-1, 1), -0.32182955741882324);
}

TEST(Data, YinYangEqualsReferenceDatasetJson) {
  for (const golden::Case& c : golden::cases()) {
    if (!c.has_dataset) continue;
    mg::RNG rng(c.seed);
    mg::Splits s = mg::gen_yinyang(rng, c.n);
    golden::expect_same_text(golden::read(c.dir + "/dataset.json"), mg::dataset_json(c.seed, c.n, s), c.dir);
  }
}

TEST(Data, ClassesCycleAndSplitIs80_10_10) {
  mg::RNG rng(7);
  mg::Splits s = mg::gen_yinyang(rng, 30);
  EXPECT_EQ(s.train.size(), 24u);
  EXPECT_EQ(s.val.size(), 3u);
  EXPECT_EQ(s.test.size(), 3u);
  for (size_t i = 0; i < s.train.size(); ++i) EXPECT_EQ(s.train[i].label, static_cast<int>(i % 3));
}
