// The cost model of docs/concede.md, and the part of the scenario a target depends on.
#include "concede/problem.h"

#include <algorithm>

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/two_bit_color_map.hpp>

#include "analysis/fixpoint.h"

namespace entente::detail {
namespace {

// Records the vertices in the order a search discovers them.
struct DiscoveryOrder : boost::default_bfs_visitor {
  std::vector<PositionId>* order = nullptr;
  template <class G>
  void discover_vertex(GraphVertex v, const G&) const {
    order->push_back(v);
  }
};

// The targets, then every position they need, breadth first along the needs edges. Only
// these can change whether a target is agreed.
std::vector<PositionId> depended_on(const Graph& g, std::span<const PositionId> targets) {
  std::vector<PositionId> order;
  boost::two_bit_color_map<> color(boost::num_vertices(g));
  boost::queue<GraphVertex> queue;
  boost::breadth_first_visit(needs_view(g), targets.begin(), targets.end(), queue,
                             DiscoveryOrder{{}, &order}, color);
  return order;
}

// Agreeing gives up what the current stance stands on: its `via` position (priority, or a
// red line), or nothing in particular (1) when it has no via or the party was silent.
CandidateMove agree_move(const Graph& g, PartyId party, std::size_t local,
                         std::optional<GraphEdge> stance) {
  CandidateMove m{.kind = MoveKind::agree, .party = party, .position = local};
  if (stance) {
    m.was = g[*stance].relation == Relation::reject ? Stance::reject : Stance::consider;
    m.via = via_of(g, *stance);
  }
  if (m.was == Stance::reject) m.factor = k_reject_factor;
  if (m.via) {
    m.basis = g[*m.via].priority;
    m.red_line = g[*m.via].red_line;
  }
  m.cost = m.red_line ? k_red_line_cost : m.basis * m.factor;
  return m;
}

// Withdrawing gives up the position itself.
CandidateMove withdraw_move(const Graph& g, PositionId p, std::size_t local) {
  CandidateMove m{.kind = MoveKind::withdraw, .party = g[p].holder, .position = local};
  m.basis = g[p].priority;
  m.red_line = g[p].red_line;
  m.cost = m.red_line ? k_red_line_cost : m.basis;
  return m;
}

class ProblemBuilder {
 public:
  ProblemBuilder(const Graph& g, const MoveRules& rules) : g_(g), rules_(rules) {}

  Problem build(std::span<const PositionId> targets, bool issue_target) {
    problem_.positions = depended_on(g_, targets);
    problem_.issue_target = issue_target;
    const std::size_t n = problem_.positions.size();
    local_.assign(position_count(g_), 0);
    for (std::size_t i = 0; i < n; ++i) local_[problem_.positions[i]] = i;
    problem_.requirements.resize(n);
    problem_.withdraw.resize(n);
    for (std::size_t i = 0; i < targets.size(); ++i) {
      problem_.targets.push_back(i);
      // Withdrawing a position only ever removes it from the agreed set, so it helps only
      // where it meets the target by itself: on an issue target's own positions.
      if (issue_target) problem_.withdraw[i] = allow(withdraw_move(g_, targets[i], i));
    }
    for (std::size_t i = 0; i < n; ++i) add_requirements(i);
    return std::move(problem_);
  }

 private:
  std::optional<std::size_t> allow(const CandidateMove& m) {
    // A holder left out by a focus (6.2) is no party of the talks: it makes no move.
    if (m.party >= rules_.may_move.size() || !rules_.may_move[m.party] ||
        (m.red_line && !rules_.allow_red_lines)) {
      return {};
    }
    problem_.moves.push_back(m);
    return problem_.moves.size() - 1;
  }

  void add_requirements(std::size_t local) {
    for (const AudienceEntry& entry : audience(g_, problem_.positions[local])) {
      const std::optional<GraphEdge> s = stance_edge(entry);
      if (s && g_[*s].relation == Relation::agree) continue;  // met whatever happens
      Requirement r{.move = allow(agree_move(g_, entry.party, local, s))};
      if (s) r.stance = g_[*s].stance;
      if (s && g_[*s].conditional) r.conditions = local_conditions(*s);
      problem_.requirements[local].push_back(std::move(r));
    }
  }

  [[nodiscard]] std::optional<std::vector<std::size_t>> local_conditions(GraphEdge s) const {
    if (g_[s].never_met) return std::nullopt;  // can never be met
    std::vector<std::size_t> out;
    for_each_condition(g_, s, [&](GraphVertex r) { out.push_back(local_[r]); });
    return out;
  }

  const Graph& g_;
  const MoveRules& rules_;
  Problem problem_{};
  std::vector<std::size_t> local_{};
};

// The needs edges of the stances whose requirement no chosen move has met.
struct StillNeeded {
  const Graph* g = nullptr;
  const std::vector<char>* met = nullptr;  ///< by stance index
  bool operator()(GraphEdge e) const {
    return (*g)[e].relation == Relation::needs && !(*met)[(*g)[e].stance];
  }
};

}  // namespace

Problem build_problem(const Graph& g, std::span<const PositionId> targets, bool issue_target,
                      const MoveRules& rules) {
  return ProblemBuilder(g, rules).build(targets, issue_target);
}

std::vector<char> agreed_after(const Graph& g, const Problem& problem,
                               const std::vector<char>& chosen) {
  // Outside the problem nothing matters: no needs edge leads out of it.
  std::vector<char> ruled_out(boost::num_vertices(g), 1);
  std::vector<char> met(graph_props(g).stances, 0);
  for (std::size_t p = 0; p < problem.positions.size(); ++p) {
    const PositionId t = problem.positions[p];
    ruled_out[t] = problem.withdraw[p] && chosen[*problem.withdraw[p]];
    for (const Requirement& r : problem.requirements[p]) {
      if (r.move && chosen[*r.move]) {
        if (r.stance != k_none) met[r.stance] = 1;
      } else if (!r.conditions) {
        ruled_out[t] = 1;
      }
    }
  }
  const boost::filtered_graph<Graph, StillNeeded> needs(g, StillNeeded{&g, &met});
  const std::vector<char> in = greatest_fixpoint(needs, ruled_out);
  std::vector<char> out(problem.positions.size());
  for (std::size_t p = 0; p < out.size(); ++p) out[p] = in[problem.positions[p]];
  return out;
}

bool meets_target(const Graph& g, const Problem& problem, const std::vector<char>& chosen) {
  const std::vector<char> in = agreed_after(g, problem, chosen);
  return std::all_of(problem.targets.begin(), problem.targets.end(), [&](std::size_t t) {
    const auto& w = problem.withdraw[t];
    return in[t] || (problem.issue_target && w && chosen[*w]);
  });
}

}  // namespace entente::detail
