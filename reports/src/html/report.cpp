// The HTML report: one self-contained page (inline CSS and SVG, no script, nothing loaded from
// anywhere) that opens offline in any browser and prints well. The same report gives the same
// bytes: no time stamp, no version.
//
// The picture of the position graph is drawn by Graphviz, which the CLI runs (a writer never
// runs programs): it arrives as WriteOptions::graph_svg and is inlined as it is.
#include <array>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "escape.h"
#include "html/parts.h"
#include "report_summary.h"
#include "writers.h"

namespace entente::reports {
namespace {

using detail::html;
using detail::k_stances;
using detail::k_statuses;
using detail::stance_class;
using detail::stance_symbol;
using detail::write_section_start;

// The sections, for the table of contents at the top.
constexpr auto k_sections = std::to_array<std::pair<std::string_view, std::string_view>>(
    {{"summary", "Summary"},
     {"matrix", "Issues by party"},
     {"sticking-points", "Sticking points"},
     {"common-ground", "Common ground"},
     {"bargaining-space", "Bargaining space"},
     {"packages", "Packages"},
     {"unanswered", "Unanswered"},
     {"graph", "Graph"}});

constexpr std::string_view k_no_answer = "\u2013";  // – : the party answers no position here

void write_top(std::ostream& out, const Report& report) {
  out << "<header class=\"top\">\n<p class=\"kicker\">Negotiation positions compared</p>\n"
      << "<h1>" << html(report.title.empty() ? "(untitled)" : report.title) << "</h1>\n";
  if (!report.date.empty()) out << "<p class=\"date\">" << html(report.date) << "</p>\n";
  if (!report.description.empty()) {
    out << "<p class=\"description\">" << html(report.description) << "</p>\n";
  }
  if (!report.parties.empty()) {
    out << "<p class=\"parties\">Parties: ";
    for (const PartyRow& party : report.parties) {
      out << fmt::format(R"(<span class="party">{} <code>{}</code>)", html(party.name),
                         html(party.id));
      if (!party.weight.empty()) {
        out << fmt::format(R"( <span class="weight">weight {}</span>)", html(party.weight));
      }
      out << "</span>";
    }
    out << "</p>\n";
  }
  out << "<nav class=\"toc\">";
  for (const auto& [id, name] : k_sections) {
    out << fmt::format(R"(<a href="#{}">{}</a>)", id, name);
  }
  out << "</nav>\n</header>\n";
}

// One bar split in proportion to the statuses: the balance of the whole negotiation at a glance.
void write_status_bar(std::ostream& out, const Report& report,
                      const detail::PositionCounts& counts) {
  if (report.positions.empty()) return;
  out << R"(<div class="bar" role="img" aria-label="positions by status">)";
  for (const PositionStatus status : k_statuses) {
    const std::size_t n = counts.of(status);
    if (n == 0) continue;
    const double percent =
        100.0 * static_cast<double>(n) / static_cast<double>(report.positions.size());
    out << fmt::format(R"(<span class="cell {}" style="width:{:.2f}%" title="{} {}"></span>)",
                       stance_class(detail::status_stance(status)), percent, n, to_string(status));
  }
  out << "</div>\n<p class=\"bar-caption\">Positions by status: agreed, open, sticking, "
         "unanswered, left to right.</p>\n";
}

void write_summary(std::ostream& out, const Report& report) {
  const detail::PositionCounts counts = detail::count_positions(report);
  out << R"(<section id="summary"><h2>Summary</h2>)" << '\n'
      << fmt::format(R"(<p class="lede">{}</p>)", html(detail::summary_line(report)))
      << "\n<div class=\"cards\">\n";
  detail::write_html_card(out, "all", "", report.positions.size(), "positions");
  for (const PositionStatus status : k_statuses) {
    const EffectiveStance look = detail::status_stance(status);
    detail::write_html_card(out, stance_class(look), stance_symbol(look), counts.of(status),
                            to_string(status));
  }
  detail::write_html_card(out, "deadlock", "\u203c", counts.deadlocks, "deadlocks");
  detail::write_html_card(out, "package", "+", report.packages.size(), "packages");
  out << "</div>\n";
  write_status_bar(out, report, counts);
  out << "</section>\n";
}

// The cell says what the text report's cell says (report_summary.h), with a mark and a colour.
void write_cell(std::ostream& out, const MatrixCell& c) {
  const std::string tip =
      fmt::format("agree {}, consider {}, reject {}, silent {}; holds {}, red lines {}", c.agree,
                  c.consider, c.reject, c.silent, c.held, c.red_lines);
  const detail::CellSummary cell = detail::summarize(c);
  if (cell.alternatives) {  // an exclusive issue: its alternatives, in words
    out << fmt::format(R"(<td class="cell none" title="{}">{}</td>)", tip,
                       html(detail::cell_text(cell)));
    return;
  }
  const std::string holds =
      cell.holds.empty() ? "" : fmt::format(R"(<span class="holds">{}</span>)", cell.holds);
  if (!cell.hardest) {
    out << fmt::format(R"(<td class="cell none" title="{}"><span class="mark">{}</span>{}</td>)",
                       tip, k_no_answer, holds);
    return;
  }
  out << fmt::format(R"(<td class="cell {}" title="{}"><span class="mark">{}</span>)",
                     stance_class(*cell.hardest), tip, stance_symbol(*cell.hardest))
      << fmt::format(R"(<span class="word">{}</span>{}</td>)", to_string(*cell.hardest), holds);
}

void write_legend(std::ostream& out) {
  out << "<ul class=\"legend\">\n";
  for (const EffectiveStance s : k_stances) {
    out << fmt::format(R"(<li><span class="swatch cell {}">{}</span>{}</li>)", stance_class(s),
                       stance_symbol(s), to_string(s))
        << '\n';
  }
  out << fmt::format(R"(<li><span class="swatch cell none">{}</span>nothing to answer</li>)",
                     k_no_answer)
      << "\n<li>holds N: N positions of its own on the issue, * if one is a red line</li>\n</ul>\n";
}

void write_matrix(std::ostream& out, const Report& report) {
  write_section_start(out, "matrix", "Issues by party", report.issues.size(),
                      "Each cell: the party's hardest answer to the other parties' positions on "
                      "the issue (reject, then consider, then silent, then agree).");
  out << "<div class=\"scroll\"><table class=\"heat\">\n<thead><tr><th>Issue</th><th>Status</th>";
  for (const PartyRow& party : report.parties) {
    out << fmt::format(R"(<th class="party" scope="col">{}<span class="ref">{}</span></th>)",
                       html(party.name), html(party.id));
  }
  out << "</tr></thead>\n<tbody>\n";
  for (const IssueRow& issue : report.issues) {
    out << fmt::format(R"(<tr><td class="issue">{}<span class="ref">{}</span></td>)",
                       html(issue.title), html(issue.id))
        << "<td class=\"status\">" << detail::issue_badge(issue.status)
        << (issue.exclusive ? R"(<span class="ref">exclusive</span>)" : "") << "</td>";
    for (const MatrixCell& cell : issue.cells) write_cell(out, cell);
    out << "</tr>\n";
  }
  out << "</tbody></table></div>\n";
  write_legend(out);
  if (report.exclusive_issues() > 0) {
    out << "<p>" << html(detail::k_alternatives_legend) << "</p>\n";
  }
  out << "</section>\n";
}

// docs/format.md 7: each exclusive issue's outcome, and its superseded alternatives.
void write_alternatives(std::ostream& out, const Report& report) {
  write_section_start(out, "alternatives", "Alternatives", report.exclusive_issues(),
                      "Issues whose positions are alternatives: at most one can be the outcome, "
                      "and once one is agreed the others are superseded.");
  out << "<ul class=\"alternatives\">\n";
  for (const IssueRow& issue : report.issues) {
    if (!issue.exclusive) continue;
    out << fmt::format("<li><code>{}</code> {} {}", html(issue.id),
                       detail::issue_badge(issue.status),
                       html(detail::alternatives_outcome(issue)));
    if (!issue.superseded.empty()) {
      out << "; superseded: ";
      for (std::size_t i = 0; i < issue.superseded.size(); ++i) {
        out << (i == 0 ? "" : ", ") << "<code>" << html(issue.superseded[i]) << "</code>";
      }
    }
    out << "</li>\n";
  }
  out << "</ul>\n</section>\n";
}

void write_graph(std::ostream& out, const WriteOptions& options) {
  write_section_start(out, "graph", "Position graph", std::nullopt,
                      "Who holds what, and who answers what with what.");
  out << "<figure class=\"graph\">\n";
  if (options.graph_svg.empty()) {
    const std::string why = options.graph_note.empty() ? "It was not drawn." : options.graph_note;
    out << "<p class=\"graph-missing\">No picture of the graph: " << html(why) << "</p>\n";
  } else {
    // A checkbox and CSS switch between the whole graph fitted to the page and its real size:
    // no script needed.
    out << R"(<input type="checkbox" id="graph-zoom" class="zoom">)"
        << R"(<label for="graph-zoom">Real size (scroll to move around)</label>)" << '\n'
        << "<div class=\"graph-box\">" << options.graph_svg << "</div>\n";
  }
  out << "<figcaption>Each party is a box holding its positions; arrows run from the party, or "
         "from the position it answers with, to the position it takes a stance on.</figcaption>\n"
      << "</figure>\n</section>\n";
}

void write_diagnostics(std::ostream& out, const Report& report) {
  if (report.diagnostics.empty()) return;
  write_section_start(out, "warnings", "Warnings", report.diagnostics.size(),
                      "Found while reading the files; they do not change the analysis.");
  out << "<ul class=\"warnings\">\n";
  for (const Diagnostic& d : report.diagnostics) {
    std::string where = html(d.where.file);
    if (d.where.line > 0) where += fmt::format(":{}:{}", d.where.line, d.where.column);
    out << fmt::format("<li><code>{}</code>: {}: {}</li>\n", where, to_string(d.severity),
                       html(d.message));
  }
  out << "</ul>\n</section>\n";
}

}  // namespace

void write_html(const Report& report, std::ostream& out, const WriteOptions& options) {
  detail::write_html_head(out, report.title.empty() ? "Entente report" : report.title);
  write_top(out, report);
  out << "<main>\n";
  write_summary(out, report);
  write_matrix(out, report);
  detail::write_html_sticking_points(out, report);
  detail::write_html_positions(
      out, report,
      {"common-ground", "Common ground", "Agreed by every party they are addressed to."},
      report.common_ground);
  detail::write_html_positions(out, report,
                               {"bargaining-space", "Bargaining space",
                                "Considered by someone and rejected by no one: where a deal "
                                "can be made."},
                               report.bargaining_space);
  detail::write_html_packages(out, report);
  detail::write_html_positions(out, report,
                               {"unanswered", "Unanswered",
                                "Not rejected, not considered, and someone has "
                                "not answered yet."},
                               report.unanswered);
  if (report.exclusive_issues() > 0) {
    write_alternatives(out, report);
    detail::write_html_positions(out, report,
                                 {"superseded", "Superseded",
                                  "Alternatives of an exclusive issue on which another "
                                  "alternative is agreed."},
                                 report.superseded);
  }
  write_graph(out, options);
  write_diagnostics(out, report);
  detail::write_html_foot(out);
}

}  // namespace entente::reports
