#include "entente/resolution.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <stdexcept>
#include <string>

#include "entente/analysis.h"
#include "entente/loader.h"
#include "entente/position_graph.h"
#include "large_scenarios.h"

namespace entente {
namespace {

constexpr std::uint32_t k_none = Resolution::k_none;
const std::filesystem::path k_flagship =
    std::filesystem::path(ENTENTE_SOURCE_DIR) / "positions/russia-us-nato-2022";

// Every kind of reference, some naming nothing, some named twice; not a valid scenario.
Scenario mixed() {
  Scenario s;
  s.parties = {{.id = "a"}, {.id = "b"}, {.id = "c"}, {.id = "a"}};
  s.issues = {{.id = "i"}, {.id = "j"}, {.id = "i"}};
  s.sources = {{.id = "s"}, {.id = "t"}, {.id = "t"}};
  s.positions = {
      {.party = "a", .id = "x", .issue = {"j"}, .to = {{"c"}, {"zz"}, {"b"}}},
      {.party = "b", .id = "y", .issue = {"k"}, .sources = {IdRef{"t"}}},
      {.party = "c", .id = "x", .issue = {"i"}},
      {.party = "a", .id = "x", .issue = {"i"}},
      {.party = "q", .id = "w", .issue = {"i"}},
  };
  s.stances = {
      {.party = "b", .position = {"a/x"}, .via = IdRef{"y"}, .agree_if = {{"c/x"}, {"a/gone"}}},
      {.party = "c", .position = {"b/y"}, .via = IdRef{"nope"}, .sources = {IdRef{"u"}}},
      {.party = "zz", .position = {"c/none"}, .agree_if = {{"b/y"}}, .sources = {IdRef{"s"}}},
  };
  return s;
}

FlatLists<std::uint32_t> lists(std::initializer_list<std::vector<std::uint32_t>> all) {
  FlatLists<std::uint32_t> out;
  for (const std::vector<std::uint32_t>& list : all) {
    for (const std::uint32_t item : list) out.push(item);
    out.end_list();
  }
  return out;
}

TEST(Resolve, LooksEveryReferenceUpAndNamesTheFirstOfRepeatedIds) {
  const Resolution r = resolve(mixed());
  EXPECT_EQ((std::vector<std::uint32_t>{0, 1, 2, 0}), r.first_party);
  EXPECT_EQ((std::vector<std::uint32_t>{0, 1, 0}), r.first_issue);
  EXPECT_EQ((std::vector<std::uint32_t>{0, 1, 1}), r.first_source);
  EXPECT_EQ((std::vector<std::uint32_t>{0, 1, 2, 0, 4}), r.first_position);
  EXPECT_EQ((std::vector<std::uint32_t>{0, 1, 2, 0, k_none}), r.holder);
  EXPECT_EQ((std::vector<std::uint32_t>{1, k_none, 0, 0, 0}), r.issue);
  EXPECT_EQ(lists({{}, {1}, {}, {}, {}}), r.position_sources);
  EXPECT_EQ(lists({{2, k_none, 1}, {}, {}, {}, {}}), r.audience);
  EXPECT_EQ((std::vector<std::uint32_t>{1, 2, k_none}), r.taker);
  EXPECT_EQ((std::vector<std::uint32_t>{0, 1, k_none}), r.target);
  EXPECT_EQ((std::vector<std::uint32_t>{1, k_none, k_none}), r.via);
  EXPECT_EQ(lists({{}, {k_none}, {0}}), r.stance_sources);
  EXPECT_EQ(lists({{2, k_none}, {}, {1}}), r.conditions);
  EXPECT_TRUE(r.fits(mixed()));
  EXPECT_FALSE(Resolution{}.fits(mixed()));
}

TEST(Resolve, PositionsAreFoundByHolderAndIdWhateverTheirLength) {
  Scenario s;
  s.parties = {{.id = "a"}, {.id = "b"}};
  s.issues = {{.id = "i"}};
  const std::string long_id = "a-position-id-well-past-sixteen-bytes";
  s.positions = {{.party = "a", .id = "x", .issue = {"i"}},
                 {.party = "a", .id = long_id, .issue = {"i"}},
                 {.party = "a", .id = long_id, .issue = {"i"}},
                 {.party = "b", .id = long_id, .issue = {"i"}}};
  s.stances = {{.party = "b", .position = {"a/" + long_id}, .agree_if = {{"a/x"}}},
               {.party = "a", .position = {"b/" + long_id}, .via = IdRef{long_id}}};
  const Resolution r = resolve(s);
  EXPECT_EQ((std::vector<std::uint32_t>{0, 1, 1, 3}), r.first_position);
  EXPECT_EQ((std::vector<std::uint32_t>{1, 3}), r.target);
  EXPECT_EQ((std::vector<std::uint32_t>{k_none, 1}), r.via);
  EXPECT_EQ(lists({{0}, {}}), r.conditions);
}

TEST(Resolve, AReferenceWithoutAHolderNamesNoPosition) {
  Scenario s;
  s.parties = {{.id = "a"}, {.id = "b"}};
  s.issues = {{.id = "i", .status_quo = IdRef{"x"}}};
  s.positions = {{.party = "a", .id = "x", .issue = {"i"}}};
  s.stances = {{.party = "b", .position = {"x"}, .agree_if = {{"/x"}, {"a/x"}}},
               {.party = "b", .position = {"/x"}}};
  const Resolution r = resolve(s);
  EXPECT_EQ((std::vector<std::uint32_t>{k_none, k_none}), r.target);
  EXPECT_EQ(lists({{k_none, 0}, {}}), r.conditions);
  EXPECT_EQ((std::vector<std::uint32_t>{k_none}), r.status_quo);
}

TEST(Resolve, LargeScenarioResolvesEveryStanceInBothHalves) {
  constexpr int k_count = 25'000;
  const Scenario s = test::reversed_stances(k_count);
  const Resolution r = resolve(s);
  ASSERT_TRUE(r.fits(s));
  for (int d = 0; d < k_count; ++d) {
    const int n = k_count - 1 - d;
    ASSERT_EQ(1u, r.taker[d]) << d;
    ASSERT_EQ(static_cast<std::uint32_t>(n), r.target[d]) << d;
    ASSERT_EQ(n % 2 == 0 ? static_cast<std::uint32_t>(k_count) : k_none, r.via[d]) << d;
    ASSERT_EQ(1u, r.conditions[d].size()) << d;
    ASSERT_EQ(static_cast<std::uint32_t>((n + 1) % k_count), r.conditions[d][0]) << d;
  }
}

TEST(Resolve, ValidateHandsOnTheResolutionOfAValidScenarioOnly) {
  Resolution given;
  const Scenario valid = load_scenario(k_flagship, {}, &given).value();
  EXPECT_EQ(resolve(valid), given);
  EXPECT_FALSE(given.holder.empty());

  Resolution untouched;
  EXPECT_FALSE(validate(mixed(), &untouched).has_value());
  EXPECT_EQ(Resolution{}, untouched);
}

TEST(Resolve, AResolutionThatDoesNotFitTheScenarioIsMadeAgain) {
  const Scenario s = load_scenario(k_flagship).value();
  const Analysis looked_up = analyze(PositionGraph::build(s));
  EXPECT_FALSE(looked_up.by_ref.empty());
  EXPECT_EQ(looked_up, analyze(PositionGraph::build(s, Resolution{})));
  // Another scenario's, with other sizes: used as it is, its indexes would be out of range.
  EXPECT_FALSE(resolve(mixed()).fits(s));
  EXPECT_EQ(looked_up, analyze(PositionGraph::build(s, resolve(mixed()))));
}

}  // namespace
}  // namespace entente
