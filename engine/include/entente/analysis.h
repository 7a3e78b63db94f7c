#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "entente/flat_lists.h"
#include "entente/position_graph.h"

namespace entente {

/// A party's stance on a position after conditions are resolved (docs/format.md 3.1, 3.2).
enum class EffectiveStance : std::uint8_t { agree, reject, consider, silent };
/// `superseded`: another alternative of its exclusive issue is agreed (docs/format.md 7.2).
enum class PositionStatus : std::uint8_t { agreed, sticking, open, unanswered, superseded };
/// `conflicting`: two or more alternatives of an exclusive issue are agreed (7.2).
enum class IssueStatus { deadlocked, contested, agreed, open, conflicting };

std::string_view to_string(EffectiveStance s);
std::string_view to_string(PositionStatus s);
std::string_view to_string(IssueStatus s);

/// One audience party's answer to a position.
struct AudienceStance {
  PartyId party = 0;
  EffectiveStance stance = EffectiveStance::silent;
  bool conditional = false;    ///< has agree_if and its own value is not agree
  bool condition_met = false;  ///< all of agree_if agreed (then `stance` is agree)
  std::optional<std::uint32_t> decl{};  ///< index in Scenario::stances, none when silent

  friend bool operator==(const AudienceStance&, const AudienceStance&) = default;
};

struct PositionAnalysis {
  PositionStatus status = PositionStatus::unanswered;
  bool deadlock = false;
  bool in_package = false;

  friend bool operator==(const PositionAnalysis&, const PositionAnalysis&) = default;
};

/// Everything docs/format.md section 3 derives, with lists in the order of its section 3.5.
struct Analysis {
  std::vector<PositionAnalysis> positions{};  ///< indexed by PositionId
  /// By position: its audience's answers, sorted by party id (read them with audience()).
  FlatLists<AudienceStance> answers{};
  std::vector<IssueStatus> issues{};          ///< indexed like Scenario::issues
  std::vector<PositionId> by_ref{};           ///< every position, in ref order
  std::vector<PositionId> common_ground{};
  std::vector<PositionId> bargaining_space{};
  std::vector<PositionId> unanswered{};
  std::vector<PositionId> sticking_points{};
  std::vector<std::vector<PositionId>> packages{};
  std::vector<PositionId> superseded{};  ///< in ref order (7.2)
  /// Indexed like Scenario::issues: the status quo that holds by default (7.3), if any.
  std::vector<std::optional<PositionId>> defaults{};

  /// Position p's audience and each party's answer, sorted by party id.
  std::span<const AudienceStance> audience(PositionId p) const;
  /// The audience parties that reject position p, sorted by party id.
  std::vector<PartyId> rejected_by(PositionId p) const;
  /// Appends a position and its audience (for analyses made by hand, as in tests).
  void add_position(const PositionAnalysis& position, std::span<const AudienceStance> audience);

  friend bool operator==(const Analysis&, const Analysis&) = default;
};

/// Derives statuses, fixpoints, packages and orders from the graph.
Analysis analyze(const PositionGraph& graph);

/// docs/format.md 7.2's warning, at the `id:` of each conflicting issue, naming its agreed
/// alternatives: for the scenario a command was given, not for every candidate it analyses.
std::vector<Diagnostic> conflict_warnings(const Scenario& scenario, const Analysis& analysis);

}  // namespace entente
