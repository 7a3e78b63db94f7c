// What moved between two analysed versions of a scenario: `entente diff` and `whatif`.
#include "entente/comparison.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "analysis/analysed_positions.h"

namespace entente {
namespace {

using Side = detail::AnalysedPositions;

// Calls visit(a, b) for each key of two lists sorted by key, in order, with the index into
// each list that has it or none: a walk over both at once.
template <class KeyA, class KeyB, class Visit>
void merge_walk(std::size_t na, std::size_t nb, KeyA key_a, KeyB key_b, Visit visit) {
  std::size_t a = 0;
  std::size_t b = 0;
  while (a < na || b < nb) {
    const bool take_a = b == nb || (a < na && key_a(a) <= key_b(b));
    const bool take_b = a == na || (b < nb && key_b(b) <= key_a(a));
    visit(take_a ? std::optional(a) : std::nullopt, take_b ? std::optional(b) : std::nullopt);
    if (take_a) ++a;
    if (take_b) ++b;
  }
}

// Only the fields that differ are written out.
void compare_edits(const std::string& ref, const Position& a, const Position& b, Comparison& c) {
  const auto edit = [&](std::string_view field, std::string_view from, std::string_view to) {
    c.edits.push_back({ref, std::string(field), std::string(from), std::string(to)});
  };
  if (a.kind != b.kind) edit("kind", to_string(a.kind), to_string(b.kind));
  if (a.text != b.text) edit("text", a.text, b.text);
  if (a.priority != b.priority) {
    edit("priority", std::to_string(a.priority), std::to_string(b.priority));
  }
  if (a.red_line != b.red_line) {
    edit("red_line", a.red_line ? "true" : "false", b.red_line ? "true" : "false");
  }
}

// Audiences are in party id order (analyze()). Outside the audience on one side: silent
// there, as far as the reader is concerned.
void compare_stances(const std::string& ref, const Side& before, PositionId p, const Side& after,
                     PositionId q, Comparison& c) {
  const auto as = before.analysis().audience(p);
  const auto bs = after.analysis().audience(q);
  merge_walk(
      as.size(), bs.size(),
      [&](std::size_t i) -> const std::string& { return before.party(as[i].party); },
      [&](std::size_t i) -> const std::string& { return after.party(bs[i].party); },
      [&](std::optional<std::size_t> i, std::optional<std::size_t> j) {
        const auto from = i ? as[*i].stance : EffectiveStance::silent;
        const auto to = j ? bs[*j].stance : EffectiveStance::silent;
        if (from != to) {
          c.stances.push_back(
              {ref, i ? before.party(as[*i].party) : after.party(bs[*j].party), from, to});
        }
      });
}

const PositionAnalysis* analysis_at(const Side& side, std::optional<std::size_t> k) {
  return k ? &side.analysis().positions[side.at(*k)] : nullptr;
}

bool is_sticking(const PositionAnalysis* p) {
  return p != nullptr && p->status == PositionStatus::sticking;
}
bool is_deadlock(const PositionAnalysis* p) { return p != nullptr && p->deadlock; }
bool is_superseded(const PositionAnalysis* p) {
  return p != nullptr && p->status == PositionStatus::superseded;
}

void compare_position(const Side& before, std::optional<std::size_t> i, const Side& after,
                      std::optional<std::size_t> j, Comparison& c) {
  const std::string& ref = i ? before.ref_at(*i) : after.ref_at(*j);
  const PositionAnalysis* old_p = analysis_at(before, i);
  const PositionAnalysis* new_p = analysis_at(after, j);
  StatusChange change{ref};
  if (old_p) change.from = old_p->status, change.deadlock_from = old_p->deadlock;
  if (new_p) change.to = new_p->status, change.deadlock_to = new_p->deadlock;
  if (change.from != change.to || change.deadlock_from != change.deadlock_to) {
    c.positions.push_back(change);
  }
  if (!old_p) c.added.push_back(ref);
  if (!new_p) c.withdrawn.push_back(ref);
  if (old_p && new_p) {
    const PositionId p = before.at(*i);
    const PositionId q = after.at(*j);
    compare_edits(ref, before.scenario().positions[p], after.scenario().positions[q], c);
    compare_stances(ref, before, p, after, q, c);
  }
  if (is_sticking(old_p) && !is_sticking(new_p)) c.sticking_resolved.push_back(ref);
  if (!is_sticking(old_p) && is_sticking(new_p)) c.sticking_created.push_back(ref);
  if (is_deadlock(old_p) && !is_deadlock(new_p)) c.deadlocks_broken.push_back(ref);
  if (!is_deadlock(old_p) && is_deadlock(new_p)) c.deadlocks_created.push_back(ref);
  if (!is_superseded(old_p) && is_superseded(new_p)) c.superseded.push_back(ref);
  if (is_superseded(old_p) && !is_superseded(new_p)) c.no_longer_superseded.push_back(ref);
}

// Conditional stances whose conditions hold, as (position, party, agree_if), sorted: the
// positions come in ref order and each audience in party id order.
std::vector<ConditionChange> met_conditions(const Side& side) {
  std::vector<ConditionChange> out;
  for (std::size_t k = 0; k < side.size(); ++k) {
    for (const AudienceStance& answer : side.analysis().audience(side.at(k))) {
      if (!answer.conditional || !answer.condition_met) continue;
      ConditionChange met{side.ref_at(k), side.party(answer.party), {}};
      for (const IdRef& r : side.scenario().stances[*answer.decl].agree_if) {
        met.agree_if.push_back(r.id);
      }
      out.push_back(std::move(met));
    }
  }
  return out;
}

// Those met in `now` and not in `then`.
std::vector<ConditionChange> newly_met(const std::vector<ConditionChange>& then,
                                       const std::vector<ConditionChange>& now) {
  const auto key = [](const ConditionChange& m) { return std::tie(m.position, m.party); };
  std::vector<ConditionChange> out;
  std::set_difference(now.begin(), now.end(), then.begin(), then.end(), std::back_inserter(out),
                      [&](const auto& a, const auto& b) { return key(a) < key(b); });
  return out;
}

std::vector<std::vector<std::string>> package_refs(const Side& side) {
  std::vector<std::vector<std::string>> out;
  for (const auto& package : side.analysis().packages) {
    auto& refs = out.emplace_back();
    for (const PositionId p : package) refs.push_back(side.scenario().positions[p].ref());
  }
  return out;
}

void compare_packages(const Side& before, const Side& after, Comparison& c) {
  const auto old_packages = package_refs(before);
  const auto new_packages = package_refs(after);
  const auto has = [](const auto& packages, const std::vector<std::string>& package) {
    return std::find(packages.begin(), packages.end(), package) != packages.end();
  };
  for (const auto& package : new_packages) {
    if (!has(old_packages, package)) c.packages_formed.push_back(package);
  }
  for (const auto& package : old_packages) {
    if (!has(new_packages, package)) c.packages_dissolved.push_back(package);
  }
}

// Issues by id; an issue on one side only is not compared.
std::map<std::string_view, IssueStatus> issue_statuses(const Side& side) {
  std::map<std::string_view, IssueStatus> out;
  const auto& issues = side.scenario().issues;
  for (std::size_t i = 0; i < issues.size() && i < side.analysis().issues.size(); ++i) {
    out.emplace(issues[i].id, side.analysis().issues[i]);
  }
  return out;
}

bool by_issue(const DefaultChange& a, const DefaultChange& b) {
  return std::tie(a.issue, a.position) < std::tie(b.issue, b.position);
}

// The defaults of docs/format.md 7.3, sorted by issue id.
std::vector<DefaultChange> defaults(const Side& side) {
  std::vector<DefaultChange> out;
  const auto& issues = side.scenario().issues;
  const auto& found = side.analysis().defaults;
  for (std::size_t i = 0; i < issues.size() && i < found.size(); ++i) {
    if (found[i]) out.push_back({issues[i].id, side.scenario().positions[*found[i]].ref()});
  }
  std::sort(out.begin(), out.end(), by_issue);
  return out;
}

void compare_defaults(const Side& before, const Side& after, Comparison& c) {
  const auto then = defaults(before);
  const auto now = defaults(after);
  std::set_difference(now.begin(), now.end(), then.begin(), then.end(),
                      std::back_inserter(c.defaults_appeared), by_issue);
  std::set_difference(then.begin(), then.end(), now.begin(), now.end(),
                      std::back_inserter(c.defaults_gone), by_issue);
}

void compare_issues(const Side& before, const Side& after, Comparison& c) {
  const auto new_statuses = issue_statuses(after);
  for (const auto& [id, from] : issue_statuses(before)) {
    const auto it = new_statuses.find(id);
    if (it == new_statuses.end()) continue;
    if (it->second != from) c.issues.push_back({std::string(id), from, it->second});
    if (from == IssueStatus::deadlocked && it->second == IssueStatus::deadlocked) {
      c.still_deadlocked.emplace_back(id);
    }
  }
}

}  // namespace

bool nothing_moved(const Comparison& c) {
  return c.added.empty() && c.withdrawn.empty() && c.edits.empty() && c.stances.empty() &&
         c.positions.empty() && c.sticking_resolved.empty() && c.sticking_created.empty() &&
         c.deadlocks_broken.empty() && c.deadlocks_created.empty() && c.packages_formed.empty() &&
         c.packages_dissolved.empty() && c.conditions_met.empty() && c.conditions_unmet.empty() &&
         c.issues.empty() && c.superseded.empty() && c.no_longer_superseded.empty() &&
         c.defaults_appeared.empty() && c.defaults_gone.empty();
}

Comparison compare(AnalysedScenario before_side, AnalysedScenario after_side) {
  const Side before(before_side.scenario, before_side.analysis);
  const Side after(after_side.scenario, after_side.analysis);
  Comparison c;
  merge_walk(
      before.size(), after.size(),
      [&](std::size_t k) -> const std::string& { return before.ref_at(k); },
      [&](std::size_t k) -> const std::string& { return after.ref_at(k); },
      [&](std::optional<std::size_t> i, std::optional<std::size_t> j) {
        compare_position(before, i, after, j, c);
      });
  const auto old_met = met_conditions(before);
  const auto new_met = met_conditions(after);
  c.conditions_met = newly_met(old_met, new_met);
  c.conditions_unmet = newly_met(new_met, old_met);
  compare_packages(before, after, c);
  compare_issues(before, after, c);
  compare_defaults(before, after, c);
  return c;
}

}  // namespace entente
