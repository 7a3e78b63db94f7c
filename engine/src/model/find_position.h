#pragma once
// A position of a scenario named by its reference, as a caller writes it (a what-if change,
// concede's target): one lookup and one error for every such name.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <span>
#include <vector>

#include "entente/diagnostic.h"
#include "entente/model.h"

namespace entente::detail {

/// The index in `s.positions` of the position `ref` (PARTY/POSITION) names, or none.
std::optional<std::size_t> find_position(const Scenario& s, std::string_view ref);

/// "unknown position 'REF'", and the nearest reference of `s` when one is close; for a
/// position a focus left out (in `s.withdrawn` before any what-if), that it was.
std::string unknown_position(const Scenario& s, std::string_view ref);

/// Why `ref`, a position a focus on some parties (docs/format.md 6.2) left out, names nothing.
std::string left_out_position(std::string_view ref);

/// The index in `s.parties` of the party `id` names, or none.
std::optional<std::uint32_t> find_party(const Scenario& s, std::string_view id);

/// Why `id` names no party of `s`: a party a focus on others left out (in `s.outsiders`), or
/// "unknown party 'ID'" and the nearest id of `s` when one is close.
std::string unknown_party(const Scenario& s, std::string_view id);

/// Per party (PartyId), whether it may move: every party when `by` is empty, else those it
/// names. An unknown or left-out name is an error whose Argument is (`field`, the name).
Expected<std::vector<char>> parties_that_may_move(const Scenario& s,
                                                  std::span<const std::string> by,
                                                  std::string_view field);

}  // namespace entente::detail
