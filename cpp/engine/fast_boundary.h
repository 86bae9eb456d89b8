// The decision boundary fast: a forward-only float32 pass over a grid, eight cells at a time in SIMD lanes.
#pragma once
#include <cstdint>
#include <vector>

#include "nn.h"

namespace mg {

// Four floats in one SIMD register: GCC/Clang vector extensions, so the same code is WASM SIMD under
// Emscripten with -msimd128 and SSE natively. Only this path uses it; the exact path stays in double.
typedef float F4 __attribute__((vector_size(16)));

// Class probabilities without a graph: the network's weights as float32, fast tanh and exp (within 3e-7
// absolute and 1e-7 relative of the C library's), and a softmax that subtracts the largest logit. It is meant
// for pictures: probabilities agree with MLP::predict within 1e-4 (tests/cpp/test_fast.cpp), not digit for digit.
class FastBoundary {
 public:
  void load(const MLP& model, const Tape& tape);  // the network's current weights
  // The probabilities at each cell centre of a w x h grid over [x0, x1] x [y0, y1], rows from y1 down to
  // y0, columns from x0: 3 floats per cell, row-major (what Session::boundary returns).
  void grid(int w, int h, double x0, double x1, double y0, double y1, float* out);
  void point(double x, double y, float probs[3]);  // one point, the same arithmetic

 private:
  struct LayerF {
    int nin = 0, nout = 0;
    Act act = Act::Linear;
    size_t w = 0;  // offset into weights_: nout rows of nin weights, then nout biases
  };
  std::vector<LayerF> layers_;
  std::vector<float> weights_;
  std::vector<F4> act_;        // activations of two layers for one block of cells
  std::vector<float> xs_;      // the x of each column, padded to a whole block
  int widest_ = 0;
  static constexpr int kLanes = 4, kRegs = 2, kBlock = kLanes * kRegs;  // cells per block: 2 registers of 4
  void block(F4 x[kRegs], F4 y[kRegs], F4 p[3][kRegs]);  // the probabilities of one block of cells
};

}  // namespace mg
