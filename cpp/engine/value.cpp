// The autograd core: each op's forward and backward side by side, the iterative topological sort,
// backward() in micrograd's order, and the pre-order trace used to draw a graph.
#include "value.h"

#include <cmath>

#include "pyfloat.h"

namespace mg {

// A call through a volatile pointer: no compiler may turn pow(x, 2.0) into x*x (they differ in ~1/1000 inputs).
static double (*volatile c_pow)(double, double) = ::pow;
double py_pow(double x, double y) { return c_pow(x, y); }

namespace {
// What a node's backward reads: its data, grad and exponent, and its operands' data.
struct Local {
  double out, g, k, a, b;
};
// One row per op: forward(a, b, k), and its backward as the local derivative d out / d operand (which = 0
// for a, 1 for b) that micrograd's _backward closure multiplies out.grad by: operand.grad += local * out.grad.
struct Rule {
  const char* symbol;
  double (*forward)(double a, double b, double k);
  double (*local)(const Local& n, int which);
};
constexpr Rule kRules[] = {
    /* Leaf */ {"", nullptr, nullptr},
    /* Add  */ {"+", [](double a, double b, double) { return a + b; },
                [](const Local&, int) { return 1.0; }},
    /* Mul  */ {"*", [](double a, double b, double) { return a * b; },
                [](const Local& n, int which) { return which == 0 ? n.b : n.a; }},
    /* Pow  */ {"**", [](double a, double, double k) { return py_pow(a, k); },
                [](const Local& n, int) { return n.k * py_pow(n.a, n.k - 1); }},
    /* Relu */ {"ReLU", [](double a, double, double) { return a < 0 ? 0.0 : a; },
                [](const Local& n, int) { return n.out > 0 ? 1.0 : 0.0; }},
    /* Tanh */ {"tanh", [](double a, double, double) { return std::tanh(a); },
                [](const Local& n, int) { return 1 - py_pow(n.out, 2); }},
    /* Exp  */ {"exp", [](double a, double, double) { return std::exp(a); },
                [](const Local& n, int) { return n.out; }},
    /* Log  */ {"log", [](double a, double, double) { return std::log(a); },
                [](const Local& n, int) { return 1 / n.a; }},
};
constexpr bool binary(Op op) { return op == Op::Add || op == Op::Mul; }

// The chain rule, one form for every op (1.0 * g is g exactly, so this is micrograd's arithmetic to the bit).
// ga and gb are the same double for a*a: the two += then apply in turn, as in Python.
inline void backward_rule(const Rule& r, const Local& n, bool two, double& ga, double& gb) {
  ga += r.local(n, 0) * n.g;
  if (two) gb += r.local(n, 1) * n.g;
}
}  // namespace

const char* op_symbol(Op op) { return kRules[static_cast<int>(op)].symbol; }

std::string op_label(const Node& n) {
  if (n.op != Op::Pow) return op_symbol(n.op);
  return std::string("**") + py_number(n.k, n.k_is_int);
}

double forward_of(const Node& n, const Node* a, const Node* b) {
  return kRules[static_cast<int>(n.op)].forward(a ? a->data : 0.0, b ? b->data : 0.0, n.k);
}

namespace {
// One op's rule with the op known at compile time, so a loop over many nodes inlines it (no call per node).
template <Op op>
inline void forward_as(const OpRecord& r, const double* k, double* data, int32_t i, int32_t first) {
  double b = binary(op) ? data[r.b] : 0.0, ki = op == Op::Pow ? k[i] : 0.0;
  data[first + i] = kRules[static_cast<int>(op)].forward(data[r.a], b, ki);
}
template <Op op>
inline void backward_as(const OpRecord& r, const double* k, const double* data, double* grad, int32_t i,
                        int32_t first) {
  double unused = 0;
  Local n{data[first + i], grad[first + i], op == Op::Pow ? k[i] : 0.0, data[r.a], binary(op) ? data[r.b] : 0.0};
  backward_rule(kRules[static_cast<int>(op)], n, binary(op), grad[r.a], binary(op) ? grad[r.b] : unused);
}
#define MG_EACH_OP(F, ...)                          \
  switch (r.op) {                                   \
    case Op::Add: F<Op::Add>(__VA_ARGS__); break;   \
    case Op::Mul: F<Op::Mul>(__VA_ARGS__); break;   \
    case Op::Pow: F<Op::Pow>(__VA_ARGS__); break;   \
    case Op::Relu: F<Op::Relu>(__VA_ARGS__); break; \
    case Op::Tanh: F<Op::Tanh>(__VA_ARGS__); break; \
    case Op::Exp: F<Op::Exp>(__VA_ARGS__); break;   \
    case Op::Log: F<Op::Log>(__VA_ARGS__); break;   \
    case Op::Leaf: break;                           \
  }
}  // namespace

// A network's graph is mostly `sum + w*x`: a Mul right before an Add. Both loops take such a pair in one go
// (the same two rules in the same order; only the dispatch is shared), which saves a jump per pair.
void forward_ops(const OpRecord* ops, const double* k, int32_t n, int32_t first, double* data) {
  for (int32_t i = 0; i < n; ++i) {
    const OpRecord& r = ops[i];
    if (r.op == Op::Mul && i + 1 < n && ops[i + 1].op == Op::Add) {
      forward_as<Op::Mul>(r, k, data, i, first);
      ++i;
      forward_as<Op::Add>(ops[i], k, data, i, first);
      continue;
    }
    MG_EACH_OP(forward_as, r, k, data, i, first)
  }
}

void backward_ops(const OpRecord* ops, const double* k, int32_t n, int32_t first, const double* data, double* grad) {
  for (int32_t i = n - 1; i >= 0; --i) {
    const OpRecord& r = ops[i];
    if (r.op == Op::Add && i > 0 && ops[i - 1].op == Op::Mul) {
      backward_as<Op::Add>(r, k, data, grad, i, first);
      --i;
      backward_as<Op::Mul>(ops[i], k, data, grad, i, first);
      continue;
    }
    MG_EACH_OP(backward_as, r, k, data, grad, i, first)
  }
}
#undef MG_EACH_OP

double local_derivative(const Node& o, const Node& a, const Node* b, int which) {
  if (o.op == Op::Leaf) return 0.0;
  return kRules[static_cast<int>(o.op)].local(Local{o.data, o.grad, o.k, a.data, b ? b->data : 0.0}, which);
}

Node& Value::node() const { return t->nodes[id]; }

Value Tape::leaf(double data, uint8_t flags) {
  Node n;
  n.data = data;
  n.flags = flags;
  nodes.push_back(n);
  return {this, size() - 1};
}

Value Tape::push(Op op, Value a, Value b, double data, double k, bool k_is_int) {
  Node n;
  n.op = op;
  n.a = a.id;
  n.b = b.id;
  n.data = data;
  n.k = k;
  n.k_is_int = k_is_int;
  nodes.push_back(n);
  return {this, size() - 1};
}

static Value unary(Op op, Value a, double k = 0, bool k_is_int = false) {
  Node probe;
  probe.op = op;
  probe.k = k;
  return a.t->push(op, a, Value{a.t, -1}, forward_of(probe, &a.node(), nullptr), k, k_is_int);
}

Value operator+(Value a, Value b) { return a.t->push(Op::Add, a, b, a.data() + b.data()); }
Value operator*(Value a, Value b) { return a.t->push(Op::Mul, a, b, a.data() * b.data()); }
Value Value::pow(double k) const { return unary(Op::Pow, *this, k, false); }
Value Value::pow(int k) const { return unary(Op::Pow, *this, k, true); }
Value Value::tanh() const { return unary(Op::Tanh, *this); }
Value Value::exp() const { return unary(Op::Exp, *this); }
Value Value::log() const { return unary(Op::Log, *this); }
Value Value::relu() const {
  Value out = unary(Op::Relu, *this);
  if (data() < 0) out.node().flags |= kIntData;  // micrograd returns the int 0 here
  return out;
}

// Derived ops, exactly as micrograd spells them.
Value operator+(Value a, double k) { return a + a.t->leaf(k); }
Value operator*(Value a, double k) { return a * a.t->leaf(k); }
Value operator-(Value a) { return a * -1.0; }
Value operator-(Value a, Value b) { return a + (-b); }
Value operator/(Value a, Value b) { return a * b.pow(-1); }
Value operator+(double k, Value a) { return a + k; }
Value operator*(double k, Value a) { return a * k; }

void Tape::new_epoch() {
  if (seen_.size() < nodes.size()) seen_.resize(nodes.size(), 0);
  if (++epoch_ == 0) {  // wrapped: forget every old mark
    std::fill(seen_.begin(), seen_.end(), 0);
    epoch_ = 1;
  }
}

bool Tape::visit(int32_t i) {
  if (seen_[i] == epoch_) return false;
  seen_[i] = epoch_;
  return true;
}

const std::vector<int32_t>& Tape::topo(int32_t root) {
  new_epoch();
  order_.clear();
  stack_.clear();
  if (visit(root)) stack_.push_back({root, 0});
  while (!stack_.empty()) {
    Frame& f = stack_.back();
    const Node& n = nodes[f.node];
    int32_t child = f.next == 0 ? n.a : f.next == 1 ? n.b : -2;
    if (child == -2) {  // all operands done: post-order append
      order_.push_back(f.node);
      stack_.pop_back();
      continue;
    }
    ++f.next;
    if (child >= 0 && visit(child)) stack_.push_back({child, 0});
  }
  return order_;
}

void Tape::backward_node(int32_t i) {
  const Node& o = nodes[i];
  if (o.op == Op::Leaf) return;
  Node& a = nodes[o.a];
  Node* b = o.b >= 0 ? &nodes[o.b] : nullptr;
  double unused = 0;
  Local n{o.data, o.grad, o.k, a.data, b ? b->data : 0.0};
  backward_rule(kRules[static_cast<int>(o.op)], n, b != nullptr, a.grad, b ? b->grad : unused);
}

void Tape::backward(int32_t root) {
  const std::vector<int32_t>& order = topo(root);
  nodes[root].grad = 1;
  nodes[root].flags |= kIntGrad;
  for (auto it = order.rbegin(); it != order.rend(); ++it) backward_node(*it);
}

void Value::backward() const { t->backward(id); }

void Tape::trace(int32_t root, std::vector<int32_t>& out_nodes, std::vector<std::pair<int32_t, int32_t>>& out_edges) {
  new_epoch();
  out_nodes.clear();
  out_edges.clear();
  stack_.clear();
  if (visit(root)) {
    out_nodes.push_back(root);
    stack_.push_back({root, 0});
  }
  while (!stack_.empty()) {
    Frame& f = stack_.back();
    const Node& n = nodes[f.node];
    int32_t parent = f.node;
    int32_t child = f.next == 0 ? n.a : f.next == 1 ? n.b : -2;
    if (child == -2) {
      stack_.pop_back();
      continue;
    }
    bool repeat = f.next == 1 && n.a == n.b;  // the edge (a, v) was already listed for a*a
    ++f.next;
    if (child < 0) continue;
    if (!repeat) out_edges.emplace_back(child, parent);
    if (visit(child)) {
      out_nodes.push_back(child);
      stack_.push_back({child, 0});
    }
  }
}

}  // namespace mg
