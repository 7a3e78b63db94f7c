// `entente concede`: names to ids, the problem to the solver, and the solver's answer (or
// the reason there is none) back to refs.
#include "entente/concede.h"

#include <algorithm>
#include <cassert>
#include <map>
#include <span>
#include <stdexcept>
#include <tuple>
#include <utility>

#include <fmt/format.h>

#include "analysis/conditions.h"
#include "concede/problem.h"
#include "concede/solver.h"
#include "entente/position_graph.h"
#include "entente/resolution.h"
#include "model/find_position.h"
#include "support/spelling.h"

namespace entente {
namespace {

using detail::CandidateMove;
using detail::MoveRules;
using detail::Problem;

using detail::TargetKind;
using detail::TargetSpec;

struct Target {
  ConcedeTarget shown{};  ///< as the result names it
  TargetSpec spec{};
};

Expected<Target> resolve_position(const Scenario& s, std::string_view ref) {
  if (const auto i = detail::find_position(s, ref)) {
    const auto p = static_cast<PositionId>(*i);
    return Target{{.name = std::string(ref),
                   .text = s.positions[p].text.str(),
                   .positions = {std::string(ref)}},
                  {.kind = TargetKind::position, .positions = {p}}};
  }
  return tl::unexpected(
      std::vector{argument_error("targets", ref, detail::unknown_position(s, ref))});
}

Expected<Target> resolve_issue(const Scenario& s, const Resolution& r, std::string_view id) {
  std::vector<std::string> ids;
  for (const Issue& issue : s.issues) ids.push_back(issue.id);
  const auto it = std::find_if(s.issues.begin(), s.issues.end(),
                               [&](const Issue& issue) { return issue.id == id; });
  if (it == s.issues.end()) {
    return tl::unexpected(std::vector{argument_error(
        "targets", id, fmt::format("unknown issue '{}'{}", id, detail::did_you_mean(id, ids)))});
  }
  Target out{
      {.name = std::string(id), .issue = true, .exclusive = it->exclusive, .text = it->title},
      {.kind = it->exclusive ? TargetKind::exclusive_issue : TargetKind::issue}};
  std::vector<PositionId>& positions = out.spec.positions;
  for (PositionId i = 0; i < s.positions.size(); ++i) {
    if (s.positions[i].issue.id == id) positions.push_back(i);
  }
  if (positions.empty()) {
    return tl::unexpected(std::vector{argument_error(
        "targets", id, fmt::format("issue '{}' has no positions: nothing to agree on", id))});
  }
  std::sort(positions.begin(), positions.end(), [&](PositionId a, PositionId b) {
    return s.positions[a].ref() < s.positions[b].ref();
  });
  for (const PositionId p : positions) out.shown.positions.push_back(s.positions[p].ref());
  const std::uint32_t quo = r.status_quo[static_cast<std::size_t>(it - s.issues.begin())];
  if (it->exclusive && quo != Resolution::k_none) {
    out.spec.status_quo = quo;
    out.shown.status_quo = s.positions[quo].ref();
  }
  return out;
}

// Every target, each once (docs/concede.md): an issue id, or PARTY/POSITION.
Expected<std::vector<Target>> resolve_targets(const Scenario& s, const Resolution& r,
                                              std::span<const std::string> names) {
  std::vector<Target> out;
  std::vector<Diagnostic> errors;
  if (names.empty())
    errors.push_back(argument_error("targets", "", "no target: name a position or an issue"));
  for (std::size_t k = 0; k < names.size(); ++k) {
    const std::string& name = names[k];
    if (std::find(names.begin(), names.begin() + static_cast<std::ptrdiff_t>(k), name) !=
        names.begin() + static_cast<std::ptrdiff_t>(k)) {
      errors.push_back(
          argument_error("targets", name, fmt::format("'{}' is a target twice", name)));
      continue;
    }
    auto t =
        name.find('/') == std::string::npos ? resolve_issue(s, r, name) : resolve_position(s, name);
    if (t) {
      out.push_back(std::move(*t));
    } else {
      errors.insert(errors.end(), t.error().begin(), t.error().end());
    }
  }
  if (!errors.empty()) return tl::unexpected(std::move(errors));
  return out;
}

std::string party_name(const detail::Graph& g, PartyId p) {
  return g[detail::party_vertex(g, p)].id;
}

Move public_move(const detail::Graph& g, const Problem& problem, const CandidateMove& m) {
  return {.kind = m.kind,
          .party = party_name(g, m.party),
          .position = detail::vertex_name(g, problem.positions[m.position]),
          .was = m.was,
          .via = m.via ? detail::vertex_name(g, *m.via) : std::string(),
          .gives_up = m.gives_up ? detail::vertex_name(g, problem.give_ups[*m.gives_up].position)
                                 : std::string(),
          .basis = m.basis,
          .factor = m.factor,
          .red_line = m.red_line,
          .cost = m.cost};
}

auto move_key(const Move& m) { return std::tie(m.position, m.kind, m.party); }

// The chosen moves, checked against an independent evaluation of the fixpoint.
Plan public_plan(const detail::Graph& g, const Problem& problem, const std::vector<char>& chosen,
                 const std::vector<char>& agreed_before) {
  assert(detail::meets_targets(g, problem, chosen));
  Plan plan;
  std::map<std::string, int> paid;  // by party
  for (std::size_t i = 0; i < chosen.size(); ++i) {
    if (!chosen[i]) continue;
    plan.moves.push_back(public_move(g, problem, problem.moves[i]));
    paid[plan.moves.back().party] += plan.moves.back().cost;
  }
  std::sort(plan.moves.begin(), plan.moves.end(),
            [](const Move& a, const Move& b) { return move_key(a) < move_key(b); });
  const detail::PlanCost cost = detail::plan_cost(problem, chosen);
  plan.cost = cost.total;
  for (std::size_t u = 0; u < problem.give_ups.size(); ++u) {
    if (!cost.given_up[u]) continue;
    const detail::GiveUp& given = problem.give_ups[u];
    GivenUp shown{.party = party_name(g, given.party),
                  .position = detail::vertex_name(g, given.position),
                  .priority = given.priority,
                  .doubled = cost.doubled[u] != 0,
                  .red_line = given.red_line,
                  .cost = given.price() + (cost.doubled[u] ? given.doubling() : 0)};
    paid[shown.party] += shown.cost;
    plan.given_up.push_back(std::move(shown));
  }
  std::sort(plan.given_up.begin(), plan.given_up.end(),
            [](const GivenUp& a, const GivenUp& b) { return a.position < b.position; });
  for (const auto& [party, total] : paid) {
    if (total > 0) plan.by_party.push_back({party, total});
  }
  const std::vector<char> after = detail::agreed_after(g, problem, chosen);
  for (std::size_t p = 0; p < after.size(); ++p) {
    const PositionId id = problem.positions[p];
    if (after[p] && !agreed_before[id]) plan.agreed.push_back(detail::vertex_name(g, id));
  }
  std::sort(plan.agreed.begin(), plan.agreed.end());
  return plan;
}

class Conceder {
 public:
  Conceder(const detail::Graph& g, const std::vector<TargetSpec>& targets)
      : g_(g), targets_(targets), agreed_before_(detail::solve_conditions(g).agreed) {}

  // Every target met before any move: by the least fixpoint (what the report calls agreed).
  bool already_agreed() const {
    const Problem problem = detail::build_problem(g_, targets_, MoveRules{});
    std::vector<char> in(problem.positions.size());
    for (std::size_t p = 0; p < in.size(); ++p) in[p] = agreed_before_[problem.positions[p]];
    const std::vector<char> none(in.size(), 0);
    return std::all_of(
        problem.targets.begin(), problem.targets.end(),
        [&](const detail::TargetGroup& t) { return detail::group_met(t, in, none); });
  }

  // The plans under `rules` up to `within` above the optimum, by cost, then moves; empty when
  // there are none.
  std::pair<std::vector<Plan>, bool> plans(const MoveRules& rules, int top, int within) const {
    const Problem problem = detail::build_problem(g_, targets_, rules);
    const std::optional<detail::Solution> solution =
        detail::solve(problem, top, within, [&](const std::vector<char>& chosen) {
          return detail::meets_targets(g_, problem, chosen);
        });
    if (!solution) return {};
    std::vector<Plan> out;
    for (const auto& chosen : solution->plans) {
      out.push_back(public_plan(g_, problem, chosen, agreed_before_));
    }
    std::sort(out.begin(), out.end(), [](const Plan& a, const Plan& b) {
      if (a.cost != b.cost) return a.cost < b.cost;
      return std::lexicographical_compare(
          a.moves.begin(), a.moves.end(), b.moves.begin(), b.moves.end(),
          [](const Move& x, const Move& y) { return move_key(x) < move_key(y); });
    });
    return {std::move(out), solution->more_plans};
  }

  // Solves again with red lines allowed, then with every party allowed and no binding too:
  // the cheapest relaxed plan names what stands in the way. With every limit lifted a plan
  // exists unless the targets contradict each other (two alternatives of one exclusive issue
  // both required).
  Blocked why_blocked(const MoveRules& rules) const {
    MoveRules relaxed = rules;
    relaxed.allow_red_lines = true;
    std::vector<Plan> found = plans(relaxed, 1, 0).first;
    if (found.empty()) {
      relaxed.may_move.assign(relaxed.may_move.size(), 1);
      relaxed.binding = false;
      found = plans(relaxed, 1, 0).first;
    }
    if (found.empty()) return Blocked{.contradictory = true};
    Blocked out{.cost = found.front().cost};
    for (const Move& m : found.front().moves) {
      if (m.red_line && !rules.allow_red_lines) out.red_line_moves.push_back(m);
      if (!rules.may_move[party_of(m.party)]) {
        out.other_parties.push_back(m.party);
      }
    }
    std::sort(out.other_parties.begin(), out.other_parties.end());
    out.other_parties.erase(std::unique(out.other_parties.begin(), out.other_parties.end()),
                            out.other_parties.end());
    return out;
  }

 private:
  PartyId party_of(std::string_view id) const {
    PartyId p = 0;
    while (g_[detail::party_vertex(g_, p)].id != id) ++p;
    return p;
  }

  const detail::Graph& g_;
  const std::vector<TargetSpec>& targets_;
  std::vector<char> agreed_before_;
};

ConcedeResult result_header(const ConcedeOptions& options, const std::vector<Target>& targets) {
  ConcedeResult r{.by = options.by,
                  .allow_red_lines = options.allow_red_lines,
                  .binding = options.binding,
                  .within = options.within};
  for (const Target& t : targets) r.targets.push_back(t.shown);
  std::sort(r.by.begin(), r.by.end());
  r.by.erase(std::unique(r.by.begin(), r.by.end()), r.by.end());
  return r;
}

}  // namespace

std::string_view to_string(MoveKind k) {
  switch (k) {
    case MoveKind::agree:
      return "agree";
    case MoveKind::withdraw:
      return "withdraw";
  }
  return "?";
}

Expected<ConcedeResult> concede(const Scenario& scenario, const ConcedeOptions& options) {
  const Resolution resolution = resolve(scenario);
  const auto targets = resolve_targets(scenario, resolution, options.targets);
  const auto may_move = detail::parties_that_may_move(scenario, options.by, "by");
  std::vector<Diagnostic> errors = targets ? std::vector<Diagnostic>{} : targets.error();
  if (!may_move) errors.insert(errors.end(), may_move.error().begin(), may_move.error().end());
  for (const auto& [field, value] : {std::pair{"within", options.within}, {"top", options.top}}) {
    if (value < 0) {
      errors.push_back(argument_error(field, std::to_string(value),
                                      fmt::format("{} must be 0 or more, not {}", field, value)));
    }
  }
  if (!errors.empty()) return tl::unexpected(std::move(errors));
  std::vector<TargetSpec> specs;
  for (const Target& t : *targets) specs.push_back(t.spec);
  const PositionGraph graph = PositionGraph::build(scenario, resolution);
  const Conceder conceder(detail::graph_of(graph), specs);
  const MoveRules rules{.may_move = *may_move,
                        .allow_red_lines = options.allow_red_lines,
                        .binding = options.binding};
  ConcedeResult r = result_header(options, *targets);
  r.already_agreed = conceder.already_agreed();
  try {
    std::tie(r.plans, r.more_plans) =
        conceder.plans(rules, std::max(options.top, 1), options.within);
    if (r.plans.empty()) {
      r.blocked = conceder.why_blocked(rules);
    } else {
      r.cost = r.plans.front().cost;
    }
  } catch (const std::runtime_error& e) {  // the solver failed: the engine's own error
    return tl::unexpected(std::vector<Diagnostic>{{.message = e.what()}});
  }
  return r;
}

}  // namespace entente
