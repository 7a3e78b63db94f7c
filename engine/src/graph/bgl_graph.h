#pragma once
// The Boost.Graph behind PositionGraph; private to engine/src/graph and engine/src/analysis.

#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include "entente/flat_lists.h"
#include "entente/position_graph.h"
#include "entente/resolution.h"

namespace entente {

namespace detail {

constexpr std::uint32_t k_no_stance = std::numeric_limits<std::uint32_t>::max();
/// A condition that names no position (a withdrawn one): it can never be met.
constexpr PositionId k_no_position = Resolution::k_none;

struct VertexProps {
  Vertex vertex{};
};

struct EdgeProps {
  Relation relation = Relation::holds;
  std::uint32_t stance = k_no_stance;  ///< index in Impl::stances for stance edges
};

// The graph never changes once built, so it is stored compressed (CSR): two arrays, built
// from the whole edge list at once, where an adjacency_list allocates per vertex and edge.
using BglGraph = boost::compressed_sparse_row_graph<boost::directedS, VertexProps, EdgeProps>;

struct PositionInfo {
  std::string ref{};
  PartyId holder = 0;
  std::uint32_t issue = 0;
  int priority = 3;
  bool red_line = false;
};

struct StanceInfo {
  PartyId party = 0;
  PositionId target = 0;
  std::uint32_t decl = 0;  ///< index in Scenario::stances, as in Impl::stances
  Stance value = Stance::consider;
  bool in_audience = false;
  std::optional<PositionId> via{};
};

/// One audience party of a position and its stance there, if any.
struct AudienceEntry {
  PartyId party = 0;
  std::uint32_t stance = k_no_stance;
};

}  // namespace detail

struct PositionGraph::Impl {
  detail::BglGraph graph{};
  std::vector<std::string> party_ids{};
  std::vector<std::uint32_t> party_rank{};  ///< a party's place in id order
  std::size_t issue_count = 0;
  std::vector<detail::PositionInfo> positions{};
  std::vector<detail::StanceInfo> stances{};
  /// Per stance, its agree_if as the resolution resolved it (k_no_position where a condition
  /// names no position). Apart from the stances: most have none, and a list in each would
  /// double their size.
  FlatLists<PositionId> conditions{};
  /// Per position, its audience sorted by party id (FORMAT.md 3.1).
  FlatLists<detail::AudienceEntry> audiences{};

  std::span<const PositionId> conditions_of(const detail::StanceInfo& s) const {
    return conditions[s.decl];
  }
  static std::size_t vertex_of_party(PartyId p) { return p; }
  std::size_t vertex_of_position(PositionId p) const { return party_ids.size() + p; }
};

}  // namespace entente
