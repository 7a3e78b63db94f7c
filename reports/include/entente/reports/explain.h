#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entente/diagnostic.h"
#include "entente/reports/report.h"

// `entente explain`: why one position has its status, from the report alone (writers and this
// builder never see the graph).
namespace entente::reports {

/// The position a stance is `via`: the stance-taker's own position that says so.
struct ViaPosition {
  std::string ref{};
  int priority = 3;
  bool red_line = false;
  std::string quote{};
  std::optional<SourceRow> source{};  ///< the via position's source, where its quote is from
};

/// An audience party's effective stance, with everything the files say about it.
struct ExplainedStance {
  StanceRow answer{};
  std::string party_name{};
  std::optional<ViaPosition> via{};
  std::optional<SourceRow> source{};  ///< the stance's own source
};

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
};

/// A stance on another position whose agree_if names the explained one.
struct Dependent {
  std::string party{};     ///< who takes the stance
  std::string position{};  ///< the position the stance is on
  EffectiveStance stance = EffectiveStance::silent;
  bool conditional = false;  ///< counts (FORMAT.md 3.2): its own value is not agree
  bool met = false;
  std::vector<std::string> also_waits_for{};  ///< its other conditions, not agreed
};

/// Why one position has its status: its facts, every stance, the conditions to their roots,
/// its package, and the stances that wait for it.
struct Explanation {
  std::string scenario_title{};
  std::string scenario_date{};
  PositionRow position{};
  std::string holder_name{};
  std::string issue_title{};
  std::optional<SourceRow> source{};
  std::string reason{};                    ///< the status in words, one or more sentences
  std::vector<ExplainedStance> stances{};  ///< one per audience party, sorted by party
  std::vector<ConditionLine> conditions{};
  int max_depth = 0;                    ///< conditions followed this many levels deep at most
  bool truncated = false;               ///< some branch stopped at max_depth
  std::vector<std::string> package{};   ///< its package, itself included, sorted; or empty
  std::vector<Dependent> dependents{};  ///< sorted by position, then party
};

struct ExplainOptions {
  /// Levels of conditions followed. Chains in real scenarios are short; the limit only bounds
  /// the output of a generated one.
  int max_depth = 12;
};

/// Explains the position `ref` (`PARTY/POSITION`) of `report`. An unknown ref is an error that
/// suggests the closest known one.
[[nodiscard]] Expected<Explanation> explain(const Report& report, std::string_view ref,
                                            const ExplainOptions& options = {});

/// For a terminal: the facts, the reason, then one section per part of the explanation.
void write_explanation_text(const Explanation& explanation, std::ostream& out,
                            const WriteOptions& options = {});

/// The shape documented at the top of explain_json_writer.cpp.
void write_explanation_json(const Explanation& explanation, std::ostream& out);

/// Writes `explanation` in `format`: text or JSON (the other formats are for whole reports).
void write_explanation(const Explanation& explanation, Format format, std::ostream& out,
                       const WriteOptions& options = {});

}  // namespace entente::reports
