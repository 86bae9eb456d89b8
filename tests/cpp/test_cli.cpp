// The CLI as a user runs it: whole output and --graph-json byte for byte against the reference, and
// every kind of bad input refused with one line on stderr and exit code 2.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "golden.h"

namespace {
struct CliRun {
  int code;
  std::string out, err;
};

// A scratch file of this test process: ctest -j and other build dirs run CLI tests at the same time.
std::string tmp(const std::string& name) { return testing::TempDir() + "mg_cli_" + std::to_string(getpid()) + "_" + name; }

std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

CliRun run(const std::vector<std::string>& args) {
  std::string errfile = tmp("stderr.txt");
  std::string cmd = quote(CLI_PATH);
  for (const std::string& a : args) cmd += " " + quote(a);
  cmd += " 2>" + quote(errfile);
  CliRun r;
  FILE* p = popen(cmd.c_str(), "r");
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

TEST(Cli, OutputAndGraphJsonEqualReferenceByteForByte) {
  for (const golden::Case& c : golden::cases()) {
    std::string json = tmp("graph_out.json");
    std::vector<std::string> args = c.flags();
    args.push_back("--graph-json");
    args.push_back(json);
    CliRun r = run(args);
    EXPECT_EQ(r.code, 0) << r.err;
    golden::expect_same_text(golden::read(c.dir + "/train_log.txt"), r.out, c.dir + "/train_log.txt");
    golden::expect_same_text(golden::read(c.dir + "/graph.json"), golden::read(json), c.dir + "/graph.json");
    std::remove(json.c_str());
  }
}

TEST(Cli, DefaultsAreTheReferenceSettings) {
  CliRun r = run({});
  EXPECT_EQ(r.code, 0);
  golden::expect_same_text(golden::read(GOLDEN_DIR "/default/train_log.txt"), r.out, "no flags");
}

TEST(Cli, DotFileInTheReferenceStyle) {
  std::string dot = tmp("graph.dot");
  CliRun r = run({"--steps", "2", "--dot", dot});
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("found a total of  157 nodes and 187 edges\nsaving graph to " + dot + "\n"), std::string::npos);
  std::string text = golden::read(dot);
  std::remove(dot.c_str());
  EXPECT_NE(text.find("rankdir=LR"), std::string::npos);
  EXPECT_NE(text.find("fillcolor=lightgreen"), std::string::npos);
  EXPECT_NE(text.find("fillcolor=lightblue"), std::string::npos);
  EXPECT_NE(text.find("label=\"**-1\""), std::string::npos);
  EXPECT_NE(text.find("shape=box"), std::string::npos);
}

TEST(Cli, HelpListsEveryFlag) {
  CliRun r = run({"--help"});
  EXPECT_EQ(r.code, 0);
  for (const char* f : {"--seed", "--n", "--hidden", "--steps", "--lr", "--wd", "--trace", "--graph-json", "--dot"})
    EXPECT_NE(r.out.find(f), std::string::npos) << f;
}

TEST(Cli, BadInputIsRefusedWithOneLineNamingTheFlag) {
  struct Bad {
    std::vector<std::string> args;
    std::string flag;
  };
  std::vector<Bad> bad = {
      {{"--bogus"}, "--bogus"},
      {{"--seed"}, "--seed"},
      {{"--seed", "abc"}, "--seed"},
      {{"--seed", "0"}, "--seed"},
      {{"--seed", "-4"}, "--seed"},
      {{"--n", "2"}, "--n"},
      {{"--n", "12x"}, "--n"},
      {{"--n", ""}, "--n"},
      {{"--hidden", "0"}, "--hidden"},
      {{"--hidden", "1025"}, "--hidden"},
      {{"--hidden", "8,,8"}, "--hidden"},
      {{"--hidden", "1,1,1,1,1,1,1,1,1"}, "--hidden"},
      {{"--steps", "-1"}, "--steps"},
      {{"--steps", "1.5"}, "--steps"},
      {{"--lr", "nan"}, "--lr"},
      {{"--lr", "inf"}, "--lr"},
      {{"--lr", "-0.1"}, "--lr"},
      {{"--wd", "-1"}, "--wd"},
      {{"--wd", "1e999"}, "--wd"},
      {{"--trace", "0,0,3"}, "--trace"},
      {{"--trace", "0,0"}, "--trace"},
      {{"--trace", "nan,0,0"}, "--trace"},
      {{"--trace", "0,0,-1"}, "--trace"},
      {{"--graph-json"}, "--graph-json"},
      {{"--act", "sigmoid"}, "--act"},
  };
  for (const Bad& b : bad) {
    CliRun r = run(b.args);
    std::string shown = b.args[0] + (b.args.size() > 1 ? " " + b.args[1] : "");
    EXPECT_EQ(r.code, 2) << shown;
    EXPECT_TRUE(r.out.empty()) << shown << " printed " << r.out;
    EXPECT_NE(r.err.find(b.flag), std::string::npos) << shown << " -> " << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << shown << " -> " << r.err;
  }
}

TEST(Cli, UnwritableOutputFileIsRefusedBeforeTraining) {
  CliRun r = run({"--steps", "1", "--graph-json", "/nonexistent-dir/x.json"});
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(r.err.find("--graph-json"), std::string::npos);
}
