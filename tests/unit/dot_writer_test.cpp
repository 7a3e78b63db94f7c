#include "writers.h"

#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "entente/reports/report.h"
#include "sample_report.h"

namespace entente::reports {
namespace {

std::string to_dot(const Report& report) {
  std::ostringstream out;
  write_dot(report, out);
  return out.str();
}

bool has(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

// The DOT text with every quoted string replaced by "", read the way Graphviz's lexer reads
// it (a backslash escapes the next character): what is left is the graph's structure.
std::string skeleton(std::string_view dot) {
  std::string out;
  bool quoted = false;
  for (std::size_t i = 0; i < dot.size(); ++i) {
    if (quoted && dot[i] == '\\') {
      ++i;
    } else if (dot[i] == '"') {
      quoted = !quoted;
      if (!quoted) out += "\"\"";
    } else if (!quoted) {
      out += dot[i];
    }
  }
  EXPECT_FALSE(quoted) << "a quoted string is not closed";
  return out;
}

TEST(DotWriter, PutsEachPartysPositionsInItsClusterWithReferencesAsNodeIds) {
  const std::string dot = to_dot(testing::small_report());
  EXPECT_TRUE(dot.starts_with("digraph \"entente\" {\n")) << dot;
  EXPECT_TRUE(dot.ends_with("}\n"));
  const auto landlord =
      dot.find("subgraph \"cluster_party_landlord\" {\n    label=\"Landlord Ltd (landlord)\";");
  const auto tenant = dot.find("subgraph \"cluster_party_tenant\" {");
  ASSERT_NE(landlord, std::string::npos) << dot;
  ASSERT_NE(tenant, std::string::npos);
  const auto plus_8 = dot.find("    \"landlord/plus-8\" [label=");
  const auto freeze = dot.find("    \"tenant/freeze\" [label=");
  EXPECT_TRUE(landlord < plus_8 && plus_8 < tenant && tenant < freeze);
}

TEST(DotWriter, DrawsStancesFromTheirViaPositionStyledByStanceWithoutRelyingOnColour) {
  const std::string dot = to_dot(testing::small_report());
  EXPECT_TRUE(has(dot, "  \"tenant/freeze\" -> \"landlord/plus-8\" [style=bold, arrowhead=tee, "))
      << dot;
}

TEST(DotWriter, DrawsStancesWithoutViaFromThePartysNodeAndLabelsConditions) {
  const std::string dot = to_dot(testing::small_report());
  EXPECT_TRUE(has(dot, "    \"party:landlord\" [label=\"landlord\", shape=ellipse")) << dot;
  EXPECT_FALSE(has(dot, "\"party:tenant\""));  // the tenant always names a position
  EXPECT_TRUE(
      has(dot, "  \"party:landlord\" -> \"tenant/freeze\" [style=dashed, arrowhead=empty, "));
  EXPECT_TRUE(has(dot, "label=\"agrees if\\nlandlord/plus-8\""));
  EXPECT_TRUE(has(dot, "  \"party:landlord\" -> \"tenant/two-years\" [style=solid, "));
}

TEST(DotWriter, MarksRedLinesWithADoubleBorderAndDeadlocksInTheLabel) {
  const std::string dot = to_dot(testing::small_report());
  EXPECT_TRUE(has(dot,
                  "\"landlord/plus-8\" [label=\"DEADLOCK\\nplus-8\\nrent, demand, priority "
                  "4\\nred line, sticking\""))
      << dot;
  EXPECT_TRUE(has(dot, "fillcolor=\"#f28b82\", peripheries=2, penwidth=2.5];"));
  EXPECT_TRUE(has(dot,
                  "\"tenant/two-years\" [label=\"two-years\\nterm, concession, priority "
                  "2\\nagreed\""));
}

TEST(DotWriter, DrawsNoEdgeForSilence) {
  Report report = testing::small_report();
  report.positions[2].stances[0].stance = EffectiveStance::silent;
  EXPECT_FALSE(has(to_dot(report), "-> \"tenant/two-years\""));
}

TEST(DotWriter, HasALegendForEveryStanceAndLook) {
  const std::string dot = to_dot(testing::small_report());
  EXPECT_TRUE(has(dot, "subgraph \"cluster_legend\""));
  for (const char* name : {"agree", "consider", "reject", "red-line", "deadlock", "party"}) {
    EXPECT_TRUE(has(dot, std::string("\"legend:") + name + "\" [")) << name;
  }
}

TEST(DotWriter, KeepsHostileTextInsideQuotedStrings) {
  const std::string dot = to_dot(testing::hostile_report());
  const std::string structure = skeleton(dot);
  EXPECT_FALSE(has(structure, "script")) << structure;
  EXPECT_FALSE(has(structure, "tick"));
  EXPECT_TRUE(has(dot, R"x(tooltip="<script>alert(1)</script> | `tick` \"q\" \\ *x*\n# y")x"))
      << dot;
  EXPECT_TRUE(
      has(dot, R"x(label="<script>alert(1)</script> | `tick` \"q\" \\ *x*\n# y (landlord)")x"));
}

TEST(DotWriter, KeepsHostileIdsInsideQuotedStrings) {
  Report report = testing::small_report();
  report.positions[0].ref = "landlord/\"]; evil -> x [";
  report.positions[1].stances[0].agree_if = {"a\\\"b"};
  const std::string structure = skeleton(to_dot(report));
  EXPECT_FALSE(has(structure, "evil"));
  EXPECT_FALSE(has(structure, "a\\"));
}

TEST(DotWriter, IsChosenByTheFormatNameDot) {
  ASSERT_EQ(parse_format("dot"), Format::dot);
  EXPECT_EQ(to_string(Format::dot), "dot");
  std::ostringstream out;
  write_report(testing::small_report(), Format::dot, out);
  EXPECT_EQ(out.str(), to_dot(testing::small_report()));
}

}  // namespace
}  // namespace entente::reports
