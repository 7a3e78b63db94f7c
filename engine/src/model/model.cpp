#include "entente/model.h"

#include <array>
#include <utility>

namespace entente {
namespace {

template <class E, std::size_t N>
std::optional<E> parse_enum(const std::array<std::pair<std::string_view, E>, N>& names,
                            std::string_view s) {
  for (const auto& [name, value] : names) {
    if (name == s) return value;
  }
  return std::nullopt;
}

constexpr std::array<std::pair<std::string_view, Stance>, 3> k_stances{{
    {"agree", Stance::agree}, {"reject", Stance::reject}, {"consider", Stance::consider}}};
constexpr std::array<std::pair<std::string_view, PositionKind>, 2> k_kinds{{
    {"demand", PositionKind::demand}, {"concession", PositionKind::concession}}};

}  // namespace

std::string_view to_string(Stance s) { return k_stances[static_cast<std::size_t>(s)].first; }

std::string_view to_string(PositionKind k) { return k_kinds[static_cast<std::size_t>(k)].first; }

std::optional<Stance> parse_stance(std::string_view s) { return parse_enum(k_stances, s); }

std::optional<PositionKind> parse_position_kind(std::string_view s) {
  return parse_enum(k_kinds, s);
}

bool is_slug(std::string_view s) {
  const auto lower_or_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (s.empty() || !lower_or_digit(s.front())) return false;
  for (const char c : s) {
    if (!lower_or_digit(c) && c != '-') return false;
  }
  return true;
}

}  // namespace entente
