// The Markdown comparison (diff and what-if): what was compared, the verdict, then a list or a
// table per kind of change (comparison_tables.h), in the Markdown report's style.
#include <cstddef>
#include <ostream>
#include <string>
#include <variant>
#include <vector>

#include <fmt/format.h>

#include "comparison_tables.h"
#include "entente/reports/comparison.h"
#include "escape.h"
#include "markdown/parts.h"
#include "writers.h"

namespace entente::reports {
namespace {

using detail::markdown_cell;
using detail::markdown_code;
using detail::markdown_code_list;
using detail::markdown_issue_status;
using detail::write_markdown_heading;
using detail::write_markdown_row;

// A comparison's table cell; references as plain escaped text, since a "|" inside a code span
// would still end the cell.
struct ComparisonCell {
  std::string operator()(const std::string& text) const { return markdown_cell(text); }
  std::string operator()(const detail::Refs& refs) const {
    return markdown_cell(fmt::format("{}", fmt::join(refs.refs, refs.separator)));
  }
  std::string operator()(EffectiveStance stance) const { return std::string(to_string(stance)); }
  std::string operator()(const detail::PositionState& state) const {
    const std::string label = detail::state_label(state);
    return state.deadlock ? "**" + label + "**" : label;
  }
  std::string operator()(IssueStatus status) const { return markdown_issue_status(status); }
};

// A list item of a one-column table; references as code.
std::string list_item(const detail::ChangeCell& cell) {
  if (const auto* refs = std::get_if<detail::Refs>(&cell)) {
    return markdown_code_list(refs->refs, refs->separator);
  }
  return std::visit(ComparisonCell{}, cell);
}

void write_change_table(std::ostream& out, const detail::ChangeTable& table) {
  write_markdown_heading(out, table.title, table.rows.size());
  if (table.columns.size() == 1) {
    for (const auto& row : table.rows) out << "- " << list_item(row.front()) << '\n';
    return;
  }
  write_markdown_row(out, table.columns);
  write_markdown_row(out, std::vector<std::string>(table.columns.size(), "---"));
  for (const auto& row : table.rows) {
    std::vector<std::string> cells;
    for (const detail::ChangeCell& cell : row) cells.push_back(std::visit(ComparisonCell{}, cell));
    write_markdown_row(out, cells);
  }
}

// "# What changed: title", then what was compared: the two versions, or the changes applied.
void write_compared(std::ostream& out, const detail::ComparedHeading& heading) {
  out << "# " << markdown_cell(heading.title) << "\n\n";
  for (std::size_t i = 0; i < heading.sides.size(); ++i) {
    const auto& [side, path] = heading.sides[i];
    out << side << ": " << markdown_code(path) << (i + 1 < heading.sides.size() ? "\\\n" : "\n");
  }
  if (!heading.intro.empty()) out << heading.intro << '\n';
  if (!heading.applied.empty()) out << '\n';
  for (std::size_t i = 0; i < heading.applied.size(); ++i) {
    out << fmt::format("{}. {}\n", i + 1, markdown_code(heading.applied[i]));
  }
}

}  // namespace

void write_comparison_markdown(const ComparisonKind& kind, const StreamedReport& /*before*/,
                               const StreamedReport& after, const Comparison& comparison,
                               std::ostream& out, const WriteOptions& /*options*/) {
  write_compared(out, detail::compared_heading(kind, after.header()));
  out << "\n**Verdict:** " << markdown_cell(detail::verdict(comparison)) << '\n';
  const std::vector<detail::ChangeTable> tables = detail::change_tables(kind, comparison);
  if (tables.empty()) out << "\nNo changes.\n";
  for (const detail::ChangeTable& table : tables) write_change_table(out, table);
}

}  // namespace entente::reports
