// A recorded tape replayed forward and backward: one training step's graph, recorded once, rerun each step.
#pragma once
#include <cstdint>
#include <vector>

#include "data.h"
#include "value.h"

namespace mg {

// The graph of a training step has the same shape every step while the points and the network stay the
// same; only the parameters' values change. Replay keeps the nodes that reach the loss in flat arrays (values in
// data/grad, ops as OpRecords run by the rules of value.cpp), in a fixed layout of slots:
//
//   [0, P)         the parameters: the tape's first P nodes, their data copied in before each run
//   [P, first_op)  the constant leaves (inputs, 0.0, -1.0, 1/n, ...) with their recorded data
//   [first_op, N)  the op nodes in the reference's topological order (the DFS post-order of backward()),
//                  operands renumbered into this layout; the loss is the last one
//
// run() recomputes each op node from its operands in that order (the same rule, so the same digits),
// then applies each node's backward in exactly the reverse order, as Tape::backward does, so every
// gradient is accumulated in the same order: the results are bit for bit those of building the graph anew.
// One recorded op node: its operands' slots (b = -1 for a unary op) and its op; the exponent of a Pow is kept
// beside it. forward_ops runs n ops in order, op i writing slot first + i; backward_ops applies each op's
// backward in reverse order, accumulating into grad.
struct OpRecord {
  int32_t a = -1, b = -1;
  Op op = Op::Leaf;
};
void forward_ops(const OpRecord* ops, const double* k, int32_t n, int32_t first, double* data);
void backward_ops(const OpRecord* ops, const double* k, int32_t n, int32_t first, const double* data, double* grad);

class Replay {
 public:
  // Records the graph of `root` on `tape`, whose first `nparams` nodes are the parameters, and the
  // training points it was built from (so a later change to them is noticed by matches()).
  void record(Tape& tape, int32_t root, int32_t nparams, const std::vector<Point>& points);
  bool recorded() const { return !ops_.empty(); }
  bool matches(const std::vector<Point>& points) const;  // recorded, and from exactly these points
  void clear();

  // One forward and backward pass with the tape's current parameter values: writes each parameter's
  // gradient into the tape (the grads there are expected to be zero, as after zero_grad) and returns
  // the loss.
  double run(Tape& tape);

  int32_t size() const { return static_cast<int32_t>(data_.size()); }
  size_t bytes() const {
    return (data_.capacity() + grad_.capacity() + k_.capacity()) * sizeof(double) + ops_.capacity() * sizeof(OpRecord) +
           points_.capacity() * sizeof(Point) + slot_.capacity() * sizeof(int32_t);
  }

 private:
  std::vector<double> data_, grad_;  // per slot
  std::vector<OpRecord> ops_;        // per op node: slot first_op_ + i
  std::vector<double> k_;            // per op node: the exponent of a Pow
  std::vector<Point> points_;
  int32_t nparams_ = 0, first_op_ = 0;
  std::vector<int32_t> slot_;  // scratch of record(): tape index -> slot
};

}  // namespace mg
