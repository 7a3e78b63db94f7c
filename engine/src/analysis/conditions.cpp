// Conditional stances (docs/format.md 3.2): the fixpoints and packages on the graph's needs
// edges.
#include "analysis/conditions.h"

#include <algorithm>
#include <cstdint>

#include <boost/graph/incremental_components.hpp>
#include <boost/pending/disjoint_sets.hpp>
#include <boost/property_map/property_map.hpp>

#include "analysis/fixpoint.h"

namespace entente::detail {
namespace {

// Whether an audience party's answer keeps a position from agreement whatever its conditions
// do: silence, a plain non-agreeing stance, a condition that names nothing.
bool rules_out(const Graph& g, const AudienceEntry& entry) {
  const std::optional<GraphEdge> e = stance_edge(entry);
  if (!e) return true;  // silence is never agreement
  const EdgeProps& s = g[*e];
  if (s.relation == Relation::agree) return false;
  return !s.conditional || s.never_met;
}

// Party vertices are never agreed; a position is ruled out by any audience answer that
// rules it out.
std::vector<char> ruled_out_positions(const Graph& g) {
  std::vector<char> out(boost::num_vertices(g), 1);
  for (PositionId t = 0; t < position_count(g); ++t) {
    const auto entries = audience(g, t);
    out[t] = std::any_of(entries.begin(), entries.end(),
                         [&](const AudienceEntry& e) { return rules_out(g, e); });
  }
  return out;
}

// The needs edges between two package members.
struct WithinPackages {
  const Graph* g = nullptr;
  const std::vector<char>* in_package = nullptr;
  bool operator()(GraphEdge e) const {
    return (*g)[e].relation == Relation::needs && (*in_package)[boost::source(e, *g)] &&
           (*in_package)[boost::target(e, *g)];
  }
};

}  // namespace

Fixpoints solve_conditions(const Graph& g) {
  const std::vector<char> ruled_out = ruled_out_positions(g);
  const NeedsView needs = needs_view(g);
  Fixpoints out{least_fixpoint(needs, ruled_out), greatest_fixpoint(needs, ruled_out)};
  for (std::size_t t = 0; t < out.agreed.size(); ++t) {
    if (out.agreed[t]) out.in_package[t] = 0;
  }
  return out;
}

std::vector<std::vector<PositionId>> group_packages(const Graph& g,
                                                    const std::vector<char>& in_package) {
  const boost::filtered_graph<Graph, WithinPackages> links(g, WithinPackages{&g, &in_package});
  const std::size_t n = boost::num_vertices(g);
  std::vector<std::uint32_t> rank(n), parent(n);
  using Map = boost::iterator_property_map<std::vector<std::uint32_t>::iterator,
                                           boost::typed_identity_property_map<std::uint32_t>>;
  boost::disjoint_sets<Map, Map> sets(Map(rank.begin()), Map(parent.begin()));
  boost::initialize_incremental_components(links, sets);
  boost::incremental_components(links, sets);
  // Ranks are not read once the sets are made: each root's entry becomes its group's index
  // (a list per vertex would be 24 bytes a position, nearly all of them empty).
  std::vector<std::uint32_t>& group_of = rank;
  std::fill(group_of.begin(), group_of.end(), k_none);
  std::vector<std::vector<PositionId>> groups;
  for (PositionId t = 0; t < position_count(g); ++t) {
    if (!in_package[t]) continue;
    const std::uint32_t root = sets.find_set(t);
    if (group_of[root] == k_none) {
      group_of[root] = static_cast<std::uint32_t>(groups.size());
      groups.emplace_back();
    }
    groups[group_of[root]].push_back(t);
  }
  const auto by_ref = [&](PositionId a, PositionId b) { return ref_less(g, a, b); };
  for (auto& group : groups) std::sort(group.begin(), group.end(), by_ref);
  std::sort(groups.begin(), groups.end(),
            [&](const auto& a, const auto& b) { return by_ref(a.front(), b.front()); });
  return groups;
}

}  // namespace entente::detail
