#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "entente/reports/comparison.h"

// What the text, Markdown and HTML comparison reports show, as tables of plain values that each
// writer escapes and dresses for its format: one definition of the sections, their order,
// titles, columns and text lines, so the formats cannot drift apart. The JSON writer keeps
// the keys of docs/format.md section 5, in the same order.
namespace entente::reports::detail {

/// A position's status on one side of a comparison; no status: it is not on that side.
struct PositionState {
  std::optional<PositionStatus> status{};
  bool deadlock = false;
  bool is_new = false;  ///< without a status: new (not on the old side), else withdrawn
};

PositionState state_before(const StatusChange& change);
PositionState state_after(const StatusChange& change);

/// "sticking", "new" or "withdrawn", as JSON has it.
std::string state_word(const PositionState& state);

/// state_word() and " (deadlock)" when it is one, as the text and Markdown reports have it.
std::string state_label(const PositionState& state);

/// References (positions, issues), shown as code: one, or several joined by `separator`.
struct Refs {
  std::vector<std::string> refs{};
  std::string_view separator = ", ";
};

/// A table cell: user text, references, or a stance or status that HTML shows as a badge.
using ChangeCell = std::variant<std::string, Refs, EffectiveStance, PositionState, IssueStatus>;

/// Whether a kind of change is good news, bad news or neither (for colours and marks).
enum class Tone { neutral, good, bad, worst };

/// One kind of change: a section of the report. A table of one column is a list.
struct ChangeTable {
  std::string_view id{};     ///< an HTML anchor
  std::string_view title{};  ///< "Stances that moved"
  std::string_view lede{};   ///< how to read it, one sentence
  Tone tone = Tone::neutral;
  std::vector<std::string> columns{};
  /// The text format's line of a row: a fmt pattern of its cells, in order ("{} on {}: {} ->
  /// {}"); with `aligned`, the first cell is padded to the widest of the table.
  std::string_view line{};
  bool aligned = false;
  std::vector<std::vector<ChangeCell>> rows{};
};

/// A cell in plain words, as the text format shows it: references joined by their separator,
/// a position's status with " (deadlock)"; not yet made safe for a terminal.
std::string cell_text(const ChangeCell& cell);

/// What was compared, in words each writer dresses for its format.
struct ComparedHeading {
  std::string title{};  ///< "What changed: <scenario title>" or "What if: <scenario title>"
  /// A diff: ("Old", path) and ("New", path).
  std::vector<std::pair<std::string_view, std::string>> sides{};
  std::string_view intro{};            ///< a what-if: the sentence before the changes applied
  std::vector<std::string> applied{};  ///< a what-if: the changes, in the order applied
};

/// One line on what moved, e.g. "2 sticking points resolved, issue rent still deadlocked".
std::string verdict(const Comparison& c);

ComparedHeading compared_heading(const ComparisonKind& kind, const Report& after);

/// The kinds of change that have entries, in the order of the text report; empty when nothing
/// moved. Old and new columns are named after the sides: "old"/"new" or "baseline"/"what if".
std::vector<ChangeTable> change_tables(const ComparisonKind& kind, const Comparison& c);

}  // namespace entente::reports::detail
