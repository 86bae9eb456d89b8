// Labelled 2D points and the dataset generators (yin-yang is the reference's; the others are 3-class too).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "rng.h"

namespace mg {

struct Point {
  double x = 0, y = 0;
  int label = 0;
};

struct Splits {
  std::vector<Point> train, val, test;
};

// The reference's gen_data_yinyang: n points, class i % 3, split 80/10/10.
Splits gen_yinyang(RNG& rng, int n);
// Split a list of points as the reference does: first int(0.8 n) train, up to int(0.9 n) val, rest test.
Splits split_points(const std::vector<Point>& pts);

}  // namespace mg
