// Recording one point's graph for the batched replay (replay_batch.h): probe builds, rows, fused neuron sums, and
// the check that the fused schedule adds into every gradient in the graph's own order.
#include <climits>
#include <cstring>
#include <unordered_map>

#include "replay_batch.h"

namespace mg {

namespace {
constexpr int32_t kAbsent = INT_MIN;  // no operand

// One point's graph in topological order, the parameters left out. Operands: a position in `nodes`, -(p + 1) for
// parameter p, or kAbsent.
struct Probe {
  struct N {
    Op op;
    double k, data;
    int32_t a, b;
  };
  std::vector<N> nodes;
  std::vector<int32_t> roots;
};

bool probe(Tape& tape, int32_t nparams, const PointGraph& graph, double x, double y, int label, Probe& out) {
  tape.truncate(nparams);
  std::vector<Value> roots = graph(tape, x, y, label);
  std::vector<int32_t> pos(tape.size(), -1);
  auto ref = [&](int32_t c) { return c < 0 ? kAbsent : c < nparams ? -(c + 1) : pos[c]; };
  out = Probe{};
  out.nodes.reserve(tape.size() - nparams);  // at most every new node: no growth (memory_budget.cpp counts on it)
  bool ok = !roots.empty();
  // Each root's depth-first post-order (what backward() walks), nodes already listed skipped: still topological.
  for (Value r : roots) {
    for (int32_t id : tape.topo(r.id)) {
      if (id < nparams || pos[id] >= 0) continue;
      const Node& n = tape[id];
      pos[id] = static_cast<int32_t>(out.nodes.size());
      out.nodes.push_back({n.op, n.k, n.data, ref(n.a), ref(n.b)});
    }
    ok = ok && r.id >= nparams && tape[r.id].op != Op::Leaf;
    out.roots.push_back(r.id >= nparams ? pos[r.id] : -1);
  }
  tape.truncate(nparams);
  return ok;
}

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }
}  // namespace

// The steps of a probed graph whose leaves already have rows: fused sums if `fuse`, else one step per op node. Returns
// null, or why the schedule cannot be used.
static const char* schedule(const Probe& A, const std::vector<int32_t>& uses, std::vector<int32_t> row, int32_t nparams,
                            bool fuse, PointTape& out) {
  using Ref = PointTape::Ref;
  const int32_t n = static_cast<int32_t>(A.nodes.size());
  // Fused sums: an Add(s, Mul(w, v)) whose product nothing else reads is a link; a link whose s is a link read
  // only by it continues that link's sum. w is a parameter, v a node (a leaf or an op).
  auto is_mul_term = [&](int32_t m) {
    return m >= 0 && A.nodes[m].op == Op::Mul && uses[m] == 1 && A.nodes[m].a < 0 && A.nodes[m].a != kAbsent &&
           A.nodes[m].b >= 0;
  };
  std::vector<char> link(n, 0), inner(n, 0);
  std::vector<int32_t> prev(n, -1);
  for (int32_t q = 0; q < n; ++q) {
    const Probe::N& v = A.nodes[q];
    if (!fuse || v.op != Op::Add || !is_mul_term(v.b)) continue;
    link[q] = 1;
    inner[v.b] = 1;
    if (v.a >= 0 && link[v.a] && uses[v.a] == 1) inner[v.a] = 1, prev[q] = v.a;
  }

  // Operands: rows for op nodes, the point's cells for parameters (a plain op also gets the parameter's value in a
  // row), nothing for a leaf's gradient. Count each parameter's gradient contributions per point.
  std::vector<int32_t> param_row(nparams, -1), writes(nparams, 0);
  std::vector<char> plain_write(nparams, 0);
  auto operand = [&](int32_t c) {
    if (c == kAbsent) return Ref{};
    if (c >= 0) return Ref{row[c], A.nodes[c].op == Op::Leaf ? PointTape::kSink : row[c]};
    int32_t p = -c - 1;
    ++writes[p];
    plain_write[p] = 1;
    if (param_row[p] < 0) {
      param_row[p] = out.rows++;
      out.fills.push_back({PointTape::Fill::Param, 0.0, p, param_row[p]});
    }
    return Ref{param_row[p], PointTape::kCell0 - p};
  };
  std::vector<int32_t> seq;  // the new backward order, filled below in forward order and reversed
  for (int32_t q = 0; q < n; ++q) {
    const Probe::N& v = A.nodes[q];
    if (v.op == Op::Leaf || inner[q]) continue;
    row[q] = out.rows++;
    PointTape::Step s;
    s.out = row[q];
    if (!link[q]) {
      s.op = v.op;
      s.k = v.k;
      if (v.a == v.b && v.a < 0) return ("a parameter is both operands of one op");
      s.a = operand(v.a);
      s.b = operand(v.b);
      seq.push_back(q);
    } else {
      std::vector<int32_t> chain;  // the links, first to last
      for (int32_t l = q; l >= 0; l = prev[l]) chain.insert(chain.begin(), l);
      int32_t start = A.nodes[chain.front()].a;
      if (start < 0 && start != kAbsent) {
        s.start_param = -start - 1;
        ++writes[s.start_param];
        s.a = Ref{-1, PointTape::kCell0 - s.start_param};
      } else {
        s.a = operand(start);
      }
      s.t0 = static_cast<int32_t>(out.terms.size());
      for (int32_t l : chain) {
        const Probe::N& m = A.nodes[A.nodes[l].b];
        ++writes[-m.a - 1];
        out.terms.push_back({-m.a - 1, operand(m.b)});
      }
      s.t1 = static_cast<int32_t>(out.terms.size());
      for (int32_t l : chain) seq.push_back(A.nodes[l].b), seq.push_back(l);  // reversed below: link, then its Mul
    }
    out.steps.push_back(s);
  }
  for (int32_t r : A.roots) out.outputs.push_back(row[r]);

  // The check: backward() applies each op node's backward in reverse topological order (a before b), adding into
  // its operands' grads. The schedule gives every grad the same additions in the same order, and reads each node's
  // grad (its own backward) after all of them, so every number is the same. Leaves' grads are never read.
  std::vector<int32_t> at(n, -1);
  for (size_t i = 0; i < seq.size(); ++i) at[seq[seq.size() - 1 - i]] = static_cast<int32_t>(i);
  std::vector<int32_t> last(n, -1), last_param(nparams, -1);
  for (int32_t q = n - 1; q >= 0; --q) {
    const Probe::N& v = A.nodes[q];
    if (v.op == Op::Leaf) continue;
    if (at[q] < 0) return ("an op node is missing from the schedule");
    for (int32_t c : {v.a, v.b == v.a ? kAbsent : v.b}) {  // a*a: one operand, both additions in one op
      if (c == kAbsent) continue;
      int32_t& w = c >= 0 ? last[c] : last_param[-c - 1];
      if (at[q] <= w) return ("the fused schedule would reorder a gradient's additions");
      w = at[q];
      if (c >= 0 && A.nodes[c].op != Op::Leaf && at[q] >= at[c]) return ("a node's grad would be read too early");
    }
  }
  out.exact_across_points = true;
  for (int32_t p = 0; p < nparams; ++p) {
    if (writes[p] > 1) out.exact_across_points = false;
    if (writes[p] == 0 || plain_write[p]) out.add_params.push_back(p);
  }
  return nullptr;
}

bool record_point_tape(Tape& tape, int32_t nparams, const PointGraph& graph, int label, PointTape& out,
                       const char** why) {
  auto fail = [&](const char* w) { return *why = w, false; };
  const double ax = 0.3125, ay = -0.6875, bx = -0.4375, by = 0.8125;  // two probe points, all four values distinct
  Probe A, B;
  if (!probe(tape, nparams, graph, ax, ay, label, A) || !probe(tape, nparams, graph, bx, by, label, B))
    return fail("a root is not an op node");
  const int32_t n = static_cast<int32_t>(A.nodes.size());
  if (B.nodes.size() != A.nodes.size() || A.roots != B.roots) return fail("the graph's shape depends on the point");
  out = PointTape{};

  // Rows for the leaves: one per distinct constant, one for the point's x, one for its y.
  std::vector<int32_t> row(n, -1), uses(n, 0);
  std::unordered_map<uint64_t, int32_t> consts;
  int32_t xrow = -1, yrow = -1;
  for (int32_t q = 0; q < n; ++q) {
    const Probe::N &a = A.nodes[q], &b = B.nodes[q];
    if (a.op != b.op || !same_bits(a.k, b.k) || a.a != b.a || a.b != b.b) return fail("the graph's shape depends on the point");
    for (int32_t c : {a.a, a.b})
      if (c >= 0) ++uses[c];
    if (a.op != Op::Leaf) continue;
    int32_t* slot;
    PointTape::Fill f{PointTape::Fill::Const, a.data, -1, 0};
    if (same_bits(a.data, b.data)) {
      uint64_t bits;
      std::memcpy(&bits, &a.data, sizeof bits);
      slot = &consts.emplace(bits, -1).first->second;
    } else if (a.data == ax && b.data == bx) {
      slot = &xrow, f.kind = PointTape::Fill::InputX;
    } else if (a.data == ay && b.data == by) {
      slot = &yrow, f.kind = PointTape::Fill::InputY;
    } else {
      return fail("a leaf is neither a constant nor the point's x or y");
    }
    if (*slot < 0) {
      *slot = out.rows++;
      f.row = *slot;
      out.fills.push_back(f);
    }
    row[q] = *slot;
  }

  // Fused if the check allows it (it does for every network of nn.h), else op by op: the graph's own order.
  PointTape leaves = out;
  const char* bad = schedule(A, uses, row, nparams, true, out);
  if (bad) {
    out = leaves;
    bad = schedule(A, uses, row, nparams, false, out);
  }
  if (bad) return fail(bad);
  for (auto* v : {&out.outputs, &out.add_params}) v->shrink_to_fit();
  out.fills.shrink_to_fit();
  out.steps.shrink_to_fit();
  out.terms.shrink_to_fit();
  return true;
}

size_t PointTape::bytes() const {
  return fills.capacity() * sizeof(Fill) + steps.capacity() * sizeof(Step) + terms.capacity() * sizeof(Term) +
         (outputs.capacity() + add_params.capacity()) * sizeof(int32_t);
}

}  // namespace mg
