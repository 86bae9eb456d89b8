// `micrograd expr` as a user runs it: stdin, the value lines, the DOT picture, and bad input refused with
// FILE:LINE:COL (or one line naming the flag) and exit code 2; an unwritable output file is refused before the
// snippet runs (exit 2), and a write that fails keeps the old file (exit 1).
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "golden.h"

namespace {
std::string tmp(const std::string& name) { return testing::TempDir() + "mg_exprcli_" + std::to_string(getpid()) + "_" + name; }

struct CliRun {
  int code;
  std::string out, err;
};
// Runs `micrograd expr ARGS` with `input` on stdin.
CliRun cli(const std::string& args, const std::string& input = "") {
  std::string in = tmp("stdin.py"), errfile = tmp("stderr.txt");
  FILE* f = std::fopen(in.c_str(), "wb");
  std::fwrite(input.data(), 1, input.size(), f);
  std::fclose(f);
  FILE* p = popen(("'" CLI_PATH "' expr " + args + " <'" + in + "' 2>'" + errfile + "'").c_str(), "r");
  CliRun r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int status = pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.err = golden::read(errfile);
  std::remove(errfile.c_str());
  std::remove(in.c_str());
  return r;
}
}  // namespace

TEST(ExprCli, ReadsStdinAndPrintsEachValueVariable) {
  CliRun r = cli("-", "a = Value(2.0)\nm = 3\nb = a * m\nb.backward()\n");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "a data=2.0 grad=3.0\nb data=6.0 grad=1.0\n");
  EXPECT_EQ(r.err, "");
  r = cli("-", "");
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, "");
}

TEST(ExprCli, ErrorsNameFileLineAndColumn) {
  CliRun r = cli("-", "a = Value(1.0)\nb = a + c\n");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "<stdin>:2:9: NameError: name 'c' is not defined\n");
  std::string file = tmp("bad.py");
  FILE* f = std::fopen(file.c_str(), "wb");
  std::fputs("a = Value(1.0\n", f);
  std::fclose(f);
  r = cli("'" + file + "'");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, file + ":1:10: SyntaxError: '(' was never closed\n");
  std::remove(file.c_str());
  r = cli("-", "a = 1\n" + std::string(70000, '#'));
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "<stdin>:1:1: unsupported: a source of more than 65536 bytes\n");
}

TEST(ExprCli, BadArgumentsExitTwoWithOneLine) {
  struct Bad {
    std::string args, says;
  } bads[] = {
      {"", "expected a FILE"},
      {"--frobnicate -", "unknown flag '--frobnicate'"},
      {"- -", "one snippet at a time"},
      {"- --graph-json", "--graph-json: expected a file name"},
      {"- --dot ''", "--dot: expected a file name"},
      {"/nonexistent-dir/x.py", "cannot read '/nonexistent-dir/x.py'"},
  };
  for (const Bad& b : bads) {
    SCOPED_TRACE(b.args);
    CliRun r = cli(b.args, "a = Value(1.0)\n");
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find(b.says), std::string::npos) << r.err;
    EXPECT_EQ(r.err.rfind("micrograd expr: ", 0), 0u) << r.err;
  }
  CliRun r = cli("--help");
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out.rfind("usage: micrograd expr FILE|-", 0), 0u);
  EXPECT_NE(r.out.find("Limits: 65536 bytes of source, 100000 Value nodes, nesting 100 deep, 2000000 nodes visited by all "
                       "backward() calls.\n"),
            std::string::npos)
      << r.out;
}

TEST(ExprCli, DotIsTheReferencePictureWithLabels) {
  std::string dot = tmp("g.dot");
  CliRun r = cli("- --dot '" + dot + "'", "a = Value(-2.0, label='in \"a\"')\nb = (a * 3).relu()\n");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(golden::read(dot),
            "digraph {\n"
            "\tgraph [nodesep=0.1 rankdir=LR ranksep=0.4]\n"
            "\tn0 [label=\"b\\ndata: 0.0000\\ngrad: 1.0000\" fillcolor=white fontsize=10 height=0.1 shape=box style=filled width=0.1]\n"
            "\tn0op [label=\"ReLU\" fontsize=10 height=0.1 width=0.1]\n"
            "\tn0op -> n0 [minlen=1]\n"
            "\tn1 [label=\"data: -6.0000\\ngrad: 0.0000\" fillcolor=white fontsize=10 height=0.1 shape=box style=filled width=0.1]\n"
            "\tn1op [label=\"*\" fontsize=10 height=0.1 width=0.1]\n"
            "\tn1op -> n1 [minlen=1]\n"
            "\tn2 [label=\"in \\\"a\\\"\\ndata: -2.0000\\ngrad: 0.0000\" fillcolor=lightgreen fontsize=10 height=0.1 shape=box style=filled width=0.1]\n"
            "\tn3 [label=\"data: 3.0000\\ngrad: 0.0000\" fillcolor=white fontsize=10 height=0.1 shape=box style=filled width=0.1]\n"
            "\tn1 -> n0op [minlen=1]\n"
            "\tn2 -> n1op [minlen=1]\n"
            "\tn3 -> n1op [minlen=1]\n"
            "}\n");
  std::remove(dot.c_str());
}

TEST(ExprCli, OutputsAreCheckedBeforeTheSnippetRunsAndWrittenWholeOrNotAtAll) {
  for (const char* flag : {"--graph-json", "--dot"})
    for (const char* out : {"/nonexistent-dir/g.out", "/dev/full", "/"}) {
      SCOPED_TRACE(std::string(flag) + " " + out);
      CliRun r = cli(std::string("- ") + flag + " " + out, "a = Value(1.0)\nb = a.tanh()\n");
      EXPECT_EQ(r.code, 2);
      EXPECT_EQ(r.out, "") << "refused before the snippet ran";
      EXPECT_EQ(r.err.rfind(std::string("micrograd expr: ") + flag + ": cannot write '" + out + "': ", 0), 0u) << r.err;
      EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    }
  // A write that fails after the run (8 KB of file size, the graph is more) leaves the old file and no temporary.
  std::string dir = tmp("keep");
  ASSERT_EQ(system(("mkdir -p '" + dir + "'").c_str()), 0);
  std::string keep = dir + "/g.json";
  FILE* f = std::fopen(keep.c_str(), "wb");
  std::fputs("the old graph", f);
  std::fclose(f);
  std::string snippet = "a = Value(0.5)\nb = a\n";
  for (int i = 0; i < 200; ++i) snippet += "b = b * a + " + std::to_string(i) + "\n";
  snippet += "b.backward()\n";
  std::string in = tmp("big.py");
  f = std::fopen(in.c_str(), "wb");
  std::fputs(snippet.c_str(), f);
  std::fclose(f);
  std::string err = tmp("keep_err.txt");
  int status = system(("bash -c \"ulimit -f 8; trap '' XFSZ; exec '" CLI_PATH "' expr '" + in + "' --graph-json '" + keep +
                       "'\" >/dev/null 2>'" + err + "'").c_str());
  EXPECT_EQ(WEXITSTATUS(status), 1);
  EXPECT_NE(golden::read(err).find("--graph-json: cannot write '" + keep + "': File too large"), std::string::npos) << golden::read(err);
  EXPECT_EQ(golden::read(keep), "the old graph");
  FILE* p = popen(("ls -A '" + dir + "'").c_str(), "r");
  char buf[256] = {0};
  size_t n = fread(buf, 1, sizeof buf - 1, p);
  pclose(p);
  EXPECT_EQ(std::string(buf, n), "g.json\n") << "no temporary file left";
  // and a write that works replaces it whole
  CliRun ok = cli("- --graph-json '" + keep + "'", "a = Value(1.0)\nb = a.tanh()\nb.backward()\n");
  EXPECT_EQ(ok.code, 0) << ok.err;
  EXPECT_EQ(golden::read(keep).rfind("{", 0), 0u);
  for (const std::string& x : {keep, in, err}) std::remove(x.c_str());
  rmdir(dir.c_str());
}
