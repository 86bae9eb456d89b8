// The training loop's pieces (loss over a split, one optimizer step) and the traced-point graph.
#include "trainer.h"

#include <cmath>

#include "pyfloat.h"

namespace mg {

static Splits make_data(const Config& cfg, RNG& rng) { return gen_dataset(cfg.dataset, rng, cfg.n, cfg.noise); }

Trainer::Trainer(const Config& cfg) : Trainer(cfg, Splits{}) {}

Trainer::Trainer(const Config& cfg, const Splits& data)
    : cfg_(cfg),
      rng_(cfg.seed),
      data_(data.train.empty() && data.val.empty() && data.test.empty() ? make_data(cfg, rng_) : data),
      model_(tape_, rng_, 2, [&] { auto s = cfg.hidden; s.push_back(3); return s; }(), cfg.act),
      params_(model_.parameters()),
      nparams_(tape_.size()),
      adamw_(params_.size()),
      sgd_(params_.size()) {
  fresh_optimizers();
  for (int32_t p : params_) init_params_.push_back(tape_[p].data);
}

void Trainer::fresh_optimizers() {
  adamw_ = AdamW(params_.size());
  sgd_ = SGD(params_.size());
  adamw_.lr = sgd_.lr = cfg_.lr;
  adamw_.weight_decay = sgd_.weight_decay = cfg_.weight_decay;
  sgd_.momentum = cfg_.momentum;
}

void Trainer::reset() {
  tape_.truncate(nparams_);
  for (size_t i = 0; i < params_.size(); ++i) {
    Node& p = tape_[params_[i]];
    p.data = init_params_[i];
    p.grad = 0;
    p.flags = 0;
  }
  for (const Layer& l : model_.layers)
    for (const Neuron& n : l.neurons) tape_[n.b].flags = kIntData;
  fresh_optimizers();
  steps_ = 0;
}

double Trainer::accuracy(const std::vector<Point>& split) {
  if (split.empty()) return std::nan("");
  int right = 0;
  if (path_ == StepPath::Batch && batched()) {
    batch_.evaluate(tape_, split, nullptr, nullptr, &right);
  } else {
    double p[3];
    for (const Point& pt : split) {
      predict(pt.x, pt.y, p);
      right += predicted_class(p) == pt.label;
    }
  }
  return static_cast<double>(right) / static_cast<double>(split.size());
}

bool Trainer::batched() {
  if (!batch_.recorded() && !batch_failed_) {
    tape_.truncate(nparams_);
    PointGraph loss = [this](Tape& t, double x, double y, int label) {
      double in[2] = {x, y};
      return std::vector<Value>{cross_entropy(model_(t, in), label)};  // as loss_fun builds each point's loss
    };
    PointGraph probs = [this](Tape& t, double x, double y, int) {
      double in[2] = {x, y};
      return softmax(model_(t, in));
    };
    batch_failed_ = !batch_.record(tape_, nparams_, loss, probs);
    tape_.truncate(nparams_);
  }
  return batch_.recorded();
}

void Trainer::point_grads(std::vector<double>& out) {
  const std::vector<Point>& train = data_.train;
  if (path_ == StepPath::Batch && batched()) return batch_.point_grads(tape_, train, out);
  size_t P = params_.size();
  out.assign(train.size() * P, 0.0);
  double scale = 1.0 / static_cast<double>(train.size());
  for (size_t i = 0; i < train.size(); ++i) {
    release_trace();
    double in[2] = {train[i].x, train[i].y};
    Value loss = cross_entropy(model_(tape_, in), train[i].label) * scale;
    loss.backward();
    for (size_t p = 0; p < P; ++p) out[i * P + p] = tape_[params_[p]].grad;
  }
  release_trace();
}

void Trainer::point_stats(const std::vector<Point>& split, std::vector<double>& loss, std::vector<int>& predicted) {
  if (path_ == StepPath::Batch && batched()) {
    batch_.evaluate(tape_, split, &loss, &predicted, nullptr);
    return;
  }
  loss.clear();
  predicted.clear();
  double p[3];
  for (const Point& pt : split) {
    predict(pt.x, pt.y, p);
    loss.push_back(std::log(p[pt.label]) * -1.0);  // cross_entropy's last two nodes
    predicted.push_back(predicted_class(p));
  }
}

Value Trainer::loss_fun(const std::vector<Point>& split) {
  Value total = tape_.leaf(0.0);
  for (const Point& p : split) {
    double x[2] = {p.x, p.y};
    total = total + cross_entropy(model_(tape_, x), p.label);
  }
  return total * (1.0 / static_cast<double>(split.size()));
}

double Trainer::step() {
  if (data_.train.empty()) return std::nan("");  // nothing to learn from: leave the network as it is
  tape_.truncate(nparams_);
  double out;
  if (path_ == StepPath::Batch && batched()) {
    out = batch_.step(tape_, data_.train);  // forward and backward for all points: grads into the parameters
  } else if (path_ != StepPath::Graph) {
    if (!replay_.matches(data_.train)) {  // first step on these points and this network: record its graph
      replay_.record(tape_, loss_fun(data_.train).id, nparams_, data_.train);
      tape_.truncate(nparams_);
    }
    out = replay_.run(tape_);  // forward and backward over the recording: grads into the parameters
  } else {
    Value loss = loss_fun(data_.train);
    loss.backward();
    out = loss.data();
  }
  if (cfg_.optimizer == OptKind::AdamW) adamw_.step(tape_, params_);
  else sgd_.step(tape_, params_);
  zero_grad(tape_, params_);
  tape_.truncate(nparams_);
  ++steps_;
  return out;
}

double Trainer::loss(const std::vector<Point>& split) {
  if (path_ == StepPath::Batch && batched()) return batch_.evaluate(tape_, split, nullptr, nullptr, nullptr);
  tape_.truncate(nparams_);
  double out = loss_fun(split).data();
  tape_.truncate(nparams_);
  return out;
}

Value Trainer::traced_loss(double x, double y, int label, Namer* names) {
  tape_.truncate(nparams_);
  zero_grad(tape_, params_);
  Value in[2] = {tape_.leaf(x), tape_.leaf(y)};
  name_node(names, in[0], "x");
  name_node(names, in[1], "y");
  std::vector<Value> logits = model_(tape_, in, names);
  Value nll = cross_entropy(logits, label, names);
  Value total = tape_.leaf(0.0);
  name_node(names, total, "0.0");  // the start of the sum over the points
  total = total + nll;
  name_node(names, total, "total");
  Value loss = total * (1.0 / 1.0);
  name_node(names, loss, "loss");
  loss.backward();
  return loss;
}

void Trainer::set_lr(double lr) { cfg_.lr = adamw_.lr = sgd_.lr = lr; }
void Trainer::set_weight_decay(double wd) { cfg_.weight_decay = adamw_.weight_decay = sgd_.weight_decay = wd; }
double Trainer::opt_grad(int i) const { return cfg_.optimizer == OptKind::AdamW ? adamw_.last_grad[i] : sgd_.last_grad[i]; }
double Trainer::opt_m(int i) const { return cfg_.optimizer == OptKind::AdamW ? adamw_.m[i] : sgd_.m[i]; }
double Trainer::opt_v(int i) const { return cfg_.optimizer == OptKind::AdamW ? adamw_.v[i] : 0.0; }
double Trainer::opt_m_hat(int i) const { return cfg_.optimizer == OptKind::AdamW ? adamw_.m_hat_at(i) : 0.0; }
double Trainer::opt_v_hat(int i) const { return cfg_.optimizer == OptKind::AdamW ? adamw_.v_hat_at(i) : 0.0; }
double Trainer::opt_delta(int i) const { return cfg_.optimizer == OptKind::AdamW ? adamw_.last_delta[i] : sgd_.last_delta[i]; }

// Every parameter's name ("w[l][n][i]", "b[l][n]") and neuron into names, in one pass (a search per node was O(P^2)).
static void name_params(const MLP& model, Namer& names) {
  for (size_t l = 0; l < model.layers.size(); ++l)
    for (size_t n = 0; n < model.layers[l].neurons.size(); ++n) {
      const Neuron& u = model.layers[l].neurons[n];
      int li = static_cast<int>(l), ni = static_cast<int>(n);
      for (size_t i = 0; i < u.w.size(); ++i) names[u.w[i]] = {param_name(li, ni, static_cast<int>(i)), li, ni};
      names[u.b] = {param_name(li, ni, -1), li, ni};
    }
}

Graph Trainer::graph(double x, double y, int label) {
  names_.assign(tape_.size(), NodeName());
  Value loss = traced_loss(x, y, label, &names_);
  names_.resize(tape_.size());
  name_params(model_, names_);
  tape_.trace(loss.id, trace_nodes_, trace_edges_);
  Graph g;
  std::vector<int32_t> pos(tape_.size(), -1);
  for (size_t i = 0; i < trace_nodes_.size(); ++i) pos[trace_nodes_[i]] = static_cast<int32_t>(i);
  int32_t first_input = nparams_;  // the two traced coordinates are the first leaves after the parameters
  for (int32_t id : trace_nodes_) {
    const Node& n = tape_[id];
    GraphNode gn;
    gn.op = op_label(n);
    gn.data = n.data;
    gn.grad = n.grad;
    gn.int_data = n.flags & kIntData;
    gn.int_grad = n.flags & kIntGrad;
    gn.param = id < nparams_ ? id : -1;
    gn.input = id == first_input || id == first_input + 1;
    gn.name = names_[id].name;
    gn.layer = names_[id].layer;
    gn.neuron = names_[id].neuron;
    if (gn.name.empty()) gn.name = n.op == Op::Leaf ? py_number(n.data, gn.int_data) : gn.op;
    g.nodes.push_back(gn);
  }
  for (auto [c, p] : trace_edges_) g.edges.emplace_back(pos[c], pos[p]);
  zero_grad(tape_, params_);
  tape_.truncate(nparams_);
  return g;
}

void Trainer::graph_values(double x, double y, int label, std::vector<double>& data, std::vector<double>& grad) {
  Value loss = traced_loss(x, y, label, nullptr);
  tape_.trace(loss.id, trace_nodes_, trace_edges_);
  data.resize(trace_nodes_.size());
  grad.resize(trace_nodes_.size());
  for (size_t i = 0; i < trace_nodes_.size(); ++i) {
    data[i] = tape_[trace_nodes_[i]].data;
    grad[i] = tape_[trace_nodes_[i]].grad;
  }
  zero_grad(tape_, params_);
  tape_.truncate(nparams_);
}

}  // namespace mg
