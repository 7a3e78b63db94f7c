#pragma once

#include <optional>
#include <string>
#include <vector>

#include "entente/analysis.h"
#include "entente/model.h"

namespace entente {

/// A position whose status or deadlock flag differs; `from`/`to` are empty where the
/// position does not exist on that side (withdrawn, or new).
struct StatusChange {
  std::string ref{};
  std::optional<PositionStatus> from{};
  std::optional<PositionStatus> to{};
  bool deadlock_from = false;
  bool deadlock_to = false;

  friend bool operator==(const StatusChange&, const StatusChange&) = default;
};

/// A conditional stance whose conditions came to hold, or stopped holding.
struct ConditionChange {
  std::string position{};
  std::string party{};
  std::vector<std::string> agree_if{};

  friend bool operator==(const ConditionChange&, const ConditionChange&) = default;
};

/// A party's effective stance on a position that exists on both sides, before and after.
struct StanceMove {
  std::string position{};
  std::string party{};
  EffectiveStance from = EffectiveStance::silent;
  EffectiveStance to = EffectiveStance::silent;

  friend bool operator==(const StanceMove&, const StanceMove&) = default;
};

/// A position's text or priority, before and after.
struct EditChange {
  std::string ref{};
  std::string field{};  ///< "text", "priority", "red_line" or "kind"
  std::string from{};
  std::string to{};

  friend bool operator==(const EditChange&, const EditChange&) = default;
};

struct IssueChange {
  std::string id{};
  IssueStatus from = IssueStatus::open;
  IssueStatus to = IssueStatus::open;

  friend bool operator==(const IssueChange&, const IssueChange&) = default;
};

/// The status quo that holds by default on an issue (docs/format.md 7.3).
struct DefaultChange {
  std::string issue{};
  std::string position{};  ///< the status quo, PARTY/POSITION

  friend bool operator==(const DefaultChange&, const DefaultChange&) = default;
};

/// What moved between two analysed versions of one scenario; every list sorted.
struct Comparison {
  std::vector<std::string> added{};      ///< positions only in the second
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
  /// Positions that became superseded (7.2), and those superseded before and not after.
  std::vector<std::string> superseded{};
  std::vector<std::string> no_longer_superseded{};
  /// Defaults that appeared, and those that went (7.3), by issue id.
  std::vector<DefaultChange> defaults_appeared{};
  std::vector<DefaultChange> defaults_gone{};

  friend bool operator==(const Comparison&, const Comparison&) = default;
};

/// A scenario and its analysis (analyze() of its graph): one side of a comparison.
struct AnalysedScenario {
  const Scenario& scenario;
  const Analysis& analysis;
};

/// True when nothing moved: no position came, went or was edited, no stance, status, sticking
/// point, deadlock, package, condition, issue or default changed. (Issues deadlocked on both sides
/// are a state, not a move.)
bool nothing_moved(const Comparison& c);

/// Compares two versions position by position (by reference, so positions may come and go):
/// `entente diff` and `entente whatif`.
Comparison compare(AnalysedScenario before, AnalysedScenario after);

}  // namespace entente
