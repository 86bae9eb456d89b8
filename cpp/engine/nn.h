// The network: Neuron, Layer and MLP (parameters are the first nodes of a Tape), and cross_entropy.
#pragma once
#include <string>
#include <vector>

#include "rng.h"
#include "value.h"

namespace mg {

enum class Act : uint8_t { Tanh, Relu, Linear };

// Optional readable names for the nodes of a traced graph ("h[0][3]", "logit[1]", "loss") and, for the nodes of
// a neuron (its weights and bias, products, sums and output), the layer and neuron they belong to.
struct NodeName {
  std::string name;
  int layer = -1, neuron = -1;  // -1: not part of a neuron
};
using Namer = std::vector<NodeName>;  // by tape index
void name_node(Namer* names, Value v, const std::string& name, int layer = -1, int neuron = -1);
// A parameter's name: "w[l][n][i]" for weight i of neuron n of layer l, "b[l][n]" for its bias (input -1).
std::string param_name(int layer, int neuron, int input);

struct Neuron {
  std::vector<int32_t> w;  // tape indices of the weights
  int32_t b = -1;          // tape index of the bias
  Act act = Act::Tanh;
  int layer = 0, index = 0;  // where it sits, for naming nodes
  Neuron(Tape& tape, RNG& rng, int nin, Act act, int layer, int index);
  // b + w0*x0 + w1*x1 + ..., left to right, then the nonlinearity. X is double (a plain float, which
  // becomes a fresh leaf per product as in micrograd) or Value (a node of the graph).
  template <class X>
  Value operator()(Tape& tape, const X* x, Namer* names = nullptr) const {
    Value sum{&tape, b};
    for (size_t i = 0; i < w.size(); ++i) {
      Value wx = Value{&tape, w[i]} * x[i];
      sum = sum + wx;
      if (names) name_terms(wx, sum, static_cast<int>(i), names);
    }
    if (act == Act::Tanh) return sum.tanh();
    if (act == Act::Relu) return sum.relu();
    return sum;
  }
  void name_terms(Value wx, Value sum, int i, Namer* names) const;
};

struct Layer {
  std::vector<Neuron> neurons;
  Layer(Tape& tape, RNG& rng, int nin, int nout, Act act, int layer);
};

struct MLP {
  std::vector<Layer> layers;
  // MLP(nin, [w1, ..., 3]): `act` on every layer but the last, which is linear (logits).
  MLP(Tape& tape, RNG& rng, int nin, const std::vector<int>& nouts, Act act = Act::Tanh);
  std::vector<int32_t> parameters() const;  // per layer, per neuron: weights then bias
  int num_parameters() const;
  template <class X>
  std::vector<Value> operator()(Tape& tape, const X* x, Namer* names = nullptr) const;
  // The same forward and softmax without building a graph (same operations, same order, same digits).
  // `scratch` is reused between calls so a whole boundary grid allocates nothing.
  void predict(const Tape& tape, double x, double y, double probs[3], std::vector<double>& scratch) const;
};

// The class with the highest probability (the first of equals).
inline int predicted_class(const double p[3]) {
  int best = p[1] > p[0] ? 1 : 0;
  return p[2] > p[best] ? 2 : best;
}

// softmax as micrograd spells it: e_i = exp(l_i), denom = ((e0 + 0) + e1) + e2, p_i = e_i * denom**-1.
std::vector<Value> softmax(const std::vector<Value>& logits, Namer* names = nullptr);
// -log softmax(logits)[target], spelled as micrograd does (exp, sum from 0, x * denom**-1, log, * -1.0).
Value cross_entropy(const std::vector<Value>& logits, int target, Namer* names = nullptr);

}  // namespace mg
