// docs/format.md section 4: each change alone and combined, and the errors.
#include "entente/what_if.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "entente/analysis.h"
#include "entente/comparison.h"
#include "entente/loader.h"
#include "entente/position_graph.h"
#include "entente/reports/comparison.h"

namespace entente {
namespace {

constexpr std::string_view k_scenario = R"(format: 1
title: What-if
issues: [{id: i}, {id: j}]
parties:
  - id: a
    positions:
      - {id: x, issue: i, kind: demand, text: X, priority: 4}
      - {id: wall, issue: j, kind: demand, text: W, red_line: true, to: [b]}
    stances:
      - {position: b/y, stance: consider, agree_if: [a/x]}
  - id: b
    positions:
      - {id: y, issue: i, kind: demand, text: Y, to: [a]}
      - {id: z, issue: j, kind: demand, text: Z, to: [a]}
    stances:
      - {position: a/x, stance: reject, agree_if: [b/y], via: y}
      - {position: a/wall, stance: reject}
)";

Scenario baseline() {
  auto parsed = parse_scenario(k_scenario, "w.yaml");
  EXPECT_TRUE(parsed.has_value());
  auto valid = validate(std::move(*parsed));
  EXPECT_TRUE(valid.has_value());
  return std::move(*valid);
}

Change change(ChangeKind kind, std::string_view arg) {
  auto c = parse_change(kind, arg);
  EXPECT_TRUE(c.has_value()) << arg;
  return std::move(*c);
}

Expected<Scenario> apply(std::vector<Change> changes) { return apply_changes(baseline(), changes); }

reports::Report report(const Scenario& s) {
  return reports::make_report(s, analyze(PositionGraph::build(s)));
}

PositionStatus status(const Scenario& s, std::string_view ref) {
  return report(s).find(ref)->status;
}

std::string first_error(const Expected<Scenario>& result) {
  return result ? std::string("ok") : format_diagnostic(result.error().front());
}

TEST(WhatIf, ParsesEveryChangeShape) {
  const Change set = change(ChangeKind::set, "a:b/y=reject");
  EXPECT_EQ(ChangeKind::set, set.kind);
  EXPECT_EQ("a:b/y=reject", set.argument);
  EXPECT_EQ("set a:b/y=reject", set.label);
  EXPECT_EQ(Stance::reject, std::get<SetStance>(set.what).stance);
  EXPECT_FALSE(std::get<SetStance>(change(ChangeKind::set, "a:b/y=silent").what).stance);
  EXPECT_EQ(5, std::get<SetPriority>(change(ChangeKind::priority, "b/y=5").what).priority);
  EXPECT_EQ("b/y", std::get<DropPosition>(change(ChangeKind::drop, "b/y").what).position);
  EXPECT_EQ("b/y", std::get<AcceptPosition>(change(ChangeKind::accept, "b/y").what).position);
}

// An error names the change as an argument, never as a command-line option or a file.
TEST(WhatIf, RejectsMalformedChangesWithTheExpectedShape) {
  const Diagnostic d = parse_change(ChangeKind::set, "a:b/y=maybe").error().front();
  EXPECT_EQ((Argument{"set", "a:b/y=maybe"}), d.argument);
  EXPECT_TRUE(d.where.file.empty());
  EXPECT_EQ("set a:b/y=maybe: error: expected PARTY:PARTY2/POSITION=agree|reject|consider|silent",
            format_diagnostic(d));
  EXPECT_FALSE(parse_change(ChangeKind::priority, "b/y=6"));
  EXPECT_FALSE(parse_change(ChangeKind::priority, "b/y"));
  EXPECT_FALSE(parse_change(ChangeKind::drop, "y"));
  EXPECT_FALSE(parse_change(ChangeKind::accept, "B/y"));
}

TEST(WhatIf, SetReplacesTheStanceWithItsViaAndConditions) {
  const auto s = apply({change(ChangeKind::set, "b:a/x=consider")});
  ASSERT_TRUE(s);
  EXPECT_EQ(PositionStatus::open, status(*s, "a/x"));
  const auto it = std::find_if(s->stances.begin(), s->stances.end(), [](const StanceDecl& d) {
    return d.party == "b" && d.position.names("a/x");
  });
  ASSERT_NE(it, s->stances.end());
  EXPECT_FALSE(it->via);
  EXPECT_TRUE(it->agree_if.empty());
}

TEST(WhatIf, SilentRemovesTheStance) {
  const auto s = apply({change(ChangeKind::set, "b:a/wall=silent")});
  ASSERT_TRUE(s);
  EXPECT_EQ(PositionStatus::unanswered, status(*s, "a/wall"));
}

TEST(WhatIf, DropWithdrawsThePositionAndItsViaFallsBackToTheParty) {
  const auto s = apply({change(ChangeKind::drop, "b/y")});
  ASSERT_TRUE(s);
  EXPECT_EQ(nullptr, report(*s).find("b/y"));
  for (const StanceDecl& d : s->stances) {
    EXPECT_NE("b/y", d.position.text());
    if (d.party == "b") {
      EXPECT_FALSE(d.via);
    }
  }
  EXPECT_EQ(std::vector<std::string>{"b/y"}, s->withdrawn);
}

TEST(WhatIf, ConditionsNamingADroppedPositionCanNoLongerBeMet) {
  // b's reject on a/x waits for b/y; accepting b/y would meet it, dropping it never will.
  const auto accepted = apply({change(ChangeKind::accept, "b/y")});
  ASSERT_TRUE(accepted);
  EXPECT_EQ(PositionStatus::agreed, status(*accepted, "a/x"));
  const auto dropped = apply({change(ChangeKind::drop, "b/y")});
  ASSERT_TRUE(dropped);
  EXPECT_EQ(PositionStatus::sticking, status(*dropped, "a/x"));
  EXPECT_TRUE(report(*dropped).packages.empty());
}

TEST(WhatIf, AcceptingAPackageMemberAgreesTheWholePackage) {
  ASSERT_EQ((std::vector<std::vector<std::string>>{{"a/x", "b/y"}}), report(baseline()).packages);
  const auto s = apply({change(ChangeKind::accept, "a/x")});
  ASSERT_TRUE(s);
  EXPECT_EQ(PositionStatus::agreed, status(*s, "a/x"));
  EXPECT_EQ(PositionStatus::agreed, status(*s, "b/y"));  // its condition a/x now holds
  const Scenario base = baseline();
  const Analysis before = analyze(PositionGraph::build(base));
  const Analysis after = analyze(PositionGraph::build(*s));
  const Comparison c = compare({base, before}, {*s, after});
  EXPECT_EQ((std::vector<std::vector<std::string>>{{"a/x", "b/y"}}), c.packages_dissolved);
  ASSERT_EQ(1u, c.conditions_met.size());
  EXPECT_EQ("b/y", c.conditions_met[0].position);
  EXPECT_EQ(std::vector<std::string>{"a/x"}, c.sticking_resolved);
}

TEST(WhatIf, PriorityReordersStickingPoints) {
  const auto before = report(baseline());
  ASSERT_EQ("a/x", before.sticking_points.front().ref);
  const auto s = apply({change(ChangeKind::priority, "a/wall=5")});
  ASSERT_TRUE(s);
  EXPECT_EQ("a/wall", report(*s).sticking_points.front().ref);
}

TEST(WhatIf, ChangesApplyInOrderSoLaterOnesWin) {
  const auto s = apply(
      {change(ChangeKind::set, "b:a/wall=agree"), change(ChangeKind::set, "b:a/wall=reject")});
  ASSERT_TRUE(s);
  EXPECT_EQ(PositionStatus::sticking, status(*s, "a/wall"));
  EXPECT_EQ("set b:a/wall=agree: error: position 'a/wall' was withdrawn by an earlier change",
            first_error(apply(
                {change(ChangeKind::drop, "a/wall"), change(ChangeKind::set, "b:a/wall=agree")})));
}

TEST(WhatIf, UnknownNamesSuggestTheClosest) {
  EXPECT_EQ("drop a/wal: error: unknown position 'a/wal' (did you mean 'a/wall'?)",
            first_error(apply({change(ChangeKind::drop, "a/wal")})));
  EXPECT_EQ("set bb:a/x=agree: error: unknown party 'bb' (did you mean 'b'?)",
            first_error(apply({change(ChangeKind::set, "bb:a/x=agree")})));
}

TEST(WhatIf, APartyOutsideTheAudienceIsAnError) {
  EXPECT_EQ("set b:b/z=agree: error: 'b' is not in the audience of 'b/z' (which is: a)",
            first_error(apply({change(ChangeKind::set, "b:b/z=agree")})));
}

TEST(WhatIf, EveryBadChangeIsReported) {
  const auto s = apply({change(ChangeKind::drop, "a/nope"), change(ChangeKind::accept, "b/nope")});
  ASSERT_FALSE(s);
  EXPECT_EQ(2u, s.error().size());
}

}  // namespace
}  // namespace entente
