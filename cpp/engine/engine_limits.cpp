// engine_limits.h as JSON, for engine.limits(): built from the constants, so JS reads the same numbers and names.
#include "engine_limits.h"

#include "pyfloat.h"
#include "trainer.h"

namespace mg {

namespace {
std::string n(double v) { return std::to_string(static_cast<long long>(v)); }  // every limit is an integer
std::string range(Range r) { return "{\"min\":" + n(r.min) + ",\"max\":" + n(r.max) + "}"; }
std::string hidden(int layers, int width) {
  return "{\"minLayers\":1,\"maxLayers\":" + n(layers) + ",\"minWidth\":1,\"maxWidth\":" + n(width) + "}";
}
template <size_t N>
std::string list(const char* const (&items)[N]) {
  std::string s = "[";
  for (size_t i = 0; i < N; ++i) s += (i ? ",\"" : "\"") + std::string(items[i]) + "\"";
  return s + "]";
}

std::string defaults() {  // a default Config, with the API's option names
  Config c;
  std::string hidden;
  for (int w : c.hidden) hidden += (hidden.empty() ? "" : ",") + std::to_string(w);
  return "{\"seed\":" + std::to_string(c.seed) + ",\"n\":" + n(c.n) + ",\"hidden\":[" + hidden + "],\"activation\":\"" +
         kActivationNames[static_cast<int>(c.act)] + "\",\"optimizer\":\"" + kOptimizerNames[static_cast<int>(c.optimizer)] +
         "\",\"lr\":" + py_repr(c.lr) + ",\"weightDecay\":" + py_repr(c.weight_decay) + ",\"dataset\":\"" +
         kDatasetNames[static_cast<int>(c.dataset)] + "\",\"noise\":" + py_repr(c.noise) + "}";
}
}  // namespace

std::string limits_json() {
  static_assert(sizeof kDatasetNames == sizeof kDatasetTitles, "a title for every dataset");
  std::string titles = "{";
  for (size_t i = 0; i < sizeof kDatasetNames / sizeof *kDatasetNames; ++i)
    titles += std::string(i ? "," : "") + "\"" + kDatasetNames[i] + "\":\"" + kDatasetTitles[i] + "\"";
  titles += "}";
  return "{\"defaults\":" + defaults() +
         ",\"seed\":" + range(kSeedRange) +
         ",\"n\":" + range({kMinPoints, kMaxPoints}) +
         ",\"hidden\":" + hidden(kMaxLayers, kMaxWidth) +
         ",\"lr\":" + range(kLrRange) +
         ",\"weightDecay\":" + range(kWeightDecayRange) +
         ",\"noise\":" + range(kNoiseRange) +
         ",\"coordinate\":" + range({-kMaxCoord, kMaxCoord}) +
         ",\"label\":" + range({0, kClasses - 1}) +
         ",\"activation\":" + list(kActivationNames) +
         ",\"optimizer\":" + list(kOptimizerNames) +
         ",\"dataset\":" + list(kDatasetNames) +
         ",\"datasetTitle\":" + titles +
         ",\"split\":" + list(kSplitNames) +
         ",\"stepsPerCall\":" + range({1, kMaxStepsPerCall}) +
         ",\"callWork\":" + n(kMaxCallWork) +
         ",\"boundarySide\":" + range({1, kMaxBoundarySide}) +
         ",\"fieldSide\":" + range({1, kMaxFieldSide}) +
         ",\"tracedNodes\":" + n(kMaxTracedNodes) +
         ",\"boundaryWork\":" + n(kMaxBoundaryWork) +
         ",\"memoryBudget\":" + n(kMemoryBudget) +
         ",\"maxMemoryBudget\":" + n(kMaxMemoryBudget) +
         ",\"page\":{\"hidden\":" + hidden(kPageMaxLayers, kPageMaxWidth) +
         ",\"n\":" + range({kMinPoints, kPageMaxPoints}) +
         ",\"linkPoints\":" + n(kPageMaxLinkPoints) +
         ",\"linkChars\":" + n(kPageMaxLinkChars) +
         ",\"seed\":" + range(kPageSeedRange) +
         ",\"weightDecay\":" + range(kPageWeightDecayRange) +
         ",\"trace\":" + range(kPageTraceRange) + "}}";
}

}  // namespace mg
