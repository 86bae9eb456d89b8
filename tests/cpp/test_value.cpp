// Every op's gradient against a central finite difference, plus deep graphs (no recursion) and trace order.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>

#include "value.h"

using mg::Tape;
using mg::Value;

namespace {
// d f / d x at x0 by autograd and by central difference; f builds its graph on the given tape.
void check_grad(const char* what, const std::function<Value(Value)>& f, double x0) {
  Tape t;
  Value x = t.leaf(x0);
  Value y = f(x);
  y.backward();
  double h = 1e-6;
  Tape tp, tm;
  double fp = f(tp.leaf(x0 + h)).data(), fm = f(tm.leaf(x0 - h)).data();
  double fd = (fp - fm) / (2 * h);
  double err = std::fabs(x.grad() - fd) / std::max(1.0, std::fabs(fd));
  EXPECT_LT(err, 1e-6) << what << " at " << x0 << ": autograd " << x.grad() << " finite difference " << fd;
}
}  // namespace

TEST(Value, EveryOpMatchesFiniteDifferences) {
  for (double x0 : {-1.7, -0.3, 0.4, 1.3, 2.5}) {
    check_grad("a+b", [](Value a) { return a + a.t->leaf(0.7); }, x0);
    check_grad("a*b", [](Value a) { return a * a.t->leaf(-1.9); }, x0);
    check_grad("a*a", [](Value a) { return a * a; }, x0);
    check_grad("a-b", [](Value a) { return a.t->leaf(2.0) - a; }, x0);
    check_grad("a/b", [](Value a) { return a.t->leaf(1.5) / (a * a + 1.0); }, x0);
    check_grad("-a", [](Value a) { return -a; }, x0);
    check_grad("a**3", [](Value a) { return a.pow(3); }, x0);
    check_grad("a**-1", [](Value a) { return a.pow(-1); }, x0);
    check_grad("tanh", [](Value a) { return a.tanh(); }, x0);
    check_grad("exp", [](Value a) { return a.exp(); }, x0);
    check_grad("relu", [](Value a) { return a.relu() * 3.0; }, x0);
    check_grad("k+a, k*a", [](Value a) { return 2.0 * (1.0 + a); }, x0);
    if (x0 > 0) {
      check_grad("log", [](Value a) { return a.log(); }, x0);
      check_grad("a**0.5", [](Value a) { return a.pow(0.5); }, x0);
    }
    check_grad("composite", [](Value a) { return ((a * 2.0).tanh() + a.exp()).pow(2) / (a * a + 1.0); }, x0);
  }
}

TEST(Value, GradientsAccumulateOverReuse) {
  Tape t;
  Value a = t.leaf(3.0);
  Value b = a * a + a;  // d/da = 2a + 1
  b.backward();
  EXPECT_EQ(a.grad(), 7.0);
}

TEST(Value, DeepChainNeedsNoRecursion) {
  Tape t;
  Value x = t.leaf(0.5);
  Value y = x;
  for (int i = 0; i < 200000; ++i) y = y + 1e-6;  // 400k nodes: a recursive DFS would overflow the stack
  y.backward();
  EXPECT_EQ(x.grad(), 1.0);
  std::vector<int32_t> nodes;
  std::vector<std::pair<int32_t, int32_t>> edges;
  t.trace(y.id, nodes, edges);
  EXPECT_EQ(nodes.size(), 400001u);
  EXPECT_EQ(edges.size(), 400000u);
}

TEST(Value, TopoIsPostOrderOperandsFirst) {
  Tape t;
  Value a = t.leaf(1), b = t.leaf(2);
  Value c = a * b;  // 2
  Value d = c + a;  // 3
  const std::vector<int32_t>& order = t.topo(d.id);
  ASSERT_EQ(order.size(), 4u);
  EXPECT_EQ(order[0], a.id);
  EXPECT_EQ(order[1], b.id);
  EXPECT_EQ(order[2], c.id);
  EXPECT_EQ(order[3], d.id);
}

TEST(Value, TracePreOrderListsSquaredEdgeOnce) {
  Tape t;
  Value a = t.leaf(2);
  Value b = a * a;
  std::vector<int32_t> nodes;
  std::vector<std::pair<int32_t, int32_t>> edges;
  t.trace(b.id, nodes, edges);
  ASSERT_EQ(nodes.size(), 2u);
  EXPECT_EQ(nodes[0], b.id);
  ASSERT_EQ(edges.size(), 1u);
  EXPECT_EQ(edges[0], std::make_pair(a.id, b.id));
}

TEST(Value, OpLabelsMatchMicrograd) {
  Tape t;
  Value a = t.leaf(2);
  EXPECT_EQ(mg::op_label(a.pow(-1).node()), "**-1");
  EXPECT_EQ(mg::op_label(a.pow(0.5).node()), "**0.5");
  EXPECT_EQ(mg::op_label(a.pow(2.0).node()), "**2.0");
  EXPECT_EQ(mg::op_label(a.relu().node()), "ReLU");
  EXPECT_EQ(mg::op_label(a.tanh().node()), "tanh");
}

TEST(Value, PowIsTheCLibrarysPowNotAMultiply) {
  // py_pow(x, 2) must be the C library's pow, which differs from x*x in about 1 of 1000 inputs.
  volatile double two = 2.0;
  int differ_from_mul = 0, differ_from_pow = 0;
  double x = 0.1;
  for (int i = 0; i < 200000; ++i, x += 0.000123) {
    double viapow = ::pow(x, two);
    differ_from_pow += mg::py_pow(x, 2) != viapow;
    differ_from_mul += viapow != x * x;
  }
  EXPECT_EQ(differ_from_pow, 0);
  EXPECT_GT(differ_from_mul, 0) << "this libm's pow(x, 2) always equals x*x: the test cannot tell them apart";
}
