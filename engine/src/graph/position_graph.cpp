#include "entente/position_graph.h"

#include <algorithm>
#include <cassert>
#include <numeric>
#include <utility>

#include "support/parallel.h"
#include "entente/resolution.h"
#include "graph/graph.h"

namespace entente {

struct PositionGraph::Impl {
  detail::Graph graph{};
};

namespace detail {

class GraphAccess {
 public:
  static const Graph& of(const PositionGraph& g) { return g.impl_->graph; }
};

const Graph& graph_of(const PositionGraph& graph) { return GraphAccess::of(graph); }

std::string vertex_name(const Graph& g, GraphVertex v) {
  if (!is_position(g, v)) return g[v].id.str();
  return join_ref(g[party_vertex(g, g[v].holder)].id, g[v].id);
}

bool ref_less(const Graph& g, PositionId a, PositionId b) {
  const VertexProps& x = g[a];
  const VertexProps& y = g[b];
  if (x.holder == y.holder) return x.id < y.id;
  const std::string_view px = g[party_vertex(g, x.holder)].id;
  const std::string_view py = g[party_vertex(g, y.holder)].id;
  const std::size_t common = std::min(px.size(), py.size());
  if (const int c = px.substr(0, common).compare(py.substr(0, common)); c != 0) return c < 0;
  // One holder's id begins the other's: what follows it, '/' or more of the id, decides.
  return vertex_name(g, a) < vertex_name(g, b);
}

std::vector<PositionId> positions_by_ref(const Graph& g) {
  std::vector<PositionId> out(position_count(g));
  std::iota(out.begin(), out.end(), PositionId{0});
  // Files usually list positions in ref order already: checked in one pass before sorting.
  const auto less = [&](PositionId x, PositionId y) { return ref_less(g, x, y); };
  if (!std::is_sorted(out.begin(), out.end(), less)) std::sort(out.begin(), out.end(), less);
  return out;
}

}  // namespace detail

namespace {

using detail::AudienceEntry;
using detail::EdgeProps;
using detail::k_none;
using detail::Relation;

// The edges of the graph to be, made from all of them at once (a compressed graph never
// changes once built).
struct PendingEdges {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> ends{};
  std::vector<EdgeProps> props{};

  void resize(std::size_t n) {
    ends.resize(n);
    props.resize(n);
  }
  void reserve(std::size_t n) {
    ends.reserve(n);
    props.reserve(n);
  }
  void set(std::size_t i, std::uint32_t from, std::uint32_t to, EdgeProps p) {
    ends[i] = {from, to};
    props[i] = p;
  }
};

// An index of the resolution, which must name something: the graph is made of a validated
// scenario only (a precondition of build(), not bad input).
std::uint32_t named(std::uint32_t index) {
  assert(index != Resolution::k_none && "PositionGraph::build: the scenario must pass validate()");
  return index;
}

Relation relation_of(Stance s) {
  switch (s) {
    case Stance::agree:
      return Relation::agree;
    case Stance::reject:
      return Relation::reject;
    case Stance::consider:
      return Relation::consider;
  }
  return Relation::consider;
}

class Builder {
 public:
  Builder(const Scenario& s, const Resolution& r)
      : s_(s), r_(r), positions_(static_cast<std::uint32_t>(s.positions.size())) {}

  detail::Graph build() {
    rank_parties();
    audiences_.assign_sizes(s_.positions.size(), [&](std::size_t i) {
      if (!s_.positions[i].to.empty()) return s_.positions[i].to.size();
      // Every party but the holder; all of them when it is an outsider (a focus's, 6.2).
      return s_.parties.size() - (named(r_.holder[i]) < s_.parties.size() ? 1 : 0);
    });
    edges_.resize(s_.positions.size() + s_.stances.size());
    // Each position and each stance is made from its own entries: two threads on a large
    // scenario.
    for_two_halves(s_.positions.size(), k_worth_a_second_thread,
                   [&](std::size_t begin, std::size_t end) {
                     for (std::size_t i = begin; i < end; ++i) add_position(i);
                   });
    for_two_halves(s_.stances.size(), k_worth_a_second_thread,
                   [&](std::size_t begin, std::size_t end) {
                     for (std::size_t d = begin; d < end; ++d) add_stance(d);
                   });
    enter_stances();
    add_needs_edges();
    return make_graph();
  }

 private:
  void rank_parties() {
    std::vector<PartyId> order(s_.parties.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](PartyId a, PartyId b) { return s_.parties[a].id < s_.parties[b].id; });
    party_rank_.resize(order.size());
    for (std::uint32_t rank = 0; rank < order.size(); ++rank) party_rank_[order[rank]] = rank;
  }

  // Position i's holds edge (edges_[i]) and its audience, sorted by party id.
  void add_position(std::size_t i) {
    const Position& p = s_.positions[i];
    const PartyId holder = named(r_.holder[i]);
    edges_.set(i, positions_ + holder, static_cast<std::uint32_t>(i), {});
    const std::span<AudienceEntry> audience = audiences_[i];
    std::size_t k = 0;
    if (p.to.empty()) {
      for (PartyId q = 0; q < s_.parties.size(); ++q) {
        if (q != holder) audience[k++] = {q};
      }
    } else {
      for (const std::uint32_t q : r_.audience[i]) audience[k++] = {named(q)};
    }
    std::sort(audience.begin(), audience.end(),
              [&](const AudienceEntry& a, const AudienceEntry& b) {
                return party_rank_[a.party] < party_rank_[b.party];
              });
  }

  // Stance d's edge (edges_[positions + d]); its audience flags come in enter_stances().
  void add_stance(std::size_t d) {
    const std::uint32_t party = named(r_.taker[d]);
    const std::uint32_t via = s_.stances[d].via ? named(r_.via[d]) : k_none;
    edges_.set(s_.positions.size() + d, via != k_none ? via : positions_ + party,
               named(r_.target[d]),
               {.relation = relation_of(s_.stances[d].stance),
                .priority = s_.stances[d].priority,
                .stance = static_cast<std::uint32_t>(d)});
  }

  // Each stance into its party's entry of its position's audience, in stance order (one
  // thread: a second stance of one party on one position, which validate() refuses, would
  // have two threads write one entry). A stance counts only there (3.1), and is conditional
  // only where it counts (3.2).
  void enter_stances() {
    for (std::uint32_t d = 0; d < s_.stances.size(); ++d) {
      for (AudienceEntry& entry : audiences_[r_.target[d]]) {
        if (entry.party != r_.taker[d]) continue;
        entry.edge = d;  // the stance's number until the graph gives it an edge index
        entry.from = 0;
        EdgeProps& props = edges_.props[s_.positions.size() + d];
        props.in_audience = true;
        const auto conditions = r_.conditions[d];
        props.conditional = props.relation != Relation::agree && !conditions.empty();
        props.never_met = props.conditional && std::find(conditions.begin(), conditions.end(),
                                                         Resolution::k_none) != conditions.end();
      }
    }
  }

  // A needs edge per named condition of each conditional stance, position by position in
  // audience order (the order for_each_condition() and the searches rely on). Counted first,
  // so that the pending edges grow once, to their size.
  void add_needs_edges() {
    std::size_t needs = 0;
    for_each_needs_edge([&](PositionId, std::uint32_t, std::uint32_t) { ++needs; });
    edges_.reserve(edges_.ends.size() + needs);
    for_each_needs_edge([&](PositionId t, std::uint32_t condition, std::uint32_t d) {
      edges_.ends.emplace_back(t, condition);
      edges_.props.push_back({.relation = Relation::needs, .stance = d});
    });
  }

  template <class F>
  void for_each_needs_edge(F f) const {
    for (PositionId t = 0; t < positions_; ++t) {
      for (const AudienceEntry& entry : audiences_[t]) {
        if (entry.from == k_none) continue;
        const std::uint32_t d = entry.edge;
        if (!edges_.props[s_.positions.size() + d].conditional) continue;
        for (const std::uint32_t condition : r_.conditions[d]) {
          if (condition != Resolution::k_none) f(t, condition, d);  // else never met: says so
        }
      }
    }
  }

  detail::Graph make_graph() {
    detail::GraphProps props{.positions = positions_,
                             .parties = static_cast<std::uint32_t>(s_.parties.size()),
                             .issues = static_cast<std::uint32_t>(s_.issues.size()),
                             .stances = static_cast<std::uint32_t>(s_.stances.size())};
    props.exclusive.reserve(s_.issues.size());
    for (const Issue& issue : s_.issues) props.exclusive.push_back(issue.exclusive);
    props.status_quo = r_.status_quo;
    // Outsiders (holders left out by a focus, 6.2) have vertices after the parties', for
    // their holds edges, and are counted among no parties.
    detail::Graph g(boost::edges_are_unsorted_multi_pass, edges_.ends.begin(), edges_.ends.end(),
                    edges_.props.begin(),
                    s_.positions.size() + s_.parties.size() + s_.outsiders.size(), props);
    edges_ = PendingEdges();  // frees them (`= {}` would keep the capacity)
    // The vertices' properties are written in place, once the graph has made them.
    for_two_halves(
        s_.positions.size(), k_worth_a_second_thread, [&](std::size_t begin, std::size_t end) {
          for (std::size_t i = begin; i < end; ++i) {
            const Position& p = s_.positions[i];
            g[i] = {p.id, named(r_.holder[i]), named(r_.issue[i]), p.priority, p.red_line};
          }
        });
    for (PartyId p = 0; p < s_.parties.size(); ++p) g[positions_ + p].id = s_.parties[p].id;
    for (std::size_t k = 0; k < s_.outsiders.size(); ++k) {
      g[positions_ + s_.parties.size() + k].id = s_.outsiders[k].id;
    }
    // Audience entries point at their stance's edge, known now that the graph is made.
    for (const detail::GraphEdge e : boost::make_iterator_range(boost::edges(g))) {
      if (!g[e].in_audience) continue;
      for (AudienceEntry& entry : audiences_[boost::target(e, g)]) {
        if (entry.party != r_.taker[g[e].stance]) continue;
        entry.from = static_cast<std::uint32_t>(boost::source(e, g));
        entry.edge = e.idx;
      }
    }
    boost::get_property(g, boost::graph_bundle).audiences = std::move(audiences_);
    return g;
  }

  const Scenario& s_;
  const Resolution& r_;
  std::uint32_t positions_ = 0;
  std::vector<std::uint32_t> party_rank_{};
  PendingEdges edges_{};
  FlatLists<AudienceEntry> audiences_{};
};

}  // namespace

PositionGraph PositionGraph::build(const Scenario& s) { return build(s, resolve(s)); }

PositionGraph PositionGraph::build(const Scenario& s, const Resolution& r) {
  if (!r.fits(s)) return build(s);
  auto impl = std::make_unique<Impl>();
  impl->graph = Builder(s, r).build();
  return PositionGraph(std::move(impl));
}

PositionGraph::PositionGraph(std::unique_ptr<const Impl> impl) : impl_(std::move(impl)) {}
PositionGraph::PositionGraph(PositionGraph&&) noexcept = default;
PositionGraph& PositionGraph::operator=(PositionGraph&&) noexcept = default;
PositionGraph::~PositionGraph() = default;

std::size_t PositionGraph::party_count() const { return detail::party_count(impl_->graph); }
std::size_t PositionGraph::position_count() const { return detail::position_count(impl_->graph); }

}  // namespace entente
