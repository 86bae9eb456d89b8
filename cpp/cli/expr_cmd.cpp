// The CLI's expr subcommand: reads a snippet (a file or stdin), runs it, prints one line per variable
// holding a Value ("NAME data=D grad=G"), and writes the backward root's graph as JSON and DOT if asked.
// Errors name the place: FILE:LINE:COL: message, exit code 2. Output files are checked before the snippet runs
// (exit 2) and written whole or not at all (output_file.h; a failed write exits 1 and keeps the old file).
#include "expr_cmd.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "../engine/engine_limits.h"
#include "../engine/expr_graph.h"
#include "../engine/settings_parse.h"
#include "output_file.h"

namespace mg {

namespace {
std::string usage() {
  return "usage: micrograd expr FILE|- [--graph-json FILE] [--dot FILE]\n"
         "Runs a snippet of micrograd code (Value, + - * / **, .relu() .tanh() .exp() .log(), backward()) and\n"
         "prints each variable that holds a Value: NAME data=D grad=G, after backward().\n"
         "  FILE               the snippet; - reads standard input\n"
         "  --graph-json FILE  write the backward root's graph as JSON (nodes {op, data, grad, label}, edges)\n"
         "  --dot FILE         write the same graph as Graphviz DOT\n"
         "  --help             show this help\n"
         "Limits: " + std::to_string(kMaxExprSource) + " bytes of source, " + std::to_string(kMaxExprNodes) +
         " Value nodes, nesting " + std::to_string(kMaxExprDepth) + " deep, " + std::to_string(kMaxExprWork) +
         " nodes visited by all backward() calls.\n";
}

// Reads at most kMaxExprSource + 1 bytes: enough to know a source is too long, never unbounded.
bool read_source(const std::string& path, std::string& out, std::string& error) {
  FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (!f) {
    error = "cannot read " + quote(path) + ": " + std::strerror(errno);
    return false;
  }
  char buf[4096];
  size_t n;
  while (out.size() <= static_cast<size_t>(kMaxExprSource) && (n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  bool bad = std::ferror(f);
  if (f != stdin) std::fclose(f);
  if (bad) error = "cannot read " + quote(path);
  return !bad;
}

int cannot_write(const char* flag, const std::string& path, const std::string& why, int code) {
  std::fprintf(stderr, "micrograd expr: %s: cannot write %s: %s\n", flag, quote(path).c_str(), why.c_str());
  return code;
}
}  // namespace

int expr_main(int argc, char** argv) {
  std::string file, json_out, dot_out;
  bool have_file = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--help" || a == "-h") {
      std::fputs(usage().c_str(), stdout);
      return 0;
    }
    if (a == "--graph-json" || a == "--dot") {
      if (i + 1 >= argc || argv[i + 1][0] == '\0') {
        std::fprintf(stderr, "micrograd expr: %s: expected a file name\n", a.c_str());
        return 2;
      }
      (a == "--dot" ? dot_out : json_out) = argv[++i];
    } else if (a.size() > 1 && a[0] == '-') {
      std::fprintf(stderr, "micrograd expr: unknown flag %s (flags: --graph-json FILE, --dot FILE, --help)\n", quote(a).c_str());
      return 2;
    } else if (have_file) {
      std::fprintf(stderr, "micrograd expr: one snippet at a time: got %s and %s\n", quote(file).c_str(), quote(a).c_str());
      return 2;
    } else {
      file = a;
      have_file = true;
    }
  }
  if (!have_file || file.empty()) {
    std::fprintf(stderr, "micrograd expr: expected a FILE (or - for standard input)\n%s", usage().c_str());
    return 2;
  }
  std::string source, error, shown = file == "-" ? "<stdin>" : file;
  if (!json_out.empty() && !check_output(json_out, error)) return cannot_write("--graph-json", json_out, error, 2);
  if (!dot_out.empty() && !check_output(dot_out, error)) return cannot_write("--dot", dot_out, error, 2);
  if (!read_source(file, source, error)) {
    std::fprintf(stderr, "micrograd expr: %s\n", error.c_str());
    return 2;
  }
  Expression x;
  if (source.size() > static_cast<size_t>(kMaxExprSource)) {
    std::fprintf(stderr, "%s:1:1: unsupported: a source of more than %d bytes\n", shown.c_str(), kMaxExprSource);
    return 2;
  }
  if (!x.run(source)) {
    const ExprError& e = x.error();
    std::fprintf(stderr, "%s:%d:%d: %s\n", shown.c_str(), e.at.line, e.at.col, e.message.c_str());
    return 2;
  }
  std::fputs(expr_values_text(x).c_str(), stdout);
  if (json_out.empty() && dot_out.empty()) return 0;
  ExprGraph g = expr_graph(x);
  if (!json_out.empty() && !write_output(json_out, expr_graph_json(x, g), error)) return cannot_write("--graph-json", json_out, error, 1);
  if (!dot_out.empty() && !write_output(dot_out, expr_graph_dot(x, g), error)) return cannot_write("--dot", dot_out, error, 1);
  return 0;
}

}  // namespace mg
