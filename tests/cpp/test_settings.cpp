// One parser and one table of limits: the CLI and the Session accept and refuse the same settings with the same
// message, names come from the table, and a message quotes at most 60 characters of what it was given.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "../../cpp/cli/args.h"
#include "engine_limits.h"
#include "session.h"
#include "settings_parse.h"

namespace {
std::string cli_error(std::vector<std::string> args) {
  args.insert(args.begin(), "micrograd");
  std::vector<const char*> argv;
  for (const std::string& a : args) argv.push_back(a.c_str());
  mg::CliArgs parsed;
  std::string error;
  return mg::parse_args(static_cast<int>(argv.size()), argv.data(), parsed, error) ? "" : error;
}
}  // namespace

TEST(Settings, IntegersAreDigitsOnlyInEveryFlag) {
  for (const char* flag : {"--hidden", "--seed", "--n", "--steps"})
    for (const char* value : {"+8", "-8", " 8", "8 ", "0x8", "8.0", "1e1", ""})
      EXPECT_NE(cli_error({flag, value}), "") << flag << " " << value;
  EXPECT_EQ(cli_error({"--hidden", "8,16", "--seed", "18446744073709551615", "--n", "6", "--steps", "0"}), "");
  EXPECT_NE(cli_error({"--seed", "18446744073709551616"}), "");  // 2^64: one past
}

TEST(Settings, TheCliAndTheApiShareLimitsAndMessages) {
  mg::Session s;
  auto api = [&](double n, const char* hidden, const char* act, double lr, double wd) {
    return s.configure(42, n, hidden, act, "adamw", lr, wd);
  };
  EXPECT_EQ(cli_error({"--lr", "101"}), "--lr: expected a number from 0 to 100, got '101'");
  EXPECT_EQ(api(100, "8", "tanh", 101, 0), "lr: expected a number from 0 to 100, got 101");
  EXPECT_EQ(cli_error({"--wd", "11"}), "--wd: expected a number from 0 to 10, got '11'");
  EXPECT_EQ(api(100, "8", "tanh", 0.1, 11), "weightDecay: expected a number from 0 to 10, got 11");
  EXPECT_EQ(cli_error({"--n", "5"}), "--n: expected an integer from 6 to 20000, got '5'");
  EXPECT_EQ(api(5, "8", "tanh", 0.1, 0), "n: expected an integer from 6 to 20000, got 5");
  EXPECT_EQ(cli_error({"--hidden", "8,+8"}), "--hidden: each layer width must be an integer from 1 to 1024, got '8,+8'");
  EXPECT_EQ(api(100, "8,+8", "tanh", 0.1, 0), "hidden: each layer width must be an integer from 1 to 1024, got '8,+8'");
  EXPECT_EQ(cli_error({"--act", "gelu"}), "--act: expected 'tanh' or 'relu', got 'gelu'");
  EXPECT_EQ(api(100, "8", "gelu", 0.1, 0), "activation: expected 'tanh' or 'relu', got 'gelu'");
  EXPECT_EQ(cli_error({"--hidden", "1,1,1,1,1,1,1,1,1"}), "--hidden: at most 8 layers, got 9");
  EXPECT_EQ(cli_error({"--lr", "100", "--wd", "10", "--n", "20000", "--hidden", "1024"}), "");
}

TEST(Settings, NumbersAreDecimalsAsInALink) {
  double v = 0;
  std::string e;
  for (const char* ok : {"0.1", "1e-4", "1E-4", ".5", "5.", "-0", "0e+0", "100"})
    EXPECT_TRUE(mg::parse_number(ok, "--lr", mg::kLrRange, v, e)) << ok;
  for (const char* bad : {"+0.1", "0x1p-3", "inf", "nan", "1e", ".", "-", " 1", "1 ", "1,5", "1e999", "1e5"})
    EXPECT_FALSE(mg::parse_number(bad, "--lr", mg::kLrRange, v, e)) << bad;
}

TEST(Settings, MessagesQuoteAtMostSixtyCharacters) {
  std::string huge(50000000, 'z');
  std::string e = mg::Session().configure(42, 100, "8", "tanh", "adamw", 0.1, 0, huge, 0);
  EXPECT_EQ(e, "dataset: expected 'yinyang', 'circles', 'xor', 'spiral' or 'blobs', got '" + std::string(60, 'z') +
                   "...' (50000000 bytes)");
  EXPECT_LT(cli_error({"--hidden", huge}).size(), 150u);
  EXPECT_LT(cli_error({huge}).size(), 150u);
  EXPECT_EQ(mg::quote("a\tb\nc"), "'a?b?c'");
  std::string accents;
  for (int i = 0; i < 40; ++i) accents += "\xc3\xa9";  // 80 bytes of 'é': the cut keeps whole characters
  EXPECT_EQ(mg::quote(accents), "'" + accents.substr(0, 60) + "...' (80 bytes)");
}

TEST(Settings, TheTableAsJsonCarriesEveryLimitAndName) {
  std::string j = mg::limits_json();
  EXPECT_EQ(j.front(), '{');
  EXPECT_EQ(j.back(), '}');
  for (const char* part : {"\"n\":{\"min\":6,\"max\":20000}", "\"lr\":{\"min\":0,\"max\":100}", "\"activation\":[\"tanh\",\"relu\"]",
                           "\"dataset\":[\"yinyang\",\"circles\",\"xor\",\"spiral\",\"blobs\"]", "\"hidden\":[8]",
                           "\"page\":{\"hidden\":{\"minLayers\":1,\"maxLayers\":4,\"minWidth\":1,\"maxWidth\":32}"})
    EXPECT_NE(j.find(part), std::string::npos) << part;
}

TEST(Settings, EveryPointSplitOfTheLeastNIsNonEmpty) {
  for (int n = mg::kMinPoints; n < 200; ++n) {
    mg::Session s;
    ASSERT_EQ(s.configure(42, n, "2", "tanh", "adamw", 0.1, 0), "");
    for (int split = 0; split < 3; ++split) EXPECT_GT(s.num_points(split), 0) << "n " << n << " split " << split;
    EXPECT_FALSE(std::isnan(s.loss(1))) << n;
  }
}
