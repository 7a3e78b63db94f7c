// The deals' data from the graph, and one deal judged by docs/format.md 8.1-8.2.
#include "deals/problem.h"

#include <algorithm>
#include <numeric>

#include "entente/concede.h"

namespace entente::detail {

int DealProblem::loss_cost(PositionId v, bool doubled) const {
  if (red_line[v]) return k_red_line_cost;
  return priority[v] * (doubled ? k_reject_factor : 1);
}

DealProblem build_deal_problem(const Graph& g, const Scenario& s, const DealRules& rules) {
  const GraphProps& props = graph_props(g);
  const std::uint32_t n = position_count(g);
  DealProblem out;
  out.parties = party_count(g);
  out.allow_red_lines = rules.allow_red_lines;
  out.party_order.resize(out.parties);
  std::iota(out.party_order.begin(), out.party_order.end(), PartyId{0});
  std::sort(out.party_order.begin(), out.party_order.end(), [&](PartyId a, PartyId b) {
    return g[party_vertex(g, a)].id.view() < g[party_vertex(g, b)].id.view();
  });
  out.holder.resize(n);
  out.gain.resize(n);
  out.priority.resize(n);
  out.red_line.resize(n);
  out.alternatives_of.assign(n, k_none);
  out.needs_of.resize(n);
  out.via_users.resize(n);
  std::vector<std::uint32_t> group_of_issue(props.issues, k_none);
  for (PositionId t = 0; t < n; ++t) {
    const VertexProps& v = g[t];
    out.holder[t] = v.holder;
    out.priority[t] = v.priority;
    out.red_line[t] = v.red_line ? 1 : 0;
    // A demand gains its holder its priority, but for a status quo, which changes nothing
    // (7.3), and a concession, which no file prices for anyone (8.2).
    const bool demand = s.positions[t].kind == PositionKind::demand;
    const bool status_quo = props.status_quo[v.issue] == t;
    out.gain[t] = demand && !status_quo && v.holder < out.parties ? v.priority : 0;
    if (props.exclusive[v.issue]) {
      std::uint32_t& group = group_of_issue[v.issue];
      if (group == k_none) {
        group = static_cast<std::uint32_t>(out.alternatives.size());
        out.alternatives.emplace_back();
      }
      out.alternatives[group].push_back(t);
      out.alternatives_of[t] = group;
    }
    for (const AudienceEntry& entry : audience(g, t)) {
      const std::optional<GraphEdge> stance = stance_edge(entry);
      if (stance && g[*stance].relation == Relation::agree) continue;  // supports it always
      Need need{.position = t, .party = entry.party};
      if (stance) {
        const EdgeProps& e = g[*stance];
        need.from = e.relation == Relation::reject ? Stance::reject : Stance::consider;
        need.via = via_of(g, *stance);
        need.conditional = e.conditional;
        if (e.conditional && !e.never_met) {
          std::vector<PositionId> conditions;
          for_each_condition(g, *stance, [&](GraphVertex c) { conditions.push_back(c); });
          need.conditions = std::move(conditions);
        }
        need.cost = need.via ? 0 : e.priority * (need.reverses_reject() ? k_reject_factor : 1);
      } else {
        need.cost = 1;  // from silence
      }
      need.outside_by = entry.party >= rules.may_move.size() || !rules.may_move[entry.party];
      need.binds = need.conditional && rules.binding;
      out.needs_of[t].push_back(out.needs.size());
      if (need.via) out.via_users[*need.via].push_back(out.needs.size());
      out.needs.push_back(std::move(need));
    }
  }
  return out;
}

bool Evaluation::acceptable() const {
  return feasible() && std::all_of(gains.begin(), gains.end(), [](int g) { return g >= 0; });
}

Evaluation evaluate(const DealProblem& problem, const std::vector<char>& in) {
  const std::size_t n = problem.holder.size();
  Evaluation e;
  e.met.assign(problem.needs.size(), 0);
  e.lost.assign(n, 0);
  e.superseded.assign(n, 0);
  e.doubled.assign(n, 0);
  e.gains.assign(problem.parties, 0);
  const auto charge = [&](PartyId p, int amount) {
    if (p < problem.parties) e.gains[p] += amount;
  };
  for (const std::vector<PositionId>& group : problem.alternatives) {
    std::optional<PositionId> held;
    for (const PositionId t : group) {
      if (!in[t]) continue;
      if (held) {
        e.violations.push_back(
            {.kind = Violation::two_alternatives, .position = *held, .other = t});
      } else {
        held = t;
      }
    }
    if (!held) continue;
    for (const PositionId t : group) {
      if (!in[t]) e.lost[t] = e.superseded[t] = 1;
    }
  }
  for (std::size_t k = 0; k < problem.needs.size(); ++k) {
    const Need& need = problem.needs[k];
    if (!in[need.position]) continue;
    if (need.conditions && std::all_of(need.conditions->begin(), need.conditions->end(),
                                       [&](PositionId c) { return in[c] != 0; })) {
      e.met[k] = 1;
      continue;
    }
    e.moves.push_back(k);
    if (need.outside_by) e.violations.push_back({.kind = Violation::move_not_allowed, .need = k});
    if (need.binds) e.violations.push_back({.kind = Violation::move_binding, .need = k});
    if (need.via) {
      if (in[*need.via]) {
        e.violations.push_back({.kind = Violation::via_in_deal, .need = k});
      } else {
        e.lost[*need.via] = 1;
        if (need.reverses_reject()) e.doubled[*need.via] = 1;
      }
    } else {
      charge(need.party, -need.cost);
    }
  }
  for (PositionId t = 0; t < n; ++t) {
    if (in[t]) charge(problem.holder[t], problem.gain[t]);
    if (!e.lost[t]) continue;
    charge(problem.holder[t], -problem.loss_cost(t, e.doubled[t] != 0));
    if (problem.red_line[t] && !problem.allow_red_lines) {
      e.violations.push_back({.kind = Violation::red_line_lost, .position = t});
    }
  }
  return e;
}

}  // namespace entente::detail
