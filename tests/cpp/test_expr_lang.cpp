// The expression language's own behaviour: Python's int/float types, the operand order and fresh leaves
// of each operator form, Value(...) leaves and their source spans, empty snippets, JSON escaping, and
// set_leaf (a re-run after a leaf changed equals a fresh run of the edited source).
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "expr_graph.h"
#include "golden.h"
#include "pyfloat.h"

TEST(ExprLang, IntsKeepTheirTypeAsInPython) {
  mg::Expression x;
  ASSERT_TRUE(x.run("a = Value(3)\nb = a * 2 + 1\nc = b ** 2\nd = a / 1\ne = a ** -1\nf = Value(-2).relu() * -1\n"
                    "g = Value(-2.5).relu()\nh = Value(2.5) * 0\n"));
  auto node = [&](const char* name) {
    for (const mg::ExprVar& v : x.vars())
      if (v.name == name) return v.node;
    return -1;
  };
  EXPECT_TRUE(x.is_int_data(node("b")));
  EXPECT_TRUE(x.is_int_data(node("c")));
  EXPECT_FALSE(x.is_int_data(node("d")));  // true division
  EXPECT_FALSE(x.is_int_data(node("e")));  // int ** negative int
  EXPECT_TRUE(x.is_int_data(node("f")));   // relu gives the int 0; 0 * -1 is the int 0, not -0.0
  EXPECT_FALSE(std::signbit(x.tape().nodes[node("f")].data));
  EXPECT_TRUE(x.is_int_data(node("g")));   // relu of a negative float is the int 0 too
  EXPECT_FALSE(x.is_int_data(node("h")));
  mg::ExprGraph g = mg::expr_graph(x);  // the root is h: Value(2.5) * 0
  EXPECT_EQ(mg::op_label(x.tape().nodes[g.nodes[0]]), "*");
  EXPECT_EQ(mg::op_label(x.tape().nodes[node("c")]), "**2");
}

TEST(ExprLang, OperandOrderAndFreshLeavesAsMicrogradBuildsThem) {
  // creation order on the tape: `2 - a` is (a * -1.0) + 2, `2 / a` is a**-1 * 2, `a - 2` is a + (-2)
  struct Want {
    const char* src;
    const char* tape;  // every node in creation order: op, or the leaf's number
  } wants[] = {
      {"a = Value(5.0)\nb = 2 - a\n", "5.0 -1.0 * 2 +"},
      {"a = Value(5.0)\nb = 2 / a\n", "5.0 **-1 2 *"},
      {"a = Value(5.0)\nb = a - 2\n", "5.0 -2 +"},
      {"a = Value(5.0)\nb = a / 2\n", "5.0 0.5 *"},
      {"a = Value(5.0)\nb = a / 3\n", "5.0 0.3333333333333333 *"},
      {"a = Value(5.0)\nb = -a\n", "5.0 -1.0 *"},
      {"a = Value(5.0)\nb = a - a\n", "5.0 -1.0 * +"},
      {"a = Value(5.0)\nb = a / a\n", "5.0 **-1 *"},
      {"a = Value(5.0)\nb = -a ** 2\n", "5.0 **2 -1.0 *"},
      {"a = Value(5.0)\nb = a ** -2 ** 2\n", "5.0 **-4"},
      {"a = Value(5.0)\nb = (a ** 2) ** 3\n", "5.0 **2 **3"},
      {"a = Value(5.0)\nb = 2 * 3 + a\n", "5.0 6 +"},
      {"a = Value(5.0)\na += a * 2\n", "5.0 2 * +"},
      {"a = Value(5.0)\na -= 1\n", "5.0 -1 +"},
      {"a = Value(5.0)\na /= 2.0\n", "5.0 0.5 *"},
  };
  for (const Want& w : wants) {
    SCOPED_TRACE(w.src);
    mg::Expression x;
    ASSERT_TRUE(x.run(w.src)) << x.error().message;
    std::string s;
    for (int32_t i = 0; i < x.tape().size(); ++i) {
      const mg::Node& n = x.tape().nodes[i];
      s += (i ? " " : "") + (n.op == mg::Op::Leaf ? mg::py_number(n.data, x.is_int_data(i)) : mg::op_label(n));
    }
    EXPECT_EQ(s, w.tape);
  }
}

TEST(ExprLang, LeavesAreTheValueCallsWithTheirSourceSpans) {
  mg::Expression x;
  std::string src = "a = Value(-4.0)\nb = Value(2 * 3, label='b')\nc = a * b + 1\n";
  ASSERT_TRUE(x.run(src));
  ASSERT_EQ(x.leaves().size(), 2u);
  EXPECT_EQ(src.substr(x.leaves()[0].begin, x.leaves()[0].end - x.leaves()[0].begin), "-4.0");
  EXPECT_EQ(src.substr(x.leaves()[1].begin, x.leaves()[1].end - x.leaves()[1].begin), "2 * 3");
  EXPECT_EQ(x.leaves()[1].at.line, 2);
  EXPECT_EQ(x.leaves()[1].at.col, 5);
  std::string label;
  ASSERT_TRUE(x.label(x.leaves()[1].node, label));
  EXPECT_EQ(label, "b");
}

TEST(ExprLang, EmptyAndNumberOnlySnippetsHaveNoGraph) {
  for (const char* src : {"", "\n\n# nothing\n", "x = 1 + 2\n", "from micrograd.engine import Value\n"}) {
    mg::Expression x;
    ASSERT_TRUE(x.run(src)) << src;
    EXPECT_EQ(x.root(), -1);
    EXPECT_EQ(mg::expr_values_text(x), "");
    mg::ExprGraph g = mg::expr_graph(x);
    EXPECT_EQ(mg::expr_graph_json(x, g), "{\n\"nodes\": [],\n\"edges\": []\n}");
  }
}

TEST(ExprLang, LabelsAreJsonEscapedAsPythonDoes) {
  mg::Expression x;
  ASSERT_TRUE(x.run("a = Value(1.0, label='\\u00e9 \"q\" \\\\ \\n \\U0001F600')\n"));
  mg::ExprGraph g = mg::expr_graph(x);
  EXPECT_NE(mg::expr_graph_json(x, g).find("\"label\": \"\\u00e9 \\\"q\\\" \\\\ \\n \\ud83d\\ude00\"\n"), std::string::npos)
      << mg::expr_graph_json(x, g);
  EXPECT_EQ(mg::json_string("\x01\t\x7f"), "\"\\u0001\\t\\u007f\"");
}

TEST(ExprLang, SetLeafMatchesAFreshRunOfTheEditedSource) {
  const std::string before = "x1 = Value(2.0)\nw1 = Value(-3.0)\nb = Value(6.8813735870195432)\nn = x1*w1 + b\n"
                             "o = n.tanh()\no.backward()\np = o * 2\n";
  mg::Expression x, fresh;
  ASSERT_TRUE(x.run(before));
  ASSERT_TRUE(x.set_leaf(1, -2.75));
  ASSERT_TRUE(fresh.run("x1 = Value(2.0)\nw1 = Value(-2.75)\nb = Value(6.8813735870195432)\nn = x1*w1 + b\n"
                        "o = n.tanh()\no.backward()\np = o * 2\n"));
  golden::expect_same_text(mg::expr_values_text(fresh), mg::expr_values_text(x), "after set_leaf");
  mg::ExprGraph g1 = mg::expr_graph(x), g2 = mg::expr_graph(fresh);
  EXPECT_EQ(mg::expr_graph_json(x, g1), mg::expr_graph_json(fresh, g2));
}

TEST(ExprLang, SetLeafTurnsAnIntLeafIntoAFloat) {
  mg::Expression x, fresh;
  ASSERT_TRUE(x.run("a = Value(0)\nb = a * -1\n"));
  EXPECT_EQ(mg::expr_values_text(x), "a data=0.0 grad=-1.0\nb data=0.0 grad=1.0\n");
  ASSERT_TRUE(x.set_leaf(0, 0.0));  // Value(0.0) * -1 is -0.0, as a fresh run of the edited source says
  ASSERT_TRUE(fresh.run("a = Value(0.0)\nb = a * -1\n"));
  EXPECT_EQ(mg::expr_values_text(x), mg::expr_values_text(fresh));
  EXPECT_EQ(mg::expr_values_text(x), "a data=0.0 grad=-1.0\nb data=-0.0 grad=1.0\n");
}

TEST(ExprLang, SetLeafThatRaisesLeavesEverythingAsBefore) {
  mg::Expression x;
  ASSERT_TRUE(x.run("a = Value(2.0)\nb = a.log()\nb.backward()\n"));
  std::string before = mg::expr_values_text(x);
  EXPECT_FALSE(x.set_leaf(0, -1.0));
  EXPECT_EQ(x.error().at.line, 2);
  EXPECT_EQ(x.error().at.col, 7);
  EXPECT_EQ(x.error().message.rfind("ValueError: math domain error", 0), 0u) << x.error().message;
  EXPECT_EQ(mg::expr_values_text(x), before);
  EXPECT_FALSE(x.set_leaf(1, 1.0));
  EXPECT_FALSE(x.set_leaf(0, NAN));
  EXPECT_EQ(mg::expr_values_text(x), before);
  EXPECT_TRUE(x.set_leaf(0, 0.5));
  EXPECT_EQ(mg::expr_values_text(x), "a data=0.5 grad=2.0\nb data=-0.6931471805599453 grad=1.0\n");
}

TEST(ExprLang, SeveralBackwardCallsReplayInOrder) {
  mg::Expression x, fresh;
  ASSERT_TRUE(x.run("a = Value(2.0)\nb = a * a\nb.backward()\nc = a * 3\nc.backward()\n"));
  ASSERT_TRUE(x.set_leaf(0, 1.5));
  ASSERT_TRUE(fresh.run("a = Value(1.5)\nb = a * a\nb.backward()\nc = a * 3\nc.backward()\n"));
  EXPECT_EQ(mg::expr_values_text(x), mg::expr_values_text(fresh));
  EXPECT_EQ(mg::expr_values_text(x), "a data=1.5 grad=6.0\nb data=2.25 grad=1.0\nc data=4.5 grad=1.0\n");
}
