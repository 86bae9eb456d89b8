// Optimizers over a tape's parameter nodes: AdamW (the reference's) and SGD with momentum. Each keeps what its last
// step computed for every parameter (the grad it used, its moments, the change it applied) for the page to show.
#pragma once
#include <vector>

#include "value.h"

namespace mg {

struct AdamW {
  static constexpr double eps = 1e-8;  // the reference's literal
  double lr = 0.1, beta1 = 0.9, beta2 = 0.95, weight_decay = 0.0;
  int t = 0;
  // per parameter; last_grad is the grad the last step used, last_delta what it added to the parameter
  std::vector<double> m, v, last_grad, last_delta;
  explicit AdamW(size_t nparams) : m(nparams, 0.0), v(nparams, 0.0), last_grad(nparams, 0.0), last_delta(nparams, 0.0) {}
  void step(Tape& tape, const std::vector<int32_t>& params);
  // m and v bias-corrected, as the last step computed them (0 before the first step)
  double m_hat_at(size_t i) const { return t > 0 ? m[i] / (1 - py_pow(beta1, t)) : 0.0; }
  double v_hat_at(size_t i) const { return t > 0 ? v[i] / (1 - py_pow(beta2, t)) : 0.0; }
};

struct SGD {
  double lr = 0.1, momentum = 0.9, weight_decay = 0.0;
  int t = 0;
  std::vector<double> m, last_grad, last_delta;  // m: the velocity
  explicit SGD(size_t nparams) : m(nparams, 0.0), last_grad(nparams, 0.0), last_delta(nparams, 0.0) {}
  void step(Tape& tape, const std::vector<int32_t>& params);
};

void zero_grad(Tape& tape, const std::vector<int32_t>& params);

}  // namespace mg
