// The answer of `entente concede` for a terminal: the plans of the optimum cost, or why there
// are none (the JSON is json/concede.cpp).
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

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
    return m.red_line ? "withdraws a red line" : "gives the position itself up";
  }
  if (!m.via.empty()) {
    return fmt::format("now {} via {}{}: gives it up", was_name(m), safe(m.via),
                       m.red_line ? ", a red line" : "");
  }
  std::string out =
      m.was ? fmt::format("now {} with no via (the stance's priority {})", was_name(m), m.basis)
            : std::string("now silent (1)");
  if (m.factor != 1) out += fmt::format(", x{} to reverse a reject", m.factor);
  return out;
}

// A position given up and its price, once for the plan.
std::string given_up_line(const GivenUp& g) {
  if (g.red_line)
    return fmt::format("{} ({}): cost {}, a red line", safe(g.position), safe(g.party), g.cost);
  return fmt::format(
      "{} ({}): cost {}, priority {}{}", safe(g.position), safe(g.party), g.cost, g.priority,
      g.doubled ? fmt::format(" x{}: a reject reversed via it", k_reject_factor) : "");
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
  if (!plan.given_up.empty()) {
    out << "  Given up, each priced once:\n";
    for (const GivenUp& g : plan.given_up) out << "    " << given_up_line(g) << '\n';
  }
  if (!plan.by_party.empty()) {
    std::vector<std::string> paid;
    for (const PartyCost& c : plan.by_party)
      paid.push_back(fmt::format("{} {}", safe(c.party), c.cost));
    out << fmt::format("  Cost by party: {}\n", fmt::join(paid, ", "));
  }
  if (!plan.agreed.empty()) {
    out << fmt::format("  Agreed once made: {}\n", join(plan.agreed));
  }
}

std::string target_name(const ConcedeTarget& t) {
  return fmt::format("{} {}",
                     t.exclusive ? "exclusive issue"
                     : t.issue   ? "issue"
                                 : "position",
                     safe(t.name));
}

void write_target(std::ostream& out, const ConcedeTarget& t, std::string_view indent) {
  if (!t.text.empty()) out << indent << detail::truncate(safe(t.text), k_text_width) << '\n';
  if (!t.issue) return;
  out << fmt::format("{}{}: {}\n", indent, t.exclusive ? "alternatives" : "positions",
                     join(t.positions));
  if (!t.status_quo.empty()) out << fmt::format("{}status quo: {}\n", indent, safe(t.status_quo));
}

void write_header(std::ostream& out, const ConcedeResult& r) {
  if (r.targets.size() == 1) {
    const ConcedeTarget& t = r.targets.front();
    out << fmt::format("What it takes to {} {}\n", t.exclusive ? "settle" : "agree on",
                       target_name(t));
    write_target(out, t, "  ");
  } else {
    out << fmt::format("What it takes to meet {} targets at once\n", r.targets.size());
    for (const ConcedeTarget& t : r.targets) {
      out << "  - " << target_name(t) << '\n';
      write_target(out, t, "    ");
    }
  }
  out << fmt::format("  moves by: {}; red lines: {}{}\n", r.by.empty() ? "every party" : join(r.by),
                     r.allow_red_lines ? fmt::format("may be crossed (cost {})", k_red_line_cost)
                                       : std::string("kept"),
                     r.binding ? "; conditional stances bind" : "");
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
  if (b.contradictory) {
    out << "\nImpossible: no set of moves meets these targets together: they ask for two "
           "alternatives of one exclusive issue.\n";
    return;
  }
  const bool one = r.targets.size() == 1;
  const std::string what = !one                          ? std::string("meets every target")
                           : r.targets.front().exclusive ? std::string("settles it")
                           : r.targets.front().issue
                               ? std::string("makes every position on it agreed or withdrawn")
                               : std::string("makes it agreed");
  out << fmt::format("\nImpossible: no set of moves{} {}{}.\n",
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
  if (r.within == 0) {
    out << fmt::format("\nCheapest: cost {}, {}{}\n", *r.cost,
                       detail::plural(r.plans.size(), "plan", "plans"),
                       r.more_plans ? " shown; more of that cost exist" : "");
  } else {
    out << fmt::format("\nCheapest: cost {}; {} up to cost {}{}\n", *r.cost,
                       detail::plural(r.plans.size(), "plan", "plans"), *r.cost + r.within,
                       r.more_plans ? " shown; more in that range exist" : "");
  }
  for (std::size_t i = 0; i < r.plans.size(); ++i) write_plan(out, r.plans[i], i + 1);
}

}  // namespace entente::reports
