// explain(), the engine's and the report's, on small scenarios loaded and analysed as the
// CLI does.
#include "entente/reports/explain.h"

#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "entente/what_if.h"
#include "scenario_text.h"

namespace entente::reports {
namespace {

using Kind = ConditionLine::Kind;

using entente::testing::Analysed;
using entente::testing::analysed_of;

// As `entente explain` does: the engine's explanation, dressed with the report's facts.
Explanation explained(const Analysed& a, std::string_view ref, const ExplainOptions& options = {}) {
  auto e = entente::explain(*a.scenario, a.analysis, ref, options);
  if (!e) throw std::runtime_error(e.error().front().message);
  return explain(a.report, *e);
}

// One position of each status: a/agreed, a/open, a/red (a deadlock) and b/wall (unanswered).
const char* const k_statuses = R"(
  - id: a
    name: Party A
    positions:
      - {id: agreed, issue: i, kind: demand, text: Agreed}
      - {id: open, issue: i, kind: demand, text: Open}
      - {id: red, issue: i, kind: demand, text: Red, priority: 5, red_line: true, source: s,
         quote: the words}
  - id: b
    positions:
      - {id: wall, issue: i, kind: concession, text: Wall, red_line: true, to: [a], source: s,
         quote: never}
    stances:
      - {position: a/agreed, stance: agree}
      - {position: a/open, stance: consider}
      - {position: a/red, stance: reject, via: wall, note: No way., source: s}
  - id: c
    stances:
      - {position: a/agreed, stance: agree}
      - {position: a/red, stance: consider})";

// "party:stance" per stance line, "ref[/stop]" per condition line, indented by depth.
std::vector<std::string> tree(const Explanation& e) {
  std::vector<std::string> out;
  for (const ConditionLine& line : e.conditions) {
    std::string text(static_cast<std::size_t>(line.depth), ' ');
    if (line.kind == Kind::stance) {
      text += line.party + ":" + std::string(to_string(line.stance));
    } else {
      text += line.ref + (line.stop == Stop::none ? "" : "/" + std::string(to_string(line.stop)));
    }
    out.push_back(text);
  }
  return out;
}

TEST(Explain, AnAgreedPositionNamesEveryAgreeingParty) {
  const Explanation e = explained(analysed_of(k_statuses), "a/agreed");
  EXPECT_EQ(PositionStatus::agreed, e.position.status);
  EXPECT_EQ("Party A", e.holder_name);
  EXPECT_EQ("The issue", e.issue_title);
  EXPECT_EQ("Test", e.scenario_title);
  EXPECT_EQ("Agreed: every party it is addressed to agrees (b and c).", e.reason);
  ASSERT_EQ(2u, e.stances.size());
  EXPECT_EQ("b", e.stances[0].answer.party);
  EXPECT_TRUE(e.conditions.empty());
  EXPECT_TRUE(e.package.empty());
  EXPECT_TRUE(e.dependents.empty());
}

TEST(Explain, AnOpenPositionNamesWhoConsidersAndWhoIsSilent) {
  const Explanation e = explained(analysed_of(k_statuses), "a/open");
  EXPECT_EQ(PositionStatus::open, e.position.status);
  EXPECT_EQ("Open: nobody rejects it; b considers it; c has not answered.", e.reason);
  EXPECT_EQ(EffectiveStance::silent, e.stances[1].answer.stance);
}

TEST(Explain, ADeadlockNamesTheRedLineItIsRejectedVia) {
  const Explanation e = explained(analysed_of(k_statuses), "a/red");
  EXPECT_TRUE(e.position.deadlock);
  EXPECT_EQ("Sticking: rejected by b. Deadlock: a red line rejected via the red line b/wall.",
            e.reason);
  ASSERT_EQ(1u, e.sources.size());
  EXPECT_EQ("2026-01-02", e.sources[0].date);
  const ExplainedStance& b = e.stances[0];
  ASSERT_TRUE(b.via.has_value());
  EXPECT_EQ("b/wall", b.via->ref);
  EXPECT_TRUE(b.via->red_line);
  EXPECT_EQ(3, b.via->priority);
  EXPECT_EQ("never", b.via->quote);
  ASSERT_EQ(1u, b.via->sources.size());
  EXPECT_EQ("A letter", b.via->sources[0].title);
  EXPECT_EQ("No way.", b.answer.note);
  ASSERT_EQ(1u, b.sources.size());
  EXPECT_EQ("s", b.sources[0].id);
}

TEST(Explain, ANearMissSaysWhichHalfOfADeadlockIsMissing) {
  const Analysed report = analysed_of(R"(
  - id: a
    positions: [{id: x, issue: i, kind: demand, text: X}]
  - id: b
    positions: [{id: y, issue: i, kind: demand, text: Y, red_line: true}]
    stances: [{position: a/x, stance: reject, via: y}])");
  EXPECT_EQ(
      "Sticking: rejected by b. Not a deadlock: rejected via the red line b/y, but not a red "
      "line itself.",
      explained(report, "a/x").reason);
}

TEST(Explain, AnUnansweredPositionNamesTheSilentParties) {
  const Explanation e = explained(analysed_of(k_statuses), "b/wall");
  EXPECT_EQ("Unanswered: nobody rejects or considers it; a has not answered.", e.reason);
}

// a/x and b/y wait for each other: a package, and a cycle in the tree.
const char* const k_package = R"(
  - id: a
    positions: [{id: x, issue: i, kind: demand, text: X}]
    stances: [{position: b/y, stance: consider, agree_if: [a/x]}]
  - id: b
    positions: [{id: y, issue: i, kind: demand, text: Y}]
    stances: [{position: a/x, stance: reject, agree_if: [b/y]}])";

TEST(Explain, APackageMemberNamesItsPackageAndMarksTheCycle) {
  const Explanation e = explained(analysed_of(k_package), "a/x");
  EXPECT_EQ((std::vector<std::string>{"a/x", "b/y"}), e.package);
  EXPECT_EQ(
      "Sticking: rejected by b. Conditional: b would agree once its conditions are agreed. In "
      "a package with b/y: agreed if accepted together, never alone.",
      e.reason);
  EXPECT_EQ((std::vector<std::string>{"b:reject", " b/y", "  a:consider", "   a/x/cycle"}),
            tree(e));
  EXPECT_EQ((std::vector<std::string>{"a"}), e.conditions[1].conditional_by);
  EXPECT_FALSE(e.truncated);
}

// a/x <- b/y <- c/z; `more` adds stances of a.
std::string chain(std::string_view more) {
  return fmt::format(R"(
  - id: a
    positions: [{{id: x, issue: i, kind: demand, text: X, to: [b]}}]
    stances:
      - {{position: b/y, stance: consider, agree_if: [c/z]}}{}
  - id: b
    positions: [{{id: y, issue: i, kind: demand, text: Y, to: [a]}}]
    stances: [{{position: a/x, stance: consider, agree_if: [b/y]}}]
  - id: c
    positions: [{{id: z, issue: i, kind: demand, text: Z, to: [a]}}])",
                     more);
}

TEST(Explain, AChainOfConditionsIsFollowedToItsRoot) {
  const Explanation e = explained(analysed_of(chain("")), "a/x");
  EXPECT_EQ((std::vector<std::string>{"b:consider", " b/y", "  a:consider", "   c/z"}), tree(e));
  const ConditionLine& root = e.conditions[3];
  EXPECT_FALSE(root.met);
  EXPECT_EQ(PositionStatus::unanswered, root.status);  // nobody has answered c/z
  EXPECT_TRUE(root.conditional_by.empty());
  EXPECT_EQ(Stop::none, root.stop);
}

TEST(Explain, AMetChainIsMarkedMetAllTheWayDown) {
  const Analysed report = analysed_of(chain("\n      - {position: c/z, stance: agree}"));
  const Explanation e = explained(report, "a/x");
  EXPECT_EQ(PositionStatus::agreed, e.position.status);
  EXPECT_EQ((std::vector<std::string>{"b:agree", " b/y", "  a:agree", "   c/z"}), tree(e));
  for (const ConditionLine& line : e.conditions) EXPECT_TRUE(line.met) << line.ref;
  EXPECT_EQ(
      "Agreed: every party it is addressed to agrees (b). Conditional: b agrees because its "
      "conditions are met.",
      e.reason);
}

// a/root waits for b/p, and b/p and c/q wait for each other.
const char* const k_ring = R"(
  - id: a
    positions: [{id: root, issue: i, kind: demand, text: R, to: [b]}]
  - id: b
    positions: [{id: p, issue: i, kind: demand, text: P, to: [c]}]
    stances:
      - {position: a/root, stance: consider, agree_if: [b/p]}
      - {position: c/q, stance: consider, agree_if: [b/p]}
  - id: c
    positions: [{id: q, issue: i, kind: demand, text: Q, to: [b]}]
    stances: [{position: b/p, stance: consider, agree_if: [c/q]}])";

TEST(Explain, ACycleBelowTheRootIsMarkedWhereItClosesAndNotFollowed) {
  const Explanation e = explained(analysed_of(k_ring), "a/root");
  EXPECT_EQ((std::vector<std::string>{"b:consider", " b/p", "  c:consider", "   c/q",
                                      "    b:consider", "     b/p/cycle"}),
            tree(e));
}

TEST(Explain, TheDepthLimitStopsABranchAndSaysSo) {
  const Analysed report = analysed_of(k_ring);
  const Explanation one = explained(report, "a/root", {.max_depth = 1});
  EXPECT_EQ((std::vector<std::string>{"b:consider", " b/p/depth"}), tree(one));
  EXPECT_EQ((std::vector<std::string>{"c"}), one.conditions[1].conditional_by);
  EXPECT_TRUE(one.truncated);
  EXPECT_EQ(1, one.max_depth);
  const Explanation two = explained(report, "a/root", {.max_depth = 2});
  EXPECT_EQ((std::vector<std::string>{"b:consider", " b/p", "  c:consider", "   c/q/depth"}),
            tree(two));
}

TEST(Explain, APositionReachedTwiceIsFollowedOnce) {
  const Analysed report = analysed_of(R"(
  - id: a
    positions: [{id: x, issue: i, kind: demand, text: X, to: [b]}]
    stances: [{position: b/w, stance: consider, agree_if: [a/x]}]
  - id: b
    positions:
      - {id: y, issue: i, kind: demand, text: Y, to: [c]}
      - {id: z, issue: i, kind: demand, text: Z, to: [c]}
      - {id: w, issue: i, kind: demand, text: W, to: [a]}
    stances: [{position: a/x, stance: consider, agree_if: [b/y, b/z]}]
  - id: c
    stances:
      - {position: b/y, stance: consider, agree_if: [b/w]}
      - {position: b/z, stance: consider, agree_if: [b/w]})");
  EXPECT_EQ(
      (std::vector<std::string>{"b:consider", " b/y", "  c:consider", "   b/w", "    a:consider",
                                "     a/x/cycle", " b/z", "  c:consider", "   b/w/repeat"}),
      tree(explained(report, "a/x")));
}

// A chain far longer than the depth limit: built without recursion, cut at the limit.
TEST(Explain, ALongChainIsCutAtTheDefaultDepth) {
  std::string positions, stances;
  for (int i = 0; i < 200; ++i) {
    positions += fmt::format("      - {{id: x{}, issue: i, kind: demand, text: X}}\n", i);
    stances +=
        fmt::format("      - {{position: a/x{}, stance: consider, agree_if: [a/x{}]}}\n", i, i + 1);
  }
  positions += "      - {id: x200, issue: i, kind: demand, text: X}\n";
  const Analysed report = analysed_of(
      fmt::format("  - id: a\n    positions:\n{}  - id: b\n    stances:\n{}", positions, stances));
  const Explanation e = explained(report, "a/x0");
  ASSERT_EQ(2u * 12, e.conditions.size());
  EXPECT_EQ("a/x12", e.conditions.back().ref);
  EXPECT_EQ(Stop::depth, e.conditions.back().stop);
  EXPECT_TRUE(e.truncated);
}

TEST(Explain, DependentsAreEveryStanceWhoseConditionsNameIt) {
  const Analysed report = analysed_of(R"(
  - id: a
    positions:
      - {id: x, issue: i, kind: demand, text: X}
      - {id: y, issue: i, kind: demand, text: Y}
  - id: b
    positions:
      - {id: q, issue: i, kind: demand, text: Q, to: [c]}
      - {id: p, issue: i, kind: demand, text: P, to: [c]}
  - id: c
    stances:
      - {position: b/q, stance: reject, agree_if: [a/x]}
      - {position: b/p, stance: consider, agree_if: [a/y, a/x]})");
  const Explanation e = explained(report, "a/x");
  ASSERT_EQ(2u, e.dependents.size());
  const Dependent& p = e.dependents[0];
  EXPECT_EQ("c", p.party);
  EXPECT_EQ("b/p", p.position);
  EXPECT_EQ(EffectiveStance::consider, p.stance);
  EXPECT_TRUE(p.conditional);
  EXPECT_FALSE(p.met);
  EXPECT_EQ((std::vector<std::string>{"a/y"}), p.also_waits_for);
  EXPECT_EQ("b/q", e.dependents[1].position);
  EXPECT_EQ(EffectiveStance::reject, e.dependents[1].stance);
  EXPECT_TRUE(e.dependents[1].also_waits_for.empty());
}

TEST(Explain, APackageMemberIsADependentOfTheOtherMember) {
  const Explanation e = explained(analysed_of(k_package), "a/x");
  ASSERT_EQ(1u, e.dependents.size());
  EXPECT_EQ("a", e.dependents[0].party);
  EXPECT_EQ("b/y", e.dependents[0].position);
}

TEST(Explain, AConditionThatNamesNoPositionHasNoStatus) {
  // What a what-if leaves when it withdraws a position that a condition names.
  const Change drop = parse_change(ChangeKind::drop, "b/y").value();
  const Scenario& changed = entente::testing::kept(
      apply_changes(entente::testing::valid_scenario(entente::testing::scenario_text(k_package)),
                    {&drop, 1})
          .value());
  const Explanation e = explained(entente::testing::analysed(changed), "a/x");
  ASSERT_EQ(2u, e.conditions.size());
  EXPECT_EQ("b/y", e.conditions[1].ref);
  EXPECT_FALSE(e.conditions[1].status.has_value());
  EXPECT_FALSE(e.conditions[1].met);
}

TEST(Explain, AnUnknownRefSuggestsTheClosestKnownOne) {
  const Analysed report = analysed_of(k_statuses);
  const auto typo = entente::explain(*report.scenario, report.analysis, "a/agred");
  ASSERT_FALSE(typo.has_value());
  ASSERT_EQ(1u, typo.error().size());
  EXPECT_EQ(Severity::error, typo.error()[0].severity);
  EXPECT_EQ("unknown position 'a/agred' (did you mean 'a/agreed'?)", typo.error()[0].message);
  const auto far = entente::explain(*report.scenario, report.analysis, "nobody/nothing-like-it");
  ASSERT_FALSE(far.has_value());
  EXPECT_EQ("unknown position 'nobody/nothing-like-it'", far.error()[0].message);
}

}  // namespace
}  // namespace entente::reports
