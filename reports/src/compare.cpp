// What moved between two reports: the change report of `entente whatif`.
#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "entente/reports/comparison.h"

namespace entente::reports {
namespace {

bool is_sticking(const PositionRow* row) {
  return row != nullptr && row->status == PositionStatus::sticking;
}
bool is_deadlock(const PositionRow* row) { return row != nullptr && row->deadlock; }

// Calls `visit(key, a, b)` for each key of two lists sorted by `key_of`, in order, with the
// item of each list that has it or null: a walk over both at once.
template <class Item, class KeyOf, class Visit>
void merge_walk(const std::vector<Item>& as, const std::vector<Item>& bs, KeyOf key_of,
                Visit visit) {
  auto a = as.begin();
  auto b = bs.begin();
  while (a != as.end() || b != bs.end()) {
    const bool take_a = b == bs.end() || (a != as.end() && key_of(*a) <= key_of(*b));
    const bool take_b = a == as.end() || (b != bs.end() && key_of(*b) <= key_of(*a));
    visit(take_a ? key_of(*a) : key_of(*b), take_a ? &*a : nullptr, take_b ? &*b : nullptr);
    if (take_a) ++a;
    if (take_b) ++b;
  }
}

// Only the fields that differ are printed, so only they are made into strings.
void compare_edits(const PositionRow& a, const PositionRow& b, Comparison& c) {
  const auto edit = [&](std::string_view field, std::string_view from, std::string_view to) {
    c.edits.push_back({a.ref, std::string(field), std::string(from), std::string(to)});
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

// Stance rows are sorted by party (PositionRow::stances).
void compare_stances(const PositionRow& a, const PositionRow& b, Comparison& c) {
  merge_walk(
      a.stances, b.stances, [](const StanceRow& s) { return s.party; },
      [&](std::string_view party, const StanceRow* old_stance, const StanceRow* new_stance) {
        // Outside the audience on one side: silent there, as far as the reader is
        // concerned.
        const auto from = old_stance ? old_stance->stance : EffectiveStance::silent;
        const auto to = new_stance ? new_stance->stance : EffectiveStance::silent;
        if (from != to) c.stances.push_back({a.ref, std::string(party), from, to});
      });
}

// One ref of either report: its row before, after, or both.
void compare_position(const std::string& ref, const PositionRow* old_row,
                      const PositionRow* new_row, Comparison& c) {
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

// Position rows are sorted by ref (Report::positions).
void compare_positions(const Report& before, const Report& after, Comparison& c) {
  merge_walk(
      before.positions, after.positions,
      [](const PositionRow& row) -> std::string_view { return row.ref; },
      [&](std::string_view ref, const PositionRow* old_row, const PositionRow* new_row) {
        compare_position(std::string(ref), old_row, new_row, c);
      });
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
