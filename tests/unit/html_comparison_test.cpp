// The HTML comparison (diff, whatif): one self-contained page, a section per kind of change in
// the text report's order, statuses and stances as badges with a mark and a word, and every
// piece of user text escaped.

#include <gtest/gtest.h>

#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "entente/reports/comparison.h"
#include "sample_comparison.h"
#include "sample_report.h"

namespace entente::reports {
namespace {

using testing::count;
using testing::k_hostile_html;
using testing::matches;

std::string to_html(const Comparison& c, const ComparisonKind& kind = {
                                             ComparisonKind::diff, {"old/lease", "new/lease"}}) {
  const StreamedReport after(testing::small_report());
  std::ostringstream out;
  write_comparison(kind, after, after, c, Format::html, out);
  return out.str();
}

TEST(HtmlComparison, WritesOneSelfContainedPage) {
  const std::string page = to_html(testing::every_change());
  EXPECT_TRUE(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
  EXPECT_TRUE(page.ends_with("</html>\n"));
  EXPECT_EQ(count(page, "<style>"), 1U);
  for (const std::string_view banned :
       {"<script", "<link", "<img", "<iframe", "src=", "@import", "url(", "http:", "https:"}) {
    EXPECT_EQ(page.find(banned), std::string::npos) << banned;
  }
  EXPECT_NE(page.find("<title>What changed: Lease</title>"), std::string::npos);
  EXPECT_NE(page.find("Old: <code>old/lease</code><br>New: <code>new/lease</code>"),
            std::string::npos);
}

TEST(HtmlComparison, HasASectionForEveryKindOfChangeInOrderAndLinksToThem) {
  const std::string page = to_html(testing::every_change());
  std::size_t at = 0;
  for (const std::string_view id :
       {"summary", "added", "withdrawn", "edited", "stances", "statuses", "sticking-resolved",
        "sticking-created", "deadlocks-broken", "deadlocks-created", "packages-formed",
        "packages-dissolved", "conditions-met", "conditions-unmet", "issues"}) {
    const std::size_t found = page.find("<section id=\"" + std::string(id) + "\">");
    ASSERT_NE(found, std::string::npos) << id;
    EXPECT_GT(found, at) << id;
    at = found;
  }
  const std::vector<std::string> ids = matches(page, R"re(\bid="([^"]*)")re");
  const std::set<std::string> anchors(ids.begin(), ids.end());
  EXPECT_EQ(anchors.size(), ids.size()) << "ids are unique";
  for (const std::string& href : matches(page, R"re(href="([^"]*)")re")) {
    ASSERT_TRUE(href.starts_with("#")) << href;
    EXPECT_TRUE(anchors.contains(href.substr(1))) << href;
  }
}

TEST(HtmlComparison, CardsCountEachKindOfChangeWithAMarkForGoodAndBadNews) {
  const std::string page = to_html(testing::every_change());
  for (
      const std::string_view card :
      {R"(<div class="card all"><span class="n">2</span><span class="label">Stances that moved)",
       R"(<div class="card all"><span class="n">4</span><span class="label">Positions whose status moved)",
       R"(<div class="card agree"><span class="n">1</span><span class="label"><span class="mark" aria-hidden="true">✓</span>Sticking points resolved)",
       R"(<div class="card reject"><span class="n">1</span><span class="label"><span class="mark" aria-hidden="true">✗</span>New sticking points)",
       R"(<div class="card deadlock"><span class="n">1</span><span class="label"><span class="mark" aria-hidden="true">‼</span>New deadlocks)"}) {
    EXPECT_NE(page.find(card), std::string::npos) << card;
  }
  EXPECT_EQ(count(page, R"(<div class="card )"), 14U);
}

// Colour-blind readers and grey print see the mark and the word, not only the colour.
TEST(HtmlComparison, ShowsOldAndNewAsBadgesWithAMarkAndAWord) {
  const std::string page = to_html(testing::every_change());
  for (
      const std::string_view row : {
          R"(<tr><td><code>landlord/plus-8</code></td><td><span class="badge silent"><span class="mark" aria-hidden="true">·</span> unanswered</span></td><td><span class="badge deadlock"><span class="mark" aria-hidden="true">✗</span> sticking (deadlock)</span></td></tr>)",
          R"(<tr><td><code>tenant/cap-3</code></td><td><span class="badge silent"><span class="mark" aria-hidden="true">+</span> new</span></td>)",
          R"(<td><span class="badge silent"><span class="mark" aria-hidden="true">−</span> withdrawn</span></td></tr>)",
          R"(<tr><td>tenant</td><td><code>landlord/plus-8</code></td><td><span class="badge silent"><span class="mark" aria-hidden="true">·</span> silent</span></td><td><span class="badge reject"><span class="mark" aria-hidden="true">✗</span> reject</span></td></tr>)",
          R"(<tr><td><code>rent</code></td><td><span class="badge reject"><span class="mark" aria-hidden="true">✗</span> contested</span></td><td><span class="badge deadlock"><span class="mark" aria-hidden="true">✗</span> deadlocked</span></td></tr>)",
          R"(<tr><td><code>tenant/freeze</code></td><td>text</td><td>No rise.</td><td>No rise at all.</td></tr>)",
          R"(<tr><td>landlord</td><td><code>tenant/x</code></td><td><code>tenant/y</code>, <code>tenant/z</code></td></tr>)",
          R"(<li><code>landlord/two-years</code> + <code>tenant/repairs</code></li>)",
      }) {
    EXPECT_NE(page.find(row), std::string::npos) << row;
  }
}

TEST(HtmlComparison, NamesTheSidesOfAWhatIfAndListsItsChanges) {
  const std::string page =
      to_html(testing::every_change(), {ComparisonKind::what_if, {"--drop tenant/cat"}});
  EXPECT_NE(page.find("<title>What if: Lease</title>"), std::string::npos);
  EXPECT_NE(page.find(R"(<ol class="applied"><li><code>--drop tenant/cat</code></li></ol>)"),
            std::string::npos);
  EXPECT_NE(page.find(R"(<th scope="col">baseline</th><th scope="col">what if</th>)"),
            std::string::npos);
}

TEST(HtmlComparison, SaysNoChangesWhenNothingMoved) {
  const std::string page = to_html(Comparison{});
  EXPECT_NE(page.find(R"(<p class="lede">nothing moved</p>)"
                      "\n"
                      R"(<p class="none">No changes.</p>)"),
            std::string::npos);
  EXPECT_EQ(count(page, "<section"), 1U);
  EXPECT_EQ(count(page, "<table"), 0U);
}

TEST(HtmlComparison, ShowsHostileTextAsText) {
  const std::string h = testing::k_hostile;
  const std::string page = to_html(testing::hostile_change(), {ComparisonKind::diff, {h, h}});
  EXPECT_EQ(page.find("<script"), std::string::npos);
  // The two paths and the verdict's two issues; then added, withdrawn and the four sticking and deadlock
  // lists one each, two edits of three cells, two stances of two, four statuses, two packages
  // of two, two conditions of three and two issues.
  EXPECT_EQ(count(page, k_hostile_html), 4U + 6U + 6U + 4U + 4U + 4U + 6U + 2U);
}

}  // namespace
}  // namespace entente::reports
