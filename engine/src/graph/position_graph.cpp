#include "entente/position_graph.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>

#include <boost/range/iterator_range.hpp>

#include "entente/parallel.h"
#include "entente/resolution.h"
#include "graph/bgl_graph.h"

namespace entente {
namespace {

using detail::AudienceEntry;
using detail::k_no_stance;

// An edge of the graph to be: the graph is made from all of them at once.
struct PendingEdge {
  std::uint32_t from = 0;
  std::uint32_t to = 0;
  detail::EdgeProps props{};
};

// An index of the resolution, which must name something: the graph is made of a validated
// scenario only.
std::uint32_t named(std::uint32_t index) {
  if (index == Resolution::k_none) {
    throw std::invalid_argument("PositionGraph::build: the scenario has not passed validate()");
  }
  return index;
}

// Position i's entry, its holds edge (edges[i]) and its audience, sorted by party id; the
// lists must have their sizes (g.audiences.assign_sizes).
void add_position(const Scenario& s, const Resolution& r, PositionGraph::Impl& g,
                  std::vector<PendingEdge>& edges, PositionId i) {
  const Position& p = s.positions[i];
  const PartyId holder = named(r.holder[i]);
  g.positions[i] = {p.ref(), holder, named(r.issue[i]), p.priority, p.red_line};
  edges[i] = {static_cast<std::uint32_t>(g.vertex_of_party(holder)),
              static_cast<std::uint32_t>(g.vertex_of_position(i)),
              {Relation::holds, k_no_stance}};
  const std::span<AudienceEntry> audience = g.audiences[i];
  std::size_t k = 0;
  if (p.to.empty()) {
    for (PartyId q = 0; q < s.parties.size(); ++q) {
      if (q != holder) audience[k++] = {q, k_no_stance};
    }
  } else {
    for (const std::uint32_t q : r.audience[i]) audience[k++] = {named(q), k_no_stance};
  }
  std::sort(audience.begin(), audience.end(), [&](const AudienceEntry& a, const AudienceEntry& b) {
    return g.party_rank[a.party] < g.party_rank[b.party];
  });
}

Relation relation_of(Stance s) {
  switch (s) {
    case Stance::agree: return Relation::agree;
    case Stance::reject: return Relation::reject;
    case Stance::consider: return Relation::consider;
  }
  return Relation::consider;
}

// Stance d's entry and its edge (edges[positions + d]).
void add_stance(const Scenario& s, const Resolution& r, PositionGraph::Impl& g,
                std::vector<PendingEdge>& edges, std::uint32_t d) {
  detail::StanceInfo& info = g.stances[d];
  info.party = named(r.taker[d]);
  info.target = named(r.target[d]);
  info.value = s.stances[d].stance;
  if (s.stances[d].via) info.via = named(r.via[d]);
  info.decl = d;
  const std::size_t from =
      info.via ? g.vertex_of_position(*info.via) : g.vertex_of_party(info.party);
  edges[s.positions.size() + d] = {static_cast<std::uint32_t>(from),
                                   static_cast<std::uint32_t>(g.vertex_of_position(info.target)),
                                   {relation_of(info.value), d}};
}

// Each stance into its party's entry of its position's audience, in stance order (one
// thread: a second stance of one party on one position, which validate() refuses, would
// have the two threads write one entry).
void enter_stances(PositionGraph::Impl& g) {
  for (std::uint32_t d = 0; d < g.stances.size(); ++d) {
    detail::StanceInfo& info = g.stances[d];
    for (AudienceEntry& entry : g.audiences[info.target]) {
      if (entry.party == info.party) {
        entry.stance = d;
        info.in_audience = true;
      }
    }
  }
}

// By source vertex, and in the order given within one (the order edges() promises): a
// counting sort, linear in edges and vertices.
std::vector<PendingEdge> by_source(const std::vector<PendingEdge>& edges, std::size_t vertices) {
  std::vector<std::uint32_t> start(vertices + 1, 0);
  for (const PendingEdge& e : edges) ++start[e.from + 1];
  for (std::size_t v = 0; v < vertices; ++v) start[v + 1] += start[v];
  std::vector<PendingEdge> sorted(edges.size());
  for (const PendingEdge& e : edges) sorted[start[e.from]++] = e;
  return sorted;
}

}  // namespace

std::string_view to_string(Relation r) {
  switch (r) {
    case Relation::holds: return "holds";
    case Relation::agree: return "agree";
    case Relation::reject: return "reject";
    case Relation::consider: return "consider";
  }
  return "?";
}

PositionGraph PositionGraph::build(const Scenario& s) { return build(s, resolve(s)); }

PositionGraph PositionGraph::build(const Scenario& s, const Resolution& r) {
  if (!r.fits(s)) return build(s);
  auto g = std::make_unique<Impl>();
  for (const Party& p : s.parties) g->party_ids.push_back(p.id);
  std::vector<PartyId> order(s.parties.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](PartyId a, PartyId b) { return g->party_ids[a] < g->party_ids[b]; });
  g->party_rank.resize(order.size());
  for (std::uint32_t rank = 0; rank < order.size(); ++rank) g->party_rank[order[rank]] = rank;
  g->issue_count = s.issues.size();
  const std::size_t others = s.parties.empty() ? 0 : s.parties.size() - 1;
  g->audiences.assign_sizes(s.positions.size(), [&](std::size_t i) {
    return s.positions[i].to.empty() ? others : s.positions[i].to.size();
  });
  g->positions.resize(s.positions.size());
  g->stances.resize(s.stances.size());
  g->conditions = r.conditions;  // a condition on a withdrawn position stays, never met
  std::vector<PendingEdge> edges(s.positions.size() + s.stances.size());
  // Each position and each stance is made from its own entries: two threads on a large
  // scenario.
  for_two_halves(s.positions.size(), k_worth_a_second_thread,
                 [&](std::size_t begin, std::size_t end) {
                   for (std::size_t i = begin; i < end; ++i) {
                     add_position(s, r, *g, edges, static_cast<PositionId>(i));
                   }
                 });
  for_two_halves(s.stances.size(), k_worth_a_second_thread,
                 [&](std::size_t begin, std::size_t end) {
                   for (std::size_t d = begin; d < end; ++d) {
                     add_stance(s, r, *g, edges, static_cast<std::uint32_t>(d));
                   }
                 });
  enter_stances(*g);
  edges = by_source(edges, s.parties.size() + s.positions.size());
  std::vector<std::pair<std::uint32_t, std::uint32_t>> ends;
  std::vector<detail::EdgeProps> props;
  ends.reserve(edges.size());
  props.reserve(edges.size());
  for (const PendingEdge& e : edges) {
    ends.emplace_back(e.from, e.to);
    props.push_back(e.props);
  }
  edges = std::vector<PendingEdge>();  // frees it (`= {}` would keep the capacity)
  g->graph = detail::BglGraph(boost::edges_are_sorted, ends.begin(), ends.end(), props.begin(),
                              s.parties.size() + s.positions.size());
  for (PartyId p = 0; p < s.parties.size(); ++p) {
    g->graph[g->vertex_of_party(p)].vertex = {Vertex::Kind::party, p};
  }
  for (PositionId p = 0; p < s.positions.size(); ++p) {
    g->graph[g->vertex_of_position(p)].vertex = {Vertex::Kind::position, p};
  }
  return PositionGraph(std::move(g));
}

PositionGraph::PositionGraph(std::unique_ptr<const Impl> impl) : impl_(std::move(impl)) {}
PositionGraph::PositionGraph(PositionGraph&&) noexcept = default;
PositionGraph& PositionGraph::operator=(PositionGraph&&) noexcept = default;
PositionGraph::~PositionGraph() = default;

std::size_t PositionGraph::party_count() const { return impl_->party_ids.size(); }
std::size_t PositionGraph::position_count() const { return impl_->positions.size(); }

std::optional<PositionId> PositionGraph::find_position(std::string_view ref) const {
  for (PositionId i = 0; i < impl_->positions.size(); ++i) {
    if (impl_->positions[i].ref == ref) return i;
  }
  return std::nullopt;
}

std::vector<Edge> PositionGraph::edges() const {
  std::vector<Edge> out;
  const auto& graph = impl_->graph;
  for (const auto v : boost::make_iterator_range(boost::vertices(graph))) {
    for (const auto e : boost::make_iterator_range(boost::out_edges(v, graph))) {
      out.push_back({graph[v].vertex, graph[boost::target(e, graph)].vertex, graph[e].relation});
    }
  }
  return out;
}

}  // namespace entente
