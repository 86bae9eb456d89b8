// AdamW exactly as the reference computes it (pow calls, eps 1e-8), and SGD with momentum; each records the change it
// applied to every parameter.
#include "optim.h"

namespace mg {

void AdamW::step(Tape& tape, const std::vector<int32_t>& params) {
  t += 1;
  const double c1 = 1 - py_pow(beta1, t), c2 = 1 - py_pow(beta2, t);  // the same for every parameter
  for (size_t i = 0; i < params.size(); ++i) {
    Node& p = tape[params[i]];
    double g = p.grad;
    last_grad[i] = g;
    m[i] = beta1 * m[i] + (1 - beta1) * g;
    v[i] = beta2 * v[i] + (1 - beta2) * py_pow(g, 2);
    double m_hat = m[i] / c1;
    double v_hat = v[i] / c2;
    double d = lr * (m_hat / (py_pow(v_hat, 0.5) + eps) + weight_decay * p.data);
    last_delta[i] = -d;  // p.data + last_delta[i] is exactly the new p.data
    p.data -= d;
    p.flags &= static_cast<uint8_t>(~kIntData);  // the int bias 0 is a float from now on
  }
}

void SGD::step(Tape& tape, const std::vector<int32_t>& params) {
  t += 1;
  for (size_t i = 0; i < params.size(); ++i) {
    Node& p = tape[params[i]];
    double g = p.grad + weight_decay * p.data;
    last_grad[i] = p.grad;
    m[i] = momentum * m[i] + g;
    double d = lr * m[i];
    last_delta[i] = -d;
    p.data -= d;
    p.flags &= static_cast<uint8_t>(~kIntData);
  }
}

void zero_grad(Tape& tape, const std::vector<int32_t>& params) {
  for (int32_t i : params) {
    tape[i].grad = 0;
    tape[i].flags &= static_cast<uint8_t>(~kIntGrad);
  }
}

}  // namespace mg
