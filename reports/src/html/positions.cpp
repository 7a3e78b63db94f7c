// The HTML report's position cards: sticking points (ranked), common ground, bargaining space,
// unanswered positions and packages. A card carries what a reader needs to check the analysis
// without the files: the text, the quote with its source, the note, and every party's answer.
#include <cctype>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "blocks.h"
#include "escape.h"
#include "html/parts.h"
#include "report_summary.h"

namespace entente::reports::detail {
namespace {

// Only web addresses become links: a `javascript:` or `file:` URL in a source stays text.
bool is_web_url(std::string_view url) {
  const auto starts = [&](std::string_view prefix) {
    if (url.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(url[i])) != prefix[i]) return false;
    }
    return true;
  };
  return starts("https://") || starts("http://");
}

// Each position has one card, in the section of its status, so a reference can link to it.
std::string ref_link(const Report& report, std::string_view ref) {
  if (report.find(ref) == nullptr) return fmt::format(R"(<span class="ref">{}</span>)", html(ref));
  return fmt::format(R"(<a class="ref" href="#pos-{0}">{0}</a>)", html(ref));
}

// Refs as std::string (a package) or as views (a stance's conditions).
template <class Ref>
std::string ref_links(const Report& report, const std::vector<Ref>& refs,
                      std::string_view separator) {
  std::string out;
  for (const std::string_view ref : refs) {
    out += (out.empty() ? "" : std::string(separator)) + ref_link(report, ref);
  }
  return out;
}

// "Title, 2022-01-26", the title a link when the source has a web address.
std::string source_line(const Report& report, std::string_view source_id) {
  const SourceRow* source = report.find_source(source_id);
  if (source == nullptr) return fmt::format("<cite>{}</cite>", html(source_id));
  const std::string title = html(source->title.empty() ? source->id : source->title);
  std::string line =
      is_web_url(source->url)
          ? fmt::format(R"(<cite><a href="{}" rel="noopener noreferrer">{}</a></cite>)",
                        html(source->url), title)
          : fmt::format("<cite>{}</cite>", title);
  if (!source->date.empty()) line += fmt::format(", <time>{}</time>", html(source->date));
  if (!source->url.empty() && !is_web_url(source->url)) line += ", " + html(source->url);
  return line;
}

// Every source cited, one after the other.
std::string source_lines(const Report& report, const std::vector<std::string_view>& sources) {
  std::string out;
  for (const std::string_view source : sources) {
    if (!out.empty()) out += "; ";
    out += source_line(report, source);
  }
  return out;
}

void write_citation(std::ostream& out, const Report& report, const PositionRow& row) {
  if (row.quote.empty() && row.sources.empty()) return;
  out << R"(<figure class="citation">)";
  if (!row.quote.empty()) out << "<blockquote>\u201c" << html(row.quote) << "\u201d</blockquote>";
  if (!row.sources.empty()) out << "<p>\u2014 " << source_lines(report, row.sources) << "</p>";
  out << "</figure>\n";
}

std::string answer_details(const Report& report, const StanceRow& answer) {
  std::string details;
  if (!answer.via.empty()) details = "via " + ref_link(report, answer.via);
  if (!answer.agree_if.empty()) {
    if (!details.empty()) details += "; ";
    details +=
        std::string(condition_phrase(answer)) + " " + ref_links(report, answer.agree_if, " + ");
  }
  if (!answer.quote.empty()) {
    details += (details.empty() ? "" : " ") + fmt::format("<q>{}</q>", html(answer.quote));
  }
  if (!answer.note.empty()) details += (details.empty() ? "" : " \u2014 ") + html(answer.note);
  if (!answer.sources.empty()) {
    details +=
        fmt::format(R"( <span class="source">({})</span>)", source_lines(report, answer.sources));
  }
  return details;
}

void write_answers(std::ostream& out, const Report& report, const PositionRow& row) {
  if (row.stances.empty()) return;
  out << R"(<ul class="answers">)" << '\n';
  for (const StanceRow& answer : row.stances) {
    out << fmt::format(
               R"(<li><span class="party">{}</span> {} <span class="details">{}</span></li>)",
               html(answer.party),
               badge(stance_class(answer.stance), stance_symbol(answer.stance),
                     to_string(answer.stance)),
               answer_details(report, answer))
        << '\n';
  }
  out << "</ul>\n";
}

std::string facts(const Report& report, const PositionRow& row) {
  const IssueRow* issue = report.find_issue(row.issue);
  const std::string_view issue_name =
      issue != nullptr && !issue->title.empty() ? std::string_view(issue->title) : row.issue;
  std::string chips = fmt::format(R"(<span class="chip" title="issue {}">{}</span>)",
                                  html(row.issue), html(issue_name));
  chips += fmt::format(R"(<span class="chip">{}</span><span class="chip">priority {}</span>)",
                       to_string(row.kind), row.priority);
  if (row.red_line) chips += R"(<span class="chip red-line">red line</span>)";
  if (row.in_package) chips += R"(<span class="chip">in a package</span>)";
  return chips;
}

// What goes before the reference in a card's head: a sticking point's rank and deadlock mark.
struct CardHead {
  std::size_t rank = 0;  ///< 0: not ranked
  const StickingPoint* point = nullptr;
};

void write_card(std::ostream& out, const Report& report, const PositionRow& row,
                const CardHead& head) {
  const bool deadlock = head.point != nullptr && head.point->deadlock;
  const std::string_view css = deadlock ? "deadlock" : stance_class(status_stance(row.status));
  out << fmt::format(R"(<li class="pos {}" id="pos-{}"><div class="pos-head">)", css,
                     html(row.ref));
  if (head.rank > 0) out << fmt::format(R"(<span class="rank">{}.</span>)", head.rank);
  if (deadlock) out << badge("deadlock", stance_symbol(EffectiveStance::reject), "deadlock");
  out << fmt::format(R"(<span class="ref">{}</span>)", html(row.ref)) << facts(report, row);
  if (head.point != nullptr) {
    std::string parties;
    for (const std::string& party : head.point->rejected_by) {
      parties += (parties.empty() ? "" : ", ") + html(party);
    }
    out << fmt::format(R"(<span class="rejected-by">rejected by {}</span>)", parties);
  }
  out << "</div>\n" << fmt::format(R"(<p class="text">{}</p>)", html(row.text)) << '\n';
  write_citation(out, report, row);
  if (!row.note.empty()) out << fmt::format(R"(<p class="note">Note: {}</p>)", html(row.note));
  write_answers(out, report, row);
  out << "</li>\n";
}

// An empty list is said in words; true when the section was closed because of that.
bool closed_when_empty(std::ostream& out, bool empty) {
  if (empty)
    out << R"(<p class="none">None.</p>)"
        << "\n</section>\n";
  return empty;
}

}  // namespace

void write_section_start(std::ostream& out, std::string_view id, std::string_view title,
                         std::optional<std::size_t> count, std::string_view lede) {
  out << fmt::format(R"(<section id="{}"><h2>{})", id, title);
  if (count) out << fmt::format(R"(<span class="count">{}</span>)", *count);
  out << "</h2>\n" << fmt::format(R"(<p class="lede">{}</p>)", lede) << '\n';
}

void write_html_sticking_points(std::ostream& out, const Report& report) {
  write_section_start(out, "sticking-points", "Sticking points", report.sticking_points.size(),
                      "Rejected by at least one party they are addressed to, ranked: deadlocks "
                      "(a red line rejected by a red line) first, then by priority and by the "
                      "number of parties that reject.");
  if (closed_when_empty(out, report.sticking_points.empty())) return;
  out << R"(<ol class="cards-list">)" << '\n';
  write_in_blocks(out, report.sticking_points.size(), [&](std::ostream& part, std::size_t i) {
    const StickingPoint& point = report.sticking_points[i];
    const PositionRow* row = report.find(point.ref);
    if (row != nullptr) write_card(part, report, *row, {.rank = i + 1, .point = &point});
  });
  out << "</ol>\n</section>\n";
}

void write_html_positions(std::ostream& out, const Report& report, const PositionSection& section,
                          const std::vector<std::string>& refs) {
  write_section_start(out, section.id, section.title, refs.size(), section.lede);
  if (closed_when_empty(out, refs.empty())) return;
  out << R"(<ol class="cards-list">)" << '\n';
  write_in_blocks(out, refs.size(), [&](std::ostream& part, std::size_t i) {
    const PositionRow* row = report.find(refs[i]);
    if (row != nullptr) write_card(part, report, *row, {});
  });
  out << "</ol>\n</section>\n";
}

void write_html_packages(std::ostream& out, const Report& report) {
  write_section_start(out, "packages", "Packages", report.packages.size(),
                      "Deals that no one accepts alone: each member is agreed only if the "
                      "others are, so they stand or fall together.");
  if (closed_when_empty(out, report.packages.empty())) return;
  out << R"(<ol class="packages">)" << '\n';
  for (const std::vector<std::string>& package : report.packages) {
    out << "<li>" << ref_links(report, package, R"(<span class="plus">+</span>)") << "</li>\n";
  }
  out << "</ol>\n</section>\n";
}

}  // namespace entente::reports::detail
