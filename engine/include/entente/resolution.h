#pragma once

#include <cstdint>
#include <limits>
#include <vector>

#include "entente/flat_lists.h"
#include "entente/model.h"

namespace entente {

/// A scenario's references as indexes into its lists: each name looked up once. validate()
/// judges the scenario by it and hands it on; the graph is built from it.
struct Resolution {
  /// Names nothing: an unknown id, no `via`, or a condition on a withdrawn position.
  static constexpr std::uint32_t k_none = std::numeric_limits<std::uint32_t>::max();

  /// By item: the index of the first item with the same id (its own index when unique).
  std::vector<std::uint32_t> first_party{};
  std::vector<std::uint32_t> first_issue{};
  std::vector<std::uint32_t> first_source{};
  std::vector<std::uint32_t> first_position{};  ///< by PARTY/POSITION ref

  /// By position: its holder (in parties, then in outsiders), its issue (in issues) and its sources
  /// (in sources; k_none for an unknown id).
  std::vector<std::uint32_t> holder{};
  std::vector<std::uint32_t> issue{};
  FlatLists<std::uint32_t> position_sources{};
  /// By position: its `to`, as party indexes.
  FlatLists<std::uint32_t> audience{};

  /// By stance: who takes it (in parties), the position it is on, its `via` position and
  /// its sources.
  std::vector<std::uint32_t> taker{};
  std::vector<std::uint32_t> target{};
  std::vector<std::uint32_t> via{};
  FlatLists<std::uint32_t> stance_sources{};
  /// By stance: its agree_if, as positions.
  FlatLists<std::uint32_t> conditions{};

  /// By issue: its `status_quo` position (docs/format.md 7.1), k_none when it has none or
  /// names no position (unknown, or withdrawn).
  std::vector<std::uint32_t> status_quo{};

  /// Whether this can be the resolution of `scenario`: one entry per item of each list.
  bool fits(const Scenario& scenario) const;

  friend bool operator==(const Resolution&, const Resolution&) = default;
};

/// Looks every reference of `scenario` up (on two threads on a large one). Ids that name
/// nothing are k_none; a repeated id names its first item.
Resolution resolve(const Scenario& scenario);

}  // namespace entente
