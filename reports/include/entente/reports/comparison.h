#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "entente/reports/report.h"

namespace entente::reports {

/// A position whose status or deadlock flag differs; `from`/`to` are empty where the
/// position does not exist on that side (withdrawn, or new).
struct StatusChange {
  std::string ref{};
  std::optional<PositionStatus> from{};
  std::optional<PositionStatus> to{};
  bool deadlock_from = false;
  bool deadlock_to = false;
};

/// A conditional stance whose conditions came to hold, or stopped holding.
struct ConditionChange {
  std::string position{};
  std::string party{};
  std::vector<std::string> agree_if{};
};

/// A party's effective stance on a position that exists on both sides, before and after.
struct StanceMove {
  std::string position{};
  std::string party{};
  EffectiveStance from = EffectiveStance::silent;
  EffectiveStance to = EffectiveStance::silent;
};

/// A position's text or priority, before and after.
struct EditChange {
  std::string ref{};
  std::string field{};  ///< "text", "priority", "red_line" or "kind"
  std::string from{};
  std::string to{};
};

struct IssueChange {
  std::string id{};
  IssueStatus from = IssueStatus::open;
  IssueStatus to = IssueStatus::open;
};

/// What moved between two reports of (versions of) one scenario; every list sorted.
struct Comparison {
  std::vector<std::string> added{};      ///< positions only in the second report
  std::vector<std::string> withdrawn{};  ///< positions only in the first
  std::vector<EditChange> edits{};
  std::vector<StanceMove> stances{};
  std::vector<StatusChange> positions{};
  std::vector<std::string> sticking_resolved{};
  std::vector<std::string> sticking_created{};
  std::vector<std::string> deadlocks_broken{};
  std::vector<std::string> deadlocks_created{};
  std::vector<std::vector<std::string>> packages_formed{};
  std::vector<std::vector<std::string>> packages_dissolved{};
  std::vector<ConditionChange> conditions_met{};
  std::vector<ConditionChange> conditions_unmet{};
  std::vector<IssueChange> issues{};
  std::vector<std::string> still_deadlocked{};  ///< issues deadlocked on both sides
  std::string verdict{};                        ///< one line, e.g. "2 sticking points resolved"
};

/// Compares two reports position by position (by reference, so positions may come and go).
Comparison compare_reports(const Report& before, const Report& after);

/// What a comparison compares: a what-if (the changes applied) or two versions (their paths).
struct ComparisonKind {
  enum { what_if, diff } kind = what_if;
  std::vector<std::string> items{};  ///< the changes, in order; or the old and new paths
};

/// Writes what moved in `format` (text, JSON, Markdown or HTML; not dot) and, in JSON, both
/// full reports ("baseline"/"whatif" for a what-if, "old"/"new" for a diff) and "changes".
void write_comparison(const ComparisonKind& kind, const Report& before, const Report& after,
                      const Comparison& comparison, Format format, std::ostream& out,
                      const WriteOptions& options = {});

}  // namespace entente::reports
