// Coalitions (docs/format.md 6.4) and the exact decimals they sum, on scenarios worked out by
// hand. The ranking and the figures against an oracle: tests/coalitions/.
#include "entente/coalitions.h"

#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "entente/decimal.h"
#include "scenario_text.h"

namespace entente {
namespace {

using entente::testing::scenario_text;
using entente::testing::valid_scenario;

Decimal dec(std::string_view s) {
  const auto d = Decimal::parse(s);
  EXPECT_TRUE(d.has_value()) << s;
  return d.value_or(Decimal());
}

TEST(Decimal, SumsAndComparesExactly) {
  EXPECT_EQ(dec("0.3"), dec("0.1") + dec("0.2"));  // a double says 0.30000000000000004
  EXPECT_EQ("23", (dec("11.5") + dec("11.5")).str());
  EXPECT_EQ("1000", dec("1e3").str());
  EXPECT_EQ("0.001", dec("1e-3").str());
  EXPECT_EQ("7", dec("007").str());
  EXPECT_EQ("0", dec("0.000").str());
  EXPECT_LT(dec("1e-999"), dec("0.000000001"));
  EXPECT_GT(dec("1e999"), dec("999999999999999999999999999"));
  EXPECT_EQ(dec("1e999") + dec("1e-999"), dec("1e-999") + dec("1e999"));
  EXPECT_EQ("1000000000000000000", (dec("999999999999999999") + dec("1")).str());
}

TEST(Decimal, RefusesWhatIsNoWeight) {
  for (const char* bad : {"-1", "+5", ".5", "5.", "0x10", "1_000", "1e1000", "", "twelve"}) {
    EXPECT_FALSE(Decimal::parse(bad).has_value()) << bad;
  }
}

// n parties p01..pNN of weight `weight`, each holding one position nobody answers.
Scenario parties_of_weight(int n, std::string_view weight) {
  std::string parties;
  for (int i = 1; i <= n; ++i) {
    parties += fmt::format(
        "  - id: p{:02}\n    weight: {}\n    positions: [{{id: x, issue: i, kind: demand, "
        "text: X}}]\n",
        i, weight);
  }
  return valid_scenario(scenario_text(parties));
}

Expected<Coalitions> coalitions(const Scenario& s, CoalitionQuery q) {
  const PositionGraph graph = PositionGraph::build(s);
  return find_coalitions(s, find_blocs(graph, analyze(graph)).alignment, q);
}

std::string only_error(const Expected<Coalitions>& c) {
  EXPECT_FALSE(c.has_value());
  if (c) return {};
  EXPECT_EQ(1u, c.error().size());
  return c.error().front().message;
}

TEST(Coalitions, MoreThan100000OfASizeIsAnErrorThatCountsThem) {
  const Scenario s = parties_of_weight(20, "1");
  EXPECT_EQ(
      "there would be 184756 coalitions of 10 parties, more than the 100000 that can be "
      "compared",
      only_error(coalitions(s, {.size = 10})));
  // Counted after --without: 19 parties make 92378, which are all ranked.
  const auto fewer = coalitions(s, {.size = 10, .without = {"p20"}, .top = 1});
  ASSERT_TRUE(fewer.has_value());
  EXPECT_EQ(92378u, fewer->candidates);
}

TEST(Coalitions, MoreThan100000MinimalWinningIsAnError) {
  // Every 10 of 20 parties of weight 1 reach 10, and none of 9 does: C(20, 10) of them.
  const Scenario s = parties_of_weight(20, "1");
  EXPECT_EQ(
      "there would be more than 100000 minimal winning coalitions, more than can be "
      "compared (counting them all is as hard as listing them)",
      only_error(coalitions(s, {.quota = "10"})));
}

TEST(Coalitions, AQuotaIsReachedExactly) {
  // 0.1 + 0.2 reaches 0.3 (a double sum would not); 0.3 alone reaches it and is in none.
  const Scenario s = valid_scenario(scenario_text(R"(
  - {id: a, weight: 0.1}
  - {id: b, weight: 0.2}
  - {id: c, weight: 0.3}
  - {id: d, weight: 0.05}
)"));
  const auto c = coalitions(s, {.quota = "0.3"});
  ASSERT_TRUE(c.has_value());
  std::vector<std::string> found;
  for (const Coalition& k : c->ranked) {
    std::string members;
    for (const Symbol m : k.members) members += std::string(m.view()) + " ";
    found.push_back(members + k.weight.value_or(Decimal()).str());
  }
  // a+b: 0.3. b+d: 0.25, short; a+b+d is not minimal. a+d: 0.15.
  EXPECT_EQ((std::vector<std::string>{"a b 0.3"}), found);
}

TEST(Coalitions, ZeroQuotaGivesNoneAndAPartyWithoutAWeightIsNamed) {
  const Scenario s = valid_scenario(scenario_text(R"(
  - {id: a, weight: 1}
  - {id: b}
  - {id: c}
)"));
  const auto none = coalitions(valid_scenario(scenario_text(R"(
  - {id: a, weight: 1}
  - {id: b, weight: 2}
)")),
                               {.quota = "0"});
  ASSERT_TRUE(none.has_value());
  EXPECT_TRUE(none->ranked.empty());
  const auto missing = coalitions(s, {.quota = "2"});
  ASSERT_FALSE(missing.has_value());
  EXPECT_FALSE(missing.error().front().argument.has_value());  // the scenario's: exit 1
  EXPECT_EQ("party 'b' has no weight, and a quota needs every party's (docs/format.md 6.4)",
            missing.error().front().message);
}

}  // namespace
}  // namespace entente
