// The answer of `entente coalitions` as one self-contained page in the HTML report's style:
// the ranked table, each row with the command for its focused report. No script, no picture:
// the same answer gives the same bytes.
#include <ostream>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "coalitions_parts.h"
#include "escape.h"
#include "html/parts.h"
#include "writers.h"

namespace entente::reports {
namespace {

// Each member as code that does not break at its hyphens, one per line.
std::string members(const Coalition& c) {
  std::string out;
  for (const Symbol id : c.members) {
    out += fmt::format("{}<code class=\"member\">{}</code>", out.empty() ? "" : "<br>",
                       detail::html(id.view()));
  }
  return out;
}

}  // namespace

void write_coalitions_html(const Coalitions& coalitions, std::ostream& out) {
  using detail::html;
  const std::string heading = detail::coalitions_heading(coalitions);
  detail::write_html_head(out, heading, "code.member { white-space: nowrap; }\n");
  out << "<header class=\"top\">\n<p class=\"kicker\">entente coalitions</p>\n<h1>" << html(heading)
      << "</h1>\n</header>\n<main>\n";
  detail::write_section_start(
      out, "coalitions", "Coalitions", coalitions.ranked.size(),
      detail::candidates_line(coalitions) +
          "; by fewer deadlocks, higher cohesion, fewer sticking points, more agreed, lower "
          "weight. Each row's last column is the command for its focused report.");
  if (coalitions.ranked.empty()) {
    out << "<p class=\"none\">No coalition.</p>\n</section>\n";
    detail::write_html_foot(out);
    return;
  }
  // Superseded positions (docs/format.md 7.2) have a column where some coalition has one.
  const bool superseded = detail::any_superseded(coalitions);
  out << "<div class=\"scroll\"><table class=\"changes\">\n<thead><tr>";
  for (const char* column : {"#", "Coalition", "Weight", "Cohesion", "Deadlocks", "Sticking",
                             "Agreed", "Open", "Unanswered", "Superseded", "Focused report"}) {
    if (superseded || std::string_view(column) != "Superseded") {
      out << "<th scope=\"col\">" << column << "</th>";
    }
  }
  out << "</tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < coalitions.ranked.size(); ++i) {
    const Coalition& c = coalitions.ranked[i];
    const std::string deadlocks =
        c.deadlocks == 0 ? "0"
                         : detail::badge("deadlock", detail::stance_symbol(EffectiveStance::reject),
                                         std::to_string(c.deadlocks));
    out << fmt::format(
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
        "<td>{}</td><td>{}</td><td>{}</td>{}<td><code>entente report --parties {}</code></td>"
        "</tr>\n",
        i + 1, members(c), html(detail::weight_text(c)), detail::cohesion_text(c), deadlocks,
        c.sticking, c.agreed, c.open, c.unanswered,
        superseded ? fmt::format("<td>{}</td>", c.superseded) : std::string(),
        html(detail::parties_argument(c)));
  }
  out << "</tbody></table></div>\n</section>\n";
  detail::write_html_foot(out);
}

}  // namespace entente::reports
