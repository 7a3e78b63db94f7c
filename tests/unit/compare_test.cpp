// compare(): every kind of change between two analysed versions of a scenario.
#include "entente/comparison.h"

#include <gtest/gtest.h>

#include "entente/loader.h"
#include "entente/position_graph.h"

namespace entente {
namespace {

// rent is deadlocked (two red lines rejected via each other); tenant/repairs and
// tenant/two-years are a package (landlord considers each on the other).
constexpr std::string_view k_lease = R"(format: 1
title: Lease
issues: [{id: rent}, {id: term}]
parties:
  - id: landlord
    positions:
      - {id: plus-8, issue: rent, kind: demand, text: Rent rises., priority: 4, red_line: true}
      - {id: three-years, issue: term, kind: concession, text: Three years.}
    stances:
      - {position: tenant/freeze, stance: reject, via: plus-8}
      - {position: tenant/two-years, stance: consider, agree_if: [tenant/repairs]}
      - {position: tenant/repairs, stance: consider, agree_if: [tenant/two-years]}
  - id: tenant
    positions:
      - {id: freeze, issue: rent, kind: demand, text: No rise., priority: 5, red_line: true}
      - {id: repairs, issue: term, kind: demand, text: Repairs first.}
      - {id: two-years, issue: term, kind: demand, text: Two years.}
    stances:
      - {position: landlord/plus-8, stance: reject, via: freeze}
      - {position: landlord/three-years, stance: agree}
)";

Scenario lease() {
  auto parsed = parse_scenario(k_lease, "lease.yaml");
  EXPECT_TRUE(parsed.has_value());
  auto valid = validate(std::move(*parsed));
  EXPECT_TRUE(valid.has_value());
  return std::move(*valid);
}

Position& position(Scenario& s, std::string_view ref) {
  for (Position& p : s.positions) {
    if (p.ref() == ref) return p;
  }
  throw std::out_of_range(std::string(ref));
}

StanceDecl& stance(Scenario& s, std::string_view party, std::string_view ref) {
  for (StanceDecl& d : s.stances) {
    if (d.party == party && d.position.names(ref)) return d;
  }
  throw std::out_of_range(std::string(ref));
}

Comparison compare_scenarios(const Scenario& before, const Scenario& after) {
  const Analysis a = analyze(PositionGraph::build(before));
  const Analysis b = analyze(PositionGraph::build(after));
  return compare({before, a}, {after, b});
}

TEST(Compare, EqualScenariosHaveNothingThatMovedButWhatStaysDeadlocked) {
  const Scenario s = lease();
  const Comparison c = compare_scenarios(s, s);
  EXPECT_EQ(Comparison{.still_deadlocked = {"rent"}}, c);
}

TEST(Compare, NothingMovedIsFalseForEveryKindOfChangeButTheDeadlocksThatStay) {
  EXPECT_TRUE(nothing_moved(Comparison{.still_deadlocked = {"rent"}}));
  EXPECT_FALSE(nothing_moved(Comparison{.added = {"a/x"}}));
  EXPECT_FALSE(nothing_moved(Comparison{.edits = {EditChange{}}}));
  EXPECT_FALSE(nothing_moved(Comparison{.positions = {StatusChange{}}}));
  EXPECT_FALSE(nothing_moved(Comparison{.conditions_unmet = {ConditionChange{}}}));
  EXPECT_FALSE(nothing_moved(Comparison{.issues = {IssueChange{}}}));
  const Scenario s = lease();
  Scenario edited = s;
  position(edited, "tenant/freeze").text = "Another text.";
  EXPECT_FALSE(nothing_moved(compare_scenarios(s, edited)));
}

TEST(Compare, FindsAddedAndWithdrawnPositions) {
  const Scenario before = lease();
  Scenario after = before;
  std::erase_if(after.positions, [](const Position& p) { return p.ref() == "landlord/plus-8"; });
  std::erase_if(after.stances,
                [](const StanceDecl& d) { return d.position.names("landlord/plus-8") || d.via; });
  after.positions.push_back({.party = "tenant", .id = "zz", .issue = {"term"}, .text = "Z."});
  const Comparison c = compare_scenarios(before, after);
  EXPECT_EQ(std::vector<std::string>{"tenant/zz"}, c.added);
  EXPECT_EQ(std::vector<std::string>{"landlord/plus-8"}, c.withdrawn);
  ASSERT_EQ(3u, c.positions.size());  // plus-8 gone, freeze unanswered, zz new
  EXPECT_EQ("landlord/plus-8", c.positions[0].ref);
  EXPECT_EQ(PositionStatus::sticking, c.positions[0].from);
  EXPECT_FALSE(c.positions[0].to);
  EXPECT_EQ((std::vector<std::string>{"landlord/plus-8", "tenant/freeze"}), c.sticking_resolved);
  EXPECT_EQ((std::vector<std::string>{"landlord/plus-8", "tenant/freeze"}), c.deadlocks_broken);
  EXPECT_EQ((std::vector<IssueChange>{{"rent", IssueStatus::deadlocked, IssueStatus::open}}),
            c.issues);
}

TEST(Compare, FindsTextPriorityRedLineAndKindEdits) {
  const Scenario before = lease();
  Scenario after = before;
  Position& p = position(after, "tenant/freeze");
  p.text = "No rise at all.";
  p.priority = 2;
  p.red_line = false;
  p.kind = PositionKind::concession;
  const Comparison c = compare_scenarios(before, after);
  const std::vector<EditChange> expected{{"tenant/freeze", "kind", "demand", "concession"},
                                         {"tenant/freeze", "text", "No rise.", "No rise at all."},
                                         {"tenant/freeze", "priority", "5", "2"},
                                         {"tenant/freeze", "red_line", "true", "false"}};
  EXPECT_EQ(expected, c.edits);
  // Without a red line on one side there is no deadlock: the issue is merely contested.
  EXPECT_EQ((std::vector<std::string>{"landlord/plus-8", "tenant/freeze"}), c.deadlocks_broken);
}

// A party outside a position's audience on one side is silent there.
TEST(Compare, FindsStanceMovesAndMovesFromOrToSilence) {
  const Scenario before = lease();
  Scenario after = before;
  stance(after, "tenant", "landlord/plus-8").stance = Stance::consider;
  std::erase_if(after.stances,
                [](const StanceDecl& d) { return d.position.names("tenant/freeze"); });
  const Comparison c = compare_scenarios(before, after);
  const std::vector<StanceMove> expected{
      {"landlord/plus-8", "tenant", EffectiveStance::reject, EffectiveStance::consider},
      {"tenant/freeze", "landlord", EffectiveStance::reject, EffectiveStance::silent}};
  EXPECT_EQ(expected, c.stances);
}

TEST(Compare, FindsPackagesConditionsAndIssuesBothWays) {
  const Scenario before = lease();
  Scenario after = before;
  StanceDecl& on_repairs = stance(after, "landlord", "tenant/repairs");
  on_repairs.stance = Stance::agree;
  on_repairs.agree_if.clear();
  const Comparison c = compare_scenarios(before, after);
  const std::vector<std::vector<std::string>> package{{"tenant/repairs", "tenant/two-years"}};
  EXPECT_EQ(package, c.packages_dissolved);
  EXPECT_TRUE(c.packages_formed.empty());
  EXPECT_EQ((std::vector<ConditionChange>{{"tenant/two-years", "landlord", {"tenant/repairs"}}}),
            c.conditions_met);
  EXPECT_TRUE(c.conditions_unmet.empty());
  EXPECT_EQ((std::vector<IssueChange>{{"term", IssueStatus::open, IssueStatus::agreed}}), c.issues);
  EXPECT_EQ(std::vector<std::string>{"rent"}, c.still_deadlocked);
  const Comparison back = compare_scenarios(after, before);
  EXPECT_EQ(package, back.packages_formed);
  EXPECT_EQ(c.conditions_met, back.conditions_unmet);
}

TEST(Compare, NamesAlternativesSupersededOrNotAndDefaultsThatCameOrWent) {
  constexpr const char* k_talks = R"(format: 1
title: Talks
issues: [{id: limit, exclusive: true, status_quo: fdp/none}]
parties:
  - id: fdp
    positions: [{id: none, issue: limit, kind: demand, text: No limit.}]
    stances: [{position: gruene/130, stance: reject}]
  - id: gruene
    positions: [{id: '130', issue: limit, kind: demand, text: 130 km/h.}]
    stances: [{position: fdp/none, stance: reject}]
)";
  auto parsed = parse_scenario(k_talks, "talks.yaml");
  ASSERT_TRUE(parsed.has_value());
  auto before = validate(std::move(*parsed));
  ASSERT_TRUE(before.has_value());
  Scenario after = *before;
  stance(after, "fdp", "gruene/130").stance = Stance::agree;
  const Comparison c = compare_scenarios(*before, after);
  EXPECT_EQ(std::vector<std::string>{"fdp/none"}, c.superseded);
  EXPECT_TRUE(c.no_longer_superseded.empty());
  EXPECT_EQ((std::vector<DefaultChange>{{"limit", "fdp/none"}}), c.defaults_gone);
  EXPECT_TRUE(c.defaults_appeared.empty());
  EXPECT_FALSE(nothing_moved(Comparison{.defaults_gone = c.defaults_gone}));
  const Comparison back = compare_scenarios(after, *before);
  EXPECT_EQ(std::vector<std::string>{"fdp/none"}, back.no_longer_superseded);
  EXPECT_EQ((std::vector<DefaultChange>{{"limit", "fdp/none"}}), back.defaults_appeared);
}

}  // namespace
}  // namespace entente
