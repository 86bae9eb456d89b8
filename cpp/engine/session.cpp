// The Session's set-up, training calls and the checks every call shares: readiness, memory and work.
#include "session.h"

#include <algorithm>
#include <cmath>

#include "session_util.h"
#include "settings_parse.h"

namespace mg {

namespace {
std::string network_text(const std::vector<int>& hidden) {  // "2-16-8-3"
  std::string s = "2";
  for (int w : hidden) s += "-" + std::to_string(w);
  return s + "-" + std::to_string(kClasses);
}
}  // namespace

Session::~Session() { MemoryBudget::release(held_); }

Session::Session(Session&& o) noexcept { *this = std::move(o); }

Session& Session::operator=(Session&& o) noexcept {
  if (this == &o) return *this;
  MemoryBudget::release(held_);
  t_ = std::move(o.t_);
  error_ = std::move(o.error_);
  buf_ = std::move(o.buf_);
  fbuf_ = std::move(o.fbuf_);
  fast_ = std::move(o.fast_);
  gdata_ = std::move(o.gdata_);
  ggrad_ = std::move(o.ggrad_);
  graph_size_ = o.graph_size_;
  count_ = o.count_;
  last_steps_ = o.last_steps_;
  diverged_ = o.diverged_;
  nodes_per_point_ = o.nodes_per_point_;
  fp_ = o.fp_;
  held_ = o.held_;
  o.held_ = 0;
  return *this;
}

bool Session::fail(const std::string& msg) {
  error_ = msg;
  return false;
}

bool Session::ready() {
  error_.clear();
  if (!t_) return fail("engine: not configured");
  return true;
}

std::string Session::set_memory_budget(double bytes) {
  std::string error;
  if (!check_integer(bytes, "memoryBudget", {16e6, static_cast<double>(kMaxMemoryBudget)}, error)) return error;
  MemoryBudget::set_limit(static_cast<int64_t>(bytes));
  return "";
}

bool Session::afford(Footprint want, const char* field, const std::string& what) {
  want = want.max(fp_);
  if (!MemoryBudget::fits(held_, want.bytes()))
    return fail(std::string(field) + ": " + what + " needs about " + bytes_text(want.bytes()) + " of memory, more than the " +
                bytes_text(MemoryBudget::limit()) + " budget allows (" + bytes_text(MemoryBudget::in_use() - held_) +
                " held by other trainers)");
  MemoryBudget::take(held_, want.bytes());
  fp_ = want;
  return true;
}

bool Session::afford_graph(int64_t points, const char* field, const std::string& what) {
  Footprint f;  // the batched replay: one point's graph recorded, then run over the points in chunks
  f.record_nodes = nodes_per_point_;
  f.tape_nodes = fp_.params + nodes_per_point_;
  f.batch = static_cast<int64_t>(batch_replay_bytes(t_->config().hidden, points));
  if (!afford(f, field, what)) return false;
  if (guard(false, [&] { return t_->batched(); })) return true;  // records it, if not yet done
  if (!error_.empty()) return false;
  Footprint g;  // a network the batch cannot record: the graph of all the points on the tape, and its recording
  g.recorded_nodes = g.tape_nodes = fp_.params + nodes_per_point_ * points;
  return afford(g, field, what);
}

bool Session::afford_trace(const char* field) {
  if (!check_traced_size()) return false;
  Footprint f;
  f.tape_nodes = fp_.params + nodes_per_point_;
  f.traced_nodes = f.text_nodes = fp_.params + nodes_per_point_;  // the parameters are its nodes too; graph()'s JSON
  return afford(f, field, "the traced graph");
}

bool Session::afford_buffer(int64_t bytes, const char* field, const std::string& what) {
  Footprint f;
  f.double_buffer = bytes;
  return afford(f, field, what);
}

int64_t Session::step_work() const {
  return 2 * nodes_per_point_ * std::max<int64_t>(1, static_cast<int64_t>(t_->data().train.size()));
}

bool Session::check_work(int64_t work, const char* field, const std::string& what, const std::string& how) {
  int64_t limit = std::max(kMaxCallWork, step_work());
  if (work <= limit) return true;
  return fail(std::string(field) + ": " + what + " is too much work for one call (" + std::to_string(work) +
              " graph nodes to visit; a call may visit " + std::to_string(limit) + ", the larger of " +
              std::to_string(kMaxCallWork) + " and one training step); " + how);
}

double* Session::out(size_t n) {
  if (buf_.capacity() < n) std::vector<double>().swap(buf_), buf_.reserve(n);
  buf_.resize(n);
  return buf_.data();
}

float* Session::fout(size_t n) {
  if (fbuf_.capacity() < n) std::vector<float>().swap(fbuf_), fbuf_.reserve(n);
  fbuf_.resize(n);
  return fbuf_.data();
}

void Session::recover() {
  std::vector<double>().swap(buf_);
  std::vector<float>().swap(fbuf_);
  std::vector<double>().swap(gdata_);
  std::vector<double>().swap(ggrad_);
  if (t_) {
    t_->release_trace();
    t_->data_changed();
    t_->tape().nodes.shrink_to_fit();
  }
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
  int64_t train = static_cast<int64_t>(0.8 * cfg.n);
  Footprint f = training_footprint(cfg.hidden, cfg.n, train);
  if (!MemoryBudget::fits(held_, f.bytes()))  // this session's share goes to the new trainer
    return error_ = "hidden: training " + network_text(cfg.hidden) + " on " + std::to_string(train) + " points needs about " +
                    bytes_text(f.bytes()) + " of memory, more than the " + bytes_text(MemoryBudget::limit()) +
                    " budget allows (" + bytes_text(MemoryBudget::in_use() - held_) +
                    " held by other trainers); use a smaller network or fewer points";
  guard(false, [&] {
    t_ = std::make_unique<Trainer>(cfg);  // if this throws, the old trainer stays
    MemoryBudget::take(held_, f.bytes());
    nodes_per_point_ = nodes_per_point(cfg.hidden);
    fp_ = f;
    graph_size_ = 0;
    last_steps_ = 0;
    diverged_ = false;
    std::vector<double>().swap(buf_);
    std::vector<float>().swap(fbuf_);
    return true;
  });
  return error_;
}

double Session::step() {
  last_steps_ = 0;
  if (!ready()) return std::nan("");
  int64_t train = static_cast<int64_t>(t_->data().train.size());
  if (!afford_graph(train, "points", "training on " + std::to_string(train) + " points")) return std::nan("");
  return guard(std::nan(""), [&] {
    double loss = t_->step();
    last_steps_ = train > 0;
    if (last_steps_) diverged_ = !std::isfinite(loss);
    return loss;
  });
}

double Session::steps(double k) {
  if (!ready()) return last_steps_ = 0, std::nan("");
  if (!is_int_in(k, 1, kMaxStepsPerCall)) {
    last_steps_ = 0;
    fail("steps: expected an integer from 1 to " + std::to_string(kMaxStepsPerCall) + ", got " + shown(k));
    return std::nan("");
  }
  int64_t most = std::max<int64_t>(1, kMaxCallWork / step_work());
  double loss = std::nan("");
  int done = 0;
  for (int64_t i = 0; i < std::min<int64_t>(static_cast<int64_t>(k), most); ++i) {
    loss = step();
    done += last_steps_;
    if (!error_.empty() || last_steps_ == 0 || diverged_) break;
  }
  last_steps_ = done;
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
  if (!s) return std::nan("");
  int64_t m = static_cast<int64_t>(s->size());
  std::string what = "evaluating " + std::to_string(m) + " points";
  if (!check_work(nodes_per_point_ * m, "split", what, "evaluate fewer points") || !afford_graph(m, "split", what))
    return std::nan("");
  return guard(std::nan(""), [&] { return t_->loss(*s); });
}

bool Session::params_finite() const {
  for (size_t i = 0; i < t_->params().size(); ++i)
    if (!std::isfinite(t_->param(static_cast<int>(i)))) return false;
  return true;
}

double Session::accuracy(double split) {
  std::vector<Point>* s = split_of(split, "split");
  if (!s) return std::nan("");
  if (!params_finite()) return std::nan("");  // a diverged network classifies nothing: no plausible fraction
  int64_t m = static_cast<int64_t>(s->size());
  if (!afford_graph(m, "split", "classifying " + std::to_string(m) + " points")) return std::nan("");
  return guard(std::nan(""), [&] { return t_->accuracy(*s); });
}

void Session::reset() {
  if (!ready()) return;
  t_->reset();
  diverged_ = false;
  last_steps_ = 0;
}

void Session::set_lr(double lr) {
  if (ready() && check_number(lr, "lr", kLrRange, error_)) t_->set_lr(lr);
}

void Session::set_weight_decay(double wd) {
  if (ready() && check_number(wd, "weightDecay", kWeightDecayRange, error_)) t_->set_weight_decay(wd);
}

bool Session::check_point(double x, double y, double label) {
  return check_number(x, "x", {-kMaxCoord, kMaxCoord}, error_) && check_number(y, "y", {-kMaxCoord, kMaxCoord}, error_) &&
         check_integer(label, "label", {0, kClasses - 1}, error_);
}

}  // namespace mg
