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

// All datasets: n points in about [-2, 2]^2, point i of class i % 3 (balanced), split 80/10/10, each
// coordinate then jittered by Gaussian noise of standard deviation `noise` (no draws when noise is 0,
// so yin-yang with noise 0 is exactly the reference's data).
enum class Dataset : uint8_t { YinYang, Circles, Xor, Spiral, Blobs };
Splits gen_dataset(Dataset kind, RNG& rng, int n, double noise);
double gaussian(RNG& rng);  // standard normal by Box-Muller from two uniform draws
// Split a list of points as the reference does: first int(0.8 n) train, up to int(0.9 n) val, rest test.
Splits split_points(const std::vector<Point>& pts);

}  // namespace mg
