#pragma once
// Weights summed and compared exactly (docs/format.md 6.4): `0.1 + 0.2` is `0.3`, and a quota
// of `23` is reached by `11.5 + 11.5`, whatever a double would say.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace entente {

/// An unsigned decimal number, exactly: an integer of any size times a power of ten.
class Decimal {
 public:
  Decimal() = default;  ///< zero

  /// The number a weight is written as (is_unsigned_decimal: `12`, `3.5`, `1e3`); none for
  /// anything else.
  static std::optional<Decimal> parse(std::string_view s);

  /// The power of ten its integer is counted in.
  int exponent() const { return exponent_; }
  /// The same number with its integer counted in 10^`exponent`, which must be at most
  /// exponent(): numbers of one exponent add and compare without copies.
  Decimal scaled_to(int exponent) const;

  Decimal& operator+=(const Decimal& other);
  friend Decimal operator+(Decimal a, const Decimal& b) { return a += b; }
  friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b);
  friend bool operator==(const Decimal& a, const Decimal& b) { return (a <=> b) == 0; }

  bool is_zero() const { return limbs_.empty(); }

  /// Positional notation, no exponent and no trailing zero after a point: `12`, `3.5`,
  /// `0.001`, `1000` (for 1e3).
  std::string str() const;

 private:
  std::vector<std::uint32_t> limbs_{};  ///< base 10^9, least significant first, none high zero
  int exponent_ = 0;                    ///< the number is limbs_ times 10^exponent_
};

}  // namespace entente
