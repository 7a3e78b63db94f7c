#pragma once

#include <string_view>
#include <vector>

#include "entente/position_graph.h"

namespace entente {

/// A party's stance on a position after conditions are resolved (FORMAT.md 3.1, 3.2).
enum class EffectiveStance { agree, reject, consider, silent };
enum class PositionStatus { agreed, sticking, open, unanswered };
enum class IssueStatus { deadlocked, contested, agreed, open };

std::string_view to_string(EffectiveStance s);
std::string_view to_string(PositionStatus s);
std::string_view to_string(IssueStatus s);

/// One audience party's answer to a position.
struct AudienceStance {
  PartyId party = 0;
  EffectiveStance stance = EffectiveStance::silent;
  bool conditional = false;    ///< has agree_if and its own value is not agree
  bool condition_met = false;  ///< all of agree_if agreed (then `stance` is agree)
  std::optional<std::size_t> decl{};  ///< index in Scenario::stances, none when silent

  friend bool operator==(const AudienceStance&, const AudienceStance&) = default;
};

struct PositionAnalysis {
  PositionStatus status = PositionStatus::unanswered;
  bool deadlock = false;
  bool in_package = false;
  std::vector<AudienceStance> audience{};  ///< sorted by party id
  std::vector<PartyId> rejected_by{};      ///< sorted by party id

  friend bool operator==(const PositionAnalysis&, const PositionAnalysis&) = default;
};

/// Everything FORMAT.md section 3 derives, with lists in the order of section 3.5.
struct Analysis {
  std::vector<PositionAnalysis> positions{};  ///< indexed by PositionId
  std::vector<IssueStatus> issues{};          ///< indexed like Scenario::issues
  std::vector<PositionId> by_ref{};           ///< every position, in ref order
  std::vector<PositionId> common_ground{};
  std::vector<PositionId> bargaining_space{};
  std::vector<PositionId> unanswered{};
  std::vector<PositionId> sticking_points{};
  std::vector<std::vector<PositionId>> packages{};

  friend bool operator==(const Analysis&, const Analysis&) = default;
};

/// Derives statuses, fixpoints, packages and orders from the graph.
Analysis analyze(const PositionGraph& graph);

}  // namespace entente
