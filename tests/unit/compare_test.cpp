// compare_reports(): every kind of change between two reports, on hand-made pairs.
#include "entente/reports/comparison.h"

#include <gtest/gtest.h>

#include "sample_report.h"

namespace entente::reports {
namespace {

PositionRow* row(Report& r, std::string_view ref) {
  for (PositionRow& p : r.positions) {
    if (p.ref == ref) return &p;
  }
  return nullptr;
}

TEST(Compare, EqualReportsHaveNothingThatMoved) {
  const Report r = testing::small_report();
  const Comparison c = compare_reports(r, r);
  EXPECT_TRUE(c.positions.empty());
  EXPECT_TRUE(c.stances.empty());
  EXPECT_TRUE(c.edits.empty());
  EXPECT_EQ("nothing moved, issue rent still deadlocked", c.verdict);
}

TEST(Compare, FindsAddedAndWithdrawnPositions) {
  const Report before = testing::small_report();
  Report after = before;
  after.positions.erase(after.positions.begin());  // landlord/plus-8
  PositionRow extra = after.positions.back();
  extra.ref = "tenant/zz";
  after.positions.push_back(extra);
  const Comparison c = compare_reports(before, after);
  EXPECT_EQ(std::vector<std::string>{"tenant/zz"}, c.added);
  EXPECT_EQ(std::vector<std::string>{"landlord/plus-8"}, c.withdrawn);
  ASSERT_EQ(2u, c.positions.size());
  EXPECT_EQ(PositionStatus::sticking, c.positions[0].from);
  EXPECT_FALSE(c.positions[0].to);
  EXPECT_EQ(std::vector<std::string>{"landlord/plus-8"}, c.sticking_resolved);
  EXPECT_EQ(std::vector<std::string>{"landlord/plus-8"}, c.deadlocks_broken);
}

TEST(Compare, FindsTextPriorityRedLineAndKindEdits) {
  const Report before = testing::small_report();
  Report after = before;
  PositionRow* p = row(after, "tenant/freeze");
  p->text = "No rise at all.";
  p->priority = 2;
  p->red_line = false;
  p->kind = PositionKind::concession;
  const Comparison c = compare_reports(before, after);
  ASSERT_EQ(4u, c.edits.size());
  EXPECT_EQ("kind", c.edits[0].field);
  EXPECT_EQ("text", c.edits[1].field);
  EXPECT_EQ("No rise.", c.edits[1].from);
  EXPECT_EQ("No rise at all.", c.edits[1].to);
  EXPECT_EQ("2", c.edits[2].to);
  EXPECT_EQ("red_line", c.edits[3].field);
}

TEST(Compare, FindsStanceMovesBothWays) {
  const Report before = testing::small_report();
  Report after = before;
  row(after, "landlord/plus-8")->stances[0].stance = EffectiveStance::consider;
  row(after, "tenant/freeze")->status = PositionStatus::agreed;
  row(after, "tenant/freeze")->stances[0].stance = EffectiveStance::agree;
  const Comparison c = compare_reports(before, after);
  ASSERT_EQ(2u, c.stances.size());
  EXPECT_EQ("tenant", c.stances[0].party);
  EXPECT_EQ(EffectiveStance::reject, c.stances[0].from);
  EXPECT_EQ(EffectiveStance::consider, c.stances[0].to);
  EXPECT_EQ(EffectiveStance::agree, c.stances[1].to);
}

// A party outside a position's audience on one side is silent there (the rows of each side
// are walked together by party).
TEST(Compare, AStanceOfAPartyOutsideTheAudienceOnOneSideMovesFromOrToSilent) {
  const Report before = testing::small_report();
  Report after = before;
  std::vector<StanceRow>& plus = row(after, "landlord/plus-8")->stances;  // tenant: reject
  plus.insert(plus.begin(), {.party = "agency", .stance = EffectiveStance::agree});
  plus.push_back({.party = "zz-observer", .stance = EffectiveStance::silent});
  row(after, "tenant/freeze")->stances.clear();  // landlord: consider
  const Comparison c = compare_reports(before, after);
  ASSERT_EQ(2u, c.stances.size());
  EXPECT_EQ("landlord/plus-8", c.stances[0].position);
  EXPECT_EQ("agency", c.stances[0].party);
  EXPECT_EQ(EffectiveStance::silent, c.stances[0].from);
  EXPECT_EQ(EffectiveStance::agree, c.stances[0].to);
  EXPECT_EQ("tenant/freeze", c.stances[1].position);
  EXPECT_EQ("landlord", c.stances[1].party);
  EXPECT_EQ(EffectiveStance::consider, c.stances[1].from);
  EXPECT_EQ(EffectiveStance::silent, c.stances[1].to);
}

TEST(Compare, FindsPackagesConditionsAndIssues) {
  const Report before = testing::small_report();
  Report after = before;
  after.packages.clear();
  row(after, "tenant/freeze")->stances[0].condition_met = true;
  after.issues[0].status = IssueStatus::contested;
  const Comparison c = compare_reports(before, after);
  EXPECT_EQ(before.packages, c.packages_dissolved);
  ASSERT_EQ(1u, c.conditions_met.size());
  EXPECT_EQ("landlord", c.conditions_met[0].party);
  ASSERT_EQ(1u, c.issues.size());
  EXPECT_EQ(IssueStatus::deadlocked, c.issues[0].from);
  EXPECT_TRUE(c.still_deadlocked.empty());
  EXPECT_EQ("1 package dissolved, 1 condition now met, issue rent deadlocked -> contested",
            c.verdict);
  const Comparison back = compare_reports(after, before);
  EXPECT_EQ(before.packages, back.packages_formed);
  EXPECT_EQ(1u, back.conditions_unmet.size());
}

}  // namespace
}  // namespace entente::reports
