#include "entente/loader.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/types.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <tuple>
#include <vector>

#include <fmt/format.h>

#include "scenario_text.h"
#include "temp_dir.h"

namespace entente {
namespace {

namespace fs = std::filesystem;
using Lines = std::vector<std::string>;

Lines formatted(const std::vector<Diagnostic>& diagnostics) {
  Lines out;
  for (const Diagnostic& d : diagnostics) out.push_back(format_diagnostic(d));
  return out;
}

// Every diagnostic of a scenario text that must not parse, formatted.
Lines scenario_errors(std::string_view yaml) {
  const auto parsed = parse_scenario(yaml, "s.yaml");
  if (parsed) {
    ADD_FAILURE() << "parsed without errors";
    return {};
  }
  return formatted(parsed.error());
}

Lines party_errors(std::string_view yaml) {
  const auto parsed = parse_party_file(yaml, "p.yaml");
  if (parsed) {
    ADD_FAILURE() << "parsed without errors";
    return {};
  }
  return formatted(parsed.error());
}

Scenario parse_ok(std::string_view yaml) {
  auto parsed = parse_scenario(yaml, "s.yaml");
  if (!parsed) {
    ADD_FAILURE() << "unexpected errors:\n" << ::testing::PrintToString(formatted(parsed.error()));
    return {};
  }
  return std::move(*parsed);
}

SourceLocation at(int line, int column) { return {"s.yaml", line, column}; }
IdRef ref(std::string id, int line, int column) { return {std::move(id), at(line, column)}; }

// --- Values ---------------------------------------------------------------------------------

constexpr std::string_view k_lease = R"(format: 1
title: Lease renewal, 2026
date: 2026-03-01
description: >-
  Tenant and landlord
  negotiate a renewal.
parties:
  - id: tenant
    name: The tenant
    positions:
      - id: rent-freeze
        issue: rent
        kind: demand
        text: Rent stays as it is.
  - id: landlord
    name: Landlord Ltd
    positions:
      - id: rent-plus-8
        issue: rent
        kind: demand
        text: Rent rises by 8 percent.
        priority: 4
        red_line: true
        to: [tenant]
        source: letter-2026-02
        quote: "an increase of 8%"
        note: Read from the letter
    stances:
      - position: tenant/rent-freeze
        stance: reject
        via: rent-plus-8
        note: Costs have risen.
        source: letter-2026-02
      - position: tenant/repairs-first
        stance: consider
        agree_if: [tenant/two-year-term, tenant/rent-freeze]
issues:
  - id: rent
    title: Monthly rent
  - id: term
sources:
  - id: letter-2026-02
    title: Landlord's letter of 2 February
    date: 2026-02-02
    url: https://example.org/letter
)";

TEST(Loader, ReadsScenarioHeader) {
  const Scenario s = parse_ok(k_lease);
  EXPECT_EQ(1, s.format);
  EXPECT_EQ("Lease renewal, 2026", s.title);
  EXPECT_EQ("2026-03-01", s.date);
  EXPECT_EQ("Tenant and landlord negotiate a renewal.", s.description);
  EXPECT_TRUE(s.warnings.empty());
}

TEST(Loader, ReadsPartiesIssuesAndSourcesWithPlaces) {
  const Scenario s = parse_ok(k_lease);
  const std::vector<Party> parties{{"tenant", "The tenant", at(8, 5)},
                                   {"landlord", "Landlord Ltd", at(15, 5)}};
  EXPECT_EQ(parties, s.parties);
  // An issue without a title is titled by its id.
  const std::vector<Issue> issues{{"rent", "Monthly rent", at(38, 5)}, {"term", "term", at(40, 5)}};
  EXPECT_EQ(issues, s.issues);
  const std::vector<Source> sources{{"letter-2026-02", "Landlord's letter of 2 February",
                                     "2026-02-02", "https://example.org/letter", at(42, 5)}};
  EXPECT_EQ(sources, s.sources);
}

TEST(Loader, ReadsEveryPositionFieldAndDefaults) {
  const Scenario s = parse_ok(k_lease);
  ASSERT_EQ(2u, s.positions.size());

  const Position& freeze = s.positions[0];
  EXPECT_EQ("tenant", freeze.party);
  EXPECT_EQ("rent-freeze", freeze.id);
  EXPECT_EQ(ref("rent", 12, 16), freeze.issue);
  EXPECT_EQ(PositionKind::demand, freeze.kind);
  EXPECT_EQ("Rent stays as it is.", freeze.text);
  EXPECT_EQ(3, freeze.priority);
  EXPECT_FALSE(freeze.red_line);
  EXPECT_TRUE(freeze.to.empty());
  EXPECT_TRUE(freeze.sources.empty());
  EXPECT_EQ("", freeze.quote);
  EXPECT_EQ("", freeze.note);
  EXPECT_EQ(at(11, 9), freeze.where);

  const Position& raise = s.positions[1];
  EXPECT_EQ("landlord/rent-plus-8", raise.ref());
  EXPECT_EQ("Rent rises by 8 percent.", raise.text);
  EXPECT_EQ(4, raise.priority);
  EXPECT_TRUE(raise.red_line);
  EXPECT_EQ(std::vector<IdRef>{ref("tenant", 24, 14)}, raise.to);
  EXPECT_EQ(std::vector<IdRef>{ref("letter-2026-02", 25, 17)}, raise.sources);
  EXPECT_EQ("an increase of 8%", raise.quote);
  EXPECT_EQ("Read from the letter", raise.note);
  EXPECT_EQ(at(18, 9), raise.where);
}

TEST(Loader, ReadsEveryStanceField) {
  const Scenario s = parse_ok(k_lease);
  ASSERT_EQ(2u, s.stances.size());

  const StanceDecl& reject = s.stances[0];
  EXPECT_EQ("landlord", reject.party);
  EXPECT_EQ(PositionRef("tenant/rent-freeze", at(29, 19)), reject.position);
  EXPECT_EQ(Stance::reject, reject.stance);
  EXPECT_EQ(ref("rent-plus-8", 31, 14), reject.via);
  EXPECT_EQ("Costs have risen.", reject.note);
  EXPECT_EQ(std::vector<IdRef>{ref("letter-2026-02", 33, 17)}, reject.sources);
  EXPECT_TRUE(reject.agree_if.empty());
  EXPECT_EQ(at(29, 9), reject.where);

  const StanceDecl& consider = s.stances[1];
  EXPECT_EQ(Stance::consider, consider.stance);
  EXPECT_EQ(std::nullopt, consider.via);
  EXPECT_TRUE(consider.sources.empty());
  const std::vector<IdRef> conditions{ref("tenant/two-year-term", 36, 20),
                                      ref("tenant/rent-freeze", 36, 42)};
  EXPECT_EQ(conditions, consider.agree_if);
}

TEST(Loader, ReadsSourcesListsAndAStancesQuote) {
  const Scenario s = parse_ok(R"(format: 1
title: x
parties:
  - id: a
    positions:
      - {id: p, issue: i, kind: demand, text: t, sources: [one, two]}
    stances:
      - {position: b/q, stance: reject, quote: "never", sources: [two]}
  - id: b
    positions: [{id: q, issue: i, kind: demand, text: t}]
issues: [{id: i}]
sources: [{id: one}, {id: two}]
)");
  ASSERT_EQ(2u, s.positions.size());
  EXPECT_EQ((std::vector<IdRef>{ref("one", 6, 60), ref("two", 6, 65)}), s.positions[0].sources);
  ASSERT_EQ(1u, s.stances.size());
  EXPECT_EQ("never", s.stances[0].quote);
  EXPECT_EQ(std::vector<IdRef>{ref("two", 8, 67)}, s.stances[0].sources);
}

TEST(Loader, RefusesSourceBesideSourcesAnEmptyListAndASourceTwice) {
  EXPECT_EQ(
      (Lines{"s.yaml:6:72: error: write either 'source: ID' or 'sources: [ID, ...]', not both",
             "s.yaml:7:59: error: 'sources' is empty: name at least one source, or leave "
             "'sources' out",
             "s.yaml:9:56: error: 'sources' names 'one' twice"}),
      scenario_errors(R"(format: 1
title: x
parties:
  - id: a
    positions:
      - {id: p, issue: i, kind: demand, text: t, source: one, sources: [one]}
      - {id: q, issue: i, kind: demand, text: t, sources: []}
    stances:
      - {position: b/q, stance: reject, sources: [one, one]}
issues: [{id: i}]
sources: [{id: one}]
)"));
}

TEST(Loader, ReadsPartyFile) {
  const auto file = parse_party_file(R"(party: landlord
positions:
  - id: three-year-term
    issue: term
    kind: concession
    text: Offers a three-year term instead of one.
    priority: 2
stances:
  - position: tenant/rent-freeze
    stance: agree
)",
                                     "landlord.yaml");
  ASSERT_TRUE(file) << ::testing::PrintToString(formatted(file.error()));
  EXPECT_EQ((IdRef{"landlord", {"landlord.yaml", 1, 8}}), file->party);
  ASSERT_EQ(1u, file->positions.size());
  EXPECT_EQ("landlord/three-year-term", file->positions[0].ref());
  EXPECT_EQ(PositionKind::concession, file->positions[0].kind);
  EXPECT_EQ(2, file->positions[0].priority);
  EXPECT_EQ((SourceLocation{"landlord.yaml", 3, 5}), file->positions[0].where);
  ASSERT_EQ(1u, file->stances.size());
  EXPECT_EQ("landlord", file->stances[0].party);
  EXPECT_EQ(Stance::agree, file->stances[0].stance);
  EXPECT_EQ("tenant/rent-freeze", file->stances[0].position.text());
}

TEST(Loader, AcceptsPartyFileWithoutPositionsOrStances) {
  const auto file = parse_party_file("party: tenant\npositions:\nstances: []\n", "p.yaml");
  ASSERT_TRUE(file);
  EXPECT_EQ("tenant", file->party.id);
  EXPECT_TRUE(file->positions.empty());
  EXPECT_TRUE(file->stances.empty());
}

TEST(Loader, ReadsBooleanAndNumberSpellingsOfYamlCoreSchema) {
  const Scenario s = parse_ok(R"(format: 1
title: 42
parties:
  - id: a
    positions:
      - {id: p, issue: i, kind: demand, text: t, red_line: True, priority: 1}
      - {id: q, issue: i, kind: demand, text: t, red_line: FALSE, priority: 5}
issues: []
)");
  EXPECT_EQ("42", s.title);  // a plain number is fine as text
  ASSERT_EQ(2u, s.positions.size());
  EXPECT_TRUE(s.positions[0].red_line);
  EXPECT_EQ(1, s.positions[0].priority);
  EXPECT_FALSE(s.positions[1].red_line);
  EXPECT_EQ(5, s.positions[1].priority);
}

TEST(Loader, AcceptsLeapDays) {
  const Scenario s = parse_ok(R"(format: 1
title: x
date: 2024-02-29
parties: []
issues: []
sources:
  - id: s
    date: 2000-02-29
)");
  EXPECT_EQ("2024-02-29", s.date);
  EXPECT_EQ("2000-02-29", s.sources[0].date);
}

// --- YAML itself ----------------------------------------------------------------------------

TEST(Loader, ReportsYamlSyntaxErrorWithPlace) {
  EXPECT_EQ(Lines{"s.yaml:3:6: error: invalid YAML: illegal map value"},
            scenario_errors(R"(format: 1
title: x
  bad: indent
)"));
  // `[` swallows the next line (`issues: []` is a valid item), then the file ends.
  EXPECT_EQ(Lines{"s.yaml:5:1: error: invalid YAML: end of sequence flow not found"},
            scenario_errors("format: 1\ntitle: x\nparties: [\nissues: []\n"));
}

TEST(Loader, AsksForQuotesAroundTextThatHoldsColonSpace) {
  // yaml-cpp stops at the second colon with "illegal map value"; the message shows the fix.
  EXPECT_EQ(Lines{"p.yaml:5:22: error: ': ' inside unquoted text reads as a new key; put the "
                  "text in quotes: text: \"Speed limit: none on motorways.\""},
            party_errors("party: fdp\npositions:\n  - id: speed\n    issue: traffic\n"
                         "    text: Speed limit: none on motorways.  # manifesto, p. 12\n"));
  // A key right after `- `, and a colon with no space before the one that breaks.
  EXPECT_EQ(Lines{"p.yaml:3:22: error: ': ' inside unquoted text reads as a new key; put the "
                  "text in quotes: note: \"Paragraph:2: reads so\""},
            party_errors("party: fdp\nstances:\n  - note: Paragraph:2: reads so\n"));
  // Text holding a double quote goes in single quotes, its own single quotes doubled.
  EXPECT_EQ(Lines{"p.yaml:3:20: error: ': ' inside unquoted text reads as a new key; put the "
                  "text in quotes: note: 'It''s \"no\": final'"},
            party_errors("party: fdp\nstances:\n  - note: It's \"no\": final\n"));
}

TEST(Loader, QuotesTextOverSeveralLinesAsOneLine) {
  // The lines that continue the text are folded into it, as YAML reads them, CRLF or LF.
  const Lines expected{
      "p.yaml:4:22: error: ': ' inside unquoted text reads as a new key; put "
      "the text in quotes: text: \"Speed limit: none on motorways and "
      "elsewhere.\""};
  const std::string lines[] = {"party: fdp",
                               "positions:",
                               "  - id: speed",
                               "    text: Speed limit: none on",
                               "      motorways  # a comment",
                               "      and elsewhere.",
                               "    kind: demand"};
  std::string lf, crlf;
  for (const std::string& line : lines) {
    lf += line + "\n";
    crlf += line + "\r\n";
  }
  // A comment ends the text: "and elsewhere." is not part of it.
  EXPECT_EQ(Lines{"p.yaml:4:22: error: ': ' inside unquoted text reads as a new key; put the "
                  "text in quotes: text: \"Speed limit: none on motorways\""},
            party_errors(lf));
  lf.replace(lf.find("  # a comment"), 13, "");
  crlf.replace(crlf.find("  # a comment"), 13, "");
  EXPECT_EQ(expected, party_errors(lf));
  EXPECT_EQ(expected, party_errors(crlf));
}

TEST(Loader, AsksForQuotesInsideAFlowMapping) {
  // Inside `{...}` yaml-cpp says "end of map flow not found"; the text ends at the comma.
  EXPECT_EQ(Lines{"p.yaml:3:34: error: ': ' inside unquoted text reads as a new key; put the "
                  "text in quotes: text: \"Speed limit: none\""},
            party_errors("party: fdp\npositions:\n"
                         "  - {id: speed, text: Speed limit: none, kind: demand}\n"));
}

TEST(Loader, ShowsTheStartOfALongTextToQuote) {
  const std::string text = "Speed limit: " + std::string(300, 'x');
  const Lines errors = party_errors("party: fdp\nstances:\n  - note: " + text + "\n");
  ASSERT_EQ(1u, errors.size());
  EXPECT_EQ(
      "p.yaml:3:22: error: ': ' inside unquoted text reads as a new key; put the text in "
      "quotes: note: \"" +
          text.substr(0, 200) + "...\" (the whole text; shortened here)",
      errors[0]);
}

TEST(Loader, KeepsYamlCppWordsWhenTheColonIsNotInsideText) {
  // A colon after quoted text, or one that begins a line as a key does: no text to quote.
  EXPECT_EQ(Lines{"p.yaml:3:14: error: invalid YAML: illegal map value"},
            party_errors("party: fdp\nstances:\n  - note: \"a\": b\n"));
  EXPECT_EQ(Lines{"p.yaml:4:16: error: invalid YAML: illegal map value"},
            party_errors("party: fdp\nstances:\n  - note: Speed limit\n      motorways: none\n"));
}

TEST(Loader, ReportsEmptyFile) {
  const Lines empty{"s.yaml: error: the file is empty (expected a scenario with 'format: 1')"};
  EXPECT_EQ(empty, scenario_errors(""));
  EXPECT_EQ(empty, scenario_errors("\n\n   \n"));
  EXPECT_EQ(empty, scenario_errors("# only a comment\n"));
  EXPECT_EQ(empty, scenario_errors("---\n"));
  EXPECT_EQ(empty, scenario_errors("\xEF\xBB\xBF"));  // only a byte order mark
  EXPECT_EQ(Lines{"p.yaml: error: the file is empty (expected a party file starting with "
                  "'party:')"},
            party_errors(""));
}

TEST(Loader, ReportsDuplicateKeyWithBothPlaces) {
  EXPECT_EQ(Lines{"s.yaml:3:1: error: duplicate key 'title' (first given at line 2, column 1)"},
            scenario_errors(R"(format: 1
title: x
title: y
parties: []
issues: []
)"));
}

TEST(Loader, ReportsDuplicateKeyInsideAPosition) {
  EXPECT_EQ(Lines{"p.yaml:6:5: error: duplicate key 'text' (first given at line 5, column 5)"},
            party_errors(R"(party: a
positions:
  - id: p
    issue: i
    text: one
    text: two
    kind: demand
)"));
}

// The errors of `lines` that report a duplicate key.
Lines duplicates_in(const Lines& lines) {
  Lines out;
  std::copy_if(lines.begin(), lines.end(), std::back_inserter(out),
               [](const std::string& line) { return line.find("duplicate key") != line.npos; });
  return out;
}

TEST(Loader, ReportsDuplicateKeyInALargeMapping) {
  // Past 16 keys the earlier keys are found through an index, not by looking through them:
  // a repeat of one of the first keys and one of a later key are both found.
  std::string yaml = "party: a\nextra:\n";
  for (int i = 0; i < 40; ++i) yaml += fmt::format("  k{}: v\n", i);
  yaml += "  k3: again\n  k30: again\n";
  EXPECT_EQ((Lines{"p.yaml:43:3: error: duplicate key 'k3' (first given at line 6, column 3)",
                   "p.yaml:44:3: error: duplicate key 'k30' (first given at line 33, column 3)"}),
            duplicates_in(party_errors(yaml)));
}

TEST(Loader, ARefusedKeyIsNotOneALaterKeyRepeats) {
  // `<<` is refused as a merge key; a quoted "<<" after it is a key of its own, not a repeat.
  const Lines errors = party_errors("party: a\n<<: x\n\"<<\": y\n");
  EXPECT_EQ(Lines{"p.yaml:2:1: error: merge keys (<<) are not supported"}, errors);
}

TEST(Loader, ReadsAPartysWeightAsWritten) {
  const Scenario s = parse_ok(R"(format: 1
title: x
parties:
  - {id: a, weight: 12}
  - {id: b, weight: 3.50}
  - {id: c, weight: 1e3}
  - {id: d, weight: 0}
  - {id: e, weight: 007}
  - {id: f, weight: 2E-3}
  - {id: g}
issues: []
)");
  std::vector<std::string> weights;
  for (const Party& p : s.parties) weights.push_back(p.weight);
  EXPECT_EQ((std::vector<std::string>{"12", "3.50", "1e3", "0", "007", "2E-3", ""}), weights);
}

TEST(Loader, RefusesAWeightThatIsNotAnUnsignedDecimal) {
  const auto errors = scenario_errors(R"(format: 1
title: x
parties:
  - {id: a, weight: -1}
  - {id: b, weight: "12"}
  - {id: c, weight: .nan}
  - {id: d, weight: .inf}
  - {id: e, weight: 0x10}
  - {id: f, weight: 1_000}
  - {id: g, weight: +5}
  - {id: h, weight: 1e1000}
  - {id: i, weight: [1]}
  - {id: j, weight: .5}
issues: []
)");
  EXPECT_EQ((Lines{
                "s.yaml:4:21: error: weight must be a number of 0 or more, such as 12, 3.5 or "
                "1e3, not '-1'",
                "s.yaml:5:21: error: weight must be a number, not the quoted text '12' (remove "
                "the quotes)",
                "s.yaml:6:21: error: weight must be a number of 0 or more, such as 12, 3.5 or "
                "1e3, not '.nan'",
                "s.yaml:7:21: error: weight must be a number of 0 or more, such as 12, 3.5 or "
                "1e3, not '.inf'",
                "s.yaml:8:21: error: weight must be a number of 0 or more, such as 12, 3.5 or "
                "1e3, not '0x10'",
                "s.yaml:9:21: error: weight must be a number of 0 or more, such as 12, 3.5 or "
                "1e3, not '1_000'",
                "s.yaml:10:21: error: weight must be a number of 0 or more, such as 12, 3.5 or "
                "1e3, not '+5'",
                "s.yaml:11:21: error: weight must be a number of 0 or more, such as 12, 3.5 or "
                "1e3, not '1e1000'",
                "s.yaml:12:21: error: weight must be a number of 0 or more, such as 12, 3.5 or "
                "1e3, not a list",
                "s.yaml:13:21: error: weight must be a number of 0 or more, such as 12, 3.5 or "
                "1e3, not '.5'",
            }),
            errors);
}

TEST(Loader, AllowsTheSameKeyInDifferentMappings) {
  const Scenario s = parse_ok(R"(format: 1
title: x
parties: [{id: a}, {id: b}]
issues: []
)");
  EXPECT_EQ(2u, s.parties.size());
}

TEST(Loader, RejectsAnchorsAndAliases) {
  EXPECT_EQ((Lines{"s.yaml:4:5: error: anchors (&name) are not supported",
                   "s.yaml:6:5: error: aliases (*name) are not supported; write the value out"}),
            scenario_errors(R"(format: 1
title: x
parties:
  - &first
    id: a
  - *first
issues: []
)"));
}

TEST(Loader, RejectsAnchorOnScalar) {
  EXPECT_EQ(Lines{"s.yaml:2:8: error: anchors (&name) are not supported"},
            scenario_errors("format: 1\ntitle: &t x\nparties: []\nissues: []\n"));
}

TEST(Loader, RejectsTagsShowingThemAsWritten) {
  EXPECT_EQ((Lines{"s.yaml:2:8: error: tags (!!str) are not supported",
                   "s.yaml:3:10: error: tags (!!seq) are not supported",
                   "s.yaml:4:9: error: tags (!custom) are not supported"}),
            scenario_errors(R"(format: 1
title: !!str x
parties: !!seq []
issues: !custom []
)"));
}

TEST(Loader, RejectsMergeKeys) {
  EXPECT_EQ(Lines{"s.yaml:5:5: error: merge keys (<<) are not supported"},
            scenario_errors(R"(format: 1
title: x
parties:
  - id: a
    <<: {name: A}
issues: []
)"));
}

TEST(Loader, TreatsQuotedMergeKeyAsAnUnknownKey) {
  EXPECT_EQ(Lines{"s.yaml:5:1: error: unknown key '<<' in the scenario"},
            scenario_errors("format: 1\ntitle: x\nparties: []\nissues: []\n\"<<\": 1\n"));
}

TEST(Loader, RejectsNonScalarAndEmptyKeys) {
  EXPECT_EQ(Lines{"s.yaml:5:3: error: mapping keys must be plain words"},
            scenario_errors("format: 1\ntitle: x\nparties: []\nissues: []\n? [a]\n: b\n"));
  EXPECT_EQ(Lines{"s.yaml:5:1: error: empty mapping key"},
            scenario_errors("format: 1\ntitle: x\nparties: []\nissues: []\n: b\n"));
}

TEST(Loader, RejectsSecondDocument) {
  EXPECT_EQ(Lines{"s.yaml:5:1: error: only one YAML document is allowed in a file"},
            scenario_errors(R"(format: 1
title: x
parties: []
issues: []
---
format: 1
)"));
}

TEST(Loader, AcceptsDocumentMarkersAroundOneDocument) {
  const Scenario s = parse_ok("---\nformat: 1\ntitle: x\nparties: []\nissues: []\n...\n");
  EXPECT_EQ("x", s.title);
}

TEST(Loader, ReportsUnterminatedQuotes) {
  EXPECT_EQ(Lines{"s.yaml:2:8: error: unterminated quoted string"},
            scenario_errors("format: 1\ntitle: \"Lease renewal\nparties: []\nissues: []\n"));
  EXPECT_EQ(Lines{"s.yaml:2:8: error: unterminated quoted string"},
            scenario_errors("format: 1\ntitle: 'Lease renewal\nparties: []\nissues: []\n"));
}

TEST(Loader, AcceptsEscapedQuotesInsideQuotes) {
  const Scenario s = parse_ok(R"(format: 1
title: "say \"no\" \\"
description: 'it''s'
parties: []
issues: []
)");
  EXPECT_EQ(R"(say "no" \)", s.title);
  EXPECT_EQ("it's", s.description);
}

TEST(Loader, RejectsControlCharactersMadeByEscapes) {
  EXPECT_EQ((Lines{
                "s.yaml:2:8: error: control character in a value (from an escape sequence) is "
                "not allowed",
                "s.yaml:5:11: error: control character in a value (from an escape sequence) is "
                "not allowed",
                "s.yaml:5:21: error: control character in a value (from an escape sequence) is "
                "not allowed",
                "s.yaml:5:27: error: control character in a value (from an escape sequence) is "
                "not allowed",
            }),
            scenario_errors(R"(format: 1
title: "a\eb"
parties: []
issues: []
sources: ["\u009b", "\0", "\x7f"]
)"));
}

TEST(Loader, AllowsTabAndNewlineEscapes) {
  const Scenario s = parse_ok(R"(format: 1
title: "a\tb"
description: "line\nnext"
parties: []
issues: []
)");
  EXPECT_EQ("a\tb", s.title);
  EXPECT_EQ("line\nnext", s.description);
}

TEST(Loader, RejectsNestingDeeperThan64Levels) {
  const std::string head = "format: 1\ntitle: x\nparties: []\nissues: []\nsources: ";
  // The top mapping is level 1, so 63 brackets reach level 64, the deepest allowed.
  EXPECT_EQ(Lines{"s.yaml:5:11: error: source must be a mapping of keys to values, not a list"},
            scenario_errors(head + std::string(63, '[') + std::string(63, ']') + "\n"));
  EXPECT_EQ(Lines{"s.yaml:5:73: error: nesting deeper than 64 levels"},
            scenario_errors(head + std::string(64, '[') + std::string(64, ']') + "\n"));
}

TEST(Loader, StopsAtDeepNestingWithoutExhaustingTheStack) {
  const std::string head = "format: 1\ntitle: x\nparties: []\nissues: []\nsources: ";
  // Unclosed runs are caught by the lexical flow scan before yaml-cpp buffers them: the 65th
  // bracket is one too many.
  EXPECT_EQ(Lines{"s.yaml:5:74: error: nesting deeper than 64 levels"},
            scenario_errors(head + std::string(200'000, '[') + "\n"));
  std::string maps = head;
  for (int i = 0; i < 100; ++i) maps += "{a: ";
  EXPECT_EQ(Lines{"s.yaml:5:266: error: nesting deeper than 64 levels"}, scenario_errors(maps));
}

// --- Bytes ----------------------------------------------------------------------------------

// What the error on a byte that is not UTF-8 adds after ASCII text: the command that makes a
// UTF-8 copy of s.yaml, were it Windows-1252.
constexpr std::string_view k_iconv_s_yaml =
    ", and if it is Windows-1252, this makes a UTF-8 copy to use instead: iconv -f cp1252 -t "
    "utf-8 s.yaml > s.yaml.utf8";

TEST(Loader, RejectsInvalidUtf8WithPlace) {
  const auto error = [](std::string_view place, std::string_view byte) {
    return Lines{
        fmt::format("s.yaml:{}: error: invalid UTF-8 byte 0x{}; the file must be UTF-8 "
                    "encoded{}",
                    place, byte, k_iconv_s_yaml)};
  };
  EXPECT_EQ(error("2:11", "E9"),
            scenario_errors("format: 1\ntitle: caf\xE9\nparties: []\nissues: []\n"));
  // Overlong forms and surrogates are not UTF-8 either.
  EXPECT_EQ(error("2:8", "C0"),
            scenario_errors("format: 1\ntitle: \xC0\xAF\nparties: []\nissues: []\n"));
  EXPECT_EQ(error("2:8", "ED"),
            scenario_errors("format: 1\ntitle: \xED\xA0\x80\nparties: []\nissues: []\n"));
  EXPECT_EQ(error("2:8", "E6"), scenario_errors("format: 1\ntitle: \xE6\x97"));
}

TEST(Loader, ShowsHowToConvertOnlyWhatMayBeWindows1252) {
  // 0x81 is no character of Windows-1252; after a UTF-8 character or byte order mark, the
  // file is UTF-8 with a bad byte, which converting would spoil.
  EXPECT_EQ(Lines{"s.yaml:2:8: error: invalid UTF-8 byte 0x81; the file must be UTF-8 encoded"},
            scenario_errors("format: 1\ntitle: \x81\n"));
  EXPECT_EQ(Lines{"s.yaml:2:10: error: invalid UTF-8 byte 0xE9; the file must be UTF-8 encoded"},
            scenario_errors("format: 1\ntitle: \xC3\xA9\xE9\n"));
  EXPECT_EQ(Lines{"s.yaml:2:8: error: invalid UTF-8 byte 0xE9; the file must be UTF-8 encoded"},
            scenario_errors("\xEF\xBB\xBF"
                            "format: 1\ntitle: \xE9\n"));
  // A file name that the shell would split or expand is quoted.
  const auto parsed = parse_scenario("format: 1\ntitle: caf\xE9\n", "it's mine.yaml");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(Lines{"it's mine.yaml:2:11: error: invalid UTF-8 byte 0xE9; the file must be UTF-8 "
                  "encoded, and if it is Windows-1252, this makes a UTF-8 copy to use instead: "
                  "iconv -f cp1252 -t utf-8 'it'\\''s mine.yaml' > 'it'\\''s mine.yaml.utf8'"},
            formatted(parsed.error()));
}

TEST(Loader, CountsColumnsInBytes) {
  // 'Ö' takes two bytes, so what follows it is one column further right than its character
  // count; yaml-cpp and the byte checks agree on bytes.
  EXPECT_EQ(Lines{"s.yaml:2:20: error: invalid UTF-8 byte 0xFF; the file must be UTF-8 encoded"},
            scenario_errors("format: 1\ntitle: \xC3\x96sterreich \xFF\n"));
  EXPECT_EQ(
      Lines{"p.yaml:3:33: error: unknown stance 'maybe' (expected agree, reject or consider)"},
      party_errors(
          "party: a\nstances:\n  - {note: \xC3\x96sterreich, stance: maybe, position: b/c}\n"));
}

TEST(Loader, RejectsUtf16AndUtf32) {
  const Lines utf16{"s.yaml:1:1: error: the file is UTF-16 or UTF-32 encoded; save it as UTF-8"};
  using std::string_view_literals::operator""sv;
  EXPECT_EQ(utf16, scenario_errors("\xFF\xFE"
                                   "f\0o\0"sv));               // UTF-16 LE
  EXPECT_EQ(utf16, scenario_errors("\xFE\xFF\0f\0o"sv));       // UTF-16 BE
  EXPECT_EQ(utf16, scenario_errors("\xFF\xFE\0\0f\0\0\0"sv));  // UTF-32 LE
  EXPECT_EQ(utf16, scenario_errors("\0\0\xFE\xFF\0\0\0f"sv));  // UTF-32 BE
  // Without a byte order mark, UTF-16 shows itself by its NUL bytes.
  EXPECT_EQ(Lines{"s.yaml:1:2: error: control character U+0000 is not allowed"},
            scenario_errors("f\0o\0"sv));
}

TEST(Loader, RejectsCarriageReturnWithoutLineFeed) {
  EXPECT_EQ(Lines{"s.yaml:1:10: error: carriage return without line feed (use LF or CRLF line "
                  "endings)"},
            scenario_errors("format: 1\rtitle: x\rparties: []\rissues: []\r"));
  EXPECT_EQ(Lines{"s.yaml:4:11: error: carriage return without line feed (use LF or CRLF line "
                  "endings)"},
            scenario_errors("format: 1\r\ntitle: x\r\nparties: []\r\nissues: []\r"));
}

TEST(Loader, RejectsNulAndOtherControlBytes) {
  using std::string_view_literals::operator""sv;
  EXPECT_EQ(Lines{"s.yaml:2:9: error: control character U+0000 is not allowed"},
            scenario_errors("format: 1\ntitle: a\0b\nparties: []\nissues: []\n"sv));
  EXPECT_EQ(Lines{"s.yaml:2:9: error: control character U+001B is not allowed"},
            scenario_errors("format: 1\ntitle: a\x1b[2Jb\nparties: []\nissues: []\n"));
  EXPECT_EQ(Lines{"s.yaml:2:9: error: control character U+007F is not allowed"},
            scenario_errors("format: 1\ntitle: a\x7f\nparties: []\nissues: []\n"));
  EXPECT_EQ(Lines{"s.yaml:2:9: error: control character U+009B is not allowed"},
            scenario_errors("format: 1\ntitle: a\xC2\x9B"
                            "31m\nparties: []\nissues: []\n"));
}

TEST(Loader, AcceptsTabsNextLineAndNonBreakingSpaces) {
  const Scenario s = parse_ok(
      "format: 1\ntitle: a\tb\xC2\x85"
      "c\xC2\xA0"
      "d\nparties: []\n"
      "issues: []\n");
  EXPECT_EQ(
      "a\tb\xC2\x85"
      "c\xC2\xA0"
      "d",
      s.title);
}

TEST(Loader, AcceptsUtf8ByteOrderMarkAndCountsColumnsAfterIt) {
  const Scenario s = parse_ok(
      "\xEF\xBB\xBF"
      "format: 1\ntitle: x\nparties: []\nissues: []\n");
  EXPECT_EQ("x", s.title);
  EXPECT_EQ(Lines{"s.yaml:1:9: error: unsupported format '2' (this version of entente reads "
                  "format 1)"},
            scenario_errors("\xEF\xBB\xBF"
                            "format: 2\ntitle: x\nparties: []\nissues: []\n"));
}

TEST(Loader, AcceptsCrlfLineEndingsWithRightPlaces) {
  const std::string crlf =
      "format: 1\r\n"
      "title: Lease\r\n"
      "description: |\r\n"
      "  one\r\n"
      "  two\r\n"
      "parties:\r\n"
      "  - id: a\r\n"
      "    name: \"multi\r\n"
      "      line\"\r\n"
      "    stances:\r\n"
      "      - position: b/x\r\n"
      "        stance: maybe\r\n"
      "issues: []\r\n";
  EXPECT_EQ(
      Lines{"s.yaml:12:17: error: unknown stance 'maybe' (expected agree, reject or consider)"},
      scenario_errors(crlf));
  std::string fixed = crlf;
  fixed.replace(fixed.find("maybe"), 5, "agree");
  const Scenario s = parse_ok(fixed);
  EXPECT_EQ("Lease", s.title);
  EXPECT_EQ("one\ntwo\n", s.description);
  EXPECT_EQ("multi line", s.parties[0].name);
  ASSERT_EQ(1u, s.stances.size());
  EXPECT_EQ(at(11, 9), s.stances[0].where);
}

// --- Schema ---------------------------------------------------------------------------------

TEST(Loader, ReportsUnknownKeyWithSuggestion) {
  // `titel` is unknown, so `title` is missing too; that is reported at the mapping.
  EXPECT_EQ((Lines{"s.yaml:1:1: error: the scenario has no 'title'",
                   "s.yaml:2:1: error: unknown key 'titel' in the scenario (did you mean 'title'?)",
                   "s.yaml:5:1: error: unknown key 'colour' in the scenario"}),
            scenario_errors(R"(format: 1
titel: x
parties: []
issues: []
colour: red
)"));
}

TEST(Loader, ReportsUnknownKeyAndTheKeyItMisspelt) {
  EXPECT_EQ(
      (Lines{"p.yaml:3:5: error: position 'p' has no 'issue'",
             "p.yaml:5:5: error: unknown key 'isue' in position 'p' (did you mean 'issue'?)"}),
      party_errors(R"(party: a
positions:
  - id: p
    kind: demand
    isue: rent
    text: t
)"));
}

TEST(Loader, ReportsUnknownKeysInEveryKindOfMapping) {
  EXPECT_EQ((Lines{
                "s.yaml:1:1: error: unknown key 'party' in the scenario",
                "s.yaml:5:5: error: unknown key 'nmae' in party 'a' (did you mean 'name'?)",
                "s.yaml:8:9: error: stance has no 'stance'",
                "s.yaml:9:9: error: unknown key 'stanse' in stance (did you mean 'stance'?)",
                "s.yaml:12:5: error: unknown key 'titl' in issue 'i' (did you mean 'title'?)",
                "s.yaml:15:5: error: unknown key 'link' in source 's'",
            }),
            scenario_errors(R"(party: x
format: 1
title: x
parties:
  - nmae: A
    id: a
    stances:
      - position: b/c
        stanse: agree
issues:
  - id: i
    titl: I
sources:
  - id: s
    link: u
)"));
}

TEST(Loader, ReportsUnknownKeyInPartyFile) {
  EXPECT_EQ((Lines{"p.yaml:2:1: error: unknown key 'position' in the party file (did you mean "
                   "'positions'?)"}),
            party_errors("party: a\nposition: []\n"));
}

TEST(Loader, ReportsMappingExpected) {
  EXPECT_EQ((Lines{"s.yaml:1:1: error: the scenario must be a mapping of keys to values, not a "
                   "list"}),
            scenario_errors("- format: 1\n"));
  EXPECT_EQ((Lines{"s.yaml:1:1: error: the scenario must be a mapping of keys to values, not a "
                   "scalar"}),
            scenario_errors("format 1\n"));
  EXPECT_EQ((Lines{"s.yaml:4:5: error: party must be a mapping of keys to values, not a scalar",
                   "s.yaml:6:5: error: issue must be a mapping of keys to values, not a list"}),
            scenario_errors(R"(format: 1
title: x
parties:
  - tenant
issues:
  - [rent]
)"));
  EXPECT_EQ((Lines{"p.yaml:3:5: error: position must be a mapping of keys to values, not a scalar",
                   "p.yaml:5:5: error: stance must be a mapping of keys to values, not a scalar"}),
            party_errors("party: a\npositions:\n  - p\nstances:\n  - agree\n"));
}

TEST(Loader, ReportsListExpected) {
  EXPECT_EQ((Lines{"s.yaml:3:10: error: parties must be a list, not a mapping",
                   "s.yaml:4:9: error: issues must be a list, not a scalar",
                   "s.yaml:5:10: error: sources must be a list, not a scalar"}),
            scenario_errors(R"(format: 1
title: x
parties: {id: a}
issues: rent
sources: s
)"));
  EXPECT_EQ((Lines{"p.yaml:2:12: error: positions must be a list, not a scalar",
                   "p.yaml:3:10: error: stances must be a list, not a mapping"}),
            party_errors("party: a\npositions: 3\nstances: {a: 1}\n"));
}

TEST(Loader, ReportsTextExpected) {
  EXPECT_EQ((Lines{"s.yaml:2:8: error: title must be text, not a list",
                   "s.yaml:3:14: error: description must be text, not a mapping",
                   "s.yaml:6:11: error: name must be text, not a list"}),
            scenario_errors(R"(format: 1
title: [a, b]
description: {a: 1}
parties:
  - id: a
    name: [A]
issues: []
)"));
  EXPECT_EQ((Lines{"p.yaml:7:11: error: text must be text, not a mapping",
                   "p.yaml:8:12: error: quote must be text, not a list",
                   "p.yaml:11:10: error: via must be text, not a list"}),
            party_errors(R"(party: a
positions:
  - id: p
    issue: i
    kind: demand
    # a colon in unquoted text makes a mapping
    text: {Note: the rent}
    quote: [x]
stances:
  - position: b/c
    via: [p]
    stance: agree
)"));
}

TEST(Loader, ReportsBadSlugs) {
  const std::string rule =
      "is not a valid id (use lowercase letters, digits and '-', starting with a letter or digit)";
  EXPECT_EQ((Lines{"s.yaml:4:9: error: party id 'Tenant' " + rule,
                   "s.yaml:6:9: error: issue id 'rent_2026' " + rule,
                   "s.yaml:8:9: error: source id '-s' " + rule}),
            scenario_errors(R"(format: 1
title: x
parties:
  - id: Tenant
issues:
  - id: rent_2026
sources:
  - id: -s
)"));
  EXPECT_EQ(
      (Lines{"p.yaml:1:8: error: party 'Landlord' " + rule,
             "p.yaml:3:9: error: position id 'rent plus' " + rule,
             "p.yaml:4:12: error: issue 'Rent' " + rule, "p.yaml:7:10: error: to 'b/c' " + rule,
             "p.yaml:8:13: error: source 'S' " + rule, "p.yaml:11:10: error: via 'P' " + rule}),
      party_errors(R"(party: Landlord
positions:
  - id: rent plus
    issue: Rent
    kind: demand
    text: t
    to: [b/c]
    source: S
stances:
  - position: b/c
    via: P
    stance: agree
)"));
}

TEST(Loader, SaysThatViaTakesTheOwnPositionIdWithoutThePartyPrefix) {
  const std::string own =
      "error: 'via' takes the party's own position id without the 'PARTY/' "
      "prefix";
  EXPECT_EQ((Lines{"p.yaml:5:10: " + own + ": write 'via: equity-pension'",
                   "p.yaml:8:10: " + own + ", and 'spd/pension-level' is not a position of 'fdp'"}),
            party_errors(R"(party: fdp
stances:
  - position: spd/pension-level
    stance: reject
    via: fdp/equity-pension
  - position: gruene/citizens-fund
    stance: reject
    via: spd/pension-level
)"));
  // In the single-file form, the party is the `parties:` entry.
  EXPECT_EQ(Lines{"s.yaml:6:48: " + own + ": write 'via: equity-pension'"},
            scenario_errors(R"(format: 1
title: x
parties:
  - id: fdp
    stances:
      - {position: spd/p, stance: reject, via: fdp/equity-pension}
issues: []
)"));
  // With no party to compare, the id is still the one to write.
  EXPECT_EQ(
      (Lines{"p.yaml:1:1: error: the party file has no 'party'",
             "p.yaml:2:44: " + own + ": write 'via: equity-pension'"}),
      party_errors("stances:\n  - {position: spd/p, stance: reject, via: fdp/equity-pension}\n"));
  // What is not PARTY/POSITION keeps the rule for ids.
  EXPECT_EQ(
      Lines{"p.yaml:3:44: error: via 'fdp/' is not a valid id (use lowercase letters, "
            "digits and '-', starting with a letter or digit)"},
      party_errors("party: fdp\nstances:\n  - {position: spd/p, stance: reject, via: fdp/}\n"));
}

TEST(Loader, ReportsPriorityOutsideOneToFive) {
  EXPECT_EQ((Lines{"p.yaml:3:56: error: priority must be a whole number from 1 to 5, not '0'",
                   "p.yaml:4:56: error: priority must be a whole number from 1 to 5, not '6'",
                   "p.yaml:5:56: error: priority must be a whole number from 1 to 5, not '-1'"}),
            party_errors(R"(party: a
positions:
  - {id: p, issue: i, kind: demand, text: t, priority: 0}
  - {id: q, issue: i, kind: demand, text: t, priority: 6}
  - {id: r, issue: i, kind: demand, text: t, priority: -1}
)"));
}

TEST(Loader, ReportsPriorityThatIsNotAWholeNumber) {
  EXPECT_EQ(
      (Lines{"p.yaml:3:56: error: priority must be a whole number from 1 to 5, not '2.5'",
             "p.yaml:4:56: error: priority must be a whole number from 1 to 5, not 'high'",
             "p.yaml:5:56: error: priority must be a whole number from 1 to 5, not a list",
             "p.yaml:6:56: error: priority must be a whole number from 1 to 5, not '99999999999'",
             "p.yaml:7:56: error: priority must be a whole number from 1 to 5, not '+3'",
             "p.yaml:8:56: error: priority must be a whole number from 1 to 5, not the quoted "
             "text '4'"}),
      party_errors(R"(party: a
positions:
  - {id: p, issue: i, kind: demand, text: t, priority: 2.5}
  - {id: q, issue: i, kind: demand, text: t, priority: high}
  - {id: r, issue: i, kind: demand, text: t, priority: [3]}
  - {id: s, issue: i, kind: demand, text: t, priority: 99999999999}
  - {id: t, issue: i, kind: demand, text: t, priority: +3}
  - {id: u, issue: i, kind: demand, text: t, priority: "4"}
)"));
}

TEST(Loader, ReportsBadRedLine) {
  EXPECT_EQ((Lines{"p.yaml:3:56: error: red_line must be true or false, not 'yes'",
                   "p.yaml:4:56: error: red_line must be true or false, not '1'",
                   "p.yaml:5:56: error: red_line must be true or false, not the quoted text "
                   "'true'",
                   "p.yaml:6:56: error: red_line must be true or false, not a mapping"}),
            party_errors(R"(party: a
positions:
  - {id: p, issue: i, kind: demand, text: t, red_line: yes}
  - {id: q, issue: i, kind: demand, text: t, red_line: 1}
  - {id: r, issue: i, kind: demand, text: t, red_line: "true"}
  - {id: s, issue: i, kind: demand, text: t, red_line: {a: b}}
)"));
}

TEST(Loader, ReportsUnknownKind) {
  EXPECT_EQ((Lines{"p.yaml:3:29: error: unknown kind 'offer' (expected demand or concession)",
                   "p.yaml:4:29: error: unknown kind 'Demand' (expected demand or concession)",
                   "p.yaml:5:29: error: kind must be text, not a list"}),
            party_errors(R"(party: a
positions:
  - {id: p, issue: i, kind: offer, text: t}
  - {id: q, issue: i, kind: Demand, text: t}
  - {id: r, issue: i, kind: [demand], text: t}
)"));
}

TEST(Loader, ReportsUnknownStanceWithColumn) {
  EXPECT_EQ(
      (Lines{"p.yaml:4:13: error: unknown stance 'maybe' (expected agree, reject or consider)",
             "p.yaml:6:13: error: unknown stance 'silent' (expected agree, reject or consider)",
             "p.yaml:8:13: error: stance must be text, not a list"}),
      party_errors(R"(party: a
stances:
  - position: b/x
    stance: maybe
  - position: b/y
    stance: silent
  - position: b/z
    stance: [agree]
)"));
}

TEST(Loader, ReportsBadDates) {
  EXPECT_EQ((Lines{"s.yaml:3:7: error: date '2026-02-30' is not a date (expected YYYY-MM-DD)",
                   "s.yaml:8:11: error: date '2026-2-3' is not a date (expected YYYY-MM-DD)",
                   "s.yaml:10:11: error: date '2023-02-29' is not a date (expected YYYY-MM-DD)",
                   "s.yaml:12:11: error: date '1900-02-29' is not a date (expected YYYY-MM-DD)",
                   "s.yaml:14:11: error: date '2026-13-01' is not a date (expected YYYY-MM-DD)",
                   "s.yaml:16:11: error: date '2026-03-01T10:00' is not a date (expected "
                   "YYYY-MM-DD)",
                   "s.yaml:18:11: error: date '+026-03-01' is not a date (expected YYYY-MM-DD)",
                   "s.yaml:20:11: error: date must be text, not a list",
                   "s.yaml:22:11: error: date '-001-03-01' is not a date (expected YYYY-MM-DD)"}),
            scenario_errors(R"(format: 1
title: x
date: 2026-02-30
parties: []
issues: []
sources:
  - id: a
    date: 2026-2-3
  - id: b
    date: 2023-02-29
  - id: c
    date: 1900-02-29
  - id: d
    date: 2026-13-01
  - id: e
    date: 2026-03-01T10:00
  - id: f
    date: +026-03-01
  - id: g
    date: [2026-03-01]
  - id: h
    date: -001-03-01
)"));
}

TEST(Loader, ReportsBadPositionReferences) {
  const std::string expected = "is not a position reference (expected PARTY/POSITION)";
  EXPECT_EQ((Lines{"p.yaml:3:15: error: position 'rent-freeze' " + expected,
                   "p.yaml:5:15: error: position 'tenant/Rent' " + expected,
                   "p.yaml:7:15: error: position 'a/b/c' " + expected,
                   "p.yaml:9:15: error: position '/x' " + expected,
                   "p.yaml:12:16: error: agree_if 'tenant/' " + expected,
                   "p.yaml:12:25: error: agree_if 'x' " + expected,
                   "p.yaml:15:15: error: agree_if must be a list, not a scalar"}),
            party_errors(R"(party: a
stances:
  - position: rent-freeze
    stance: agree
  - position: tenant/Rent
    stance: agree
  - position: a/b/c
    stance: agree
  - position: /x
    stance: agree
  - position: b/ok
    agree_if: [tenant/, x, b/fine]
    stance: consider
  - position: b/ok2
    agree_if: b/c
    stance: consider
)"));
}

TEST(Loader, ReportsEmptyAudience) {
  EXPECT_EQ(Lines{"p.yaml:7:9: error: 'to' is empty: name at least one party, or leave 'to' out "
                  "to address all"},
            party_errors(R"(party: a
positions:
  - id: p
    issue: i
    kind: demand
    text: t
    to: []
)"));
}

TEST(Loader, ReportsAudienceThatIsNotAList) {
  EXPECT_EQ(Lines{"p.yaml:7:9: error: to must be a list, not a scalar"}, party_errors(R"(party: a
positions:
  - id: p
    issue: i
    kind: demand
    text: t
    to: b
)"));
}

TEST(Loader, TreatsAudienceGivenAsNothingAsEveryOtherParty) {
  const Scenario s = parse_ok(R"(format: 1
title: x
parties:
  - id: a
    positions:
      - id: p
        issue: i
        kind: demand
        text: t
        to:
issues: []
)");
  ASSERT_EQ(1u, s.positions.size());
  EXPECT_TRUE(s.positions[0].to.empty());
}

TEST(Loader, ReportsMissingFormat) {
  EXPECT_EQ(Lines{"s.yaml:1:1: error: missing 'format' (add 'format: 1' at the top)"},
            scenario_errors("title: x\nparties: []\nissues: []\n"));
  // `format:` with nothing after it counts as missing, like every other key.
  EXPECT_EQ(Lines{"s.yaml:1:1: error: missing 'format' (add 'format: 1' at the top)"},
            scenario_errors("format:\ntitle: x\nparties: []\nissues: []\n"));
}

TEST(Loader, ReportsUnsupportedFormat) {
  const auto errors = [](std::string_view format) {
    return scenario_errors("format: " + std::string(format) +
                           "\ntitle: x\nparties: []\n"
                           "issues: []\n");
  };
  EXPECT_EQ(Lines{"s.yaml:1:9: error: unsupported format '2' (this version of entente reads "
                  "format 1)"},
            errors("2"));
  EXPECT_EQ(Lines{"s.yaml:1:9: error: unsupported format '1.0' (this version of entente reads "
                  "format 1)"},
            errors("1.0"));
  EXPECT_EQ(Lines{"s.yaml:1:9: error: unsupported format '2' (this version of entente reads "
                  "format 1)"},
            errors("\"2\""));
  EXPECT_EQ(Lines{"s.yaml:1:9: error: format must be the number 1, not a list"}, errors("[1]"));
}

TEST(Loader, RejectsQuotedFormatOneSayingWhy) {
  // "1" is text in YAML; any value but the number 1 is an error (docs/format.md section 1).
  EXPECT_EQ(Lines{"s.yaml:1:9: error: format must be the number 1, not the quoted text '1' "
                  "(remove the quotes)"},
            scenario_errors("format: \"1\"\ntitle: x\nparties: []\nissues: []\n"));
}

TEST(Loader, ReportsMissingScenarioKeys) {
  EXPECT_EQ((Lines{"s.yaml:1:1: error: the scenario has no 'title'",
                   "s.yaml:1:1: error: the scenario has no 'parties'",
                   "s.yaml:1:1: error: the scenario has no 'issues'"}),
            scenario_errors("format: 1\n"));
  // A key given as nothing counts as missing.
  EXPECT_EQ(Lines{"s.yaml:1:1: error: the scenario has no 'title'"},
            scenario_errors("format: 1\ntitle:\nparties: []\nissues: []\n"));
}

TEST(Loader, ReportsMissingKeysNamingTheItemById) {
  EXPECT_EQ((Lines{"p.yaml:3:5: error: position 'rent-freeze' has no 'issue'",
                   "p.yaml:3:5: error: position 'rent-freeze' has no 'kind'",
                   "p.yaml:3:5: error: position 'rent-freeze' has no 'text'",
                   "p.yaml:4:5: error: position has no 'id'",
                   "p.yaml:8:5: error: stance has no 'position'",
                   "p.yaml:9:5: error: stance has no 'stance'"}),
            party_errors(R"(party: a
positions:
  - id: rent-freeze
  - issue: rent
    kind: demand
    text: t
stances:
  - stance: agree
  - position: b/c
)"));
  EXPECT_EQ((Lines{"s.yaml:4:5: error: party has no 'id'", "s.yaml:6:5: error: issue has no 'id'",
                   "s.yaml:8:5: error: source has no 'id'"}),
            scenario_errors(R"(format: 1
title: x
parties:
  - name: A
issues:
  - title: Rent
sources:
  - title: Letter
)"));
  EXPECT_EQ(Lines{"p.yaml:1:1: error: the party file has no 'party'"},
            party_errors("positions: []\n"));
}

TEST(Loader, ReportsSeveralErrorsOfOneFileSorted) {
  EXPECT_EQ(
      (Lines{
          "s.yaml:1:1: error: the scenario has no 'issues'",
          "s.yaml:2:8: error: title must be text, not a list",
          "s.yaml:5:5: error: unknown key 'nam' in party 'a' (did you mean 'name'?)",
          "s.yaml:7:9: error: position 'p' has no 'text'",
          "s.yaml:9:15: error: unknown kind 'wish' (expected demand or concession)",
          "s.yaml:10:19: error: priority must be a whole number from 1 to 5, not '9'",
          "s.yaml:13:17: error: unknown stance 'maybe' (expected agree, reject or consider)",
          "s.yaml:14:17: error: source 'Letter' is not a valid id (use lowercase letters, digits "
          "and '-', starting with a letter or digit)",
      }),
      scenario_errors(R"(format: 1
title: [x]
parties:
  - id: a
    nam: A
    positions:
      - id: p
        issue: i
        kind: wish
        priority: 9
    stances:
      - position: b/c
        stance: maybe
        source: Letter
)"));
}

// --- Folder and single-file forms -----------------------------------------------------------

using test::TempDir;

constexpr std::string_view k_scenario = R"(format: 1
title: Lease renewal, 2026
date: 2026-03-01
parties:
  - id: tenant
    name: The tenant
  - id: landlord
    name: Landlord Ltd
issues:
  - id: rent
    title: Monthly rent
  - id: term
    title: Length of the lease
sources:
  - id: letter-2026-02
    title: Landlord's letter of 2 February
    date: 2026-02-02
    url: https://example.org/letter
)";

constexpr std::string_view k_landlord = R"(party: landlord
positions:
  - id: rent-plus-8
    issue: rent
    kind: demand
    text: Rent rises by 8 percent.
    priority: 4
    red_line: false
    to: [tenant]
    source: letter-2026-02
    quote: "an increase of 8%"
    note: Read from the letter
  - id: three-year-term
    issue: term
    kind: concession
    text: Offers a three-year term instead of one.
    priority: 2
stances:
  - position: tenant/rent-freeze
    stance: reject
    via: rent-plus-8
    note: Costs have risen.
    source: letter-2026-02
  - position: tenant/repairs-first
    stance: consider
    agree_if: [tenant/two-year-term]
)";

constexpr std::string_view k_tenant = R"(party: tenant
positions:
  - id: rent-freeze
    issue: rent
    kind: demand
    text: Rent stays as it is.
    red_line: true
  - id: repairs-first
    issue: term
    kind: demand
    text: Repairs before any new term.
  - id: two-year-term
    issue: term
    kind: concession
    text: Two years at most.
stances:
  - position: landlord/rent-plus-8
    stance: reject
    via: rent-freeze
  - position: landlord/three-year-term
    stance: consider
)";

constexpr std::string_view k_single_file = R"(format: 1
title: Lease renewal, 2026
date: 2026-03-01
parties:
  - id: tenant
    name: The tenant
    positions:
      - id: rent-freeze
        issue: rent
        kind: demand
        text: Rent stays as it is.
        red_line: true
      - id: repairs-first
        issue: term
        kind: demand
        text: Repairs before any new term.
      - id: two-year-term
        issue: term
        kind: concession
        text: Two years at most.
    stances:
      - position: landlord/rent-plus-8
        stance: reject
        via: rent-freeze
      - position: landlord/three-year-term
        stance: consider
  - id: landlord
    name: Landlord Ltd
    positions:
      - id: rent-plus-8
        issue: rent
        kind: demand
        text: Rent rises by 8 percent.
        priority: 4
        red_line: false
        to: [tenant]
        source: letter-2026-02
        quote: "an increase of 8%"
        note: Read from the letter
      - id: three-year-term
        issue: term
        kind: concession
        text: Offers a three-year term instead of one.
        priority: 2
    stances:
      - position: tenant/rent-freeze
        stance: reject
        via: rent-plus-8
        note: Costs have risen.
        source: letter-2026-02
      - position: tenant/repairs-first
        stance: consider
        agree_if: [tenant/two-year-term]
issues:
  - id: rent
    title: Monthly rent
  - id: term
    title: Length of the lease
sources:
  - id: letter-2026-02
    title: Landlord's letter of 2 February
    date: 2026-02-02
    url: https://example.org/letter
)";

TEST(Loader, SingleFileFormGivesTheSameScenarioAsFolderForm) {
  TempDir dir;
  dir.write("scenario.yaml", k_scenario);
  dir.write("landlord.yaml", k_landlord);
  dir.write("tenant.yaml", k_tenant);
  const fs::path single = dir.write("single.yml.txt", k_single_file);

  const auto folder = load_scenario(dir.path());
  ASSERT_TRUE(folder) << ::testing::PrintToString(formatted(folder.error()));
  const auto one_file = load_scenario(single);
  ASSERT_TRUE(one_file) << ::testing::PrintToString(formatted(one_file.error()));

  EXPECT_EQ(5u, folder->positions.size());
  EXPECT_EQ(4u, folder->stances.size());
  EXPECT_TRUE(folder->warnings.empty()) << ::testing::PrintToString(formatted(folder->warnings));
  EXPECT_TRUE(one_file->warnings.empty());
  const Scenario a = testing::without_places(*folder);
  const Scenario b = testing::without_places(*one_file);
  EXPECT_EQ(a.positions, b.positions);
  EXPECT_EQ(a.stances, b.stances);
  EXPECT_EQ(a, b);
}

// Past 20,000 positions and stances the party files' positions and stances are merged on two
// threads, one list each: both must still come in file order, each item whole.
TEST(Loader, LargeFolderMergesPositionsAndStancesInFileOrder) {
  constexpr int k_per_file = 7'000;
  TempDir dir;
  dir.write("scenario.yaml", R"(format: 1
title: Large
parties: [{id: a, name: A}, {id: b, name: B}, {id: c, name: C}]
issues: [{id: i, title: I}]
)");
  const std::vector<std::string> parties = {"a", "b", "c"};
  for (std::size_t f = 0; f < parties.size(); ++f) {
    const std::string& party = parties[f];
    const std::string& next = parties[(f + 1) % parties.size()];
    std::string yaml = fmt::format("party: {}\npositions:\n", party);
    for (int n = 0; n < k_per_file; ++n) {
      yaml += fmt::format("  - {{id: {}{}, issue: i, kind: demand, text: T{}}}\n", party, n, n);
    }
    yaml += "stances:\n";
    for (int n = 0; n < k_per_file; n += 7) {
      yaml += fmt::format("  - {{position: {}/{}{}, stance: agree}}\n", next, next, n);
    }
    dir.write(party + ".yaml", yaml);
  }
  const auto loaded = load_scenario(dir.path());
  ASSERT_TRUE(loaded) << ::testing::PrintToString(formatted(loaded.error()));
  ASSERT_EQ(3u * k_per_file, loaded->positions.size());
  ASSERT_EQ(3u * k_per_file / 7, loaded->stances.size());
  for (std::size_t k = 0; k < loaded->positions.size(); ++k) {
    const Position& p = loaded->positions[k];
    const std::string& party = parties[k / k_per_file];
    const auto n = k % k_per_file;
    ASSERT_EQ(fmt::format("{}/{}{}", party, party, n), p.ref());
    ASSERT_EQ(fmt::format("T{}", n), p.text);
    ASSERT_EQ((dir.path() / (party + ".yaml")).string(), p.where.file.view());
  }
  for (std::size_t k = 0; k < loaded->stances.size(); ++k) {
    const StanceDecl& st = loaded->stances[k];
    const std::size_t f = k / (k_per_file / 7);
    const std::string& next = parties[(f + 1) % parties.size()];
    ASSERT_EQ(parties[f], st.party);
    ASSERT_EQ(fmt::format("{}/{}{}", next, next, (k % (k_per_file / 7)) * 7), st.position.text());
  }
}

TEST(Loader, FolderFormLocatesItemsInTheirOwnFiles) {
  TempDir dir;
  dir.write("scenario.yaml", k_scenario);
  const fs::path landlord = dir.write("landlord.yaml", k_landlord);
  dir.write("tenant.yaml", k_tenant);
  const auto s = load_scenario(dir.path());
  ASSERT_TRUE(s);
  const auto raise = std::find_if(s->positions.begin(), s->positions.end(),
                                  [](const Position& p) { return p.id == "rent-plus-8"; });
  ASSERT_NE(s->positions.end(), raise);
  EXPECT_EQ((SourceLocation{landlord.string(), 3, 5}), raise->where);
  EXPECT_EQ((SourceLocation{(dir.path() / "scenario.yaml").string(), 5, 5}), s->parties[0].where);
}

TEST(Loader, ListsScenarioFileFirstThenYamlFilesByName) {
  TempDir dir;
  dir.write("scenario.yaml", k_scenario);
  dir.write("tenant.yaml", k_tenant);
  dir.write("b.yml", "");
  dir.write("a.yaml", "");
  dir.write("README.md", "");
  dir.write("notes.txt", "");
  const auto files = scenario_files(dir.path());
  ASSERT_TRUE(files);
  const std::vector<fs::path> expected{dir.path() / "scenario.yaml", dir.path() / "a.yaml",
                                       dir.path() / "b.yml", dir.path() / "tenant.yaml"};
  EXPECT_EQ(expected, *files);
}

TEST(Loader, ReportsNonexistentPath) {
  TempDir dir;
  const fs::path missing = dir.path() / "nothing-here";
  const auto s = load_scenario(missing);
  ASSERT_FALSE(s);
  EXPECT_EQ(Lines{missing.string() + ": error: no such file or folder"}, formatted(s.error()));
}

TEST(Loader, ReportsFolderWithoutScenarioFile) {
  TempDir dir;
  dir.write("tenant.yaml", k_tenant);
  const auto s = load_scenario(dir.path());
  ASSERT_FALSE(s);
  EXPECT_EQ(Lines{dir.path().string() + ": error: folder has no scenario.yaml (or scenario.json)"},
            formatted(s.error()));
}

constexpr std::string_view k_scenario_json =
    R"({"format": 1, "title": "Lease", "date": "2026-03-01",
 "parties": [{"id": "tenant"}, {"id": "landlord"}],
 "issues": [{"id": "rent"}]})";

TEST(Loader, ReadsAFolderOfJsonFilesWithScenarioJsonFirst) {
  TempDir dir;
  dir.write("scenario.json", k_scenario_json);
  dir.write("tenant.json", R"({"party": "tenant",
 "positions": [{"id": "freeze", "issue": "rent", "kind": "demand", "text": "No rise.",
                "priority": 5, "red_line": true}]})");
  dir.write("landlord.yaml",
            "party: landlord\nstances:\n  - position: tenant/freeze\n"
            "    stance: reject\n");
  const auto files = scenario_files(dir.path());
  ASSERT_TRUE(files);
  EXPECT_EQ((std::vector<fs::path>{dir.path() / "scenario.json", dir.path() / "landlord.yaml",
                                   dir.path() / "tenant.json"}),
            *files);
  const auto s = load_scenario(dir.path());
  ASSERT_TRUE(s) << formatted(s.error()).front();
  ASSERT_EQ(1u, s->positions.size());
  EXPECT_EQ(5, s->positions[0].priority);
  EXPECT_TRUE(s->positions[0].red_line);
  EXPECT_EQ((SourceLocation{(dir.path() / "tenant.json").string(), 2, 16}), s->positions[0].where);
  EXPECT_EQ("2026-03-01", s->date);
}

TEST(Loader, RefusesAFolderWithBothScenarioYamlAndScenarioJson) {
  TempDir dir;
  dir.write("scenario.yaml", k_scenario);
  dir.write("scenario.json", k_scenario_json);
  const auto s = load_scenario(dir.path());
  ASSERT_FALSE(s);
  EXPECT_EQ(Lines{dir.path().string() +
                  ": error: folder has both scenario.yaml and scenario.json; keep one"},
            formatted(s.error()));
}

TEST(Loader, NamesScenarioJsonAndJsonPartyFilesInAJsonFolder) {
  TempDir dir;
  dir.write("scenario.json", k_scenario_json);
  dir.write("tenant.json", R"({"party": "tennant"})");
  const auto s = load_scenario(dir.path());
  ASSERT_FALSE(s);
  EXPECT_EQ(Lines{(dir.path() / "tenant.json").string() +
                  ":1:11: error: unknown party 'tennant' (did you mean 'tenant'?); parties are "
                  "listed in scenario.json"},
            formatted(s.error()));
  dir.write("tenant.json", R"({"party": "tenant", "stances": [
  {"position": "landlord/rise", "stance": "reject"}]})");
  const auto missing = load_scenario(dir.path());
  ASSERT_FALSE(missing);
  EXPECT_NE(
      std::string::npos,
      formatted(missing.error()).front().find("expected landlord.json in the scenario folder"))
      << formatted(missing.error()).front();
}

TEST(Loader, ReadsJsonByTheFileNameAndYamlOtherwise) {
  constexpr std::string_view k_json = R"({"format": 1, "title": "T", "parties": [], "issues": []})";
  EXPECT_TRUE(parse_scenario(k_json, "s.json"));
  // The same text as YAML is a flow mapping, which YAML reads too; JSON's own errors show
  // which reader a file went to.
  EXPECT_EQ(Lines{"s.json:1:2: error: invalid JSON: expected a key in double quotes"},
            formatted(parse_scenario("{format: 1}", "s.json").error()));
  EXPECT_EQ(Lines{"s.json:1:12: error: format must be the number 1, not the quoted text '1' "
                  "(remove the quotes)"},
            formatted(parse_scenario(
                          R"({"format": "1", "title": "T", "parties": [], "issues": []})", "s.json")
                          .error()));
  EXPECT_EQ(Lines{"s.json: error: the file is empty (expected a scenario with 'format: 1')"},
            formatted(parse_scenario("\n", "s.json").error()));
}

TEST(Loader, ReadsStandardInputAsJsonWhenItStartsWithABrace) {
  const auto json = load_scenario_text(
      " \n{\"format\": 1, \"title\": \"T\", \"parties\": [], \"issues\": []}", "<stdin>");
  ASSERT_TRUE(json);
  EXPECT_EQ("T", json->title);
  EXPECT_EQ(Lines{"<stdin>:1:2: error: invalid JSON: expected a key in double quotes"},
            formatted(load_scenario_text("{format: 1}", "<stdin>").error()));
  EXPECT_TRUE(load_scenario_text("format: 1\ntitle: T\nparties: []\nissues: []\n", "<stdin>"));
}

TEST(Loader, AcceptsAJsonFileLongerThanTheYamlFlowLimit) {
  std::string json = R"({"format": 1, "title": "T", "parties": [], "issues": [)";
  for (int i = 0; i < 20'000; ++i) json += fmt::format(R"({{"id": "issue-{}"}}, )", i);
  json += R"({"id": "last"}]})";
  ASSERT_GT(json.size(), 256u << 10);
  const auto s = parse_scenario(json, "big.json");
  ASSERT_TRUE(s) << formatted(s.error()).front();
  EXPECT_EQ(20'001u, s->issues.size());
  const auto yaml = parse_scenario(json, "big.yaml");
  ASSERT_FALSE(yaml);
  EXPECT_NE(std::string::npos, formatted(yaml.error()).front().find("collection longer than"));
}

// Runs `load` on another thread and gives up after a few seconds, so that a loader that
// blocks on a FIFO fails the test instead of hanging the run.
std::optional<Expected<Scenario>> load_within_seconds(const fs::path& path) {
  std::packaged_task<Expected<Scenario>()> task([path] { return load_scenario(path); });
  auto result = task.get_future();
  std::thread(std::move(task)).detach();
  if (result.wait_for(std::chrono::seconds(5)) != std::future_status::ready) return std::nullopt;
  return result.get();
}

TEST(Loader, ReportsFifoGivenAsPartyFileWithoutBlocking) {
  TempDir dir;
  dir.write("scenario.yaml", k_scenario);
  const fs::path fifo = dir.path() / "tenant.yaml";
  ASSERT_EQ(0, ::mkfifo(fifo.c_str(), 0600));
  const auto s = load_within_seconds(dir.path());
  ASSERT_TRUE(s) << "load_scenario blocked on a FIFO";
  ASSERT_FALSE(*s);
  EXPECT_EQ(Lines{fifo.string() + ": error: not a regular file"}, formatted(s->error()));
}

TEST(Loader, ReportsFifoGivenAsScenarioWithoutBlocking) {
  TempDir dir;
  const fs::path fifo = dir.path() / "scenario.yaml";
  ASSERT_EQ(0, ::mkfifo(fifo.c_str(), 0600));
  for (const fs::path& path : {dir.path(), fifo}) {
    const auto s = load_within_seconds(path);
    ASSERT_TRUE(s) << "load_scenario blocked on a FIFO";
    ASSERT_FALSE(*s);
    EXPECT_EQ(Lines{fifo.string() + ": error: not a regular file"}, formatted(s->error()));
  }
}

TEST(Loader, ReportsFolderNamedLikeAPartyFile) {
  TempDir dir;
  dir.write("scenario.yaml", k_scenario);
  fs::create_directory(dir.path() / "tenant.yaml");
  const auto s = load_scenario(dir.path());
  ASSERT_FALSE(s);
  EXPECT_EQ(Lines{(dir.path() / "tenant.yaml").string() + ": error: not a regular file"},
            formatted(s.error()));
}

TEST(Loader, ReportsFolderNamedLikeTheScenarioFile) {
  TempDir dir;
  fs::create_directory(dir.path() / "scenario.yaml");
  const auto s = load_scenario(dir.path());
  ASSERT_FALSE(s);
  EXPECT_EQ(Lines{(dir.path() / "scenario.yaml").string() + ": error: not a regular file"},
            formatted(s.error()));
}

TEST(Loader, RejectsFileOverTheSizeLimit) {
  TempDir dir;
  const fs::path big = dir.write("scenario.yaml", k_scenario);
  const auto s = load_scenario(dir.path(), LoadOptions{.max_file_bytes = 100});
  ASSERT_FALSE(s);
  EXPECT_EQ(Lines{big.string() + ": error: file is larger than the limit of 100 bytes"},
            formatted(s.error()));
  // The caller says how to raise the limit (the CLI names its option).
  const auto hinted = load_scenario(
      dir.path(), LoadOptions{.max_file_bytes = 100, .max_file_bytes_hint = "raise it so"});
  ASSERT_FALSE(hinted);
  EXPECT_EQ(
      Lines{big.string() + ": error: file is larger than the limit of 100 bytes (raise it so)"},
      formatted(hinted.error()));
}

TEST(Loader, AcceptsFileOfExactlyTheSizeLimit) {
  TempDir dir;
  std::string text = "format: 1\ntitle: x\nparties: []\nissues: []\n";
  text += "#" + std::string(100 - text.size() - 2, 'x') + "\n";
  ASSERT_EQ(100u, text.size());
  const fs::path file = dir.write("s.yaml", text);
  const auto s = load_scenario(file, LoadOptions{.max_file_bytes = 100});
  EXPECT_TRUE(s);
}

TEST(Loader, ReportsPartyFileOfUnknownPartyWithSuggestion) {
  TempDir dir;
  dir.write("scenario.yaml", k_scenario);
  const fs::path file = dir.write("tenant.yaml", "party: tennant\n");
  const auto s = load_scenario(dir.path());
  ASSERT_FALSE(s);
  EXPECT_EQ(Lines{file.string() + ":1:8: error: unknown party 'tennant' (did you mean 'tenant'?); "
                                  "parties are listed in scenario.yaml"},
            formatted(s.error()));
}

TEST(Loader, ReportsTwoFilesForOneParty) {
  TempDir dir;
  dir.write("scenario.yaml", k_scenario);
  const fs::path first = dir.write("tenant.yaml", "party: tenant\n");
  const fs::path second = dir.write("tenant2.yaml", "party: tenant\n");
  const auto s = load_scenario(dir.path());
  ASSERT_FALSE(s);
  EXPECT_EQ(
      Lines{second.string() + ":1:8: error: party 'tenant' already has a file: " + first.string()},
      formatted(s.error()));
}

TEST(Loader, WarnsWhenFileNameDoesNotMatchPartyButStillLoads) {
  TempDir dir;
  dir.write("scenario.yaml", k_scenario);
  dir.write("tenant.yaml", k_tenant);
  const fs::path file = dir.write("the-landlord.yaml", k_landlord);
  const auto s = load_scenario(dir.path());
  ASSERT_TRUE(s) << ::testing::PrintToString(formatted(s.error()));
  EXPECT_EQ(Lines{file.string() +
                  ":1:8: warning: file name 'the-landlord.yaml' does not match party 'landlord'"},
            formatted(s->warnings));
  EXPECT_EQ(5u, s->positions.size());
}

TEST(Loader, ReportsErrorsOfEveryFileAtOnceSortedByFile) {
  TempDir dir;
  const fs::path scenario = dir.write("scenario.yaml", "format: 1\ntitle: x\nparties: []\n");
  const fs::path a = dir.write("a.yaml", "party: a\nstances:\n  - position: b/c\n    stance: no\n");
  const fs::path b = dir.write("b.yaml", "party: B\n");
  const auto s = load_scenario(dir.path());
  ASSERT_FALSE(s);
  EXPECT_EQ((Lines{a.string() + ":4:13: error: unknown stance 'no' (expected agree, reject or "
                                "consider)",
                   b.string() + ":1:8: error: party 'B' is not a valid id (use lowercase letters, "
                                "digits and '-', starting with a letter or digit)",
                   scenario.string() + ":1:1: error: the scenario has no 'issues'"}),
            formatted(s.error()));
}

TEST(Loader, ValidatesReferencesAcrossFiles) {
  TempDir dir;
  dir.write("scenario.yaml", k_scenario);
  const fs::path tenant = dir.write("tenant.yaml", R"(party: tenant
positions:
  - id: rent-freeze
    issue: rnet
    kind: demand
    text: t
)");
  const auto s = load_scenario(dir.path());
  ASSERT_FALSE(s);
  // landlord.yaml is missing too: a warning says what that does to tenant's position.
  EXPECT_EQ((Lines{(dir.path() / "scenario.yaml").string() +
                       ":7:5: warning: no file holds party 'landlord' (expected landlord.yaml in "
                       "the scenario folder), yet it is in the audience of the position without "
                       "'to': while it is silent, it cannot be agreed",
                   (dir.path() / "scenario.yaml").string() +
                       ":15:5: warning: source 'letter-2026-02' is not cited by any position or "
                       "stance; cite it with 'source: letter-2026-02' or in 'sources:' on what "
                       "it supports",
                   tenant.string() + ":4:12: error: unknown issue 'rnet' (did you mean 'rent'?)"}),
            formatted(s.error()));
}

TEST(Loader, ReportsAMissingPartyFileOnceWithTheCountOfItsReferences) {
  TempDir dir;
  const fs::path scenario = dir.write("scenario.yaml", R"(format: 1
title: Coalition
parties:
  - id: spd
  - id: gruene
  - id: fdp
issues:
  - id: budget
)");
  const fs::path spd = dir.write("spd.yaml", R"(party: spd
positions:
  - {id: invest, issue: budget, kind: demand, text: t}
stances:
  - {position: fdp/debt-brake, stance: reject}
  - {position: gruene/climate-fund, stance: agree}
)");
  // gruene has a file, with no positions: a reference to one of them is still named.
  dir.write("gruene.yaml", R"(party: gruene
stances:
  - {position: fdp/debt-brake, stance: consider, agree_if: [spd/invest]}
  - {position: fdp/no-tax-rise, stance: reject}
)");
  const auto s = load_scenario(dir.path());
  ASSERT_FALSE(s);
  EXPECT_EQ((Lines{scenario.string() +
                       ":6:5: error: no file holds party 'fdp' (expected fdp.yaml "
                       "in the scenario folder), yet 3 references name its "
                       "positions (the first at " +
                       (dir.path() / "gruene.yaml").string() + ":3:16)",
                   spd.string() + ":6:16: error: unknown position 'gruene/climate-fund'"}),
            formatted(s.error()));
}

TEST(Loader, KeepsWarningsOfLoadingWhenValidationFails) {
  TempDir dir;
  dir.write("scenario.yaml", "format: 1\ntitle: x\nparties: [{id: a}]\nissues: []\n");
  const fs::path file = dir.write("a-file.yaml",
                                  "party: a\npositions:\n"
                                  "  - {id: p, issue: i, kind: demand, text: t}\n");
  const auto s = load_scenario(dir.path());
  ASSERT_FALSE(s);
  EXPECT_EQ(
      (Lines{file.string() + ":1:8: warning: file name 'a-file.yaml' does not match party 'a'",
             file.string() + ":3:20: error: unknown issue 'i'"}),
      formatted(s.error()));
}

}  // namespace
}  // namespace entente
