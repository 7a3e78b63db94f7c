// The answer of `entente concede` for a terminal: the plans of the optimum cost, or why there
// are none (the JSON is json/concede.cpp).
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "entente/reports/concede.h"
#include "escape.h"
#include "report_summary.h"
#include "text/style.h"
#include "writers.h"

namespace entente::reports {
namespace {

constexpr int k_text_width = 76;

using detail::safe;
using detail::was_name;

std::string join(const std::vector<std::string>& items) { return detail::join(items, ", "); }

// What the move gives up, and how that makes its cost.
std::string move_reason(const Move& m) {
  if (m.kind == MoveKind::withdraw) {
    return m.red_line ? "withdraws a red line"
                      : fmt::format("gives up a position of priority {}", m.basis);
  }
  if (m.red_line) return fmt::format("now {} via the red line {}", was_name(m), safe(m.via));
  std::string out =
      m.via.empty() ? fmt::format("now {}{} (basis 1)", was_name(m), m.was ? " with no via" : "")
                    : fmt::format("now {} via {} (priority {})", was_name(m), safe(m.via), m.basis);
  if (m.factor != 1) out += fmt::format(", x{} to reverse a reject", m.factor);
  return out;
}

std::string move_line(const Move& m) {
  const std::string_view verb = m.kind == MoveKind::agree ? "agrees to" : "withdraws";
  return fmt::format("{} {} {}", safe(m.party), verb, safe(m.position));
}

void write_plan(std::ostream& out, const Plan& plan, std::size_t number) {
  out << fmt::format("\nPlan {} (cost {})\n", number, plan.cost);
  for (const Move& m : plan.moves) {
    out << fmt::format("  - {}: cost {}\n      {}\n", move_line(m), m.cost, move_reason(m));
  }
  if (!plan.agreed.empty()) {
    out << fmt::format("  Agreed once made: {}\n", join(plan.agreed));
  }
}

void write_header(std::ostream& out, const ConcedeResult& r) {
  out << fmt::format("What it takes to agree on {} {}\n", r.issue_target ? "issue" : "position",
                     safe(r.target));
  if (!r.target_text.empty())
    out << "  " << detail::truncate(safe(r.target_text), k_text_width) << '\n';
  if (r.issue_target) out << fmt::format("  positions: {}\n", join(r.target_positions));
  out << fmt::format("  moves by: {}; red lines: {}\n", r.by.empty() ? "every party" : join(r.by),
                     r.allow_red_lines ? fmt::format("may be crossed (cost {})", k_red_line_cost)
                                       : std::string("kept"));
}

// The red line a blocked move would cross, and how the party stands on it.
std::string red_line_line(const Move& m) {
  if (m.kind == MoveKind::withdraw) {
    return fmt::format("{}: {} would have to withdraw it", safe(m.position), safe(m.party));
  }
  return fmt::format("{}: {} {}s {} via it", safe(m.via), safe(m.party), was_name(m),
                     safe(m.position));
}

std::string relaxed_limits(const Blocked& b) {
  if (b.other_parties.empty()) return "With --allow-red-lines";
  if (b.red_line_moves.empty()) return "With every party moving";
  return "With red lines crossed and every party moving";
}

void write_blocked(std::ostream& out, const ConcedeResult& r, const Blocked& b) {
  const std::string what =
      r.issue_target ? "every position on it agreed or withdrawn" : std::string("it agreed");
  out << fmt::format("\nImpossible: no set of moves{} makes {}{}.\n",
                     b.other_parties.empty() ? "" : " by " + join(r.by), what,
                     b.red_line_moves.empty() ? "" : " while red lines are kept");
  if (!b.red_line_moves.empty()) {
    out << "Red lines in the way:\n";
    for (const Move& m : b.red_line_moves) out << "  - " << red_line_line(m) << '\n';
  }
  if (!b.other_parties.empty()) {
    out << fmt::format("Moves by {} are needed too.\n", join(b.other_parties));
  }
  out << fmt::format("{}, the cheapest plan costs {}.\n", relaxed_limits(b), b.cost);
}

}  // namespace

void write_concede_text(const ConcedeResult& r, std::ostream& out) {
  write_header(out, r);
  if (r.blocked) {
    write_blocked(out, r, *r.blocked);
    return;
  }
  if (r.already_agreed) {
    out << "\nAlready agreed: no moves needed.\n";
    return;
  }
  if (*r.cost == 0) {
    out << fmt::format("\nNo moves needed: agreed once these are accepted together: {}\n",
                       join(r.plans.front().agreed));
    return;
  }
  out << fmt::format("\nCheapest: cost {}, {}{}\n", *r.cost,
                     detail::plural(r.plans.size(), "plan", "plans"),
                     r.more_plans ? " shown; more of that cost exist" : "");
  for (std::size_t i = 0; i < r.plans.size(); ++i) write_plan(out, r.plans[i], i + 1);
}

}  // namespace entente::reports
