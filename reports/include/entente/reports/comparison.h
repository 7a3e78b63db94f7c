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

struct IssueChange {
  std::string id{};
  IssueStatus from = IssueStatus::open;
  IssueStatus to = IssueStatus::open;
};

/// What moved between two reports of (versions of) one scenario; every list sorted.
struct Comparison {
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

/// Writes a what-if: the changes asked for, what moved, and (JSON) both full reports.
void write_what_if(const std::vector<std::string>& changes, const Report& baseline,
                   const Report& what_if, const Comparison& comparison, Format format,
                   std::ostream& out, const WriteOptions& options = {});

}  // namespace entente::reports
