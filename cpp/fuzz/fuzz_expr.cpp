// libFuzzer harness of the expression language: the input is a snippet (tokenizer, parser, evaluator,
// backward, the text forms), then every teaching call and leaf changes on what ran. Invariants checked:
// an error has a place and a one-line message; the root's grad is 1; the forward order is a permutation
// of the graph with operands first; a leaf change that raises leaves every number as it was, and setting
// the leaves back gives the very same numbers again.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "expr_session.h"

namespace {
void check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz_expr: invariant broken: %s\n", what);
  std::abort();
}

std::vector<double> numbers(mg::ExprSession& s) {
  double* p = reinterpret_cast<double*>(s.values());
  return std::vector<double>(p, p + 2 * s.count());
}

bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string src(reinterpret_cast<const char*>(data), size);
  mg::ExprSession s;
  if (!s.run(src)) {
    const std::string& m = s.error_message();
    check(s.error_line() >= 1 && s.error_column() >= 1, "an error has a line and a column");
    check(!m.empty() && m.find('\n') == std::string::npos, "an error message is one line");
    check(s.graph_size() == 0 && s.num_vars() == 0, "a failed run leaves nothing");
    return 0;
  }
  mg::Expression& x = s.expression();
  mg::ExprGraph g = mg::expr_graph(x);
  std::string text = mg::expr_values_text(x) + mg::expr_graph_json(x, g) + mg::expr_graph_dot(x, g) + s.structure();
  check(!text.empty(), "text forms");
  int N = s.graph_size();
  check((N == 0) == (x.root() < 0), "a graph exactly when there is a root");
  if (N > 0) check(x.tape().nodes[x.root()].grad == 1, "the root's grad is 1");

  double* order = reinterpret_cast<double*>(s.forward_order());
  check(s.count() == N, "the forward order has every node");
  std::vector<char> done(N, 0);
  for (int i = 0; i < N; ++i) {
    int v = static_cast<int>(order[i]);
    check(v >= 0 && v < N && !done[v], "the forward order is a permutation");
    done[v] = 1;
  }
  for (auto [c, p] : g.edges) check(done[c], "edges point into the graph");
  s.backward_steps();
  for (int i = 0; i < N && i < 4; ++i) s.grad_check(i);
  check(s.grad_check(N) == 0 && s.grad_check(-1) == 0 && s.grad_check(NAN) == 0, "bad nodes are refused");

  static const double kSpecial[] = {0.0, -0.0, 1.0, -1.0, 0.5, -2.5, 3.0, 1e308, -1e308, 5e-324, 710.0, -710.0, 1e-300};
  std::vector<double> before = numbers(s);
  // an int leaf comes back as a float (Value(3.0) for Value(3)), which a zero's sign can tell apart; a leaf
  // of inf or nan (Value(1e600)) cannot be set back at all (set_leaf takes finite numbers)
  bool exact = true;
  for (const mg::ExprLeaf& l : x.leaves()) {
    const mg::Node& n = x.tape().nodes[l.node];
    exact = exact && !(n.flags & mg::kIntData) && std::isfinite(n.data);
  }
  int L = s.num_leaves();
  double* lv = reinterpret_cast<double*>(s.leaf_values());
  std::vector<double> leaves(lv, lv + L);
  for (int i = 0; i < L && i < 8; ++i) {
    std::vector<double> prior = numbers(s);
    double v = kSpecial[(size + 7 * i) % (sizeof kSpecial / sizeof *kSpecial)];
    if (!s.set_leaf(i, v)) {
      check(s.error_message().find('\n') == std::string::npos, "a leaf error is one line");
      check(same_bits(prior, numbers(s)), "a failed leaf change leaves every number as it was");
    }
  }
  check(!s.set_leaf(L, 1.0) && !s.set_leaf(0, INFINITY), "bad leaves are refused");
  // one leaf back at a time passes through mixes of old and new numbers, which may raise (and change nothing)
  bool back = true;
  for (int i = 0; i < L && i < 8; ++i) back = s.set_leaf(i, leaves[i]) && back;
  if (L <= 8 && exact && back) check(same_bits(before, numbers(s)), "setting the leaves back gives the same numbers");
  return 0;
}
