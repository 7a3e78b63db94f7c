// The answer of `entente coalitions` in Markdown: the ranked coalitions as a table, then each
// one's focused report in a line (as text/coalitions.cpp).
#include <ostream>

#include <fmt/format.h>

#include "coalitions_parts.h"
#include "escape.h"
#include "writers.h"

namespace entente::reports {

void write_coalitions_markdown(const Coalitions& coalitions, std::ostream& out) {
  out << "# " << detail::coalitions_heading(coalitions) << "\n\n"
      << detail::candidates_line(coalitions) << ".\n";
  if (coalitions.ranked.empty()) return;
  // Superseded positions (docs/format.md 7.2) have a column where some coalition has one.
  const bool superseded = detail::any_superseded(coalitions);
  out << "\nRanked by fewer deadlocks, higher cohesion, fewer sticking points, more agreed, "
         "lower weight.\n\n"
         "| # | coalition | weight | cohesion | deadlocks | sticking | agreed | open | "
         "unanswered |"
      << (superseded ? " superseded |" : "") << "\n|---:|---|---:|---:|---:|---:|---:|---:|---:|"
      << (superseded ? "---:|" : "") << "\n";
  for (std::size_t i = 0; i < coalitions.ranked.size(); ++i) {
    const Coalition& c = coalitions.ranked[i];
    out << fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} | {} |{}\n", i + 1,
                       detail::markdown_code(detail::parties_argument(c)), detail::weight_text(c),
                       detail::cohesion_text(c), c.deadlocks, c.sticking, c.agreed, c.open,
                       c.unanswered, superseded ? fmt::format(" {} |", c.superseded) : "");
  }
  out << "\n## Their focused reports\n\n";
  for (std::size_t i = 0; i < coalitions.ranked.size(); ++i) {
    const Coalition& c = coalitions.ranked[i];
    out << fmt::format("{}. {}: {}. `entente report --parties {}`\n", i + 1,
                       detail::markdown_code(detail::parties_argument(c)),
                       detail::coalition_summary(c), detail::parties_argument(c));
  }
}

}  // namespace entente::reports
