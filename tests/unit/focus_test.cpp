// docs/format.md 6.2: a focus on some parties, on a scenario whose every rule is worked out by
// hand in the comments.
#include "entente/focus.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "entente/blocs.h"
#include "entente/what_if.h"
#include "scenario_text.h"

namespace entente {
namespace {

using entente::testing::analysed;
using entente::testing::kept;
using entente::testing::valid_scenario;

// Focused on a and b:
//  a/x (to c) has no audience left: left out, with b's stance via... none; a's condition on it
//    can never be met.
//  a/y (to every other party): kept, heard by b alone; c's stance on it goes.
//  b/w (to c and a): narrowed to a.
//  c/z (to every other party): kept, held by c (an outsider), heard by a and b.
//  d holds nothing and takes a stance on a/y: gone.
constexpr std::string_view k_four = R"(format: 1
title: Focus
issues: [{id: i}]
parties:
  - id: a
    positions:
      - {id: x, issue: i, kind: demand, text: X, to: [c]}
      - {id: y, issue: i, kind: demand, text: Y}
    stances:
      - {position: b/w, stance: reject, agree_if: [a/x]}
      - {position: c/z, stance: agree, via: x}
  - id: b
    positions:
      - {id: w, issue: i, kind: demand, text: W, to: [c, a]}
    stances:
      - {position: a/y, stance: agree}
      - {position: c/z, stance: reject}
  - id: c
    positions:
      - {id: z, issue: i, kind: demand, text: Z}
    stances:
      - {position: a/x, stance: agree}
      - {position: a/y, stance: reject}
      - {position: b/w, stance: agree}
  - id: d
    stances:
      - {position: a/y, stance: reject}
)";

Scenario focused(std::vector<std::string> parties) {
  auto out = focus_on(valid_scenario(k_four), parties);
  EXPECT_TRUE(out.has_value());
  return out ? std::move(*out) : Scenario{};
}

std::vector<std::string> ids(const std::vector<Party>& parties) {
  std::vector<std::string> out;
  for (const Party& p : parties) out.push_back(p.id);
  return out;
}

std::vector<std::string> refs(const Scenario& s) {
  std::vector<std::string> out;
  for (const Position& p : s.positions) out.push_back(p.ref());
  return out;
}

TEST(Focus, TheNamedPartiesAreThePartiesInTheScenariosOrder) {
  const Scenario s = focused({"b", "a"});
  EXPECT_EQ((std::vector<std::string>{"a", "b"}), ids(s.parties));
  EXPECT_EQ((std::vector<std::string>{"c", "d"}), ids(s.outsiders));
}

TEST(Focus, APositionWithNoAudienceLeftIsWithdrawnAndTheOthersNarrowed) {
  const Scenario s = focused({"a", "b"});
  EXPECT_EQ((std::vector<std::string>{"a/y", "b/w", "c/z"}), refs(s));
  EXPECT_EQ((std::vector<std::string>{"a/x"}), s.withdrawn);
  ASSERT_EQ(1u, s.positions[1].to.size());
  EXPECT_EQ("a", s.positions[1].to.begin()->id);
  EXPECT_TRUE(s.positions[0].to.empty());  // still every other (named) party
}

TEST(Focus, OnlyTheNamedPartiesStancesStayAndViasOfLeftOutPositionsFallBack) {
  const Scenario s = focused({"a", "b"});
  std::vector<std::string> stances;
  for (const StanceDecl& d : s.stances) {
    stances.push_back(
        fmt::format("{}:{}{}", d.party.view(), d.position.text(), d.via ? "+via" : ""));
  }
  EXPECT_EQ((std::vector<std::string>{"a:b/w", "a:c/z", "b:a/y", "b:c/z"}), stances);
}

TEST(Focus, StatusesAreThoseOfTheFocusedScenario) {
  const auto a = analysed(kept(focused({"a", "b"})));
  EXPECT_EQ(PositionStatus::agreed, a.report.find("a/y")->status);  // b agrees; c and d gone
  // a's agree_if names the left-out a/x, never met: a rejects.
  EXPECT_EQ(PositionStatus::sticking, a.report.find("b/w")->status);
  // Held by c, outside: a agrees and b rejects.
  EXPECT_EQ(PositionStatus::sticking, a.report.find("c/z")->status);
  ASSERT_EQ(2u, a.report.parties.size());
  EXPECT_EQ("a", a.report.parties[0].id);
  EXPECT_EQ("b", a.report.parties[1].id);
}

TEST(Focus, AnOutsiderHasNoColumnOfBlocs) {
  const Scenario s = focused({"a", "b"});
  const PositionGraph graph = PositionGraph::build(s);
  const Blocs b = find_blocs(graph, analyze(graph));
  ASSERT_EQ(2u, b.alignment.size());
  // a and b both answer a/y (a holds it, b agrees: 1), b/w (b holds it, a rejects: 0) and
  // c/z (a agrees, b rejects: 0); c, who holds c/z, answers nothing.
  EXPECT_EQ(3u, b.alignment.shared_by(0, 1));
  EXPECT_EQ(std::optional<double>(1.0 / 3), b.alignment.of(0, 1));
}

TEST(Focus, WithEveryPartyNothingChanges) {
  const Scenario all = valid_scenario(k_four);
  const Scenario s = focused({"a", "b", "c", "d"});
  EXPECT_EQ(all, s);
}

std::string only_error(std::vector<std::string> parties) {
  const auto out = focus_on(valid_scenario(k_four), parties);
  EXPECT_FALSE(out.has_value());
  if (out) return {};
  EXPECT_EQ(1u, out.error().size());
  const Diagnostic& d = out.error().front();
  EXPECT_TRUE(d.argument.has_value());
  return d.argument ? d.argument->field + " " + d.argument->value + ": " + d.message : d.message;
}

TEST(Focus, BadNamesAreErrorsAboutTheArgument) {
  EXPECT_EQ("parties bb: unknown party 'bb' (did you mean 'b'?)", only_error({"a", "bb"}));
  EXPECT_EQ("parties a: party 'a' is named twice", only_error({"a", "b", "a"}));
  EXPECT_EQ(
      "parties a: name two or more parties to focus on (with one, nothing is left to compare)",
      only_error({"a"}));
}

TEST(Focus, WhatIfChangesNamingWhatWasLeftOutAreErrors) {
  const Scenario s = focused({"a", "b"});
  const auto drop = parse_change(ChangeKind::drop, "a/x");
  ASSERT_TRUE(drop.has_value());
  const auto dropped = apply_changes(s, std::vector<Change>{*drop});
  ASSERT_FALSE(dropped.has_value());
  EXPECT_EQ("position 'a/x' is left out: none of its audience is among the parties focused on",
            dropped.error().front().message);
  const auto set = parse_change(ChangeKind::set, "c:a/y=agree");
  ASSERT_TRUE(set.has_value());
  const auto by_c = apply_changes(s, std::vector<Change>{*set});
  ASSERT_FALSE(by_c.has_value());
  EXPECT_EQ("party 'c' is not among the parties focused on", by_c.error().front().message);
}

}  // namespace
}  // namespace entente
