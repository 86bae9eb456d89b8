// The expression snippets of tests/golden/expressions (run by micrograd.py's own Value): every snippet's
// value lines and graph.json byte for byte, through the engine and through the CLI; the error snippet
// refused with exit code 2 at its line.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
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

std::string tmp(const std::string& name) { return testing::TempDir() + "mg_expr_" + std::to_string(getpid()) + "_" + name; }

struct CliRun {
  int code;
  std::string out, err;
};
CliRun cli(const std::string& args) {
  std::string errfile = tmp("stderr.txt");
  FILE* p = popen(("'" CLI_PATH "' expr " + args + " 2>'" + errfile + "'").c_str(), "r");
  CliRun r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int status = pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.err = golden::read(errfile);
  std::remove(errfile.c_str());
  return r;
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

TEST(ExprGolden, CliGivesOutAndGraphJsonByteForByte) {
  for (const std::string& name : snippets()) {
    SCOPED_TRACE(name);
    std::string want = golden::read(kDir + "/" + name + ".out"), json = tmp("graph.json"), dot = tmp("graph.dot");
    std::string py = kDir + "/" + name + ".py";
    CliRun r = cli("'" + py + "' --graph-json '" + json + "' --dot '" + dot + "'");
    if (want.rfind("error ", 0) == 0) {
      EXPECT_EQ(r.code, 2);
      EXPECT_EQ(r.out, "");
      std::string line = want.substr(6, want.size() - 7);
      EXPECT_EQ(r.err.rfind(py + ":" + line + ":", 0), 0u) << r.err;
      EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
      continue;
    }
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    golden::expect_same_text(want, r.out, name + ".out");
    golden::expect_same_text(golden::read(kDir + "/" + name + ".graph.json"), golden::read(json), name + ".graph.json");
    std::string d = golden::read(dot);
    EXPECT_EQ(d.rfind("digraph {\n", 0), 0u);
    std::remove(json.c_str());
    std::remove(dot.c_str());
  }
}
