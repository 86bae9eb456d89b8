// The Session's points: read them, add, move, relabel, remove and clear, each validated, each refused when the
// training step it leads to would not fit the memory budget; and a dataset's points without a network.
#include "session.h"
#include "session_util.h"

namespace mg {

int Session::num_points(double split) {
  std::vector<Point>* s = split_of(split, "split");
  return s ? static_cast<int>(s->size()) : 0;
}

uintptr_t Session::points(double split) {
  std::vector<Point>* s = split_of(split, "split");
  if (!s) return 0;
  double* p = out(3 * s->size() + 1);  // +1: a valid pointer even for an empty split
  for (size_t i = 0; i < s->size(); ++i) {
    p[3 * i] = (*s)[i].x;
    p[3 * i + 1] = (*s)[i].y;
    p[3 * i + 2] = (*s)[i].label;
  }
  return reinterpret_cast<uintptr_t>(p);
}

bool Session::add_point(double x, double y, double label, double split) {
  std::vector<Point>* s = split_of(split, "split");
  if (!s || !check_point(x, y, label)) return false;
  Splits& d = t_->data();
  size_t total = d.train.size() + d.val.size() + d.test.size();
  if (total >= static_cast<size_t>(kMaxPoints)) return fail("points: at most " + std::to_string(kMaxPoints) + " points");
  Footprint f;
  f.points = static_cast<int64_t>(total) + 1;
  if (s == &d.train) f.batch = static_cast<int64_t>(batch_replay_bytes(t_->config().hidden, static_cast<int64_t>(d.train.size()) + 1));
  if (!afford(f, "points", "training on " + std::to_string(d.train.size() + (s == &d.train)) + " points")) return false;
  return guard(false, [&] {
    s->push_back({x, y, static_cast<int>(label)});
    t_->data_changed();
    return true;
  });
}

bool Session::move_point(double split, double index, double x, double y) {
  std::vector<Point>* s = split_of(split, "split");
  if (!s) return false;
  if (!is_int_in(index, 0, static_cast<double>(s->size()) - 1)) return fail("index: no point " + shown(index) + " in this split");
  if (!check_point(x, y, 0)) return false;
  (*s)[static_cast<size_t>(index)].x = x;
  (*s)[static_cast<size_t>(index)].y = y;
  t_->data_changed();
  return true;
}

bool Session::set_label(double split, double index, double label) {
  std::vector<Point>* s = split_of(split, "split");
  if (!s) return false;
  if (!is_int_in(index, 0, static_cast<double>(s->size()) - 1)) return fail("index: no point " + shown(index) + " in this split");
  if (!check_integer(label, "label", {0, kClasses - 1}, error_)) return false;
  (*s)[static_cast<size_t>(index)].label = static_cast<int>(label);
  t_->data_changed();
  return true;
}

bool Session::remove_point(double split, double index) {
  std::vector<Point>* s = split_of(split, "split");
  if (!s) return false;
  if (!is_int_in(index, 0, static_cast<double>(s->size()) - 1)) return fail("index: no point " + shown(index) + " in this split");
  s->erase(s->begin() + static_cast<size_t>(index));
  t_->data_changed();
  return true;
}

void Session::clear_points() {
  if (!ready()) return;
  Splits& d = t_->data();
  d.train.clear();
  d.val.clear();
  d.test.clear();
  t_->data_changed();
}

uintptr_t Session::dataset(const std::string& name, double n, double noise, double seed) {
  error_.clear();
  Dataset kind;
  if (!parse_dataset(name, "dataset", kind, error_) || !check_integer(n, "n", {kMinPoints, kMaxPoints}, error_) ||
      !check_number(noise, "noise", kNoiseRange, error_) || !check_integer(seed, "seed", kSeedRange, error_))
    return 0;
  // the generated splits, then the buffer: 24 bytes a point for each, doubled by growth
  if (!afford_buffer(8 * (3 + 3 * static_cast<int64_t>(n)) + 48 * static_cast<int64_t>(n), "dataset", "the dataset's points"))
    return 0;
  return guard(uintptr_t{0}, [&] {
    RNG rng(static_cast<uint64_t>(seed));  // as a Trainer makes its data: the generator's first draws
    Splits s = gen_dataset(kind, rng, static_cast<int>(n), noise);
    double* p = out(3 + 3 * (s.train.size() + s.val.size() + s.test.size()));
    *p++ = static_cast<double>(s.train.size());
    *p++ = static_cast<double>(s.val.size());
    *p++ = static_cast<double>(s.test.size());
    for (const auto* part : {&s.train, &s.val, &s.test})
      for (const Point& q : *part) *p++ = q.x, *p++ = q.y, *p++ = static_cast<double>(q.label);
    count_ = static_cast<int>(s.train.size() + s.val.size() + s.test.size());
    return reinterpret_cast<uintptr_t>(buf_.data());
  });
}

}  // namespace mg
