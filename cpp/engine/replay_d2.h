// Two doubles in one SIMD register for the batched replay's loops: a GCC/Clang vector extension, so WASM f64x2
// under -msimd128 and SSE2 natively. Its arithmetic is element-wise IEEE: each lane computes what scalar code does.
#pragma once
#include <cstring>

namespace mg {

typedef double D2 __attribute__((vector_size(16)));
inline D2 ld(const double* p) {
  D2 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
inline void st(double* p, D2 v) { std::memcpy(p, &v, sizeof v); }
inline D2 all(double x) { return D2{x, x}; }

}  // namespace mg
