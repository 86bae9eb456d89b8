// Optimizers over a tape's parameter nodes: AdamW (the reference's) and SGD with momentum.
#pragma once
#include <vector>

#include "value.h"

namespace mg {

struct AdamW {
  double lr = 0.1, beta1 = 0.9, beta2 = 0.95, weight_decay = 0.0;
  int t = 0;
  std::vector<double> m, v, last_grad;  // per parameter; last_grad is the grad the last step used
  explicit AdamW(size_t nparams) : m(nparams, 0.0), v(nparams, 0.0), last_grad(nparams, 0.0) {}
  void step(Tape& tape, const std::vector<int32_t>& params);
};

struct SGD {
  double lr = 0.1, momentum = 0.9, weight_decay = 0.0;
  int t = 0;
  std::vector<double> m, last_grad;  // m: the velocity
  explicit SGD(size_t nparams) : m(nparams, 0.0), last_grad(nparams, 0.0) {}
  void step(Tape& tape, const std::vector<int32_t>& params);
};

void zero_grad(Tape& tape, const std::vector<int32_t>& params);

}  // namespace mg
