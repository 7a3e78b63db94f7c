#include "entente/model.h"

#include <array>

#include "entente/format_keys.h"

namespace entente {
namespace {

// The enum's values are in the order of their names (entente/format_keys.h).
template <class E, std::size_t N>
std::optional<E> parse_enum(const std::array<std::string_view, N>& names, std::string_view s) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == s) return static_cast<E>(i);
  }
  return std::nullopt;
}

static_assert(k_stance_values[static_cast<std::size_t>(Stance::consider)] == "consider" &&
              k_kind_values[static_cast<std::size_t>(PositionKind::concession)] == "concession");

}  // namespace

std::string_view to_string(Stance s) { return k_stance_values[static_cast<std::size_t>(s)]; }

std::string_view to_string(PositionKind k) { return k_kind_values[static_cast<std::size_t>(k)]; }

std::optional<Stance> parse_stance(std::string_view s) {
  return parse_enum<Stance>(k_stance_values, s);
}

std::optional<PositionKind> parse_position_kind(std::string_view s) {
  return parse_enum<PositionKind>(k_kind_values, s);
}

PositionRef::PositionRef(std::string_view text, SourceLocation at) : where(std::move(at)) {
  const std::size_t slash = text.find('/');
  if (slash == 0 || slash == std::string_view::npos) {
    position_id = Symbol(text);
  } else {
    holder = Symbol(text.substr(0, slash));
    position_id = Symbol(text.substr(slash + 1));
  }
}

std::string join_ref(std::string_view party, std::string_view id) {
  std::string ref;
  ref.reserve(party.size() + 1 + id.size());
  return ref.append(party).append(1, '/').append(id);
}

std::string PositionRef::text() const {
  return holder.empty() ? position_id.str() : join_ref(holder, position_id);
}

bool PositionRef::names(std::string_view ref) const {
  if (holder.empty()) return ref == position_id.view();
  const std::string_view h = holder.view();
  return ref.size() == h.size() + 1 + position_id.size() && ref.starts_with(h) &&
         ref[h.size()] == '/' && ref.substr(h.size() + 1) == position_id.view();
}

bool is_slug(std::string_view s) {
  const auto lower_or_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (s.empty() || !lower_or_digit(s.front())) return false;
  for (const char c : s) {
    if (!lower_or_digit(c) && c != '-') return false;
  }
  return true;
}

bool is_unsigned_decimal(std::string_view s) {
  const auto digits = [&](std::size_t from) {
    std::size_t to = from;
    while (to < s.size() && s[to] >= '0' && s[to] <= '9') ++to;
    return to - from;
  };
  std::size_t i = digits(0);
  if (i == 0) return false;
  if (i < s.size() && s[i] == '.') {
    const std::size_t fraction = digits(i + 1);
    if (fraction == 0) return false;
    i += 1 + fraction;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    const std::size_t exponent = digits(i);
    if (exponent == 0 || exponent > 3) return false;
    i += exponent;
  }
  return i == s.size();
}

}  // namespace entente
