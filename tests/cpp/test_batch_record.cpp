// Recording unusual point graphs for the batched replay: what cannot be batched says why, and what can (unfused
// when fusing would reorder a gradient's additions, a*a, a parameter read by a plain op) replays bit for bit as
// the full-batch graph's backward() computes it.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <string>

#include "replay_batch.h"

using mg::Tape;
using mg::Value;

namespace {
constexpr int32_t kParams = 4;  // w0, w1, b, w3: the tape's first nodes

Tape with_params() {
  Tape t;
  for (double v : {0.7, -1.3, 0.25, 0.9}) t.leaf(v);
  return t;
}
Value param(Tape& t, int i) { return Value{&t, i}; }

mg::PointGraph probs_of = [](Tape& t, double x, double y, int) {
  Value a = param(t, 0) * x, b = param(t, 1) * y;
  return std::vector<Value>{a.tanh(), b.exp(), (a + b).relu()};
};

// The reference: loss = (0.0 + l_0 + ... + l_{n-1}) * (1/n) built whole, then backward(); the batched step must give
// the same loss and the same parameter grads, bit for bit.
void expect_batch_equals_graph(const mg::PointGraph& loss_of, const std::string& what) {
  const std::vector<mg::Point> pts = {{0.5, -0.25, 0}, {-1.5, 0.75, 2}, {0.125, 2.0, 1}, {1.0, 1.0, 0}, {-0.3, 0.6, 1}};
  Tape t = with_params();
  Value total = t.leaf(0.0);
  for (const mg::Point& p : pts) total = total + loss_of(t, p.x, p.y, p.label)[0];
  Value loss = total * (1.0 / static_cast<double>(pts.size()));
  loss.backward();
  double want_loss = loss.data(), want[kParams];
  for (int i = 0; i < kParams; ++i) want[i] = t[i].grad, t[i].grad = 0;
  t.truncate(kParams);
  mg::BatchReplay b;
  ASSERT_TRUE(b.record(t, kParams, loss_of, probs_of)) << what;
  double got = b.step(t, pts);
  EXPECT_EQ(std::memcmp(&got, &want_loss, sizeof got), 0) << what << ": loss " << got << " want " << want_loss;
  for (int i = 0; i < kParams; ++i) EXPECT_EQ(std::memcmp(&t[i].grad, &want[i], sizeof want[i]), 0) << what << ": grad " << i;
}
}  // namespace

TEST(BatchRecord, FusingThatWouldReorderAGradientsAdditionsFallsBackToOpByOp) {
  // s0 = b + w0*u, out = s0 + w1*v with v = u*1e16 + u*-1e16: backward() adds v's two (cancelling) shares into u's
  // grad before w0*u's; a fused sum would add w0*u's first, and the big shares would swallow it. The check refuses
  // the fusion and the graph is replayed op by op.
  mg::PointGraph loss_of = [](Tape& t, double x, double, int label) {
    Value u = (param(t, 3) * x).tanh();
    Value s0 = param(t, 2) + param(t, 0) * u;
    Value v = u * 1e16 + u * -1e16;
    Value out = s0 + param(t, 1) * v;
    return std::vector<Value>{(out * (label + 1.0)).tanh()};
  };
  Tape t = with_params();
  mg::PointTape pt;
  const char* why = nullptr;
  ASSERT_TRUE(mg::record_point_tape(t, kParams, loss_of, 0, pt, &why));
  for (const mg::PointTape::Step& s : pt.steps) EXPECT_NE(s.op, mg::Op::Leaf) << "no fused sum";
  expect_batch_equals_graph(loss_of, "reordering graph");

  // the same sum without v: fused into one step
  mg::PointGraph plain = [](Tape& t, double x, double y, int) {
    Value u = (param(t, 3) * x).tanh();
    return std::vector<Value>{(param(t, 2) + param(t, 0) * u + param(t, 1) * y).tanh()};
  };
  ASSERT_TRUE(mg::record_point_tape(t, kParams, plain, 0, pt, &why));
  int fused = 0;
  for (const mg::PointTape::Step& s : pt.steps) fused += s.op == mg::Op::Leaf;
  EXPECT_EQ(fused, 1);
  expect_batch_equals_graph(plain, "fused sum");
}

TEST(BatchRecord, SquaresAndParametersReadByPlainOps) {
  mg::PointGraph loss_of = [](Tape& t, double x, double y, int label) {
    Value h = (param(t, 0) * x + param(t, 2)).tanh();
    Value sq = h * h;                                   // both operands one row: both additions in turn
    Value g = param(t, 1).tanh() * y;                   // a parameter read by a plain op (tanh)
    Value z = (sq + g + param(t, 3) * h).exp();
    return std::vector<Value>{(z + 1.0).log() / (z + (label + 2.0))};
  };
  expect_batch_equals_graph(loss_of, "squares");
}

TEST(BatchRecord, WhatCannotBeBatchedSaysWhy) {
  Tape t = with_params();
  mg::PointTape pt;
  const char* why = nullptr;
  // a parameter used twice per point: recorded, but its per-point grads cannot be added point by point
  mg::PointGraph twice = [](Tape& t, double x, double y, int) {
    return std::vector<Value>{(param(t, 0) * x + param(t, 0) * y).tanh()};
  };
  ASSERT_TRUE(mg::record_point_tape(t, kParams, twice, 0, pt, &why));
  EXPECT_FALSE(pt.exact_across_points);
  mg::BatchReplay b;
  EXPECT_FALSE(b.record(t, kParams, twice, probs_of));
  EXPECT_EQ(t.size(), kParams);  // the tape as it was

  struct Bad {
    mg::PointGraph graph;
    std::string why;
  };
  Bad bad[] = {
      {[](Tape& t, double x, double, int) {  // a leaf made from x: neither a constant nor x
         return std::vector<Value>{(param(t, 0) * (2 * x)).tanh()};
       }, "a leaf is neither"},
      {[](Tape& t, double x, double, int) {  // more nodes for some points
         Value v = (param(t, 0) * x).tanh();
         return std::vector<Value>{x > 0 ? v.exp() : v};
       }, "shape depends"},
      {[](Tape& t, double, double, int) { return std::vector<Value>{param(t, 1)}; }, "root"},
      {[](Tape&, double, double, int) { return std::vector<Value>{}; }, "root"},
  };
  for (const Bad& k : bad) {
    why = nullptr;
    EXPECT_FALSE(mg::record_point_tape(t, kParams, k.graph, 0, pt, &why));
    ASSERT_NE(why, nullptr);
    EXPECT_NE(std::string(why).find(k.why), std::string::npos) << why;
    EXPECT_EQ(t.size(), kParams);
  }
}
