#include "comparison_tables.h"

#include <string>
#include <utility>

#include <fmt/format.h>

#include "text/style.h"

namespace entente::reports::detail {
namespace {

using Rows = std::vector<std::vector<ChangeCell>>;

Rows ref_rows(const std::vector<std::string>& refs) {
  Rows rows;
  for (const std::string& ref : refs) rows.push_back({Refs{{ref}}});
  return rows;
}

Rows package_rows(const std::vector<std::vector<std::string>>& packages) {
  Rows rows;
  for (const auto& package : packages) rows.push_back({Refs{package, " + "}});
  return rows;
}

Rows condition_rows(const std::vector<ConditionChange>& changes) {
  Rows rows;
  for (const ConditionChange& c : changes) {
    rows.push_back({c.party, Refs{{c.position}}, Refs{c.agree_if}});
  }
  return rows;
}

Rows edit_rows(const std::vector<EditChange>& edits) {
  Rows rows;
  for (const EditChange& e : edits) rows.push_back({Refs{{e.ref}}, e.field, e.from, e.to});
  return rows;
}

Rows stance_rows(const std::vector<StanceMove>& moves) {
  Rows rows;
  for (const StanceMove& m : moves) rows.push_back({m.party, Refs{{m.position}}, m.from, m.to});
  return rows;
}

Rows status_rows(const std::vector<StatusChange>& changes) {
  Rows rows;
  for (const StatusChange& c : changes) {
    rows.push_back({Refs{{c.ref}}, state_before(c), state_after(c)});
  }
  return rows;
}

Rows default_rows(const std::vector<DefaultChange>& defaults) {
  Rows rows;
  for (const DefaultChange& d : defaults) rows.push_back({Refs{{d.issue}}, Refs{{d.position}}});
  return rows;
}

Rows issue_rows(const std::vector<IssueChange>& issues) {
  Rows rows;
  for (const IssueChange& i : issues) rows.push_back({Refs{{i.id}}, i.from, i.to});
  return rows;
}

}  // namespace

PositionState state_before(const StatusChange& change) {
  return {.status = change.from, .deadlock = change.deadlock_from, .is_new = true};
}

PositionState state_after(const StatusChange& change) {
  return {.status = change.to, .deadlock = change.deadlock_to, .is_new = false};
}

std::string state_word(const PositionState& state) {
  if (state.status) return std::string(to_string(*state.status));
  return state.is_new ? "new" : "withdrawn";
}

std::string state_label(const PositionState& state) {
  return state_word(state) + (state.deadlock ? " (deadlock)" : "");
}

std::string cell_text(const ChangeCell& cell) {
  struct Words {
    std::string operator()(const std::string& text) const { return text; }
    std::string operator()(const Refs& refs) const {
      return fmt::format("{}", fmt::join(refs.refs, refs.separator));
    }
    std::string operator()(EffectiveStance s) const { return std::string(to_string(s)); }
    std::string operator()(const PositionState& state) const { return state_label(state); }
    std::string operator()(IssueStatus s) const { return std::string(to_string(s)); }
  };
  return std::visit(Words{}, cell);
}

ComparedHeading compared_heading(const ComparisonKind& kind, const Report& after) {
  const std::string title = after.title.empty() ? "(untitled)" : after.title;
  if (kind.kind == ComparisonKind::diff) {
    ComparedHeading heading{.title = "What changed: " + title};
    const auto path = [&](std::size_t i) {
      return i < kind.items.size() ? kind.items[i] : std::string();
    };
    heading.sides = {{"Old", path(0)}, {"New", path(1)}};
    return heading;
  }
  return {.title = "What if: " + title,
          .intro = kind.items.empty()
                       ? "No changes applied: the baseline against itself."
                       : "The baseline, and the same scenario with these changes applied in "
                         "this order:",
          .applied = kind.items};
}

std::vector<ChangeTable> change_tables(const ComparisonKind& kind, const Comparison& c) {
  const bool what_if = kind.kind == ComparisonKind::what_if;
  const std::string old_side = what_if ? "baseline" : "old";
  const std::string new_side = what_if ? "what if" : "new";
  std::vector<ChangeTable> all = {
      {"added",
       "Positions added",
       "Positions that were not there before.",
       Tone::neutral,
       {"position"},
       "{}",
       false,
       ref_rows(c.added)},
      {"withdrawn",
       "Positions withdrawn",
       "Positions that are no longer there.",
       Tone::neutral,
       {"position"},
       "{}",
       false,
       ref_rows(c.withdrawn)},
      {"edited",
       "Positions edited",
       "Text, priority, kind or red line changed.",
       Tone::neutral,
       {"position", "field", old_side, new_side},
       "{} {}: {} -> {}",
       false,
       edit_rows(c.edits)},
      {"stances",
       "Stances that moved",
       "Each party's effective stance on a position found on both sides (silent: no answer).",
       Tone::neutral,
       {"party", "position", old_side, new_side},
       "{} on {}: {} -> {}",
       false,
       stance_rows(c.stances)},
      {"statuses",
       "Positions whose status moved",
       "Agreed, open, sticking or unanswered, and whether a deadlock; new and withdrawn "
       "positions too.",
       Tone::neutral,
       {"position", old_side, new_side},
       "{}  {} -> {}",
       true,
       status_rows(c.positions)},
      {"sticking-resolved",
       "Sticking points resolved",
       "Sticking before, and no longer (or withdrawn).",
       Tone::good,
       {"position"},
       "{}",
       false,
       ref_rows(c.sticking_resolved)},
      {"sticking-created",
       "New sticking points",
       "Rejected now by a party they address, and not before.",
       Tone::bad,
       {"position"},
       "{}",
       false,
       ref_rows(c.sticking_created)},
      {"deadlocks-broken",
       "Deadlocks broken",
       "A red line rejected by a red line before, and no longer.",
       Tone::good,
       {"position"},
       "{}",
       false,
       ref_rows(c.deadlocks_broken)},
      {"deadlocks-created",
       "New deadlocks",
       "A red line rejected by a red line now, and not before.",
       Tone::worst,
       {"position"},
       "{}",
       false,
       ref_rows(c.deadlocks_created)},
      {"packages-formed",
       "Packages formed",
       "Positions now agreed only together.",
       Tone::neutral,
       {"members"},
       "{}",
       false,
       package_rows(c.packages_formed)},
      {"packages-dissolved",
       "Packages dissolved",
       "Positions no longer tied together.",
       Tone::neutral,
       {"members"},
       "{}",
       false,
       package_rows(c.packages_dissolved)},
      {"conditions-met",
       "Conditional stances that now hold",
       "The party agrees now that its conditions (agree_if) are agreed.",
       Tone::good,
       {"party", "position", "agree_if"},
       "{} on {} (agree_if {})",
       false,
       condition_rows(c.conditions_met)},
      {"conditions-unmet",
       "Conditional stances that no longer hold",
       "A condition (agree_if) of the party is no longer agreed.",
       Tone::bad,
       {"party", "position", "agree_if"},
       "{} on {} (agree_if {})",
       false,
       condition_rows(c.conditions_unmet)},
      {"superseded",
       "Alternatives superseded",
       "Another alternative of their exclusive issue is agreed now, and was not before.",
       Tone::neutral,
       {"position"},
       "{}",
       false,
       ref_rows(c.superseded)},
      {"no-longer-superseded",
       "Alternatives no longer superseded",
       "Superseded before, and no longer (or withdrawn).",
       Tone::neutral,
       {"position"},
       "{}",
       false,
       ref_rows(c.no_longer_superseded)},
      {"defaults-appeared",
       "Status quos that now hold by default",
       "No alternative of the exclusive issue is agreed now, so its status quo stands.",
       Tone::neutral,
       {"issue", "status quo"},
       "{}: {}",
       true,
       default_rows(c.defaults_appeared)},
      {"defaults-gone",
       "Status quos that no longer hold by default",
       "An alternative of the exclusive issue is agreed now, or its status quo is gone.",
       Tone::neutral,
       {"issue", "status quo"},
       "{}: {}",
       true,
       default_rows(c.defaults_gone)},
      {"issues",
       "Issues whose status moved",
       "Agreed, open, contested, deadlocked or conflicting.",
       Tone::neutral,
       {"issue", old_side, new_side},
       "{}  {} -> {}",
       true,
       issue_rows(c.issues)},
  };
  std::vector<ChangeTable> tables;
  for (ChangeTable& table : all) {
    if (!table.rows.empty()) tables.push_back(std::move(table));
  }
  return tables;
}

std::string verdict(const Comparison& c) {
  std::vector<std::string> parts;
  const auto add = [&](std::size_t n, std::string_view one, std::string_view many) {
    if (n > 0) parts.push_back(plural(n, one, many));
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
  add(c.superseded.size(), "alternative superseded", "alternatives superseded");
  add(c.no_longer_superseded.size(), "alternative no longer superseded",
      "alternatives no longer superseded");
  add(c.defaults_appeared.size(), "status quo now holds by default",
      "status quos now hold by default");
  add(c.defaults_gone.size(), "status quo no longer holds by default",
      "status quos no longer hold by default");
  for (const IssueChange& issue : c.issues) {
    parts.push_back(
        fmt::format("issue {} {} -> {}", issue.id, to_string(issue.from), to_string(issue.to)));
  }
  if (parts.empty()) parts.push_back(c.positions.empty() ? "nothing moved" : "statuses moved");
  if (!c.still_deadlocked.empty()) {
    parts.push_back(fmt::format("{} {} still deadlocked",
                                c.still_deadlocked.size() == 1 ? "issue" : "issues",
                                fmt::join(c.still_deadlocked, ", ")));
  }
  return fmt::format("{}", fmt::join(parts, ", "));
}

}  // namespace entente::reports::detail
