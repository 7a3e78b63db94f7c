// In-process tests of the command line (tools/): exit codes, help, output files, colour.

#include "cli.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "commands/commands.h"
#include "diagnostics_printer.h"
#include "entente/reports/comparison.h"
#include "generate/scenario_generator.h"
#include "scoped_env.h"
#include "temp_dir.h"

namespace entente::cli {
namespace {

namespace fs = std::filesystem;

// Two parties, one issue: the smallest scenario with a stance (docs/format.md section 1).
constexpr std::string_view k_tiny = R"(format: 1
title: Tiny
parties:
  - id: buyer
    name: The buyer
    positions:
      - id: lower-price
        issue: price
        kind: demand
        text: The price drops by 10 percent.
  - id: seller
    name: The seller
    stances:
      - position: buyer/lower-price
        stance: consider
issues:
  - id: price
    title: Price
)";

// A stance by a party outside the position's audience: a warning, not an error (3.1).
constexpr std::string_view k_with_warning = R"(format: 1
title: Three
parties:
  - id: a
    name: A
    positions:
      - id: p
        issue: x
        kind: demand
        text: P.
        to: [b]
  - id: b
    name: B
  - id: c
    name: C
    stances:
      - position: a/p
        stance: reject
issues:
  - id: x
    title: X
)";

struct Result {
  int exit_code = -1;
  std::string out{};
  std::string err{};
};

Result run_cli(const std::vector<std::string>& args) {
  std::ostringstream out;
  std::ostringstream err;
  const int code = run(args, out, err);
  return {.exit_code = code, .out = out.str(), .err = err.str()};
}

using test::read_text;
using test::write_text;

std::vector<std::string> listing(const fs::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

using test::ScopedEnv;

class CliFiles : public testing::Test {
 protected:
  void SetUp() override {
    std::string name = (fs::temp_directory_path() / "entente-cli-test-XXXXXX").string();
    ASSERT_NE(::mkdtemp(name.data()), nullptr);
    dir_ = name;
  }
  void TearDown() override { fs::remove_all(dir_); }

  // The tiny scenario in the single-file form.
  std::string tiny_file(std::string_view text = k_tiny) {
    write_text(dir_ / "tiny.yaml", text);
    return (dir_ / "tiny.yaml").string();
  }

  // The tiny scenario in the folder form.
  std::string tiny_folder() {
    const fs::path folder = dir_ / "tiny";
    fs::create_directory(folder);
    write_text(folder / "scenario.yaml",
               "format: 1\ntitle: Tiny\nparties:\n  - id: buyer\n    name: The buyer\n"
               "  - id: seller\n    name: The seller\nissues:\n  - id: price\n    title: Price\n");
    write_text(folder / "buyer.yaml",
               "party: buyer\npositions:\n  - id: lower-price\n    issue: price\n"
               "    kind: demand\n    text: The price drops.\n");
    write_text(folder / "seller.yaml",
               "party: seller\nstances:\n  - position: buyer/lower-price\n    stance: reject\n");
    return folder.string();
  }

  fs::path dir_{};
};

TEST(Cli, VersionPrintsNameAndVersion) {
  const Result r = run_cli({"--version"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_TRUE(std::regex_match(r.out, std::regex{"entente [0-9]+\\.[0-9]+\\.[0-9]+\n"})) << r.out;
  EXPECT_EQ(r.err, "");
}

TEST(Cli, HelpListsSubcommandsAndExitCodes) {
  const Result r = run_cli({"--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("report"), std::string::npos);
  EXPECT_NE(r.out.find("check"), std::string::npos);
  EXPECT_NE(r.out.find("Exit codes: 0 ok, 1 bad input"), std::string::npos);
  EXPECT_EQ(r.err, "");
}

TEST(Cli, EverySubcommandHasHelp) {
  for (const std::string command : {"report", "check"}) {
    const Result r = run_cli({command, "--help"});
    EXPECT_EQ(r.exit_code, 0) << command;
    EXPECT_NE(r.out.find("Usage: entente " + command + " [OPTIONS] SCENARIO"), std::string::npos)
        << r.out;
  }
}

TEST(Cli, ReportHelpOffersWatch) {
  const Result r = run_cli({"report", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("--watch"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("until Ctrl-C"), std::string::npos) << r.out;
}

TEST(Cli, UsageErrorsExitWithTwo) {
  const std::vector<std::vector<std::string>> cases{{},
                                                    {"frobnicate"},
                                                    {"--bogus"},
                                                    {"report"},
                                                    {"check"},
                                                    {"report", "x", "--bogus"},
                                                    {"report", "x", "--format", "xml"},
                                                    {"report", "x", "-o"},
                                                    {"diff", "a", "b", "--format", "dot"},
                                                    {"whatif", "x", "--format", "dot"},
                                                    {"check", "a", "b"},
                                                    {"check", "x", "--watch"}};
  for (const auto& args : cases) {
    const Result r = run_cli(args);
    EXPECT_EQ(r.exit_code, 2) << testing::PrintToString(args);
    EXPECT_EQ(r.out, "");
    EXPECT_TRUE(r.err.starts_with("entente: error: ")) << r.err;
    EXPECT_NE(r.err.find("--help"), std::string::npos) << r.err;
  }
}

TEST(Cli, ArgumentsEchoedInErrorsCannotDriveTheTerminal) {
  const Result r = run_cli({"x\x1b[31my"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.find('\x1b'), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("'x\\x1b[31my'"), std::string::npos) << r.err;
}

TEST_F(CliFiles, MissingScenarioIsBadInputNamingThePath) {
  const std::string path = (dir_ / "nope").string();
  for (const std::string command : {"check", "report"}) {
    const Result r = run_cli({command, path});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.out, "");
    EXPECT_TRUE(r.err.starts_with(path + ": error: ")) << r.err;
  }
}

TEST_F(CliFiles, CheckPrintsASummaryOfAValidScenario) {
  const std::string path = tiny_file();
  const Result r = run_cli({"check", path});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, path + ": ok (2 parties, 1 issue, 1 position, 1 stance)\n");
  EXPECT_EQ(r.err, "");
}

TEST_F(CliFiles, HtmlReportOfAHugeGraphSaysWhyItHasNoPicture) {
  std::string yaml = "format: 1\ntitle: T\nparties:\n  - id: a\n    positions:\n";
  for (int i = 0; i < 1001; ++i) {
    yaml += fmt::format("      - {{id: p{}, issue: x, kind: demand, text: P}}\n", i);
  }
  yaml += "  - id: b\nissues:\n  - id: x\n";
  write_text(dir_ / "big.yaml", yaml);
  const fs::path out = dir_ / "big.html";
  const Result r =
      run_cli({"report", (dir_ / "big.yaml").string(), "--format", "html", "-o", out.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("no graph picture in the report: the graph has 1001 positions, more "
                       "than the 1000"),
            std::string::npos)
      << r.err;
  const std::string html = read_text(out);
  EXPECT_NE(html.find("the graph has 1001 positions"), std::string::npos);
  EXPECT_EQ(html.find("<svg"), std::string::npos);
}

TEST_F(CliFiles, CheckGivesTheSameSummaryForTheFolderForm) {
  const std::string path = tiny_folder();
  const Result r = run_cli({"check", path});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, path + ": ok (2 parties, 1 issue, 1 position, 1 stance)\n");
}

TEST_F(CliFiles, CheckOfABrokenScenarioPrintsErrorsWithTheSourceLine) {
  std::string text{k_tiny};
  text.replace(text.find("consider"), 8, "maybe");
  const std::string path = tiny_file(text);
  const Result r = run_cli({"check", path});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(r.err.starts_with(path + ":15:17: error: ")) << r.err;
  EXPECT_NE(r.err.find("\n            stance: maybe\n                    ^\n"), std::string::npos)
      << r.err;
  EXPECT_TRUE(r.err.ends_with("entente: 1 error\n")) << r.err;
}

TEST_F(CliFiles, WarningsArePrintedButDoNotFailTheRun) {
  const std::string path = tiny_file(k_with_warning);
  for (const std::string command : {"check", "report"}) {
    const Result r = run_cli({command, path});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find(": warning: "), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("entente: "), std::string::npos) << "no error count: " << r.err;
  }
}

TEST_F(CliFiles, ReportWritesTextOrJsonToStdout) {
  const std::string path = tiny_file();
  const Result text = run_cli({"report", path});
  EXPECT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("buyer/lower-price"), std::string::npos);
  EXPECT_EQ(text.err, "");
  const Result json = run_cli({"report", path, "--format", "json"});
  EXPECT_EQ(json.exit_code, 0) << json.err;
  EXPECT_TRUE(json.out.starts_with("{")) << json.out;
}

// The names of the stages in a --stats table, in order (and "whole run" last).
std::vector<std::string> stage_names(const std::string& err) {
  std::vector<std::string> names;
  const std::size_t table = err.find("entente: stats\n");
  if (table == std::string::npos) return names;
  std::istringstream lines(err.substr(table));
  std::string line;
  std::getline(lines, line);  // the title
  std::getline(lines, line);  // the column heads
  const std::regex row(R"(  (.+?) +[0-9]+\.[0-9] +[0-9]+\.[0-9] +[0-9]+\.[0-9]( peak)?)");
  std::smatch m;
  while (std::getline(lines, line) && std::regex_match(line, m, row)) names.push_back(m[1]);
  return names;
}

TEST_F(CliFiles, StatsListEachStageOnStandardErrorAndLeaveTheReportAlone) {
  const std::string path = tiny_folder();
  const Result plain = run_cli({"report", path, "--format", "json"});
  const Result timed = run_cli({"report", path, "--format", "json", "--stats"});
  EXPECT_EQ(timed.exit_code, 0) << timed.err;
  EXPECT_EQ(timed.out, plain.out);
  EXPECT_EQ(plain.err, "");
  EXPECT_EQ(stage_names(timed.err),
            (std::vector<std::string>{"read and parse files", "merge party files", "validate",
                                      "build graph", "analyse", "make report", "write output",
                                      "whole run"}))
      << timed.err;
  // Recording ends with the run that asked for it.
  EXPECT_EQ(run_cli({"check", path}).err, "");
}

TEST_F(CliFiles, StatsNameTheStagesEachCommandRuns) {
  const std::string path = tiny_folder();
  const Result check = run_cli({"check", path, "--stats"});
  EXPECT_EQ(check.exit_code, 0) << check.err;
  EXPECT_EQ(stage_names(check.err),
            (std::vector<std::string>{"read and parse files", "merge party files", "validate",
                                      "whole run"}))
      << check.err;
  // A what-if in text reads no report (only the title); in JSON it prints both.
  const Result whatif =
      run_cli({"whatif", path, "--set", "seller:buyer/lower-price=agree", "--stats"});
  EXPECT_EQ(whatif.exit_code, 0) << whatif.err;
  EXPECT_EQ(stage_names(whatif.err),
            (std::vector<std::string>{"read and parse files", "merge party files", "validate",
                                      "build graph", "analyse", "apply changes", "build graph",
                                      "analyse", "compare", "write output", "whole run"}))
      << whatif.err;
  const Result whatif_json = run_cli(
      {"whatif", path, "--set", "seller:buyer/lower-price=agree", "--format", "json", "--stats"});
  EXPECT_EQ(whatif_json.exit_code, 0) << whatif_json.err;
  EXPECT_EQ(stage_names(whatif_json.err),
            (std::vector<std::string>{"read and parse files", "merge party files", "validate",
                                      "build graph", "analyse", "apply changes", "build graph",
                                      "analyse", "compare", "make report", "make report",
                                      "write output", "whole run"}))
      << whatif_json.err;
  // A scenario that does not load still shows the stages it went through.
  write_text(fs::path(path) / "seller.yaml", "party: seller\nstances: [\n");
  const Result broken = run_cli({"report", path, "--stats"});
  EXPECT_EQ(broken.exit_code, 1);
  EXPECT_EQ(stage_names(broken.err),
            (std::vector<std::string>{"read and parse files", "whole run"}))
      << broken.err;
}

TEST_F(CliFiles, StatsNameTheStagesOfExportAndImport) {
  const std::string sheets = (dir_ / "sheets").string();
  const Result exported = run_cli({"export", "csv", tiny_folder(), "-o", sheets, "--stats"});
  EXPECT_EQ(exported.exit_code, 0) << exported.err;
  EXPECT_EQ(stage_names(exported.err),
            (std::vector<std::string>{"read and parse files", "merge party files", "validate",
                                      "write output", "whole run"}))
      << exported.err;
  const Result imported = run_cli({"import", "csv", sheets, "--stats"});
  EXPECT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_EQ(stage_names(imported.err),
            (std::vector<std::string>{"read files", "parse sheets", "validate", "write output",
                                      "whole run"}))
      << imported.err;
}

TEST_F(CliFiles, ImportedSheetsLoadAsTheScenarioTheyWereExportedFrom) {
  const std::string sheets = (dir_ / "sheets").string();
  const std::string yaml = (dir_ / "back.yaml").string();
  ASSERT_EQ(run_cli({"export", "csv", tiny_folder(), "-o", sheets}).exit_code, 0);
  const Result imported = run_cli({"import", "csv", sheets, "-o", yaml});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_EQ(imported.out, "");
  EXPECT_EQ(run_cli({"report", yaml, "--format", "json"}).out,
            run_cli({"report", tiny_folder(), "--format", "json"}).out);
}

TEST_F(CliFiles, ImportRefusesToWriteYamlIntoAJsonFile) {
  const std::string sheets = (dir_ / "sheets").string();
  const std::string json = (dir_ / "back.json").string();
  ASSERT_EQ(run_cli({"export", "csv", tiny_folder(), "-o", sheets}).exit_code, 0);
  const Result imported = run_cli({"import", "csv", sheets, "-o", json});
  EXPECT_EQ(imported.exit_code, 2);
  EXPECT_NE(imported.err.find("would be read as JSON: name it .yaml"), std::string::npos)
      << imported.err;
  EXPECT_FALSE(fs::exists(json));
}

// Past 20,000 positions and stances, whatif makes the baseline's report and the changed
// scenario's at once: its answer must be the one made one step after the other.
TEST_F(CliFiles, WhatIfOnALargeScenarioAnswersAsOneStepAfterTheOther) {
  generate::GeneratorOptions options;
  options.parties = 20;
  options.issues = 10;
  options.positions_per_party = 700;
  const generate::GeneratedScenario generated = generate::generate_scenario(options);
  ASSERT_GE(generated.positions + generated.stances, 20'000u);
  const fs::path folder = dir_ / "large";
  fs::create_directory(folder);
  for (const generate::GeneratedFile& file : generated.files) {
    write_text(folder / file.name, file.text);
  }
  const Expected<Scenario> baseline = load_scenario(folder, {});
  ASSERT_TRUE(baseline);
  const StanceDecl& stance = baseline->stances.front();
  const std::string argument = stance.party.str() + ":" + stance.position.text() +
                               (stance.stance == Stance::agree ? "=reject" : "=agree");
  Expected<Change> change = parse_change(ChangeKind::set, argument);
  ASSERT_TRUE(change);
  change->label = "--set " + argument;  // as the CLI shows it
  const Expected<Scenario> changed = apply_changes(*baseline, {&*change, 1});
  ASSERT_TRUE(changed);
  const Analysis before_analysis = analysis_of(*baseline);
  const Analysis after_analysis = analysis_of(*changed);
  const Comparison comparison = compare({*baseline, before_analysis}, {*changed, after_analysis});
  const reports::StreamedReport before(*baseline, before_analysis);
  const reports::StreamedReport after(*changed, after_analysis);
  std::ostringstream expected;
  reports::write_comparison({.items = {change->label}}, before, after, comparison,
                            reports::Format::json, expected);
  const Result r = run_cli({"whatif", folder.string(), "--set", argument, "--format", "json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out == expected.str()) << "the answers differ";
  EXPECT_NE(r.out.find("\"changes\""), std::string::npos);
}

TEST_F(CliFiles, ReportToAFileWritesExactlyStdoutsReportAndNoTempFile) {
  const std::string path = tiny_file();
  const Result r =
      run_cli({"report", path, "--format", "json", "-o", (dir_ / "out.json").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(read_text(dir_ / "out.json"), run_cli({"report", path, "--format", "json"}).out);
  EXPECT_EQ(listing(dir_), (std::vector<std::string>{"out.json", "tiny.yaml"}));
}

TEST_F(CliFiles, ReportReplacesAnExistingFileKeepingItsMode) {
  const std::string path = tiny_file();
  const fs::path out = dir_ / "out.txt";
  write_text(out, "old");
  ASSERT_EQ(::chmod(out.c_str(), 0640), 0);
  EXPECT_EQ(run_cli({"report", path, "-o", out.string()}).exit_code, 0);
  EXPECT_EQ(read_text(out), run_cli({"report", path}).out);
  struct stat st {};
  ASSERT_EQ(::stat(out.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0640u);
}

TEST_F(CliFiles, ReportRefusesToOverwriteAnInputFile) {
  const std::string file = tiny_file();
  const std::string folder = tiny_folder();
  const std::string roundabout = folder + "/../tiny/./buyer.yaml";
  for (const auto& [scenario, output] : std::vector<std::pair<std::string, std::string>>{
           {file, file}, {folder, folder + "/scenario.yaml"}, {folder, roundabout}}) {
    const std::string before = read_text(output);
    const Result r = run_cli({"report", scenario, "-o", output});
    EXPECT_EQ(r.exit_code, 1) << output;
    EXPECT_NE(r.err.find("an input file of the scenario"), std::string::npos) << r.err;
    EXPECT_EQ(read_text(output), before);
  }
  EXPECT_EQ(listing(folder),
            (std::vector<std::string>{"buyer.yaml", "scenario.yaml", "seller.yaml"}));
}

TEST_F(CliFiles, ReportRefusesANewYamlFileInTheScenarioFolder) {
  const std::string folder = tiny_folder();
  const Result r = run_cli({"report", folder, "-o", folder + "/report.yaml"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("would be read as a party file"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(folder + "/report.yaml"));
}

TEST_F(CliFiles, ReportRefusesAJsonReportInTheScenarioFolder) {
  // A .json file in the folder is a party file (docs/format.md 1, "JSON input").
  const std::string folder = tiny_folder();
  const Result r = run_cli({"report", folder, "--format", "json", "-o", folder + "/report.json"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("would be read as a party file"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(folder + "/report.json"));
}

TEST_F(CliFiles, AFailedReportLeavesTheOutputFileUntouched) {
  const std::string path = tiny_file("format: 2\n");
  write_text(dir_ / "out.txt", "old");
  const Result r = run_cli({"report", path, "-o", (dir_ / "out.txt").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(read_text(dir_ / "out.txt"), "old");
  EXPECT_EQ(listing(dir_), (std::vector<std::string>{"out.txt", "tiny.yaml"}));
}

TEST_F(CliFiles, AnUnwritableOutputIsBadInputAndLeavesNoTempFile) {
  const std::string path = tiny_file();
  const Result missing = run_cli({"report", path, "-o", (dir_ / "no/such/out.txt").string()});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("cannot create a temporary file"), std::string::npos) << missing.err;
  fs::create_directory(dir_ / "folder");
  const Result folder = run_cli({"report", path, "-o", (dir_ / "folder").string()});
  EXPECT_EQ(folder.exit_code, 1);
  EXPECT_NE(folder.err.find("cannot write"), std::string::npos) << folder.err;
  EXPECT_EQ(listing(dir_), (std::vector<std::string>{"folder", "tiny.yaml"}));
}

TEST_F(CliFiles, StringStreamsNeverGetColour) {
  const ScopedEnv color{"NO_COLOR", nullptr};
  std::string broken{k_tiny};
  broken.replace(broken.find("consider"), 8, "maybe");
  for (const std::string& path : {tiny_file(k_with_warning), tiny_file(broken)}) {
    const Result r = run_cli({"report", path});
    EXPECT_EQ(r.out.find('\x1b'), std::string::npos);
    EXPECT_EQ(r.err.find('\x1b'), std::string::npos);
  }
}

TEST_F(CliFiles, ATerminalGetsColourUnlessNoColorIsSet) {
  const std::string path = tiny_file();
  std::ostringstream out;
  std::ostringstream err;
  const Io plain{.out = out, .err = err, .out_is_terminal = true, .no_color = true};
  EXPECT_EQ(run_report({.scenario = path}, plain), ExitCode::ok);
  EXPECT_EQ(out.str().find('\x1b'), std::string::npos);
  out.str("");
  const Io terminal{.out = out, .err = err, .out_is_terminal = true};
  EXPECT_EQ(run_report({.scenario = path}, terminal), ExitCode::ok);
  EXPECT_NE(out.str().find('\x1b'), std::string::npos);
}

TEST(Cli, NoColorCountsOnlyWhenNotEmpty) {
  std::ostringstream out;
  {
    const ScopedEnv env{"NO_COLOR", "1"};
    EXPECT_TRUE(make_io(out, out).no_color);
  }
  {
    const ScopedEnv env{"NO_COLOR", ""};
    EXPECT_FALSE(make_io(out, out).no_color);
  }
  {
    const ScopedEnv env{"NO_COLOR", nullptr};
    EXPECT_FALSE(make_io(out, out).no_color);
  }
  EXPECT_FALSE(make_io(out, out).out_is_terminal);
  EXPECT_FALSE(make_io(out, out).err_is_terminal);
}

TEST_F(CliFiles, PrinterShowsTheLineAndCaretAndCounts) {
  write_text(dir_ / "a.yaml", "one: 1\ntwo: 2\nthree: 3\n");
  const std::string file = (dir_ / "a.yaml").string();
  const std::vector<Diagnostic> diagnostics{{.where = {.file = file, .line = 2, .column = 6},
                                             .severity = Severity::error,
                                             .message = "bad"},
                                            {.where = {.file = file, .line = 3, .column = 1},
                                             .severity = Severity::warning,
                                             .message = "odd"},
                                            {.where = {.file = file, .line = 9, .column = 1},
                                             .severity = Severity::error,
                                             .message = "past"}};
  std::ostringstream err;
  print_diagnostics(diagnostics, err);
  EXPECT_EQ(err.str(), file + ":2:6: error: bad\n    two: 2\n         ^\n" +     //
                           file + ":3:1: warning: odd\n    three: 3\n    ^\n" +  //
                           file + ":9:1: error: past\n" + "entente: 2 errors, 1 warning\n");
}

TEST(Cli, PrinterSkipsTheExcerptOfAnUnreadableFileAndColoursOnRequest) {
  const std::vector<Diagnostic> diagnostics{
      {.where = {.file = "/nonexistent/x.yaml", .line = 1, .column = 1}, .message = "gone"}};
  std::ostringstream plain;
  print_diagnostics(diagnostics, plain);
  EXPECT_EQ(plain.str(), "/nonexistent/x.yaml:1:1: error: gone\nentente: 1 error\n");
  std::ostringstream color;
  print_diagnostics(diagnostics, color, {.color = true});
  EXPECT_NE(color.str().find("\x1b[1;31merror:"), std::string::npos) << color.str();
}

// Watching needs something to watch; the loop itself is tested by tests/watch/watch_report.sh.
TEST_F(CliFiles, WatchRefusesAScenarioThatDoesNotExist) {
  const std::string missing = (dir_ / "missing").string();
  const Result r = run_cli({"report", "--watch", missing});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "entente: error: cannot watch '" + missing + "': No such file or directory\n");
}

}  // namespace
}  // namespace entente::cli
