// The golden cases of tests/golden (settings of each folder) and helpers to compare text byte for byte.
#pragma once
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace golden {

struct Case {
  std::string dir;  // absolute path of the folder
  uint64_t seed;
  int n;
  std::string hidden;
  int steps;
  std::string lr, wd, trace;
  bool has_dataset;
  std::vector<int> widths() const {
    std::vector<int> w;
    std::stringstream ss(hidden);
    std::string part;
    while (std::getline(ss, part, ',')) w.push_back(std::stoi(part));
    return w;
  }
  std::vector<std::string> flags() const {
    return {"--seed", std::to_string(seed), "--n", std::to_string(n), "--hidden", hidden, "--steps",
            std::to_string(steps), "--lr", lr, "--wd", wd, "--trace", trace};
  }
};

inline const std::vector<Case>& cases() {
  static const std::vector<Case> all = {
      {GOLDEN_DIR "/default", 42, 100, "8", 100, "0.1", "1e-4", "0,0,0", true},
      {GOLDEN_DIR "/variant-s1337", 1337, 300, "16", 60, "0.05", "0.0", "0.5,-0.7,2", true},
      {GOLDEN_DIR "/deep-s99", 99, 200, "16,8,4", 15, "0.3", "0.001", "1e-3,-0.25,0", false},
  };
  return all;
}

inline std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << "cannot read " << path;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Byte-for-byte equality; on failure, report the first differing line of each.
inline void expect_same_text(const std::string& want, const std::string& got, const std::string& what) {
  if (want == got) return;
  size_t i = 0;
  while (i < want.size() && i < got.size() && want[i] == got[i]) ++i;
  size_t ls = want.rfind('\n', i == 0 ? 0 : i - 1);
  ls = ls == std::string::npos ? 0 : ls + 1;
  auto line_at = [&](const std::string& s) { return s.substr(ls, s.find('\n', ls) - ls); };
  ADD_FAILURE() << what << ": differs at byte " << i << " (sizes " << want.size() << " vs " << got.size()
                << ")\n  want: " << line_at(want) << "\n  got:  " << line_at(got);
}

}  // namespace golden
