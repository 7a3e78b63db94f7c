#pragma once

// A random source whose numbers are the same on every standard library: std::mt19937_64's
// output is fixed by the standard, but std::uniform_int_distribution's is not.

#include <cstdint>
#include <random>
#include <span>
#include <string_view>

namespace entente::generate {

class Random {
 public:
  explicit Random(std::uint64_t seed) : engine_(seed) {}

  /// Uniform in [0, n); n > 0. Rejection sampling, so no modulo bias.
  std::uint64_t below(std::uint64_t n) {
    const std::uint64_t threshold = (0 - n) % n;  // 2^64 mod n
    for (;;) {
      const std::uint64_t x = engine_();
      if (x >= threshold) return x % n;
    }
  }

  int below(int n) { return static_cast<int>(below(static_cast<std::uint64_t>(n))); }

  /// Uniform in [0, 1), from the top 53 bits.
  double unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }

  bool chance(double p) { return unit() < p; }

  std::string_view pick(std::span<const std::string_view> items) {
    return items[below(items.size())];
  }

 private:
  std::mt19937_64 engine_;
};

}  // namespace entente::generate
