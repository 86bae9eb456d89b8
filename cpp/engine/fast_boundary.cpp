// The float32 SIMD forward pass behind Session::boundary: fast tanh and exp, eight grid cells per step.
#include "fast_boundary.h"

#include <algorithm>

namespace mg {

namespace {
typedef int32_t I4 __attribute__((vector_size(16)));

inline F4 splat(float v) { return F4{v, v, v, v}; }
inline F4 select(I4 mask, F4 a, F4 b) {  // mask lanes all ones -> a, all zeros -> b
  return reinterpret_cast<F4>((reinterpret_cast<I4>(a) & mask) | (reinterpret_cast<I4>(b) & ~mask));
}
inline F4 vmin(F4 a, F4 b) { return select(a < b, a, b); }
inline F4 vmax(F4 a, F4 b) { return select(a < b, b, a); }  // the shapes of WASM's f32x4.pmin and pmax

// tanh as a rational function (numerator odd of degree 13, denominator even of degree 6) on [-7.9, 7.9],
// where float tanh is +-1 beyond: within a few float ulps of tanh (the coefficients of Eigen's ptanh_float).
inline F4 fast_tanh(F4 x) {
  x = vmax(vmin(x, splat(7.90531110763549805f)), splat(-7.90531110763549805f));
  F4 x2 = x * x;
  F4 p = x2 * splat(-2.76076847742355e-16f) + splat(2.00018790482477e-13f);
  p = p * x2 + splat(-8.60467152213735e-11f);
  p = p * x2 + splat(5.12229709037114e-08f);
  p = p * x2 + splat(1.48572235717979e-05f);
  p = p * x2 + splat(6.37261928875436e-04f);
  p = p * x2 + splat(4.89352455891786e-03f);
  p = p * x;
  F4 q = x2 * splat(1.19825839466702e-06f) + splat(1.18534705686654e-04f);
  q = q * x2 + splat(2.26843463243900e-03f);
  q = q * x2 + splat(4.89352518554385e-03f);
  return p / q;
}

// exp as 2^n * e^r with n = round(x / ln 2) and |r| <= ln2 / 2, e^r by a degree-6 polynomial (Cephes expf):
// about 1e-7 relative. x is clamped to [-87, 88], where 2^n stays a normal float.
inline F4 fast_exp(F4 x) {
  x = vmax(vmin(x, splat(88.0f)), splat(-87.0f));
  const F4 magic = splat(12582912.0f);  // 1.5 * 2^23: adding it rounds to an integer
  F4 n = (x * splat(1.44269504088896341f) + magic) - magic;
  F4 r = x - n * splat(0.693359375f) - n * splat(-2.12194440e-4f);
  F4 p = r * splat(1.9875691500e-4f) + splat(1.3981999507e-3f);
  p = p * r + splat(8.3334519073e-3f);
  p = p * r + splat(4.1665795894e-2f);
  p = p * r + splat(1.6666665459e-1f);
  p = p * r + splat(5.0000001201e-1f);
  p = p * (r * r) + r + splat(1.0f);
  I4 e = (__builtin_convertvector(n, I4) + 127) << 23;
  return p * reinterpret_cast<F4>(e);
}
}  // namespace

void FastBoundary::load(const MLP& model, const Tape& tape) {
  layers_.clear();
  weights_.clear();
  widest_ = 2;
  for (const Layer& l : model.layers) {
    LayerF f;
    f.nin = static_cast<int>(l.neurons.front().w.size());
    f.nout = static_cast<int>(l.neurons.size());
    f.act = l.neurons.front().act;
    f.w = weights_.size();
    for (const Neuron& n : l.neurons)
      for (int32_t w : n.w) weights_.push_back(static_cast<float>(tape.nodes[w].data));
    for (const Neuron& n : l.neurons) weights_.push_back(static_cast<float>(tape.nodes[n.b].data));
    layers_.push_back(f);
    widest_ = std::max(widest_, f.nout);
  }
  act_.resize(static_cast<size_t>(2 * widest_ * kRegs));
}

void FastBoundary::block(F4 x[kRegs], F4 y[kRegs], F4 p[3][kRegs]) {
  F4* in = act_.data();
  F4* out = act_.data() + widest_ * kRegs;
  for (int r = 0; r < kRegs; ++r) {
    in[r] = x[r];
    in[kRegs + r] = y[r];
  }
  for (const LayerF& l : layers_) {
    const float* w = weights_.data() + l.w;
    const float* bias = w + static_cast<size_t>(l.nout) * l.nin;
    for (int k = 0; k < l.nout; ++k, w += l.nin) {
      F4 s[kRegs];
      for (int r = 0; r < kRegs; ++r) s[r] = splat(bias[k]);
      for (int j = 0; j < l.nin; ++j) {
        F4 wj = splat(w[j]);
        for (int r = 0; r < kRegs; ++r) s[r] = s[r] + wj * in[j * kRegs + r];
      }
      for (int r = 0; r < kRegs; ++r) {
        if (l.act == Act::Tanh) s[r] = fast_tanh(s[r]);
        else if (l.act == Act::Relu) s[r] = vmax(s[r], splat(0.0f));
        out[k * kRegs + r] = s[r];
      }
    }
    std::swap(in, out);
  }
  for (int r = 0; r < kRegs; ++r) {  // softmax of the three logits, shifted by their largest
    F4 m = vmax(vmax(in[r], in[kRegs + r]), in[2 * kRegs + r]);
    F4 e0 = fast_exp(in[r] - m), e1 = fast_exp(in[kRegs + r] - m), e2 = fast_exp(in[2 * kRegs + r] - m);
    F4 inv = splat(1.0f) / (e0 + e1 + e2);
    p[0][r] = e0 * inv;
    p[1][r] = e1 * inv;
    p[2][r] = e2 * inv;
  }
}

void FastBoundary::grid(int w, int h, double x0, double x1, double y0, double y1, float* out) {
  int padded = (w + kBlock - 1) / kBlock * kBlock;
  xs_.resize(static_cast<size_t>(padded));
  for (int c = 0; c < padded; ++c) xs_[c] = static_cast<float>(x0 + (std::min(c, w - 1) + 0.5) * (x1 - x0) / w);
  F4 x[kRegs], y[kRegs], p[3][kRegs];
  for (int r = 0; r < h; ++r) {
    float yr = static_cast<float>(y1 - (r + 0.5) * (y1 - y0) / h);
    for (int i = 0; i < kRegs; ++i) y[i] = splat(yr);
    float* row = out + static_cast<size_t>(r) * w * 3;
    for (int c = 0; c < w; c += kBlock) {
      for (int i = 0; i < kRegs; ++i) __builtin_memcpy(&x[i], &xs_[c + i * kLanes], sizeof(F4));
      block(x, y, p);
      int n = std::min(kBlock, w - c);
      for (int i = 0; i < n; ++i) {
        float* o = row + static_cast<size_t>(c + i) * 3;
        o[0] = p[0][i / kLanes][i % kLanes];
        o[1] = p[1][i / kLanes][i % kLanes];
        o[2] = p[2][i / kLanes][i % kLanes];
      }
    }
  }
}

void FastBoundary::point(double x, double y, float probs[3]) {
  F4 xv[kRegs], yv[kRegs], p[3][kRegs];
  for (int i = 0; i < kRegs; ++i) {
    xv[i] = splat(static_cast<float>(x));
    yv[i] = splat(static_cast<float>(y));
  }
  block(xv, yv, p);
  for (int k = 0; k < 3; ++k) probs[k] = p[k][0][0];
}

}  // namespace mg
