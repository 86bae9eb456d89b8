// The engine's boundary towards JavaScript: every call validates its input and reports errors as values
// (embind in Emscripten 3.1.6 cannot carry exception messages); bulk results land in flat buffers that the
// JS layer copies out of WASM memory right after the call. Every call fits the memory budget (memory_budget.h),
// checked before it allocates, and stays short: steps(k) stops after kMaxCallWork nodes' worth of steps, other calls are refused when they
// would do more work than a training step or kMaxCallWork. An allocation that fails anyway becomes an error too,
// with the state as it was.
#pragma once
#include <cstdint>
#include <memory>
#include <new>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine_limits.h"
#include "fast_boundary.h"
#include "memory_budget.h"
#include "trainer.h"

namespace mg {

class Session {
 public:
  Session() = default;
  ~Session();
  Session(Session&& o) noexcept;
  Session& operator=(Session&& o) noexcept;
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // (Re)builds data and network. Returns "" or a message naming the field; on error nothing changes.
  std::string configure(double seed, double n, const std::string& hidden, const std::string& act,
                        const std::string& optimizer, double lr, double weight_decay,
                        const std::string& dataset = "yinyang", double noise = 0.0);
  const std::string& last_error() const { return error_; }  // of the last call ("" when it succeeded)

  double step();
  // Up to k steps: at most max(1, kMaxCallWork / step_work()), and none after a step whose loss is not finite.
  // Returns the last loss; last_steps() says how many ran.
  double steps(double k);
  int last_steps() const { return last_steps_; }
  bool diverged() const { return diverged_; }  // the last step's loss was not finite (until reset or configure)
  double loss(double split);      // 0 train, 1 val, 2 test
  double accuracy(double split);  // NaN on a diverged network (parameters not finite)
  int step_count() const { return t_ ? t_->steps_done() : 0; }
  void reset();                   // the initial network again, the points kept
  void set_lr(double lr);
  void set_weight_decay(double wd);
  double lr() const { return t_ ? t_->config().lr : 0; }
  double weight_decay() const { return t_ ? t_->config().weight_decay : 0; }

  uintptr_t forward(double x, double y);                // -> 3 doubles
  std::string graph_json(double x, double y, double label);  // nodes (op, param, input, name, layer, neuron), edges
  uintptr_t graph_values(double x, double y, double label);  // -> 2N doubles: data of each node, then grad
  int graph_size() const { return graph_size_; }
  uintptr_t boundary(double w, double h, double x0, double x1, double y0, double y1);  // -> w*h*3 floats
  uintptr_t parameters();                               // -> P doubles
  // -> kOptimizerRows rows of P doubles, as the last step computed them: the grad it used, m (SGD: the velocity), v,
  // AdamW's m_hat and v_hat (SGD: 0), the change applied to the parameter; then AdamW's beta1, beta2, eps, SGD's momentum
  static constexpr int kOptimizerRows = 6;
  uintptr_t optimizer_state();
  int num_parameters() const { return t_ ? static_cast<int>(t_->params().size()) : 0; }
  std::string param_names();                            // JSON array, reference order: "w[l][n][i]", "b[l][n]"

  int num_points(double split);
  uintptr_t points(double split);                       // -> 3 doubles per point: x, y, label
  bool add_point(double x, double y, double label, double split);
  bool move_point(double split, double index, double x, double y);
  bool set_label(double split, double index, double label);
  bool remove_point(double split, double index);
  void clear_points();
  // The points a Trainer with these data settings starts with, without building a network: 3 split sizes, then
  // x, y, label of every point (train, val, test); count() is the number of points.
  uintptr_t dataset(const std::string& name, double n, double noise, double seed);

  // Teaching support (inspect.h), each result in the double buffer; count() says how many rows.
  uintptr_t backward_steps(double x, double y, double label);  // rows of 5: node, operand, local, upstream, contribution
  uintptr_t forward_order(double x, double y, double label);   // node indices in forward order
  uintptr_t grad_check(double x, double y, double label, double node);  // 3: autograd, numeric, relative error
  uintptr_t grad_check_params(double x, double y, double label);  // 3 rows of P: autograd, numeric, relative error
  uintptr_t point_grads();                              // N x P: each training point's share of each grad
  uintptr_t point_stats(double split);                  // 2 rows of N: loss, predicted class
  uintptr_t node_field(double node, double label, double w, double h, double x0, double x1, double y0, double y1);  // floats
  int count() const { return count_; }

  // The memory budget all Sessions share (memory_budget.h): its limit, what all hold, and this one's share.
  static std::string set_memory_budget(double bytes);  // "" or a message; 16 MB .. kMaxMemoryBudget
  static double memory_budget() { return static_cast<double>(MemoryBudget::limit()); }
  static double memory_in_use() { return static_cast<double>(MemoryBudget::in_use()); }
  int64_t held_bytes() const { return held_; }

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
  int last_steps_ = 0;
  bool diverged_ = false;
  int64_t nodes_per_point_ = 0;
  Footprint fp_;      // what this session's network, points, tape and buffers take at most (memory_budget.h)
  int64_t held_ = 0;  // its bytes, counted in the budget

  bool fail(const std::string& msg);
  bool ready();
  std::vector<Point>* split_of(double split, const char* field);
  bool check_point(double x, double y, double label);
  bool check_graph_node(double node);
  bool check_traced_size();
  // Memory and work, checked before a call allocates or starts (each fails with a message naming `field`).
  bool afford(Footprint want, const char* field, const std::string& what);
  // A call over `points` points through the batched replay (recorded here if not yet), or if the network cannot
  // be batched, through the graph of all of them.
  bool afford_graph(int64_t points, const char* field, const std::string& what);
  bool afford_trace(const char* field);
  bool afford_buffer(int64_t bytes, const char* field, const std::string& what);
  bool check_work(int64_t work, const char* field, const std::string& what, const std::string& how);
  int64_t step_work() const;  // graph nodes one training step visits
  bool params_finite() const;
  double* out(size_t n);      // buf_ with room for n doubles (refits the buffer instead of growing it by doubling)
  float* fout(size_t n);
  void recover();             // after an allocation failed: drop what a call left half-made and the caches

  // Runs a call's body; an allocation failure inside it becomes an error ("memory: ...") and the state stays
  // as it was before the call (the tape and caches are dropped, the network, points and optimizer kept).
  template <class R, class F>
  R guard(R failed, F&& body) {
    try {
      return body();
    } catch (const std::bad_alloc&) {
    } catch (const std::length_error&) {
    }
    recover();
    fail("memory: the engine could not allocate what this call needs (WASM memory is full); nothing changed. "
         "Delete trainers you no longer use, or use a smaller network or fewer points");
    return failed;
  }
};

}  // namespace mg
