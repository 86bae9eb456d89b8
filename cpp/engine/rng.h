// The reference's deterministic xorshift* random number generator (utils.RNG).
#pragma once
#include <cstdint>

namespace mg {

class RNG {
 public:
  explicit RNG(uint64_t seed) : state_(seed) {}
  uint32_t random_u32() {
    state_ ^= state_ >> 12;
    state_ ^= state_ << 25;
    state_ ^= state_ >> 27;
    return static_cast<uint32_t>((state_ * 0x2545F4914F6CDD1DULL) >> 32);
  }
  double random() { return (random_u32() >> 8) / 16777216.0; }  // a float32 in [0, 1)
  double uniform(double a, double b) { return a + (b - a) * random(); }
  uint64_t state() const { return state_; }

 private:
  uint64_t state_;
};

}  // namespace mg
