#include "entente/position_graph.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "entente/analysis.h"
#include "entente/loader.h"

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
}  // namespace
}  // namespace entente
