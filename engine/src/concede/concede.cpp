// `entente concede`: names to ids, the problem to the solver, and the solver's answer (or
// the reason there is none) back to refs.
#include "entente/concede.h"

#include <algorithm>
#include <cassert>
#include <stdexcept>
#include <tuple>
#include <utility>

#include <fmt/format.h>

#include "analysis/conditions.h"
#include "concede/problem.h"
#include "concede/solver.h"
#include "entente/position_graph.h"
#include "model/find_position.h"
#include "support/spelling.h"

namespace entente {
namespace {

using detail::CandidateMove;
using detail::MoveRules;
using detail::Problem;

struct Target {
  bool issue = false;
  std::string text{};
  std::vector<PositionId> positions{};
};

// Named after the field of ConcedeOptions it is about: the caller says which of its inputs
// that was (the CLI: `--by usq: error: unknown party...`).
Diagnostic error(std::string_view field, std::string_view value, std::string message) {
  return {.message = std::move(message),
          .argument = Argument{std::string(field), std::string(value)}};
}

Expected<Target> resolve_position(const Scenario& s, std::string_view ref) {
  if (const auto i = detail::find_position(s, ref)) {
    return Target{false, s.positions[*i].text.str(), {static_cast<PositionId>(*i)}};
  }
  return tl::unexpected(std::vector{error("target", ref, detail::unknown_position(s, ref))});
}

Expected<Target> resolve_issue(const Scenario& s, std::string_view id) {
  std::vector<std::string> ids;
  for (const Issue& issue : s.issues) ids.push_back(issue.id);
  const auto it = std::find_if(s.issues.begin(), s.issues.end(),
                               [&](const Issue& issue) { return issue.id == id; });
  if (it == s.issues.end()) {
    return tl::unexpected(std::vector{error(
        "target", id, fmt::format("unknown issue '{}'{}", id, detail::did_you_mean(id, ids)))});
  }
  Target out{true, it->title, {}};
  for (PositionId i = 0; i < s.positions.size(); ++i) {
    if (s.positions[i].issue.id == id) out.positions.push_back(i);
  }
  if (out.positions.empty()) {
    return tl::unexpected(std::vector{
        error("target", id, fmt::format("issue '{}' has no positions: nothing to agree on", id))});
  }
  std::sort(out.positions.begin(), out.positions.end(), [&](PositionId a, PositionId b) {
    return s.positions[a].ref() < s.positions[b].ref();
  });
  return out;
}

Expected<std::vector<char>> resolve_by(const Scenario& s, std::span<const std::string> by) {
  std::vector<std::string> ids;
  for (const Party& p : s.parties) ids.push_back(p.id);
  std::vector<char> may_move(ids.size(), by.empty() ? 1 : 0);
  std::vector<Diagnostic> errors;
  for (const std::string& party : by) {
    const auto it = std::find(ids.begin(), ids.end(), party);
    if (const auto why = detail::left_out_party(s, party)) {
      errors.push_back(error("by", party, *why));
    } else if (it == ids.end()) {
      errors.push_back(
          error("by", party,
                fmt::format("unknown party '{}'{}", party, detail::did_you_mean(party, ids))));
    } else {
      may_move[static_cast<std::size_t>(it - ids.begin())] = 1;
    }
  }
  if (!errors.empty()) return tl::unexpected(std::move(errors));
  return may_move;
}

Move public_move(const detail::Graph& g, const Problem& problem, const CandidateMove& m) {
  return {.kind = m.kind,
          .party = g[detail::party_vertex(g, m.party)].id,
          .position = detail::vertex_name(g, problem.positions[m.position]),
          .was = m.was,
          .via = m.via ? detail::vertex_name(g, *m.via) : std::string(),
          .basis = m.basis,
          .factor = m.factor,
          .red_line = m.red_line,
          .cost = m.cost};
}

auto move_key(const Move& m) { return std::tie(m.position, m.kind, m.party); }

// The chosen moves, checked against an independent evaluation of the fixpoint.
Plan public_plan(const detail::Graph& g, const Problem& problem, const std::vector<char>& chosen,
                 const std::vector<char>& agreed_before) {
  assert(detail::meets_target(g, problem, chosen));
  Plan plan;
  for (std::size_t i = 0; i < chosen.size(); ++i) {
    if (!chosen[i]) continue;
    plan.moves.push_back(public_move(g, problem, problem.moves[i]));
    plan.cost += plan.moves.back().cost;
  }
  std::sort(plan.moves.begin(), plan.moves.end(),
            [](const Move& a, const Move& b) { return move_key(a) < move_key(b); });
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
  Conceder(const detail::Graph& g, const Target& target)
      : g_(g), target_(target), agreed_before_(detail::solve_conditions(g).agreed) {}

  bool already_agreed() const {
    return std::all_of(target_.positions.begin(), target_.positions.end(),
                       [&](PositionId p) { return agreed_before_[p] != 0; });
  }

  // The optimum plans under `rules`, sorted by their moves; empty when there are none.
  std::pair<std::vector<Plan>, bool> plans(const MoveRules& rules, int top) const {
    const Problem problem = detail::build_problem(g_, target_.positions, target_.issue, rules);
    const std::optional<detail::Solution> solution = detail::solve(problem, top);
    if (!solution) return {};
    std::vector<Plan> out;
    for (const auto& chosen : solution->plans) {
      out.push_back(public_plan(g_, problem, chosen, agreed_before_));
      assert(out.back().cost == solution->cost);
    }
    std::sort(out.begin(), out.end(), [](const Plan& a, const Plan& b) {
      return std::lexicographical_compare(
          a.moves.begin(), a.moves.end(), b.moves.begin(), b.moves.end(),
          [](const Move& x, const Move& y) { return move_key(x) < move_key(y); });
    });
    return {std::move(out), solution->more_plans};
  }

  // Solves again with red lines allowed, then with every party allowed too: the cheapest
  // relaxed plan names what stands in the way. With both lifted a plan always exists, since
  // every audience party may then agree to anything.
  Blocked why_blocked(const MoveRules& rules) const {
    MoveRules relaxed = rules;
    relaxed.allow_red_lines = true;
    std::vector<Plan> found = plans(relaxed, 1).first;
    if (found.empty()) {
      relaxed.may_move.assign(relaxed.may_move.size(), 1);
      found = plans(relaxed, 1).first;
    }
    assert(!found.empty());
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
  const Target& target_;
  std::vector<char> agreed_before_;
};

ConcedeResult result_header(const Scenario& s, const ConcedeOptions& options,
                            const Target& target) {
  ConcedeResult r{.issue_target = target.issue,
                  .target = options.target,
                  .target_text = target.text,
                  .by = options.by,
                  .allow_red_lines = options.allow_red_lines};
  for (const PositionId p : target.positions) r.target_positions.push_back(s.positions[p].ref());
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
  const auto target = options.target.find('/') == std::string::npos
                          ? resolve_issue(scenario, options.target)
                          : resolve_position(scenario, options.target);
  const auto may_move = resolve_by(scenario, options.by);
  if (!target || !may_move) {
    std::vector<Diagnostic> errors = target ? std::vector<Diagnostic>{} : target.error();
    if (!may_move) errors.insert(errors.end(), may_move.error().begin(), may_move.error().end());
    return tl::unexpected(std::move(errors));
  }
  const PositionGraph graph = PositionGraph::build(scenario);
  const Conceder conceder(detail::graph_of(graph), *target);
  const MoveRules rules{.may_move = *may_move, .allow_red_lines = options.allow_red_lines};
  ConcedeResult r = result_header(scenario, options, *target);
  r.already_agreed = conceder.already_agreed();
  try {
    std::tie(r.plans, r.more_plans) = conceder.plans(rules, std::max(options.top, 1));
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
