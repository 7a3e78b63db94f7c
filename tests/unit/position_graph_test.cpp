// The position graph through Boost.Graph's interface, as the analyses read it.
#include "entente/position_graph.h"

#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

#include "entente/analysis.h"
#include "entente/loader.h"
#include "entente/what_if.h"
#include "graph/graph.h"
#include "large_scenarios.h"

namespace entente {
namespace {

using detail::Relation;

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

// c's consider on a/x needs b/y and a/z; b agrees to a/z on a condition, which changes
// nothing (an agreement counts as it is); c's stance on b/y is outside its audience.
constexpr std::string_view k_conditions = R"(format: 1
title: Conditions
issues: [{id: i}]
parties:
  - id: a
    positions:
      - {id: x, issue: i, kind: demand, text: X}
      - {id: z, issue: i, kind: demand, text: Z, to: [b]}
  - id: b
    positions: [{id: y, issue: i, kind: demand, text: Y, to: [a]}]
    stances:
      - {position: a/z, stance: agree, agree_if: [a/x]}
  - id: c
    stances:
      - {position: a/x, stance: consider, agree_if: [b/y, a/z]}
      - {position: b/y, stance: reject, agree_if: [a/x]}
)";

using Row = std::tuple<std::string, std::string, Relation>;

// Every edge as (source name, target name, relation), in the graph's own order.
std::vector<Row> rows(const PositionGraph& graph) {
  const detail::Graph& g = detail::graph_of(graph);
  std::vector<Row> out;
  for (const auto e : boost::make_iterator_range(boost::edges(g))) {
    out.emplace_back(detail::vertex_name(g, boost::source(e, g)),
                     detail::vertex_name(g, boost::target(e, g)), g[e].relation);
  }
  return out;
}

TEST(PositionGraph, HasAVertexPerPositionThenPerParty) {
  const PositionGraph graph = PositionGraph::build(load(k_two_parties));
  const detail::Graph& g = detail::graph_of(graph);
  EXPECT_EQ(3u, graph.party_count());
  EXPECT_EQ(2u, graph.position_count());
  ASSERT_EQ(5u, boost::num_vertices(g));
  std::vector<std::string> names;
  for (const auto v : boost::make_iterator_range(boost::vertices(g)))
    names.push_back(detail::vertex_name(g, v));
  EXPECT_EQ((std::vector<std::string>{"a/x", "b/y", "a", "b", "c"}), names);
  EXPECT_EQ(1u, g[1].holder);
  EXPECT_EQ(4u, detail::party_vertex(g, 2));
}

// Party "p-2" sorts after "p" but "p-2/x" before "p/x" ('-' before '/'): positions sort by
// the whole reference, as a string would.
TEST(PositionGraph, RefLessOrdersByTheWholeReference) {
  const PositionGraph graph = PositionGraph::build(load(R"(format: 1
title: Refs
issues: [{id: i}]
parties:
  - id: p
    positions: [{id: x, issue: i, kind: demand, text: X}, {id: w, issue: i, kind: demand, text: W}]
  - id: p-2
    positions: [{id: x, issue: i, kind: demand, text: X}]
  - id: pa
    positions: [{id: a, issue: i, kind: demand, text: A}]
)"));
  const detail::Graph& g = detail::graph_of(graph);
  ASSERT_EQ("p/x", detail::vertex_name(g, 0));
  ASSERT_EQ("p-2/x", detail::vertex_name(g, 2));
  EXPECT_TRUE(detail::ref_less(g, 2, 0));  // p-2/x < p/x
  EXPECT_FALSE(detail::ref_less(g, 0, 2));
  EXPECT_TRUE(detail::ref_less(g, 1, 0));  // p/w < p/x
  EXPECT_TRUE(detail::ref_less(g, 0, 3));  // p/x < pa/a
  EXPECT_FALSE(detail::ref_less(g, 3, 3));
  EXPECT_EQ("p-2", detail::vertex_name(g, 5));
}

TEST(PositionGraph, HoldsAndStanceEdgesStartAtThePartyOrTheViaPosition) {
  const std::vector<Row> expected{{"b/y", "a/x", Relation::reject},
                                  {"a", "a/x", Relation::holds},
                                  {"b", "b/y", Relation::holds},
                                  {"c", "a/x", Relation::consider},
                                  {"c", "b/y", Relation::agree}};
  EXPECT_EQ(expected, rows(PositionGraph::build(load(k_two_parties))));
}

TEST(PositionGraph, InEdgesOfAPositionAreTheStancesOnItAndItsHolder) {
  const PositionGraph graph = PositionGraph::build(load(k_two_parties));
  const detail::Graph& g = detail::graph_of(graph);
  std::vector<Relation> into_x;
  for (const auto e : boost::make_iterator_range(boost::in_edges(detail::GraphVertex{0}, g))) {
    into_x.push_back(g[e].relation);
  }
  EXPECT_EQ((std::vector<Relation>{Relation::reject, Relation::holds, Relation::consider}), into_x);
}

TEST(PositionGraph, AudienceIsInPartyIdOrderAndPointsAtEachStanceEdge) {
  const PositionGraph graph = PositionGraph::build(load(k_two_parties));
  const detail::Graph& g = detail::graph_of(graph);
  const auto on_x = detail::audience(g, 0);
  ASSERT_EQ(2u, on_x.size());
  EXPECT_EQ(1u, on_x[0].party);
  EXPECT_EQ(2u, on_x[1].party);
  const auto by_b = detail::stance_edge(on_x[0]);
  ASSERT_TRUE(by_b.has_value());
  EXPECT_EQ(Relation::reject, g[*by_b].relation);
  EXPECT_EQ(std::optional<PositionId>(1), detail::via_of(g, *by_b));
  EXPECT_TRUE(g[*by_b].in_audience);
  // a never answers b/y: silent.
  const auto on_y = detail::audience(g, 1);
  ASSERT_EQ(2u, on_y.size());
  EXPECT_FALSE(detail::stance_edge(on_y[0]).has_value());
  EXPECT_TRUE(detail::stance_edge(on_y[1]).has_value());
}

TEST(PositionGraph, NeedsEdgesAreTheConditionsOfCountingStancesInAgreeIfOrder) {
  const PositionGraph graph = PositionGraph::build(load(k_conditions));
  const detail::Graph& g = detail::graph_of(graph);
  std::vector<Row> needs;
  for (const Row& row : rows(graph)) {
    if (std::get<2>(row) == Relation::needs) needs.push_back(row);
  }
  // Not b's agreement on a/z, nor c's stance on b/y (c is not in b/y's audience).
  EXPECT_EQ((std::vector<Row>{{"a/x", "b/y", Relation::needs}, {"a/x", "a/z", Relation::needs}}),
            needs);
  const auto c_on_x = *detail::stance_edge(detail::audience(g, 0)[1]);
  EXPECT_TRUE(g[c_on_x].conditional);
  EXPECT_FALSE(g[c_on_x].never_met);
  std::vector<std::string> conditions;
  detail::for_each_condition(
      g, c_on_x, [&](detail::GraphVertex r) { conditions.push_back(detail::vertex_name(g, r)); });
  EXPECT_EQ((std::vector<std::string>{"b/y", "a/z"}), conditions);
}

TEST(PositionGraph, AConditionOnAWithdrawnPositionIsNeverMetAndHasNoEdge) {
  const Change drop = parse_change(ChangeKind::drop, "b/y").value();
  const Scenario s = apply_changes(load(k_conditions), {&drop, 1}).value();
  const PositionGraph graph = PositionGraph::build(s);
  const detail::Graph& g = detail::graph_of(graph);
  const auto c_on_x = *detail::stance_edge(detail::audience(g, 0)[1]);
  EXPECT_TRUE(g[c_on_x].conditional);
  EXPECT_TRUE(g[c_on_x].never_met);
  std::vector<std::string> conditions;
  detail::for_each_condition(
      g, c_on_x, [&](detail::GraphVertex r) { conditions.push_back(detail::vertex_name(g, r)); });
  EXPECT_EQ((std::vector<std::string>{"a/z"}), conditions);
}

// Above 20,000 stances the graph is made on two threads: every stance must still land on its
// own position, from its own source.
TEST(PositionGraph, LargeScenarioMakesEveryEntryAndEdgeInBothHalves) {
  constexpr int k_count = 25'000;
  const PositionGraph graph = PositionGraph::build(test::reversed_stances(k_count));
  const detail::Graph& g = detail::graph_of(graph);
  for (int n = 0; n < k_count; ++n) {
    const auto t = static_cast<PositionId>(n);
    const auto entries = detail::audience(g, t);
    ASSERT_EQ(1u, entries.size()) << n;
    const auto e = detail::stance_edge(entries[0]);
    ASSERT_TRUE(e.has_value()) << n;
    ASSERT_EQ(static_cast<std::uint32_t>(k_count - 1 - n), g[*e].stance) << n;
    ASSERT_EQ(t, boost::target(*e, g)) << n;
    ASSERT_EQ(n % 2 == 0 ? std::optional<PositionId>(k_count) : std::nullopt, detail::via_of(g, *e))
        << n;
    ASSERT_EQ(n % 3 == 0 ? Relation::reject : Relation::agree, g[*e].relation) << n;
  }
  const Analysis analysis = analyze(graph);
  for (int n = 0; n < k_count; ++n) {
    ASSERT_EQ(std::optional<std::uint32_t>(k_count - 1 - n),
              analysis.audience(static_cast<PositionId>(n))[0].decl)
        << n;
  }
}

}  // namespace
}  // namespace entente
