// The JS-facing ExprSession natively: the structure JSON, the number buffers, the teaching calls on a
// snippet (forward order, backward steps that add up to every grad, gradient checks) and bad input refused
// with a message while the snippet stays as it was.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "expr_session.h"
#include "golden.h"

namespace {
std::vector<double> take(uintptr_t ptr, size_t n) {
  const double* p = reinterpret_cast<const double*>(ptr);
  return std::vector<double>(p, p + n);
}
const char* kSnippet = "a = Value(2.0, label='in')\nm = 3\nb = Value(-1.5)\nc = (a * b + m).tanh()\nd = c * a\n";
}  // namespace

TEST(ExprSession, StructureNamesEveryNodeVariableAndLeaf) {
  mg::ExprSession s;
  ASSERT_TRUE(s.run(kSnippet));
  EXPECT_EQ(s.num_vars(), 4);  // m holds a number
  EXPECT_EQ(s.graph_size(), 7);
  EXPECT_EQ(s.num_leaves(), 2);
  EXPECT_EQ(s.structure(),
            "{\"vars\":[{\"name\":\"a\",\"node\":4},{\"name\":\"b\",\"node\":5},{\"name\":\"c\",\"node\":1},"
            "{\"name\":\"d\",\"node\":0}],"
            "\"nodes\":[{\"op\":\"*\",\"label\":\"d\",\"name\":\"d\",\"leaf\":-1},"
            "{\"op\":\"tanh\",\"label\":\"c\",\"name\":\"c\",\"leaf\":-1},"
            "{\"op\":\"+\",\"label\":null,\"name\":\"+\",\"leaf\":-1},"
            "{\"op\":\"*\",\"label\":null,\"name\":\"*\",\"leaf\":-1},"
            "{\"op\":\"\",\"label\":\"in\",\"name\":\"in\",\"leaf\":0},"
            "{\"op\":\"\",\"label\":\"b\",\"name\":\"b\",\"leaf\":1},"
            "{\"op\":\"\",\"label\":null,\"name\":\"3\",\"leaf\":-1}],"
            "\"edges\":[[1,0],[2,1],[3,2],[4,3],[5,3],[6,2],[4,0]],"
            "\"leaves\":[{\"name\":\"in\",\"label\":\"in\",\"node\":4,\"line\":1,\"column\":5,\"from\":10,\"to\":13},"
            "{\"name\":\"b\",\"label\":\"b\",\"node\":5,\"line\":3,\"column\":5,\"from\":43,\"to\":47}]}");
}

TEST(ExprSession, ValuesAreVariablesThenGraphNodes) {
  mg::ExprSession s;
  ASSERT_TRUE(s.run(kSnippet));
  std::vector<double> v = take(s.values(), 2 * 4 + 2 * 7);
  mg::Expression& x = s.expression();
  mg::ExprGraph g = mg::expr_graph(x);
  for (int i = 0; i < 7; ++i) {
    EXPECT_EQ(v[8 + i], x.tape().nodes[g.nodes[i]].data);
    EXPECT_EQ(v[8 + 7 + i], x.tape().nodes[g.nodes[i]].grad);
  }
  EXPECT_EQ(v[0], 2.0);         // a
  EXPECT_EQ(v[4], v[8 + 7 + 4]);  // a's grad is its graph node's
  EXPECT_EQ(v[4 + 3], 1.0);     // d is the root
  EXPECT_EQ(take(s.leaf_values(), 2), (std::vector<double>{2.0, -1.5}));
}

TEST(ExprSession, BackwardStepsAddUpToEveryGradAndTheOrderPutsOperandsFirst) {
  mg::ExprSession s;
  ASSERT_TRUE(s.run(golden::read(GOLDEN_DIR "/expressions/readme.py")));
  int N = s.graph_size();
  std::vector<double> v = take(s.values(), 2 * s.num_vars() + 2 * N);
  const double* grad = v.data() + 2 * s.num_vars() + N;
  uintptr_t ptr = s.backward_steps();
  std::vector<double> rows = take(ptr, 5 * static_cast<size_t>(s.count()));
  std::vector<double> sum(N, 0.0);
  sum[0] = 1;
  for (size_t r = 0; r < rows.size(); r += 5) {
    int node = static_cast<int>(rows[r]), operand = static_cast<int>(rows[r + 1]);
    EXPECT_EQ(rows[r + 3], sum[node]);  // a node's grad is complete when it passes it on
    EXPECT_EQ(rows[r + 4], rows[r + 2] * rows[r + 3]);
    sum[operand] += rows[r + 4];
  }
  for (int i = 0; i < N; ++i) EXPECT_EQ(sum[i], grad[i]) << i;
  std::vector<double> order = take(s.forward_order(), N);
  ASSERT_EQ(s.count(), N);
  EXPECT_EQ(order.back(), 0);
  std::vector<int> at(N, -1);
  for (int i = 0; i < N; ++i) at[static_cast<int>(order[i])] = i;
  mg::ExprGraph g = mg::expr_graph(s.expression());
  for (auto [c, p] : g.edges) EXPECT_LT(at[c], at[p]);
}

TEST(ExprSession, GradCheckAgreesAndLeavesTheNumbersAlone) {
  mg::ExprSession s;
  ASSERT_TRUE(s.run(golden::read(GOLDEN_DIR "/expressions/softmax.py")));
  int N = s.graph_size();
  std::vector<double> before = take(s.values(), 2 * s.num_vars() + 2 * N);
  for (int i = 0; i < N; ++i) {
    std::vector<double> c = take(s.grad_check(i), 3);
    EXPECT_EQ(c[0], before[2 * s.num_vars() + N + i]);
    EXPECT_LT(c[2], 1e-6) << i;
  }
  EXPECT_EQ(take(s.values(), before.size()), before);
  EXPECT_EQ(s.grad_check(N), 0u);
  EXPECT_EQ(s.error_message(), "node: expected a node index from 0 to 18, got 19.0");
  EXPECT_EQ(s.grad_check(NAN), 0u);
  // the nudges recompute with plain floats; an int zero (no sign in Python) must come back as it was
  ASSERT_TRUE(s.run("a = Value(-2)\nd = a.relu()\ne = d * -3\nf = e + a\n"));
  std::vector<double> ints = take(s.values(), 2 * s.num_vars() + 2 * s.graph_size());
  for (int i = 0; i < s.graph_size(); ++i) s.grad_check(i);
  std::vector<double> again = take(s.values(), ints.size());
  for (size_t i = 0; i < ints.size(); ++i) EXPECT_EQ(std::signbit(again[i]), std::signbit(ints[i])) << i;
  EXPECT_EQ(again, ints);
}

TEST(ExprSession, BadInputIsRefusedAndTheSnippetKept) {
  mg::ExprSession s;
  ASSERT_TRUE(s.run(kSnippet));
  std::string st = s.structure();
  EXPECT_FALSE(s.run("a = Value(1.0)\nb = a +\n"));
  EXPECT_EQ(s.error_line(), 2);
  EXPECT_EQ(s.error_column(), 8);
  EXPECT_EQ(s.error_message(), "SyntaxError: invalid syntax");
  EXPECT_EQ(s.structure(), st);
  EXPECT_FALSE(s.set_leaf(2, 1.0));
  EXPECT_EQ(s.error_line(), 0);
  EXPECT_EQ(s.error_message(), "leaf: expected an index from 0 to 1, got 2.0");
  EXPECT_FALSE(s.set_leaf(0.5, 1.0));
  EXPECT_FALSE(s.set_leaf(0, INFINITY));
  EXPECT_EQ(s.error_message(), "value: expected a finite number, got inf");
  ASSERT_TRUE(s.set_leaf(1, 0.25));
  EXPECT_EQ(take(s.leaf_values(), 2), (std::vector<double>{2.0, 0.25}));
  mg::ExprSession empty;
  ASSERT_TRUE(empty.run(""));
  EXPECT_FALSE(empty.set_leaf(0, 1.0));
  EXPECT_EQ(empty.error_message(), "leaf: this snippet has no Value(...) leaf");
  EXPECT_EQ(empty.structure(), "{\"vars\":[],\"nodes\":[],\"edges\":[],\"leaves\":[]}");
}
