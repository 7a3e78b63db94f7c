// The cost model of docs/concede.md, and the part of the scenario a target depends on.
#include "concede/problem.h"

#include <algorithm>

#include "analysis/conditions.h"

namespace entente::detail {
namespace {

// The targets, then every position named by a counting conditional stance on a position
// already listed (breadth first). Only these can change whether a target is agreed.
std::vector<PositionId> depended_on(const PositionGraph::Impl& g,
                                    std::span<const PositionId> targets) {
  std::vector<char> seen(g.positions.size(), 0);
  std::vector<PositionId> order;
  const auto visit = [&](PositionId p) {
    if (!seen[p]) {
      seen[p] = 1;
      order.push_back(p);
    }
  };
  for (const PositionId t : targets) visit(t);
  // By index: `order` grows as it is walked (a range-for's iterators would not survive that).
  for (std::size_t next = 0; next < order.size(); ++next) {  // NOLINT(modernize-loop-convert)
    for (const AudienceEntry& entry : g.audiences[order[next]]) {
      if (entry.stance == k_no_stance) continue;
      const StanceInfo& s = g.stances[entry.stance];
      if (!is_counting_conditional(g, s)) continue;
      for (const PositionId condition : g.conditions_of(s)) {
        if (condition != k_no_position) visit(condition);
      }
    }
  }
  return order;
}

// Agreeing gives up what the current stance stands on: its `via` position (priority, or a
// red line), or nothing in particular (1) when it has no via or the party was silent.
CandidateMove agree_move(const PositionGraph::Impl& g, PartyId party, std::size_t local,
                         const StanceInfo* stance) {
  CandidateMove m{.kind = MoveKind::agree, .party = party, .position = local};
  if (stance != nullptr) {
    m.was = stance->value;
    m.via = stance->via;
  }
  if (m.was == Stance::reject) m.factor = k_reject_factor;
  if (m.via) {
    m.basis = g.positions[*m.via].priority;
    m.red_line = g.positions[*m.via].red_line;
  }
  m.cost = m.red_line ? k_red_line_cost : m.basis * m.factor;
  return m;
}

// Withdrawing gives up the position itself.
CandidateMove withdraw_move(const PositionGraph::Impl& g, PositionId p, std::size_t local) {
  const PositionInfo& info = g.positions[p];
  CandidateMove m{.kind = MoveKind::withdraw, .party = info.holder, .position = local};
  m.basis = info.priority;
  m.red_line = info.red_line;
  m.cost = m.red_line ? k_red_line_cost : m.basis;
  return m;
}

class ProblemBuilder {
 public:
  ProblemBuilder(const PositionGraph::Impl& g, const MoveRules& rules) : g_(g), rules_(rules) {}

  Problem build(std::span<const PositionId> targets, bool issue_target) {
    problem_.positions = depended_on(g_, targets);
    problem_.issue_target = issue_target;
    const std::size_t n = problem_.positions.size();
    local_.assign(g_.positions.size(), 0);
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
    if (!rules_.may_move[m.party] || (m.red_line && !rules_.allow_red_lines)) return {};
    problem_.moves.push_back(m);
    return problem_.moves.size() - 1;
  }

  void add_requirements(std::size_t local) {
    for (const AudienceEntry& entry : g_.audiences[problem_.positions[local]]) {
      const StanceInfo* s = entry.stance == k_no_stance ? nullptr : &g_.stances[entry.stance];
      if (s != nullptr && s->value == Stance::agree) continue;  // met whatever happens
      Requirement r{.move = allow(agree_move(g_, entry.party, local, s))};
      if (s != nullptr && is_counting_conditional(g_, *s)) r.conditions = local_conditions(*s);
      problem_.requirements[local].push_back(std::move(r));
    }
  }

  [[nodiscard]] std::optional<std::vector<std::size_t>> local_conditions(
      const StanceInfo& s) const {
    std::vector<std::size_t> out;
    for (const PositionId condition : g_.conditions_of(s)) {
      if (condition == k_no_position) return std::nullopt;  // can never be met
      out.push_back(local_[condition]);
    }
    return out;
  }

  const PositionGraph::Impl& g_;
  const MoveRules& rules_;
  Problem problem_{};
  std::vector<std::size_t> local_{};
};

}  // namespace

Problem build_problem(const PositionGraph::Impl& g, std::span<const PositionId> targets,
                      bool issue_target, const MoveRules& rules) {
  return ProblemBuilder(g, rules).build(targets, issue_target);
}

std::vector<char> agreed_after(const Problem& problem, const std::vector<char>& chosen) {
  const std::size_t n = problem.positions.size();
  std::vector<char> in(n, 1);
  std::vector<std::vector<std::size_t>> dependents(n);
  std::vector<std::size_t> work;
  const auto drop = [&](std::size_t p) {
    if (in[p]) {
      in[p] = 0;
      work.push_back(p);
    }
  };
  for (std::size_t p = 0; p < n; ++p) {
    if (problem.withdraw[p] && chosen[*problem.withdraw[p]]) drop(p);
    for (const Requirement& r : problem.requirements[p]) {
      if (r.move && chosen[*r.move]) continue;
      if (!r.conditions) {
        drop(p);
        continue;
      }
      for (const std::size_t c : *r.conditions) dependents[c].push_back(p);
    }
  }
  while (!work.empty()) {
    const std::size_t r = work.back();
    work.pop_back();
    for (const std::size_t p : dependents[r]) drop(p);
  }
  return in;
}

bool meets_target(const Problem& problem, const std::vector<char>& chosen) {
  const std::vector<char> in = agreed_after(problem, chosen);
  return std::all_of(problem.targets.begin(), problem.targets.end(), [&](std::size_t t) {
    const auto& w = problem.withdraw[t];
    return in[t] || (problem.issue_target && w && chosen[*w]);
  });
}

}  // namespace entente::detail
