// The HTML comparison (diff and what-if): one self-contained page in the HTML report's style,
// with summary cards counting each kind of change and a table per kind. Statuses and stances
// are badges with a mark and a word as well as a colour, so they read without colour and in
// grey print. No picture, no script, no time stamp: the same comparison gives the same bytes.
#include <ostream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <fmt/format.h>

#include "comparison_tables.h"
#include "entente/reports/comparison.h"
#include "escape.h"
#include "html/parts.h"
#include "writers.h"

namespace entente::reports {
namespace {

using detail::badge;
using detail::html;
using detail::stance_class;
using detail::stance_symbol;

constexpr std::string_view k_new_mark = "+";
constexpr std::string_view k_withdrawn_mark = "\u2212";  // − (minus)

std::string state_badge(const detail::PositionState& state) {
  if (!state.status) {
    return badge("silent", state.is_new ? k_new_mark : k_withdrawn_mark, detail::state_word(state));
  }
  if (state.deadlock) {
    return badge("deadlock", stance_symbol(EffectiveStance::reject), detail::state_label(state));
  }
  const EffectiveStance look = detail::status_stance(*state.status);
  return badge(stance_class(look), stance_symbol(look), detail::state_word(state));
}

std::string code(std::string_view ref) { return "<code>" + html(ref) + "</code>"; }

struct CellHtml {
  std::string operator()(const std::string& text) const { return html(text); }
  std::string operator()(const detail::Refs& refs) const {
    std::string out;
    for (const std::string& ref : refs.refs) {
      out += (out.empty() ? "" : html(refs.separator)) + code(ref);
    }
    return out;
  }
  std::string operator()(EffectiveStance s) const {
    return badge(stance_class(s), stance_symbol(s), to_string(s));
  }
  std::string operator()(const detail::PositionState& state) const { return state_badge(state); }
  std::string operator()(IssueStatus s) const { return detail::issue_badge(s); }
};

// The colour and mark of a kind of change's card.
struct Look {
  std::string_view css_class;
  std::string_view mark;
};

Look look_of(detail::Tone tone) {
  switch (tone) {
    case detail::Tone::good:
      return {"agree", stance_symbol(EffectiveStance::agree)};
    case detail::Tone::bad:
      return {"reject", stance_symbol(EffectiveStance::reject)};
    case detail::Tone::worst:
      return {"deadlock", "\u203c"};  // ‼, as the report's deadlock card
    case detail::Tone::neutral:
      break;
  }
  return {"all", ""};
}

void write_compared(std::ostream& out, const detail::ComparedHeading& heading) {
  if (!heading.sides.empty()) {
    out << "<p class=\"compared\">";
    for (std::size_t i = 0; i < heading.sides.size(); ++i) {
      out << (i > 0 ? "<br>" : "") << heading.sides[i].first << ": "
          << code(heading.sides[i].second);
    }
    out << "</p>\n";
  }
  if (!heading.intro.empty()) out << "<p class=\"compared\">" << heading.intro << "</p>\n";
  if (heading.applied.empty()) return;
  out << "<ol class=\"applied\">";
  for (const std::string& item : heading.applied) out << "<li>" << code(item) << "</li>";
  out << "</ol>\n";
}

void write_top(std::ostream& out, const ComparisonKind& kind, const Report& after,
               const detail::ComparedHeading& heading,
               const std::vector<detail::ChangeTable>& tables) {
  out << "<header class=\"top\">\n<p class=\"kicker\">"
      << (kind.kind == ComparisonKind::what_if ? "What if" : "Two versions compared")
      << "</p>\n<h1>" << html(after.title.empty() ? "(untitled)" : after.title) << "</h1>\n";
  write_compared(out, heading);
  out << R"(<nav class="toc"><a href="#summary">Summary</a>)";
  for (const detail::ChangeTable& table : tables) {
    out << fmt::format(R"(<a href="#{}">{}</a>)", table.id, table.title);
  }
  out << "</nav>\n</header>\n";
}

// How to read the badges: every status and stance with its mark and word.
void write_legend(std::ostream& out) {
  out << "<ul class=\"legend\">\n<li>Statuses:</li>";
  for (const PositionStatus s : detail::k_statuses) {
    out << "<li>" << CellHtml{}(detail::PositionState{s}) << "</li>";
  }
  out << "<li>" << CellHtml{}(detail::PositionState{PositionStatus::sticking, true}) << "</li>"
      << "<li>" << CellHtml{}(detail::PositionState{.is_new = true}) << "</li>"
      << "<li>" << CellHtml{}(detail::PositionState{}) << "</li>\n</ul>\n"
      << "<ul class=\"legend\">\n<li>Stances:</li>";
  for (const EffectiveStance s : detail::k_stances) out << "<li>" << CellHtml{}(s) << "</li>";
  out << "\n</ul>\n";
}

void write_summary(std::ostream& out, const Comparison& comparison,
                   const std::vector<detail::ChangeTable>& tables) {
  out << R"(<section id="summary"><h2>Summary</h2>)" << '\n'
      << fmt::format(R"(<p class="lede">{}</p>)", html(detail::verdict(comparison))) << '\n';
  if (tables.empty()) {
    out << R"(<p class="none">No changes.</p>)"
        << "\n</section>\n";
    return;
  }
  out << "<div class=\"cards\">\n";
  for (const detail::ChangeTable& table : tables) {
    const Look look = look_of(table.tone);
    detail::write_html_card(out, look.css_class, look.mark, table.rows.size(), table.title);
  }
  out << "</div>\n";
  write_legend(out);
  out << "</section>\n";
}

void write_table(std::ostream& out, const detail::ChangeTable& table) {
  detail::write_section_start(out, table.id, table.title, table.rows.size(), table.lede);
  if (table.columns.size() == 1) {
    out << "<ul class=\"refs\">\n";
    for (const auto& row : table.rows) {
      out << "<li>" << std::visit(CellHtml{}, row.front()) << "</li>\n";
    }
    out << "</ul>\n</section>\n";
    return;
  }
  out << "<div class=\"scroll\"><table class=\"changes\">\n<thead><tr>";
  for (const std::string& column : table.columns) out << "<th scope=\"col\">" << column << "</th>";
  out << "</tr></thead>\n<tbody>\n";
  for (const auto& row : table.rows) {
    out << "<tr>";
    for (const detail::ChangeCell& cell : row)
      out << "<td>" << std::visit(CellHtml{}, cell) << "</td>";
    out << "</tr>\n";
  }
  out << "</tbody></table></div>\n</section>\n";
}

}  // namespace

void write_comparison_html(const ComparisonKind& kind, const StreamedReport& /*before*/,
                           const StreamedReport& after, const Comparison& comparison,
                           std::ostream& out, const WriteOptions& /*options*/) {
  const std::vector<detail::ChangeTable> tables = detail::change_tables(kind, comparison);
  const detail::ComparedHeading heading = detail::compared_heading(kind, after.header());
  detail::write_html_head(out, heading.title);
  write_top(out, kind, after.header(), heading, tables);
  out << "<main>\n";
  write_summary(out, comparison, tables);
  for (const detail::ChangeTable& table : tables) write_table(out, table);
  detail::write_html_foot(out);
}

}  // namespace entente::reports
