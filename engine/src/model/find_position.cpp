#include "model/find_position.h"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "support/spelling.h"

namespace entente::detail {

std::optional<std::size_t> find_position(const Scenario& s, std::string_view ref) {
  const std::size_t slash = ref.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const std::string_view party = ref.substr(0, slash);
  const std::string_view id = ref.substr(slash + 1);
  for (std::size_t i = 0; i < s.positions.size(); ++i) {
    if (s.positions[i].party == party && s.positions[i].id == id) return i;
  }
  return std::nullopt;
}

std::string left_out_position(std::string_view ref) {
  return fmt::format(
      "position '{}' is left out: none of its audience is among the parties "
      "focused on",
      ref);
}

std::optional<std::uint32_t> find_party(const Scenario& s, std::string_view id) {
  for (std::size_t i = 0; i < s.parties.size(); ++i) {
    if (s.parties[i].id == id) return static_cast<std::uint32_t>(i);
  }
  return std::nullopt;
}

std::string unknown_party(const Scenario& s, std::string_view id) {
  for (const Party& p : s.outsiders) {
    if (p.id == id) return fmt::format("party '{}' is not among the parties focused on", id);
  }
  std::vector<std::string> ids;
  ids.reserve(s.parties.size());
  for (const Party& p : s.parties) ids.push_back(p.id);
  return fmt::format("unknown party '{}'{}", id, did_you_mean(id, ids));
}

std::string unknown_position(const Scenario& s, std::string_view ref) {
  if (std::find(s.withdrawn.begin(), s.withdrawn.end(), ref) != s.withdrawn.end()) {
    return left_out_position(ref);
  }
  std::vector<std::string> refs;
  refs.reserve(s.positions.size());
  for (const Position& p : s.positions) refs.push_back(p.ref());
  return fmt::format("unknown position '{}'{}", ref, did_you_mean(ref, refs));
}

Expected<std::vector<char>> parties_that_may_move(const Scenario& s,
                                                  std::span<const std::string> by,
                                                  std::string_view field) {
  std::vector<char> may_move(s.parties.size(), by.empty() ? 1 : 0);
  std::vector<Diagnostic> errors;
  for (const std::string& party : by) {
    if (const auto p = find_party(s, party)) {
      may_move[*p] = 1;
    } else {
      errors.push_back(argument_error(field, party, unknown_party(s, party)));
    }
  }
  if (!errors.empty()) return tl::unexpected(std::move(errors));
  return may_move;
}

}  // namespace entente::detail
