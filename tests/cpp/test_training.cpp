// Training against the reference: parameters before and after training, bit for bit, as llm.c's
// test_gpt2 does (print the first values and the largest difference, fail on any difference).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "golden.h"
#include "graph_io.h"
#include "trainer.h"

namespace {
std::vector<double> parse_list(const std::string& s) {
  std::vector<double> v;
  const char* p = s.c_str();
  while (*p && *p != '[') ++p;
  while (*p && *p != ']') {
    ++p;
    char* end;
    double x = std::strtod(p, &end);
    if (end == p) break;
    v.push_back(x);
    p = end;
  }
  return v;
}

void compare_params(const std::string& what, const std::vector<double>& want, const mg::Trainer& t) {
  ASSERT_EQ(want.size(), t.params().size()) << what;
  double maxdiff = 0;
  int mismatches = 0;
  for (size_t i = 0; i < want.size(); ++i) {
    double got = t.param(static_cast<int>(i));
    maxdiff = std::max(maxdiff, std::fabs(got - want[i]));
    mismatches += got != want[i];
  }
  std::printf("%s: first values %.17g %.17g %.17g (want %.17g %.17g %.17g), max |diff| %g\n", what.c_str(),
              t.param(0), t.param(1), t.param(2), want[0], want[1], want[2], maxdiff);
  EXPECT_EQ(mismatches, 0) << what << ": " << mismatches << " parameters differ, max |diff| " << maxdiff;
}

mg::Config config_of(const golden::Case& c) {
  mg::Config cfg;
  cfg.seed = c.seed;
  cfg.n = c.n;
  cfg.hidden = c.widths();
  cfg.lr = std::stod(c.lr);
  cfg.weight_decay = std::stod(c.wd);
  return cfg;
}
}  // namespace

TEST(Training, ParametersMatchReferenceBeforeAndAfter) {
  for (const golden::Case& c : golden::cases()) {
    mg::Trainer t(config_of(c));
    std::string init = golden::read(c.dir + "/init_params.json");
    compare_params(c.dir + " init", parse_list(init), t);
    golden::expect_same_text(init, mg::params_json(t), c.dir + "/init_params.json");
    for (int s = 0; s < c.steps; ++s) t.step();
    std::string fin = golden::read(c.dir + "/final_params.json");
    compare_params(c.dir + " final", parse_list(fin), t);
    golden::expect_same_text(fin, mg::params_json(t), c.dir + "/final_params.json");
  }
}

TEST(Training, GraphDoesNotDisturbTraining) {
  mg::Config cfg;
  mg::Trainer a(cfg), b(cfg);
  for (int s = 0; s < 5; ++s) {
    a.step();
    b.step();
    b.graph(0.3, -0.2, 1);
    std::vector<double> d, g;
    b.graph_values(0.1, 0.1, 2, d, g);
  }
  EXPECT_EQ(a.step(), b.step());
}

TEST(Training, GraphValuesMatchGraphDump) {
  mg::Trainer t(mg::Config{});
  for (int s = 0; s < 3; ++s) t.step();
  mg::Graph g = t.graph(0.4, -1.1, 1);
  std::vector<double> d, gr;
  t.graph_values(0.4, -1.1, 1, d, gr);
  ASSERT_EQ(d.size(), g.nodes.size());
  for (size_t i = 0; i < d.size(); ++i) {
    EXPECT_EQ(d[i], g.nodes[i].data);
    EXPECT_EQ(gr[i], g.nodes[i].grad);
  }
  EXPECT_EQ(g.nodes[0].name, "loss");
}
