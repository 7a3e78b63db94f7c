// docs/format.md section 3, rule by rule, on small scenarios written in the single-file form.
#include "entente/analysis.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "entente/loader.h"
#include "entente/position_graph.h"
#include "scenario_text.h"

namespace entente {
namespace {

struct Result {
  Scenario scenario;
  Analysis analysis;

  PositionId id(std::string_view ref) const {
    for (std::size_t i = 0; i < scenario.positions.size(); ++i) {
      if (scenario.positions[i].ref() == ref) return static_cast<PositionId>(i);
    }
    throw std::runtime_error(fmt::format("no position {}", ref));
  }
  const PositionAnalysis& at(std::string_view ref) const { return analysis.positions[id(ref)]; }
  std::span<const AudienceStance> audience(std::string_view ref) const {
    return analysis.audience(id(ref));
  }
  std::vector<PartyId> rejected_by(std::string_view ref) const {
    return analysis.rejected_by(id(ref));
  }
  PositionStatus status(std::string_view ref) const { return at(ref).status; }
  std::vector<std::string> refs(const std::vector<PositionId>& ids) const {
    std::vector<std::string> out;
    for (const PositionId id : ids) out.push_back(scenario.positions[id].ref());
    return out;
  }
  std::vector<std::vector<std::string>> packages() const {
    std::vector<std::vector<std::string>> out;
    for (const auto& p : analysis.packages) out.push_back(refs(p));
    return out;
  }
  IssueStatus issue(std::string_view id) const {
    for (std::size_t i = 0; i < scenario.issues.size(); ++i) {
      if (scenario.issues[i].id == id) return analysis.issues[i];
    }
    throw std::runtime_error(fmt::format("no issue {}", id));
  }
};

// Parties a, b, c and issues i, j, k; `parties` gives each party's positions and stances.
Result run(std::string_view parties) {
  const std::string yaml = fmt::format(R"(format: 1
title: Test
issues: [{{id: i}}, {{id: j}}, {{id: k}}]
parties:
{}
)",
                                       parties);
  Scenario valid = testing::valid_scenario(yaml);
  Analysis analysis = analyze(PositionGraph::build(valid));
  return {std::move(valid), std::move(analysis)};
}

TEST(Analysis, AgreedWhenEveryAudiencePartyAgrees) {
  const Result r = run(R"(
  - id: a
    positions: [{id: x, issue: i, kind: demand, text: X}]
  - id: b
    stances: [{position: a/x, stance: agree}]
  - id: c
    stances: [{position: a/x, stance: agree}])");
  EXPECT_EQ(PositionStatus::agreed, r.status("a/x"));
  EXPECT_EQ(std::vector<std::string>{"a/x"}, r.refs(r.analysis.common_ground));
  EXPECT_EQ(IssueStatus::agreed, r.issue("i"));
}

TEST(Analysis, OneSilentPartyLeavesAPositionUnanswered) {
  const Result r = run(R"(
  - id: a
    positions: [{id: x, issue: i, kind: demand, text: X}]
  - id: b
    stances: [{position: a/x, stance: agree}]
  - id: c)");
  EXPECT_EQ(PositionStatus::unanswered, r.status("a/x"));
  EXPECT_EQ(std::vector<std::string>{"a/x"}, r.refs(r.analysis.unanswered));
  EXPECT_EQ(EffectiveStance::silent, r.audience("a/x")[1].stance);
  EXPECT_EQ(IssueStatus::open, r.issue("i"));
}

TEST(Analysis, ConsiderWithoutRejectionIsOpen) {
  const Result r = run(R"(
  - id: a
    positions: [{id: x, issue: i, kind: demand, text: X}]
  - id: b
    stances: [{position: a/x, stance: consider}]
  - id: c)");
  EXPECT_EQ(PositionStatus::open, r.status("a/x"));
  EXPECT_EQ(std::vector<std::string>{"a/x"}, r.refs(r.analysis.bargaining_space));
}

TEST(Analysis, AnyRejectionMakesAStickingPointButNotADeadlock) {
  const Result r = run(R"(
  - id: a
    positions: [{id: x, issue: i, kind: demand, text: X, red_line: true}]
  - id: b
    positions: [{id: y, issue: i, kind: demand, text: Y}]
    stances: [{position: a/x, stance: reject, via: y}]
  - id: c
    stances: [{position: a/x, stance: consider}])");
  EXPECT_EQ(PositionStatus::sticking, r.status("a/x"));
  EXPECT_FALSE(r.at("a/x").deadlock);  // y is not a red line
  EXPECT_EQ(std::vector<PartyId>{1}, r.rejected_by("a/x"));
  EXPECT_EQ(IssueStatus::contested, r.issue("i"));
}

TEST(Analysis, RedLineRejectedViaRedLineIsADeadlock) {
  const Result r = run(R"(
  - id: a
    positions: [{id: x, issue: i, kind: demand, text: X, red_line: true}]
  - id: b
    positions: [{id: y, issue: j, kind: demand, text: Y, red_line: true}]
    stances: [{position: a/x, stance: reject, via: y}]
  - id: c
    stances: [{position: a/x, stance: reject}])");
  EXPECT_TRUE(r.at("a/x").deadlock);
  EXPECT_EQ((std::vector<PartyId>{1, 2}), r.rejected_by("a/x"));
  EXPECT_EQ(IssueStatus::deadlocked, r.issue("i"));
  EXPECT_EQ(IssueStatus::open, r.issue("j"));  // y: nobody answered
  EXPECT_EQ(IssueStatus::open, r.issue("k"));  // no positions at all
}

TEST(Analysis, RejectionOfANonRedLineViaARedLineIsNoDeadlock) {
  const Result r = run(R"(
  - id: a
    positions: [{id: x, issue: i, kind: demand, text: X}]
  - id: b
    positions: [{id: y, issue: j, kind: demand, text: Y, red_line: true}]
    stances: [{position: a/x, stance: reject, via: y}])");
  EXPECT_FALSE(r.at("a/x").deadlock);
  EXPECT_EQ(PositionStatus::sticking, r.status("a/x"));
}

TEST(Analysis, StancesOutsideTheAudienceDoNotCount) {
  const Result r = run(R"(
  - id: a
    positions: [{id: x, issue: i, kind: demand, text: X, to: [b]}]
  - id: b
    stances: [{position: a/x, stance: agree}]
  - id: c
    stances: [{position: a/x, stance: reject}])");
  EXPECT_EQ(PositionStatus::agreed, r.status("a/x"));
  ASSERT_EQ(1u, r.audience("a/x").size());
  EXPECT_EQ(1u, r.scenario.warnings.size());
}

TEST(Analysis, ConditionalStanceCountsAsItsValueUntilItsConditionsAreAgreed) {
  const Result r = run(R"(
  - id: a
    positions:
      - {id: x, issue: i, kind: demand, text: X, to: [b]}
      - {id: w, issue: j, kind: demand, text: W, to: [b]}
  - id: b
    stances:
      - {position: a/x, stance: reject, agree_if: [a/w]}
      - {position: a/w, stance: consider})");
  EXPECT_EQ(PositionStatus::sticking, r.status("a/x"));
  EXPECT_EQ(EffectiveStance::reject, r.audience("a/x")[0].stance);
  EXPECT_TRUE(r.audience("a/x")[0].conditional);
  EXPECT_FALSE(r.audience("a/x")[0].condition_met);
  EXPECT_TRUE(r.packages().empty());
}

TEST(Analysis, ConditionalStanceAgreesOnceItsConditionsAre) {
  const Result r = run(R"(
  - id: a
    positions:
      - {id: x, issue: i, kind: demand, text: X, to: [b]}
      - {id: w, issue: j, kind: demand, text: W, to: [b]}
  - id: b
    stances:
      - {position: a/x, stance: reject, agree_if: [a/w]}
      - {position: a/w, stance: agree})");
  EXPECT_EQ(PositionStatus::agreed, r.status("a/x"));
  EXPECT_TRUE(r.audience("a/x")[0].condition_met);
  EXPECT_EQ(EffectiveStance::agree, r.audience("a/x")[0].stance);
}

TEST(Analysis, EveryConditionMustHold) {
  const Result r = run(R"(
  - id: a
    positions:
      - {id: x, issue: i, kind: demand, text: X, to: [b]}
      - {id: v, issue: j, kind: demand, text: V, to: [b]}
      - {id: w, issue: j, kind: demand, text: W, to: [b]}
  - id: b
    stances:
      - {position: a/x, stance: consider, agree_if: [a/v, a/w]}
      - {position: a/v, stance: agree}
      - {position: a/w, stance: consider})");
  EXPECT_EQ(PositionStatus::open, r.status("a/x"));
}

// A chain x1 <- x2 <- ... <- xn, where x1 is agreed outright: the least fixpoint reaches
// the far end.
TEST(Analysis, LongConditionChainsResolveToTheirEnd) {
  constexpr int n = 2000;
  std::string positions, stances;
  for (int i = 1; i <= n; ++i) {
    positions += fmt::format("      - {{id: x{}, issue: i, kind: demand, text: X, to: [b]}}\n", i);
    if (i == 1) {
      stances += "      - {position: a/x1, stance: agree}\n";
    } else {
      stances += fmt::format("      - {{position: a/x{}, stance: reject, agree_if: [a/x{}]}}\n",
                             i, i - 1);
    }
  }
  const Result r = run(fmt::format("  - id: a\n    positions:\n{}  - id: b\n    stances:\n{}",
                                   positions, stances));
  EXPECT_EQ(static_cast<std::size_t>(n), r.analysis.common_ground.size());
  EXPECT_EQ(PositionStatus::agreed, r.status(fmt::format("a/x{}", n)));
}

TEST(Analysis, ACycleOfConditionsFormsAPackage) {
  const Result r = run(R"(
  - id: a
    positions: [{id: x, issue: i, kind: demand, text: X, to: [b]}]
    stances: [{position: b/y, stance: consider, agree_if: [a/x]}]
  - id: b
    positions: [{id: y, issue: j, kind: concession, text: Y, to: [a]}]
    stances: [{position: a/x, stance: reject, agree_if: [b/y]}])");
  EXPECT_EQ((std::vector<std::vector<std::string>>{{"a/x", "b/y"}}), r.packages());
  // Members keep the status of their own stances: no one accepts them alone.
  EXPECT_EQ(PositionStatus::sticking, r.status("a/x"));
  EXPECT_EQ(PositionStatus::open, r.status("b/y"));
  EXPECT_TRUE(r.at("a/x").in_package);
}

TEST(Analysis, ASilentPartyKeepsAPositionOutOfAnyPackage) {
  const Result r = run(R"(
  - id: a
    positions: [{id: x, issue: i, kind: demand, text: X}]
    stances: [{position: b/y, stance: consider, agree_if: [a/x]}]
  - id: b
    positions: [{id: y, issue: j, kind: concession, text: Y, to: [a]}]
    stances: [{position: a/x, stance: reject, agree_if: [b/y]}]
  - id: c)");
  // c is in a/x's audience and silent, so a/x can never be agreed; b/y depends on it.
  EXPECT_TRUE(r.packages().empty());
}

TEST(Analysis, SeparateCyclesAreSeparatePackagesSortedByFirstMember) {
  const Result r = run(R"(
  - id: a
    positions:
      - {id: p, issue: i, kind: demand, text: P, to: [b]}
      - {id: q, issue: i, kind: demand, text: Q, to: [b]}
      - {id: z, issue: j, kind: demand, text: Z, to: [b]}
  - id: b
    stances:
      - {position: a/z, stance: consider, agree_if: [a/z]}
      - {position: a/q, stance: consider, agree_if: [a/p]}
      - {position: a/p, stance: reject, agree_if: [a/q]})");
  EXPECT_EQ((std::vector<std::vector<std::string>>{{"a/p", "a/q"}, {"a/z"}}), r.packages());
}

TEST(Analysis, APackageMayLeanOnAgreedPositionsWithoutJoiningThem) {
  const Result r = run(R"(
  - id: a
    positions:
      - {id: base, issue: i, kind: demand, text: B, to: [b]}
      - {id: p, issue: i, kind: demand, text: P, to: [b]}
      - {id: q, issue: i, kind: demand, text: Q, to: [b]}
  - id: b
    stances:
      - {position: a/base, stance: agree}
      - {position: a/p, stance: consider, agree_if: [a/q, a/base]}
      - {position: a/q, stance: consider, agree_if: [a/p]})");
  EXPECT_EQ((std::vector<std::vector<std::string>>{{"a/p", "a/q"}}), r.packages());
  EXPECT_EQ(PositionStatus::agreed, r.status("a/base"));
}

TEST(Analysis, AnAgreeStanceWithConditionsIsPlainAgreement) {
  const Result r = run(R"(
  - id: a
    positions:
      - {id: x, issue: i, kind: demand, text: X, to: [b]}
      - {id: w, issue: j, kind: demand, text: W, to: [b]}
  - id: b
    stances:
      - {position: a/x, stance: agree, agree_if: [a/w]}
      - {position: a/w, stance: reject})");
  EXPECT_EQ(PositionStatus::agreed, r.status("a/x"));
  EXPECT_FALSE(r.audience("a/x")[0].conditional);
}

TEST(Analysis, StickingPointsRankDeadlocksThenPriorityThenRejectionsThenRef) {
  const Result r = run(R"(
  - id: a
    positions:
      - {id: low, issue: i, kind: demand, text: L, priority: 1}
      - {id: high-one, issue: i, kind: demand, text: H, priority: 5}
      - {id: high-two, issue: i, kind: demand, text: H, priority: 5}
      - {id: high-zz, issue: i, kind: demand, text: H, priority: 5}
      - {id: dead, issue: j, kind: demand, text: D, priority: 2, red_line: true}
  - id: b
    positions: [{id: wall, issue: j, kind: demand, text: W, red_line: true}]
    stances:
      - {position: a/low, stance: reject}
      - {position: a/high-one, stance: reject}
      - {position: a/high-two, stance: reject}
      - {position: a/high-zz, stance: reject}
      - {position: a/dead, stance: reject, via: wall}
  - id: c
    stances:
      - {position: a/high-two, stance: reject})");
  EXPECT_EQ((std::vector<std::string>{"a/dead", "a/high-two", "a/high-one", "a/high-zz",
                                      "a/low"}),
            r.refs(r.analysis.sticking_points));
}

TEST(Analysis, ListsOtherThanStickingPointsAreSortedByReferenceNotFileOrder) {
  const Result r = run(R"(
  - id: b
    positions: [{id: a, issue: i, kind: demand, text: A, to: [a]}]
  - id: a
    positions:
      - {id: zz, issue: i, kind: demand, text: Z, to: [b]}
      - {id: b, issue: i, kind: demand, text: B, to: [b]}
    stances: [{position: b/a, stance: agree}]
  - id: c
    stances:
      - {position: a/zz, stance: agree}
      - {position: a/b, stance: agree})");
  // a/zz and a/b are addressed to b only, who is silent; c is outside their audience.
  EXPECT_EQ(PositionStatus::unanswered, r.status("a/zz"));
  EXPECT_EQ((std::vector<std::string>{"a/b", "a/zz"}), r.refs(r.analysis.unanswered));
  EXPECT_EQ(std::vector<std::string>{"b/a"}, r.refs(r.analysis.common_ground));
}

// Above 20,000 positions two threads analyse a half each, and refs listed out of order are
// sorted for the lists: every position must still get its own analysis.
TEST(Analysis, LargeScenarioGivesEachPositionItsOwnAnalysisAndSortsTheLists) {
  constexpr int k_positions = 25'000;
  Scenario s;
  s.parties = {{.id = "a"}, {.id = "b"}};
  s.issues = {{.id = "i"}};
  for (int n = k_positions; n > 0; --n) {  // descending: numbered refs out of order
    const std::string id = fmt::format("p{}", n);
    s.positions.push_back({.party = "a", .id = id, .issue = {"i"}, .text = "T", .to = {{"b"}}});
    if (n % 3 != 0) {
      s.stances.push_back({.party = "b",
                           .position = {"a/" + id},
                           .stance = n % 3 == 1 ? Stance::agree : Stance::reject});
    }
  }
  Expected<Scenario> valid = validate(std::move(s));
  ASSERT_TRUE(valid);
  const Result r{*valid, analyze(PositionGraph::build(*valid))};
  ASSERT_EQ(r.analysis.positions.size(), static_cast<std::size_t>(k_positions));
  for (int i = 0; i < k_positions; ++i) {
    const int n = k_positions - i;
    const PositionAnalysis& a = r.analysis.positions[static_cast<std::size_t>(i)];
    const PositionStatus want = n % 3 == 0   ? PositionStatus::unanswered
                                : n % 3 == 1 ? PositionStatus::agreed
                                             : PositionStatus::sticking;
    ASSERT_EQ(want, a.status) << "a/p" << n;
    ASSERT_EQ(n % 3 == 2, r.analysis.rejected_by(static_cast<PositionId>(i)).size() == 1)
        << "a/p" << n;
  }
  const std::vector<std::string> agreed = r.refs(r.analysis.common_ground);
  EXPECT_EQ(static_cast<std::size_t>(k_positions + 2) / 3, agreed.size());
  EXPECT_TRUE(std::is_sorted(agreed.begin(), agreed.end()));
  EXPECT_EQ("a/p1", agreed.front());
  // Every position once, in ref order.
  const std::vector<std::string> all = r.refs(r.analysis.by_ref);
  ASSERT_EQ(static_cast<std::size_t>(k_positions), all.size());
  EXPECT_TRUE(std::is_sorted(all.begin(), all.end()));
  EXPECT_EQ(std::set<std::string>(all.begin(), all.end()).size(), all.size());
}

TEST(Analysis, IssueIsAgreedOnlyWhenAllItsPositionsAre) {
  const Result r = run(R"(
  - id: a
    positions:
      - {id: x, issue: i, kind: demand, text: X, to: [b]}
      - {id: y, issue: i, kind: demand, text: Y, to: [b]}
  - id: b
    stances: [{position: a/x, stance: agree}, {position: a/y, stance: consider}])");
  EXPECT_EQ(IssueStatus::open, r.issue("i"));
}

// docs/format.md section 7: a scenario of parties a, b, c whose issue i is exclusive (with
// `extra` keys on it) and whose `parties` hold alternatives on it.
Result run_exclusive(std::string_view extra, std::string_view parties) {
  const std::string yaml = fmt::format(R"(format: 1
title: Test
issues:
  - id: i
    exclusive: true
{}
  - id: j
parties:
{}
)",
                                       extra, parties);
  Scenario valid = testing::valid_scenario(yaml);
  Analysis analysis = analyze(PositionGraph::build(valid));
  return {std::move(valid), std::move(analysis)};
}

// a/x is agreed by b and c; b/y is a red line that a and c reject via red lines: sticking, a
// deadlock, were the issue not exclusive.
constexpr std::string_view k_one_agreed = R"(
  - id: a
    positions:
      - {id: x, issue: i, kind: demand, text: X}
      - {id: no-y, issue: j, kind: demand, text: Not Y, red_line: true}
    stances: [{position: b/y, stance: reject, via: no-y}]
  - id: b
    positions: [{id: y, issue: i, kind: demand, text: Y, red_line: true}]
    stances: [{position: a/x, stance: agree}]
  - id: c
    stances: [{position: a/x, stance: agree}, {position: b/y, stance: reject}])";

TEST(Analysis, OneAgreedAlternativeSupersedesTheOthersAndTheirDeadlocks) {
  const Result r = run_exclusive("", k_one_agreed);
  EXPECT_EQ(PositionStatus::agreed, r.status("a/x"));
  EXPECT_EQ(PositionStatus::superseded, r.status("b/y"));
  EXPECT_FALSE(r.at("b/y").deadlock);
  EXPECT_EQ(std::vector<std::string>{"b/y"}, r.refs(r.analysis.superseded));
  EXPECT_TRUE(r.analysis.sticking_points.empty());
  EXPECT_EQ(IssueStatus::agreed, r.issue("i"));
  EXPECT_TRUE(conflict_warnings(r.scenario, r.analysis).empty());
}

TEST(Analysis, WithoutExclusiveTheSameRivalIsADeadlock) {
  const Result r = run(R"(
  - id: a
    positions:
      - {id: x, issue: i, kind: demand, text: X}
      - {id: no-y, issue: j, kind: demand, text: Not Y, red_line: true}
    stances: [{position: b/y, stance: reject, via: no-y}]
  - id: b
    positions: [{id: y, issue: i, kind: demand, text: Y, red_line: true}]
    stances: [{position: a/x, stance: agree}]
  - id: c
    stances: [{position: a/x, stance: agree}, {position: b/y, stance: reject}])");
  EXPECT_EQ(PositionStatus::sticking, r.status("b/y"));
  EXPECT_TRUE(r.at("b/y").deadlock);
  EXPECT_EQ(IssueStatus::deadlocked, r.issue("i"));
  EXPECT_TRUE(r.analysis.superseded.empty());
}

TEST(Analysis, TwoAgreedAlternativesMakeTheIssueConflictingWithAWarningAtItsId) {
  const Result r = run_exclusive("", R"(
  - id: a
    positions: [{id: x, issue: i, kind: demand, text: X}]
    stances: [{position: b/y, stance: agree}]
  - id: b
    positions: [{id: y, issue: i, kind: demand, text: Y}]
    stances: [{position: a/x, stance: agree}]
  - id: c
    stances: [{position: a/x, stance: agree}, {position: b/y, stance: agree}])");
  EXPECT_EQ(PositionStatus::agreed, r.status("a/x"));
  EXPECT_EQ(PositionStatus::agreed, r.status("b/y"));
  EXPECT_EQ(IssueStatus::conflicting, r.issue("i"));
  const std::vector<Diagnostic> warnings = conflict_warnings(r.scenario, r.analysis);
  ASSERT_EQ(1U, warnings.size());
  EXPECT_EQ(Severity::warning, warnings[0].severity);
  EXPECT_EQ(4U, warnings[0].where.line);  // `- id: i`: the `id` key
  EXPECT_EQ(5U, warnings[0].where.column);
  EXPECT_EQ(
      "issue 'i' is exclusive, yet 2 of its alternatives are agreed: a/x, b/y (at most "
      "one can be the outcome)",
      warnings[0].message);
}

TEST(Analysis, TheStatusQuoHoldsByDefaultOnlyWhileNoAlternativeIsAgreed) {
  constexpr std::string_view k_none_agreed = R"(
  - id: a
    positions: [{id: x, issue: i, kind: demand, text: X}]
  - id: b
    positions: [{id: y, issue: i, kind: demand, text: Y}]
    stances: [{position: a/x, stance: reject}]
  - id: c
    stances: [{position: a/x, stance: agree}, {position: b/y, stance: consider}])";
  const Result contested = run_exclusive("    status_quo: a/x", k_none_agreed);
  EXPECT_EQ(PositionStatus::sticking, contested.status("a/x"));  // its status stays derived
  EXPECT_EQ(IssueStatus::contested, contested.issue("i"));
  ASSERT_EQ(2U, contested.analysis.defaults.size());
  EXPECT_EQ(std::optional<PositionId>(contested.id("a/x")), contested.analysis.defaults[0]);
  EXPECT_EQ(std::nullopt, contested.analysis.defaults[1]);
  const Result settled = run_exclusive("    status_quo: b/y", k_one_agreed);
  EXPECT_EQ(std::nullopt, settled.analysis.defaults[0]);
}

TEST(Analysis, ASupersededAlternativeMeetsNoCondition) {
  const Result r = run_exclusive("    status_quo: b/y", R"(
  - id: a
    positions:
      - {id: x, issue: i, kind: demand, text: X}
      - {id: w, issue: j, kind: demand, text: W}
  - id: b
    positions: [{id: y, issue: i, kind: demand, text: Y}]
    stances: [{position: a/x, stance: agree}, {position: a/w, stance: consider, agree_if: [b/y]}]
  - id: c
    stances: [{position: a/x, stance: agree}, {position: b/y, stance: agree},
              {position: a/w, stance: agree}])");
  EXPECT_EQ(PositionStatus::superseded, r.status("b/y"));
  EXPECT_EQ(PositionStatus::open, r.status("a/w"));  // b's condition b/y is not agreed
  EXPECT_EQ(std::nullopt, r.analysis.defaults[0]);
}

}  // namespace
}  // namespace entente
