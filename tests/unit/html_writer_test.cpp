// The HTML report: one self-contained page, every piece of user text escaped, the sections in
// order, the heat map readable without colour, and the graph picture inlined or explained.

#include <gtest/gtest.h>

#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "entente/reports/report.h"
#include "sample_report.h"
#include "writers.h"

namespace entente::reports {
namespace {

using testing::count;
using testing::k_hostile_html;
using testing::matches;

std::string to_html(const Report& report, const WriteOptions& options = {}) {
  std::ostringstream out;
  write_html(report, out, options);
  return out.str();
}

// testing::hostile_report() with markup in the few fields it leaves alone, too.
Report hostile_report() {
  Report r = testing::hostile_report();
  r.date = testing::k_hostile;
  r.sources.front().url = "javascript:alert(1)";
  r.positions[1].stances[0].source = "letter";
  r.positions[1].stances[0].sources = {"letter"};
  r.diagnostics.front().where.file = testing::k_hostile;
  return r;
}

// From 20,000 entries on, a list is printed in blocks on two threads (blocks.h): every card
// once, in order, across block borders.
TEST(HtmlWriter, LargeListHasEachCardOnceInOrder) {
  constexpr int k_rows = 40 * 512 + 7;
  Report r;
  std::vector<std::string> texts;  // the rows view them
  texts.reserve(k_rows);
  for (int n = 0; n < k_rows; ++n) {
    texts.push_back("position " + std::to_string(n));
    const std::string ref = "a/p" + std::to_string(100000 + n);
    r.positions.push_back({.ref = ref, .party = "a", .issue = "i", .text = texts.back()});
    r.bargaining_space.push_back(ref);
  }
  const std::string page = to_html(r);
  const std::string k_card = R"(<li class="pos )";
  std::size_t at = 0;
  for (int n = 0; n < k_rows; ++n) {
    at = page.find(k_card, at);
    ASSERT_NE(at, std::string::npos) << "card " << n << " missing";
    const std::size_t end = page.find("</li>", at);
    const std::string card = page.substr(at, end - at);
    ASSERT_NE(card.find("id=\"pos-a/p" + std::to_string(100000 + n) + "\""), std::string::npos)
        << "card " << n << " is " << card.substr(0, 80);
    ASSERT_NE(card.find(">position " + std::to_string(n) + "<"), std::string::npos) << n;
    at = end;
  }
  EXPECT_EQ(page.find(k_card, at), std::string::npos) << "a card too many";
}

TEST(HtmlWriter, WritesOneSelfContainedPage) {
  const std::string page = to_html(testing::small_report());
  EXPECT_TRUE(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
  EXPECT_TRUE(page.ends_with("</html>\n"));
  EXPECT_EQ(count(page, "<html"), 1U);
  EXPECT_EQ(count(page, "<body>"), 1U);
  EXPECT_EQ(count(page, "<style>"), 1U);
  // Nothing that would run or load: no script, no external style sheet, image or font.
  for (const std::string_view banned :
       {"<script", "<link", "<img", "<iframe", "src=", "@import", "url(", "http:", "https:"}) {
    EXPECT_EQ(page.find(banned), std::string::npos) << banned;
  }
  EXPECT_NE(page.find("Content-Security-Policy\" content=\"default-src 'none'"), std::string::npos);
}

TEST(HtmlWriter, ShowsHostileTextAsText) {
  const std::string page = to_html(hostile_report());
  EXPECT_EQ(page.find("<script"), std::string::npos);
  EXPECT_EQ(page.find("href=\"javascript:"), std::string::npos) << "only web URLs are links";
  EXPECT_NE(page.find("javascript:alert(1)"), std::string::npos) << "other URLs are shown";
  // Title twice (<title>, <h1>), date, description, both party names twice (header, matrix),
  // both issue titles, then per position its text, quote, note and issue chip, the source
  // title in one citation and one answer, three answer notes, the warning's file and message.
  EXPECT_EQ(count(page, k_hostile_html), 29U);
}

TEST(HtmlWriter, LinksOnlyToWebSourcesAndToItsOwnAnchors) {
  Report report = testing::small_report();
  report.sources = {{.id = "letter",
                     .title = "Letter",
                     .date = "2026-02-02",
                     .url = "https://example.org/a?b=1&c=\"2\""}};
  const std::string page = to_html(report);
  EXPECT_NE(
      page.find(
          R"(<a href="https://example.org/a?b=1&amp;c=&quot;2&quot;" rel="noopener noreferrer">Letter</a>)"),
      std::string::npos);
  const std::vector<std::string> ids = matches(page, R"re(\bid="([^"]*)")re");
  const std::set<std::string> anchors(ids.begin(), ids.end());
  EXPECT_EQ(anchors.size(), ids.size()) << "ids are unique";
  for (const std::string& href : matches(page, R"re(href="([^"]*)")re")) {
    if (href.starts_with("https://example.org/")) continue;
    ASSERT_TRUE(href.starts_with("#")) << href;
    EXPECT_TRUE(anchors.contains(href.substr(1))) << href;
  }
}

TEST(HtmlWriter, HasEverySectionInOrder) {
  const std::string page = to_html(testing::small_report());
  std::size_t at = 0;
  for (const std::string_view id :
       {"summary", "matrix", "sticking-points", "common-ground", "bargaining-space", "packages",
        "unanswered", "graph", "warnings"}) {
    const std::size_t found = page.find("<section id=\"" + std::string(id) + "\">");
    ASSERT_NE(found, std::string::npos) << id;
    EXPECT_GT(found, at) << id;
    at = found;
  }
}

TEST(HtmlWriter, SummaryCardsCountPositionsByStatus) {
  const std::string page = to_html(testing::small_report());
  for (const std::string_view card : {R"(<div class="card all"><span class="n">3</span>)",
                                      R"(<div class="card agree"><span class="n">1</span>)",
                                      R"(<div class="card consider"><span class="n">1</span>)",
                                      R"(<div class="card reject"><span class="n">1</span>)",
                                      R"(<div class="card deadlock"><span class="n">1</span>)",
                                      R"(<div class="card silent"><span class="n">0</span>)",
                                      R"(<div class="card package"><span class="n">1</span>)"}) {
    EXPECT_NE(page.find(card), std::string::npos) << card;
  }
}

// Colour-blind readers and grey print see the mark and the word, not only the colour.
TEST(HtmlWriter, HeatMapCellsCarryAMarkAndAWord) {
  const std::string page = to_html(testing::small_report());
  EXPECT_NE(
      page.find(
          R"(<td class="cell consider" title="agree 0, consider 1, reject 0, silent 0; holds 1, red lines 1"><span class="mark">?</span><span class="word">consider</span><span class="holds">holds 1*</span></td>)"),
      std::string::npos);
  EXPECT_NE(page.find(R"(<span class="mark">✗</span><span class="word">reject</span>)"),
            std::string::npos);
  EXPECT_NE(page.find(R"(<span class="mark">✓</span><span class="word">agree</span></td>)"),
            std::string::npos);
  EXPECT_NE(
      page.find(
          R"(<td class="cell none" title="agree 0, consider 0, reject 0, silent 0; holds 1, red lines 0"><span class="mark">–</span><span class="holds">holds 1</span></td>)"),
      std::string::npos);
  for (const std::string_view legend : {R"(<span class="swatch cell agree">✓</span>agree)",
                                        R"(<span class="swatch cell consider">?</span>consider)",
                                        R"(<span class="swatch cell reject">✗</span>reject)",
                                        R"(<span class="swatch cell silent">·</span>silent)"}) {
    EXPECT_NE(page.find(legend), std::string::npos) << legend;
  }
}

TEST(HtmlWriter, StickingPointsAreRankedWithTheirCitations) {
  Report report = testing::small_report();
  report.sources = {{.id = "letter", .title = "Letter of 2 Feb", .date = "2026-02-02"}};
  const std::string page = to_html(report);
  const std::size_t card = page.find(R"(<li class="pos deadlock" id="pos-landlord/plus-8">)");
  ASSERT_NE(card, std::string::npos);
  const std::string_view rest = std::string_view(page).substr(card);
  for (const std::string_view part :
       {R"(<span class="rank">1.</span>)", R"(<span class="badge deadlock">)",
        R"(<span class="rejected-by">rejected by tenant</span>)", "<blockquote>“8%”</blockquote>",
        "<p>— <cite>Letter of 2 Feb</cite>, <time>2026-02-02</time></p>",
        R"(via <a class="ref" href="#pos-tenant/freeze">tenant/freeze</a> — Too much.)"}) {
    EXPECT_NE(rest.find(part), std::string::npos) << part;
  }
}

TEST(HtmlWriter, ConditionsAndPackagesLinkToTheirPositions) {
  const std::string page = to_html(testing::small_report());
  EXPECT_NE(
      page.find(R"(agrees if <a class="ref" href="#pos-landlord/plus-8">landlord/plus-8</a>)"),
      std::string::npos);
  EXPECT_NE(
      page.find(
          R"(<li><a class="ref" href="#pos-landlord/plus-8">landlord/plus-8</a><span class="plus">+</span><a class="ref" href="#pos-tenant/freeze">tenant/freeze</a></li>)"),
      std::string::npos);
}

TEST(HtmlWriter, EmptyListsSayNone) {
  Report report = testing::small_report();
  report.common_ground.clear();
  report.packages.clear();
  const std::string page = to_html(report);
  EXPECT_NE(page.find(R"(<section id="common-ground">)"), std::string::npos);
  EXPECT_EQ(count(page, R"(<p class="none">None.</p>)"), 3U);  // with unanswered
}

TEST(HtmlWriter, InlinesTheGraphPictureItIsGiven) {
  const std::string svg = R"(<svg width="10pt" height="10pt"><g id="graph0"></g></svg>)";
  const std::string page = to_html(testing::small_report(), {.graph_svg = svg});
  EXPECT_NE(page.find(R"(<div class="graph-box">)" + svg + "</div>"), std::string::npos);
  EXPECT_EQ(page.find("<p class=\"graph-missing\">"), std::string::npos);
}

TEST(HtmlWriter, SaysWhyThereIsNoGraphPicture) {
  const std::string page =
      to_html(testing::small_report(), {.graph_note = "Graphviz's 'dot' <was> not found"});
  EXPECT_NE(page.find(R"(<p class="graph-missing">No picture of the graph: Graphviz&#39;s )"
                      "&#39;dot&#39; &lt;was&gt; not found</p>"),
            std::string::npos);
  EXPECT_EQ(page.find("<svg"), std::string::npos);
}

TEST(HtmlWriter, IsAFormatOfWriteReport) {
  EXPECT_EQ(parse_format("html"), Format::html);
  EXPECT_EQ(to_string(Format::html), "html");
  std::ostringstream out;
  write_report(testing::small_report(), Format::html, out);
  EXPECT_EQ(out.str(), to_html(testing::small_report()));
}

}  // namespace
}  // namespace entente::reports
