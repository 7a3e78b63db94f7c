// The Markdown report: GitHub-flavoured, for a code host or a wiki; its comparison is
// markdown/comparison.cpp. Every piece of user text goes through escape.h's markdown functions
// right where it is written; the words of our own are chosen so they need none.

#include "writers.h"

#include <algorithm>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "blocks.h"
#include "escape.h"
#include "markdown/parts.h"
#include "report_summary.h"

namespace entente::reports {
namespace detail {

void write_markdown_heading(std::ostream& out, std::string_view name, std::size_t count) {
  out << fmt::format("\n## {} ({})\n\n", name, count);
}

void write_markdown_row(std::ostream& out, const std::vector<std::string>& cells) {
  out << '|';
  for (const std::string& cell : cells) out << ' ' << cell << " |";
  out << '\n';
}

std::string markdown_issue_status(IssueStatus status) {
  const std::string word(to_string(status));
  const bool loud = status == IssueStatus::deadlocked || status == IssueStatus::conflicting;
  return loud ? "**" + word + "**" : word;
}

}  // namespace detail
namespace {

using detail::markdown;
using detail::markdown_cell;
using detail::markdown_code;
using detail::markdown_code_list;
using detail::markdown_issue_status;
using detail::write_markdown_heading;
using detail::write_markdown_row;

// Continuation lines of an escaped multi-line text, indented to stay inside a list item or a
// block quote (a lazy continuation would render the same, but reads worse).
std::string indented(std::string_view escaped, std::string_view prefix) {
  std::string out;
  for (const char c : escaped) {
    out += c;
    if (c == '\n') out += prefix;
  }
  return out;
}

void write_header(std::ostream& out, const Report& report) {
  out << "# " << markdown_cell(report.title.empty() ? "(untitled)" : report.title) << '\n';
  if (!report.date.empty()) out << "\nDate: " << markdown_cell(report.date) << '\n';
  if (!report.description.empty()) out << '\n' << markdown(report.description) << '\n';
  out << "\n**" << markdown_cell(detail::summary_line(report)) << "**\n";
  if (report.parties.empty()) return;
  out << "\nParties:\n\n";
  for (const PartyRow& party : report.parties) {
    out << "- " << markdown_code(party.id) << ": " << markdown_cell(party.name);
    if (!party.weight.empty()) out << " (weight " << party.weight << ')';
    out << '\n';
  }
}

// "Further NATO enlargement (`nato-enlargement`) · demand · priority 5 · **red line**".
std::string position_facts(const Report& report, const PositionRow& row) {
  const IssueRow* issue = report.find_issue(row.issue);
  std::string facts = issue != nullptr && !issue->title.empty()
                          ? markdown_cell(issue->title) + " (" + markdown_code(row.issue) + ")"
                          : markdown_code(row.issue);
  facts += fmt::format(" · {} · priority {}", to_string(row.kind), row.priority);
  if (row.red_line) facts += " · **red line**";
  return facts;
}

// `"quote" — Source title, 2022-02-02`, the source named by its title when it has one.
std::string citation(const Report& report, const PositionRow& row) {
  std::string line = "\"" + markdown(row.quote) + "\"";
  if (row.source.empty()) return line;
  const SourceRow* source = report.find_source(row.source);
  const std::string_view title = row.source_title.empty() ? row.source : row.source_title;
  line += " — " + markdown(title);
  if (source != nullptr && !source->date.empty()) line += ", " + markdown_cell(source->date);
  return line;
}

// "**usa**: consider via `usa/x`; agrees if `usa/y` — note".
std::string answer_line(const StanceRow& answer) {
  std::string line =
      fmt::format("**{}**: {}", markdown_cell(answer.party), to_string(answer.stance));
  if (!answer.via.empty()) line += " via " + markdown_code(answer.via);
  if (!answer.agree_if.empty()) {
    line += fmt::format("; {} {}", detail::condition_phrase(answer),
                        markdown_code_list(answer.agree_if, ", "));
  }
  if (!answer.quote.empty()) line += " \"" + markdown(answer.quote) + "\"";
  if (!answer.note.empty()) line += " — " + markdown(answer.note);
  return line;
}

// A list item (`marker` is "- " or "1. ") holding a position: a head line, its facts, its text,
// quote and note as paragraphs, and the answers worth listing (detail::worth_listing) as a
// nested list.
void write_position_item(std::ostream& out, const Report& report, std::string_view marker,
                         std::string_view head, const PositionRow& row) {
  const std::string indent(marker.size(), ' ');
  out << marker << head << "\\\n" << indent << position_facts(report, row) << "\n\n";
  out << indent << indented(markdown(row.text), indent) << '\n';
  if (!row.quote.empty()) {
    const std::string quote_prefix = indent + "> ";
    out << '\n' << quote_prefix << indented(citation(report, row), quote_prefix) << '\n';
  }
  if (!row.note.empty()) {
    out << '\n' << indent << "Note: " << indented(markdown(row.note), indent) << '\n';
  }
  bool first = true;
  for (const StanceRow& answer : row.stances) {
    if (!detail::worth_listing(answer)) continue;
    out << (first ? "\n" : "") << indent << "- " << indented(answer_line(answer), indent + "  ")
        << '\n';
    first = false;
  }
}

void write_position_list(std::ostream& out, const Report& report, std::string_view name,
                         const std::vector<std::string>& refs) {
  write_markdown_heading(out, name, refs.size());
  if (refs.empty()) out << "None.\n";
  detail::write_in_blocks(out, refs.size(), [&](std::ostream& part, std::size_t i) {
    const PositionRow* row = report.find(refs[i]);
    if (i > 0) part << '\n';
    if (row == nullptr) {
      part << "- " << markdown_code(refs[i]) << '\n';
    } else {
      write_position_item(part, report, "- ", markdown_code(refs[i]), *row);
    }
  });
}

void write_sticking_points(std::ostream& out, const Report& report) {
  write_markdown_heading(out, "Sticking points", report.sticking_points.size());
  if (report.sticking_points.empty()) out << "None.\n";
  detail::write_in_blocks(
      out, report.sticking_points.size(), [&](std::ostream& part, std::size_t i) {
        const StickingPoint& point = report.sticking_points[i];
        std::string head = point.deadlock ? "**DEADLOCK** " : "";
        head += markdown_code(point.ref) + ": rejected by ";
        for (std::size_t p = 0; p < point.rejected_by.size(); ++p) {
          head += (p == 0 ? "**" : ", **") + markdown_cell(point.rejected_by[p]) + "**";
        }
        if (i > 0) part << '\n';
        const std::string marker = fmt::format("{}. ", i + 1);
        const PositionRow* row = report.find(point.ref);
        if (row == nullptr) {
          part << marker << head << '\n';
        } else {
          write_position_item(part, report, marker, head, *row);
        }
      });
}

void write_packages(std::ostream& out, const Report& report) {
  write_markdown_heading(out, "Packages", report.packages.size());
  if (report.packages.empty()) {
    out << "None.\n";
    return;
  }
  out << "Agreed only together: every member waits for the others.\n\n";
  for (std::size_t i = 0; i < report.packages.size(); ++i) {
    out << fmt::format("{}. {}\n", i + 1, markdown_code_list(report.packages[i], " + "));
  }
}

void write_matrix(std::ostream& out, const Report& report) {
  write_markdown_heading(out, "Issues by party", report.issues.size());
  if (report.issues.empty()) {
    out << "None.\n";
    return;
  }
  std::vector<std::string> header = {"issue", "title", "status"};
  for (const PartyRow& party : report.parties) header.push_back(markdown_cell(party.id));
  write_markdown_row(out, header);
  write_markdown_row(out, std::vector<std::string>(header.size(), "---"));
  for (const IssueRow& issue : report.issues) {
    std::vector<std::string> row = {
        markdown_cell(issue.id), markdown_cell(issue.title),
        markdown_issue_status(issue.status) + (issue.exclusive ? ", exclusive" : "")};
    for (const MatrixCell& cell : issue.cells) {
      row.push_back(markdown_cell(detail::cell_text(detail::summarize(cell))));
    }
    write_markdown_row(out, row);
  }
  out << '\n' << markdown(detail::k_matrix_legend) << '\n';
  if (report.exclusive_issues() > 0) out << '\n' << markdown(detail::k_alternatives_legend) << '\n';
}

// docs/format.md 7: each exclusive issue's outcome, and its superseded alternatives.
void write_alternatives(std::ostream& out, const Report& report) {
  write_markdown_heading(out, "Alternatives", report.exclusive_issues());
  for (const IssueRow& issue : report.issues) {
    if (!issue.exclusive) continue;
    out << "- " << markdown_code(issue.id) << ": " << markdown_issue_status(issue.status) << "; "
        << markdown(detail::alternatives_outcome(issue));
    if (!issue.superseded.empty()) {
      out << "; superseded: " << markdown_code_list(issue.superseded, ", ");
    }
    out << '\n';
    for (std::size_t p = 0; p < issue.cells.size() && p < report.parties.size(); ++p) {
      out << "  - **" << markdown_cell(report.parties[p].id)
          << "**: " << markdown(detail::cell_text(detail::summarize(issue.cells[p]))) << '\n';
    }
  }
}

void write_diagnostics(std::ostream& out, const Report& report) {
  if (report.diagnostics.empty()) return;
  write_markdown_heading(out, "Warnings", report.diagnostics.size());
  for (const Diagnostic& d : report.diagnostics) {
    std::string where = d.where.file.str();
    if (d.where.line > 0) where += fmt::format(":{}:{}", d.where.line, d.where.column);
    out << "- " << markdown_code(where) << ": " << to_string(d.severity) << ": "
        << indented(markdown(d.message), "  ") << '\n';
  }
}

}  // namespace

void write_markdown(const Report& report, std::ostream& out) {
  write_header(out, report);
  write_position_list(out, report, "Common ground", report.common_ground);
  write_position_list(out, report, "Bargaining space", report.bargaining_space);
  write_sticking_points(out, report);
  write_packages(out, report);
  write_position_list(out, report, "Unanswered", report.unanswered);
  if (report.exclusive_issues() > 0) {
    write_alternatives(out, report);
    write_position_list(out, report, "Superseded", report.superseded);
  }
  write_matrix(out, report);
  write_diagnostics(out, report);
}

}  // namespace entente::reports
