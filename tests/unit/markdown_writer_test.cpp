#include "writers.h"

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "entente/reports/comparison.h"
#include "entente/reports/report.h"
#include "sample_comparison.h"
#include "sample_report.h"

namespace entente::reports {
namespace {

std::string to_markdown(const Report& report) {
  std::ostringstream out;
  write_markdown(report, out);
  return out.str();
}

using testing::lines_of;

// How many times `c` occurs without a backslash before it, as a Markdown reader counts.
int unescaped(std::string_view text, char c) {
  int count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;
    } else if (text[i] == c) {
      ++count;
    }
  }
  return count;
}

// `text` without its code spans, whose insides Markdown shows as they are (CommonMark 6.1).
std::string without_code_spans(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '\\' && i + 1 < text.size()) {
      out += text.substr(i, 2);
      i += 2;
      continue;
    }
    if (text[i] != '`') {
      out += text[i++];
      continue;
    }
    const std::size_t run = std::min(text.find_first_not_of('`', i), text.size()) - i;
    std::size_t close = i + run;
    while ((close = text.find('`', close)) != std::string_view::npos) {
      const std::size_t end = std::min(text.find_first_not_of('`', close), text.size());
      if (end - close == run) break;
      close = end;
    }
    if (close == std::string_view::npos) {
      out += text.substr(i, run);
      i += run;
    } else {
      i = close + run;
    }
  }
  return out;
}

// The pipes that a GFM table reads as cell borders.
int cell_borders(std::string_view line) { return unescaped(line, '|'); }

// A report of `rows` positions a/p100000, a/p100001, ... in the bargaining space.
Report bargaining_report(int rows, std::vector<std::string>& texts) {
  Report r;
  texts.reserve(static_cast<std::size_t>(rows));  // the rows view them
  for (int n = 0; n < rows; ++n) {
    texts.push_back("position " + std::to_string(n));
    const std::string ref = "a/p" + std::to_string(100000 + n);
    r.positions.push_back({.ref = ref, .party = "a", .issue = "i", .text = texts.back()});
    r.bargaining_space.push_back(ref);
  }
  return r;
}

std::string section(const std::string& text, std::string_view from, std::string_view to) {
  const std::size_t begin = text.find(from);
  const std::size_t end = text.find(to, begin);
  return begin == std::string::npos || end == std::string::npos ? std::string()
                                                                : text.substr(begin, end - begin);
}

// From 20,000 entries on, a list is printed in blocks on two threads (blocks.h): each item
// once, in order, one blank line between items across block borders.
TEST(MarkdownWriter, LargeListPrintsEachItemOnceInOrder) {
  constexpr int k_rows = 40 * 512 + 7;
  std::vector<std::string> texts;
  std::vector<std::string> one_text;
  // The item of one position, as a report of that position alone prints it.
  const std::string one =
      section(to_markdown(bargaining_report(1, one_text)), "- `a/p100000`", "\n## ");
  ASSERT_FALSE(one.empty());
  std::string expected;
  for (int n = 0; n < k_rows; ++n) {
    std::string item = one;
    const std::string number = std::to_string(100000 + n);
    item.replace(item.find("100000"), 6, number);
    item.replace(item.find("position 0"), 10, "position " + std::to_string(n));
    expected += (n == 0 ? "" : "\n") + item;
  }
  const std::string printed =
      section(to_markdown(bargaining_report(k_rows, texts)), "- `a/p100000`", "\n## ");
  const auto [at, _] =
      std::mismatch(expected.begin(), expected.end(), printed.begin(), printed.end());
  EXPECT_TRUE(expected == printed) << "first difference at byte " << (at - expected.begin());
}

TEST(MarkdownWriter, WritesTheWholeSmallReport) {
  EXPECT_EQ(to_markdown(testing::small_report()), R"(# Lease

Date: 2026\-03\-01

**2 parties, 2 issues, 3 positions: 1 agreed, 1 open, 1 sticking (1 deadlock), 0 unanswered; 1 package**

Parties:

- `landlord`: Landlord Ltd
- `tenant`: The tenant

## Common ground (1)

- `tenant/two-years`\
  Term (`term`) · concession · priority 2

  Two years.

  Note: Offered orally.

## Bargaining space (1)

- `tenant/freeze`\
  Rent (`rent`) · demand · priority 5 · **red line**

  No rise.

  - **landlord**: consider; agrees if `landlord/plus-8`

## Sticking points (1)

1. **DEADLOCK** `landlord/plus-8`: rejected by **tenant**\
   Rent (`rent`) · demand · priority 4 · **red line**

   Rent rises by 8%.

   > "8%" — Letter of 2 Feb

   - **tenant**: reject via `tenant/freeze` — Too much.

## Packages (1)

Agreed only together: every member waits for the others.

1. `landlord/plus-8` + `tenant/freeze`

## Unanswered (0)

None.

## Issues by party (2)

| issue | title | status | landlord | tenant |
| --- | --- | --- | --- | --- |
| rent | Rent | **deadlocked** | consider, holds 1\* | reject, holds 1\* |
| term | Term | open | agree | holds 1 |

Each cell: the party's hardest answer to others' positions on the issue (reject \> consider \> silent \> agree); "holds N": N positions of its own, \* if one is a red line; "\-": neither.

## Warnings (1)

- `landlord.yaml:3:5`: warning: unused source
)");
}

TEST(MarkdownWriter, RanksStickingPointsAsAnOrderedListWithDeadlocksAndRejectingParties) {
  Report report = testing::small_report();
  report.sticking_points.push_back({.ref = "tenant/freeze", .rejected_by = {"landlord", "x"}});
  const std::string md = to_markdown(report);
  const auto first = md.find("1. **DEADLOCK** `landlord/plus-8`: rejected by **tenant**\\\n");
  const auto second = md.find("2. `tenant/freeze`: rejected by **landlord**, **x**\\\n");
  ASSERT_NE(first, std::string::npos) << md;
  ASSERT_NE(second, std::string::npos) << md;
  EXPECT_LT(first, second);
}

TEST(MarkdownWriter, IndentsItemsPastTheirMarkerSoTheyStayInsideTheItem) {
  Report report = testing::small_report();
  report.sticking_points.assign(10, report.sticking_points.front());
  const std::string md = to_markdown(report);
  EXPECT_NE(md.find("10. **DEADLOCK** `landlord/plus-8`: rejected by **tenant**\\\n"
                    "    Rent (`rent`)"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("\n    - **tenant**: reject via `tenant/freeze`"), std::string::npos);
}

TEST(MarkdownWriter, CitesTheQuoteWithTheSourcesTitleAndDate) {
  Report report = testing::small_report();
  report.sources = {{.id = "letter", .title = "Letter of 2 Feb", .date = "2026-02-02"}};
  EXPECT_NE(to_markdown(report).find("   > \"8%\" — Letter of 2 Feb, 2026\\-02\\-02\n"),
            std::string::npos);
}

TEST(MarkdownWriter, ShowsMetConditions) {
  Report report = testing::small_report();
  StanceRow& answer = report.positions[1].stances[0];
  answer.stance = EffectiveStance::agree;
  answer.condition_met = true;
  EXPECT_NE(to_markdown(report).find("- **landlord**: agree; condition met: `landlord/plus-8`\n"),
            std::string::npos);
}

TEST(MarkdownWriter, WritesTheMatrixAsATableWithOneCellPerPartyInEveryRow) {
  const std::vector<std::string> rows = lines_of(to_markdown(testing::small_report()), "|");
  ASSERT_EQ(rows.size(), 4u);
  for (const std::string& row : rows) EXPECT_EQ(cell_borders(row), 6) << row;
}

TEST(MarkdownWriter, SaysNoneForEmptySections) {
  const std::string md = to_markdown(Report{});
  EXPECT_TRUE(md.starts_with("# (untitled)\n\n**0 parties, 0 issues, 0 positions:")) << md;
  EXPECT_NE(md.find("## Sticking points (0)\n\nNone.\n"), std::string::npos);
  EXPECT_NE(md.find("## Issues by party (0)\n\nNone.\n"), std::string::npos);
  EXPECT_EQ(md.find("Warnings"), std::string::npos);
}

TEST(MarkdownWriter, ShowsHostileTextAsTextEverywhere) {
  const std::string md = to_markdown(testing::hostile_report());
  EXPECT_EQ(unescaped(md, '<'), 0) << md;  // no HTML tag can start
  EXPECT_NE(md.find(R"(\<script\>alert(1)\</script\> \| \`tick\` "q" \\ \*x\*)"),
            std::string::npos);
  // The line break inside the text cannot start a heading, nor end the table row.
  for (const std::string& line : lines_of(md)) {
    EXPECT_FALSE(line.starts_with("# y") || line.starts_with("#  y")) << line;
  }
  EXPECT_TRUE(md.starts_with(R"(# \<script\>alert(1)\</script\> \| \`tick\` "q" \\ \*x\* \# y)"))
      << md;
  const std::vector<std::string> rows = lines_of(md, "|");
  ASSERT_EQ(rows.size(), 4u);
  for (const std::string& row : rows) EXPECT_EQ(cell_borders(row), 6) << row;
}

TEST(MarkdownWriter, KeepsLineBreaksOfMultiLineTextInsideTheListItem) {
  Report report = testing::small_report();
  report.positions[2].text = "First line.\n1. Not a list\nLast line.";
  EXPECT_NE(to_markdown(report).find("  First line.\\\n  1\\. Not a list\\\n  Last line.\n"),
            std::string::npos);
}

TEST(MarkdownWriter, IsChosenByTheFormatNamesMdAndMarkdown) {
  ASSERT_EQ(parse_format("md"), Format::markdown);
  ASSERT_EQ(parse_format("markdown"), Format::markdown);
  EXPECT_EQ(to_string(Format::markdown), "md");
  std::ostringstream out;
  write_report(testing::small_report(), Format::markdown, out);
  EXPECT_EQ(out.str(), to_markdown(testing::small_report()));
  EXPECT_EQ(parse_format("MD"), std::nullopt);
}

// The comparison (diff, whatif), written through write_comparison()'s dispatch.
std::string comparison_markdown(const Comparison& c,
                                const ComparisonKind& kind = {ComparisonKind::diff,
                                                              {"old/lease", "new/lease"}}) {
  const StreamedReport after(testing::small_report());
  std::ostringstream out;
  write_comparison(kind, after, after, c, Format::markdown, out);
  return out.str();
}

TEST(MarkdownComparison, WritesEveryKindOfChange) {
  EXPECT_EQ(comparison_markdown(testing::every_change()), R"(# What changed: Lease

Old: `old/lease`\
New: `new/lease`

**Verdict:** 1 position added, 1 position withdrawn, 2 stances moved, 1 sticking point resolved, 1 new sticking point, 1 deadlock broken, 1 new deadlock, 1 package formed, 1 package dissolved, 1 condition now met, issue rent contested \-\> deadlocked, issue term open \-\> agreed

## Positions added (1)

- `tenant/cap-3`

## Positions withdrawn (1)

- `tenant/cat`

## Positions edited (2)

| position | field | old | new |
| --- | --- | --- | --- |
| tenant/freeze | text | No rise. | No rise at all. |
| tenant/freeze | priority | 3 | 5 |

## Stances that moved (2)

| party | position | old | new |
| --- | --- | --- | --- |
| tenant | landlord/plus\-8 | silent | reject |
| landlord | tenant/repairs | consider | agree |

## Positions whose status moved (4)

| position | old | new |
| --- | --- | --- |
| landlord/plus\-8 | unanswered | **sticking (deadlock)** |
| tenant/cap\-3 | new | open |
| tenant/cat | open | withdrawn |
| tenant/repairs | open | agreed |

## Sticking points resolved (1)

- `tenant/old-sticking`

## New sticking points (1)

- `landlord/plus-8`

## Deadlocks broken (1)

- `tenant/old-deadlock`

## New deadlocks (1)

- `landlord/plus-8`

## Packages formed (1)

- `landlord/a` + `tenant/b`

## Packages dissolved (1)

- `landlord/two-years` + `tenant/repairs`

## Conditional stances that now hold (1)

| party | position | agree_if |
| --- | --- | --- |
| landlord | tenant/repairs | landlord/two\-years |

## Conditional stances that no longer hold (1)

| party | position | agree_if |
| --- | --- | --- |
| landlord | tenant/x | tenant/y, tenant/z |

## Issues whose status moved (2)

| issue | old | new |
| --- | --- | --- |
| rent | contested | **deadlocked** |
| term | open | agreed |
)");
}

TEST(MarkdownComparison, SaysNoChangesWhenNothingMoved) {
  const std::string md = comparison_markdown(Comparison{});
  EXPECT_EQ(md,
            "# What changed: Lease\n\nOld: `old/lease`\\\nNew: `new/lease`\n\n"
            "**Verdict:** nothing moved\n\nNo changes.\n");
}

TEST(MarkdownComparison, ListsTheChangesOfAWhatIfAndNamesItsSides) {
  const std::string md = comparison_markdown(
      testing::every_change(),
      {ComparisonKind::what_if, {"--drop tenant/cat", "--accept tenant/repairs"}});
  EXPECT_TRUE(
      md.starts_with("# What if: Lease\n\nThe baseline, and the same scenario with these "
                     "changes applied in this order:\n\n1. `--drop tenant/cat`\n"
                     "2. `--accept tenant/repairs`\n"))
      << md;
  EXPECT_NE(md.find("| party | position | baseline | what if |\n"), std::string::npos) << md;
}

TEST(MarkdownComparison, ShowsHostileTextAsTextEverywhere) {
  const std::string h = testing::k_hostile;
  const std::string md =
      comparison_markdown(testing::hostile_change(), {ComparisonKind::diff, {h, h}});
  EXPECT_EQ(unescaped(without_code_spans(md), '<'), 0) << md;
  for (const std::string& line : lines_of(md)) {
    EXPECT_FALSE(line.starts_with("# y") || line.starts_with("#  y")) << line;
  }
  // Every row of a table has as many cells as its header.
  int borders = 0;
  for (const std::string& line : lines_of(md)) {
    if (!line.starts_with("|")) {
      borders = 0;
    } else if (borders == 0) {
      borders = cell_borders(line);
    } else {
      EXPECT_EQ(cell_borders(line), borders) << line;
    }
  }
  EXPECT_NE(md.find(R"(| \<script\>alert(1)\</script\> \| \`tick\` "q" \\ \*x\* \# y |)"),
            std::string::npos)
      << md;
}

}  // namespace
}  // namespace entente::reports
