// The text and JSON writers of an explanation: escaping, colour, nesting, determinism.
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "entente/reports/explain.h"
#include "scenario_text.h"

namespace entente::reports {
namespace {

// a/x and b/y wait for each other.
const char* const k_package = R"(
  - id: a
    name: Party A
    positions: [{id: x, issue: i, kind: demand, text: X, source: s, quote: "q\"uote"}]
    stances: [{position: b/y, stance: consider, agree_if: [a/x], note: Only together.}]
  - id: b
    positions: [{id: y, issue: i, kind: demand, text: Y}]
    stances: [{position: a/x, stance: reject, agree_if: [b/y], source: s}])";

// The loader refuses control characters, so the hostile text is put into the report itself:
// a report from elsewhere (a what-if, a test) is not trusted either.
Explanation package_explanation() {
  testing::Analysed a = testing::analysed_of(k_package);
  a.report.parties[0].name = "Party \x1b]0;title\a A";
  a.report.positions[0].text = "Red \x1b[31mX";
  return explain(a.report, entente::explain(*a.scenario, a.analysis, "a/x").value());
}

std::string text(const Explanation& e, bool color) {
  std::ostringstream out;
  write_explanation(e, Format::text, out, {.color = color});
  return out.str();
}

std::string json(const Explanation& e) {
  std::ostringstream out;
  write_explanation(e, Format::json, out);
  return out.str();
}

TEST(ExplainWriter, TextHasEverySectionAndNoEscapeSequenceWithoutColour) {
  const std::string out = text(package_explanation(), false);
  for (const char* part : {"a/x\n===\n", "Holder    a (Party \\x1b]0;title\\x07 A)\n",
                           "Status    sticking\n", "Text      Red \\x1b[31mX\n",
                           "Quote     \"q\"uote\"\n", "Source    s (2026-01-02): A letter\n",
                           "\nStances (1)\n  b: reject\n", "Agrees if: b/y (not met yet)",
                           "\nConditions\n  b: reject, agrees once these are agreed:\n"
                           "    [ ] b/y  open\n        a: consider, agrees once these are agreed:\n"
                           "          [ ] a/x  sticking (cycle)\n",
                           "\nPackage\n  a/x + b/y\n",
                           "\nStances that wait for it (1)\n  a on b/y: consider; waits for "
                           "nothing else\n"}) {
    EXPECT_NE(std::string::npos, out.find(part)) << part << "\nin:\n" << out;
  }
  EXPECT_EQ(std::string::npos, out.find('\x1b'));
  EXPECT_EQ(std::string::npos, out.find('\a'));
}

TEST(ExplainWriter, TextIsColouredOnlyWhenAsked) {
  const std::string out = text(package_explanation(), true);
  EXPECT_NE(std::string::npos, out.find("\x1b[1ma/x\x1b[0m\n"));
  EXPECT_NE(std::string::npos, out.find("\x1b[31msticking\x1b[0m"));
  // The user's own escape sequence is still shown, not obeyed.
  EXPECT_NE(std::string::npos, out.find("Red \\x1b[31mX"));
}

TEST(ExplainWriter, TextSaysWhenThereIsNothingToShow) {
  const testing::Analysed a = testing::analysed_of(R"(
  - id: a
    positions: [{id: x, issue: i, kind: demand, text: X}]
  - id: b)");
  const std::string out =
      text(explain(a.report, entente::explain(*a.scenario, a.analysis, "a/x").value()), false);
  EXPECT_NE(std::string::npos, out.find("  b: silent (no stance)\n"));
  EXPECT_NE(std::string::npos, out.find("(none: no stance on it is conditional)"));
  EXPECT_NE(std::string::npos, out.find("\nPackage\n  (none)\n"));
  EXPECT_NE(std::string::npos, out.find("(none: no stance's agree_if names it)"));
}

TEST(ExplainWriter, JsonNestsTheConditionTreeAndRoundTripsTheText) {
  const std::string out = json(package_explanation());
  const nlohmann::json doc = nlohmann::json::parse(out);
  EXPECT_EQ(2, doc["schema_version"]);
  EXPECT_EQ("a/x", doc["ref"]);
  EXPECT_EQ("Party \x1b]0;title\a A", doc["holder"]["name"]);
  EXPECT_EQ("Red \x1b[31mX", doc["text"]);
  EXPECT_EQ("sticking", doc["status"]);
  EXPECT_EQ("A letter", doc["source"]["title"]);
  EXPECT_TRUE(doc["stances"][0]["via"].is_null());
  const nlohmann::json& stance = doc["conditions"][0];
  EXPECT_EQ("b", stance["party"]);
  const nlohmann::json& condition = stance["agree_if"][0];
  EXPECT_EQ("b/y", condition["ref"]);
  EXPECT_EQ("open", condition["status"]);
  EXPECT_TRUE(condition["stop"].is_null());
  const nlohmann::json& back = condition["stances"][0]["agree_if"][0];
  EXPECT_EQ("a/x", back["ref"]);
  EXPECT_EQ("cycle", back["stop"]);
  EXPECT_EQ(nlohmann::json::array(), back["stances"]);
  EXPECT_EQ((nlohmann::json{"a/x", "b/y"}), doc["package"]);
  EXPECT_EQ("b/y", doc["dependents"][0]["position"]);
  EXPECT_EQ(std::string::npos, out.find('\x1b'));  // escaped as \u001b
  EXPECT_EQ('\n', out.back());
}

TEST(ExplainWriter, EqualExplanationsGiveEqualBytes) {
  EXPECT_EQ(json(package_explanation()), json(package_explanation()));
  EXPECT_EQ(text(package_explanation(), true), text(package_explanation(), true));
}

}  // namespace
}  // namespace entente::reports
