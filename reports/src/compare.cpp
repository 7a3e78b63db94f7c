// What moved between two reports: the change report of `entente whatif`.
#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "entente/reports/comparison.h"

namespace entente::reports {
namespace {

bool is_sticking(const PositionRow* row) {
  return row != nullptr && row->status == PositionStatus::sticking;
}
bool is_deadlock(const PositionRow* row) { return row != nullptr && row->deadlock; }

void compare_edits(const PositionRow& a, const PositionRow& b, Comparison& c) {
  const auto edit = [&](std::string_view field, std::string from, std::string to) {
    if (from != to) c.edits.push_back({a.ref, std::string(field), std::move(from), std::move(to)});
  };
  edit("kind", std::string(to_string(a.kind)), std::string(to_string(b.kind)));
  edit("text", std::string(a.text), std::string(b.text));
  edit("priority", std::to_string(a.priority), std::to_string(b.priority));
  edit("red_line", a.red_line ? "true" : "false", b.red_line ? "true" : "false");
}

void compare_stances(const PositionRow& a, const PositionRow& b, Comparison& c) {
  const auto stance_of = [](const PositionRow& row, std::string_view party) {
    for (const StanceRow& s : row.stances) {
      if (s.party == party) return std::optional<EffectiveStance>(s.stance);
    }
    return std::optional<EffectiveStance>();
  };
  std::set<std::string_view> parties;
  for (const StanceRow& s : a.stances) parties.insert(s.party);
  for (const StanceRow& s : b.stances) parties.insert(s.party);
  for (const std::string_view party : parties) {
    // Outside the audience on one side: silent there, as far as the reader is concerned.
    const auto from = stance_of(a, party).value_or(EffectiveStance::silent);
    const auto to = stance_of(b, party).value_or(EffectiveStance::silent);
    if (from != to) c.stances.push_back({a.ref, std::string(party), from, to});
  }
}

void compare_positions(const Report& before, const Report& after, Comparison& c) {
  std::set<std::string> refs;
  for (const PositionRow& row : before.positions) refs.insert(row.ref);
  for (const PositionRow& row : after.positions) refs.insert(row.ref);
  for (const std::string& ref : refs) {
    const PositionRow* old_row = before.find(ref);
    const PositionRow* new_row = after.find(ref);
    StatusChange change{ref};
    if (old_row) change.from = old_row->status, change.deadlock_from = old_row->deadlock;
    if (new_row) change.to = new_row->status, change.deadlock_to = new_row->deadlock;
    if (change.from != change.to || change.deadlock_from != change.deadlock_to) {
      c.positions.push_back(change);
    }
    if (!old_row) c.added.push_back(ref);
    if (!new_row) c.withdrawn.push_back(ref);
    if (old_row && new_row) {
      compare_edits(*old_row, *new_row, c);
      compare_stances(*old_row, *new_row, c);
    }
    if (is_sticking(old_row) && !is_sticking(new_row)) c.sticking_resolved.push_back(ref);
    if (!is_sticking(old_row) && is_sticking(new_row)) c.sticking_created.push_back(ref);
    if (is_deadlock(old_row) && !is_deadlock(new_row)) c.deadlocks_broken.push_back(ref);
    if (!is_deadlock(old_row) && is_deadlock(new_row)) c.deadlocks_created.push_back(ref);
  }
}

// Conditional stances whose conditions hold, keyed by (position, party).
std::map<std::pair<std::string_view, std::string_view>, const StanceRow*> met_conditions(
    const Report& r) {
  std::map<std::pair<std::string_view, std::string_view>, const StanceRow*> out;
  for (const PositionRow& row : r.positions) {
    for (const StanceRow& stance : row.stances) {
      if (stance.conditional && stance.condition_met) out[{row.ref, stance.party}] = &stance;
    }
  }
  return out;
}

// Conditional stances met in `now` and not in `then`.
std::vector<ConditionChange> newly_met(const Report& then, const Report& now) {
  const auto old_set = met_conditions(then);
  std::vector<ConditionChange> out;
  for (const auto& [key, stance] : met_conditions(now)) {
    if (!old_set.contains(key)) {
      out.push_back({std::string(key.first),
                     std::string(key.second),
                     {stance->agree_if.begin(), stance->agree_if.end()}});
    }
  }
  return out;
}

void compare_packages(const Report& before, const Report& after, Comparison& c) {
  const auto has = [](const Report& r, const std::vector<std::string>& package) {
    return std::find(r.packages.begin(), r.packages.end(), package) != r.packages.end();
  };
  for (const auto& package : after.packages) {
    if (!has(before, package)) c.packages_formed.push_back(package);
  }
  for (const auto& package : before.packages) {
    if (!has(after, package)) c.packages_dissolved.push_back(package);
  }
}

void compare_issues(const Report& before, const Report& after, Comparison& c) {
  for (const IssueRow& old_issue : before.issues) {
    const auto it = std::find_if(after.issues.begin(), after.issues.end(),
                                 [&](const IssueRow& i) { return i.id == old_issue.id; });
    if (it == after.issues.end()) continue;
    if (it->status != old_issue.status) c.issues.push_back({old_issue.id, old_issue.status, it->status});
    if (it->status == IssueStatus::deadlocked && old_issue.status == IssueStatus::deadlocked) {
      c.still_deadlocked.push_back(old_issue.id);
    }
  }
}

std::string count(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string verdict(const Comparison& c) {
  std::vector<std::string> parts;
  const auto add = [&](std::size_t n, std::string_view one, std::string_view many) {
    if (n > 0) parts.push_back(count(n, one, many));
  };
  add(c.added.size(), "position added", "positions added");
  add(c.withdrawn.size(), "position withdrawn", "positions withdrawn");
  add(c.stances.size(), "stance moved", "stances moved");
  add(c.sticking_resolved.size(), "sticking point resolved", "sticking points resolved");
  add(c.sticking_created.size(), "new sticking point", "new sticking points");
  add(c.deadlocks_broken.size(), "deadlock broken", "deadlocks broken");
  add(c.deadlocks_created.size(), "new deadlock", "new deadlocks");
  add(c.packages_formed.size(), "package formed", "packages formed");
  add(c.packages_dissolved.size(), "package dissolved", "packages dissolved");
  add(c.conditions_met.size(), "condition now met", "conditions now met");
  for (const IssueChange& issue : c.issues) {
    parts.push_back(fmt::format("issue {} {} -> {}", issue.id, to_string(issue.from),
                                to_string(issue.to)));
  }
  if (parts.empty()) parts.push_back(c.positions.empty() ? "nothing moved" : "statuses moved");
  if (!c.still_deadlocked.empty()) {
    parts.push_back(fmt::format("{} {} still deadlocked",
                                c.still_deadlocked.size() == 1 ? "issue" : "issues",
                                fmt::join(c.still_deadlocked, ", ")));
  }
  return fmt::format("{}", fmt::join(parts, ", "));
}

}  // namespace

Comparison compare_reports(const Report& before, const Report& after) {
  Comparison c;
  compare_positions(before, after, c);
  c.conditions_met = newly_met(before, after);
  c.conditions_unmet = newly_met(after, before);
  compare_packages(before, after, c);
  compare_issues(before, after, c);
  c.verdict = verdict(c);
  return c;
}

}  // namespace entente::reports
