// Neuron / Layer / MLP construction in the reference's random-draw order, the forward pass and cross_entropy.
#include "nn.h"

#include <algorithm>
#include <cmath>

namespace mg {

void name_node(Namer* names, Value v, const std::string& name, int layer, int neuron) {
  if (!names) return;
  if (names->size() < static_cast<size_t>(v.t->size())) names->resize(v.t->size());
  (*names)[v.id] = {name, layer, neuron};
}

std::string param_name(int layer, int neuron, int input) {
  std::string at = "[" + std::to_string(layer) + "][" + std::to_string(neuron) + "]";
  return input < 0 ? "b" + at : "w" + at + "[" + std::to_string(input) + "]";
}

Neuron::Neuron(Tape& tape, RNG& rng, int nin, Act a, int l, int n) : act(a), layer(l), index(n) {
  for (int i = 0; i < nin; ++i) w.push_back(tape.leaf(rng.uniform(-1, 1) * py_pow(nin, -0.5)).id);
  b = tape.leaf(0, kIntData).id;  // Value(0): an int until the optimizer first updates it
}

// Named by what they hold: the product "w[0][3][1]*y" (or "w[1][0][3]*h[0][3]"), the running sum by what it adds so
// far ("b[0][3] + w*x", "b[1][0] + w*h[0][0..2]"), the whole sum "z[0][3]" (a last layer's sum is its logit).
void Neuron::name_terms(Value wx, Value sum, int i, Namer* names) const {
  std::string at = "[" + std::to_string(layer) + "][" + std::to_string(index) + "]";
  auto input = [&](int k) {
    if (layer == 0) return std::string(k == 0 ? "x" : k == 1 ? "y" : "in[" + std::to_string(k) + "]");
    return "h[" + std::to_string(layer - 1) + "][" + std::to_string(k) + "]";
  };
  name_node(names, wx, "w" + at + "[" + std::to_string(i) + "]*" + input(i), layer, index);
  std::string terms = layer == 0 ? (i == 0 ? input(0) : "in[0.." + std::to_string(i) + "]")
                                 : "h[" + std::to_string(layer - 1) + "][" + (i == 0 ? "0" : "0.." + std::to_string(i)) + "]";
  bool last = i + 1 == static_cast<int>(w.size());
  name_node(names, sum, last ? "z" + at : "b" + at + " + w*" + terms, layer, index);
}

Layer::Layer(Tape& tape, RNG& rng, int nin, int nout, Act act, int layer) {
  for (int i = 0; i < nout; ++i) neurons.emplace_back(tape, rng, nin, act, layer, i);
}

MLP::MLP(Tape& tape, RNG& rng, int nin, const std::vector<int>& nouts, Act act) {
  int prev = nin;
  for (size_t i = 0; i < nouts.size(); ++i) {
    layers.emplace_back(tape, rng, prev, nouts[i], i + 1 == nouts.size() ? Act::Linear : act, static_cast<int>(i));
    prev = nouts[i];
  }
}

std::vector<int32_t> MLP::parameters() const {
  std::vector<int32_t> ps;
  for (const Layer& l : layers)
    for (const Neuron& n : l.neurons) {
      ps.insert(ps.end(), n.w.begin(), n.w.end());
      ps.push_back(n.b);
    }
  return ps;
}

int MLP::num_parameters() const {
  int n = 0;
  for (const Layer& l : layers)
    for (const Neuron& u : l.neurons) n += static_cast<int>(u.w.size()) + 1;
  return n;
}

template <class X>
std::vector<Value> MLP::operator()(Tape& tape, const X* x, Namer* names) const {
  std::vector<Value> h;
  for (size_t li = 0; li < layers.size(); ++li) {
    std::vector<Value> out;
    out.reserve(layers[li].neurons.size());
    for (size_t ni = 0; ni < layers[li].neurons.size(); ++ni) {
      const Neuron& n = layers[li].neurons[ni];
      out.push_back(li == 0 ? n(tape, x, names) : n(tape, h.data(), names));
      bool last = li + 1 == layers.size();
      name_node(names, out.back(),
                last ? "logit[" + std::to_string(ni) + "]"
                     : "h[" + std::to_string(li) + "][" + std::to_string(ni) + "]",
                static_cast<int>(li), static_cast<int>(ni));
    }
    h = std::move(out);
  }
  return h;
}
template std::vector<Value> MLP::operator()(Tape&, const double*, Namer*) const;
template std::vector<Value> MLP::operator()(Tape&, const Value*, Namer*) const;

void MLP::predict(const Tape& tape, double x, double y, double probs[3], std::vector<double>& scratch) const {
  size_t widest = 2;
  for (const Layer& l : layers) widest = std::max(widest, l.neurons.size());
  scratch.resize(2 * widest);
  double* in = scratch.data();
  double* out = scratch.data() + widest;
  in[0] = x;
  in[1] = y;
  for (const Layer& l : layers) {
    for (size_t j = 0; j < l.neurons.size(); ++j) {
      const Neuron& n = l.neurons[j];
      double sum = tape.nodes[n.b].data;
      for (size_t i = 0; i < n.w.size(); ++i) sum = sum + tape.nodes[n.w[i]].data * in[i];
      out[j] = n.act == Act::Tanh ? std::tanh(sum) : n.act == Act::Relu ? (sum < 0 ? 0.0 : sum) : sum;
    }
    std::swap(in, out);
  }
  double e[3] = {std::exp(in[0]), std::exp(in[1]), std::exp(in[2])};
  double inv = py_pow(((e[0] + 0.0) + e[1]) + e[2], -1);
  for (int i = 0; i < 3; ++i) probs[i] = e[i] * inv;
}

std::vector<Value> softmax(const std::vector<Value>& logits, Namer* names) {
  std::vector<Value> ex;
  for (size_t i = 0; i < logits.size(); ++i) {
    ex.push_back(logits[i].exp());
    name_node(names, ex.back(), "exp(logit[" + std::to_string(i) + "])");
  }
  Value denom = ex[0] + logits[0].t->leaf(0, kIntData);  // sum() starts from the int 0
  name_node(names, denom, ex.size() == 1 ? "sum(exp)" : "0 + exp(logit[0])");
  for (size_t i = 1; i < ex.size(); ++i) {
    denom = denom + ex[i];
    name_node(names, denom, i + 1 == ex.size() ? "sum(exp)" : "sum(exp(logit[0.." + std::to_string(i) + "]))");
  }
  std::vector<Value> probs;
  for (size_t i = 0; i < ex.size(); ++i) {
    probs.push_back(ex[i] / denom);  // ex[i] * denom**-1, a new denom**-1 for each, as in micrograd
    name_node(names, probs.back(), "p[" + std::to_string(i) + "]");
    name_node(names, Value{denom.t, probs.back().node().b}, "1/sum(exp)");
  }
  return probs;
}

Value cross_entropy(const std::vector<Value>& logits, int target, Namer* names) {
  Value logp = softmax(logits, names)[target].log();
  name_node(names, logp, "log(p[" + std::to_string(target) + "])");
  Value nll = -logp;
  name_node(names, nll, "nll");
  return nll;
}

}  // namespace mg
