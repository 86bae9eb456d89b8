// The yin-yang dataset, drawn in the reference's order with the same pow calls.
#include "data.h"

#include <cmath>

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

double gaussian(RNG& rng) {
  double u1 = 1.0 - rng.random();  // (0, 1]: log() stays finite
  double u2 = rng.random();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
}

namespace {
// One point of class c for each of the other datasets.
Point circles(RNG& rng, int c) {  // three rings of radius 0.5, 1.1, 1.7
  double a = rng.uniform(0, 2 * M_PI), r = 0.5 + 0.6 * c + rng.uniform(-0.12, 0.12);
  return {r * std::cos(a), r * std::sin(a), c};
}
Point xor3(RNG& rng, int c) {  // quadrants: same sign -> 0, upper left -> 1, lower right -> 2
  for (;;) {
    double x = rng.uniform(-1.9, 1.9), y = rng.uniform(-1.9, 1.9);
    if (std::fabs(x) < 0.1 || std::fabs(y) < 0.1) continue;
    int k = x * y > 0 ? 0 : x < 0 ? 1 : 2;
    if (k == c) return {x, y, c};
  }
}
Point spiral(RNG& rng, int c) {  // three interleaved arms
  double t = rng.random();
  double a = c * 2 * M_PI / 3 + t * 2.2 * M_PI, r = 0.15 + 1.65 * t;
  return {r * std::cos(a), r * std::sin(a), c};
}
Point blobs(RNG& rng, int c) {  // three Gaussian blobs around a circle of radius 1.1
  double a = M_PI / 2 + c * 2 * M_PI / 3;
  return {1.1 * std::cos(a) + 0.35 * gaussian(rng), 1.1 * std::sin(a) + 0.35 * gaussian(rng), c};
}
}  // namespace

Splits gen_dataset(Dataset kind, RNG& rng, int n, double noise) {
  std::vector<Point> pts;
  if (kind == Dataset::YinYang) {
    Splits s = gen_yinyang(rng, n);
    for (auto* part : {&s.train, &s.val, &s.test}) pts.insert(pts.end(), part->begin(), part->end());
    if (noise == 0) return s;
    for (Point& p : pts) {
      p.x += noise * gaussian(rng);
      p.y += noise * gaussian(rng);
    }
    return split_points(pts);
  }
  for (int i = 0; i < n; ++i) {
    int c = i % 3;
    Point p = kind == Dataset::Circles ? circles(rng, c) : kind == Dataset::Xor ? xor3(rng, c)
              : kind == Dataset::Spiral ? spiral(rng, c) : blobs(rng, c);
    if (noise != 0) {
      p.x += noise * gaussian(rng);
      p.y += noise * gaussian(rng);
    }
    pts.push_back(p);
  }
  return split_points(pts);
}

}  // namespace mg
