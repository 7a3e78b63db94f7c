#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entente/explain.h"
#include "entente/reports/report.h"

// `entente explain`: why one position has its status, in words: the engine's explanation
// (entente/explain.h) dressed with the report's facts.
namespace entente::reports {

/// The position a stance is `via`: the stance-taker's own position that says so.
struct ViaPosition {
  std::string ref{};
  int priority = 3;
  bool red_line = false;
  std::string quote{};
  std::vector<SourceRow> sources{};  ///< the via position's sources, where its quote is from
};

/// An audience party's effective stance, with everything the files say about it.
struct ExplainedStance {
  StanceRow answer{};
  std::string party_name{};
  std::optional<ViaPosition> via{};
  std::vector<SourceRow> sources{};  ///< the stance's own sources, in the file's order
};

/// Why one position has its status: its facts, every stance, the conditions to their roots,
/// its package, and the stances that wait for it.
struct Explanation {
  std::string scenario_title{};
  std::string scenario_date{};
  PositionRow position{};
  std::string holder_name{};
  std::string issue_title{};
  std::vector<SourceRow> sources{};        ///< the position's sources, in the file's order
  std::string reason{};                    ///< the status in words, one or more sentences
  std::vector<ExplainedStance> stances{};  ///< one per audience party, sorted by party
  std::vector<ConditionLine> conditions{};
  int max_depth = 0;                    ///< conditions followed this many levels deep at most
  bool truncated = false;               ///< some branch stopped at max_depth
  std::vector<std::string> package{};   ///< its package, itself included, sorted; or empty
  std::vector<Dependent> dependents{};  ///< sorted by position, then party
};

/// Why the position `derived` explains has its status, in words, with the facts the report
/// holds about it, its stances and their sources. The report must hold that position.
Explanation explain(const Report& report, const PositionExplanation& derived);

/// For a terminal: the facts, the reason, then one section per part of the explanation.
void write_explanation_text(const Explanation& explanation, std::ostream& out,
                            const WriteOptions& options = {});

/// The shape documented at the top of reports/src/json/explain.cpp.
void write_explanation_json(const Explanation& explanation, std::ostream& out);

/// Writes `explanation` in `format`: text or JSON (the other formats are for whole reports).
void write_explanation(const Explanation& explanation, Format format, std::ostream& out,
                       const WriteOptions& options = {});

}  // namespace entente::reports
