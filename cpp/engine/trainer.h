// One training run: data, MLP, optimizer and tape together, stepped like the reference's training loop,
// plus the traced point's graph (the picture the reference draws).
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "data.h"
#include "nn.h"
#include "optim.h"
#include "replay.h"
#include "replay_batch.h"

namespace mg {

enum class OptKind : uint8_t { AdamW, SGD };

// How the step (and loss, accuracy, point grads) is computed: the batched replay (replay_batch.h, the default), the
// per-point replay of the recorded step (replay.h), or the graph built and sorted anew (the reference's way). The
// same digits every way: the other two are the references the batch is tested against, and benchmarks.
enum class StepPath : uint8_t { Batch, Replay, Graph };

struct Config {
  uint64_t seed = 42;
  int n = 100;
  Dataset dataset = Dataset::YinYang;
  double noise = 0.0;
  std::vector<int> hidden{8};
  Act act = Act::Tanh;
  OptKind optimizer = OptKind::AdamW;
  double lr = 0.1, weight_decay = 1e-4, momentum = 0.9;
};

// The traced point's graph in trace order (utils.trace): what graph.json and the graph view show.
struct GraphNode {
  std::string op;   // "" for a leaf, "+", "*", "**-1", "tanh", ...
  double data = 0, grad = 0;
  bool int_data = false, int_grad = false;  // Python ints (print without ".0")
  int param = -1;   // parameter index, -1 when not a parameter
  bool input = false;
  std::string name;
  int layer = -1, neuron = -1;  // the neuron it belongs to (its weights, bias, products, sums, output); -1: none
};
struct Graph {
  std::vector<GraphNode> nodes;
  std::vector<std::pair<int32_t, int32_t>> edges;  // (child, parent) as indices into nodes
};

class Trainer {
 public:
  explicit Trainer(const Config& cfg);
  Trainer(const Config& cfg, const Splits& data);  // the network of cfg on given points
  double step();  // one full-batch step; returns its train loss (NaN, and no change, without training points)
  double loss(const std::vector<Point>& split);    // mean cross-entropy, forward only (NaN if empty)
  void predict(double x, double y, double probs[3]) { model_.predict(tape_, x, y, probs, scratch_); }
  double accuracy(const std::vector<Point>& split);  // fraction classified right (argmax), NaN if empty
  void reset();                                     // the initial network again (same seed), data kept
  Tape& tape() { return tape_; }
  Graph graph(double x, double y, int label);      // the traced point's graph, after its own backward
  // data and grad of graph(x, y, label)'s nodes, in its order, without rebuilding names or edges
  void graph_values(double x, double y, int label, std::vector<double>& data, std::vector<double>& grad);

  const Config& config() const { return cfg_; }
  Splits& data() { return data_; }
  // Call after changing data(): the recorded step (see replay.h) is made again on the next step(). (step()
  // also compares the training points with the recorded ones, so a forgotten call costs speed, not results.)
  void data_changed() {
    replay_.clear();
    batch_.release_work();
  }
  void set_path(StepPath p) { path_ = p; replay_.clear(); }
  StepPath path() const { return path_; }
  bool batched();  // the batched replay is recorded and usable (records it on first use)
  // Training point i's own gradient of its loss * (1/n), at [i * P + p] (the batch gradient adds them up).
  void point_grads(std::vector<double>& out);
  // Each point's loss and predicted class.
  void point_stats(const std::vector<Point>& split, std::vector<double>& loss, std::vector<int>& predicted);
  size_t replay_bytes() const { return replay_.bytes() + batch_.bytes(); }  // what the recorded steps hold
  const MLP& model() const { return model_; }
  const std::vector<int32_t>& params() const { return params_; }
  double param(int i) const { return tape_.nodes[params_[i]].data; }
  bool param_is_int(int i) const { return tape_.nodes[params_[i]].flags & kIntData; }
  int steps_done() const { return steps_; }
  void set_lr(double lr);
  void set_weight_decay(double wd);
  // optimizer state per parameter: the grad the last step used, first moment (SGD: the velocity), second moment
  double opt_grad(int i) const;
  double opt_m(int i) const;
  double opt_v(int i) const;
  // as the last step computed them: AdamW's bias-corrected moments (0 for SGD), the change applied to the parameter
  double opt_m_hat(int i) const;
  double opt_v_hat(int i) const;
  double opt_delta(int i) const;
  const AdamW& adamw() const { return adamw_; }  // the optimizers' constants (betas, eps, momentum)
  const SGD& sgd() const { return sgd_; }

  // Builds the traced point's loss on the tape (after the parameters) and runs its backward; the caller
  // reads the tape, then calls release_trace() to drop it and zero the parameters' grads.
  Value traced_loss(double x, double y, int label, Namer* names);
  void release_trace() { zero_grad(tape_, params_); tape_.truncate(nparams_); }
  int32_t num_param_nodes() const { return nparams_; }

 private:
  Config cfg_;
  RNG rng_;
  Splits data_;
  Tape tape_;
  MLP model_;
  std::vector<int32_t> params_;
  int32_t nparams_ = 0;
  AdamW adamw_;
  SGD sgd_;
  int steps_ = 0;
  Namer names_;
  Replay replay_;
  BatchReplay batch_;
  StepPath path_ = StepPath::Batch;
  bool batch_failed_ = false;
  std::vector<double> scratch_;
  std::vector<double> init_params_;
  std::vector<int32_t> trace_nodes_;
  std::vector<std::pair<int32_t, int32_t>> trace_edges_;

  Value loss_fun(const std::vector<Point>& split);
  void fresh_optimizers();  // zero moments, the configured hyperparameters
};

}  // namespace mg
