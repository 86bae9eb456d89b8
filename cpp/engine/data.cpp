// The yin-yang dataset, drawn in the reference's order with the same pow calls.
#include "data.h"

#include "value.h"

namespace mg {

namespace {
constexpr double kRSmall = 0.1, kRBig = 0.5;

double dist(double x, double y, double cx, double cy) {
  return py_pow(py_pow(x - cx, 2) + py_pow(y - cy, 2), 0.5);
}

int which_class(double x, double y) {
  double d_right = dist(x, y, 1.5 * kRBig, kRBig);
  double d_left = dist(x, y, 0.5 * kRBig, kRBig);
  bool yin = d_right <= kRSmall || (d_left > kRSmall && d_left <= 0.5 * kRBig) ||
             (y > kRBig && d_right > 0.5 * kRBig);
  bool circles = d_right < kRSmall || d_left < kRSmall;
  if (circles) return 2;
  return yin ? 0 : 1;
}
}  // namespace

Splits split_points(const std::vector<Point>& pts) {
  size_t n = pts.size();
  size_t a = static_cast<size_t>(0.8 * static_cast<double>(n));
  size_t b = static_cast<size_t>(0.9 * static_cast<double>(n));
  Splits s;
  s.train.assign(pts.begin(), pts.begin() + a);
  s.val.assign(pts.begin() + a, pts.begin() + b);
  s.test.assign(pts.begin() + b, pts.end());
  return s;
}

Splits gen_yinyang(RNG& rng, int n) {
  std::vector<Point> pts;
  for (int i = 0; i < n; ++i) {
    int goal = i % 3;
    for (;;) {
      double x = rng.uniform(0, 2 * kRBig);
      double y = rng.uniform(0, 2 * kRBig);
      if (dist(x, y, kRBig, kRBig) > kRBig) continue;
      int c = which_class(x, y);
      if (c != goal) continue;
      pts.push_back({(x / kRBig - 1) * 2, (y / kRBig - 1) * 2, c});
      break;
    }
  }
  return split_points(pts);
}

}  // namespace mg
