#pragma once
// What the text, Markdown and HTML forms of `entente coalitions` share: the heading, each
// coalition's figures as people read them, and the line that leads to its focused report.

#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "entente/coalitions.h"
#include "text/style.h"

namespace entente::reports::detail {

/// "Coalitions of 3 parties" or "Minimal winning coalitions for a quota of 23".
inline std::string coalitions_heading(const Coalitions& c) {
  if (c.quota) return fmt::format("Minimal winning coalitions for a quota of {}", c.quota->str());
  return fmt::format("Coalitions of {} parties", c.size.value_or(0));
}

/// "12 candidates, the first 10 ranked" or "3 candidates, all ranked".
inline std::string candidates_line(const Coalitions& c) {
  if (c.ranked.size() == c.candidates) {
    return fmt::format("{}, all ranked", plural(c.candidates, "candidate", "candidates"));
  }
  return fmt::format("{}, the first {} ranked", plural(c.candidates, "candidate", "candidates"),
                     c.ranked.size());
}

/// Its focused report in one line: "4 agreed, 1 open, 2 sticking (1 deadlock), 0 unanswered",
/// and ", 1 superseded" when any are (docs/format.md 7.2), as the report's summary has it.
inline std::string coalition_summary(const Coalition& c) {
  return fmt::format("{} agreed, {} open, {} sticking ({}), {} unanswered{}", c.agreed, c.open,
                     c.sticking, plural(c.deadlocks, "deadlock", "deadlocks"), c.unanswered,
                     c.superseded > 0 ? fmt::format(", {} superseded", c.superseded) : "");
}

/// Whether some ranked coalition has a superseded position (docs/format.md 7.2).
inline bool any_superseded(const Coalitions& coalitions) {
  return std::any_of(coalitions.ranked.begin(), coalitions.ranked.end(),
                     [](const Coalition& c) { return c.superseded > 0; });
}

/// Cohesion to 3 decimals, "-" when undefined.
inline std::string cohesion_text(const Coalition& c) {
  return c.cohesion ? fmt::format("{:.3f}", *c.cohesion) : std::string("-");
}

/// The exact summed weight, "-" without one.
inline std::string weight_text(const Coalition& c) {
  return c.weight ? c.weight->str() : std::string("-");
}

/// The members as `--parties` takes them: "a,b,c".
inline std::string parties_argument(const Coalition& c) {
  std::vector<std::string> ids;
  for (const Symbol id : c.members) ids.emplace_back(id.view());
  return fmt::format("{}", fmt::join(ids, ","));
}

}  // namespace entente::reports::detail
