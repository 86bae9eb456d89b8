// Whole-or-nothing output files: the writer replaces a file in one step, refuses what it cannot write before
// any work, and when a write fails for real (a file size limit: the same EFBIG a full disk gives as ENOSPC)
// leaves the old file as it was and no temporary file behind.
#include <gtest/gtest.h>

#include <dirent.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "../../cpp/cli/output_file.h"

namespace {
std::string scratch_dir(const char* name) {
  std::string d = testing::TempDir() + "mg_out_" + std::to_string(getpid()) + "_" + name;
  mkdir(d.c_str(), 0755);
  return d;
}
std::string slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}
void put(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }
std::vector<std::string> entries(const std::string& dir) {
  std::vector<std::string> names;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d))
      if (std::string(e->d_name) != "." && std::string(e->d_name) != "..") names.push_back(e->d_name);
    closedir(d);
  }
  return names;
}
}  // namespace

TEST(OutputFile, WritesANewFileAndReplacesAnOldOneKeepingItsMode) {
  std::string dir = scratch_dir("replace"), path = dir + "/g.json", why;
  ASSERT_TRUE(mg::write_output(path, "first", why)) << why;
  EXPECT_EQ(slurp(path), "first");
  chmod(path.c_str(), 0640);
  ASSERT_TRUE(mg::write_output(path, "second, longer", why)) << why;
  EXPECT_EQ(slurp(path), "second, longer");
  struct stat st;
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0640u);
  EXPECT_EQ(entries(dir), std::vector<std::string>{"g.json"});
  std::string link = dir + "/link.json";
  ASSERT_EQ(symlink(path.c_str(), link.c_str()), 0);
  ASSERT_TRUE(mg::write_output(link, "through the link", why)) << why;
  EXPECT_EQ(slurp(path), "through the link");  // the link still points at the file it named
  struct stat lst;
  ASSERT_EQ(lstat(link.c_str(), &lst), 0);
  EXPECT_TRUE(S_ISLNK(lst.st_mode));
}

TEST(OutputFile, RefusesWhatItCannotWriteBeforeAnyWork) {
  std::string dir = scratch_dir("refuse"), why;
  EXPECT_FALSE(mg::check_output("/nonexistent-dir-of-mg/x.json", why));
  EXPECT_NE(why.find("No such file or directory"), std::string::npos) << why;
  EXPECT_FALSE(mg::check_output(dir, why));
  EXPECT_EQ(why, "is a directory");
  EXPECT_FALSE(mg::check_output("/dev/full", why));
  EXPECT_EQ(why, "is not a regular file");
  EXPECT_FALSE(mg::check_output("", why));
  EXPECT_TRUE(mg::check_output(dir + "/new.json", why)) << why;
  EXPECT_TRUE(entries(dir).empty());  // the probe file is gone again
}

TEST(OutputFile, AFailedWriteKeepsTheOldFileAndLeavesNothingPartial) {
  std::string dir = scratch_dir("fail"), path = dir + "/keep.json";
  put(path, "the old content");
  std::string big(1 << 20, 'x');
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {  // the child writes under a 64 KB file size limit: write() fails with EFBIG part way through
    signal(SIGXFSZ, SIG_IGN);
    struct rlimit r = {64 << 10, 64 << 10};
    setrlimit(RLIMIT_FSIZE, &r);
    std::string why;
    bool ok = mg::write_output(path, big, why);
    _exit(!ok && why.find("File too large") != std::string::npos ? 0 : 3);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "the write should fail with EFBIG";
  EXPECT_EQ(slurp(path), "the old content");
  EXPECT_EQ(entries(dir), std::vector<std::string>{"keep.json"});
}
