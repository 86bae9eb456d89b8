// The micrograd CLI: trains like micrograd.py and prints exactly what it prints.
#include <cstdio>
#include <string>

#include "../engine/graph_io.h"
#include "../engine/pyfloat.h"
#include "args.h"
#include "expr_cmd.h"

static bool write_file(const std::string& path, const std::string& text) {
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return false;
  bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  return std::fclose(f) == 0 && ok;
}

int main(int argc, char** argv) {
  if (argc > 1 && std::string(argv[1]) == "expr") return mg::expr_main(argc - 1, argv + 1);
  mg::CliArgs args;
  std::string error;
  if (!mg::parse_args(argc, argv, args, error)) {
    std::fprintf(stderr, "micrograd: %s\n", error.c_str());
    return 2;
  }
  if (args.help) {
    std::fputs(mg::usage().c_str(), stdout);
    return 0;
  }
  mg::Trainer t(args.cfg);
  for (int step = 0; step < args.steps; ++step) {
    if (step % 10 == 0)
      std::printf("step %d/%d, val loss %s\n", step + 1, args.steps, mg::fixed6(t.loss(t.data().val)).c_str());
    double loss = t.step();
    std::printf("step %d/%d, train loss %s\n", step + 1, args.steps, mg::py_repr(loss).c_str());
  }
  mg::Graph g = t.graph(args.trace_x, args.trace_y, args.trace_label);
  std::printf("found a total of  %zu nodes and %zu edges\n", g.nodes.size(), g.edges.size());
  if (!args.graph_json.empty() && !write_file(args.graph_json, mg::graph_json(g))) {
    std::fprintf(stderr, "micrograd: --graph-json: cannot write '%s'\n", args.graph_json.c_str());
    return 1;
  }
  if (!args.dot.empty()) {
    std::printf("saving graph to %s\n", args.dot.c_str());
    if (!write_file(args.dot, mg::graph_dot(g))) {
      std::fprintf(stderr, "micrograd: --dot: cannot write '%s'\n", args.dot.c_str());
      return 1;
    }
  }
  return 0;
}
