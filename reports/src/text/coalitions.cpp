// The answer of `entente coalitions` for a terminal: the ranked coalitions, each with its
// figures and the one-line summary of its focused report (the JSON is json/coalitions.cpp).
// Cohesion is rounded to 3 decimals as printf's %.3f does (docs/format.md 6.5); a weight is
// shown exactly, as summed.
#include <ostream>

#include <fmt/format.h>

#include "coalitions_parts.h"
#include "writers.h"

namespace entente::reports {

void write_coalitions_text(const Coalitions& coalitions, std::ostream& out) {
  out << detail::coalitions_heading(coalitions) << ": " << detail::candidates_line(coalitions)
      << ".\n";
  if (coalitions.ranked.empty()) return;
  out << "Ranked by fewer deadlocks, higher cohesion, fewer sticking points, more agreed, lower "
         "weight.\n";
  for (std::size_t i = 0; i < coalitions.ranked.size(); ++i) {
    const Coalition& c = coalitions.ranked[i];
    out << fmt::format("\n{:>3}. {}\n", i + 1, detail::parties_argument(c));
    out << fmt::format("     weight {}, cohesion {}\n", detail::weight_text(c),
                       detail::cohesion_text(c));
    out << fmt::format("     {}\n", detail::coalition_summary(c));
    out << fmt::format("     entente report --parties {}\n", detail::parties_argument(c));
  }
}

}  // namespace entente::reports
