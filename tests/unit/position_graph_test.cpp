#include "entente/position_graph.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "entente/analysis.h"
#include "entente/loader.h"
#include "large_scenarios.h"

namespace entente {
namespace {

Scenario load(std::string_view yaml) {
  auto parsed = parse_scenario(yaml, "g.yaml");
  EXPECT_TRUE(parsed.has_value());
  auto valid = validate(std::move(*parsed));
  EXPECT_TRUE(valid.has_value());
  return std::move(*valid);
}

constexpr std::string_view k_two_parties = R"(format: 1
title: Graph
issues: [{id: i}]
parties:
  - id: a
    positions: [{id: x, issue: i, kind: demand, text: X}]
  - id: b
    positions: [{id: y, issue: i, kind: demand, text: Y}]
    stances:
      - {position: a/x, stance: reject, via: y}
  - id: c
    stances:
      - {position: a/x, stance: consider}
      - {position: b/y, stance: agree}
)";

bool has_edge(const std::vector<Edge>& edges, Edge e) {
  return std::find(edges.begin(), edges.end(), e) != edges.end();
}

TEST(PositionGraph, HasAVertexPerPartyAndPosition) {
  const PositionGraph g = PositionGraph::build(load(k_two_parties));
  EXPECT_EQ(3u, g.party_count());
  EXPECT_EQ(2u, g.position_count());
  EXPECT_EQ(std::optional<PositionId>(1), g.find_position("b/y"));
  EXPECT_EQ(std::nullopt, g.find_position("b/x"));
}

TEST(PositionGraph, LinksEachPartyToItsPositions) {
  const auto edges = PositionGraph::build(load(k_two_parties)).edges();
  using K = Vertex::Kind;
  EXPECT_TRUE(has_edge(edges, {{K::party, 0}, {K::position, 0}, Relation::holds}));
  EXPECT_TRUE(has_edge(edges, {{K::party, 1}, {K::position, 1}, Relation::holds}));
}

TEST(PositionGraph, StanceEdgesStartAtTheViaPositionOrTheParty) {
  const auto edges = PositionGraph::build(load(k_two_parties)).edges();
  using K = Vertex::Kind;
  EXPECT_TRUE(has_edge(edges, {{K::position, 1}, {K::position, 0}, Relation::reject}));
  EXPECT_TRUE(has_edge(edges, {{K::party, 2}, {K::position, 0}, Relation::consider}));
  EXPECT_TRUE(has_edge(edges, {{K::party, 2}, {K::position, 1}, Relation::agree}));
  EXPECT_EQ(5u, edges.size());
}

// By source vertex (parties, then positions), then in the order the files give them.
TEST(PositionGraph, EdgesComeBySourceThenInFileOrder) {
  const auto edges = PositionGraph::build(load(k_two_parties)).edges();
  using K = Vertex::Kind;
  const std::vector<Edge> expected{{{K::party, 0}, {K::position, 0}, Relation::holds},
                                   {{K::party, 1}, {K::position, 1}, Relation::holds},
                                   {{K::party, 2}, {K::position, 0}, Relation::consider},
                                   {{K::party, 2}, {K::position, 1}, Relation::agree},
                                   {{K::position, 1}, {K::position, 0}, Relation::reject}};
  EXPECT_EQ(expected, edges);
}

// Above 20,000 stances the references are resolved on two threads: every stance must still
// land on its own position, in stance order.
TEST(PositionGraph, LargeScenarioMakesEveryEntryAndEdgeInBothHalves) {
  constexpr int k_count = 25'000;
  const PositionGraph graph = PositionGraph::build(test::reversed_stances(k_count));
  using K = Vertex::Kind;
  std::vector<Edge> holds, from_party, from_q;
  for (const Edge& e : graph.edges()) {
    if (e.relation == Relation::holds)
      holds.push_back(e);
    else
      (e.from.kind == K::party ? from_party : from_q).push_back(e);
  }
  ASSERT_EQ(static_cast<std::size_t>(k_count) + 1, holds.size());
  for (int n = 0; n <= k_count; ++n) {
    const Edge expected{{K::party, n < k_count ? 0u : 1u},
                        {K::position, static_cast<std::uint32_t>(n)},
                        Relation::holds};
    ASSERT_EQ(expected, holds[static_cast<std::size_t>(n)]) << n;
  }
  ASSERT_EQ(from_party.size() + from_q.size(), static_cast<std::size_t>(k_count));
  // Each source's edges in stance order: the stances run from a/p(count - 1) down to a/p0.
  std::size_t odd = 0, even = 0;
  for (int n = k_count - 1; n >= 0; --n) {
    const Edge& e = n % 2 == 0 ? from_q.at(even++) : from_party.at(odd++);
    const Edge expected{n % 2 == 0 ? Vertex{K::position, k_count} : Vertex{K::party, 1},
                        {K::position, static_cast<std::uint32_t>(n)},
                        n % 3 == 0 ? Relation::reject : Relation::agree};
    ASSERT_EQ(expected, e) << n;
  }
  // b, the audience of each of a's positions, has its stance there.
  const Analysis analysis = analyze(graph);
  for (int n = 0; n < k_count; ++n) {
    const auto audience = analysis.audience(static_cast<PositionId>(n));
    ASSERT_EQ(1u, audience.size()) << n;
    ASSERT_EQ(std::optional<std::uint32_t>(k_count - 1 - n), audience[0].decl) << n;
  }
}

}  // namespace
}  // namespace entente
