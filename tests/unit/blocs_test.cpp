// Alignment and blocs (docs/format.md 6.3) on small scenarios whose figures are worked out by
// hand in the comments.
#include "entente/blocs.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "scenario_text.h"

namespace entente {
namespace {

using entente::testing::scenario_text;
using entente::testing::valid_scenario;

Blocs blocs_of(std::string_view parties, double threshold = k_default_bloc_threshold) {
  const Scenario s = valid_scenario(scenario_text(parties));
  const PositionGraph graph = PositionGraph::build(s);
  return find_blocs(graph, analyze(graph), threshold);
}

std::vector<Symbol> ids(std::initializer_list<const char*> names) {
  std::vector<Symbol> out;
  for (const char* n : names) out.push_back(n);
  return out;
}

// Answers (the holder agrees):  x: a agree,  b agree,  c reject
//                               y: b agree,  a agree,  c consider
//                               z: c agree,  a reject, b reject
// a-b: 1, 1, 1 -> 1;  a-c: 0, 0.5, 0 -> 1/6;  b-c: 0, 0.5, 0 -> 1/6; each over 3 positions.
// Listed c, b, a: rows and columns follow the ids, not the file.
constexpr std::string_view k_three = R"(
  - id: c
    positions: [{id: z, issue: i, kind: demand, text: Z}]
    stances:
      - {position: a/x, stance: reject}
      - {position: b/y, stance: consider}
  - id: b
    positions: [{id: y, issue: i, kind: demand, text: Y}]
    stances:
      - {position: a/x, stance: agree}
      - {position: c/z, stance: reject}
  - id: a
    positions: [{id: x, issue: i, kind: demand, text: X}]
    stances:
      - {position: b/y, stance: agree}
      - {position: c/z, stance: reject}
)";

TEST(Blocs, AlignmentIsTheMeanScoreOverThePositionsBothAnswer) {
  const Blocs b = blocs_of(k_three);
  const Alignment& al = b.alignment;
  EXPECT_EQ(ids({"a", "b", "c"}), al.parties);
  EXPECT_EQ(std::optional<double>(1.0), al.of(0, 1));
  EXPECT_EQ(std::optional<double>(0.5 / 3), al.of(0, 2));
  EXPECT_EQ(al.of(0, 2), al.of(2, 0));
  EXPECT_EQ(std::optional<double>(0.5 / 3), al.of(1, 2));
  EXPECT_EQ(3u, al.shared_by(0, 1));
  EXPECT_EQ(3u, al.shared_by(2, 1));
  EXPECT_EQ(std::nullopt, al.of(1, 1));  // a party with itself
  EXPECT_EQ(0u, al.shared_by(1, 1));
}

TEST(Blocs, MergesWhileTheLinkageReachesTheThreshold) {
  const Blocs at_half = blocs_of(k_three);
  ASSERT_EQ(1u, at_half.merges.size());
  EXPECT_EQ(ids({"a"}), at_half.merges[0].a);
  EXPECT_EQ(ids({"b"}), at_half.merges[0].b);
  EXPECT_EQ(1.0, at_half.merges[0].linkage);
  EXPECT_EQ((std::vector<std::vector<Symbol>>{ids({"a", "b"}), ids({"c"})}), at_half.blocs);
  EXPECT_EQ(ids({"a", "b", "c"}), at_half.order);
  EXPECT_EQ((std::vector<std::size_t>{0, 1, 2}), at_half.order_rows);
  EXPECT_EQ((std::vector<std::optional<double>>{1.0, std::nullopt}), at_half.completed_at);

  // {a, b} with {c}: the mean of a-c and b-c, 1/6.
  const Blocs low = blocs_of(k_three, 0.1);
  ASSERT_EQ(2u, low.merges.size());
  EXPECT_EQ(ids({"a", "b"}), low.merges[1].a);
  EXPECT_EQ(ids({"c"}), low.merges[1].b);
  EXPECT_DOUBLE_EQ(1.0 / 6, low.merges[1].linkage);
  EXPECT_EQ((std::vector<std::vector<Symbol>>{ids({"a", "b", "c"})}), low.blocs);
  EXPECT_EQ(0.1, low.threshold);
  ASSERT_EQ(1u, low.completed_at.size());
  EXPECT_EQ(low.merges[1].linkage, low.completed_at[0]);

  // Exactly at the threshold merges (compared to 9 places): 1/6 against 0.166666667.
  EXPECT_EQ(2u, blocs_of(k_three, 0.1666666666).merges.size());
  EXPECT_EQ(1u, blocs_of(k_three, 0.16666667).merges.size());
}

// b and d answer nothing anyone else answers: their alignment with anyone is undefined, and
// each stays a bloc of its own. Among equal linkages (a-c and a-e are 1) the pair of
// smaller first members goes first: a with c, then {a, c} with e. Bloc order: a, c, e as
// joined, then b, then d.
TEST(Blocs, UndefinedAlignmentNeverMergesAndTiesGoByFirstMembers) {
  const Blocs b = blocs_of(R"(
  - id: e
    stances: [{position: a/x, stance: agree}]
  - id: d
    positions: [{id: w, issue: i, kind: demand, text: W, to: [b]}]
  - id: c
    stances: [{position: a/x, stance: agree}]
  - id: b
  - id: a
    positions: [{id: x, issue: i, kind: demand, text: X, to: [c, e]}]
)");
  const Alignment& al = b.alignment;
  EXPECT_EQ(ids({"a", "b", "c", "d", "e"}), al.parties);
  EXPECT_EQ(std::nullopt, al.of(1, 3));  // b is silent on d/w
  EXPECT_EQ(std::optional<double>(1.0), al.of(2, 4));
  ASSERT_EQ(2u, b.merges.size());
  EXPECT_EQ(ids({"a"}), b.merges[0].a);
  EXPECT_EQ(ids({"c"}), b.merges[0].b);
  EXPECT_EQ(ids({"a", "c"}), b.merges[1].a);
  EXPECT_EQ(ids({"e"}), b.merges[1].b);
  EXPECT_EQ((std::vector<std::vector<Symbol>>{ids({"a", "c", "e"}), ids({"b"}), ids({"d"})}),
            b.blocs);
  EXPECT_EQ(ids({"a", "c", "e", "b", "d"}), b.order);
  EXPECT_EQ((std::vector<std::size_t>{0, 2, 4, 1, 3}), b.order_rows);
  // A bloc's last merge completed it; b and d were never merged.
  EXPECT_EQ((std::vector<std::optional<double>>{1.0, std::nullopt, std::nullopt}), b.completed_at);
}

// Equal linkages: a-d and b-c are both 1. The lower first members decide (a before b), not the
// higher ones (c before d): a with d merges first.
TEST(Blocs, TiesGoByTheLowerFirstMemberFirst) {
  const Blocs b = blocs_of(R"(
  - id: a
    positions: [{id: x, issue: i, kind: demand, text: X, to: [d]}]
  - id: b
    positions: [{id: y, issue: i, kind: demand, text: Y, to: [c]}]
  - id: c
    stances: [{position: b/y, stance: agree}]
  - id: d
    stances: [{position: a/x, stance: agree}]
)");
  ASSERT_EQ(2u, b.merges.size());
  EXPECT_EQ(ids({"a"}), b.merges[0].a);
  EXPECT_EQ(ids({"d"}), b.merges[0].b);
  EXPECT_EQ(ids({"b"}), b.merges[1].a);
  EXPECT_EQ(ids({"c"}), b.merges[1].b);
  EXPECT_EQ((std::vector<std::vector<Symbol>>{ids({"a", "d"}), ids({"b", "c"})}), b.blocs);
  EXPECT_EQ(ids({"a", "d", "b", "c"}), b.order);
  EXPECT_EQ((std::vector<std::size_t>{0, 3, 1, 2}), b.order_rows);
}

// A conditional stance answers `agree` when its conditions are met in the least fixpoint,
// else its own value: b considers a/x on a/y, which c agrees to; b rejects a/z on a/x,
// which c rejects, so the condition fails and b's answer stays `reject`.
TEST(Blocs, AConditionalStanceAnswersAsTheFixpointDecides) {
  const Blocs b = blocs_of(R"(
  - id: a
    positions:
      - {id: x, issue: i, kind: demand, text: X}
      - {id: y, issue: i, kind: demand, text: Y}
      - {id: z, issue: i, kind: demand, text: Z}
  - id: b
    stances:
      - {position: a/x, stance: consider, agree_if: [a/y]}
      - {position: a/y, stance: agree}
      - {position: a/z, stance: reject, agree_if: [a/x]}
  - id: c
    stances:
      - {position: a/x, stance: reject}
      - {position: a/y, stance: agree}
)");
  // a-b: x agree/agree 1, y agree/agree 1, z agree/reject 0 -> 2/3 over 3.
  EXPECT_EQ(std::optional<double>(2.0 / 3), b.alignment.of(0, 1));
  EXPECT_EQ(3u, b.alignment.shared_by(0, 1));
  // b-c: x agree/reject 0, y 1 -> 1/2 over 2.
  EXPECT_EQ(std::optional<double>(0.5), b.alignment.of(1, 2));
}

TEST(Blocs, RoundingTo9PlacesIsHalfUp) {
  EXPECT_EQ(round_to_9(0.5), round_to_9(0.5000000004));
  EXPECT_LT(round_to_9(0.5), round_to_9(0.5000000006));
  EXPECT_EQ(166666667.0, round_to_9(1.0 / 6));
}

}  // namespace
}  // namespace entente
