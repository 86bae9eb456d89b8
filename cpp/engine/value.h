// The autograd core: scalar Value nodes living in one Tape (an arena), their ops, and backward().
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace mg {

enum class Op : uint8_t { Leaf, Add, Mul, Pow, Relu, Tanh, Exp, Log };
const char* op_symbol(Op op);  // "" for a leaf, "+", "*", "**", "ReLU", "tanh", "exp", "log"
struct Node;
std::string op_label(const Node& n);  // micrograd's _op: as op_symbol, but a Pow shows its exponent ("**-1")

// Node flags that keep Python's int/float distinction for printing (Value(0) prints "0", root grad "1").
enum : uint8_t { kIntData = 1, kIntGrad = 2 };

struct Node {
  double data = 0, grad = 0;
  double k = 0;               // exponent of a Pow node
  int32_t a = -1, b = -1;     // operands (indices into the tape), -1 when absent
  Op op = Op::Leaf;
  uint8_t flags = 0;
  bool k_is_int = false;      // Python label "**-1" (int) versus "**0.5" (float)
};

class Tape;

// A handle to one node of a tape: what micrograd's Value is, minus the storage.
struct Value {
  Tape* t = nullptr;
  int32_t id = -1;
  Node& node() const;
  double& data() const { return node().data; }
  double& grad() const { return node().grad; }
  Value pow(double k) const;
  Value pow(int k) const;
  Value relu() const;
  Value tanh() const;
  Value exp() const;
  Value log() const;
  void backward() const;
};

// The arena: every node of a computation, in creation order. Nodes below `mark()` survive `truncate()`.
class Tape {
 public:
  std::vector<Node> nodes;
  Value leaf(double data, uint8_t flags = 0);
  // A new op node on operands a and b (b.id = -1 for a unary op): its data is the op's forward.
  Value push(Op op, Value a, Value b, double k = 0, bool k_is_int = false);
  Node& operator[](int32_t i) { return nodes[i]; }
  int32_t size() const { return static_cast<int32_t>(nodes.size()); }
  void truncate(int32_t n) { nodes.resize(n); }
  // Depth-first post-order from root, operands in order (micrograd's build_topo), without recursion.
  const std::vector<int32_t>& topo(int32_t root);
  void backward(int32_t root);                      // root grad = 1, then each node's backward in reverse topo
  void backward_node(int32_t i);                    // one node's local chain rule
  // Depth-first pre-order trace (utils.trace): nodes once each, (child, parent) edges once each.
  void trace(int32_t root, std::vector<int32_t>& nodes_out, std::vector<std::pair<int32_t, int32_t>>& edges_out);

 private:
  std::vector<int32_t> order_;
  std::vector<uint32_t> seen_;
  uint32_t epoch_ = 0;
  struct Frame { int32_t node; int32_t next; };
  std::vector<Frame> stack_;
  bool visit(int32_t i);  // marks i seen in the current epoch; false when it already was
  void new_epoch();
};

// The math of each op (value.cpp's rule table): out.data from the operands' data (0 for an absent b), and
// d out / d operand (which = 0: a, 1: b): each backward adds exactly local_derivative(...) * out.grad.
double forward_of(const Node& n, const Node* a, const Node* b);
double local_derivative(const Node& out, const Node& a, const Node* b, int which);
// The same rules over rows of n lanes, one point per lane (replay.h runs each op once for many points): lane i
// computes exactly what one node would. forward_lanes writes out[i]; backward_lanes adds each operand's share of
// g[i] into ga[i] (then gb[i]), as a node's backward does. For a unary op b and gb are unused (may be null); rows
// are either the same row (a*a: ga == gb) or do not overlap.
void forward_lanes(Op op, double k, const double* a, const double* b, double* out, int32_t n);
void backward_lanes(Op op, double k, const double* a, const double* b, const double* out, const double* g, double* ga,
                    double* gb, int32_t n);

// Ops on Values (a plain double operand becomes a fresh leaf, as in micrograd).
Value operator+(Value a, Value b);
Value operator*(Value a, Value b);
Value operator+(Value a, double k);
Value operator*(Value a, double k);
Value operator-(Value a);
Value operator-(Value a, Value b);
Value operator/(Value a, Value b);
Value operator+(double k, Value a);
Value operator*(double k, Value a);

// Python's float ** float: the C library's pow, never rewritten by the compiler into x*x.
double py_pow(double x, double y);

}  // namespace mg
