// Teaching support: the backward pass as data replays to the engine's grads exactly, local derivatives
// agree with every op's backward, finite differences agree with autograd, point shares sum to the gradient.
#include <gtest/gtest.h>

#include <cmath>

#include "inspect.h"
#include "session.h"

namespace {
mg::Trainer trained(int steps = 5, mg::Act act = mg::Act::Tanh) {
  mg::Config cfg;
  cfg.act = act;
  mg::Trainer t(cfg);
  for (int i = 0; i < steps; ++i) t.step();
  return t;
}
}  // namespace

TEST(Inspect, LocalDerivativeIsWhatEachBackwardMultipliesBy) {
  mg::Tape t;
  mg::Value a = t.leaf(0.7), b = t.leaf(-1.3);
  mg::Value outs[] = {a + b, a * b, a.pow(-1), a.pow(0.5), a.relu(), b.relu(), a.tanh(), a.exp(), a.log()};
  for (mg::Value o : outs) {
    for (mg::Node& n : t.nodes) n.grad = 0;
    o.grad() = -0.37;
    t.backward_node(o.id);
    const mg::Node& on = o.node();
    EXPECT_EQ(a.grad(), mg::local_derivative(on, t[on.a], on.b >= 0 ? &t[on.b] : nullptr, 0) * -0.37) << mg::op_label(on);
    if (on.b >= 0) {
      EXPECT_EQ(b.grad(), mg::local_derivative(on, t[on.a], &t[on.b], 1) * -0.37) << mg::op_label(on);
    }
  }
}

TEST(Inspect, BackwardStepsAccumulateToTheEngineGradsExactly) {
  mg::Trainer t = trained();
  mg::Graph g = t.graph(0.3, -0.6, 2);
  std::vector<mg::BackwardStep> steps = mg::backward_steps(t, 0.3, -0.6, 2);
  std::vector<double> grad(g.nodes.size(), 0.0);
  grad[0] = 1;
  ASSERT_EQ(steps.size(), g.edges.size());  // one step per (operand, op) edge: no a*a in this graph
  for (const mg::BackwardStep& s : steps) {
    EXPECT_EQ(s.upstream, grad[s.node]) << "node " << s.node << " ran before its grad was complete";
    EXPECT_EQ(s.contribution, s.local * s.upstream);
    grad[s.operand] += s.contribution;
  }
  for (size_t i = 0; i < grad.size(); ++i) EXPECT_EQ(grad[i], g.nodes[i].grad) << "node " << i << " " << g.nodes[i].name;
}

TEST(Inspect, ForwardOrderComputesOperandsFirst) {
  mg::Trainer t = trained(2);
  mg::Graph g = t.graph(0, 0, 0);
  std::vector<int32_t> order = mg::forward_order(t, 0, 0, 0);
  ASSERT_EQ(order.size(), g.nodes.size());
  std::vector<int> at(g.nodes.size(), -1);
  for (size_t i = 0; i < order.size(); ++i) at[order[i]] = static_cast<int>(i);
  for (auto [child, parent] : g.edges) EXPECT_LT(at[child], at[parent]);
  EXPECT_EQ(order.back(), 0);  // the loss comes last
}

TEST(Inspect, FiniteDifferencesAgreeWithAutograd) {
  for (mg::Act act : {mg::Act::Tanh, mg::Act::Relu}) {
    mg::Trainer t = trained(10, act);
    std::vector<mg::GradCheck> cs = mg::grad_check_params(t, 0.4, 0.9, 1);
    ASSERT_EQ(cs.size(), t.params().size());
    for (size_t p = 0; p < cs.size(); ++p) EXPECT_LT(cs[p].rel_error, 1e-5) << "param " << p;
    mg::Graph g = t.graph(0.4, 0.9, 1);
    for (int32_t node : {0, 3, 10, 40, 100}) {
      mg::GradCheck c = mg::grad_check(t, 0.4, 0.9, 1, node);
      EXPECT_EQ(c.autograd, g.nodes[node].grad);
      EXPECT_LT(c.rel_error, 1e-5) << "node " << node << " " << g.nodes[node].name;
    }
  }
  // the checks leave training as it was
  mg::Trainer a = trained(3), b = trained(3);
  mg::grad_check_params(a, 0.1, 0.2, 0);
  mg::grad_check(a, 0.1, 0.2, 0, 5);
  mg::node_field(a, 7, 0, 8, 8, -2, 2, -2, 2);
  EXPECT_EQ(a.step(), b.step());
}

TEST(Inspect, PointSharesSumToTheBatchGradient) {
  mg::Trainer t = trained(4);
  std::vector<double> shares = mg::point_grads(t);
  size_t P = t.params().size(), N = t.data().train.size();
  ASSERT_EQ(shares.size(), N * P);
  t.step();  // its optimizer records the batch gradient it used
  for (size_t p = 0; p < P; ++p) {
    double sum = 0;
    for (size_t i = 0; i < N; ++i) sum += shares[i * P + p];
    EXPECT_NEAR(sum, t.opt_grad(static_cast<int>(p)), 1e-12 + 1e-9 * std::fabs(sum)) << "param " << p;
  }
}

TEST(Inspect, PointStatsAndNodeField) {
  mg::Trainer t = trained(30);
  std::vector<double> loss;
  std::vector<int> pred;
  mg::point_stats(t, t.data().train, loss, pred);
  ASSERT_EQ(loss.size(), t.data().train.size());
  double mean = 0;
  for (double l : loss) mean += l;
  EXPECT_NEAR(mean / loss.size(), t.loss(t.data().train), 1e-12);
  mg::Graph g = t.graph(0.5, -0.25, 1);
  int32_t h = -1;
  for (size_t i = 0; i < g.nodes.size(); ++i)
    if (g.nodes[i].name == "h[0][2]") h = static_cast<int32_t>(i);
  ASSERT_GE(h, 0);
  // a 4x2 grid over [0, 2] x [-0.5, 0.5]: cell (r=1, c=0) is at (0.25, -0.25)
  std::vector<float> field = mg::node_field(t, h, 1, 4, 2, 0, 2, -0.5, 0.5);
  mg::Graph at = t.graph(0.25, -0.25, 1);
  EXPECT_FLOAT_EQ(field[1 * 4 + 0], static_cast<float>(at.nodes[h].data));
}

TEST(Inspect, SessionValidatesNodesAndKeepsTrainingIntact) {
  mg::Session s;
  ASSERT_EQ(s.configure(42, 100, "8", "tanh", "adamw", 0.1, 1e-4, "yinyang", 0), "");
  s.steps(3);
  EXPECT_EQ(s.grad_check(0, 0, 0, 157), 0u);
  EXPECT_EQ(s.last_error().rfind("node:", 0), 0u);
  EXPECT_NE(s.grad_check(0, 0, 0, 156), 0u);
  EXPECT_EQ(s.node_field(3, 0, 0, 10, -2, 2, -2, 2), 0u);
  EXPECT_NE(s.backward_steps(0, 0, 0), 0u);
  EXPECT_EQ(s.count(), 187);
  mg::Session fresh;
  ASSERT_EQ(fresh.configure(42, 100, "8", "tanh", "adamw", 0.1, 1e-4, "yinyang", 0), "");
  fresh.steps(3);
  s.point_grads();
  s.point_stats(0);
  s.grad_check_params(0.1, 0.1, 1);
  EXPECT_EQ(s.step(), fresh.step());
}

TEST(Inspect, TinyGradientsPassTheirCheck) {
  // A ReLU 2-32-32-3 network after a few SGD steps has gradients of 1e-6..1e-5, where the difference
  // quotient's rounding noise (~1e-10) would fail a purely relative error (this failed before the floor).
  mg::Config cfg;
  cfg.hidden = {32, 32};
  cfg.act = mg::Act::Relu;
  cfg.optimizer = mg::OptKind::SGD;
  cfg.lr = 0.05;
  cfg.dataset = mg::Dataset::Blobs;
  cfg.n = 200;
  mg::Trainer t(cfg);
  for (int i = 0; i < 7; ++i) t.step();
  std::vector<mg::GradCheck> cs = mg::grad_check_params(t, 0, 0, 0);
  int failed = 0;
  for (const mg::GradCheck& c : cs) failed += !(c.rel_error < 1e-5);
  EXPECT_EQ(failed, 0);
}
