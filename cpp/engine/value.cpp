// The autograd core, read like micrograd's engine.py: the ops' rules (each op's forward and backward side by
// side, in one table), the Value ops that build the graph with them, backward() in micrograd's order, and the
// pre-order trace that draws a graph.
#include "value.h"

#include <cmath>
#include <cstring>
#include <type_traits>

#include "pyfloat.h"

namespace mg {

// A call through a volatile pointer: no compiler may turn pow(x, 2.0) into x*x (they differ in ~1/1000 inputs).
static double (*volatile c_pow)(double, double) = ::pow;
double py_pow(double x, double y) { return c_pow(x, y); }

namespace {
// What a node's backward reads: its own data and grad, the exponent k of a Pow, its operands' data.
struct Local {
  double out, g, k, a, b;
};

// a < 0, decided on the bits (sign set, neither zero nor NaN): clang compiles `a < 0 ? 0.0 : a` to WebAssembly's
// max(a, 0), which makes -0.0 into 0.0 where Python keeps -0.0.
inline bool is_negative(double a) {
  uint64_t bits;
  std::memcpy(&bits, &a, sizeof bits);
  uint64_t magnitude = bits & 0x7FFFFFFFFFFFFFFFull;
  return (bits >> 63) && magnitude != 0 && magnitude <= 0x7FF0000000000000ull;
}

// One struct per op, as engine.py writes each one: `forward` makes out.data from the operands' data, `d_a` (and
// `d_b`) is what its _backward multiplies out.grad by:  a.grad += d_a * out.grad;  b.grad += d_b * out.grad.
// (1.0 * g is g exactly, so `+` is micrograd's arithmetic to the bit.)
struct Add {  // a + b
  static double forward(double a, double b, double) { return a + b; }
  static double d_a(const Local&) { return 1.0; }
  static double d_b(const Local&) { return 1.0; }
};
struct Mul {  // a * b
  static double forward(double a, double b, double) { return a * b; }
  static double d_a(const Local& n) { return n.b; }
  static double d_b(const Local& n) { return n.a; }
};
struct Pow {  // a ** k (Python's float **: the C library's pow)
  static double forward(double a, double, double k) { return py_pow(a, k); }
  static double d_a(const Local& n) { return n.k * py_pow(n.a, n.k - 1); }
};
struct Relu {  // micrograd: 0 if a < 0 else a; backward (out.data > 0) * out.grad
  static double forward(double a, double, double) { return is_negative(a) ? 0.0 : a; }
  static double d_a(const Local& n) { return n.out > 0 ? 1.0 : 0.0; }
};
struct Tanh {
  static double forward(double a, double, double) { return std::tanh(a); }
  static double d_a(const Local& n) { return 1 - py_pow(n.out, 2); }
};
struct Exp {
  static double forward(double a, double, double) { return std::exp(a); }
  static double d_a(const Local& n) { return n.out; }
};
struct Log {
  static double forward(double a, double, double) { return std::log(a); }
  static double d_a(const Local& n) { return 1 / n.a; }
};

template <class R, class = void>
struct is_binary : std::false_type {};
template <class R>
struct is_binary<R, decltype(void(&R::d_b))> : std::true_type {};

// A rule applied to one node, or to rows of n lanes (one point per lane). The lane loops are plain loops over
// independent lanes, so the compiler may run them in SIMD registers (WASM f64x2, SSE2) without changing a bit;
// when a and b are the same row (a*a) the two += of each lane stay in order.
template <class R>
double local_of(const Local& n, int which) {
  if constexpr (is_binary<R>::value) return which == 0 ? R::d_a(n) : R::d_b(n);
  return R::d_a(n);
}
template <class R>
void forward_n(double k, const double* __restrict a, const double* __restrict b, double* __restrict out, int32_t n) {
  for (int32_t i = 0; i < n; ++i) out[i] = R::forward(a[i], is_binary<R>::value ? b[i] : 0.0, k);
}
template <class R>
void backward_rows(double k, const double* __restrict a, const double* __restrict b, const double* __restrict out,
                   const double* __restrict g, double* __restrict ga, double* __restrict gb, int32_t n) {
  for (int32_t i = 0; i < n; ++i) {
    Local l{out[i], g[i], k, a[i], is_binary<R>::value ? b[i] : 0.0};
    ga[i] += R::d_a(l) * g[i];
    if constexpr (is_binary<R>::value) gb[i] += R::d_b(l) * g[i];
  }
}
template <class R>
void backward_n(double k, const double* a, const double* b, const double* out, const double* g, double* ga,
                double* gb, int32_t n) {
  if (!is_binary<R>::value || ga != gb) return backward_rows<R>(k, a, b, out, g, ga, gb, n);
  for (int32_t i = 0; i < n; ++i) {  // a*a: both += land on one grad, in turn, as in Python
    Local l{out[i], g[i], k, a[i], b[i]};
    ga[i] += R::d_a(l) * g[i];
    ga[i] += local_of<R>(l, 1) * g[i];
  }
}

// The table: one row per Op, in enum order.
struct Rule {
  const char* symbol;
  double (*forward)(double a, double b, double k);
  double (*local)(const Local& n, int which);
  void (*forward_n)(double, const double*, const double*, double*, int32_t);
  void (*backward_n)(double, const double*, const double*, const double*, const double*, double*, double*, int32_t);
};
template <class R>
constexpr Rule rule(const char* symbol) {
  return {symbol, &R::forward, &local_of<R>, &forward_n<R>, &backward_n<R>};
}
constexpr Rule kRules[] = {
    /* Leaf */ {"", nullptr, nullptr, nullptr, nullptr},
    rule<Add>("+"),
    rule<Mul>("*"),
    rule<Pow>("**"),
    rule<Relu>("ReLU"),
    rule<Tanh>("tanh"),
    rule<Exp>("exp"),
    rule<Log>("log"),
};
const Rule& rule_of(Op op) { return kRules[static_cast<int>(op)]; }
}  // namespace

const char* op_symbol(Op op) { return rule_of(op).symbol; }

std::string op_label(const Node& n) {
  if (n.op != Op::Pow) return op_symbol(n.op);
  return std::string("**") + py_number(n.k, n.k_is_int);
}

double forward_of(const Node& n, const Node* a, const Node* b) {
  return rule_of(n.op).forward(a ? a->data : 0.0, b ? b->data : 0.0, n.k);
}

double local_derivative(const Node& o, const Node& a, const Node* b, int which) {
  if (o.op == Op::Leaf) return 0.0;
  return rule_of(o.op).local(Local{o.data, o.grad, o.k, a.data, b ? b->data : 0.0}, which);
}

void forward_lanes(Op op, double k, const double* a, const double* b, double* out, int32_t n) {
  rule_of(op).forward_n(k, a, b, out, n);
}

void backward_lanes(Op op, double k, const double* a, const double* b, const double* out, const double* g, double* ga,
                    double* gb, int32_t n) {
  rule_of(op).backward_n(k, a, b, out, g, ga, gb, n);
}

// ---- Value: the ops build their output node with the rule's forward; derived ops are one-liners, spelled as
// micrograd spells them (a plain double operand becomes a fresh leaf).
Node& Value::node() const { return t->nodes[id]; }

Value Tape::leaf(double data, uint8_t flags) {
  Node n;
  n.data = data;
  n.flags = flags;
  nodes.push_back(n);
  return {this, size() - 1};
}

Value Tape::push(Op op, Value a, Value b, double k, bool k_is_int) {
  Node n;
  n.op = op;
  n.a = a.id;
  n.b = b.id;
  n.k = k;
  n.k_is_int = k_is_int;
  n.data = forward_of(n, &nodes[a.id], b.id >= 0 ? &nodes[b.id] : nullptr);
  nodes.push_back(n);
  return {this, size() - 1};
}

Value operator+(Value a, Value b) { return a.t->push(Op::Add, a, b); }
Value operator*(Value a, Value b) { return a.t->push(Op::Mul, a, b); }
Value Value::pow(double k) const { return t->push(Op::Pow, *this, {t, -1}, k, false); }
Value Value::pow(int k) const { return t->push(Op::Pow, *this, {t, -1}, k, true); }
Value Value::tanh() const { return t->push(Op::Tanh, *this, {t, -1}); }
Value Value::exp() const { return t->push(Op::Exp, *this, {t, -1}); }
Value Value::log() const { return t->push(Op::Log, *this, {t, -1}); }
Value Value::relu() const {
  Value out = t->push(Op::Relu, *this, {t, -1});
  if (data() < 0) out.node().flags |= kIntData;  // micrograd returns the int 0 here
  return out;
}

Value operator+(Value a, double k) { return a + a.t->leaf(k); }
Value operator*(Value a, double k) { return a * a.t->leaf(k); }
Value operator-(Value a) { return a * -1.0; }
Value operator-(Value a, Value b) { return a + (-b); }
Value operator/(Value a, Value b) { return a * b.pow(-1); }
Value operator+(double k, Value a) { return a + k; }
Value operator*(double k, Value a) { return a * k; }

// ---- backward(): the depth-first post-order of build_topo (operands in order), without recursion, then each
// node's backward in reverse.
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

void Tape::backward_node(int32_t i) {  // a.grad += d_a * out.grad, then b.grad += d_b * out.grad (a*a: both on a)
  const Node& o = nodes[i];
  if (o.op == Op::Leaf) return;
  Node& a = nodes[o.a];
  Node* b = o.b >= 0 ? &nodes[o.b] : nullptr;
  a.grad += local_derivative(o, a, b, 0) * o.grad;
  if (b) b->grad += local_derivative(o, a, b, 1) * o.grad;
}

void Tape::backward(int32_t root) {
  const std::vector<int32_t>& order = topo(root);
  nodes[root].grad = 1;
  nodes[root].flags |= kIntGrad;
  for (auto it = order.rbegin(); it != order.rend(); ++it) backward_node(*it);
}

void Value::backward() const { t->backward(id); }

// ---- trace (utils.trace): depth-first pre-order, nodes once each, (child, parent) edges once each.
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
