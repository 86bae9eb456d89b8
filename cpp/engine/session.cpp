// Validation and buffer plumbing for the JS API; all training logic lives in Trainer.
#include "session.h"

#include <cctype>
#include <cmath>

#include "graph_io.h"
#include "session_util.h"
#include "engine_limits.h"
#include "settings_parse.h"
#include "pyfloat.h"

namespace mg {

namespace {
std::string json_escape(const std::string& s) {
  std::string o;
  for (char c : s) {
    if (c == '"' || c == '\\') o += '\\';
    if (static_cast<unsigned char>(c) < 0x20) continue;
    o += c;
  }
  return o;
}

// Graph nodes one training point builds: products and sums per weight, activations, softmax, loss.
int64_t nodes_per_point(const std::vector<int>& hidden) {
  int64_t total = 0, nin = 2;
  std::vector<int> sizes = hidden;
  sizes.push_back(3);
  for (int w : sizes) {
    total += static_cast<int64_t>(w) * (3 * nin + 1);
    nin = w;
  }
  return total + 20;
}
}  // namespace

bool Session::fail(const std::string& msg) {
  error_ = msg;
  return false;
}

bool Session::ready() {
  error_.clear();
  if (!t_) return fail("engine: not configured");
  return true;
}

std::string Session::configure(double seed, double n, const std::string& hidden, const std::string& act,
                               const std::string& optimizer, double lr, double weight_decay,
                               const std::string& dataset, double noise) {
  error_.clear();
  Config cfg;
  if (!check_integer(seed, "seed", kSeedRange, error_) || !check_integer(n, "n", {kMinPoints, kMaxPoints}, error_) ||
      !parse_hidden(hidden, "hidden", cfg.hidden, error_) || !parse_activation(act, "activation", cfg.act, error_) ||
      !parse_optimizer(optimizer, "optimizer", cfg.optimizer, error_) || !check_number(lr, "lr", kLrRange, error_) ||
      !check_number(weight_decay, "weightDecay", kWeightDecayRange, error_) ||
      !parse_dataset(dataset, "dataset", cfg.dataset, error_) || !check_number(noise, "noise", kNoiseRange, error_))
    return error_;
  cfg.seed = static_cast<uint64_t>(seed);
  cfg.n = static_cast<int>(n);
  cfg.lr = lr;
  cfg.weight_decay = weight_decay;
  cfg.noise = noise;
  int64_t per_point = nodes_per_point(cfg.hidden);
  int64_t train = static_cast<int64_t>(0.8 * cfg.n);
  if (per_point * std::max<int64_t>(train, 1) > kMaxTapeNodes)
    return error_ = "hidden: network too large for " + std::to_string(cfg.n) + " points (" +
                    std::to_string(per_point * train) + " graph nodes per step, limit " + std::to_string(kMaxTapeNodes) + ")";
  t_ = std::make_unique<Trainer>(cfg);
  nodes_per_point_ = per_point;
  graph_size_ = 0;
  return error_;
}

double Session::step() {
  if (!ready()) return std::nan("");
  return t_->step();
}

double Session::steps(double k) {
  if (!ready()) return std::nan("");
  if (!is_int_in(k, 1, kMaxStepsPerCall)) {
    fail("steps: expected an integer from 1 to " + std::to_string(kMaxStepsPerCall) + ", got " + shown(k));
    return std::nan("");
  }
  int64_t per_step = nodes_per_point_ * std::max<int64_t>(1, static_cast<int64_t>(t_->data().train.size()));
  if (static_cast<int64_t>(k) * per_step > kMaxNodesPerCall) {
    fail("steps: at most " + std::to_string(kMaxNodesPerCall / per_step) + " steps per call for this network and data (" +
         std::to_string(per_step) + " graph nodes a step); call again for more");
    return std::nan("");
  }
  double loss = 0;
  for (int i = 0; i < static_cast<int>(k); ++i) loss = t_->step();
  return loss;
}

std::vector<Point>* Session::split_of(double split, const char* field) {
  if (!ready()) return nullptr;
  if (!is_int_in(split, 0, 2)) {
    fail(std::string(field) + ": expected 'train', 'val' or 'test'");
    return nullptr;
  }
  Splits& d = t_->data();
  return split == 0 ? &d.train : split == 1 ? &d.val : &d.test;
}

double Session::loss(double split) {
  std::vector<Point>* s = split_of(split, "split");
  return s ? t_->loss(*s) : std::nan("");
}

double Session::accuracy(double split) {
  std::vector<Point>* s = split_of(split, "split");
  return s ? t_->accuracy(*s) : std::nan("");
}

void Session::reset() {
  if (ready()) t_->reset();
}

void Session::set_lr(double lr) {
  if (!ready()) return;
  if (check_number(lr, "lr", kLrRange, error_)) t_->set_lr(lr);
}

void Session::set_weight_decay(double wd) {
  if (!ready()) return;
  if (check_number(wd, "weightDecay", kWeightDecayRange, error_)) t_->set_weight_decay(wd);
}

bool Session::check_point(double x, double y, double label) {
  if (!std::isfinite(x) || std::fabs(x) > kMaxCoord) return fail("x: expected a finite number from -1000 to 1000, got " + shown(x));
  if (!std::isfinite(y) || std::fabs(y) > kMaxCoord) return fail("y: expected a finite number from -1000 to 1000, got " + shown(y));
  if (!is_int_in(label, 0, 2)) return fail("label: expected 0, 1 or 2, got " + shown(label));
  return true;
}

uintptr_t Session::forward(double x, double y) {
  if (!ready() || !check_point(x, y, 0)) return 0;
  buf_.resize(3);
  t_->predict(x, y, buf_.data());
  return reinterpret_cast<uintptr_t>(buf_.data());
}

bool Session::check_traced_size() {
  if (nodes_per_point_ > kMaxTracedNodes)
    return fail("graph: the traced graph would have about " + std::to_string(nodes_per_point_) + " nodes (limit " +
                std::to_string(kMaxTracedNodes) + "); use a smaller network");
  return true;
}

std::string Session::graph_json(double x, double y, double label) {
  if (!ready() || !check_point(x, y, label) || !check_traced_size()) return "";
  Graph g = t_->graph(x, y, static_cast<int>(label));
  graph_size_ = static_cast<int>(g.nodes.size());
  std::string s = "{\"nodes\":[";
  for (size_t i = 0; i < g.nodes.size(); ++i) {
    const GraphNode& n = g.nodes[i];
    if (i) s += ',';
    s += "{\"op\":\"" + json_escape(n.op) + "\",\"param\":" + (n.param >= 0 ? std::to_string(n.param) : "null") +
         ",\"input\":" + (n.input ? "true" : "false") + ",\"name\":\"" + json_escape(n.name) +
         "\",\"layer\":" + (n.layer >= 0 ? std::to_string(n.layer) : "null") +
         ",\"neuron\":" + (n.neuron >= 0 ? std::to_string(n.neuron) : "null") + "}";
  }
  s += "],\"edges\":[";
  for (size_t i = 0; i < g.edges.size(); ++i)
    s += (i ? ",[" : "[") + std::to_string(g.edges[i].first) + "," + std::to_string(g.edges[i].second) + "]";
  return s + "]}";
}

uintptr_t Session::graph_values(double x, double y, double label) {
  if (!ready() || !check_point(x, y, label) || !check_traced_size()) return 0;
  std::vector<double>& data = gdata_;
  std::vector<double>& grad = ggrad_;
  t_->graph_values(x, y, static_cast<int>(label), data, grad);
  graph_size_ = static_cast<int>(data.size());
  buf_.resize(2 * data.size());
  std::copy(data.begin(), data.end(), buf_.begin());
  std::copy(grad.begin(), grad.end(), buf_.begin() + data.size());
  return reinterpret_cast<uintptr_t>(buf_.data());
}

uintptr_t Session::boundary(double w, double h, double x0, double x1, double y0, double y1) {
  if (!ready()) return 0;
  if (!is_int_in(w, 1, kMaxBoundarySide) || !is_int_in(h, 1, kMaxBoundarySide))
    return fail("boundary: width and height must be integers from 1 to " + std::to_string(kMaxBoundarySide) + ", got " + shown(w) + "x" + shown(h)), 0;
  for (double v : {x0, x1, y0, y1})
    if (!std::isfinite(v) || std::fabs(v) > kMaxCoord) return fail("boundary: extent must be finite numbers from -1000 to 1000"), 0;
  if (!(x1 > x0) || !(y1 > y0)) return fail("boundary: expected x0 < x1 and y0 < y1"), 0;
  int W = static_cast<int>(w), H = static_cast<int>(h);
  int64_t work = static_cast<int64_t>(W) * H * static_cast<int64_t>(t_->params().size());
  if (work > kMaxBoundaryWork)
    return fail("boundary: " + std::to_string(W) + "x" + std::to_string(H) + " cells for " + std::to_string(t_->params().size()) +
                " parameters is too much work for one call (cells x parameters at most " + std::to_string(kMaxBoundaryWork) + "); use fewer cells"), 0;
  fbuf_.resize(static_cast<size_t>(W) * H * 3);
  fast_.load(t_->model(), t_->tape());  // a picture, not digits: float32 SIMD without a graph
  fast_.grid(W, H, x0, x1, y0, y1, fbuf_.data());
  return reinterpret_cast<uintptr_t>(fbuf_.data());
}

uintptr_t Session::parameters() {
  if (!ready()) return 0;
  buf_.resize(t_->params().size());
  for (size_t i = 0; i < buf_.size(); ++i) buf_[i] = t_->param(static_cast<int>(i));
  return reinterpret_cast<uintptr_t>(buf_.data());
}

std::string Session::param_names() {
  if (!ready()) return "";
  std::string s = "[";
  const MLP& m = t_->model();
  for (size_t l = 0; l < m.layers.size(); ++l)
    for (size_t n = 0; n < m.layers[l].neurons.size(); ++n)
      for (int i = 0; i <= static_cast<int>(m.layers[l].neurons[n].w.size()); ++i) {
        int input = i < static_cast<int>(m.layers[l].neurons[n].w.size()) ? i : -1;  // weights, then the bias
        s += (s.size() > 1 ? ",\"" : "\"") + param_name(static_cast<int>(l), static_cast<int>(n), input) + "\"";
      }
  return s + "]";
}

uintptr_t Session::optimizer_state() {
  if (!ready()) return 0;
  size_t P = t_->params().size();
  buf_.resize(3 * P);
  for (size_t i = 0; i < P; ++i) {
    buf_[i] = t_->opt_grad(static_cast<int>(i));
    buf_[P + i] = t_->opt_m(static_cast<int>(i));
    buf_[2 * P + i] = t_->opt_v(static_cast<int>(i));
  }
  return reinterpret_cast<uintptr_t>(buf_.data());
}

int Session::num_points(double split) {
  std::vector<Point>* s = split_of(split, "split");
  return s ? static_cast<int>(s->size()) : 0;
}

uintptr_t Session::points(double split) {
  std::vector<Point>* s = split_of(split, "split");
  if (!s) return 0;
  buf_.resize(3 * s->size() + 1);  // +1: a valid pointer even for an empty split
  for (size_t i = 0; i < s->size(); ++i) {
    buf_[3 * i] = (*s)[i].x;
    buf_[3 * i + 1] = (*s)[i].y;
    buf_[3 * i + 2] = (*s)[i].label;
  }
  return reinterpret_cast<uintptr_t>(buf_.data());
}

bool Session::check_budget(size_t train_points) {
  if (static_cast<int64_t>(train_points) * nodes_per_point_ > kMaxTapeNodes)
    return fail("points: too many training points for this network (limit " +
                std::to_string(kMaxTapeNodes / nodes_per_point_) + ")");
  return true;
}

bool Session::add_point(double x, double y, double label, double split) {
  std::vector<Point>* s = split_of(split, "split");
  if (!s || !check_point(x, y, label)) return false;
  Splits& d = t_->data();
  if (d.train.size() + d.val.size() + d.test.size() >= static_cast<size_t>(kMaxPoints))
    return fail("points: at most " + std::to_string(kMaxPoints) + " points");
  if (s == &d.train && !check_budget(d.train.size() + 1)) return false;
  s->push_back({x, y, static_cast<int>(label)});
  t_->data_changed();
  return true;
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
  if (!is_int_in(label, 0, 2)) return fail("label: expected 0, 1 or 2, got " + shown(label));
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

}  // namespace mg
