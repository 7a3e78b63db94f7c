#include "entente/position_graph.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>

#include <boost/range/iterator_range.hpp>

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

void add_positions(const Scenario& s, const Resolution& r, PositionGraph::Impl& g,
                   std::vector<PendingEdge>& edges) {
  for (PositionId i = 0; i < s.positions.size(); ++i) {
    const Position& p = s.positions[i];
    const PartyId holder = named(r.holder[i]);
    g.positions.push_back({p.ref(), holder, named(r.issue[i]), p.priority, p.red_line});
    edges.push_back({static_cast<std::uint32_t>(g.vertex_of_party(holder)),
                     static_cast<std::uint32_t>(g.vertex_of_position(i)),
                     {Relation::holds, k_no_stance}});
    if (p.to.empty()) {
      for (PartyId q = 0; q < s.parties.size(); ++q) {
        if (q != holder) g.audiences.push({q, k_no_stance});
      }
    } else {
      for (const std::uint32_t q : r.audience[i]) g.audiences.push({named(q), k_no_stance});
    }
    g.audiences.end_list();
    const std::span<AudienceEntry> audience = g.audiences[i];
    std::sort(audience.begin(), audience.end(), [&](const AudienceEntry& a, const AudienceEntry& b) {
      return g.party_rank[a.party] < g.party_rank[b.party];
    });
  }
}

Relation relation_of(Stance s) {
  switch (s) {
    case Stance::agree: return Relation::agree;
    case Stance::reject: return Relation::reject;
    case Stance::consider: return Relation::consider;
  }
  return Relation::consider;
}

void add_stances(const Scenario& s, const Resolution& r, PositionGraph::Impl& g,
                 std::vector<PendingEdge>& edges) {
  g.stances.resize(s.stances.size());
  for (std::size_t d = 0; d < s.stances.size(); ++d) {
    detail::StanceInfo& info = g.stances[d];
    info.party = named(r.taker[d]);
    info.target = named(r.target[d]);
    info.value = s.stances[d].stance;
    if (s.stances[d].via) info.via = named(r.via[d]);
    info.conditions.reserve(r.conditions[d].size());
    for (const std::uint32_t condition : r.conditions[d]) {
      // A condition on a withdrawn position stays, and can never be met.
      info.conditions.push_back(condition == Resolution::k_none ? std::nullopt
                                                                : std::optional(condition));
    }
    info.decl = d;
  }
  for (std::uint32_t index = 0; index < g.stances.size(); ++index) {
    detail::StanceInfo& info = g.stances[index];
    for (AudienceEntry& entry : g.audiences[info.target]) {
      if (entry.party == info.party) {
        entry.stance = index;
        info.in_audience = true;
      }
    }
    const std::size_t from =
        info.via ? g.vertex_of_position(*info.via) : g.vertex_of_party(info.party);
    edges.push_back({static_cast<std::uint32_t>(from),
                     static_cast<std::uint32_t>(g.vertex_of_position(info.target)),
                     {relation_of(info.value), index}});
  }
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
  std::size_t audience_size = 0;
  for (const Position& p : s.positions) {
    audience_size += !p.to.empty() ? p.to.size() : s.parties.empty() ? 0 : s.parties.size() - 1;
  }
  g->audiences.reserve(s.positions.size(), audience_size);
  g->positions.reserve(s.positions.size());
  std::vector<PendingEdge> edges;
  edges.reserve(s.positions.size() + s.stances.size());
  add_positions(s, r, *g, edges);
  add_stances(s, r, *g, edges);
  // By source vertex, and in the order added within one (the order edges() promises).
  std::stable_sort(edges.begin(), edges.end(),
                   [](const PendingEdge& a, const PendingEdge& b) { return a.from < b.from; });
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
