// The CLI's expr subcommand: reads a snippet (a file or stdin), runs it, prints one line per variable
// holding a Value ("NAME data=D grad=G"), and writes the backward root's graph as JSON and DOT if asked.
// Errors name the place: FILE:LINE:COL: message, exit code 2.
#include "expr_cmd.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "../engine/expr_graph.h"

namespace mg {

namespace {
const char* const kUsage =
    "usage: micrograd expr FILE|- [--graph-json FILE] [--dot FILE]\n"
    "Runs a snippet of micrograd code (Value, + - * / **, .relu() .tanh() .exp() .log(), backward()) and\n"
    "prints each variable that holds a Value: NAME data=D grad=G, after backward().\n"
    "  FILE               the snippet; - reads standard input\n"
    "  --graph-json FILE  write the backward root's graph as JSON (nodes {op, data, grad, label}, edges)\n"
    "  --dot FILE         write the same graph as Graphviz DOT\n"
    "  --help             show this help\n";

// Reads at most kMaxExprSource + 1 bytes: enough to know a source is too long, never unbounded.
bool read_source(const std::string& path, std::string& out, std::string& error) {
  FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (!f) {
    error = std::string("cannot read '") + path + "': " + std::strerror(errno);
    return false;
  }
  char buf[4096];
  size_t n;
  while (out.size() <= static_cast<size_t>(kMaxExprSource) && (n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  bool bad = std::ferror(f);
  if (f != stdin) std::fclose(f);
  if (bad) error = std::string("cannot read '") + path + "'";
  return !bad;
}

bool write_file(const std::string& path, const std::string& text) {
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return false;
  bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  return std::fclose(f) == 0 && ok;
}
}  // namespace

int expr_main(int argc, char** argv) {
  std::string file, json_out, dot_out;
  bool have_file = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--help" || a == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    }
    if (a == "--graph-json" || a == "--dot") {
      if (i + 1 >= argc || argv[i + 1][0] == '\0') {
        std::fprintf(stderr, "micrograd expr: %s: expected a file name\n", a.c_str());
        return 2;
      }
      (a == "--dot" ? dot_out : json_out) = argv[++i];
    } else if (a.size() > 1 && a[0] == '-') {
      std::fprintf(stderr, "micrograd expr: unknown flag '%s' (flags: --graph-json FILE, --dot FILE, --help)\n", a.c_str());
      return 2;
    } else if (have_file) {
      std::fprintf(stderr, "micrograd expr: one snippet at a time: got '%s' and '%s'\n", file.c_str(), a.c_str());
      return 2;
    } else {
      file = a;
      have_file = true;
    }
  }
  if (!have_file || file.empty()) {
    std::fprintf(stderr, "micrograd expr: expected a FILE (or - for standard input)\n%s", kUsage);
    return 2;
  }
  std::string source, error, shown = file == "-" ? "<stdin>" : file;
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
  if (!json_out.empty() && !write_file(json_out, expr_graph_json(x, g))) {
    std::fprintf(stderr, "micrograd expr: --graph-json: cannot write '%s'\n", json_out.c_str());
    return 1;
  }
  if (!dot_out.empty() && !write_file(dot_out, expr_graph_dot(x, g))) {
    std::fprintf(stderr, "micrograd expr: --dot: cannot write '%s'\n", dot_out.c_str());
    return 1;
  }
  return 0;
}

}  // namespace mg
