#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "entente/reports/report.h"

namespace entente {
struct Move;
}

// What every report format says the same way, in plain words that each writer escapes for its
// destination: the counts line, the cells of the issue-by-party matrix and the stance a concede
// move gives up. One definition, so the formats cannot drift apart.
namespace entente::reports::detail {

/// A position's status in the look of the stance that causes it (sticking: reject, ...).
EffectiveStance status_stance(PositionStatus s);

/// How many positions have each status, and how many are deadlocked.
struct PositionCounts {
  std::array<std::size_t, 5> by_status{};  ///< indexed by PositionStatus
  std::size_t deadlocks = 0;

  std::size_t of(PositionStatus s) const { return by_status[static_cast<std::size_t>(s)]; }
};

PositionCounts count_positions(const Report& report);

/// "3 parties, 17 issues, 28 positions: 1 agreed, 13 open, 12 sticking (3 deadlocks), ...",
/// with "N superseded" after the unanswered when there are any (docs/format.md 7.2).
std::string summary_line(const Report& report);

/// How one party stands on one issue, as the matrix shows it.
struct CellSummary {
  /// The hardest of its answers to others' positions (reject > consider > silent > agree);
  /// empty when it answered none.
  std::optional<EffectiveStance> hardest{};
  std::string holds{};  ///< "holds N" (N own positions), "holds N*" if one is a red line, or ""
  /// On an exclusive issue only, the alternatives instead of the hardest answer: "holds X;
  /// backs P/Y; rejects P/Z", or empty when the party has none of them.
  std::optional<std::string> alternatives{};
};

CellSummary summarize(const MatrixCell& cell);

/// The cell as one phrase: "reject, holds 1*", "consider", "holds 2", or "-" for neither; on
/// an exclusive issue its alternatives ("holds open-door; rejects russia/no-enlargement").
std::string cell_text(const CellSummary& cell);

/// How an answer's conditions read after its stance: "agrees if" while they are unmet,
/// "condition met:" or "conditions met:" once they are.
std::string_view condition_phrase(const StanceRow& answer);

/// Whether the text and Markdown reports list an answer under its position: all but a plain
/// agree (unconditional, without the party's own words quoted).
bool worth_listing(const StanceRow& answer);

/// How to read the matrix's cells, one sentence for under the table.
constexpr std::string_view k_matrix_legend =
    "Each cell: the party's hardest answer to others' positions on the issue "
    "(reject > consider > silent > agree); \"holds N\": N positions of its own, "
    "* if one is a red line; \"-\": neither.";

/// How to read the cells of exclusive issues, for under the table when there are any.
constexpr std::string_view k_alternatives_legend =
    "On an exclusive issue (\"exclusive\" beside its status), whose positions are "
    "alternatives, each cell names them: the party's own (\"holds\"), and the others' it "
    "agrees to (\"backs\"), considers and rejects.";

/// An issue's status as the matrix shows it: "agreed", or "agreed, exclusive" on an exclusive
/// issue.
std::string issue_status_text(const IssueRow& issue);

/// An exclusive issue's outcome in words (docs/format.md 7.2, 7.3): "the outcome is spd/scholz",
/// "spd/a, union/b are all agreed, yet at most one can be the outcome", "no alternative
/// is agreed: fdp/no-limit, the status quo, holds by default", "no alternative is agreed".
std::string alternatives_outcome(const IssueRow& issue);

/// The stance a concede move gives up, as the text and JSON answers name it: "reject",
/// "consider", or "silent" when it had none.
std::string was_name(const Move& m);

}  // namespace entente::reports::detail
