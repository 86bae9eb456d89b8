// The batched replay against its references, bit for bit: the per-point replay and the graph built anew, over
// networks, activations, optimizers, point edits, evaluation in chunks, per-point gradients and memory.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <random>

#include "inspect.h"
#include "replay_batch.h"
#include "session.h"
#include "trainer.h"

namespace {
// The same bits; any NaN equals any NaN: IEEE 754 leaves the sign and payload of a NaN result to the machine, and C++
// compilers pick the operand order of a commutative op freely, so which NaN an a + b of two NaNs passes on differs
// between scalar and SIMD code (Python prints every NaN as nan).
bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0 || (std::isnan(a) && std::isnan(b)); }

mg::Config config(const std::vector<int>& hidden, mg::Act act, mg::OptKind opt, uint64_t seed, int n, double lr = 0.1) {
  mg::Config c;
  c.hidden = hidden;
  c.act = act;
  c.optimizer = opt;
  c.seed = seed;
  c.n = n;
  c.lr = lr;
  return c;
}

std::string name(const mg::Config& c) {
  std::string s = "2";
  for (int w : c.hidden) s += "-" + std::to_string(w);
  return s + "-3 " + (c.act == mg::Act::Tanh ? "tanh " : "relu ") + (c.optimizer == mg::OptKind::AdamW ? "adamw" : "sgd") +
         " seed " + std::to_string(c.seed) + " n " + std::to_string(c.n) + " lr " + std::to_string(c.lr);
}

// Three trainers on the same points, one per path; every step's loss, every parameter and the optimizer state
// must agree bit for bit.
struct Three {
  mg::Trainer batch, replay, graph;
  explicit Three(const mg::Config& c) : batch(c), replay(c), graph(c) {
    replay.set_path(mg::StepPath::Replay);
    graph.set_path(mg::StepPath::Graph);
  }
  void each(const std::function<void(mg::Trainer&)>& f) {
    f(batch);
    f(replay);
    f(graph);
  }
  int step_and_compare(const std::string& what) {
    double a = batch.step(), b = replay.step(), c = graph.step();
    EXPECT_TRUE(batch.batched()) << what;
    int differ = !same_bits(a, b) + !same_bits(a, c);
    for (size_t i = 0; i < batch.params().size(); ++i) {
      int p = static_cast<int>(i);
      differ += !same_bits(batch.param(p), replay.param(p)) + !same_bits(batch.param(p), graph.param(p));
      differ += !same_bits(batch.opt_m(p), graph.opt_m(p)) + !same_bits(batch.opt_v(p), graph.opt_v(p));
      differ += !same_bits(batch.opt_grad(p), graph.opt_grad(p));
    }
    EXPECT_EQ(differ, 0) << what << ": loss " << a << " " << b << " " << c;
    return differ;
  }
};
}  // namespace

TEST(Batch, StepsAreBitIdenticalToTheReplayAndTheGraph) {
  const mg::Config cases[] = {
      config({8}, mg::Act::Tanh, mg::OptKind::AdamW, 42, 100),
      config({8}, mg::Act::Relu, mg::OptKind::AdamW, 42, 100),
      config({8, 8}, mg::Act::Relu, mg::OptKind::SGD, 3, 120, 0.05),
      config({8, 8}, mg::Act::Tanh, mg::OptKind::SGD, 4, 90, 0.05),
      config({16, 8, 4}, mg::Act::Tanh, mg::OptKind::AdamW, 99, 200, 0.3),
      config({3}, mg::Act::Relu, mg::OptKind::AdamW, 7, 3),    // one training point
      config({1}, mg::Act::Tanh, mg::OptKind::SGD, 11, 5),
      config({32, 32}, mg::Act::Tanh, mg::OptKind::AdamW, 5, 500),  // more points than a chunk holds
      config({4}, mg::Act::Tanh, mg::OptKind::AdamW, 8, 60, 100),   // diverges: inf and NaN on every path alike
  };
  for (const mg::Config& c : cases) {
    Three t(c);
    for (int s = 0; s < 12; ++s)
      if (t.step_and_compare(name(c) + " step " + std::to_string(s))) break;
  }
}

TEST(Batch, RandomNetworksAndPointEdits) {
  std::mt19937_64 rng(2024);
  auto uniform = [&](double a, double b) { return std::uniform_real_distribution<double>(a, b)(rng); };
  for (int trial = 0; trial < 12; ++trial) {
    std::vector<int> hidden(1 + rng() % 3);
    for (int& w : hidden) w = 1 + static_cast<int>(rng() % 12);
    mg::Config c = config(hidden, rng() % 2 ? mg::Act::Tanh : mg::Act::Relu, rng() % 2 ? mg::OptKind::AdamW : mg::OptKind::SGD,
                          1 + rng() % 1000, 10 + static_cast<int>(rng() % 200), rng() % 2 ? 0.1 : 0.02);
    c.dataset = static_cast<mg::Dataset>(rng() % 5);
    Three t(c);
    std::string what = name(c);
    for (int s = 0; s < 10; ++s) {
      if (t.step_and_compare(what + " step " + std::to_string(s))) break;
      // an edit between steps, the same on each trainer (data_changed as the Session does)
      int kind = static_cast<int>(rng() % 4);
      double x = uniform(-2, 2), y = uniform(-2, 2);
      int label = static_cast<int>(rng() % 3);
      size_t n = t.batch.data().train.size(), at = n ? rng() % n : 0;
      t.each([&](mg::Trainer& tr) {
        std::vector<mg::Point>& pts = tr.data().train;
        if (kind == 0 || pts.empty()) pts.push_back({x, y, label});
        else if (kind == 1) pts[at].x = x, pts[at].y = y;
        else if (kind == 2) pts[at].label = label;
        else pts.erase(pts.begin() + static_cast<std::ptrdiff_t>(at));
        tr.data_changed();
      });
    }
  }
}

TEST(Batch, PointEditsThroughTheSession) {
  mg::Session s;
  ASSERT_EQ(s.configure(42, 100, "8", "tanh", "adamw", 0.1, 1e-4), "");
  mg::Trainer graph{mg::Config{}};
  graph.set_path(mg::StepPath::Graph);
  auto both = [&](const char* what) { EXPECT_TRUE(same_bits(s.step(), graph.step())) << what; };
  both("first");
  ASSERT_TRUE(s.add_point(0.5, -0.5, 2, 0));
  graph.data().train.push_back({0.5, -0.5, 2});
  both("after add");
  ASSERT_TRUE(s.move_point(0, 3, 1.25, -0.75));
  graph.data().train[3].x = 1.25;
  graph.data().train[3].y = -0.75;
  both("after move");
  ASSERT_TRUE(s.remove_point(0, 0));
  graph.data().train.erase(graph.data().train.begin());
  both("after remove");
  for (size_t i = 0; i < graph.params().size(); ++i)
    EXPECT_TRUE(same_bits(s.trainer()->param(static_cast<int>(i)), graph.param(static_cast<int>(i))));
}

TEST(Batch, EvaluationAndPerPointNumbersMatchTheGraph) {
  for (const mg::Config& c : {config({8}, mg::Act::Tanh, mg::OptKind::AdamW, 42, 100),
                              config({32, 32}, mg::Act::Relu, mg::OptKind::AdamW, 9, 2000),  // splits over chunks
                              config({5, 7}, mg::Act::Tanh, mg::OptKind::SGD, 12, 37)}) {
    mg::Trainer b(c), g(c);
    g.set_path(mg::StepPath::Graph);
    for (int s = 0; s < 3; ++s) b.step(), g.step();
    std::string what = name(c);
    for (const std::vector<mg::Point>* split : {&b.data().train, &b.data().val, &b.data().test}) {
      EXPECT_TRUE(same_bits(b.loss(*split), g.loss(*split))) << what;
      EXPECT_TRUE(same_bits(b.accuracy(*split), g.accuracy(*split))) << what;
      std::vector<double> lb, lg;
      std::vector<int> pb, pg;
      b.point_stats(*split, lb, pb);
      g.point_stats(*split, lg, pg);
      ASSERT_EQ(lb.size(), lg.size());
      EXPECT_EQ(pb, pg) << what;
      for (size_t i = 0; i < lb.size(); ++i) EXPECT_TRUE(same_bits(lb[i], lg[i])) << what << " point " << i;
    }
    std::vector<double> sb = mg::point_grads(b), sg = mg::point_grads(g);
    ASSERT_EQ(sb.size(), sg.size());
    int differ = 0;
    for (size_t i = 0; i < sb.size(); ++i) differ += !same_bits(sb[i], sg[i]);
    EXPECT_EQ(differ, 0) << what << ": point grads";
    EXPECT_TRUE(same_bits(b.step(), g.step())) << what << ": training goes on identically";
  }
  mg::Trainer empty{mg::Config{}};
  EXPECT_TRUE(std::isnan(empty.loss({})));
  EXPECT_TRUE(std::isnan(empty.accuracy({})));
}

// The argument of replay_batch.cpp, checked on the reference's own full-batch graph: its depth-first post-order is
// point 0's nodes, the first +, point 1's nodes, ..., and each point's nodes come in the order of its label's
// graph alone (parameters aside), so backward() reaches the points from the last to the first.
TEST(Batch, TheFullGraphOrderIsEachPointsOwnOrderPointByPoint) {
  mg::Config c = config({4, 3}, mg::Act::Tanh, mg::OptKind::AdamW, 17, 30);
  mg::Trainer t(c);
  mg::Tape& tape = t.tape();
  const int32_t P = t.num_param_nodes();
  const std::vector<mg::Point>& pts = t.data().train;
  auto point_loss = [&](const mg::Point& p) {
    double in[2] = {p.x, p.y};
    return mg::cross_entropy(t.model()(tape, in), p.label);
  };
  // each label's own order: op codes of the post-order of one point's loss, parameters left out
  auto ops_of = [&](const std::vector<int32_t>& order) {
    std::vector<int> ops;
    for (int32_t id : order)
      if (id >= P) ops.push_back(static_cast<int>(tape[id].op));
    return ops;
  };
  std::vector<std::vector<int>> own(pts.size());
  for (size_t i = 0; i < pts.size(); ++i) {
    tape.truncate(P);
    mg::Value l = point_loss(pts[i]);
    own[i] = ops_of(tape.topo(l.id));
  }
  tape.truncate(P);
  mg::Value total = tape.leaf(0.0);
  std::vector<int32_t> plus;  // the + node that adds point i
  for (const mg::Point& p : pts) {
    total = total + point_loss(p);
    plus.push_back(total.id);
  }
  mg::Value loss = total * (1.0 / static_cast<double>(pts.size()));
  std::vector<int32_t> order = tape.topo(loss.id);
  size_t at = 0;
  ASSERT_EQ(tape[order[at++]].op, mg::Op::Leaf);  // the 0.0
  for (size_t i = 0; i < pts.size(); ++i) {
    std::vector<int32_t> seg;
    while (at < order.size() && order[at] != plus[i]) seg.push_back(order[at++]);
    ASSERT_LT(at, order.size());
    ++at;  // the + of point i
    EXPECT_EQ(ops_of(seg), own[i]) << "point " << i << " (label " << pts[i].label << ")";
    for (size_t j = 0; j < i; ++j)  // one order per label
      if (pts[j].label == pts[i].label) {
        EXPECT_EQ(own[i], own[j]) << "points " << j << " and " << i;
      }
  }
  EXPECT_EQ(order.size() - at, 2u);  // 1/n and the final *
  t.release_trace();
}

TEST(Batch, MemoryStaysWithinItsBound) {
  struct Case { std::vector<int> hidden; int n; };
  for (const Case& k : {Case{{8}, 100}, Case{{32, 32}, 1250}, Case{{1}, 3}, Case{{16, 8, 4}, 2000},
                        Case{{64, 64, 64}, 400}, Case{{32, 32, 32, 32}, 800}, Case{{5}, 20000}}) {
    mg::Config c = config(k.hidden, k.hidden.size() % 2 ? mg::Act::Tanh : mg::Act::Relu, mg::OptKind::AdamW, 3, k.n);
    mg::Trainer t(c);
    t.step();
    t.loss(t.data().val);
    t.accuracy(t.data().train);
    mg::point_grads(t);
    size_t largest = std::max({t.data().train.size(), t.data().val.size(), t.data().test.size()});
    size_t bound = mg::batch_replay_bytes(k.hidden, static_cast<int64_t>(largest));
    EXPECT_LE(t.replay_bytes(), bound) << name(c);
    std::printf("%s: holds %zu bytes, bound %zu\n", name(c).c_str(), t.replay_bytes(), bound);
    for (int i = 0; i < 5; ++i) {  // points added one by one: the buffers grow with them, no further
      t.data().train.push_back({0.1 * i, -0.2 * i, i % 3});  // (no data_changed(), which would free them first)
      t.step();
      largest = std::max(largest, t.data().train.size());
      EXPECT_LE(t.replay_bytes(), mg::batch_replay_bytes(k.hidden, static_cast<int64_t>(largest))) << name(c) << " growing";
    }
    // fewer points afterwards: within the bound for the points there are now
    for (std::vector<mg::Point>* s : {&t.data().train, &t.data().val, &t.data().test}) s->resize(std::min<size_t>(s->size(), 2));
    t.data_changed();
    t.step();
    t.loss(t.data().val);
    mg::point_grads(t);
    EXPECT_LE(t.replay_bytes(), mg::batch_replay_bytes(k.hidden, 2)) << name(c) << " after shrinking";
  }
}

// batch_replay_bytes counts on it: the recording fuses every neuron's sum, for every label and both activations.
TEST(Batch, EveryNeuronsSumIsFused) {
  for (const std::vector<int>& hidden : {std::vector<int>{8}, {1}, {32, 32}, {3, 7, 5, 2}}) {
    for (mg::Act act : {mg::Act::Tanh, mg::Act::Relu}) {
      mg::Trainer t(config(hidden, act, mg::OptKind::AdamW, 5, 30));
      int neurons = 3;
      for (int w : hidden) neurons += w;
      mg::PointGraph loss = [&](mg::Tape& tape, double x, double y, int label) {
        double in[2] = {x, y};
        return std::vector<mg::Value>{mg::cross_entropy(t.model()(tape, in), label)};
      };
      for (int label = 0; label < 3; ++label) {
        mg::PointTape pt;
        const char* why = nullptr;
        ASSERT_TRUE(mg::record_point_tape(t.tape(), t.num_param_nodes(), loss, label, pt, &why));
        int sums = 0;
        for (const mg::PointTape::Step& s : pt.steps) sums += s.op == mg::Op::Leaf;
        EXPECT_EQ(sums, neurons) << name(t.config()) << " label " << label;
        EXPECT_TRUE(pt.exact_across_points);
        EXPECT_LE(pt.rows, 2 * neurons + 32);
      }
    }
  }
}
