// The memory estimates and the budget (memory_budget.h). Each estimate is a count of what the engine's vectors
// hold at their worst, with growth included: a std::vector that grows by doubling holds up to twice its
// elements, and while it moves to a bigger buffer, the old one (up to half the new) is still there.
#include "memory_budget.h"

#include <cstdio>

#include "engine_limits.h"
#include "replay_batch.h"

namespace mg {

int64_t nodes_per_point(const std::vector<int>& hidden) {
  int64_t total = 20, nin = 2;  // the softmax and cross-entropy of one point, and its term of the batch sum
  for (size_t i = 0; i <= hidden.size(); ++i) {
    int64_t w = i < hidden.size() ? hidden[i] : kClasses;
    total += w * (3 * nin + 1);  // per weight: the input (a leaf in the step), product and sum; per neuron: tanh
    nin = w;
  }
  return total;
}

int64_t num_parameters(const std::vector<int>& hidden) {
  int64_t total = 0, nin = 2;
  for (size_t i = 0; i <= hidden.size(); ++i) {
    int64_t w = i < hidden.size() ? hidden[i] : kClasses;
    total += w * (nin + 1);
    nin = w;
  }
  return total;
}

// Per parameter: its initial value (8, doubled by growth), its index and the neuron's weight index (4 + 4, the
// same), AdamW's m, v, last grad and last change (32) and SGD's m, last grad and last change (24), the float copy
// the boundary uses (8), the parameters()/optimizerState() buffer (48, six rows) and its name for paramNames()
// (about 20, doubled): 184, and room: 200.
int64_t network_bytes(int64_t params) { return 200 * params; }

// Per point: the point (24 bytes) in its split and in the per-point replay's copy, each doubled by growth, and
// the points() buffer (24).
int64_t points_bytes(int64_t points) { return 120 * points; }

// Per node: 40 bytes (mg::Node), up to twice that in capacity, and the old buffer while it grows (120); the
// tape's visit marks and topological order (4 + 4, doubled): 136.
int64_t tape_bytes(int64_t nodes) { return 136 * nodes; }

// Per node of one point's graph, while the batched replay records it: the node lists of the two probe builds
// (32 each, reserved whole: 64), the position map (4 per tape node, the parameters being fewer than half the
// nodes: 8), the schedule's marks, links, rows, uses, order and checks (34), its per-parameter counts (13 a
// parameter: 7), the schedule being built and its copy (16): 129.
int64_t record_bytes(int64_t nodes) { return 129 * nodes; }

// Per node of a per-point replay's recorded step: the topological order (4, doubled), the visit marks (4,
// doubled), the DFS stack (8, bounded by the depth), the slot map (4), the replay's values (8, doubled), grads
// (8), ops (12, doubled) and exponents (8, doubled): 96.
int64_t recorded_bytes(int64_t nodes) { return 96 * nodes; }

// Per node of the traced graph (parameters included): its name, layer and neuron (40 a tape node, and 32 more for
// a name longer than the 15 characters a string holds inline), the node list (GraphNode: 112, doubled while it
// grows), the edges (about 1.3 a node, 8 bytes, doubled) and the trace's order and positions (12): 320.
int64_t traced_bytes(int64_t nodes) { return 320 * nodes; }

// Per node of a graph written as text: up to 170 characters with its share of the edges (DOT; graph.json and
// graph()'s JSON about 100-130), three times while the text grows (its capacity doubled, and the old buffer
// while it moves): 510.
int64_t text_bytes(int64_t nodes) { return 510 * nodes; }

int64_t Footprint::bytes() const {
  return kSessionBytes + network_bytes(params) + points_bytes(points) + tape_bytes(tape_nodes) +
         record_bytes(record_nodes) + batch + recorded_bytes(recorded_nodes) + traced_bytes(traced_nodes) +
         text_bytes(text_nodes) + double_buffer + float_buffer;
}

Footprint Footprint::max(const Footprint& o) const {
  auto m = [](int64_t a, int64_t b) { return a > b ? a : b; };
  return {m(params, o.params),         m(points, o.points),           m(tape_nodes, o.tape_nodes),
          m(record_nodes, o.record_nodes), m(batch, o.batch),         m(recorded_nodes, o.recorded_nodes),
          m(traced_nodes, o.traced_nodes), m(text_nodes, o.text_nodes), m(double_buffer, o.double_buffer),
          m(float_buffer, o.float_buffer)};
}

Footprint training_footprint(const std::vector<int>& hidden, int64_t points, int64_t train) {
  Footprint f;
  f.params = num_parameters(hidden);
  f.points = points;
  f.record_nodes = nodes_per_point(hidden);
  f.tape_nodes = f.params + f.record_nodes;
  f.batch = static_cast<int64_t>(batch_replay_bytes(hidden, train));
  return f;
}

Footprint unbatched_footprint(const std::vector<int>& hidden, int64_t points, int64_t train) {
  Footprint f;
  f.params = num_parameters(hidden);
  f.points = points;
  f.recorded_nodes = f.tape_nodes = nodes_per_point(hidden) * train + f.params;
  return f;
}

namespace {
int64_t g_limit = kMemoryBudget;
int64_t g_in_use = 0;
}  // namespace

int64_t MemoryBudget::limit() { return g_limit; }
void MemoryBudget::set_limit(int64_t bytes) { g_limit = bytes; }
int64_t MemoryBudget::in_use() { return g_in_use; }

bool MemoryBudget::fits(int64_t held, int64_t want) { return want <= held || g_in_use - held + want <= g_limit; }

void MemoryBudget::take(int64_t& held, int64_t want) {
  g_in_use += want - held;
  held = want;
}

void MemoryBudget::release(int64_t& held) {
  g_in_use -= held;
  held = 0;
}

std::string bytes_text(int64_t bytes) {
  const char* unit[] = {"bytes", "kB", "MB", "GB", "TB"};
  double v = static_cast<double>(bytes);
  int u = 0;
  while (v >= 1000 && u < 4) v /= 1000, ++u;
  char buf[32];
  std::snprintf(buf, sizeof buf, u == 0 ? "%.0f %s" : v < 10 ? "%.1f %s" : "%.0f %s", v, unit[u]);
  return buf;
}

}  // namespace mg
