// Position and issue statuses and the orders of docs/format.md sections 3.1, 3.3 to 3.5.
#include "entente/analysis.h"

#include <algorithm>
#include <optional>
#include <tuple>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "analysis/conditions.h"
#include "support/parallel.h"
#include "graph/graph.h"

namespace entente {
namespace {

using detail::AudienceEntry;
using detail::Graph;
using detail::Relation;

EffectiveStance effective(Relation r) {
  switch (r) {
    case Relation::agree:
      return EffectiveStance::agree;
    case Relation::reject:
      return EffectiveStance::reject;
    case Relation::consider:
      return EffectiveStance::consider;
    case Relation::holds:
    case Relation::needs:
      break;
  }
  return EffectiveStance::silent;
}

bool conditions_met(const Graph& g, detail::GraphEdge stance, const std::vector<char>& agreed) {
  if (g[stance].never_met) return false;
  bool met = true;
  detail::for_each_condition(g, stance, [&](detail::GraphVertex r) { met = met && agreed[r]; });
  return met;
}

AudienceStance audience_stance(const Graph& g, const AudienceEntry& entry,
                               const std::vector<char>& agreed) {
  AudienceStance out;
  out.party = entry.party;
  const auto e = detail::stance_edge(entry);
  if (!e) return out;
  const detail::EdgeProps& s = g[*e];
  out.decl = s.stance;
  out.stance = effective(s.relation);
  out.conditional = s.conditional;
  if (out.conditional) {
    out.condition_met = conditions_met(g, *e, agreed);
    if (out.condition_met) out.stance = EffectiveStance::agree;
  }
  return out;
}

PositionStatus status_of(std::span<const AudienceStance> audience) {
  const auto any = [&](EffectiveStance v) {
    return std::any_of(audience.begin(), audience.end(),
                       [&](const AudienceStance& s) { return s.stance == v; });
  };
  if (any(EffectiveStance::reject)) return PositionStatus::sticking;
  if (any(EffectiveStance::consider)) return PositionStatus::open;
  if (any(EffectiveStance::silent)) return PositionStatus::unanswered;
  return PositionStatus::agreed;
}

// Fills in `audience`, one answer per entry of the graph's audience of t (already in
// party-id order). A rejection via a red line on a red line is a deadlock.
PositionAnalysis analyze_position(const Graph& g, PositionId t, const detail::Fixpoints& fix,
                                  std::span<AudienceStance> audience) {
  PositionAnalysis a;
  a.in_package = fix.in_package[t] != 0;
  const std::span<const AudienceEntry> entries = detail::audience(g, t);
  for (std::size_t k = 0; k < entries.size(); ++k) {
    audience[k] = audience_stance(g, entries[k], fix.agreed);
    if (audience[k].stance != EffectiveStance::reject || !g[t].red_line) continue;
    const auto via = detail::via_of(g, *detail::stance_edge(entries[k]));
    if (via && g[*via].red_line) a.deadlock = true;
  }
  a.status = status_of(audience);
  return a;
}

std::size_t rejections(std::span<const AudienceStance> audience) {
  return static_cast<std::size_t>(
      std::count_if(audience.begin(), audience.end(),
                    [](const AudienceStance& s) { return s.stance == EffectiveStance::reject; }));
}

std::size_t agreed_count(const std::vector<PositionId>& on_issue, const Analysis& a) {
  return static_cast<std::size_t>(
      std::count_if(on_issue.begin(), on_issue.end(),
                    [&](PositionId p) { return a.positions[p].status == PositionStatus::agreed; }));
}

// docs/format.md 7.2: on an exclusive issue with one agreed alternative, every other one is
// superseded (no sticking point, no deadlock, in no list but `superseded`).
void supersede_others(const std::vector<PositionId>& on_issue, Analysis& a) {
  for (const PositionId p : on_issue) {
    PositionAnalysis& pa = a.positions[p];
    if (pa.status == PositionStatus::agreed) continue;
    pa.status = PositionStatus::superseded;
    pa.deadlock = false;
  }
}

// `alternatives_agreed`: on an exclusive issue, how many of its positions are agreed (7.2).
IssueStatus issue_status(const std::vector<PositionId>& on_issue,
                         std::optional<std::size_t> alternatives_agreed, const Analysis& a) {
  if (alternatives_agreed >= 2) return IssueStatus::conflicting;
  if (alternatives_agreed == 1) return IssueStatus::agreed;
  const auto any = [&](auto pred) {
    return std::any_of(on_issue.begin(), on_issue.end(),
                       [&](PositionId p) { return pred(a.positions[p]); });
  };
  if (any([](const PositionAnalysis& p) { return p.deadlock; })) return IssueStatus::deadlocked;
  if (any([](const PositionAnalysis& p) { return p.status == PositionStatus::sticking; })) {
    return IssueStatus::contested;
  }
  if (!on_issue.empty() &&
      !any([](const PositionAnalysis& p) { return p.status != PositionStatus::agreed; })) {
    return IssueStatus::agreed;
  }
  return IssueStatus::open;
}

void rank_sticking_points(const Graph& g, Analysis& a) {
  // Deadlocks first, then higher priority, then more rejecting parties, then reference. The
  // points are listed in ref order: their place there stands for the reference, so that the
  // keys are numbers, made once.
  using Key = std::tuple<bool, int, long, std::size_t>;
  std::vector<std::pair<Key, PositionId>> keyed;
  keyed.reserve(a.sticking_points.size());
  for (std::size_t k = 0; k < a.sticking_points.size(); ++k) {
    const PositionId p = a.sticking_points[k];
    const PositionAnalysis& pa = a.positions[p];
    keyed.push_back(
        {{!pa.deadlock, -g[p].priority, -static_cast<long>(rejections(a.audience(p))), k}, p});
  }
  std::sort(keyed.begin(), keyed.end());
  for (std::size_t k = 0; k < keyed.size(); ++k) a.sticking_points[k] = keyed[k].second;
}

}  // namespace

std::string_view to_string(EffectiveStance s) {
  switch (s) {
    case EffectiveStance::agree:
      return "agree";
    case EffectiveStance::reject:
      return "reject";
    case EffectiveStance::consider:
      return "consider";
    case EffectiveStance::silent:
      return "silent";
  }
  return "?";
}

std::string_view to_string(PositionStatus s) {
  switch (s) {
    case PositionStatus::agreed:
      return "agreed";
    case PositionStatus::sticking:
      return "sticking";
    case PositionStatus::open:
      return "open";
    case PositionStatus::unanswered:
      return "unanswered";
    case PositionStatus::superseded:
      return "superseded";
  }
  return "?";
}

std::string_view to_string(IssueStatus s) {
  switch (s) {
    case IssueStatus::deadlocked:
      return "deadlocked";
    case IssueStatus::contested:
      return "contested";
    case IssueStatus::agreed:
      return "agreed";
    case IssueStatus::open:
      return "open";
    case IssueStatus::conflicting:
      return "conflicting";
  }
  return "?";
}

std::span<const AudienceStance> Analysis::audience(PositionId p) const { return answers[p]; }

std::vector<PartyId> Analysis::rejected_by(PositionId p) const {
  std::vector<PartyId> parties;
  for (const AudienceStance& s : audience(p)) {
    if (s.stance == EffectiveStance::reject) parties.push_back(s.party);
  }
  return parties;
}

void Analysis::add_position(const PositionAnalysis& position,
                            std::span<const AudienceStance> audience) {
  positions.push_back(position);
  for (const AudienceStance& answer : audience) answers.push(answer);
  answers.end_list();
}

Analysis analyze(const PositionGraph& graph) {
  const Graph& g = detail::graph_of(graph);
  const std::uint32_t n = detail::position_count(g);
  const detail::Fixpoints fix = detail::solve_conditions(g);
  Analysis a;
  a.by_ref = detail::positions_by_ref(g);
  const std::vector<PositionId>& by_ref = a.by_ref;
  // Each position's analysis reads the graph and the fixpoints only: two threads on a large
  // scenario. Its answers go where its audience is in the graph's.
  a.positions.resize(n);
  a.answers.assign_sizes(
      n, [&](std::size_t p) { return detail::audience(g, static_cast<PositionId>(p)).size(); });
  for_two_halves(n, k_worth_a_second_thread, [&](std::size_t begin, std::size_t end) {
    for (PositionId p = begin; p < end; ++p) {
      a.positions[p] = analyze_position(g, p, fix, a.answers[p]);
    }
  });
  const detail::GraphProps& props = detail::graph_props(g);
  std::vector<std::vector<PositionId>> on_issue(props.issues);
  for (const PositionId p : by_ref) on_issue[g[p].issue].push_back(p);
  // Superseding changes no agreed position, so each exclusive issue is counted once.
  std::vector<std::optional<std::size_t>> alternatives_agreed(on_issue.size());
  for (std::size_t i = 0; i < on_issue.size(); ++i) {
    if (!props.exclusive[i]) continue;
    alternatives_agreed[i] = agreed_count(on_issue[i], a);
    if (alternatives_agreed[i] == 1) supersede_others(on_issue[i], a);
  }
  for (const PositionId p : by_ref) {
    switch (a.positions[p].status) {
      case PositionStatus::agreed:
        a.common_ground.push_back(p);
        break;
      case PositionStatus::open:
        a.bargaining_space.push_back(p);
        break;
      case PositionStatus::unanswered:
        a.unanswered.push_back(p);
        break;
      case PositionStatus::sticking:
        a.sticking_points.push_back(p);
        break;
      case PositionStatus::superseded:
        a.superseded.push_back(p);
        break;
    }
  }
  rank_sticking_points(g, a);  // sticking_points is in ref order until then
  a.issues.reserve(on_issue.size());
  a.defaults.reserve(on_issue.size());
  for (std::size_t i = 0; i < on_issue.size(); ++i) {
    a.issues.push_back(issue_status(on_issue[i], alternatives_agreed[i], a));
    // 7.3: the status quo (of an exclusive issue) holds by default while no alternative is
    // agreed.
    const std::uint32_t quo = props.status_quo[i];
    const bool by_default = quo != detail::k_none && alternatives_agreed[i] == 0;
    a.defaults.push_back(by_default ? std::optional<PositionId>(quo) : std::nullopt);
  }
  a.packages = detail::group_packages(g, fix.in_package);
  return a;
}

std::vector<Diagnostic> conflict_warnings(const Scenario& scenario, const Analysis& analysis) {
  std::vector<Diagnostic> out;
  for (std::size_t i = 0; i < analysis.issues.size() && i < scenario.issues.size(); ++i) {
    if (analysis.issues[i] != IssueStatus::conflicting) continue;
    const Issue& issue = scenario.issues[i];
    std::vector<std::string> agreed;
    for (const PositionId p : analysis.common_ground) {
      if (scenario.positions[p].issue.id == issue.id) agreed.push_back(scenario.positions[p].ref());
    }
    out.push_back({issue.where, Severity::warning,
                   fmt::format("issue '{}' is exclusive, yet {} of its alternatives are agreed: {} "
                               "(at most one can be the outcome)",
                               issue.id, agreed.size(), fmt::join(agreed, ", "))});
  }
  return out;
}

}  // namespace entente
