// The CSV report (docs/csv.md): one table for a spreadsheet or a script, the positions (one
// row each, every party's effective stance in a column of its own) or the issue-by-party
// matrix of the text and Markdown reports. Every field goes through support/csv.h, where the
// quoting and the neutralising of what looks like a formula are defined once.

#include "writers.h"

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "blocks.h"
#include "report_summary.h"
#include "support/csv.h"

namespace entente::reports {
namespace {

using support::append_csv_record;

std::string_view boolean(bool value) { return value ? "true" : "false"; }

// The fixed columns, then one per party.
std::vector<std::string> header(const Report& report, std::vector<std::string> columns) {
  for (const PartyRow& party : report.parties) columns.push_back(party.id);
  return columns;
}

// A position's row: its facts, then each party's effective stance, empty where the party is
// not in its audience (the holder never is). Both lists are sorted by party id.
void append_position(std::string& out, const Report& report, const PositionRow& row) {
  std::vector<std::string> fields = {row.ref,
                                     std::string(row.party),
                                     std::string(row.issue),
                                     std::string(to_string(row.kind)),
                                     std::to_string(row.priority),
                                     std::string(boolean(row.red_line)),
                                     std::string(to_string(row.status)),
                                     std::string(boolean(row.deadlock))};
  auto answer = row.stances.begin();
  for (const PartyRow& party : report.parties) {
    while (answer != row.stances.end() && answer->party < party.id) ++answer;
    const bool answers = answer != row.stances.end() && answer->party == party.id;
    fields.emplace_back(answers ? to_string(answer->stance) : std::string_view());
  }
  append_csv_record(out, fields);
}

void write_positions(const Report& report, std::ostream& out) {
  std::string head;
  append_csv_record(head, header(report, {"reference", "holder", "issue", "kind", "priority",
                                          "red_line", "status", "deadlock"}));
  out << head;
  detail::print_in_blocks(
      report.positions.size(),
      [&](std::size_t begin, std::size_t end) {
        std::string block;
        for (std::size_t i = begin; i < end; ++i)
          append_position(block, report, report.positions[i]);
        return block;
      },
      [&](std::string& block) { out << block; });
}

// The matrix's cells as the text and Markdown reports word them ("reject, holds 1*"), but
// empty where those show "-" (neither): a CSV has no legend, and "-" would read as a formula.
void write_matrix(const Report& report, std::ostream& out) {
  std::string text;
  append_csv_record(text, header(report, {"issue", "title", "status"}));
  for (const IssueRow& issue : report.issues) {
    std::vector<std::string> fields = {issue.id, issue.title, std::string(to_string(issue.status))};
    for (const MatrixCell& cell : issue.cells) {
      const detail::CellSummary summary = detail::summarize(cell);
      const bool nothing = summary.alternatives ? summary.alternatives->empty()
                                                : !summary.hardest && summary.holds.empty();
      fields.push_back(nothing ? std::string() : detail::cell_text(summary));
    }
    append_csv_record(text, fields);
  }
  out << text;
}

}  // namespace

void write_csv(const Report& report, std::ostream& out, const WriteOptions& options) {
  switch (options.csv_table) {
    case CsvTable::positions:
      write_positions(report, out);
      return;
    case CsvTable::matrix:
      write_matrix(report, out);
      return;
  }
}

}  // namespace entente::reports
