// The micrograd CLI: trains like micrograd.py and prints exactly what it prints. Before training it checks that
// the run fits in memory and that every output file can be written (exit 2, one line, nothing trained); files are
// written whole or not at all; a long run shows its progress on stderr when that is a terminal.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <new>
#include <string>

#include "../engine/graph_io.h"
#include "../engine/memory_budget.h"
#include "../engine/pyfloat.h"
#include "../engine/settings_parse.h"
#include "args.h"
#include "expr_cmd.h"
#include "memory_limit.h"
#include "output_file.h"

namespace {
// "step 1200/200000 (0.6%)" on stderr at most 4 times a second, when stderr is a terminal; cleared at the end.
class Progress {
 public:
  explicit Progress(int total) : total_(total), on_(total > 0 && isatty(STDERR_FILENO)) {}
  void at(int step) {
    if (!on_) return;
    auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    shown_ = true;
    std::fprintf(stderr, "\rmicrograd: step %d/%d (%.1f%%)", step, total_, 100.0 * step / total_);
    std::fflush(stderr);
  }
  void done() {
    if (shown_) std::fprintf(stderr, "\r\033[K");
  }

 private:
  int total_;
  bool on_, shown_ = false;
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

int refuse(const std::string& message) {
  std::fprintf(stderr, "micrograd: %s\n", message.c_str());
  return 2;
}

std::string network_text(const std::vector<int>& hidden) {
  std::string s = "2";
  for (int w : hidden) s += "-" + std::to_string(w);
  return s + "-3";
}

// Everything the run holds at its largest: the network and points, the batched replay of its steps and val
// evaluations (or, for a network it cannot record, the graph of every point), the traced graph and the text of
// the output files.
int64_t run_bytes(const mg::CliArgs& a, bool batched) {
  int64_t n = a.cfg.n, train = static_cast<int64_t>(0.8 * n);
  int64_t per_point = mg::nodes_per_point(a.cfg.hidden);
  mg::Footprint f = batched ? mg::training_footprint(a.cfg.hidden, n, train) : mg::unbatched_footprint(a.cfg.hidden, n, train);
  mg::Footprint trace;  // (val has fewer points than train: its evaluations fit in the step's footprint)
  trace.tape_nodes = f.params + per_point;
  trace.traced_nodes = f.params + per_point;  // the parameters are nodes of the traced graph too
  if (!a.graph_json.empty() || !a.dot.empty()) trace.text_nodes = trace.traced_nodes;  // one file's text at a time
  return f.max(trace).bytes();
}

int refuse_memory(const mg::CliArgs& args, int64_t need, const mg::MemoryLimit& limit) {
  return refuse("--hidden, --n: training " + network_text(args.cfg.hidden) + " on " + std::to_string(static_cast<int>(0.8 * args.cfg.n)) +
                " points needs about " + mg::bytes_text(need) + " of memory, more than the " + mg::bytes_text(limit.bytes) +
                " this run may use (" + limit.source + "); use a smaller network or fewer points");
}

int train(const mg::CliArgs& args, const mg::MemoryLimit& limit) {
  mg::Trainer t(args.cfg);
  if (!t.batched() && run_bytes(args, false) > limit.bytes) return refuse_memory(args, run_bytes(args, false), limit);
  Progress progress(args.steps);
  for (int step = 0; step < args.steps; ++step) {
    if (step % 10 == 0)
      std::printf("step %d/%d, val loss %s\n", step + 1, args.steps, mg::fixed6(t.loss(t.data().val)).c_str());
    double loss = t.step();
    std::printf("step %d/%d, train loss %s\n", step + 1, args.steps, mg::py_repr(loss).c_str());
    progress.at(step + 1);
  }
  progress.done();
  mg::Graph g = t.graph(args.trace_x, args.trace_y, args.trace_label);
  std::printf("found a total of  %zu nodes and %zu edges\n", g.nodes.size(), g.edges.size());
  std::string why;
  if (!args.graph_json.empty() && !mg::write_output(args.graph_json, mg::graph_json(g), why))
    return std::fprintf(stderr, "micrograd: --graph-json: cannot write %s: %s\n", mg::quote(args.graph_json).c_str(), why.c_str()), 1;
  if (!args.dot.empty()) {
    std::printf("saving graph to %s\n", args.dot.c_str());
    std::fflush(stdout);
    if (!mg::write_output(args.dot, mg::graph_dot(g), why))
      return std::fprintf(stderr, "micrograd: --dot: cannot write %s: %s\n", mg::quote(args.dot).c_str(), why.c_str()), 1;
  }
  return 0;
}
}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 && std::string(argv[1]) == "expr") return mg::expr_main(argc - 1, argv + 1);
  mg::CliArgs args;
  std::string error;
  if (!mg::parse_args(argc, argv, args, error)) return refuse(error);
  if (args.help) {
    std::fputs(mg::usage().c_str(), stdout);
    return 0;
  }
  for (const auto& [flag, path] : {std::pair<const char*, std::string>{"--graph-json", args.graph_json}, {"--dot", args.dot}})
    if (!path.empty() && !mg::check_output(path, error))
      return refuse(std::string(flag) + ": cannot write " + mg::quote(path) + ": " + error);
  mg::MemoryLimit limit = mg::memory_limit(args.max_memory);
  int64_t need = run_bytes(args, true);
  if (need > limit.bytes) return refuse_memory(args, need, limit);
  try {
    return train(args, limit);
  } catch (const std::bad_alloc&) {  // the estimate above is an upper bound; this is the net under it
    std::fflush(stdout);
    return refuse("out of memory while training " + network_text(args.cfg.hidden) + " (estimated " + mg::bytes_text(need) +
                  ", limit " + mg::bytes_text(limit.bytes) + ", " + limit.source + ")");
  }
}
