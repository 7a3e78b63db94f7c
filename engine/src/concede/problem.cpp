// The cost model of docs/concede.md, and the part of the scenario a target depends on.
#include "concede/problem.h"

#include <algorithm>
#include <utility>

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

class ProblemBuilder {
 public:
  ProblemBuilder(const Graph& g, const MoveRules& rules) : g_(g), rules_(rules) {}

  Problem build(std::span<const TargetSpec> targets) {
    // Each root once, in the order given (a position may be in two targets).
    std::vector<PositionId> roots;
    std::vector<char> rooted(position_count(g_), 0);
    for (const TargetSpec& t : targets) {
      for (const PositionId p : t.positions) {
        if (!std::exchange(rooted[p], 1)) roots.push_back(p);
      }
    }
    problem_.positions = depended_on(g_, roots);
    const std::size_t n = problem_.positions.size();
    local_.assign(position_count(g_), 0);
    for (std::size_t i = 0; i < n; ++i) local_[problem_.positions[i]] = i;
    problem_.requirements.resize(n);
    problem_.withdraw.resize(n);
    give_up_of_.assign(position_count(g_), k_none);
    for (const TargetSpec& t : targets) {
      TargetGroup group{.kind = t.kind};
      for (const PositionId p : t.positions) {
        group.members.push_back(local_[p]);
        // Withdrawing a position only ever removes it from the agreed set, so it helps only
        // where it meets a target by itself: on an issue target's own positions.
        if (t.kind != TargetKind::position && !problem_.withdraw[local_[p]]) {
          problem_.withdraw[local_[p]] = allow(withdraw_move(p, local_[p]));
        }
      }
      if (t.status_quo) group.status_quo = local_[*t.status_quo];
      problem_.targets.push_back(std::move(group));
    }
    for (std::size_t i = 0; i < n; ++i) add_requirements(i);
    return std::move(problem_);
  }

 private:
  // The entry of `position` (the holder's own) in Problem::give_ups, made on first use.
  std::size_t give_up(PositionId position) {
    if (give_up_of_[position] == k_none) {
      give_up_of_[position] = static_cast<std::uint32_t>(problem_.give_ups.size());
      problem_.give_ups.push_back({.position = position,
                                   .party = g_[position].holder,
                                   .priority = g_[position].priority,
                                   .red_line = g_[position].red_line});
    }
    return give_up_of_[position];
  }

  // Agreeing gives up what the current stance stands on, its `via` position (priced by the
  // plan, once), or nothing in particular: then the move costs the stance's own priority (1
  // from silence), doubled for a reject.
  CandidateMove agree(PartyId party, std::size_t local, std::optional<GraphEdge> stance) {
    CandidateMove m{.kind = MoveKind::agree, .party = party, .position = local};
    if (stance) {
      m.was = g_[*stance].relation == Relation::reject ? Stance::reject : Stance::consider;
      m.via = via_of(g_, *stance);
      m.basis = g_[*stance].priority;
    }
    if (m.was == Stance::reject) m.factor = k_reject_factor;
    if (m.via) {
      m.red_line = g_[*m.via].red_line;
      m.basis = g_[*m.via].priority;
      m.cost = 0;  // the plan pays for the via, once
    } else {
      m.cost = m.basis * m.factor;
    }
    return m;
  }

  // Withdrawing gives up the position itself.
  CandidateMove withdraw_move(PositionId p, std::size_t local) {
    return {.kind = MoveKind::withdraw,
            .party = g_[p].holder,
            .position = local,
            .basis = g_[p].priority,
            .red_line = g_[p].red_line,
            .cost = 0};
  }

  std::optional<std::size_t> allow(CandidateMove m) {
    // A holder left out by a focus (6.2) is no party of the talks: it makes no move.
    if (m.party >= rules_.may_move.size() || !rules_.may_move[m.party] ||
        (m.red_line && !rules_.allow_red_lines)) {
      return {};
    }
    if (m.kind == MoveKind::withdraw) {
      m.gives_up = give_up(problem_.positions[m.position]);
    } else if (m.via) {
      m.gives_up = give_up(*m.via);
    }
    problem_.moves.push_back(m);
    return problem_.moves.size() - 1;
  }

  void add_requirements(std::size_t local) {
    for (const AudienceEntry& entry : audience(g_, problem_.positions[local])) {
      const std::optional<GraphEdge> s = stance_edge(entry);
      if (s && g_[*s].relation == Relation::agree) continue;  // met whatever happens
      const bool conditional = s && g_[*s].conditional;
      Requirement r;
      // --binding: a conditional stance agrees through its conditions only.
      if (!(conditional && rules_.binding)) r.move = allow(agree(entry.party, local, s));
      if (s) r.stance = g_[*s].stance;
      if (conditional) r.conditions = local_conditions(*s);
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
  std::vector<std::uint32_t> give_up_of_{};  ///< by position: its Problem::give_ups entry
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

Problem build_problem(const Graph& g, std::span<const TargetSpec> targets, const MoveRules& rules) {
  return ProblemBuilder(g, rules).build(targets);
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

bool group_met(const TargetGroup& group, const std::vector<char>& in,
               const std::vector<char>& withdrawn) {
  const auto settled = [&](std::size_t m) { return in[m] || withdrawn[m]; };
  switch (group.kind) {
    case TargetKind::position:
      return std::all_of(group.members.begin(), group.members.end(),
                         [&](std::size_t m) { return in[m] != 0; });
    case TargetKind::issue:
      return std::all_of(group.members.begin(), group.members.end(), settled);
    case TargetKind::exclusive_issue:
      break;
  }
  // One alternative agreed and every other withdrawn or outside; or the status quo standing,
  // every other alternative withdrawn.
  const auto agreed = std::count_if(group.members.begin(), group.members.end(),
                                    [&](std::size_t m) { return in[m] != 0; });
  if (agreed == 1) return true;
  const auto quo = group.status_quo;
  return quo && !withdrawn[*quo] &&
         std::all_of(group.members.begin(), group.members.end(),
                     [&](std::size_t m) { return m == *quo || withdrawn[m]; });
}

bool meets_targets(const Graph& g, const Problem& problem, const std::vector<char>& chosen) {
  const std::vector<char> in = agreed_after(g, problem, chosen);
  std::vector<char> withdrawn(problem.positions.size(), 0);
  for (std::size_t p = 0; p < withdrawn.size(); ++p) {
    withdrawn[p] = problem.withdraw[p] && chosen[*problem.withdraw[p]];
  }
  return std::all_of(problem.targets.begin(), problem.targets.end(),
                     [&](const TargetGroup& t) { return group_met(t, in, withdrawn); });
}

PlanCost plan_cost(const Problem& problem, const std::vector<char>& chosen) {
  PlanCost out{.given_up = std::vector<char>(problem.give_ups.size(), 0),
               .doubled = std::vector<char>(problem.give_ups.size(), 0)};
  for (std::size_t i = 0; i < chosen.size(); ++i) {
    if (!chosen[i]) continue;
    const CandidateMove& m = problem.moves[i];
    out.total += m.cost;
    if (!m.gives_up) continue;
    out.given_up[*m.gives_up] = 1;
    if (m.doubles()) out.doubled[*m.gives_up] = 1;
  }
  for (std::size_t u = 0; u < problem.give_ups.size(); ++u) {
    if (out.given_up[u]) out.total += problem.give_ups[u].price();
    if (out.doubled[u]) out.total += problem.give_ups[u].doubling();
  }
  return out;
}

}  // namespace entente::detail
