// The answer of `entente deals` as one self-contained page in the HTML report's style
// (docs/format.md 8), in the text writer's order: the balanced deal (nash) with a card per
// party's gain, who pays what and what it relies on; leximin and utilitarian; the frontier as
// a table beside a parallel-coordinates picture of its gains (html/frontier_chart.cpp); the
// blocked positions; a scored deal. No script, nothing loaded: the same answer gives the same
// bytes.
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "deals_parts.h"
#include "escape.h"
#include "html/frontier_chart.h"
#include "html/parts.h"
#include "writers.h"

namespace entente::reports {
namespace {

using detail::html;

constexpr std::string_view k_css = R"css(
.deal h3, .solution h3 { margin: 14px 0 4px; font-size: 15px; }
.solution + .solution { margin-top: 18px; padding-top: 10px; border-top: 1px solid var(--line); }
.gains { margin: 4px 0 8px; }
.gains .label { overflow-wrap: anywhere; }
p.agreed code, td.refs code { display: inline-block; margin: 0 8px 2px 0; }
p.agreed code { overflow-wrap: anywhere; }
.deal ul { margin: 0; padding-left: 1.4em; }
.deal li { margin: 2px 0; overflow-wrap: anywhere; }
.chip.solution { background: #fbd9bf; }
.frontier { display: flex; flex-wrap: wrap; gap: 18px; align-items: flex-start; }
.frontier > .scroll { flex: 1 1 520px; min-width: 0; }
figure.chart { flex: 0 1 auto; max-width: 100%; margin: 0; overflow-x: auto; }
.chart svg { display: block; max-width: 100%; height: auto; }
.chart .grid { stroke: var(--line); }
.chart .axis { stroke: var(--ink); stroke-width: 1.5; }
.chart .zero { stroke: var(--ink); stroke-dasharray: 5 4; }
.chart .tick, .chart .zero-label { fill: var(--muted); font-size: 11px; }
.chart .party { fill: var(--ink); font: 12px ui-monospace, "DejaVu Sans Mono", monospace; }
.chart polyline { fill: none; stroke-linejoin: round; stroke-linecap: round; }
.chart .point { stroke: var(--agree); stroke-width: 2; stroke-opacity: .5; }
.chart .dot { fill: var(--agree); fill-opacity: .7; }
.chart .point.nash, .chart .nash-extra { stroke: #d55e00; stroke-width: 4; stroke-opacity: 1; }
.chart .nash-extra { stroke-dasharray: 8 5; }
.chart .dot.nash { fill: #d55e00; fill-opacity: 1; }
.chart .nash-label { fill: #a34400; font-size: 12px; font-weight: 700; }
figure.chart figcaption { max-width: 44ch; margin-top: 6px; font-size: 13px; color: var(--muted); }
.changes th code { white-space: nowrap; }
.changes td.gain { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.changes td.gain.negative { color: var(--reject); }
.changes td.gain.zero { color: var(--muted); }
.changes tr.nash td { background: #fdebd9; }
)css";

std::string_view gain_class(int g) { return g > 0 ? "positive" : g < 0 ? "negative" : "zero"; }

std::string codes(const std::vector<std::string>& refs) {
  std::string out;
  for (const std::string& ref : refs) out += fmt::format("<code>{}</code> ", html(ref));
  if (!out.empty()) out.pop_back();
  return out;
}

void write_list(std::ostream& out, std::string_view heading,
                const std::vector<std::string>& lines) {
  if (lines.empty()) return;
  out << "<h3>" << heading << "</h3>\n<ul>\n";
  for (const std::string& line : lines) out << "<li>" << html(line) << "</li>\n";
  out << "</ul>\n";
}

void write_gain_cards(std::ostream& out, const DealsResult& r, const Deal& d) {
  out << "<div class=\"cards gains\">\n";
  for (std::size_t q = 0; q < r.parties.size(); ++q) {
    const int g = d.gains[q];
    out << fmt::format(R"(<div class="card {}"><span class="n">{}</span>)"
                       R"(<span class="label"><code>{}</code></span></div>)",
                       g > 0   ? "agree"
                       : g < 0 ? "reject"
                               : "silent",
                       detail::signed_gain(g), html(r.parties[q]))
        << '\n';
  }
  out << fmt::format(R"(<div class="card all"><span class="n">{}</span>)"
                     R"(<span class="label">joint</span></div>)",
                     detail::signed_gain(d.joint))
      << "\n</div>\n";
}

// A deal's facts: each party's gain, what is agreed, who pays, what it relies on.
void write_deal(std::ostream& out, const DealsResult& r, const Deal& d) {
  out << "<div class=\"deal\">\n";
  if (d.positions.empty()) {
    out << "<p class=\"none\">No deal: nothing is agreed, and every party gains 0.</p>\n</div>\n";
    return;
  }
  write_gain_cards(out, r, d);
  out << "<h3>Agreed: " << detail::positions_count(d) << "</h3>\n<p class=\"agreed\">"
      << codes(d.positions) << "</p>\n";
  std::vector<std::string> gains;
  for (const DealGain& g : d.gained) gains.push_back(detail::gain_words(g));
  write_list(out, "What each party gains", gains);
  if (!d.moves.empty() || !d.lost.empty()) {
    out << "<h3>Who pays</h3>\n<ul>\n";
    for (const DealMove& m : d.moves) out << "<li>" << html(detail::move_words(m)) << "</li>\n";
    for (const DealLoss& l : d.lost) {
      out << "<li>" << (l.red_line ? R"(<span class="chip red-line">red line</span> )" : "")
          << html(detail::loss_words(l)) << "</li>\n";
    }
    out << "</ul>\n";
  }
  write_list(out, "Relies on", detail::relies_on(d));
  out << "</div>\n";
}

// The solutions a frontier point is, as chips that open its positions' cell.
std::string solution_chips(const DealsResult& r, const Deal& d) {
  std::string out;
  for (const auto& [name, deal] : {std::pair{"nash", &r.nash}, std::pair{"leximin", &r.leximin},
                                   std::pair{"utilitarian", &r.utilitarian}}) {
    if (detail::same_point(d, *deal))
      out += fmt::format(R"(<span class="chip solution">{}</span> )", name);
  }
  return out;
}

// Frontier points as rows: their number, joint gain, each party's gain, and the positions.
void write_gain_table(std::ostream& out, const DealsResult& r, const std::vector<Deal>& deals) {
  out << "<div class=\"scroll\"><table class=\"changes\">\n<thead><tr><th scope=\"col\">#</th>"
      << "<th scope=\"col\">Joint</th>";
  for (const std::string& party : r.parties) {
    out << "<th scope=\"col\"><code>" << html(party) << "</code></th>";
  }
  out << "<th scope=\"col\">Positions</th></tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < deals.size(); ++i) {
    const Deal& d = deals[i];
    out << fmt::format(R"(<tr{}><td>{}</td><td class="gain {}">{}</td>)",
                       detail::same_point(d, r.nash) ? R"( class="nash")" : "", i + 1,
                       gain_class(d.joint), detail::signed_gain(d.joint));
    for (const int g : d.gains) {
      out << fmt::format(R"(<td class="gain {}">{}</td>)", gain_class(g), detail::signed_gain(g));
    }
    out << "<td class=\"refs\">" << solution_chips(r, d)
        << (d.positions.empty() ? std::string("no deal") : codes(d.positions)) << "</td></tr>\n";
  }
  out << "</tbody></table></div>\n";
}

std::string frontier_lede(const DealsResult& r) {
  if (r.complete) {
    return "Every frontier point: the gains of an acceptable deal that no feasible deal "
           "dominates, each shown by one such deal; by joint gain, higher first.";
  }
  if (r.frontier.empty()) {
    return fmt::format(
        "None listed (--top {}); there are some. The solutions and the blocked "
        "positions are exact all the same.",
        r.top);
  }
  return fmt::format(
      "The first {} frontier points (--top {}); there are more. By joint gain, "
      "higher first.",
      r.frontier.size(), r.top);
}

void write_frontier(std::ostream& out, const DealsResult& r) {
  detail::write_section_start(out, "frontier", "Frontier", r.frontier.size(), frontier_lede(r));
  if (r.frontier.empty()) {
    out << "<p class=\"none\">No frontier point listed, so no picture.</p>\n</section>\n";
    return;
  }
  out << "<div class=\"frontier\">\n<figure class=\"chart\">\n";
  if (r.parties.empty()) {
    out << "<p class=\"none\">No party has a gain, so there is nothing to draw.</p>\n";
  } else {
    detail::write_frontier_chart(out, r);
  }
  out << "</figure>\n";
  write_gain_table(out, r, r.frontier);
  out << "</div>\n</section>\n";
}

void write_blocked(std::ostream& out, const DealsResult& r) {
  detail::write_section_start(out, "blocked", "Blocked", r.blocked.size(),
                              "Positions in no acceptable deal, and why.");
  if (r.blocked.empty()) {
    out << "<p class=\"none\">None: every position is in some acceptable deal.</p>\n</section>\n";
    return;
  }
  out << "<ul class=\"refs\">\n";
  for (const BlockedPosition& b : r.blocked) {
    out << fmt::format("<li><code>{}</code>: {}</li>\n", html(b.position),
                       html(detail::blocked_words(b)));
  }
  out << "</ul>\n</section>\n";
}

void write_score(std::ostream& out, const DealsResult& r, const DealScore& s) {
  detail::write_section_start(out, "score", "Score", std::nullopt,
                              "The deal given with --score, judged: feasible or why not, each "
                              "party's gain, and the frontier points that dominate it.");
  const std::string_view yes = detail::stance_symbol(EffectiveStance::agree);
  const std::string_view no = detail::stance_symbol(EffectiveStance::reject);
  out << "<p>"
      << (s.feasible ? detail::badge("agree", yes, "feasible")
                     : detail::badge("reject", no, "not feasible"));
  if (s.feasible) {
    out << ' '
        << (s.acceptable ? detail::badge("agree", yes, "acceptable")
                         : detail::badge("reject", no, "not acceptable"));
  }
  out << (s.acceptable ? " Every party gains at least 0."
          : s.feasible ? " Some party gains less than 0."
                       : "")
      << "</p>\n";
  if (!s.why_not.empty()) {
    out << "<ul>\n";
    for (const std::string& why : s.why_not) out << "<li>" << html(why) << "</li>\n";
    out << "</ul>\n";
  }
  write_deal(out, r, s.deal);
  if (s.dominated_by.empty()) {
    out << "<p class=\"none\">No frontier point dominates it.</p>\n</section>\n";
    return;
  }
  out << "<h3>Dominated by" << (s.more_dominating ? " (the first listed; there are more)" : "")
      << "</h3>\n";
  write_gain_table(out, r, s.dominated_by);
  out << "</section>\n";
}

void write_top(std::ostream& out, const DealsResult& r, std::string_view title) {
  out << "<header class=\"top\">\n<p class=\"kicker\">entente deals</p>\n<h1>" << html(title)
      << "</h1>\n<p class=\"parties\">Parties: ";
  for (const std::string& party : r.parties) {
    out << "<span class=\"party\"><code>" << html(party) << "</code></span>";
  }
  out << "</p>\n";
  std::vector<std::string> limits;
  if (!r.by.empty()) limits.push_back("Only " + codes(r.by) + " may move.");
  if (r.binding) limits.emplace_back("Conditions bind.");
  if (r.allow_red_lines) {
    limits.push_back(fmt::format("Red lines may be lost (cost {}).", k_red_line_cost));
  }
  if (!limits.empty()) {
    out << "<p class=\"description\">" << fmt::format("{}", fmt::join(limits, " ")) << "</p>\n";
  }
  out << "<nav class=\"toc\"><a href=\"#nash\">The balanced deal</a><a href=\"#solutions\">"
      << "Other solutions</a><a href=\"#frontier\">Frontier</a><a href=\"#blocked\">Blocked</a>"
      << (r.score ? "<a href=\"#score\">Score</a>" : "") << "</nav>\n</header>\n";
}

void write_solutions(std::ostream& out, const DealsResult& r) {
  detail::write_section_start(out, "solutions", "Other solutions", std::nullopt,
                              "Two other ways to balance the gains, each a frontier point.");
  for (const auto& [name, deal] :
       {std::pair{"Leximin: the worst-off party best off", &r.leximin},
        std::pair{"Utilitarian: the largest joint gain", &r.utilitarian}}) {
    out << "<div class=\"solution\">\n<h3>" << name << "</h3>\n";
    if (*deal == r.nash) {
      out << "<p>The same deal as nash.</p>\n";
    } else {
      write_deal(out, r, *deal);
    }
    out << "</div>\n";
  }
  out << "</section>\n";
}

}  // namespace

void write_deals_html(const DealsResult& r, std::ostream& out) {
  constexpr std::string_view title = "Deals every party prefers to no agreement";
  detail::write_html_head(out, title, k_css);
  write_top(out, r, title);
  out << "<main>\n";
  detail::write_section_start(out, "nash", "The balanced deal (nash)", std::nullopt,
                              "The frontier point that gives the most parties a positive gain, "
                              "then the largest product of the positive gains.");
  write_deal(out, r, r.nash);
  out << "</section>\n";
  write_solutions(out, r);
  write_frontier(out, r);
  write_blocked(out, r);
  if (r.score) write_score(out, r, *r.score);
  detail::write_html_foot(out);
}

}  // namespace entente::reports
