// The engine's boundary towards JavaScript: every call validates its input and reports errors as values
// (embind in Emscripten 3.1.6 cannot carry exception messages); bulk results land in flat buffers that the
// JS layer copies out of WASM memory right after the call.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "fast_boundary.h"
#include "engine_limits.h"
#include "trainer.h"

namespace mg {

constexpr int64_t kMaxTapeNodes = 8000000;      // graph nodes one training step may build
// Work per call, so no single call can hold the page for long (a caller splits bigger jobs into calls):
constexpr int64_t kMaxNodesPerCall = 2000000000;  // steps(k): k x graph nodes per step (default network: 160,000 steps)

class Session {
 public:
  // (Re)builds data and network. Returns "" or a message naming the field; on error nothing changes.
  std::string configure(double seed, double n, const std::string& hidden, const std::string& act,
                        const std::string& optimizer, double lr, double weight_decay,
                        const std::string& dataset = "yinyang", double noise = 0.0);
  const std::string& last_error() const { return error_; }  // of the last call ("" when it succeeded)

  double step();
  double steps(double k);
  double loss(double split);      // 0 train, 1 val, 2 test
  double accuracy(double split);
  int step_count() const { return t_ ? t_->steps_done() : 0; }
  void reset();                   // the initial network again, the points kept
  void set_lr(double lr);
  void set_weight_decay(double wd);
  double lr() const { return t_ ? t_->config().lr : 0; }
  double weight_decay() const { return t_ ? t_->config().weight_decay : 0; }

  uintptr_t forward(double x, double y);                // -> 3 doubles
  std::string graph_json(double x, double y, double label);  // structure: nodes (op, param, input, name), edges
  uintptr_t graph_values(double x, double y, double label);  // -> 2N doubles: data of each node, then grad
  int graph_size() const { return graph_size_; }
  uintptr_t boundary(double w, double h, double x0, double x1, double y0, double y1);  // -> w*h*3 floats
  uintptr_t parameters();                               // -> P doubles
  uintptr_t optimizer_state();                          // -> 3P doubles: last grad, m, v of each parameter
  int num_parameters() const { return t_ ? static_cast<int>(t_->params().size()) : 0; }
  std::string param_names();                            // JSON array, reference order: "w[l][n][i]", "b[l][n]"

  int num_points(double split);
  uintptr_t points(double split);                       // -> 3 doubles per point: x, y, label
  bool add_point(double x, double y, double label, double split);
  bool move_point(double split, double index, double x, double y);
  bool set_label(double split, double index, double label);
  bool remove_point(double split, double index);
  void clear_points();

  // Teaching support (inspect.h), each result in the double buffer; count() says how many rows.
  uintptr_t backward_steps(double x, double y, double label);  // rows of 5: node, operand, local, upstream, contribution
  uintptr_t forward_order(double x, double y, double label);   // node indices in forward order
  uintptr_t grad_check(double x, double y, double label, double node);  // 3: autograd, numeric, relative error
  uintptr_t grad_check_params(double x, double y, double label);  // 3 rows of P: autograd, numeric, relative error
  uintptr_t point_grads();                              // N x P: each training point's share of each grad
  uintptr_t point_stats(double split);                  // 2 rows of N: loss, predicted class
  uintptr_t node_field(double node, double label, double w, double h, double x0, double x1, double y0, double y1);  // floats
  int count() const { return count_; }

  Trainer* trainer() { return t_.get(); }  // for native tests

 private:
  std::unique_ptr<Trainer> t_;
  std::string error_;
  std::vector<double> buf_;
  std::vector<float> fbuf_;
  FastBoundary fast_;  // boundary(): float32 SIMD, probabilities within 1e-4 of forward()
  std::vector<double> gdata_, ggrad_;
  int graph_size_ = 0;
  int count_ = 0;
  bool check_graph_node(double node);
  int64_t nodes_per_point_ = 0;

  bool fail(const std::string& msg);
  bool ready();
  std::vector<Point>* split_of(double split, const char* field);
  bool check_point(double x, double y, double label);
  bool check_budget(size_t train_points);
  bool check_traced_size();
};

}  // namespace mg
