// The answer of `entente deals` for a terminal: the balanced deal (nash) first, with each
// party's gain, who pays what and what it relies on; then the other solutions, the frontier,
// the blocked positions with why, and a scored deal (the JSON is json/deals.cpp).
#include <ostream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "deals_parts.h"
#include "entente/reports/deals.h"
#include "text/style.h"
#include "writers.h"

namespace entente::reports {
namespace {

using detail::safe;

// A deal's facts, indented: what is agreed, the gains, who pays, what it relies on.
void write_deal_body(std::ostream& out, const DealsResult& r, const Deal& d) {
  if (d.positions.empty()) {
    out << "  No deal: nothing is agreed, and every party gains 0.\n";
    return;
  }
  out << "  Gains: " << safe(detail::gains_line(r.parties, d.gains)) << " (joint "
      << detail::signed_gain(d.joint) << ")\n";
  out << "  Agreed:\n";
  detail::write_wrapped(out, detail::join(d.positions, ", "), 4);
  if (!d.gained.empty()) out << "  What each party gains:\n";
  for (const DealGain& g : d.gained) out << "    " << safe(detail::gain_words(g)) << "\n";
  if (!d.moves.empty() || !d.lost.empty()) {
    out << "  Who pays:\n";
    for (const DealMove& m : d.moves) out << "    " << safe(detail::move_words(m)) << "\n";
    for (const DealLoss& l : d.lost) out << "    " << safe(detail::loss_words(l)) << "\n";
  }
  const std::vector<std::string> relies = detail::relies_on(d);
  if (!relies.empty()) {
    out << "  Relies on:\n";
    for (const std::string& line : relies) out << "    " << safe(line) << "\n";
  }
}

std::string options_line(const DealsResult& r) {
  std::vector<std::string> items;
  items.push_back("parties " + detail::join(r.parties, ", "));
  if (!r.by.empty()) items.push_back("only " + detail::join(r.by, ", ") + " may move");
  if (r.binding) items.push_back("conditions bind");
  if (r.allow_red_lines)
    items.push_back(fmt::format("red lines may be lost (cost {})", k_red_line_cost));
  return detail::join(items, "; ");
}

void write_frontier(std::ostream& out, const DealsResult& r) {
  out << "\nFrontier: "
      << (r.complete ? fmt::format("{}", detail::plural(r.frontier.size(), "point", "points"))
                     : fmt::format("the first {} of more", r.frontier.size()))
      << ", by joint gain\n";
  if (r.frontier.empty()) {
    out << "  (--top 0: none listed)\n";
    return;
  }
  for (std::size_t i = 0; i < r.frontier.size(); ++i) {
    const Deal& d = r.frontier[i];
    out << fmt::format("  {}. joint {}: {}\n", i + 1, detail::signed_gain(d.joint),
                       safe(detail::gains_line(r.parties, d.gains)));
    detail::write_wrapped(
        out, d.positions.empty() ? std::string("no deal") : detail::join(d.positions, ", "), 5);
  }
}

void write_score(std::ostream& out, const DealsResult& r, const DealScore& s) {
  out << "\nScore of the deal\n";
  detail::write_wrapped(out, detail::join(s.deal.positions, ", "), 2);
  out << "  " << (s.feasible ? "Feasible" : "Not feasible")
      << (s.acceptable ? ", and acceptable: every party gains at least 0"
          : s.feasible ? ", but not acceptable: some party gains less than 0"
                       : "")
      << "\n";
  for (const std::string& why : s.why_not) out << "    " << safe(why) << "\n";
  write_deal_body(out, r, s.deal);
  if (s.dominated_by.empty()) {
    out << "  No frontier point dominates it.\n";
    return;
  }
  out << "  Dominated by" << (s.more_dominating ? " (the first listed)" : "") << ":\n";
  for (const Deal& d : s.dominated_by) {
    out << "    " << safe(detail::gains_line(r.parties, d.gains)) << ":\n";
    detail::write_wrapped(out, detail::join(d.positions, ", "), 6);
  }
}

}  // namespace

void write_deals_text(const DealsResult& r, std::ostream& out) {
  out << "Deals every party prefers to no agreement\n";
  out << safe(options_line(r)) << "\n";
  out << "\nThe balanced deal (nash): " << detail::positions_count(r.nash) << "\n";
  write_deal_body(out, r, r.nash);
  for (const auto& [name, deal] :
       {std::pair{"leximin (the worst-off party best off)", &r.leximin},
        std::pair{"utilitarian (the largest joint gain)", &r.utilitarian}}) {
    out << "\n" << name << ": ";
    if (*deal == r.nash) {
      out << "the same deal\n";
      continue;
    }
    out << detail::positions_count(*deal) << "\n";
    write_deal_body(out, r, *deal);
  }
  write_frontier(out, r);
  out << "\nBlocked: " << detail::plural(r.blocked.size(), "position", "positions")
      << " in no acceptable deal\n";
  for (const BlockedPosition& b : r.blocked) {
    out << "  " << safe(b.position) << ": " << safe(detail::blocked_words(b)) << "\n";
  }
  if (r.score) write_score(out, r, *r.score);
}

}  // namespace entente::reports
