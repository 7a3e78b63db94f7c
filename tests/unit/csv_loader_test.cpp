// parse_csv_scenario() and load_csv_scenario() (engine/src/loader/csv_loader.cpp): the CSV
// sheets of docs/csv.md into the model, and every error at its record and field.

#include <gtest/gtest.h>

#include <array>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "entente/csv_sheets.h"
#include "entente/loader.h"
#include "scenario_text.h"
#include "temp_dir.h"

namespace entente {
namespace {

// The sheets of a small valid scenario, in the order of k_csv_sheets; a test changes one.
struct Sheets {
  std::string scenario =
      "key,value\r\nformat,1\r\ntitle,\"Lease, 2026\"\r\ndate,2026-03-01\r\ndescription,\r\n";
  std::string parties = "id,name\r\ntenant,The tenant\r\nlandlord,\r\n";
  std::string issues = "id,title\r\nrent,Monthly rent\r\nterm,\r\n";
  std::string sources = "id,title,date,url\r\nletter,A letter,2026-02-02,https://x.org/l\r\n";
  std::string positions =
      "party,id,issue,kind,text,priority,red_line,to,sources,quote,note\r\n"
      "landlord,rent-plus-8,rent,demand,Rent rises by 8%.,4,true,tenant,letter,8%,\"'=not a "
      "formula\"\r\n"
      "tenant,rent-cap-3,rent,concession,,,,,,,\r\n"
      "tenant,two-years,term,demand,\"Two\nyears.\",,false,landlord,,,\r\n";
  std::string stances =
      "party,position,stance,via,agree_if,note,sources\r\n"
      "tenant,landlord/rent-plus-8,reject,rent-cap-3,,Too much.,letter\r\n"
      "landlord,tenant/rent-cap-3,consider,,tenant/two-years ; tenant/rent-cap-3,,\r\n";

  std::vector<CsvSheetText> texts() const {
    return {{"d/scenario.csv", scenario},   {"d/parties.csv", parties},
            {"d/issues.csv", issues},       {"d/sources.csv", sources},
            {"d/positions.csv", positions}, {"d/stances.csv", stances}};
  }
};

std::vector<std::string> formatted(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> lines;
  for (const Diagnostic& d : diagnostics) lines.push_back(format_diagnostic(d));
  return lines;
}

// The errors of sheets that must not load, as printed.
std::vector<std::string> errors_of(const Sheets& sheets) {
  const auto parsed = parse_csv_scenario(sheets.texts());
  EXPECT_FALSE(parsed.has_value());
  return parsed ? std::vector<std::string>{} : formatted(parsed.error());
}

Scenario loaded(const Sheets& sheets) {
  auto parsed = parse_csv_scenario(sheets.texts());
  if (!parsed) {
    ADD_FAILURE() << ::testing::PrintToString(formatted(parsed.error()));
    return {};
  }
  return std::move(*parsed);
}

TEST(CsvLoader, ReadsEveryKeyOfEverySheet) {
  const Scenario s = loaded(Sheets{});
  EXPECT_EQ(s.title, "Lease, 2026");
  EXPECT_EQ(s.date, "2026-03-01");
  EXPECT_EQ(s.description, "");
  ASSERT_EQ(s.parties.size(), 2u);
  EXPECT_EQ(s.parties[0].name, "The tenant");
  EXPECT_EQ(s.parties[1].name, "landlord");  // an empty cell: the key left out, the id
  EXPECT_EQ(s.issues[1].title, "term");
  ASSERT_EQ(s.sources.size(), 1u);
  EXPECT_EQ(s.sources[0].url, "https://x.org/l");
  ASSERT_EQ(s.positions.size(), 3u);
  const Position& p = s.positions[0];
  EXPECT_EQ(p.ref(), "landlord/rent-plus-8");
  EXPECT_EQ(p.priority, 4);
  EXPECT_TRUE(p.red_line);
  ASSERT_EQ(p.to.size(), 1u);
  EXPECT_EQ(p.to[0].id, "tenant");
  ASSERT_EQ(p.sources.size(), 1u);
  EXPECT_EQ(p.sources[0].id, "letter");
  EXPECT_EQ(p.quote, "8%");
  EXPECT_EQ(p.note, "=not a formula");  // the single quote of a neutralised cell is taken off
  EXPECT_EQ(s.positions[1].kind, PositionKind::concession);
  EXPECT_EQ(s.positions[1].text, "");  // a required text may be empty
  EXPECT_EQ(s.positions[1].priority, 3);
  EXPECT_EQ(s.positions[2].text, "Two\nyears.");
  ASSERT_EQ(s.stances.size(), 2u);
  EXPECT_EQ(s.stances[0].via->id, "rent-cap-3");
  EXPECT_EQ(s.stances[0].note, "Too much.");
  ASSERT_EQ(s.stances[1].agree_if.size(), 2u);
  EXPECT_EQ(s.stances[1].agree_if[1].id, "tenant/rent-cap-3");
  EXPECT_EQ(s.stances[1].stance, Stance::consider);
}

TEST(CsvLoader, PlacesItemsAtTheirRecordsLineAndTheFieldThatNamesThem) {
  const Scenario s = loaded(Sheets{});
  EXPECT_EQ(s.positions[0].where, (SourceLocation{"d/positions.csv", 2, 2}));
  EXPECT_EQ(s.positions[0].issue.where, (SourceLocation{"d/positions.csv", 2, 3}));
  EXPECT_EQ(s.positions[2].where.line, 4);
  EXPECT_EQ(s.stances[1].agree_if[0].where, (SourceLocation{"d/stances.csv", 3, 5}));
}

TEST(CsvLoader, TakesColumnsInAnyOrderAndLeavesOutOptionalOnes) {
  Sheets sheets;
  sheets.parties = "name,id\r\nThe tenant,tenant\r\nLandlord Ltd,landlord\r\n";
  sheets.positions =
      "text,kind,issue,id,party\r\nRent rises.,demand,rent,rent-plus-8,landlord\r\n"
      "No rise.,demand,rent,rent-cap-3,tenant\r\nTwo years.,demand,term,two-years,tenant\r\n";
  sheets.stances = "stance,position,party\r\nreject,landlord/rent-plus-8,tenant\r\n";
  sheets.sources = "id\r\n";
  const Scenario s = loaded(sheets);
  EXPECT_EQ(s.parties[1].name, "Landlord Ltd");
  EXPECT_EQ(s.positions[0].text, "Rent rises.");
  EXPECT_TRUE(s.positions[0].to.empty());
  EXPECT_EQ(s.stances[0].stance, Stance::reject);
}

TEST(CsvLoader, ReportsBadCellsAtTheirLineAndField) {
  Sheets sheets;
  sheets.stances =
      "party,position,stance,via,agree_if,note,sources\r\n"
      "tenant,landlord/rent-plus-8,rejct,,,,\r\n"
      "tenant,landlord/rent-plus-8,reject,,,\"bad \xFF byte\",\r\n"
      "=cmd(),landlord/rent-plus-8,reject,,,,\r\n"
      "tenant,landlord/rent-plus-8\r\n"
      "tenant,tenant/x,agree,,a/b;;c/d,,\r\n";
  sheets.positions =
      "party,id,issue,kind,text,priority,red_line,to,sources,quote,note\r\n"
      "landlord,rent-plus-8,rent,demand,Rent.,9,yes,,,,\r\n";
  EXPECT_EQ(
      errors_of(sheets),
      (std::vector<std::string>{
          "d/positions.csv:2:6: error: priority must be a whole number from 1 to 5, not '9'",
          "d/positions.csv:2:7: error: red_line must be true or false, not 'yes'",
          "d/stances.csv:2:3: error: unknown stance 'rejct' (expected agree, reject or consider)",
          "d/stances.csv:3:6: error: invalid UTF-8 byte 0xFF; the sheet must be UTF-8 encoded",
          "d/stances.csv:4:1: error: '=cmd()' looks like a spreadsheet formula, not an id",
          "d/stances.csv:5:3: error: the record has 2 fields and the header 7",
          "d/stances.csv:6:5: error: agree_if '' is not a position reference (expected "
          "PARTY/POSITION)"}));
}

TEST(CsvLoader, ReportsControlCharactersAndANeutralisedFormulaInAnId) {
  Sheets sheets;
  sheets.issues = "id,title\r\nrent,\"a\rb\"\r\n'+term,\r\n";
  EXPECT_EQ(errors_of(sheets),
            (std::vector<std::string>{
                "d/issues.csv:2:2: error: control character U+000D is not allowed",
                "d/issues.csv:3:1: error: '+term' looks like a spreadsheet formula, not an id"}));
}

TEST(CsvLoader, ReportsHeadersWithAMissingAnUnknownOrARepeatedColumn) {
  Sheets sheets;
  sheets.stances = "party,position,stnace,note,note\r\ntenant,landlord/rent-plus-8,x,,\r\n";
  EXPECT_EQ(errors_of(sheets),
            (std::vector<std::string>{
                "d/stances.csv:1:1: error: missing column 'stance' (the columns are "
                "party,position,stance,via,agree_if,priority,quote,note,sources)",
                "d/stances.csv:1:3: error: unknown column 'stnace' (did you mean 'stance'?) (the "
                "columns are party,position,stance,via,agree_if,priority,quote,note,sources)",
                "d/stances.csv:1:5: error: column 'note' is given twice (first as field 4)"}));
}

TEST(CsvLoader, ReportsAnEmptySheetAndASyntaxError) {
  Sheets sheets;
  sheets.sources = "";
  sheets.issues = "id,title\r\nrent,\"open\r\n";
  EXPECT_EQ(errors_of(sheets),
            (std::vector<std::string>{
                "d/issues.csv:2:2: error: a quoted field is not closed before the end of the file",
                "d/sources.csv: error: the sheet is empty (expected a header row: "
                "id,title,date,url)"}));
}

TEST(CsvLoader, ReportsTheScenarioSheetsUnknownRepeatedAndMissingKeys) {
  Sheets sheets;
  sheets.scenario = "key,value\r\ntitel,X\r\ntitle,A\r\ntitle,B\r\ndate,2026-02-30\r\n";
  EXPECT_EQ(errors_of(sheets),
            (std::vector<std::string>{
                "d/scenario.csv:1:1: error: missing key 'format' (add the row: format,1)",
                "d/scenario.csv:2:1: error: unknown key 'titel' (did you mean 'title'?) (the keys "
                "are format, title, date and description)",
                "d/scenario.csv:4:1: error: key 'title' is given twice (first on line 3)",
                "d/scenario.csv:5:2: error: date '2026-02-30' is not a date (expected "
                "YYYY-MM-DD)"}));
  sheets.scenario = "key,value\r\nformat,2\r\n";
  EXPECT_EQ(errors_of(sheets),
            (std::vector<std::string>{
                "d/scenario.csv:1:1: error: the scenario has no 'title'",
                "d/scenario.csv:2:2: error: unsupported format '2' (this version of entente "
                "reads format 1)"}));
}

TEST(CsvLoader, ReportsUnknownPartiesAndValidatesTheScenario) {
  Sheets sheets;
  sheets.positions +=
      "tenent,x,rent,demand,X.,,,,,,\r\n"
      "tenant,rent-cap-3,rnet,demand,Again.,,,,,,\r\n";
  sheets.stances += "landlord,tenant/no-such,agree,,,,\r\n";
  EXPECT_EQ(
      errors_of(sheets),
      (std::vector<std::string>{
          "d/positions.csv:6:1: error: unknown party 'tenent' (did you mean 'tenant'?); parties "
          "are listed in parties.csv",
          "d/positions.csv:7:2: error: duplicate position id 'tenant/rent-cap-3' (first defined "
          "at d/positions.csv:3:2)",
          "d/positions.csv:7:3: error: unknown issue 'rnet' (did you mean 'rent'?)",
          "d/stances.csv:4:2: error: unknown position 'tenant/no-such'"}));
}

TEST(CsvLoader, PlacesEveryDiagnosticByFieldAndKeepsWarnings) {
  Sheets sheets;
  sheets.sources += "unused,Unused,,\r\n";
  const Scenario s = loaded(sheets);
  ASSERT_EQ(formatted(s.warnings),
            std::vector<std::string>{
                "d/sources.csv:3:1: warning: source 'unused' is not cited by any position or "
                "stance; cite it with 'source: unused' or in 'sources:' on what it supports"});
  EXPECT_TRUE(s.warnings[0].column_is_field);
  sheets.positions += "nobody,x,rent,demand,X.,,,,,,\r\n";
  const auto parsed = parse_csv_scenario(sheets.texts());
  ASSERT_FALSE(parsed);
  for (const Diagnostic& d : parsed.error()) EXPECT_TRUE(d.column_is_field) << d.message;
}

TEST(CsvLoader, GivesTheModelOfTheSameScenarioInYaml) {
  const Scenario csv = loaded(Sheets{});
  const Scenario yaml = testing::valid_scenario(R"(format: 1
title: "Lease, 2026"
date: 2026-03-01
parties:
  - id: tenant
    name: The tenant
    positions:
      - {id: rent-cap-3, issue: rent, kind: concession, text: ""}
      - {id: two-years, issue: term, kind: demand, text: "Two\nyears.", to: [landlord]}
    stances:
      - {position: landlord/rent-plus-8, stance: reject, via: rent-cap-3, note: Too much., source: letter}
  - id: landlord
    positions:
      - id: rent-plus-8
        issue: rent
        kind: demand
        text: Rent rises by 8%.
        priority: 4
        red_line: true
        to: [tenant]
        source: letter
        quote: 8%
        note: "=not a formula"
    stances:
      - {position: tenant/rent-cap-3, stance: consider, agree_if: [tenant/two-years, tenant/rent-cap-3]}
issues:
  - {id: rent, title: Monthly rent}
  - {id: term}
sources:
  - {id: letter, title: A letter, date: 2026-02-02, url: "https://x.org/l"}
)");
  EXPECT_EQ(testing::without_places(csv), testing::without_places(yaml));
}

TEST(CsvLoader, NeverCrashesOnAnyBytes) {
  // Random bytes, and random mixes of CSV's own characters, in each sheet in turn: every run
  // ends in a scenario or in errors, each of which is placed in a sheet.
  std::mt19937 random(19);
  const std::string_view alphabet = ",\"\r\n;'=ab-/\xFF\xC3\xA9 0123";
  for (int round = 0; round < 3000; ++round) {
    Sheets sheets;
    std::vector<CsvSheetText> texts = sheets.texts();
    std::string& text = texts[static_cast<std::size_t>(round) % texts.size()].text;
    if (round % 2 == 0) text.clear();
    const std::size_t length = random() % 64;
    for (std::size_t i = 0; i < length; ++i) {
      text +=
          round % 3 == 0 ? static_cast<char>(random() % 256) : alphabet[random() % alphabet.size()];
    }
    const auto parsed = parse_csv_scenario(texts);
    if (parsed) continue;
    for (const Diagnostic& d : parsed.error()) {
      EXPECT_FALSE(d.where.file.empty()) << d.message;
      EXPECT_EQ(d.severity, Severity::error);
    }
  }
}

TEST(CsvLoader, LoadsAFolderAndSaysWhichSheetIsMissing) {
  const test::TempDir dir;
  const Sheets sheets;
  const std::vector<CsvSheetText> texts = sheets.texts();
  for (std::size_t i = 0; i < k_csv_sheets.size(); ++i) {
    dir.write(std::string(k_csv_sheets[i].file), texts[i].text);
  }
  const auto scenario = load_csv_scenario(dir.path());
  ASSERT_TRUE(scenario) << ::testing::PrintToString(formatted(scenario.error()));
  EXPECT_EQ(scenario->positions.size(), 3u);
  std::filesystem::remove(dir.path() / "stances.csv");
  const auto missing = load_csv_scenario(dir.path());
  ASSERT_FALSE(missing);
  EXPECT_EQ(formatted(missing.error()),
            std::vector<std::string>{(dir.path() / "stances.csv").string() +
                                     ": error: cannot open: No such file or directory"});
  EXPECT_FALSE(load_csv_scenario(dir.path() / "nothing"));
  EXPECT_FALSE(load_csv_scenario(dir.path() / "scenario.csv"));
}

}  // namespace
}  // namespace entente
