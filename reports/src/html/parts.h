#pragma once

#include <array>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entente/reports/report.h"
#include "report_summary.h"

// What the files of the HTML report share: html/report.cpp writes the page around
// html/positions.cpp's position cards, and html/style.cpp holds the stylesheet. Every piece of
// user text goes through detail::html() right where it is written.
namespace entente::reports::detail {

/// The stances in the order of legends: from agreement to silence.
inline constexpr std::array<EffectiveStance, 4> k_stances = {
    EffectiveStance::agree, EffectiveStance::consider, EffectiveStance::reject,
    EffectiveStance::silent};

/// The statuses from the best news to the worst: the order of cards, bars and legends.
inline constexpr std::array<PositionStatus, 4> k_statuses = {
    PositionStatus::agreed, PositionStatus::open, PositionStatus::sticking,
    PositionStatus::unanswered};

/// The page's stylesheet, inlined: the report must open offline, so it loads nothing.
std::string_view html_stylesheet();

/// The CSS class that colours a stance: "agree", "consider", "reject" or "silent".
std::string_view stance_class(EffectiveStance s);

/// A mark that tells the stance without colour, for colour-blind readers and print.
std::string_view stance_symbol(EffectiveStance s);


/// A pill with a mark and a word, e.g. `<span class="badge reject">✗ reject</span>`.
std::string badge(std::string_view css_class, std::string_view symbol, std::string_view word);

/// An issue's status as a badge: deadlocked, contested, open or agreed.
std::string issue_badge(IssueStatus s);

/// The page up to its content: the meta tags, a Content-Security-Policy that forbids every load
/// and script, the title (escaped here), the stylesheet (and `more_css` after it, ours), and
/// `<body><div class="page">`.
void write_html_head(std::ostream& out, std::string_view title, std::string_view more_css = {});

/// The end of the page, from `</main>` on: the footer and the closing tags.
void write_html_foot(std::ostream& out);

/// A summary card: a number, and under it a label (ours, not escaped) after an optional mark.
void write_html_card(std::ostream& out, std::string_view css_class, std::string_view mark,
                     std::size_t n, std::string_view label);

/// A section's start: `<section id=...>`, its heading with a count, and a line on how to read it.
void write_section_start(std::ostream& out, std::string_view id, std::string_view title,
                         std::optional<std::size_t> count, std::string_view lede);

/// The sticking points, ranked, as cards with their citations and every party's answer.
void write_html_sticking_points(std::ostream& out, const Report& report);

/// A section of position cards (common ground, bargaining space, unanswered).
struct PositionSection {
  std::string_view id;
  std::string_view title;
  std::string_view lede;
};
void write_html_positions(std::ostream& out, const Report& report, const PositionSection& section,
                          const std::vector<std::string>& refs);

/// The packages, each a row of linked members.
void write_html_packages(std::ostream& out, const Report& report);

}  // namespace entente::reports::detail
