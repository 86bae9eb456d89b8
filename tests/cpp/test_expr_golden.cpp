// The expression snippets of tests/golden/expressions (run by micrograd.py's own Value): every snippet's
// value lines and graph.json byte for byte; the error snippet refused at its line.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "expr_graph.h"
#include "golden.h"

namespace {
const std::string kDir = GOLDEN_DIR "/expressions";

std::vector<std::string> snippets() {  // names of the NAME.py files
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(kDir))
    if (e.path().extension() == ".py") names.push_back(e.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST(ExprGolden, AllSnippetsPresent) {
  std::vector<std::string> names = snippets();
  for (const char* want : {"errors_log", "ints", "neuron", "neuron_exp", "readme", "softmax"})
    EXPECT_NE(std::find(names.begin(), names.end(), want), names.end()) << want;
}

TEST(ExprGolden, EngineGivesOutAndGraphJsonByteForByte) {
  for (const std::string& name : snippets()) {
    SCOPED_TRACE(name);
    std::string want = golden::read(kDir + "/" + name + ".out");
    mg::Expression x;
    bool ok = x.run(golden::read(kDir + "/" + name + ".py"));
    if (want.rfind("error ", 0) == 0) {
      ASSERT_FALSE(ok);
      EXPECT_EQ("error " + std::to_string(x.error().at.line) + "\n", want) << x.error().message;
      continue;
    }
    ASSERT_TRUE(ok) << x.error().at.line << ":" << x.error().at.col << ": " << x.error().message;
    golden::expect_same_text(want, mg::expr_values_text(x), name + ".out");
    mg::ExprGraph g = mg::expr_graph(x);
    golden::expect_same_text(golden::read(kDir + "/" + name + ".graph.json"), mg::expr_graph_json(x, g), name + ".graph.json");
  }
}
