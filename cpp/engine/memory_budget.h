// The bytes a configuration and each call need, worked out before allocating, and the one budget they must fit:
// every Session (every live trainer of a page) holds a share of it; a call that would take the total past the
// limit is refused with a message instead of running out of memory. The estimates are upper bounds of what the
// engine allocates (tests/cpp/test_memory.cpp checks them against a counting allocator).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace mg {

// Graph nodes one point's loss builds: per weight a product and a sum, per neuron its bias and activation, then
// the softmax and the loss.
int64_t nodes_per_point(const std::vector<int>& hidden);
int64_t num_parameters(const std::vector<int>& hidden);

// Bytes of each part (see memory_budget.cpp for where each number comes from).
int64_t network_bytes(int64_t params);   // the parameters, their initial copy, both optimizers' state
int64_t points_bytes(int64_t points);    // the points, and the copy a recorded step keeps
int64_t tape_bytes(int64_t nodes);       // nodes built on the tape: one point's graph, or (unbatched) all points'
int64_t record_bytes(int64_t nodes);     // recording one point's graph for the batched replay (replay_batch.h)
int64_t recorded_bytes(int64_t nodes);   // unbatched: a recorded step of the per-point replay (replay.h)
int64_t traced_bytes(int64_t nodes);     // the traced graph: names, node list, edges (graph(), the walk-through)
int64_t text_bytes(int64_t nodes);       // one graph as text: graph()'s JSON, graph.json or the DOT file
constexpr int64_t kSessionBytes = 64 << 10;  // a trainer's fixed parts: its objects, small vectors, messages

// What a session holds at most, part by part (each part keeps its largest size: vectors keep their capacity).
struct Footprint {
  int64_t params = 0, points = 0;
  int64_t tape_nodes = 0;       // the most nodes the tape has held (parameters included)
  int64_t record_nodes = 0;     // nodes of one point's graph, recorded for the batched replay
  int64_t batch = 0;            // bytes of the batched replay: recordings and working rows (batch_replay_bytes)
  int64_t recorded_nodes = 0;   // unbatched: nodes of the per-point replay's recorded step
  int64_t traced_nodes = 0;     // nodes of the traced graph, once graph() or a teaching call has run
  int64_t text_nodes = 0;       // nodes of the largest graph written as text
  int64_t double_buffer = 0;    // bytes of the result buffers of doubles, and of floats
  int64_t float_buffer = 0;
  int64_t bytes() const;
  Footprint max(const Footprint& o) const;  // part by part
};

// What training `hidden` on `points` points, `train` of them for training, holds once it has taken a step and
// evaluated splits of at most `train` points: the batched replay's (the engine's way for every MLP).
Footprint training_footprint(const std::vector<int>& hidden, int64_t points, int64_t train);
// The same for a network the batched replay cannot record: the per-point replay records the whole step's graph.
Footprint unbatched_footprint(const std::vector<int>& hidden, int64_t points, int64_t train);

// The budget of this process, shared by all Sessions.
class MemoryBudget {
 public:
  static int64_t limit();
  static void set_limit(int64_t bytes);
  static int64_t in_use();  // bytes all live Sessions hold
  // Whether a holder of `held` bytes may hold `want` instead: the total stays within the limit (or does not grow).
  static bool fits(int64_t held, int64_t want);
  static void take(int64_t& held, int64_t want);  // counts the change
  static void release(int64_t& held);
};

// "1.3 GB", "640 MB", "12 kB": bytes as a message shows them (decimal units).
std::string bytes_text(int64_t bytes);

}  // namespace mg
