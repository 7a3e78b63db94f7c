#include "report_summary.h"

#include <cstddef>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <string>
#include <vector>

#include "entente/concede.h"
#include "text/style.h"

namespace entente::reports::detail {

EffectiveStance status_stance(PositionStatus s) {
  switch (s) {
    case PositionStatus::agreed:
      return EffectiveStance::agree;
    case PositionStatus::open:
      return EffectiveStance::consider;
    case PositionStatus::sticking:
      return EffectiveStance::reject;
    case PositionStatus::unanswered:
    case PositionStatus::superseded:
      return EffectiveStance::silent;
  }
  return EffectiveStance::silent;
}

PositionCounts count_positions(const Report& report) {
  PositionCounts counts;
  for (const PositionRow& row : report.positions) {
    ++counts.by_status[static_cast<std::size_t>(row.status)];
    if (row.deadlock) ++counts.deadlocks;
  }
  return counts;
}

std::string summary_line(const Report& report) {
  const PositionCounts c = count_positions(report);
  const std::size_t superseded = c.of(PositionStatus::superseded);
  return fmt::format("{}, {}, {}: {} agreed, {} open, {} sticking ({}), {} unanswered{}; {}",
                     plural(report.parties.size(), "party", "parties"),
                     plural(report.issues.size(), "issue", "issues"),
                     plural(report.positions.size(), "position", "positions"),
                     c.of(PositionStatus::agreed), c.of(PositionStatus::open),
                     c.of(PositionStatus::sticking), plural(c.deadlocks, "deadlock", "deadlocks"),
                     c.of(PositionStatus::unanswered),
                     superseded > 0 ? fmt::format(", {} superseded", superseded) : std::string(),
                     plural(report.packages.size(), "package", "packages"));
}

CellSummary summarize(const MatrixCell& c) {
  CellSummary cell;
  if (c.reject > 0) {
    cell.hardest = EffectiveStance::reject;
  } else if (c.consider > 0) {
    cell.hardest = EffectiveStance::consider;
  } else if (c.silent > 0) {
    cell.hardest = EffectiveStance::silent;
  } else if (c.agree > 0) {
    cell.hardest = EffectiveStance::agree;
  }
  if (c.held > 0) cell.holds = fmt::format("holds {}{}", c.held, c.red_lines > 0 ? "*" : "");
  if (c.alternatives) {
    std::vector<std::string> parts;
    const auto add = [&](std::string_view verb, const std::vector<std::string>& refs) {
      if (!refs.empty()) parts.push_back(fmt::format("{} {}", verb, fmt::join(refs, ", ")));
    };
    add("holds", c.alternatives->own);
    add("backs", c.alternatives->backs);
    add("considers", c.alternatives->considers);
    add("rejects", c.alternatives->rejects);
    cell.alternatives = fmt::format("{}", fmt::join(parts, "; "));
  }
  return cell;
}

std::string issue_status_text(const IssueRow& issue) {
  const std::string status(to_string(issue.status));
  return issue.exclusive ? status + ", exclusive" : status;
}

std::string alternatives_outcome(const IssueRow& issue) {
  if (issue.agreed.size() == 1) return fmt::format("the outcome is {}", issue.agreed.front());
  if (issue.agreed.size() >= 2) {
    return fmt::format("{} are all agreed, yet at most one can be the outcome",
                       fmt::join(issue.agreed, ", "));
  }
  if (!issue.default_position.empty()) {
    return fmt::format("no alternative is agreed: {}, the status quo, holds by default",
                       issue.default_position);
  }
  return "no alternative is agreed";
}

std::string cell_text(const CellSummary& cell) {
  if (cell.alternatives) return cell.alternatives->empty() ? "-" : *cell.alternatives;
  if (!cell.hardest) return cell.holds.empty() ? "-" : cell.holds;
  const std::string stance(to_string(*cell.hardest));
  return cell.holds.empty() ? stance : stance + ", " + cell.holds;
}

std::string_view condition_phrase(const StanceRow& answer) {
  if (!answer.condition_met) return "agrees if";
  return answer.agree_if.size() == 1 ? "condition met:" : "conditions met:";
}

bool worth_listing(const StanceRow& answer) {
  return answer.stance != EffectiveStance::agree || !answer.agree_if.empty() ||
         !answer.quote.empty();
}

std::string was_name(const Move& m) {
  return m.was ? std::string(to_string(*m.was)) : std::string("silent");
}

}  // namespace entente::reports::detail
