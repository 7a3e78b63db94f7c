// `entente export csv SCENARIO -o DIR [--force]`: a scenario as CSV sheets for a spreadsheet
// (docs/csv.md), written by the reports into a folder that appears whole or not at all.

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <system_error>

#include <fmt/format.h>

#include "commands/commands.h"
#include "diagnostics_printer.h"
#include "entente/csv_sheets.h"
#include "entente/reports/scenario.h"
#include "support/files.h"

namespace entente::cli {
namespace {

namespace fs = std::filesystem;

std::string error_text() { return std::generic_category().message(errno); }

// Whether `inner` is `outer` or inside it, by their canonical paths.
bool within(const fs::path& inner, const fs::path& outer) {
  std::error_code ec;
  const fs::path a = fs::weakly_canonical(inner, ec);
  if (ec) return false;
  const fs::path b = fs::weakly_canonical(outer, ec);
  if (ec) return false;
  const auto [end, _] = std::mismatch(b.begin(), b.end(), a.begin(), a.end());
  return end == b.end();
}

// Why the folder `output` may not become the export, if it may not: it is a file, it holds
// something and --force was not given, or it holds the scenario's own files.
std::optional<std::string> output_folder_problem(const ExportOptions& options) {
  const fs::path output = options.output;
  std::error_code ec;
  const auto status = fs::symlink_status(output, ec);
  if (ec || !fs::exists(status)) return std::nullopt;
  if (!fs::is_directory(status)) {
    return fmt::format("'{}' exists and is not a folder", options.output);
  }
  if (fs::is_empty(output, ec) && !ec) return std::nullopt;
  if (!options.force) {
    return fmt::format("refusing to replace '{}', a folder that is not empty (--force replaces it)",
                       options.output);
  }
  if (const auto inputs = scenario_files(options.scenario)) {
    for (const fs::path& input : *inputs) {
      if (within(input, output)) {
        return fmt::format("refusing to replace '{}': it holds the scenario's file '{}'",
                           options.output, input.string());
      }
    }
  }
  return std::nullopt;
}

// Writes every sheet into a temporary folder beside `options.output`, then puts it in place.
std::optional<std::string> write_sheets(const Scenario& scenario, const ExportOptions& options) {
  AtomicFolder folder(options.output);
  if (!folder.created()) {
    return fmt::format("cannot create a temporary folder next to '{}': {}", options.output,
                       error_text());
  }
  for (const CsvSheetInfo& sheet : k_csv_sheets) {
    std::ostringstream text;
    reports::write_csv_sheet(scenario, sheet.sheet, text);
    if (!folder.write_file(sheet.file, text.view())) {
      return fmt::format("cannot write '{}' of '{}': {}", sheet.file, options.output, error_text());
    }
  }
  if (!folder.commit(options.force, true)) {
    return fmt::format("cannot put the folder '{}' in place: {}", options.output, error_text());
  }
  return std::nullopt;
}

}  // namespace

CLI::App* setup_export(CLI::App& app, ExportOptions& options) {
  CLI::App* sub = app.add_subcommand(
      "export", "Write a scenario as CSV sheets for a spreadsheet, one file per kind of item");
  add_exchange_format_argument(*sub, options.format, "The format to write: csv");
  add_scenario_argument(*sub, options.scenario);
  sub->add_option("-o,--output", options.output,
                  "The folder to write (made whole beside it, then put in place)")
      ->required()
      ->check([](const std::string& folder) { return folder.empty() ? "DIR is empty" : ""; })
      ->type_name("DIR");
  sub->add_flag("--force", options.force, "Replace DIR when it is a folder that is not empty");
  sub->footer([] {
    return "Writes scenario.csv (format, title, date, description), parties.csv, issues.csv,\n"
           "sources.csv, positions.csv and stances.csv: every key of the format, lists as\n"
           "';'-separated cells (docs/csv.md). 'entente import csv' reads them back.\n"
           "Example: entente export csv positions/lease-renewal -o lease-csv\n";
  });
  add_load_options(*sub, options.load);
  return sub;
}

ExitCode run_export(const ExportOptions& options, const Io& io) {
  if (const auto problem = output_folder_problem(options)) {
    print_tool_error(*problem, io);
    return ExitCode::bad_input;
  }
  const Loaded scenario = load_and_print(options.scenario, options.load, io);
  if (!scenario) return scenario.error();
  const stats::Stage stage("write output");
  if (const auto error = write_sheets(*scenario, options)) {
    print_tool_error(*error, io);
    return ExitCode::bad_input;
  }
  return ExitCode::ok;
}

}  // namespace entente::cli
