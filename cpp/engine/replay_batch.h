// The training step's graph replayed for many points at once: one point's graph recorded per label, each of its
// ops run once over a group of points (structure of arrays, the inner loop over points, SIMD where it is plain
// arithmetic), with every number bit for bit what the graph built and sorted anew gives.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "data.h"
#include "value.h"

namespace mg {

// Builds one point's graph on `tape` (after the parameters) and returns its roots: the point's loss for training,
// the class probabilities for evaluation. Trainer passes cross_entropy(model(x), label) and softmax(model(x)).
using PointGraph = std::function<std::vector<Value>(Tape& tape, double x, double y, int label)>;

// One point's graph as a schedule over rows (a row holds one value per point of a group): leaves filled before a
// run (constants, the point's x and y), then steps in the graph's topological order. A step is one op of value.cpp
// over the rows, or a fused sum `start + a0*b0 + a1*b1 + ...` (a neuron: Mul and Add nodes whose partial results
// nothing else reads), computed lane by lane in exactly the graph's order. Backward runs the steps in reverse.
struct PointTape {
  struct Fill {
    enum Kind : uint8_t { Const, InputX, InputY, Param } kind;
    double value;      // Const
    int32_t param;     // Param: a parameter's value, for a plain op that reads it
    int32_t row;
  };
  // An operand: its data row, and where its gradient goes: grad >= 0 a row's grad, kSink nowhere (a leaf),
  // <= kCell0 the per-point cell of parameter kCell0 - grad.
  static constexpr int32_t kSink = -1, kCell0 = -2;
  struct Ref {
    int32_t row = -1, grad = kSink;
  };
  struct Term {
    int32_t param;  // a: a parameter
    Ref b;          // b: a row
  };
  struct Step {
    Op op = Op::Leaf;   // Op::Leaf: a fused sum
    double k = 0;       // a Pow's exponent
    Ref a, b;           // a plain op's operands (b.row = -1 when unary); a fused sum's start in a
    int32_t start_param = -1;  // a fused sum that starts from a parameter (a bias): its index, else -1
    int32_t out = -1;
    int32_t t0 = 0, t1 = 0;    // a fused sum's terms
  };
  int32_t rows = 0;
  std::vector<Fill> fills;
  std::vector<Step> steps;
  std::vector<Term> terms;
  std::vector<int32_t> outputs;     // rows of the roots
  std::vector<int32_t> add_params;  // parameters a plain op adds into, or that nothing touches: cells zeroed first
  bool exact_across_points = false; // each parameter gets at most one gradient contribution per point

  size_t bytes() const;
};

// Records a point's graph as a PointTape: builds it twice (two probe points) to tell the point's coordinates from
// constants and to check that its shape does not depend on them, fuses the neurons' sums, and checks that the
// fused schedule adds into every gradient in the graph's own order. False (and `why`) when the graph cannot be
// batched; the caller then keeps the per-point replay.
bool record_point_tape(Tape& tape, int32_t nparams, const PointGraph& graph, int label, PointTape& out,
                       const char** why);

// v.resize(n), but an allocation that grows grows to exactly n (no growth factor): the batch's buffers stay within
// batch_replay_bytes. The contents are not kept when it grows (every user refills them).
template <class T>
void fit(std::vector<T>& v, size_t n) {
  if (n > v.capacity()) {
    std::vector<T> fresh;
    fresh.reserve(n);
    v.swap(fresh);
  }
  v.resize(n);
}

// The working rows of one group of points and one run of a PointTape over them (replay_lanes.cpp).
class GroupRun {
 public:
  // n points (coordinates xs, ys) with parameter values pv: forward; then, if `cells`, backward from `seed` at the
  // first output, point j's gradient of parameter p landing in cells[j * cell_stride + p].
  void run(const PointTape& pt, const double* xs, const double* ys, int32_t n, const double* pv, double* cells,
           int32_t cell_stride, double seed);
  const double* row(int32_t r) const;  // row r of the last run: point j at [j]
  size_t bytes() const;
  void release();

 private:
  std::vector<double> rows_, w_;
  std::vector<int32_t> off_;
  int32_t stride_ = 0;
};

// The batched replay of one network. Records lazily (the recording depends on the network, not on the points).
class BatchReplay {
 public:
  // The recordings for this network: a loss graph per label and a probabilities graph. False if they cannot be
  // batched (then nothing else here may be called).
  bool record(Tape& tape, int32_t nparams, const PointGraph& loss, const PointGraph& probs);
  bool recorded() const { return recorded_; }

  // The training loss of the reference, (0.0 + l_0 + ... + l_{n-1}) * (1/n), and its backward: each parameter's
  // gradient into the tape (expected zero, as after zero_grad), added over the points in the reference's order.
  double step(Tape& tape, const std::vector<Point>& train);
  // Each training point's own gradient of loss * (1/n) (what point i adds to the batch gradient): [i * P + p].
  void point_grads(Tape& tape, const std::vector<Point>& train, std::vector<double>& out);
  // Forward only, in chunks of bounded size: the mean loss as the reference computes it (NaN if empty), and per
  // point (if asked for) its loss and predicted class, and the number classified right.
  double evaluate(Tape& tape, const std::vector<Point>& split, std::vector<double>* losses,
                  std::vector<int>* predicted, int* right);

  size_t bytes() const;  // what it holds now
  void release_work();   // frees the working buffers (they grow again to what the next call needs)

 private:
  bool recorded_ = false;
  int32_t nparams_ = 0, pstride_ = 0;  // parameters, and per point in the cells (even, for SIMD pairs)
  int32_t chunk_ = 0;                  // points per chunk
  PointTape loss_[3], probs_;
  GroupRun group_;
  std::vector<double> params_, grad_, cells_, xy_, point_loss_;
  std::vector<int32_t> lanes_[3], col_;
  template <class Each>
  void backward_chunks(Tape& tape, const std::vector<Point>& train, double seed, const Each& each);
};

// An upper bound of the bytes a BatchReplay of the MLP 2-hidden-3 holds for `points` points (recordings, the
// working rows of one chunk, and per-point arrays), for memory budgets (tests/cpp/test_batch.cpp checks it).
size_t batch_replay_bytes(const std::vector<int>& hidden, int64_t points);

}  // namespace mg
