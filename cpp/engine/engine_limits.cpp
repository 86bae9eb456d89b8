// engine_limits.h as JSON, for engine.limits(): built from the constants, so JS reads the same numbers and names.
// (Written by appending to one string: a chain of string + string made a temporary, and a cleanup for it, per piece.)
#include "engine_limits.h"

#include "pyfloat.h"
#include "trainer.h"

namespace mg {

namespace {
struct Json {
  std::string s;
  Json& raw(const char* t) { return s += t, *this; }
  Json& key(const char* k) {  // "k": after a comma unless it opens an object
    if (s.back() != '{') s += ',';
    return s += '"', s += k, s += "\":", *this;
  }
  Json& str(const char* v) { return s += '"', s += v, s += '"', *this; }
  Json& num(double v) { return s += std::to_string(static_cast<long long>(v)), *this; }  // every limit is an integer
  Json& range(Range r) { return raw("{").key("min").num(r.min).key("max").num(r.max).raw("}"); }
  Json& hidden(int layers, int width) {
    return raw("{").key("minLayers").num(1).key("maxLayers").num(layers).key("minWidth").num(1).key("maxWidth").num(width).raw("}");
  }
  template <size_t N>
  Json& list(const char* const (&items)[N]) {
    raw("[");
    for (size_t i = 0; i < N; ++i) raw(i ? "," : "").str(items[i]);
    return raw("]");
  }
};

void defaults(Json& j) {  // a default Config, with the API's option names
  Config c;
  j.raw("{").key("seed").num(static_cast<double>(c.seed)).key("n").num(c.n).key("hidden").raw("[");
  for (size_t i = 0; i < c.hidden.size(); ++i) j.raw(i ? "," : "").num(c.hidden[i]);
  j.raw("]").key("activation").str(kActivationNames[static_cast<int>(c.act)]);
  j.key("optimizer").str(kOptimizerNames[static_cast<int>(c.optimizer)]);
  j.key("lr").raw(py_repr(c.lr).c_str()).key("weightDecay").raw(py_repr(c.weight_decay).c_str());
  j.key("dataset").str(kDatasetNames[static_cast<int>(c.dataset)]).key("noise").raw(py_repr(c.noise).c_str()).raw("}");
}
}  // namespace

std::string limits_json() {
  static_assert(sizeof kDatasetNames == sizeof kDatasetTitles, "a title for every dataset");
  Json j;
  j.raw("{").key("defaults");
  defaults(j);
  j.key("seed").range(kSeedRange);
  j.key("n").range({kMinPoints, kMaxPoints});
  j.key("hidden").hidden(kMaxLayers, kMaxWidth);
  j.key("lr").range(kLrRange);
  j.key("weightDecay").range(kWeightDecayRange);
  j.key("noise").range(kNoiseRange);
  j.key("coordinate").range({-kMaxCoord, kMaxCoord});
  j.key("label").range({0, kClasses - 1});
  j.key("activation").list(kActivationNames);
  j.key("optimizer").list(kOptimizerNames);
  j.key("dataset").list(kDatasetNames);
  j.key("datasetTitle").raw("{");
  for (size_t i = 0; i < sizeof kDatasetNames / sizeof *kDatasetNames; ++i) j.key(kDatasetNames[i]).str(kDatasetTitles[i]);
  j.raw("}");
  j.key("split").list(kSplitNames);
  j.key("stepsPerCall").range({1, kMaxStepsPerCall});
  j.key("callWork").num(kMaxCallWork);
  j.key("boundarySide").range({1, kMaxBoundarySide});
  j.key("fieldSide").range({1, kMaxFieldSide});
  j.key("tracedNodes").num(kMaxTracedNodes);
  j.key("boundaryWork").num(kMaxBoundaryWork);
  j.key("memoryBudget").num(kMemoryBudget);
  j.key("maxMemoryBudget").num(kMaxMemoryBudget);
  j.key("expression").raw("{").key("source").num(kMaxExprSource).key("nodes").num(kMaxExprNodes);
  j.key("depth").num(kMaxExprDepth).key("work").num(static_cast<double>(kMaxExprWork)).raw("}");
  j.key("page").raw("{");
  j.key("hidden").hidden(kPageMaxLayers, kPageMaxWidth);
  j.key("n").range({kMinPoints, kPageMaxPoints});
  j.key("linkPoints").num(kPageMaxLinkPoints);
  j.key("linkChars").num(kPageMaxLinkChars);
  j.key("seed").range(kPageSeedRange);
  j.key("weightDecay").range(kPageWeightDecayRange);
  j.key("trace").range(kPageTraceRange);
  j.raw("}}");
  return j.s;
}

}  // namespace mg
