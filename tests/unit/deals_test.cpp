// `deals` on small hand-made scenarios: the evaluation of one deal (docs/format.md 8.1-8.2),
// the options' errors, and the time limit. The brute-force oracle (tests/deals) checks the
// searches against every subset.
#include "entente/deals.h"

#include <chrono>
#include <stdexcept>
#include <string>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "deals/problem.h"
#include "deals/solver.h"
#include "entente/position_graph.h"
#include "entente/resolution.h"
#include "graph/graph.h"
#include "scenario_text.h"

namespace entente {
namespace {

Scenario scenario(std::string_view parties) {
  return testing::valid_scenario(fmt::format(R"(format: 1
title: Test
issues: [{{id: i}}, {{id: j}}, {{id: k, exclusive: true}}]
parties:
{}
)",
                                             parties));
}

// a demands x (4) from b, who rejects it via its own y (3); b demands z (2) from a, who
// answers nothing; a and b hold rival alternatives u and w on the exclusive issue k.
constexpr std::string_view k_trade = R"(
  - id: a
    positions:
      - {id: x, issue: i, kind: demand, text: X, priority: 4}
      - {id: u, issue: k, kind: demand, text: U, priority: 2}
  - id: b
    positions:
      - {id: y, issue: j, kind: demand, text: Y, priority: 3, to: [a]}
      - {id: z, issue: j, kind: demand, text: Z, priority: 2}
      - {id: w, issue: k, kind: demand, text: W, priority: 5, red_line: true}
    stances: [{position: a/x, stance: reject, via: y}])";

DealsResult run(std::string_view parties, DealsOptions options = {}) {
  auto result = find_deals(scenario(parties), options);
  if (!result) throw std::runtime_error(format_diagnostic(result.error().front()));
  return std::move(*result);
}

TEST(Deals, AScoredDealPricesEachLossOnceAndDoublesAReversedReject) {
  DealsOptions options;
  options.score = std::vector<std::string>{"a/x", "b/z", "a/u"};
  const DealsResult r = run(k_trade, options);
  const DealScore& s = *r.score;
  EXPECT_EQ((std::vector<std::string>{"a", "b"}), r.parties);
  // a: +4 (x) +2 (u) -1 (agrees to z from silence); b: +2 (z) -6 (y, doubled) -20 (w, a
  // red line superseded by u) -1 (agrees to u from silence).
  EXPECT_EQ((std::vector<int>{5, -25}), s.deal.gains);
  EXPECT_FALSE(s.feasible);
  ASSERT_EQ(1u, s.why_not.size());
  EXPECT_EQ("it loses b/w, a red line of b", s.why_not[0]);
  ASSERT_EQ(2u, s.deal.lost.size());
  EXPECT_EQ("b/w", s.deal.lost[0].position);
  EXPECT_TRUE(s.deal.lost[0].superseded);
  EXPECT_EQ(20, s.deal.lost[0].cost);
  EXPECT_EQ("b/y", s.deal.lost[1].position);
  EXPECT_TRUE(s.deal.lost[1].doubled);
  EXPECT_EQ(6, s.deal.lost[1].cost);
}

TEST(Deals, TheBalancedDealTradesOneDemandForAnother) {
  const DealsResult r = run(k_trade);
  // a gets x (+4) for agreeing to z and w from silence (-1 each) and losing u to w (-2): 0;
  // b gets z and w (+7) and gives y up to accept x, a reject reversed (-6): +1.
  EXPECT_EQ((std::vector<std::string>{"a/x", "b/w", "b/z"}), r.nash.positions);
  EXPECT_EQ((std::vector<int>{0, 1}), r.nash.gains);
  EXPECT_EQ(r.nash, r.leximin);
  EXPECT_EQ(r.nash, r.utilitarian);
  ASSERT_EQ(1u, r.frontier.size());
  EXPECT_EQ(r.nash, r.frontier[0]);
  EXPECT_TRUE(r.complete);
  ASSERT_EQ(2u, r.blocked.size());
  EXPECT_EQ("a/u", r.blocked[0].position);
  EXPECT_EQ(BlockedReason::red_line, r.blocked[0].reason);  // it supersedes b's red line w
  EXPECT_EQ("b/y", r.blocked[1].position);
  EXPECT_EQ(BlockedReason::unacceptable, r.blocked[1].reason);
  EXPECT_EQ(-1, r.blocked[1].worst);  // a agrees to y from silence, and nothing makes up
}

TEST(Deals, TopZeroListsNoPointAndSaysTheFrontierIsCut) {
  DealsOptions options;
  options.top = 0;
  const DealsResult r = run(k_trade, options);
  EXPECT_TRUE(r.frontier.empty());
  EXPECT_FALSE(r.complete);
  EXPECT_EQ((std::vector<int>{0, 1}), r.nash.gains);
}

TEST(Deals, BadOptionsNameTheirField) {
  DealsOptions options;
  options.top = -1;
  options.time_limit = 0;
  options.by = {"c"};
  options.score = std::vector<std::string>{"a/x", "a/x", "a/nope"};
  const auto result = find_deals(scenario(k_trade), options);
  ASSERT_FALSE(result);
  std::vector<std::string> fields;
  for (const Diagnostic& d : result.error()) fields.push_back(d.argument->field);
  EXPECT_EQ((std::vector<std::string>{"by", "top", "time_limit", "score", "score"}), fields);
}

TEST(Deals, TheSearchesStopAtTheTimeLimit) {
  const Scenario s = scenario(k_trade);
  const PositionGraph graph = PositionGraph::build(s, resolve(s));
  const detail::Graph& g = detail::graph_of(graph);
  const detail::DealProblem problem = detail::build_deal_problem(g, s, {.may_move = {1, 1}});
  detail::DealSolver none(problem, detail::positions_by_ref(g), std::chrono::milliseconds(0));
  EXPECT_THROW(none.nash(), detail::DealsTimeLimit);
  detail::DealSolver enough(problem, detail::positions_by_ref(g), std::chrono::seconds(60));
  EXPECT_NO_THROW(enough.nash());
}

}  // namespace
}  // namespace entente
