#pragma once
// A position of a scenario named by its reference, as a caller writes it (a what-if change,
// concede's target): one lookup and one error for every such name.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "entente/model.h"

namespace entente::detail {

/// The index in `s.positions` of the position `ref` (PARTY/POSITION) names, or none.
std::optional<std::size_t> find_position(const Scenario& s, std::string_view ref);

/// "unknown position 'REF'", and the nearest reference of `s` when one is close.
std::string unknown_position(const Scenario& s, std::string_view ref);

}  // namespace entente::detail
