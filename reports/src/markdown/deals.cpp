// The answer of `entente deals` in Markdown: the balanced deal first, the other solutions,
// the frontier as a table, the blocked positions and a scored deal (as text/deals.cpp).
#include <ostream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "deals_parts.h"
#include "escape.h"
#include "markdown/parts.h"
#include "writers.h"

namespace entente::reports {
namespace {

using detail::markdown;

void write_deal(std::ostream& out, const DealsResult& r, const Deal& d) {
  if (d.positions.empty()) {
    out << "No deal: nothing is agreed, and every party gains 0.\n";
    return;
  }
  out << "- **Gains:** " << markdown(detail::gains_line(r.parties, d.gains)) << " (joint "
      << detail::signed_gain(d.joint) << ")\n";
  out << "- **Agreed:** " << detail::markdown_code_list(d.positions, ", ") << "\n";
  for (const DealGain& g : d.gained) out << "  - " << markdown(detail::gain_words(g)) << "\n";
  if (!d.moves.empty() || !d.lost.empty()) {
    out << "- **Who pays:**\n";
    for (const DealMove& m : d.moves) out << "  - " << markdown(detail::move_words(m)) << "\n";
    for (const DealLoss& l : d.lost) out << "  - " << markdown(detail::loss_words(l)) << "\n";
  }
  const std::vector<std::string> relies = detail::relies_on(d);
  if (!relies.empty()) {
    out << "- **Relies on:**\n";
    for (const std::string& line : relies) out << "  - " << markdown(line) << "\n";
  }
}

void write_gain_table(std::ostream& out, const DealsResult& r, const std::vector<Deal>& deals) {
  std::vector<std::string> head{"#", "joint"};
  for (const std::string& p : r.parties) head.push_back(detail::markdown_cell(p));
  head.push_back("positions");
  detail::write_markdown_row(out, head);
  std::string rule = "|---:|---:|";
  for (std::size_t q = 0; q < r.parties.size(); ++q) rule += "---:|";
  out << rule << "---|\n";
  for (std::size_t i = 0; i < deals.size(); ++i) {
    const Deal& d = deals[i];
    std::vector<std::string> cells{std::to_string(i + 1), detail::signed_gain(d.joint)};
    for (const int g : d.gains) cells.push_back(detail::signed_gain(g));
    cells.push_back(d.positions.empty() ? "no deal"
                                        : detail::markdown_code_list(d.positions, ", "));
    detail::write_markdown_row(out, cells);
  }
}

}  // namespace

void write_deals_markdown(const DealsResult& r, std::ostream& out) {
  out << "# Deals every party prefers to no agreement\n\n";
  out << "Parties: " << detail::markdown_code_list(r.parties, ", ");
  if (!r.by.empty()) out << ". Only " << detail::markdown_code_list(r.by, ", ") << " may move";
  if (r.binding) out << ". Conditions bind";
  if (r.allow_red_lines) out << fmt::format(". Red lines may be lost (cost {})", k_red_line_cost);
  out << ".\n\n## The balanced deal (nash)\n\n";
  write_deal(out, r, r.nash);
  for (const auto& [name, deal] :
       {std::pair{"Leximin: the worst-off party best off", &r.leximin},
        std::pair{"Utilitarian: the largest joint gain", &r.utilitarian}}) {
    out << "\n## " << name << "\n\n";
    if (*deal == r.nash) {
      out << "The same deal as nash.\n";
    } else {
      write_deal(out, r, *deal);
    }
  }
  detail::write_markdown_heading(out, "Frontier", r.frontier.size());
  out << (r.complete ? "Every frontier point" : "The first frontier points; there are more")
      << ", by joint gain.\n\n";
  if (!r.frontier.empty()) write_gain_table(out, r, r.frontier);
  detail::write_markdown_heading(out, "Blocked", r.blocked.size());
  if (r.blocked.empty()) out << "Every position is in some acceptable deal.\n";
  for (const BlockedPosition& b : r.blocked) {
    out << "- " << detail::markdown_code(b.position) << ": " << markdown(detail::blocked_words(b))
        << "\n";
  }
  if (!r.score) return;
  const DealScore& s = *r.score;
  out << "\n## Score\n\n"
      << (s.feasible ? "Feasible" : "Not feasible")
      << (s.acceptable ? ", and acceptable."
          : s.feasible ? ", but not acceptable."
                       : ".")
      << "\n\n";
  for (const std::string& why : s.why_not) out << "- " << markdown(why) << "\n";
  if (!s.why_not.empty()) out << "\n";
  write_deal(out, r, s.deal);
  out << "\n";
  if (s.dominated_by.empty()) {
    out << "No frontier point dominates it.\n";
  } else {
    out << "Dominated by:\n\n";
    write_gain_table(out, r, s.dominated_by);
  }
}

}  // namespace entente::reports
