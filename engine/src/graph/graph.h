#pragma once
// THE position graph (docs/format.md section 2) as a Boost.Graph, with everything the
// analyses read as its property maps. Every analysis reads it through Boost.Graph's interface
// (vertices, out_edges, in_edges, bundled properties) and its algorithms; nothing else in the
// engine holds a copy of what is here. Private to engine/src.
//
// Vertices: the positions first, so that a position's vertex is its PositionId, then the
// parties (vertex = position count + PartyId).
// Edges:
//  - holds: party -> each of its positions;
//  - agree, reject, consider: a stance, from its `via` position (or its party's vertex when
//    it has none) to the position it is on;
//  - needs: a condition of a counting conditional stance (3.2), from the position the stance
//    is on to the position its agree_if names, once per name, labelled with the stance.
//    Agreement flows against these edges: T is agreed through a stance once every position
//    T needs through it is. A condition that names no position (a withdrawn one, 4) has no
//    edge: its stance carries `never_met` instead, and can never be met.
// Each position's out-edges list its needs edges in audience order (party id), each stance's
// in agree_if order; stance edges lie in Scenario::stances order per source.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/range/iterator_range.hpp>

#include "entente/flat_lists.h"
#include "entente/model.h"
#include "entente/position_graph.h"

namespace entente::detail {

inline constexpr std::uint32_t k_none = 0xffffffffU;

enum class Relation : std::uint8_t { holds, agree, reject, consider, needs };

/// A position's facts the analyses read (for a party's vertex: its id).
struct VertexProps {
  Symbol id{};  ///< a position's id among its holder's (POSITION of PARTY/POSITION), a party's id
  PartyId holder = 0;
  std::uint32_t issue = 0;
  int priority = 3;
  bool red_line = false;
};

struct EdgeProps {
  Relation relation = Relation::holds;
  bool in_audience : 1 = false;  ///< stance: by a party in its position's audience (3.1)
  bool conditional : 1 = false;  ///< stance: counting conditional (3.2)
  bool never_met : 1 = false;    ///< conditional stance: a condition names no position
  /// stance: what it is worth to its party (docs/format.md 8.2), the cost of moving it.
  std::uint8_t priority : 3 = k_default_stance_priority;
  std::uint32_t stance = k_none;  ///< stance and needs edges: index in Scenario::stances
};
static_assert(sizeof(EdgeProps) == 8, "an edge's properties stay two words");

/// One party of a position's audience, and the edge of its stance there, if any.
struct AudienceEntry {
  PartyId party = 0;
  std::uint32_t from = k_none;  ///< the stance edge's source; k_none when silent
  std::uint32_t edge = 0;       ///< the stance edge's index
};

struct GraphProps {
  std::uint32_t positions = 0;
  std::uint32_t parties = 0;
  std::uint32_t issues = 0;
  std::uint32_t stances = 0;  ///< Scenario::stances, which stance and needs edges number
  /// By position: its audience in party id order (3.1), a vertex property kept flat.
  FlatLists<AudienceEntry> audiences{};
  /// By issue (docs/format.md 7.1): whether its positions are alternatives, and its status
  /// quo's vertex (k_none when it has none).
  std::vector<bool> exclusive{};
  std::vector<std::uint32_t> status_quo{};
};

using Graph = boost::compressed_sparse_row_graph<boost::bidirectionalS, VertexProps, EdgeProps,
                                                 GraphProps, std::uint32_t, std::uint32_t>;
using GraphVertex = boost::graph_traits<Graph>::vertex_descriptor;
using GraphEdge = boost::graph_traits<Graph>::edge_descriptor;

/// The Boost graph of a PositionGraph (graph/position_graph.cpp).
const Graph& graph_of(const PositionGraph& graph);

/// The graph's own properties: counts and the audiences.
inline const GraphProps& graph_props(const Graph& g) {
  return boost::get_property(g, boost::graph_bundle);
}
inline std::uint32_t position_count(const Graph& g) { return graph_props(g).positions; }
inline std::uint32_t party_count(const Graph& g) { return graph_props(g).parties; }
inline GraphVertex party_vertex(const Graph& g, PartyId p) { return position_count(g) + p; }
inline bool is_position(const Graph& g, GraphVertex v) { return v < position_count(g); }

/// A vertex's name: a position's `PARTY/POSITION` reference, a party's id.
std::string vertex_name(const Graph& g, GraphVertex v);

/// Whether position a's reference sorts before b's, as the strings would, without making them.
bool ref_less(const Graph& g, PositionId a, PositionId b);

/// Every position, in reference order (docs/format.md 3.5).
std::vector<PositionId> positions_by_ref(const Graph& g);

/// Position t's audience, in party id order.
inline std::span<const AudienceEntry> audience(const Graph& g, PositionId t) {
  return graph_props(g).audiences[t];
}

/// The edge of an audience party's stance, none when it is silent.
inline std::optional<GraphEdge> stance_edge(const AudienceEntry& entry) {
  if (entry.from == k_none) return std::nullopt;
  return GraphEdge(entry.from, entry.edge);
}

/// The position a stance is `via`, if any.
inline std::optional<PositionId> via_of(const Graph& g, GraphEdge stance) {
  const GraphVertex from = boost::source(stance, g);
  return is_position(g, from) ? std::optional<PositionId>(from) : std::nullopt;
}

/// Calls f(R) for each position R that a counting conditional stance needs, in agree_if
/// order: the needs edges out of its position that carry its label.
template <class F>
void for_each_condition(const Graph& g, GraphEdge stance, F f) {
  const std::uint32_t label = g[stance].stance;
  for (const GraphEdge e :
       boost::make_iterator_range(boost::out_edges(boost::target(stance, g), g))) {
    if (g[e].relation == Relation::needs && g[e].stance == label) f(boost::target(e, g));
  }
}

/// Keeps the needs edges: the view the condition fixpoints and their searches run on.
struct NeedsOnly {
  const Graph* g = nullptr;
  bool operator()(GraphEdge e) const { return (*g)[e].relation == Relation::needs; }
};
using NeedsView = boost::filtered_graph<Graph, NeedsOnly>;
inline NeedsView needs_view(const Graph& g) { return NeedsView(g, NeedsOnly{&g}); }

}  // namespace entente::detail
