#include "writers.h"

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "entente/reports/report.h"
#include "escape.h"
#include "sample_report.h"
#include "text/style.h"

namespace entente::reports {
namespace {

std::string to_text(const Report& report, bool color = false) {
  std::ostringstream out;
  write_text(report, out, {.color = color});
  return out.str();
}

using testing::lines_of;

// The lines of the issue-by-party table, which all start with "  |".
std::vector<std::string> matrix_lines(const std::string& text) { return lines_of(text, "  |"); }

std::string without_sgr(std::string text) {
  for (std::size_t at = text.find("\x1b["); at != std::string::npos; at = text.find("\x1b[")) {
    text.erase(at, text.find('m', at) - at + 1);
  }
  return text;
}

// From 20,000 entries on, a list is printed in blocks on two threads (blocks.h): every entry
// once, in order, across block borders, the last block short.
TEST(TextWriter, LargeListPrintsEachEntryOnceInOrder) {
  Report r;
  constexpr int k_rows = 40 * 512 + 7;
  std::vector<std::string> texts;  // the rows view them
  texts.reserve(k_rows);
  std::string expected = "\nBargaining space (" + std::to_string(k_rows) + ")\n";
  for (int n = 0; n < k_rows; ++n) {
    texts.push_back("position " + std::to_string(n));
    const std::string ref = "a/p" + std::to_string(100000 + n);
    r.positions.push_back({.ref = ref, .party = "a", .issue = "i", .text = texts.back()});
    r.bargaining_space.push_back(ref);
    expected += "  " + ref + "  [i, demand, priority 3]\n      " + texts.back() + "\n";
  }
  const std::string text = to_text(r);
  const std::size_t from = text.find("\nBargaining space");
  const std::size_t to = text.find("\nSticking points");
  ASSERT_NE(from, std::string::npos);
  ASSERT_NE(to, std::string::npos);
  const std::string section = text.substr(from, to - from);
  const auto [at, _] =
      std::mismatch(expected.begin(), expected.end(), section.begin(), section.end());
  EXPECT_TRUE(expected == section) << "first difference at byte " << (at - expected.begin());
}

TEST(TextWriter, WritesTheWholeSmallReport) {
  EXPECT_EQ(to_text(testing::small_report()), R"(Lease (2026-03-01)
==================
2 parties, 2 issues, 3 positions: 1 agreed, 1 open, 1 sticking (1 deadlock), 0 unanswered; 1 package
Parties:
  landlord  Landlord Ltd
  tenant    The tenant

Common ground (1)
  tenant/two-years  [term, concession, priority 2]
      Two years.
      Note: Offered orally.

Bargaining space (1)
  tenant/freeze  [rent, demand, priority 5, red line]
      No rise.
      landlord: consider; agrees if landlord/plus-8

Sticking points (1)
  1. DEADLOCK landlord/plus-8  [rent, demand, priority 4, red line]  rejected by tenant
      Rent rises by 8%.
      "8%" (Letter of 2 Feb)
      tenant: reject via tenant/freeze -- Too much.

Packages (1)
  Agreed only together: every member waits for the others.
  1. landlord/plus-8 + tenant/freeze

Unanswered (0)
  (none)

Issues by party (2)
  | issue | title | status     | landlord           | tenant           |
  |-------+-------+------------+--------------------+------------------|
  | rent  | Rent  | deadlocked | consider, holds 1* | reject, holds 1* |
  | term  | Term  | open       | agree              | holds 1          |
  Each cell: the party's hardest answer to others' positions on the issue
  (reject > consider > silent > agree); "holds N": N positions of its own, * if
  one is a red line; "-": neither.

Warnings (1)
landlord.yaml:3:5: warning: unused source
)");
}

TEST(TextWriter, WritesTitleDateAndASummaryLine) {
  const std::vector<std::string> lines = lines_of(to_text(testing::small_report()));
  ASSERT_GE(lines.size(), 3u);
  EXPECT_EQ(lines[0], "Lease (2026-03-01)");
  EXPECT_EQ(lines[2],
            "2 parties, 2 issues, 3 positions: 1 agreed, 1 open, 1 sticking (1 deadlock), "
            "0 unanswered; 1 package");
}

TEST(TextWriter, RanksStickingPointsAndMarksDeadlocksWithPriorityAndRejectingParties) {
  Report r = testing::small_report();
  // Inserted in ref order: Report::positions is sorted, and find() relies on it.
  r.positions.insert(r.positions.begin() + 2, {.ref = "tenant/pets",
                                               .party = "tenant",
                                               .id = "pets",
                                               .issue = "term",
                                               .text = "Pets allowed.",
                                               .status = PositionStatus::sticking});
  r.sticking_points.push_back({.ref = "tenant/pets", .rejected_by = {"bank", "landlord"}});
  const std::string text = to_text(r);
  const std::size_t first = text.find(
      "  1. DEADLOCK landlord/plus-8  [rent, demand, priority 4, red line]  rejected by tenant\n");
  const std::size_t second =
      text.find("  2. tenant/pets  [term, demand, priority 3]  rejected by bank, landlord\n");
  ASSERT_NE(first, std::string::npos) << text;
  ASSERT_NE(second, std::string::npos) << text;
  EXPECT_LT(first, second);
}

TEST(TextWriter, SaysNoneForEmptySections) {
  const std::string text = to_text(Report{});
  EXPECT_NE(text.find("Common ground (0)\n  (none)\n"), std::string::npos) << text;
  EXPECT_NE(text.find("Sticking points (0)\n  (none)\n"), std::string::npos) << text;
  EXPECT_NE(text.find("Packages (0)\n  (none)\n"), std::string::npos) << text;
  EXPECT_NE(text.find("0 parties, 0 issues, 0 positions"), std::string::npos) << text;
}

TEST(TextWriter, WritesNoEscapeBytesWithoutColor) {
  const std::string text = to_text(testing::small_report(), false);
  EXPECT_EQ(text.find('\x1b'), std::string::npos);
}

TEST(TextWriter, ColorsDeadlocksRejectsConsidersAndAgreementsWhenAsked) {
  const std::string text = to_text(testing::small_report(), true);
  EXPECT_NE(text.find("\x1b[1;31mDEADLOCK\x1b[0m"), std::string::npos);
  EXPECT_NE(text.find("\x1b[31mreject\x1b[0m"), std::string::npos);
  EXPECT_NE(text.find("\x1b[33mconsider\x1b[0m"), std::string::npos);
  EXPECT_NE(text.find("\x1b[32magree\x1b[0m"), std::string::npos);
  EXPECT_EQ(without_sgr(text), to_text(testing::small_report(), false));
}

TEST(TextWriter, EscapesControlBytesInEveryPieceOfUserText) {
  Report r = testing::small_report();
  r.title = "Lease\x1b]0;owned\x07";
  r.parties[0].name = "Land\x1b[2Jlord";
  r.issues[0].title = "Rent\x1b[31m";
  r.positions[0].text = "Rent \x9b rises";
  r.positions[0].stances[0].note = "\x1b[1A";
  r.diagnostics[0].message = "bad \x1b[0m";
  r.diagnostics[0].where.file = "evil\x1b.yaml";
  for (const bool color : {false, true}) {
    const std::string text = without_sgr(to_text(r, color));
    EXPECT_EQ(text.find('\x1b'), std::string::npos) << text;
    EXPECT_EQ(text.find('\x07'), std::string::npos) << text;
    EXPECT_EQ(text.find('\x9b'), std::string::npos) << text;
    EXPECT_NE(text.find("Lease\\x1b]0;owned\\x07"), std::string::npos) << text;
    EXPECT_NE(text.find("Rent \\x9b rises"), std::string::npos) << text;
  }
}

TEST(TextWriter, WrapsLongPositionTextIndentedUnderItsRef) {
  Report r = testing::small_report();
  std::string text;
  for (int i = 0; i < 40; ++i) text += "Österreich ";
  r.positions[2].text = text;
  const std::vector<std::string> lines = lines_of(to_text(r));
  int wrapped = 0;
  for (const std::string& line : lines) {
    if (line.find("Österreich") == std::string::npos) continue;
    ++wrapped;
    EXPECT_EQ(line.rfind("      Österreich", 0), 0u) << line;
    EXPECT_LE(detail::display_width(line), 80) << line;
  }
  EXPECT_GE(wrapped, 5);
}

TEST(TextWriter, ShowsConditionsAndWhetherTheyAreMet) {
  Report r = testing::small_report();
  r.positions[2].stances[0] = {.party = "landlord",
                               .stance = EffectiveStance::agree,
                               .via = "landlord/plus-8",
                               .agree_if = {"tenant/freeze"},
                               .condition_met = true};
  const std::string text = to_text(r);
  EXPECT_NE(text.find("      landlord: consider; agrees if landlord/plus-8\n"), std::string::npos);
  EXPECT_NE(text.find("      landlord: agree via landlord/plus-8; condition met: tenant/freeze\n"),
            std::string::npos)
      << text;
}

// Widths are counted in columns, not bytes: 日本 is 4 columns, Россия 6.
TEST(TextWriter, WrapFillsEachLineToItsWidthInColumns) {
  using detail::wrap;
  EXPECT_EQ(wrap("日本 日本 日本 日本 日本", 9, 9),
            (std::vector<std::string>{"日本 日本", "日本 日本", "日本"}));
  EXPECT_EQ(wrap("Россия нет да", 6, 13), (std::vector<std::string>{"Россия", "нет да"}));
  EXPECT_EQ(wrap("a  b\n\nc", 80, 80), std::vector<std::string>{"a b c"});
  EXPECT_EQ(wrap("averyveryverylongword b", 5, 5),
            (std::vector<std::string>{"averyveryverylongword", "b"}));
  EXPECT_EQ(wrap("ab cd ef", 5, 2), (std::vector<std::string>{"ab cd", "ef"}));
  EXPECT_EQ(wrap("a b c d e", 8, 8), (std::vector<std::string>{"a b c d", "e"}));  // spaces count
  EXPECT_TRUE(wrap("", 10, 10).empty());
}

TEST(TextWriter, WrapsLongAnswersWithAHangingIndent) {
  Report r = testing::small_report();
  StanceRow& answer = r.positions[0].stances[0];
  std::string note;  // the row views it, so it lives as long as the report
  for (int i = 0; i < 12; ++i) note += "Россия говорит нет. ";
  answer.note = note;
  const std::vector<std::string> lines = lines_of(to_text(r));
  const auto first = std::find_if(lines.begin(), lines.end(), [](const std::string& line) {
    return line.starts_with("      tenant: reject via tenant/freeze -- Россия");
  });
  ASSERT_NE(first, lines.end());
  ASSERT_NE(first + 1, lines.end());
  EXPECT_EQ(first[1].find_first_not_of(' '), 8u) << first[1];
  for (auto it = first; it != lines.end() && it->find("Россия") != std::string::npos; ++it) {
    EXPECT_LE(detail::display_width(*it), 80) << *it;
  }
}

TEST(TextWriter, AlignsMatrixColumnsWithCyrillicGermanAndCjkText) {
  Report r = testing::small_report();
  r.issues[0].title = "Россия";
  r.issues[1].title = "Österreich";
  r.issues.push_back({.id = "trade", .title = "日本", .cells = {{.silent = 2}, {}}});
  for (const bool color : {false, true}) {
    const std::vector<std::string> lines = matrix_lines(without_sgr(to_text(r, color)));
    ASSERT_EQ(lines.size(), 5u);  // header, rule, three issues
    for (const std::string& line : lines) {
      EXPECT_EQ(detail::display_width(line), detail::display_width(lines[0])) << line;
    }
    EXPECT_NE(lines[2].size(), lines[3].size());  // equal widths from unequal byte counts
  }
}

TEST(TextWriter, TruncatesLongIssueTitlesInTheMatrix) {
  Report r = testing::small_report();
  r.issues[0].title = std::string(60, 'x');
  const std::vector<std::string> lines = matrix_lines(to_text(r));
  ASSERT_GE(lines.size(), 3u);
  EXPECT_NE(lines[2].find(std::string(21, 'x') + "... |"), std::string::npos) << lines[2];
  EXPECT_EQ(lines[2].find(std::string(22, 'x')), std::string::npos) << lines[2];
}

TEST(TextWriter, ExplainsMatrixCellsInALegend) {
  const std::string text = to_text(testing::small_report());
  EXPECT_NE(text.find("(reject > consider > silent > agree)"), std::string::npos);
  EXPECT_NE(text.find("\"holds N\": N positions of its own"), std::string::npos);
}

TEST(TextWriter, ListsWarningsAtTheEndAsFileLineColumn) {
  Report r = testing::small_report();
  r.diagnostics.push_back(
      {.where = {"scenario.yaml"}, .severity = Severity::warning, .message = "no sources"});
  const std::string text = to_text(r);
  EXPECT_NE(text.find("\nWarnings (2)\nlandlord.yaml:3:5: warning: unused source\n"
                      "scenario.yaml: warning: no sources\n"),
            std::string::npos)
      << text;
  EXPECT_TRUE(text.ends_with("\nscenario.yaml: warning: no sources\n"));
}

TEST(TextWriter, IsChosenByTheFormatNameText) {
  ASSERT_EQ(parse_format("text"), Format::text);
  EXPECT_EQ(to_string(Format::text), "text");
  std::ostringstream out;
  write_report(testing::small_report(), Format::text, out);
  EXPECT_EQ(out.str(), to_text(testing::small_report()));
}

}  // namespace
}  // namespace entente::reports
