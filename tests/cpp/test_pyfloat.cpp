// Python's float repr and number printing, checked against 15,000 cases printed by CPython itself.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <fstream>
#include <sstream>

#include "pyfloat.h"

TEST(PyFloat, ReprMatchesCPython) {
  std::ifstream in(GOLDEN_DIR "/py_repr_cases.txt");
  ASSERT_TRUE(in) << "missing " GOLDEN_DIR "/py_repr_cases.txt";
  std::string line;
  int cases = 0, bad = 0;
  while (std::getline(in, line)) {
    std::istringstream ls(line);
    std::string hex, want;
    ls >> hex >> want;
    uint64_t bits = std::stoull(hex, nullptr, 16);
    double x;
    std::memcpy(&x, &bits, sizeof x);
    std::string got = mg::py_repr(x);
    if (got != want && ++bad <= 10) ADD_FAILURE() << "repr of " << hex << ": got " << got << " want " << want;
    ++cases;
  }
  EXPECT_GT(cases, 15000);
  EXPECT_EQ(bad, 0);
}

TEST(PyFloat, SpecialValuesAndInts) {
  EXPECT_EQ(mg::py_repr(1e-5), "1e-05");
  EXPECT_EQ(mg::py_repr(0.0001), "0.0001");
  EXPECT_EQ(mg::py_repr(1e16), "1e+16");
  EXPECT_EQ(mg::py_repr(-0.0), "-0.0");
  EXPECT_EQ(mg::py_repr(1.0 / 0.0), "inf");
  EXPECT_EQ(mg::json_number(-1.0 / 0.0, false), "-Infinity");
  EXPECT_EQ(mg::json_number(0.0 / 0.0, false), "NaN");
  EXPECT_EQ(mg::py_number(0, true), "0");
  EXPECT_EQ(mg::py_number(1, true), "1");
  EXPECT_EQ(mg::fixed6(1.0538975), "1.053897");  // as CPython prints it (the double is just below ...75)
  EXPECT_EQ(mg::fixed6(0.0 / 0.0), "nan");
}
