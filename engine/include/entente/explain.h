#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entente/analysis.h"
#include "entente/diagnostic.h"
#include "entente/model.h"

// `entente explain`: what the engine derives about one position beyond its status: the
// conditions of its conditional stances followed to their roots, its package, and the
// stances that wait for it.
namespace entente {

/// Why a branch of the condition tree stops.
enum class Stop {
  none,    ///< followed (or it has no conditional stances of its own)
  cycle,   ///< the position is already on the path from the explained position
  repeat,  ///< already followed elsewhere in the tree
  depth,   ///< at the depth limit, with conditional stances of its own left out
};

std::string_view to_string(Stop s);

/// One line of the condition tree, in pre-order. A stance line (even depth) is a conditional
/// stance; the condition lines under it (odd depth) are the positions it waits for, and under
/// each of those come its own conditional stances.
struct ConditionLine {
  enum class Kind { stance, condition };
  Kind kind = Kind::condition;
  int depth = 0;
  std::string party{};  ///< stance: who takes it
  /// stance: the position it is on; condition: the position waited for.
  std::string ref{};
  EffectiveStance stance = EffectiveStance::silent;  ///< stance: its effective value
  bool met = false;  ///< stance: every condition agreed; condition: agreed
  /// condition: its status; none when no position has that ref (withdrawn by a what-if).
  std::optional<PositionStatus> status{};
  bool deadlock = false;  ///< condition
  std::vector<std::string>
      conditional_by{};    ///< condition: parties whose stance on it is conditional
  Stop stop = Stop::none;  ///< condition

  friend bool operator==(const ConditionLine&, const ConditionLine&) = default;
};

/// A stance on another position whose agree_if names the explained one.
struct Dependent {
  std::string party{};     ///< who takes the stance
  std::string position{};  ///< the position the stance is on
  EffectiveStance stance = EffectiveStance::silent;
  bool conditional = false;  ///< counts (docs/format.md 3.2): its own value is not agree
  bool met = false;
  std::vector<std::string> also_waits_for{};  ///< its other conditions, not agreed

  friend bool operator==(const Dependent&, const Dependent&) = default;
};

struct ExplainOptions {
  /// Levels of conditions followed. Chains in real scenarios are short; the limit only bounds
  /// the output of a generated one.
  int max_depth = 12;
};

/// What explain() derives about one position.
struct PositionExplanation {
  std::string ref{};
  std::vector<ConditionLine> conditions{};
  int max_depth = 0;                    ///< conditions followed this many levels deep at most
  bool truncated = false;               ///< some branch stopped at max_depth
  std::vector<std::string> package{};   ///< its package, itself included, sorted; or empty
  std::vector<Dependent> dependents{};  ///< sorted by position, then party

  friend bool operator==(const PositionExplanation&, const PositionExplanation&) = default;
};

/// Explains the position `ref` (`PARTY/POSITION`) of an analysed scenario. An unknown ref is
/// an error (of no origin: the caller knows where the ref came from) that suggests the
/// closest known one.
[[nodiscard]] Expected<PositionExplanation> explain(const Scenario& scenario,
                                                    const Analysis& analysis, std::string_view ref,
                                                    const ExplainOptions& options = {});

}  // namespace entente
