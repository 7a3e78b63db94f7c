// `concede` on small hand-made scenarios: one rule of docs/concede.md per test.
#include "entente/concede.h"

#include <chrono>
#include <stdexcept>
#include <string>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "entente/loader.h"
#include "scenario_text.h"

namespace entente {
namespace {

// Parties a, b, c and issues i, j, k in the single-file form; `parties` gives each party's
// positions and stances.
Scenario scenario(std::string_view parties) {
  return testing::valid_scenario(fmt::format(R"(format: 1
title: Test
issues: [{{id: i}}, {{id: j}}, {{id: k}}]
parties:
{}
)",
                                             parties));
}

ConcedeResult run(std::string_view parties, const ConcedeOptions& options) {
  auto result = concede(scenario(parties), options);
  if (!result) throw std::runtime_error(format_diagnostic(result.error().front()));
  return std::move(*result);
}

// Each move with its own cost, then each position given up with its price.
std::vector<std::string> describe(const Plan& plan) {
  std::vector<std::string> out;
  for (const Move& m : plan.moves) {
    out.push_back(fmt::format("{} {} {} = {}", m.party, to_string(m.kind), m.position, m.cost));
  }
  for (const GivenUp& g : plan.given_up) {
    out.push_back(fmt::format("{} gives up {} = {}", g.party, g.position, g.cost));
  }
  return out;
}

using Lines = std::vector<std::string>;

TEST(Concede, AReversedRejectCostsTwiceThePriorityOfItsVia) {
  const ConcedeResult r = run(R"(
  - id: a
    positions: [{id: x, issue: i, kind: demand, text: X}]
  - id: b
    positions: [{id: y, issue: j, kind: demand, text: Y, priority: 4}]
    stances: [{position: a/x, stance: reject, via: y}])",
                              {.targets = {"a/x"}});
  ASSERT_EQ(1u, r.plans.size());
  EXPECT_EQ(8, r.cost);
  const Move& m = r.plans[0].moves.at(0);
  EXPECT_EQ(Stance::reject, m.was);
  EXPECT_EQ("b/y", m.via);
  EXPECT_EQ(4, m.basis);
  EXPECT_EQ(k_reject_factor, m.factor);
  EXPECT_EQ("b/y", m.gives_up);
  EXPECT_EQ((Lines{"b agree a/x = 0", "b gives up b/y = 8"}), describe(r.plans[0]));
  EXPECT_EQ((std::vector<PartyCost>{{"b", 8}}), r.plans[0].by_party);
  EXPECT_EQ(Lines{"a/x"}, r.plans[0].agreed);
  EXPECT_FALSE(r.already_agreed);
}

TEST(Concede, SilenceAndAConsiderWithoutViaCostOne) {
  const ConcedeResult r = run(R"(
  - id: a
    positions: [{id: x, issue: i, kind: demand, text: X}]
  - id: b
    stances: [{position: a/x, stance: consider}]
  - id: c)",
                              {.targets = {"a/x"}});
  EXPECT_EQ(2, r.cost);
  EXPECT_EQ((Lines{"b agree a/x = 1", "c agree a/x = 1"}), describe(r.plans.at(0)));
  EXPECT_EQ(std::nullopt, r.plans[0].moves[1].was);  // c was silent
}

TEST(Concede, MeetingAConditionFlipsAConditionalStanceForFree) {
  // b agrees to a/x once a agrees to b/y; that is cheaper than b dropping its priority-5 via.
  const ConcedeResult r = run(R"(
  - id: a
    positions: [{id: x, issue: i, kind: demand, text: X}]
    stances: [{position: b/y, stance: consider}]
  - id: b
    positions:
      - {id: y, issue: j, kind: demand, text: Y, to: [a]}
      - {id: q, issue: k, kind: demand, text: Q, priority: 5, to: [a]}
    stances: [{position: a/x, stance: consider, via: q, agree_if: [b/y]}]
  - id: c
    stances: [{position: a/x, stance: agree}])",
                              {.targets = {"a/x"}});
  EXPECT_EQ(1, r.cost);
  EXPECT_EQ(Lines{"a agree b/y = 1"}, describe(r.plans.at(0)));
  EXPECT_EQ((Lines{"a/x", "b/y"}), r.plans[0].agreed);
}

TEST(Concede, ATwoCyclePackageIsAcceptedTogetherForFree) {
  const ConcedeResult r = run(R"(
  - id: a
    positions: [{id: x, issue: i, kind: demand, text: X, to: [b]}]
    stances: [{position: b/y, stance: reject, agree_if: [a/x]}]
  - id: b
    positions: [{id: y, issue: j, kind: demand, text: Y, to: [a]}]
    stances: [{position: a/x, stance: consider, agree_if: [b/y]}])",
                              {.targets = {"a/x"}});
  EXPECT_EQ(0, r.cost);
  EXPECT_FALSE(r.already_agreed);  // not in the least fixpoint: nobody agrees first
  ASSERT_EQ(1u, r.plans.size());
  EXPECT_TRUE(r.plans[0].moves.empty());
  EXPECT_EQ((Lines{"a/x", "b/y"}), r.plans[0].agreed);
}

TEST(Concede, AnAgreedTargetNeedsNoMoves) {
  const ConcedeResult r = run(R"(
  - id: a
    positions: [{id: x, issue: i, kind: demand, text: X, to: [b]}]
  - id: b
    stances: [{position: a/x, stance: agree}])",
                              {.targets = {"i"}});
  EXPECT_TRUE(r.already_agreed);
  EXPECT_EQ(0, r.cost);
  EXPECT_EQ(Lines{"a/x"}, r.targets.front().positions);
}

TEST(Concede, WithdrawingIsCheaperThanFlippingOnAnIssue) {
  const ConcedeResult r = run(R"(
  - id: a
    positions: [{id: x, issue: i, kind: demand, text: X, priority: 2, to: [b]}]
  - id: b
    positions: [{id: y, issue: j, kind: demand, text: Y, priority: 5, to: [a]}]
    stances: [{position: a/x, stance: reject, via: y}])",
                              {.targets = {"i"}});
  EXPECT_EQ(2, r.cost);
  EXPECT_EQ((Lines{"a withdraw a/x = 0", "a gives up a/x = 2"}), describe(r.plans.at(0)));
  EXPECT_TRUE(r.targets.front().issue);
  EXPECT_TRUE(r.plans[0].agreed.empty());
}

TEST(Concede, WithdrawingNeverCountsForAPositionTarget) {
  const ConcedeResult r = run(R"(
  - id: a
    positions: [{id: x, issue: i, kind: demand, text: X, priority: 1, to: [b]}]
  - id: b
    stances: [{position: a/x, stance: reject}])",
                              {.targets = {"a/x"}});
  EXPECT_EQ(Lines{"b agree a/x = 2"}, describe(r.plans.at(0)));
}

constexpr std::string_view k_red_line_case = R"(
  - id: a
    positions: [{id: x, issue: i, kind: demand, text: X, to: [b, c]}]
  - id: b
    positions: [{id: y, issue: j, kind: demand, text: Y, red_line: true, to: [a]}]
    stances: [{position: a/x, stance: consider, via: y}]
  - id: c
    stances: [{position: a/x, stance: reject}])";

TEST(Concede, ARedLineMakesItImpossibleAndIsNamed) {
  const ConcedeResult r = run(k_red_line_case, {.targets = {"a/x"}});
  EXPECT_FALSE(r.cost.has_value());
  EXPECT_TRUE(r.plans.empty());
  ASSERT_TRUE(r.blocked.has_value());
  ASSERT_EQ(1u, r.blocked->red_line_moves.size());
  EXPECT_EQ("b/y", r.blocked->red_line_moves[0].via);
  EXPECT_TRUE(r.blocked->other_parties.empty());
  EXPECT_EQ(k_red_line_cost + 2, r.blocked->cost);
}

TEST(Concede, AllowedRedLinesCostAFlatPrice) {
  const ConcedeResult r = run(k_red_line_case, {.targets = {"a/x"}, .allow_red_lines = true});
  EXPECT_EQ(k_red_line_cost + 2, r.cost);
  EXPECT_TRUE(r.plans.at(0).moves.at(0).red_line);
  EXPECT_FALSE(r.blocked.has_value());
}

TEST(Concede, WithdrawingARedLineIsARedLineMove) {
  const std::string_view parties = R"(
  - id: a
    positions: [{id: x, issue: i, kind: demand, text: X, red_line: true, to: [b]}]
  - id: b
    positions: [{id: y, issue: j, kind: demand, text: Y, red_line: true, to: [a]}]
    stances: [{position: a/x, stance: reject, via: y}])";
  const ConcedeResult r = run(parties, {.targets = {"i"}});
  ASSERT_TRUE(r.blocked.has_value());
  EXPECT_EQ(k_red_line_cost, r.blocked->cost);
  EXPECT_EQ(2u, run(parties, {.targets = {"i"}, .allow_red_lines = true, .top = 5}).plans.size());
}

constexpr std::string_view k_two_rejecters = R"(
  - id: a
    positions: [{id: x, issue: i, kind: demand, text: X}]
  - id: b
    stances: [{position: a/x, stance: reject}]
  - id: c
    stances: [{position: a/x, stance: reject}])";

TEST(Concede, ByRestrictsWhoMayMoveAndNamesWhoElseMust) {
  const ConcedeResult alone = run(k_two_rejecters, {.targets = {"a/x"}, .by = {"b"}});
  ASSERT_TRUE(alone.blocked.has_value());
  EXPECT_EQ(Lines{"c"}, alone.blocked->other_parties);
  EXPECT_TRUE(alone.blocked->red_line_moves.empty());
  EXPECT_EQ(4, alone.blocked->cost);
  const ConcedeResult both = run(k_two_rejecters, {.targets = {"a/x"}, .by = {"c", "b", "c"}});
  EXPECT_EQ(4, both.cost);
  EXPECT_EQ((Lines{"b", "c"}), both.by);
}

TEST(Concede, ListsEveryPlanOfTheOptimumCostUpToTop) {
  // Agreeing (1 x 2) and withdrawing (priority 2) cost the same.
  const std::string_view parties = R"(
  - id: a
    positions: [{id: x, issue: i, kind: demand, text: X, priority: 2, to: [b]}]
  - id: b
    stances: [{position: a/x, stance: reject}])";
  const ConcedeResult all = run(parties, {.targets = {"i"}});
  ASSERT_EQ(2u, all.plans.size());
  EXPECT_FALSE(all.more_plans);
  EXPECT_EQ(Lines{"b agree a/x = 2"}, describe(all.plans[0]));
  EXPECT_EQ((Lines{"a withdraw a/x = 0", "a gives up a/x = 2"}), describe(all.plans[1]));
  const ConcedeResult one = run(parties, {.targets = {"i"}, .top = 1});
  EXPECT_EQ(1u, one.plans.size());
  EXPECT_TRUE(one.more_plans);
}

TEST(Concede, UnknownNamesAreErrorsWithSuggestions) {
  const Scenario s = scenario(k_two_rejecters);
  const auto result = concede(s, {.targets = {"a/y"}, .by = {"bb"}});
  ASSERT_FALSE(result.has_value());
  ASSERT_EQ(2u, result.error().size());
  // Each error names the field of ConcedeOptions it is about, never a command-line option.
  EXPECT_EQ((Argument{"targets", "a/y"}), result.error()[0].argument);
  EXPECT_EQ("targets a/y: error: unknown position 'a/y' (did you mean 'a/x'?)",
            format_diagnostic(result.error()[0]));
  EXPECT_EQ("by bb: error: unknown party 'bb' (did you mean 'b'?)",
            format_diagnostic(result.error()[1]));
  EXPECT_EQ("targets k: error: issue 'k' has no positions: nothing to agree on",
            format_diagnostic(concede(s, {.targets = {"k"}}).error().at(0)));
  EXPECT_EQ("targets a/x: error: 'a/x' is a target twice",
            format_diagnostic(concede(s, {.targets = {"a/x", "i", "a/x"}}).error().at(0)));
  EXPECT_EQ("within -1: error: within must be 0 or more, not -1",
            format_diagnostic(concede(s, {.targets = {"a/x"}, .within = -1}).error().at(0)));
}

TEST(Concede, APositionGivenUpByTwoMovesIsPricedOnceAndDoubledOnce) {
  const ConcedeResult r = run(R"(
  - id: a
    positions:
      - {id: x, issue: i, kind: demand, text: X, to: [b]}
      - {id: w, issue: i, kind: demand, text: W, to: [b]}
  - id: b
    positions: [{id: y, issue: j, kind: demand, text: Y, priority: 3}]
    stances: [{position: a/x, stance: reject, via: y}, {position: a/w, stance: consider, via: y}])",
                              {.targets = {"a/x", "a/w"}});
  EXPECT_EQ(6, r.cost);  // y's 3, doubled once for the reject, not 6 + 3
  EXPECT_EQ((Lines{"b agree a/w = 0", "b agree a/x = 0", "b gives up b/y = 6"}),
            describe(r.plans.at(0)));
  ASSERT_EQ(1u, r.plans[0].given_up.size());
  EXPECT_TRUE(r.plans[0].given_up[0].doubled);
}

TEST(Concede, AStanceWithoutViaCostsItsOwnPriority) {
  const ConcedeResult r = run(R"(
  - id: a
    positions: [{id: x, issue: i, kind: demand, text: X}]
  - id: b
    stances: [{position: a/x, stance: reject, priority: 4}]
  - id: c
    stances: [{position: a/x, stance: consider, priority: 2}])",
                              {.targets = {"a/x"}});
  EXPECT_EQ(10, r.cost);  // 4 x 2 for b's reject, 2 for c's consider
  EXPECT_EQ((Lines{"b agree a/x = 8", "c agree a/x = 2"}), describe(r.plans.at(0)));
  EXPECT_EQ((std::vector<PartyCost>{{"b", 8}, {"c", 2}}), r.plans[0].by_party);
}

TEST(Concede, BindingConditionsAreMetOnlyThroughTheirConditions) {
  constexpr std::string_view k_trade = R"(
  - id: a
    positions:
      - {id: x, issue: i, kind: demand, text: X, to: [b]}
      - {id: w, issue: j, kind: concession, text: W, to: [b]}
  - id: b
    stances:
      - {position: a/x, stance: consider, agree_if: [a/w]}
      - {position: a/w, stance: reject})";
  // b may simply agree to x (cost 1); bound, it agrees to x only once w is agreed (2 x 1).
  EXPECT_EQ((Lines{"b agree a/x = 1"}), describe(run(k_trade, {.targets = {"a/x"}}).plans.at(0)));
  const ConcedeResult bound = run(k_trade, {.targets = {"a/x"}, .binding = true});
  EXPECT_EQ(2, bound.cost);
  EXPECT_EQ((Lines{"b agree a/w = 2"}), describe(bound.plans.at(0)));
  EXPECT_EQ((Lines{"a/w", "a/x"}), bound.plans[0].agreed);
}

TEST(Concede, WithinListsDearerPlansByCostThenMoves) {
  const std::string_view parties = R"(
  - id: a
    positions: [{id: x, issue: i, kind: demand, text: X, priority: 3, to: [b]}]
  - id: b
    stances: [{position: a/x, stance: reject}])";
  EXPECT_EQ(1u, run(parties, {.targets = {"i"}}).plans.size());
  const ConcedeResult r = run(parties, {.targets = {"i"}, .within = 1});
  EXPECT_EQ(2, r.cost);
  ASSERT_EQ(2u, r.plans.size());
  EXPECT_EQ((Lines{"b agree a/x = 2"}), describe(r.plans[0]));
  EXPECT_EQ((Lines{"a withdraw a/x = 0", "a gives up a/x = 3"}), describe(r.plans[1]));
}

// docs/concede.md, Targets: an exclusive issue is settled by one agreed alternative (the
// others superseded for free), or by its status quo once every other one is withdrawn.
TEST(Concede, AnExclusiveIssueIsSettledByOneAlternativeOrItsStatusQuo) {
  const auto exclusive = [](std::string_view quo) {
    return testing::valid_scenario(fmt::format(R"(format: 1
title: Test
issues: [{{id: i, exclusive: true{}}}]
parties:
  - id: a
    positions: [{{id: x, issue: i, kind: demand, text: X, priority: 2, to: [c]}}]
  - id: b
    positions: [{{id: y, issue: i, kind: demand, text: Y, priority: 1, to: [c]}}]
  - id: c
    stances: [{{position: a/x, stance: reject, priority: 3}}, {{position: b/y, stance: consider}}]
)",
                                               quo));
  };
  const auto plain = concede(exclusive(""), {.targets = {"i"}});
  ASSERT_TRUE(plain.has_value());
  EXPECT_TRUE(plain->targets.front().exclusive);
  EXPECT_EQ(1, plain->cost);  // c agrees to y; x is superseded, at no cost
  EXPECT_EQ((Lines{"c agree b/y = 1"}), describe(plain->plans.at(0)));
  const auto quo = concede(exclusive(", status_quo: a/x"), {.targets = {"i"}, .within = 1});
  ASSERT_TRUE(quo.has_value());
  EXPECT_EQ("a/x", quo->targets.front().status_quo);
  ASSERT_EQ(2u, quo->plans.size());  // c agrees to y (1), or b withdraws y: x stands (1)
  EXPECT_EQ((Lines{"c agree b/y = 1"}), describe(quo->plans[0]));
  EXPECT_EQ((Lines{"b withdraw b/y = 0", "b gives up b/y = 1"}), describe(quo->plans[1]));
}

// 60 positions x 12 parties, each answering every other party's positions, a third of the
// stances conditional: the size docs/concede.md promises to solve in well under 2 s.
TEST(Concede, SolvesSixtyPositionsAndTwelvePartiesQuickly) {
  std::string parties;
  for (int p = 0; p < 12; ++p) {
    parties += fmt::format("  - id: p{}\n    positions:\n", p);
    for (int k = 0; k < 5; ++k) {
      parties +=
          fmt::format("      - {{id: x{}, issue: {}, kind: demand, text: X, priority: {}}}\n", k,
                      k % 2 == 0 ? "i" : "j", 1 + (p + k) % 5);
    }
    parties += "    stances:\n";
    for (int q = 0; q < 12; ++q) {
      for (int k = 0; q != p && k < 5; ++k) {
        const int n = p * 7 + q * 3 + k;
        const char* stance = n % 3 == 0 ? "reject" : n % 3 == 1 ? "consider" : "agree";
        const std::string cond =
            n % 3 == 1 ? fmt::format(", agree_if: [p{}/x{}]", (q + 1) % 12, (k + 1) % 5) : "";
        parties += fmt::format("      - {{position: p{}/x{}, stance: {}, via: x{}{}}}\n", q, k,
                               stance, (k + p) % 5, cond);
      }
    }
  }
  const Scenario s = scenario(parties);
  const auto start = std::chrono::steady_clock::now();
  const auto result = concede(s, {.targets = {"i"}, .top = 3});
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(result.has_value());
  EXPECT_TRUE(result->cost.has_value());
  EXPECT_LT(seconds, 10.0);  // a bound against blow-ups that sanitizer builds also meet
  RecordProperty("seconds", fmt::format("{:.3f}", seconds));
}

}  // namespace
}  // namespace entente
