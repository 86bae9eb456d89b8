// The CLI within its limits: a run that would not fit in memory is refused before it allocates (under a real
// ulimit -v, not only by arithmetic), unwritable outputs are refused before training, a failed write keeps the old
// file, and a long run shows progress on stderr only when stderr is a terminal.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "golden.h"

namespace {
struct CliRun {
  int code;
  std::string out, err;
  double seconds;
};

std::string tmp(const std::string& name) { return testing::TempDir() + "mg_lim_" + std::to_string(getpid()) + "_" + name; }

std::string sh_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// Runs `prefix; CLI args` in bash (prefix: ulimit and the like), stdout and stderr captured apart.
CliRun run(const std::string& prefix, const std::string& args) {
  std::string err = tmp("stderr.txt");
  std::string cmd = "bash -c " + sh_quote(prefix + (prefix.empty() ? "" : "; ") + "exec " + sh_quote(CLI_PATH) + " " + args) +
                    " 2>" + sh_quote(err);
  auto t0 = std::chrono::steady_clock::now();
  CliRun r{};
  FILE* p = popen(cmd.c_str(), "r");
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int status = pclose(p);
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.err = golden::read(err);
  std::remove(err.c_str());
  return r;
}

// The most memory a run of the CLI really used (its peak resident set), in bytes; stdout and stderr discarded.
int64_t peak_rss(const std::vector<std::string>& args) {
  std::vector<char*> argv{const_cast<char*>(CLI_PATH)};
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = fork();
  if (pid == 0) {
    int null = open("/dev/null", O_WRONLY);
    dup2(null, 1), dup2(null, 2);
    execv(CLI_PATH, argv.data());
    _exit(127);
  }
  int status = 0;
  struct rusage ru {};
  wait4(pid, &status, 0, &ru);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? static_cast<int64_t>(ru.ru_maxrss) * 1024 : -1;
}

// "... needs about 310 MB of memory ..." -> 310e6
double needs_about(const std::string& message) {
  size_t at = message.find("needs about ");
  if (at == std::string::npos) return -1;
  double v = 0;
  char unit[4] = {0};
  if (std::sscanf(message.c_str() + at, "needs about %lf %3s", &v, unit) != 2) return -1;
  std::string u = unit;
  return v * (u == "kB" ? 1e3 : u == "MB" ? 1e6 : u == "GB" ? 1e9 : 1);
}

bool sanitized() {
#if defined(__SANITIZE_ADDRESS__)
  return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  return true;
#endif
#endif
  return false;
}
}  // namespace

TEST(CliLimits, RunsThatDoNotFitAreRefusedBeforeAllocatingUnderARealAddressSpaceLimit) {
  if (sanitized()) GTEST_SKIP() << "AddressSanitizer reserves terabytes of address space; ulimit -v cannot apply";
  const std::string limit = "ulimit -v 4000000";  // about 4 GB, the setting
  for (const char* args : {"--hidden 1024,1024,1024,1024,1024,1024,1024,1024 --n 6 --steps 0",
                           "--hidden 1024,1024,1024,1024,1024 --n 200 --steps 1"}) {
    CliRun r = run(limit, args);
    EXPECT_EQ(r.code, 2) << args << ": " << r.err;
    EXPECT_TRUE(r.out.empty()) << args;
    EXPECT_EQ(r.err.rfind("micrograd: --hidden, --n: training 2-", 0), 0u) << r.err;
    EXPECT_NE(r.err.find("needs about"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("(ulimit -v)"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("bad_alloc"), std::string::npos) << r.err;
  }
  // The runs that died of bad_alloc fit now (the batched replay needs no graph of all the points), and a
  // big network that fits: they run under the same limit.
  for (const char* args : {"--hidden 1024 --n 20000 --steps 1", "--hidden 64,64,64,64 --n 20000 --steps 1",
                           "--hidden 256,256 --n 12 --steps 2"}) {
    CliRun ok = run(limit, args);
    EXPECT_EQ(ok.code, 0) << args << ": " << ok.err;
    EXPECT_NE(ok.out.find("found a total of"), std::string::npos) << args;
  }
}

TEST(CliLimits, TheEstimateBoundsWhatARunReallyUsesWithin3x) {
  if (sanitized()) GTEST_SKIP() << "AddressSanitizer's shadow memory and redzones are not the program's";
  std::string json = tmp("est.json"), dot = tmp("est.dot");
  for (const std::string& flags : {std::string("--hidden 256,256 --n 12 --steps 2"),
                                   "--hidden 256,256 --n 12 --steps 2 --graph-json " + json + " --dot " + dot}) {
    double estimate = needs_about(run("", "--max-memory 16M " + flags).err);  // the refusal says the estimate
    std::vector<std::string> args;
    for (size_t i = 0, j; i < flags.size(); i = j + 1) {
      j = flags.find(' ', i);
      if (j == std::string::npos) j = flags.size();
      args.push_back(flags.substr(i, j - i));
    }
    double rss = static_cast<double>(peak_rss(args));
    ASSERT_GT(estimate, 16e6) << flags;
    ASSERT_GT(rss, 0) << flags;
    EXPECT_LE(rss, estimate + 8e6) << flags;  // (the resident set also holds the program and its libraries)
    EXPECT_GE(3 * rss, estimate) << flags;
    std::printf("cli memory: %s: estimate %.0f MB, peak resident %.0f MB\n", flags.c_str(), estimate / 1e6, rss / 1e6);
  }
  std::remove(json.c_str());
  std::remove(dot.c_str());
}

TEST(CliLimits, MaxMemoryLowersTheLimitAndIsChecked) {
  CliRun r = run("", "--max-memory 64M --hidden 256,256 --n 20 --steps 1");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("(--max-memory)"), std::string::npos) << r.err;
  EXPECT_EQ(run("", "--max-memory 64M --steps 1").code, 0);
  for (const char* bad : {"--max-memory 1K", "--max-memory 12Q", "--max-memory -5G", "--max-memory ''"}) {
    CliRun b = run("", bad);
    EXPECT_EQ(b.code, 2) << bad;
    EXPECT_EQ(b.err.rfind("micrograd: --max-memory: expected a size", 0), 0u) << b.err;
  }
}

TEST(CliLimits, UnwritableOutputsAreRefusedBeforeTraining) {
  std::string dir = tmp("dir");
  mkdir(dir.c_str(), 0755);
  for (const std::string& out : {std::string("/nonexistent-dir-of-mg/x.json"), dir, std::string("/dev/full")})
    for (const char* flag : {"--graph-json", "--dot"}) {
      CliRun r = run("", "--steps 200000 " + std::string(flag) + " " + sh_quote(out));
      EXPECT_EQ(r.code, 2) << flag << " " << out << ": " << r.err;
      EXPECT_TRUE(r.out.empty()) << "nothing trained";
      EXPECT_LT(r.seconds, 5.0) << "refused before 200,000 steps";
      EXPECT_EQ(r.err.rfind("micrograd: " + std::string(flag) + ": cannot write '", 0), 0u) << r.err;
      EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    }
  rmdir(dir.c_str());
}

TEST(CliLimits, AFailedWriteAfterTrainingKeepsTheOldFile) {
  std::string dir = tmp("keep");
  mkdir(dir.c_str(), 0755);
  std::string keep = dir + "/keep.json";
  {
    FILE* f = std::fopen(keep.c_str(), "w");
    std::fputs("the old graph", f);
    std::fclose(f);
  }
  // 8 KB of file size: the reference's graph.json (35 KB) cannot be written whole; SIGXFSZ ignored, write() fails
  CliRun r = run("ulimit -f 8; trap '' XFSZ", "--steps 2 --graph-json " + sh_quote(keep));
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_NE(r.err.find("File too large"), std::string::npos) << r.err;
  EXPECT_EQ(golden::read(keep), "the old graph");
  CliRun ls = run("", "--help");  // (any run: the directory is checked below)
  (void)ls;
  FILE* p = popen(("ls -A " + sh_quote(dir)).c_str(), "r");
  char buf[256] = {0};
  size_t n = fread(buf, 1, sizeof buf - 1, p);
  pclose(p);
  EXPECT_EQ(std::string(buf, n), "keep.json\n") << "no temporary file left";
  std::remove(keep.c_str());
  rmdir(dir.c_str());
}

TEST(CliLimits, ProgressGoesToStderrOnlyWhenItIsATerminal) {
  std::string out1 = tmp("out1.txt"), out2 = tmp("out2.txt"), typescript = tmp("tty.txt");
  std::string args = "--hidden 16 --n 1000 --steps 3000";  // about a second: long enough for a progress line
  // `script` gives the CLI a terminal for stderr; stdout goes to a file in both runs
  std::string cmd = "script -qec " + sh_quote(sh_quote(CLI_PATH) + " " + args + " >" + sh_quote(out1)) + " " + sh_quote(typescript) +
                    " >/dev/null 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  CliRun piped = run("", args + " >" + sh_quote(out2));
  EXPECT_EQ(piped.code, 0);
  EXPECT_TRUE(piped.err.empty()) << "no progress when stderr is not a terminal: " << piped.err;
  std::string tty = golden::read(typescript);
  EXPECT_NE(tty.find("micrograd: step "), std::string::npos) << tty;
  EXPECT_EQ(golden::read(out1), golden::read(out2));  // stdout is the same, byte for byte
  EXPECT_NE(golden::read(out1).find("step 3000/3000, train loss"), std::string::npos);
  for (const std::string& f : {out1, out2, typescript}) std::remove(f.c_str());
}
