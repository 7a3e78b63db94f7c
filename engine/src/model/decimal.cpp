#include "entente/decimal.h"

#include <algorithm>
#include <cassert>

#include <fmt/format.h>

#include "entente/model.h"

namespace entente {
namespace {

constexpr std::uint32_t k_base = 1'000'000'000;
constexpr std::uint32_t k_powers[] = {1,       10,        100,        1'000,      10'000,
                                      100'000, 1'000'000, 10'000'000, 100'000'000};

void trim(std::vector<std::uint32_t>& limbs) {
  while (!limbs.empty() && limbs.back() == 0) limbs.pop_back();
}

}  // namespace

std::optional<Decimal> Decimal::parse(std::string_view s) {
  if (!is_unsigned_decimal(s)) return std::nullopt;
  std::string digits;
  std::size_t i = 0;
  for (; i < s.size() && s[i] != 'e' && s[i] != 'E'; ++i) {
    if (s[i] != '.') digits.push_back(s[i]);
  }
  const std::size_t point = s.find('.');
  const std::size_t mantissa_end = i;
  int exponent = 0;
  if (i < s.size()) {
    const bool negative = s[i + 1] == '-';
    const std::size_t from = i + 1 + ((s[i + 1] == '-' || s[i + 1] == '+') ? 1 : 0);
    for (std::size_t k = from; k < s.size(); ++k) exponent = exponent * 10 + (s[k] - '0');
    if (negative) exponent = -exponent;
  }
  if (point != std::string_view::npos && point < mantissa_end) {
    exponent -= static_cast<int>(mantissa_end - point - 1);
  }
  Decimal out;
  out.exponent_ = exponent;
  for (std::size_t end = digits.size(); end > 0;) {
    const std::size_t begin = end >= 9 ? end - 9 : 0;
    std::uint32_t limb = 0;
    for (std::size_t k = begin; k < end; ++k) limb = limb * 10 + (digits[k] - '0');
    out.limbs_.push_back(limb);
    end = begin;
  }
  trim(out.limbs_);
  return out;
}

Decimal Decimal::scaled_to(int exponent) const {
  assert(exponent <= exponent_);
  Decimal out;
  out.exponent_ = exponent;
  if (limbs_.empty()) return out;
  const int shift = exponent_ - exponent;
  out.limbs_.assign(static_cast<std::size_t>(shift / 9), 0);
  out.limbs_.insert(out.limbs_.end(), limbs_.begin(), limbs_.end());
  const std::uint64_t factor = k_powers[shift % 9];
  std::uint64_t carry = 0;
  for (std::uint32_t& limb : out.limbs_) {
    const std::uint64_t v = limb * factor + carry;
    limb = static_cast<std::uint32_t>(v % k_base);
    carry = v / k_base;
  }
  if (carry != 0) out.limbs_.push_back(static_cast<std::uint32_t>(carry));
  return out;
}

Decimal& Decimal::operator+=(const Decimal& other) {
  if (other.limbs_.empty()) return *this;
  if (limbs_.empty()) return *this = other;
  if (other.exponent_ < exponent_) *this = scaled_to(other.exponent_);
  if (other.exponent_ > exponent_) return *this += other.scaled_to(exponent_);
  if (limbs_.size() < other.limbs_.size()) limbs_.resize(other.limbs_.size(), 0);
  std::uint32_t carry = 0;
  for (std::size_t k = 0; k < limbs_.size() && (k < other.limbs_.size() || carry != 0); ++k) {
    std::uint32_t v = limbs_[k] + carry + (k < other.limbs_.size() ? other.limbs_[k] : 0);
    carry = v >= k_base ? 1 : 0;
    limbs_[k] = carry != 0 ? v - k_base : v;
  }
  if (carry != 0) limbs_.push_back(carry);
  return *this;
}

std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
  if (a.limbs_.empty() || b.limbs_.empty()) return !a.limbs_.empty() <=> !b.limbs_.empty();
  if (a.exponent_ != b.exponent_) {
    const int common = std::min(a.exponent_, b.exponent_);
    return a.scaled_to(common) <=> b.scaled_to(common);
  }
  if (a.limbs_.size() != b.limbs_.size()) return a.limbs_.size() <=> b.limbs_.size();
  for (std::size_t k = a.limbs_.size(); k-- > 0;) {
    if (a.limbs_[k] != b.limbs_[k]) return a.limbs_[k] <=> b.limbs_[k];
  }
  return std::strong_ordering::equal;
}

std::string Decimal::str() const {
  if (limbs_.empty()) return "0";
  std::string digits = fmt::format("{}", limbs_.back());
  for (std::size_t k = limbs_.size() - 1; k-- > 0;) digits += fmt::format("{:09}", limbs_[k]);
  if (exponent_ >= 0) return digits.append(static_cast<std::size_t>(exponent_), '0');
  const auto fraction = static_cast<std::size_t>(-exponent_);
  if (digits.size() <= fraction) digits.insert(0, fraction - digits.size() + 1, '0');
  digits.insert(digits.size() - fraction, 1, '.');
  while (digits.back() == '0') digits.pop_back();
  if (digits.back() == '.') digits.pop_back();
  return digits;
}

}  // namespace entente
