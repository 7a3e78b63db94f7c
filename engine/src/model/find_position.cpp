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

std::optional<std::string> left_out_party(const Scenario& s, std::string_view party) {
  for (const Party& p : s.outsiders) {
    if (p.id == party) {
      return fmt::format("party '{}' is not among the parties focused on", party);
    }
  }
  return std::nullopt;
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
  std::vector<std::string> ids;
  for (const Party& p : s.parties) ids.push_back(p.id);
  std::vector<char> may_move(ids.size(), by.empty() ? 1 : 0);
  std::vector<Diagnostic> errors;
  const auto error = [&](const std::string& party, std::string message) {
    errors.push_back(argument_error(field, party, std::move(message)));
  };
  for (const std::string& party : by) {
    const auto it = std::find(ids.begin(), ids.end(), party);
    if (const auto why = left_out_party(s, party)) {
      error(party, *why);
    } else if (it == ids.end()) {
      error(party, fmt::format("unknown party '{}'{}", party, did_you_mean(party, ids)));
    } else {
      may_move[static_cast<std::size_t>(it - ids.begin())] = 1;
    }
  }
  if (!errors.empty()) return tl::unexpected(std::move(errors));
  return may_move;
}

}  // namespace entente::detail
