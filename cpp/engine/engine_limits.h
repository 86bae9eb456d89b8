// The engine's limits and names, defined once: the Session (the JS API), the CLI, the fuzz harness and,
// through limits_json() (engine.limits() in JS), the page read them here and nowhere else spell them.
#pragma once
#include <cstdint>
#include <string>

namespace mg {

struct Range {
  double min, max;
};

// ---- the settings of a run: the API's options and the CLI's flags ----
constexpr Range kSeedRange{1, 9007199254740991.0};  // the API's: integers JS numbers hold exactly (2^53-1)
constexpr int kMinPoints = 6;       // the smallest n whose 80/10/10 split leaves no split empty
constexpr int kMaxPoints = 20000;   // points in a generated dataset, and in a trainer after edits
constexpr int kMaxLayers = 8;       // hidden layers
constexpr int kMaxWidth = 1024;     // neurons per hidden layer
constexpr Range kLrRange{0, 100};
constexpr Range kWeightDecayRange{0, 10};
constexpr Range kNoiseRange{0, 1};  // standard deviation of the jitter added to every coordinate
constexpr double kMaxCoord = 1000;  // |x| and |y| of any point, traced point and extent
constexpr int kClasses = 3;         // labels 0, 1, 2
constexpr int64_t kMaxCliSteps = 1000000000;

// ---- the work of one API call (so that no call holds the page for long) ----
constexpr int kMaxStepsPerCall = 100000;  // steps(k); it also stops early, see kMaxCallWork
// The graph nodes one call may visit (about 100-200 ms in WASM on the project's machine kind: 18-50 ns a node):
// steps(k) runs at most this many nodes' worth of steps (and always one), every other call does at most this
// much work or one training step's, whichever is more. Counted in work, not time, so a call does the same on
// every machine and under any load.
constexpr int64_t kMaxCallWork = 8000000;
constexpr int kMaxBoundarySide = 1024;    // boundary(): cells per side
constexpr int kMaxFieldSide = 256;        // nodeField(): cells per side
constexpr int64_t kMaxTracedNodes = 15000;       // graph(), the walk-through and the checks (about 100 ms for graph())
constexpr int64_t kMaxBoundaryWork = 400000000;  // boundary(): cells x parameters (about 100 ms, float32 SIMD)

// ---- memory (memory_budget.h) ----
// What all trainers of one WASM module may hold together, by the engine's estimates (upper bounds): WASM memory
// ends at 2 GB, and the rest is room for the allocator, the JS glue and the estimates' slack.
constexpr int64_t kMemoryBudget = 1536LL << 20;
constexpr int64_t kMaxMemoryBudget = 1LL << 40;  // setMemoryBudget() may raise it this far (allocations may then fail,
                                                    // which is reported as an error too)

// ---- the expression language (`micrograd expr`, engine.expression()): what one snippet may be and do ----
constexpr int32_t kMaxExprSource = 65536;            // bytes of source
constexpr int32_t kMaxExprNodes = 100000;            // Value nodes one snippet may build
constexpr int32_t kMaxExprDepth = 100;               // nesting of parentheses, unary signs, ** and Value(...)
constexpr int64_t kMaxExprWork = 2000000;            // nodes visited by all backward() calls together (~0.2 s)
constexpr double kMaxExactInt = 9007199254740992.0;  // 2**53: ints stay below it, so a double holds them exactly

// ---- names, in the order of their enums (Act, OptKind, Dataset) ----
constexpr const char* kActivationNames[] = {"tanh", "relu"};
constexpr const char* kOptimizerNames[] = {"adamw", "sgd"};
constexpr const char* kDatasetNames[] = {"yinyang", "circles", "xor", "spiral", "blobs"};
constexpr const char* kDatasetTitles[] = {"yin-yang", "circles", "XOR quadrants", "spiral", "blobs"};  // as people read them
constexpr const char* kSplitNames[] = {"train", "val", "test"};

// ---- the page's own, stricter limits (what its settings offer and a link may carry) ----
constexpr int kPageMaxLayers = 4;
constexpr int kPageMaxWidth = 32;
constexpr int kPageMaxPoints = 2000;       // generated, and training points added by hand
constexpr int kPageMaxLinkPoints = 2000;   // points of one split in a link
constexpr int kPageMaxLinkChars = 200000;  // characters of a link's hash
constexpr Range kPageSeedRange{1, 2147483647};
constexpr Range kPageWeightDecayRange{0, 1};
constexpr Range kPageTraceRange{-10, 10};  // the traced point's coordinates in a link

// Everything above as one JSON object (the shape engine.limits() documents in web/src/engine.d.ts).
std::string limits_json();

}  // namespace mg
