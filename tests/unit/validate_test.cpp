#include <gtest/gtest.h>

#include <algorithm>

#include <string>
#include <string_view>
#include <vector>

#include "entente/loader.h"

namespace entente {
namespace {

using Lines = std::vector<std::string>;

Lines formatted(const std::vector<Diagnostic>& diagnostics) {
  Lines out;
  for (const Diagnostic& d : diagnostics) out.push_back(format_diagnostic(d));
  return out;
}

// A single-file scenario that parses, then fails validation: all its diagnostics, formatted.
Lines validate_errors(std::string_view yaml, const LoadedFiles& files = {}) {
  auto parsed = parse_scenario(yaml, "s.yaml");
  if (!parsed) {
    ADD_FAILURE() << "does not parse:\n" << ::testing::PrintToString(formatted(parsed.error()));
    return {};
  }
  const auto valid = validate(std::move(*parsed), nullptr, files);
  if (valid) {
    ADD_FAILURE() << "validated without errors";
    return {};
  }
  return formatted(valid.error());
}

Scenario validate_ok(std::string_view yaml, const LoadedFiles& files = {}) {
  auto parsed = parse_scenario(yaml, "s.yaml");
  if (!parsed) {
    ADD_FAILURE() << "does not parse:\n" << ::testing::PrintToString(formatted(parsed.error()));
    return {};
  }
  auto valid = validate(std::move(*parsed), nullptr, files);
  if (!valid) {
    ADD_FAILURE() << "does not validate:\n" << ::testing::PrintToString(formatted(valid.error()));
    return {};
  }
  return std::move(*valid);
}

TEST(Validate, AcceptsConsistentScenarioWithoutWarnings) {
  const Scenario s = validate_ok(R"(format: 1
title: x
parties:
  - id: tenant
    positions:
      - {id: freeze, issue: rent, kind: demand, text: t, source: letter}
    stances:
      - {position: landlord/raise, stance: reject, via: freeze}
  - id: landlord
    positions:
      - {id: raise, issue: rent, kind: demand, text: t, to: [tenant]}
    stances:
      - {position: tenant/freeze, stance: consider, agree_if: [tenant/freeze]}
issues:
  - id: rent
sources:
  - id: letter
)");
  EXPECT_EQ(2u, s.positions.size());
  EXPECT_EQ(2u, s.stances.size());
  EXPECT_TRUE(s.warnings.empty()) << ::testing::PrintToString(formatted(s.warnings));
}

TEST(Validate, AcceptsSamePositionIdHeldByDifferentParties) {
  const Scenario s = validate_ok(R"(format: 1
title: x
parties:
  - id: a
    positions: [{id: p, issue: i, kind: demand, text: t}]
  - id: b
    positions: [{id: p, issue: i, kind: demand, text: t}]
issues: [{id: i}]
)");
  EXPECT_EQ(2u, s.positions.size());
}

// Duplicate ids

TEST(Validate, ReportsDuplicatePartyIdNamingTheFirstPlace) {
  EXPECT_EQ(Lines{"s.yaml:5:5: error: duplicate party id 'a' (first defined at s.yaml:4:5)"},
            validate_errors(R"(format: 1
title: x
parties:
  - id: a
  - id: a
issues: []
)"));
}

TEST(Validate, ReportsDuplicateIssueIdNamingTheFirstPlace) {
  EXPECT_EQ(Lines{"s.yaml:7:5: error: duplicate issue id 'rent' (first defined at s.yaml:5:5)"},
            validate_errors(R"(format: 1
title: x
parties: []
issues:
  - id: rent
  - id: term
  - id: rent
)"));
}

TEST(Validate, ReportsDuplicateSourceIdNamingTheFirstPlace) {
  EXPECT_EQ(Lines{"s.yaml:9:5: error: duplicate source id 's' (first defined at s.yaml:8:5)"},
            validate_errors(R"(format: 1
title: x
parties:
  - id: a
    positions: [{id: p, issue: i, kind: demand, text: t, source: s}]
issues: [{id: i}]
sources:
  - id: s
  - id: s
)"));
}

TEST(Validate, ReportsDuplicatePositionIdNamingTheFirstPlace) {
  EXPECT_EQ(Lines{"s.yaml:7:9: error: duplicate position id 'a/p' (first defined at s.yaml:6:9)"},
            validate_errors(R"(format: 1
title: x
parties:
  - id: a
    positions:
      - {id: p, issue: i, kind: demand, text: t}
      - {id: p, issue: i, kind: concession, text: u}
issues: [{id: i}]
)"));
}

// Unknown references

TEST(Validate, ReportsUnknownIssueWithSuggestion) {
  EXPECT_EQ((Lines{"s.yaml:6:24: error: unknown issue 'rnet' (did you mean 'rent'?)",
                   "s.yaml:7:24: error: unknown issue 'wages'"}),
            validate_errors(R"(format: 1
title: x
parties:
  - id: a
    positions:
      - {id: p, issue: rnet, kind: demand, text: t}
      - {id: q, issue: wages, kind: demand, text: t}
issues: [{id: rent}, {id: term}]
)"));
}

TEST(Validate, ReportsUnknownSourceWithSuggestion) {
  EXPECT_EQ(
      (Lines{
          "s.yaml:6:58: error: unknown source 'leter' (did you mean 'letter'?)",
          "s.yaml:8:65: error: unknown source 'memo'",
          "s.yaml:13:5: warning: source 'letter' is not cited by any position or stance; cite it "
          "with 'source: letter' or in 'sources:' on what it supports"}),
      validate_errors(R"(format: 1
title: x
parties:
  - id: a
    positions:
      - {id: p, issue: i, kind: demand, text: t, source: leter}
    stances:
      - {position: b/q, stance: agree, note: "as said", source: memo}
  - id: b
    positions: [{id: q, issue: i, kind: demand, text: t}]
issues: [{id: i}]
sources:
  - id: letter
)"));
}

TEST(Validate, ReportsUnknownPartyInAudienceWithSuggestion) {
  EXPECT_EQ(Lines{"s.yaml:6:55: error: unknown party 'landlrd' (did you mean 'landlord'?)"},
            validate_errors(R"(format: 1
title: x
parties:
  - id: tenant
    positions:
      - {id: p, issue: i, kind: demand, text: t, to: [landlrd]}
  - id: landlord
issues: [{id: i}]
)"));
}

TEST(Validate, ReportsUnknownPositionInStanceWithSuggestion) {
  EXPECT_EQ((Lines{"s.yaml:7:20: error: unknown position 'b/rase' (did you mean 'b/raise'?)",
                   "s.yaml:8:20: error: unknown position 'c/raise' (did you mean 'b/raise'?)",
                   "s.yaml:9:20: error: unknown position 'b/something-else'"}),
            validate_errors(R"(format: 1
title: x
parties:
  - id: a
    positions: [{id: p, issue: i, kind: demand, text: t}]
    stances:
      - {position: b/rase, stance: agree}
      - {position: c/raise, stance: agree}
      - {position: b/something-else, stance: agree}
  - id: b
    positions: [{id: raise, issue: i, kind: demand, text: t}]
issues: [{id: i}]
)"));
}

TEST(Validate, ReportsUnknownPositionInConditionWithSuggestion) {
  EXPECT_EQ(Lines{"s.yaml:7:67: error: unknown position 'a/pp' (did you mean 'a/p'?)"},
            validate_errors(R"(format: 1
title: x
parties:
  - id: a
    positions: [{id: p, issue: i, kind: demand, text: t}]
    stances:
      - {position: b/raise, stance: consider, agree_if: [b/raise, a/pp]}
  - id: b
    positions: [{id: raise, issue: i, kind: demand, text: t}]
issues: [{id: i}]
)"));
}

// The folder form, told which parties no file holds (as load_scenario() tells it).
constexpr std::string_view k_fdp_referenced = R"(format: 1
title: x
parties:
  - id: spd
    positions: [{id: pension-48, issue: i, kind: demand, text: t}]
    stances:
      - {position: fdp/debt-brake, stance: reject}
      - {position: gruene/climate-fund, stance: consider, agree_if: [fdp/debt-brake]}
  - id: gruene
    positions: [{id: climate-fund, issue: i, kind: demand, text: t}]
    stances:
      - {position: fdp/no-tax-rise, stance: consider}
      - {position: spd/pension-49, stance: agree}
  - id: fdp
issues: [{id: i}]
)";

TEST(Validate, ReportsReferencesToAPartyWithoutFileOnceNamingTheFile) {
  // One error on the party, counting its three references; a position of a party that has a
  // file is still unknown where it is named.
  EXPECT_EQ(
      (Lines{"s.yaml:13:20: error: unknown position 'spd/pension-49' (did you mean "
             "'spd/pension-48'?)",
             "s.yaml:14:5: error: no file holds party 'fdp' (expected fdp.yaml in the scenario "
             "folder), yet 3 references name its positions (the first at s.yaml:7:20)"}),
      validate_errors(k_fdp_referenced, LoadedFiles{{"fdp"}}));
  // Not told that a file is missing, each reference is an error of its own (and fdp, which
  // says nothing, is warned about).
  EXPECT_EQ((Lines{"s.yaml:7:20: error: unknown position 'fdp/debt-brake'",
                   "s.yaml:8:70: error: unknown position 'fdp/debt-brake'",
                   "s.yaml:12:20: error: unknown position 'fdp/no-tax-rise'",
                   "s.yaml:13:20: error: unknown position 'spd/pension-49' (did you mean "
                   "'spd/pension-48'?)",
                   "s.yaml:14:5: warning: party 'fdp' has no positions and no stances, yet it "
                   "is in the audience of the 2 positions without 'to': while it is silent, "
                   "none of them can be agreed (give it stances, or name each position's "
                   "audience with 'to')"}),
            validate_errors(k_fdp_referenced));
}

// spd takes one stance on a position of fdp, whose entry ends the text.
constexpr std::string_view k_spd_on_fdp = R"(format: 1
title: x
issues: [{id: i}]
parties:
  - id: spd
    positions: [{id: pension-48, issue: i, kind: demand, text: t}]
    stances: [{position: fdp/debt-brak, stance: reject}]
  - id: fdp
)";

TEST(Validate, CountsOneReferenceToAPartyWithoutFileInTheSingular) {
  EXPECT_EQ(Lines{"s.yaml:8:5: error: no file holds party 'fdp' (expected fdp.yaml in the "
                  "scenario folder), yet 1 reference names its positions (the first at "
                  "s.yaml:7:26)"},
            validate_errors(k_spd_on_fdp, LoadedFiles{{"fdp"}}));
}

TEST(Validate, NamesEachUnknownPositionOfAPartyWithoutFileThatHoldsSome) {
  // Its positions in scenario.yaml are positions: a typo among them is a typo.
  EXPECT_EQ(
      Lines{"s.yaml:7:26: error: unknown position 'fdp/debt-brak' (did you mean "
            "'fdp/debt-brake'?)"},
      validate_errors(std::string(k_spd_on_fdp) +
                          "    positions: [{id: debt-brake, issue: i, kind: demand, text: t}]\n",
                      LoadedFiles{{"fdp"}}));
}

// Silent parties

TEST(Validate, WarnsAboutAPartyThatSaysNothingYetIsInDefaultAudiences) {
  // fdp neither holds a position nor takes a stance, so spd's two positions without `to`
  // cannot be agreed; gruene, which takes a stance, and spd, which holds positions, are fine.
  const Scenario s = validate_ok(R"(format: 1
title: x
parties:
  - id: spd
    positions:
      - {id: wage-12, issue: i, kind: demand, text: t}
      - {id: pension-48, issue: i, kind: demand, text: t}
      - {id: rent-cap, issue: i, kind: demand, text: t, to: [gruene]}
  - id: gruene
    stances: [{position: spd/wage-12, stance: agree}]
  - id: fdp
issues: [{id: i}]
)");
  EXPECT_EQ(Lines{"s.yaml:11:5: warning: party 'fdp' has no positions and no stances, yet it is "
                  "in the audience of the 2 positions without 'to': while it is silent, none of "
                  "them can be agreed (give it stances, or name each position's audience with "
                  "'to')"},
            formatted(s.warnings));
}

// spd holds one position, `to` added to it; gruene and fdp say nothing.
std::string one_position_of_spd(std::string_view to) {
  return std::string(R"(format: 1
title: x
parties:
  - id: spd
    positions: [{id: wage-12, issue: i, kind: demand, text: t)") +
         std::string(to) + R"(}]
  - id: gruene
  - id: fdp
issues: [{id: i}]
)";
}

TEST(Validate, NamesTheMissingFileOfAPartyThatSaysNothing) {
  const Scenario s = validate_ok(one_position_of_spd(""), LoadedFiles{{"fdp"}});
  EXPECT_EQ((Lines{"s.yaml:6:5: warning: party 'gruene' has no positions and no stances, yet it "
                   "is in the audience of the position without 'to': while it is silent, it "
                   "cannot be agreed (give it stances, or name each position's audience with "
                   "'to')",
                   "s.yaml:7:5: warning: no file holds party 'fdp' (expected fdp.yaml in the "
                   "scenario folder), yet it is in the audience of the position without 'to': "
                   "while it is silent, it cannot be agreed"}),
            formatted(s.warnings));
}

TEST(Validate, DoesNotWarnAboutAPartyThatSaysNothingWhenNoPositionIsAddressedToAll) {
  // gruene is named in `to`, which is a choice; fdp is not addressed at all.
  const Scenario s = validate_ok(one_position_of_spd(", to: [gruene]"));
  EXPECT_TRUE(s.warnings.empty()) << ::testing::PrintToString(formatted(s.warnings));
}

// Audiences

TEST(Validate, ReportsAudienceNamingTheHolder) {
  EXPECT_EQ(Lines{"s.yaml:6:58: error: 'to' names the holder 'a' itself"},
            validate_errors(R"(format: 1
title: x
parties:
  - id: a
    positions:
      - {id: p, issue: i, kind: demand, text: t, to: [b, a]}
  - id: b
issues: [{id: i}]
)"));
}

TEST(Validate, ReportsAudienceNamingAPartyTwice) {
  EXPECT_EQ(Lines{"s.yaml:6:58: error: 'to' names 'b' twice"}, validate_errors(R"(format: 1
title: x
parties:
  - id: a
    positions:
      - {id: p, issue: i, kind: demand, text: t, to: [b, b]}
  - id: b
issues: [{id: i}]
)"));
}

// Stances

TEST(Validate, ReportsViaThatIsNotAnOwnPositionWithSuggestion) {
  EXPECT_EQ((Lines{"s.yaml:9:50: error: 'via' must name a position of 'a', and 'frezee' is not "
                   "one (did you mean 'freeze'?)",
                   "s.yaml:10:48: error: 'via' must name a position of 'a', and 'raise' is not "
                   "one"}),
            validate_errors(R"(format: 1
title: x
parties:
  - id: a
    positions:
      - {id: freeze, issue: i, kind: demand, text: t}
      - {id: other, issue: i, kind: demand, text: t}
    stances:
      - {position: b/raise, stance: reject, via: frezee}
      - {position: b/cut, stance: reject, via: raise}
  - id: b
    positions:
      - {id: raise, issue: i, kind: demand, text: t}
      - {id: cut, issue: i, kind: demand, text: t}
issues: [{id: i}]
)"));
}

// Stances of other parties between the two do not hide the second one, and do not count as
// one themselves.
TEST(Validate, ReportsTheSecondStanceOfOnePartyAmongOthersOnOnePosition) {
  Scenario s;
  s.parties = {{.id = "a"}, {.id = "b"}, {.id = "c"}};
  s.issues = {{.id = "i"}};
  s.positions = {{.party = "a", .id = "p", .issue = {"i"}},
                 {.party = "a", .id = "q", .issue = {"i"}}};
  const auto stance = [](std::string party, std::string target, int line) {
    const SourceLocation at{"s.yaml", line, 1};
    return StanceDecl{.party = std::move(party),
                      .position = {std::move(target), at},
                      .stance = Stance::agree,
                      .where = at};
  };
  s.stances = {stance("b", "a/p", 1), stance("c", "a/p", 2), stance("b", "a/q", 3),
               stance("c", "a/q", 4), stance("b", "a/p", 5), stance("c", "a/q", 6)};
  const auto result = validate(std::move(s));
  ASSERT_FALSE(result.has_value());
  std::vector<std::string> errors;
  for (const Diagnostic& d : result.error()) {
    if (d.severity == Severity::error) errors.push_back(format_diagnostic(d));
  }
  EXPECT_EQ(errors, (std::vector<std::string>{
                        "s.yaml:5:1: error: second stance of 'b' on 'a/p' (first at s.yaml:1:1)",
                        "s.yaml:6:1: error: second stance of 'c' on 'a/q' (first at s.yaml:4:1)"}));
}

TEST(Validate, ReportsStanceOnOwnPosition) {
  EXPECT_EQ((Lines{"s.yaml:7:20: error: 'a' takes a stance on its own position 'a/p'",
                   "s.yaml:8:5: warning: party 'b' has no positions and no stances, yet it is in "
                   "the audience of the position without 'to': while it is silent, it cannot "
                   "be agreed (give it stances, or name each position's audience with 'to')"}),
            validate_errors(R"(format: 1
title: x
parties:
  - id: a
    positions: [{id: p, issue: i, kind: demand, text: t}]
    stances:
      - {position: a/p, stance: agree}
  - id: b
issues: [{id: i}]
)"));
}

TEST(Validate, ReportsSecondStanceOfOnePartyOnOnePosition) {
  EXPECT_EQ(Lines{"s.yaml:10:9: error: second stance of 'b' on 'a/p' (first at s.yaml:8:9)"},
            validate_errors(R"(format: 1
title: x
parties:
  - id: a
    positions: [{id: p, issue: i, kind: demand, text: t}]
  - id: b
    stances:
      - position: a/p
        stance: agree
      - position: a/p
        stance: reject
issues: [{id: i}]
)"));
}

TEST(Validate, WarnsAboutStanceFromOutsideTheAudienceAndStillSucceeds) {
  const Scenario s = validate_ok(R"(format: 1
title: x
parties:
  - id: a
    positions: [{id: p, issue: i, kind: demand, text: t, to: [b]}]
  - id: b
    stances: [{position: a/p, stance: agree}]
  - id: c
    stances: [{position: a/p, stance: reject}]
issues: [{id: i}]
)");
  EXPECT_EQ(Lines{"s.yaml:9:26: warning: 'c' is not in the audience of 'a/p', so this stance "
                  "does not count"},
            formatted(s.warnings));
  EXPECT_EQ(2u, s.stances.size());  // the stance stays in the model; analysis ignores it
}

TEST(Validate, WarnsAboutUnusedSourceAndStillSucceeds) {
  const Scenario s = validate_ok(R"(format: 1
title: x
parties:
  - id: a
    positions: [{id: p, issue: i, kind: demand, text: t, source: used}]
  - id: b
    stances: [{position: a/p, stance: agree, source: also-used}]
issues: [{id: i}]
sources:
  - id: unused
  - id: used
  - id: also-used
)");
  EXPECT_EQ(
      Lines{"s.yaml:10:5: warning: source 'unused' is not cited by any position or stance; cite it "
            "with 'source: unused' or in 'sources:' on what it supports"},
      formatted(s.warnings));
}

TEST(Validate, EverySourceOfASourcesListIsCitedOrUnknown) {
  EXPECT_EQ((Lines{"s.yaml:6:68: error: unknown source 'leter' (did you mean 'letter'?)",
                   "s.yaml:8:56: error: unknown source 'memo'"}),
            validate_errors(R"(format: 1
title: x
parties:
  - id: a
    positions:
      - {id: p, issue: i, kind: demand, text: t, sources: [letter, leter]}
    stances:
      - {position: b/q, stance: agree, sources: [call, memo]}
  - id: b
    positions: [{id: q, issue: i, kind: demand, text: t}]
issues: [{id: i}]
sources:
  - id: letter
  - id: call
)"));
}

TEST(Validate, KeepsWarningsOfParsingAndSortsThemWithItsOwn) {
  auto parsed = parse_scenario(R"(format: 1
title: x
parties:
  - id: a
    positions: [{id: p, issue: i, kind: demand, text: t, to: [b]}]
  - id: b
  - id: c
    stances: [{position: a/p, stance: reject}]
issues: [{id: i}]
sources: [{id: s}]
)",
                               "s.yaml");
  ASSERT_TRUE(parsed);
  parsed->warnings.push_back({{"s.yaml", 9, 1}, Severity::warning, "from parsing"});
  parsed->warnings.push_back({{"a.yaml", 1, 1}, Severity::warning, "from another file"});
  const auto s = validate(std::move(*parsed));
  ASSERT_TRUE(s);
  EXPECT_EQ(
      (Lines{"a.yaml:1:1: warning: from another file",
             "s.yaml:8:26: warning: 'c' is not in the audience of 'a/p', so this stance "
             "does not count",
             "s.yaml:9:1: warning: from parsing",
             "s.yaml:10:11: warning: source 's' is not cited by any position or stance; cite it "
             "with 'source: s' or in 'sources:' on what it supports"}),
      formatted(s->warnings));
}

TEST(Validate, ReportsAllErrorsAtOnceSorted) {
  EXPECT_EQ((Lines{
                "s.yaml:6:24: error: unknown issue 'rnet' (did you mean 'rent'?)",
                "s.yaml:6:58: error: 'to' names the holder 'a' itself",
                "s.yaml:8:20: error: unknown position 'b/x'",
                "s.yaml:9:20: error: 'a' takes a stance on its own position 'a/p'",
                "s.yaml:10:5: error: duplicate party id 'a' (first defined at s.yaml:4:5)",
                "s.yaml:13:5: error: duplicate issue id 'rent' (first defined at s.yaml:12:5)",
            }),
            validate_errors(R"(format: 1
title: x
parties:
  - id: a
    positions:
      - {id: p, issue: rnet, kind: demand, text: t, to: [a]}
    stances:
      - {position: b/x, stance: agree}
      - {position: a/p, stance: agree}
  - id: a
issues:
  - id: rent
  - id: rent
)"));
}

}  // namespace
}  // namespace entente

namespace entente {
namespace {

// Above 20,000 stances the references are looked up on two threads: every problem must still
// be found once, in its place, in both halves.
// Also: the errors of positions among them, and a source cited only by a stance, or only by
// a position, is not unused.
TEST(Validate, LargeScenarioFindsEveryBadStanceInBothHalves) {
  constexpr int k_stances = 25'000;
  Scenario s;
  s.parties = {{.id = "a"}, {.id = "b"}, {.id = "c"}};
  s.issues = {{.id = "i"}};
  s.sources = {{.id = "by-position", .where = {"s.yaml", 1, 1}},
               {.id = "by-stance", .where = {"s.yaml", 2, 1}},
               {.id = "unused", .where = {"s.yaml", 3, 1}}};
  for (int n = 0; n < k_stances; ++n) {
    s.positions.push_back(
        {.party = "a", .id = "p" + std::to_string(n), .issue = {"i"}, .to = {IdRef{"b"}}});
  }
  s.positions[7].issue = {"nowhere", {"a.yaml", 8, 1}};
  s.positions[8].sources = {IdRef{"by-position"}};
  s.positions[k_stances - 1].to.push_back({"a", {"a.yaml", k_stances, 1}});  // the holder
  for (int n = 0; n < k_stances; ++n) {
    const SourceLocation at{"b.yaml", n + 1, 1};
    StanceDecl st{.party = "b",
                  .position = {"a/p" + std::to_string(n), at},
                  .stance = Stance::agree,
                  .where = at};
    switch (n % 5000) {
      case 1:
        st.position = PositionRef("a/nowhere" + std::to_string(n), at);
        break;
      case 2:
        st.via = IdRef{"missing", at};
        break;
      case 3:
        st.agree_if = {IdRef{"a/ghost", at}};
        break;
      case 4:  // a second stance of b on a/p0
        st.position = PositionRef("a/p0", at);
        break;
      case 5:  // c is not in the audience: a warning
        st.party = "c";
        break;
      default:
        break;
    }
    if (n == k_stances / 2 - 1 || n == k_stances / 2 || n == k_stances - 1) st.party = "c";
    if (n == 9) st.sources = {IdRef{"by-stance"}};
    s.stances.push_back(std::move(st));
  }
  const auto result = validate(std::move(s));
  ASSERT_FALSE(result.has_value());
  std::vector<std::string> positions_and_sources;
  std::vector<int> unknown, via, ghost, second, audience;
  for (const Diagnostic& d : result.error()) {
    const std::string& m = d.message;
    const int line = d.where.line;
    if (m.starts_with("unknown position 'a/nowhere")) {
      unknown.push_back(line);
    } else if (m.starts_with("'via' must name")) {
      via.push_back(line);
    } else if (m.starts_with("unknown position 'a/ghost'")) {
      ghost.push_back(line);
    } else if (m.starts_with("second stance of 'b' on 'a/p0'")) {
      second.push_back(line);
    } else if (m.starts_with("'c' is not in the audience")) {
      audience.push_back(line);
    } else if (d.where.file.view() != "b.yaml") {
      positions_and_sources.push_back(format_diagnostic(d));
    } else {
      ADD_FAILURE() << format_diagnostic(d);
    }
  }
  const auto lines = [](int remainder) {
    std::vector<int> out;
    for (int n = remainder; n < k_stances; n += 5000) out.push_back(n + 1);
    return out;
  };
  EXPECT_EQ(unknown, lines(1));
  EXPECT_EQ(via, lines(2));
  EXPECT_EQ(ghost, lines(3));
  EXPECT_EQ(second, lines(4));
  std::vector<int> expected_audience = lines(5);
  for (const int n : {k_stances / 2 - 1, k_stances / 2, k_stances - 1}) {
    expected_audience.push_back(n + 1);  // either side of the halves' border, and the last
  }
  std::sort(expected_audience.begin(), expected_audience.end());
  EXPECT_EQ(audience, expected_audience);
  EXPECT_EQ(
      positions_and_sources,
      (Lines{"a.yaml:8:1: error: unknown issue 'nowhere'",
             "a.yaml:25000:1: error: 'to' names the holder 'a' itself",
             "s.yaml:3:1: warning: source 'unused' is not cited by any position or stance; cite it "
             "with 'source: unused' or in 'sources:' on what it supports"}));
}

}  // namespace
}  // namespace entente
