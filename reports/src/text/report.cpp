#include "writers.h"

#include <algorithm>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "blocks.h"
#include "escape.h"
#include "report_summary.h"
#include "text/style.h"

namespace entente::reports {
namespace {

using detail::display_width;
using detail::join;
using detail::k_bold;
using detail::k_bold_magenta;
using detail::k_bold_red;
using detail::k_dim;
using detail::k_green;
using detail::k_red;
using detail::k_wrap_width;
using detail::k_yellow;
using detail::Painter;
using detail::safe;
using detail::stance_color;
using detail::summary_line;
using detail::wrap;
using detail::write_wrapped;

constexpr int k_text_indent = 6;
constexpr int k_title_column_width = 24;
constexpr int k_alternatives_cell_width = 32;

std::string_view issue_color(IssueStatus s) {
  switch (s) {
    case IssueStatus::deadlocked:
      return k_bold_red;
    case IssueStatus::contested:
      return k_red;
    case IssueStatus::open:
      return k_yellow;
    case IssueStatus::agreed:
      return k_green;
    case IssueStatus::conflicting:
      return k_bold_magenta;
  }
  return {};
}

void write_heading(std::ostream& out, const Painter& paint, std::string_view name,
                   std::size_t count) {
  out << '\n' << paint(fmt::format("{} ({})", name, count), k_bold) << '\n';
}

void write_parties(std::ostream& out, const std::vector<PartyRow>& parties) {
  if (parties.empty()) return;
  int id_width = 0;
  for (const PartyRow& party : parties) {
    id_width = std::max(id_width, display_width(safe(party.id)));
  }
  out << "Parties:\n";
  for (const PartyRow& party : parties) {
    out << "  " << detail::pad_right(safe(party.id), id_width + 2) << safe(party.name);
    if (!party.weight.empty()) out << " (weight " << party.weight << ')';
    out << '\n';
  }
}

void write_header(std::ostream& out, const Painter& paint, const Report& report) {
  std::string title = safe(report.title.empty() ? "(untitled)" : report.title);
  if (!report.date.empty()) title += " (" + safe(report.date) + ")";
  out << paint(title, k_bold) << '\n'
      << std::string(static_cast<std::size_t>(display_width(title)), '=') << '\n';
  if (!report.description.empty()) write_wrapped(out, report.description, 0);
  out << summary_line(report) << '\n';
  write_parties(out, report.parties);
}

std::string position_facts(const PositionRow& row, const Painter& paint) {
  std::string facts =
      fmt::format("[{}, {}, priority {}", safe(row.issue), to_string(row.kind), row.priority);
  if (row.red_line) facts += ", " + paint("red line", k_red);
  return facts + "]";
}

// What the file says besides the stance; raw text, escaped by wrap().
std::string answer_details(const StanceRow& answer) {
  std::string details;
  if (!answer.via.empty()) details = "via " + answer.via;
  if (!answer.agree_if.empty()) {
    // Glued to the stance or the via: "consider; agrees if ...", "agree; condition met: ...".
    details += fmt::format("; {} ", detail::condition_phrase(answer));
    for (std::size_t i = 0; i < answer.agree_if.size(); ++i) {
      details += fmt::format("{}{}", i == 0 ? "" : ", ", answer.agree_if[i]);
    }
  }
  if (!answer.quote.empty()) {
    details += fmt::format("{}\"{}\"", details.empty() ? "" : " ", answer.quote);
  }
  if (!answer.note.empty())
    details += fmt::format("{}{}", details.empty() ? "-- " : " -- ", answer.note);
  return details;
}

// One answer per line, those worth listing (detail::worth_listing). Long answers continue on
// lines indented two columns further.
void write_answers(std::ostream& out, const Painter& paint, const PositionRow& row) {
  const std::string margin(static_cast<std::size_t>(k_text_indent), ' ');
  const int width = k_wrap_width - k_text_indent;
  for (const StanceRow& answer : row.stances) {
    if (!detail::worth_listing(answer)) continue;
    const std::string head = safe(answer.party) + ": ";
    const std::string_view stance = to_string(answer.stance);
    out << margin << head << paint(stance, stance_color(answer.stance));
    const int used = display_width(head) + static_cast<int>(stance.size()) + 1;
    const std::vector<std::string> lines = wrap(answer_details(answer), width - used, width - 2);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const bool glued = i == 0 && lines[i].starts_with(';');
      out << (glued ? "" : i == 0 ? " " : "\n" + margin + "  ") << lines[i];
    }
    out << '\n';
  }
}

void write_position_body(std::ostream& out, const Painter& paint, const PositionRow& row) {
  write_wrapped(out, row.text, k_text_indent);
  if (!row.quote.empty()) {
    const std::string_view from = row.source_title.empty() ? row.source : row.source_title;
    write_wrapped(out,
                  fmt::format("\"{}\"{}", row.quote,
                              from.empty() ? std::string() : fmt::format(" ({})", from)),
                  k_text_indent);
  }
  if (!row.note.empty()) write_wrapped(out, fmt::format("Note: {}", row.note), k_text_indent);
  write_answers(out, paint, row);
}

void write_position_list(std::ostream& out, const Painter& paint, const Report& report,
                         std::string_view name, const std::vector<std::string>& refs) {
  write_heading(out, paint, name, refs.size());
  if (refs.empty()) out << "  (none)\n";
  detail::write_in_blocks(out, refs.size(), [&](std::ostream& part, std::size_t i) {
    const PositionRow* row = report.find(refs[i]);
    part << "  " << safe(refs[i]);
    if (row == nullptr) {
      part << '\n';
      return;
    }
    part << "  " << position_facts(*row, paint) << '\n';
    write_position_body(part, paint, *row);
  });
}

void write_sticking_points(std::ostream& out, const Painter& paint, const Report& report) {
  write_heading(out, paint, "Sticking points", report.sticking_points.size());
  if (report.sticking_points.empty()) out << "  (none)\n";
  const int rank_width = static_cast<int>(std::to_string(report.sticking_points.size()).size());
  detail::write_in_blocks(
      out, report.sticking_points.size(), [&](std::ostream& part, std::size_t i) {
        const StickingPoint& point = report.sticking_points[i];
        part << fmt::format("  {:>{}}. ", i + 1, rank_width);
        if (point.deadlock) part << paint("DEADLOCK", k_bold_red) << ' ';
        part << safe(point.ref);
        const PositionRow* row = report.find(point.ref);
        if (row != nullptr) part << "  " << position_facts(*row, paint);
        part << "  rejected by " << paint(join(point.rejected_by, ", "), k_red) << '\n';
        if (row != nullptr) write_position_body(part, paint, *row);
      });
}

void write_packages(std::ostream& out, const Painter& paint, const Report& report) {
  write_heading(out, paint, "Packages", report.packages.size());
  if (report.packages.empty()) {
    out << "  (none)\n";
    return;
  }
  write_wrapped(out, "Agreed only together: every member waits for the others.", 2);
  for (std::size_t i = 0; i < report.packages.size(); ++i) {
    out << fmt::format("  {}. {}\n", i + 1, join(report.packages[i], " + "));
  }
}

struct Cell {
  std::string plain{};    ///< terminal-safe text, used to measure
  std::string painted{};  ///< the same text with colour codes
};

Cell matrix_cell(const MatrixCell& c, const Painter& paint) {
  const detail::CellSummary cell = detail::summarize(c);
  if (cell.alternatives) {
    // In full under "Alternatives": a terminal's table keeps its width.
    const std::string shown =
        detail::truncate(safe(detail::cell_text(cell)), k_alternatives_cell_width);
    return {shown, shown};
  }
  const std::string plain = detail::cell_text(cell);
  if (!cell.hardest) return {plain, plain};
  const std::string stance(to_string(*cell.hardest));
  return {plain, paint(stance, stance_color(*cell.hardest)) + plain.substr(stance.size())};
}

std::vector<std::vector<Cell>> matrix_rows(const Report& report, const Painter& paint) {
  std::vector<std::vector<Cell>> rows;
  std::vector<Cell> header = {{"issue", "issue"}, {"title", "title"}, {"status", "status"}};
  for (const PartyRow& party : report.parties) header.push_back({safe(party.id), safe(party.id)});
  rows.push_back(std::move(header));
  for (const IssueRow& issue : report.issues) {
    const std::string title = detail::truncate(safe(issue.title), k_title_column_width);
    const std::string status = detail::issue_status_text(issue);
    std::vector<Cell> row = {{safe(issue.id), safe(issue.id)},
                             {title, title},
                             {status, paint(status, issue_color(issue.status))}};
    for (const MatrixCell& cell : issue.cells) row.push_back(matrix_cell(cell, paint));
    rows.push_back(std::move(row));
  }
  return rows;
}

// A bordered table: every line ends in '|', so every line has the same display width and no
// line carries trailing spaces.
void write_table(std::ostream& out, const std::vector<std::vector<Cell>>& rows) {
  std::vector<int> widths(rows.front().size(), 0);
  for (const auto& row : rows) {
    for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c) {
      widths[c] = std::max(widths[c], display_width(row[c].plain));
    }
  }
  std::string rule = "  |";
  for (std::size_t c = 0; c < widths.size(); ++c) {
    rule += std::string(static_cast<std::size_t>(widths[c] + 2), '-');
    rule += c + 1 < widths.size() ? '+' : '|';
  }
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::string line = "  |";
    for (std::size_t c = 0; c < widths.size(); ++c) {
      const Cell empty{};
      const Cell& cell = c < rows[r].size() ? rows[r][c] : empty;
      const int pad = widths[c] - display_width(cell.plain);
      line += " " + cell.painted + std::string(static_cast<std::size_t>(pad), ' ') + " |";
    }
    out << line << '\n';
    if (r == 0) out << rule << '\n';
  }
}

void write_matrix(std::ostream& out, const Painter& paint, const Report& report) {
  write_heading(out, paint, "Issues by party", report.issues.size());
  if (report.issues.empty()) {
    out << "  (none)\n";
    return;
  }
  write_table(out, matrix_rows(report, paint));
  write_wrapped(out, detail::k_matrix_legend, 2);
  if (report.exclusive_issues() > 0) write_wrapped(out, detail::k_alternatives_legend, 2);
}

// Raw `text` after `used` columns of its line, wrapped to the report's width; its further
// lines indented by `indent`.
void write_hanging(std::ostream& out, std::string_view text, int used, int indent) {
  const std::vector<std::string> lines = wrap(text, k_wrap_width - used, k_wrap_width - indent);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out << '\n' << std::string(static_cast<std::size_t>(indent), ' ');
    out << lines[i];
  }
  out << '\n';
}

// docs/format.md 7: each exclusive issue's outcome, its superseded alternatives and each
// party's stand on them.
void write_alternatives(std::ostream& out, const Painter& paint, const Report& report) {
  write_heading(out, paint, "Alternatives", report.exclusive_issues());
  for (const IssueRow& issue : report.issues) {
    if (!issue.exclusive) continue;
    const std::string status(to_string(issue.status));
    const std::string head = safe(issue.id) + ": ";
    out << "  " << head << paint(status, issue_color(issue.status));
    write_hanging(out, "; " + detail::alternatives_outcome(issue),
                  2 + display_width(head) + static_cast<int>(status.size()), 6);
    if (!issue.superseded.empty()) {
      out << "    superseded: ";
      write_hanging(out, detail::join(issue.superseded, ", "), 16, 6);
    }
    // Each party's stand on the alternatives, as the matrix's cell has it in short.
    for (std::size_t p = 0; p < issue.cells.size() && p < report.parties.size(); ++p) {
      const std::string party = safe(report.parties[p].id) + ": ";
      out << "    " << party;
      write_hanging(out, detail::cell_text(detail::summarize(issue.cells[p])),
                    4 + display_width(party), 6);
    }
  }
}

void write_diagnostics(std::ostream& out, const Painter& paint, const Report& report) {
  if (report.diagnostics.empty()) return;
  write_heading(out, paint, "Warnings", report.diagnostics.size());
  for (const Diagnostic& d : report.diagnostics) {
    std::string where = safe(d.where.file);
    if (d.where.line > 0) where += fmt::format(":{}:{}", d.where.line, d.where.column);
    const std::string level = fmt::format("{}:", to_string(d.severity));
    out << where << ": "
        << paint(level, d.severity == Severity::error ? k_bold_red : k_bold_magenta) << ' '
        << safe(d.message) << '\n';
  }
}

}  // namespace

void write_text(const Report& report, std::ostream& out, const WriteOptions& options) {
  const Painter paint(options.color);
  write_header(out, paint, report);
  write_position_list(out, paint, report, "Common ground", report.common_ground);
  write_position_list(out, paint, report, "Bargaining space", report.bargaining_space);
  write_sticking_points(out, paint, report);
  write_packages(out, paint, report);
  write_position_list(out, paint, report, "Unanswered", report.unanswered);
  if (report.exclusive_issues() > 0) {
    write_alternatives(out, paint, report);
    write_position_list(out, paint, report, "Superseded", report.superseded);
  }
  write_matrix(out, paint, report);
  write_diagnostics(out, paint, report);
}

}  // namespace entente::reports
