#pragma once
// One small report with an entry in every list, built by hand so the writer tests need no
// loader; shared by the writer tests.

#include <regex>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "entente/reports/report.h"

namespace entente::reports::testing {

inline Report small_report() {
  Report r;
  r.title = "Lease";
  r.date = "2026-03-01";
  r.parties = {{"landlord", "Landlord Ltd"}, {"tenant", "The tenant"}};
  r.issues = {{.id = "rent",
               .title = "Rent",
               .status = IssueStatus::deadlocked,
               .cells = {{.held = 1, .red_lines = 1, .consider = 1},
                         {.held = 1, .red_lines = 1, .reject = 1}}},
              {.id = "term",
               .title = "Term",
               .status = IssueStatus::open,
               .cells = {{.agree = 1}, {.held = 1}}}};
  r.positions = {
      {.ref = "landlord/plus-8",
       .party = "landlord",
       .id = "plus-8",
       .issue = "rent",
       .text = "Rent rises by 8%.",
       .priority = 4,
       .red_line = true,
       .status = PositionStatus::sticking,
       .deadlock = true,
       .in_package = true,
       .source = "letter",
       .sources = {"letter"},
       .source_title = "Letter of 2 Feb",
       .quote = "8%",
       .stances = {{.party = "tenant",
                    .stance = EffectiveStance::reject,
                    .via = "tenant/freeze",
                    .note = "Too much."}}},
      {.ref = "tenant/freeze",
       .party = "tenant",
       .id = "freeze",
       .issue = "rent",
       .text = "No rise.",
       .priority = 5,
       .red_line = true,
       .status = PositionStatus::open,
       .in_package = true,
       .stances = {{.party = "landlord",
                    .stance = EffectiveStance::consider,
                    .agree_if = {"landlord/plus-8"},
                    .conditional = true}}},
      {.ref = "tenant/two-years",
       .party = "tenant",
       .id = "two-years",
       .issue = "term",
       .kind = PositionKind::concession,
       .text = "Two years.",
       .priority = 2,
       .status = PositionStatus::agreed,
       .note = "Offered orally.",
       .stances = {{.party = "landlord", .stance = EffectiveStance::agree}}},
  };
  r.common_ground = {"tenant/two-years"};
  r.bargaining_space = {"tenant/freeze"};
  r.sticking_points = {{.ref = "landlord/plus-8", .rejected_by = {"tenant"}, .deadlock = true}};
  r.packages = {{"landlord/plus-8", "tenant/freeze"}};
  r.diagnostics = {{.where = {"landlord.yaml", 3, 5},
                    .severity = Severity::warning,
                    .message = "unused source"}};
  return r;
}

/// The lines of a writer's output that start with `prefix` (all of them by default).
inline std::vector<std::string> lines_of(const std::string& text, std::string_view prefix = "") {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with(prefix)) lines.push_back(line);
  }
  return lines;
}

/// How many times `needle` occurs in `text`, not overlapping.
inline std::size_t count(std::string_view text, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string_view::npos;
       at = text.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

/// The first group of every match of `pattern` in `text`.
inline std::vector<std::string> matches(const std::string& text, const std::string& pattern) {
  std::vector<std::string> found;
  const std::regex re(pattern);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator();
       ++it) {
    found.push_back((*it)[1].str());
  }
  return found;
}

/// Text that breaks a format whose writer forgets to escape it: markup, a table cell's
/// pipe, backticks, quotes, backslashes and a line break.
constexpr const char* k_hostile = "<script>alert(1)</script> | `tick` \"q\" \\ *x*\n# y";

/// k_hostile as HTML shows it.
constexpr std::string_view k_hostile_html =
    "&lt;script&gt;alert(1)&lt;/script&gt; | `tick` &quot;q&quot; \\ *x*\n# y";

/// small_report() with k_hostile in every piece of free text.
inline Report hostile_report() {
  Report r = small_report();
  r.title = r.description = k_hostile;
  r.sources = {{.id = "letter", .title = k_hostile, .date = "2026-02-02"}};
  for (PartyRow& party : r.parties) party.name = k_hostile;
  for (IssueRow& issue : r.issues) issue.title = k_hostile;
  for (PositionRow& row : r.positions) {
    row.text = row.quote = row.note = row.source_title = k_hostile;
    for (StanceRow& answer : row.stances) answer.note = k_hostile;
  }
  r.diagnostics.front().message = k_hostile;
  return r;
}

}  // namespace entente::reports::testing
