// `entente import csv DIR [-o FILE]`: the CSV sheets of `entente export csv` read back by the
// loader, checked as a YAML scenario is, and written as one YAML file (docs/csv.md).

#include <CLI/CLI.hpp>
#include <filesystem>
#include <ostream>
#include <string>
#include <system_error>

#include <fmt/format.h>

#include "commands/commands.h"
#include "diagnostics_printer.h"
#include "entente/csv_sheets.h"
#include "entente/reports/scenario.h"

namespace entente::cli {

namespace fs = std::filesystem;

CLI::App* setup_import(CLI::App& app, ImportOptions& options) {
  CLI::App* sub = app.add_subcommand(
      "import", "Read a scenario's CSV sheets back and write it as one YAML file");
  add_exchange_format_argument(*sub, options.format, "The format to read: csv");
  sub->add_option("DIR", options.folder,
                  "The folder of the sheets, as 'entente export csv' writes them")
      ->required()
      ->type_name("");
  add_output_option(*sub, options.output);
  sub->footer([] {
    return "Every bad cell is reported as FILE:LINE:FIELD: error: ..., then the scenario is\n"
           "checked as a YAML one is; nothing is written unless all is well (docs/csv.md).\n"
           "Example: entente import csv lease-csv -o lease.yaml\n";
  });
  add_max_file_size_option(*sub, options.load);
  add_stats_option(*sub);
  return sub;
}

ExitCode run_import(const ImportOptions& options, const Io& io) {
  if (is_json_file_name(options.output)) {
    // The file would hold YAML that the loader reads as JSON (docs/format.md 1, "JSON input").
    print_tool_error(fmt::format("import writes YAML, and '{}' would be read as JSON: name it "
                                 ".yaml",
                                 options.output),
                     io);
    return ExitCode::usage;
  }
  if (!options.output.empty()) {
    for (const CsvSheetInfo& sheet : k_csv_sheets) {
      std::error_code ec;
      if (fs::equivalent(fs::path(options.folder) / sheet.file, options.output, ec) && !ec) {
        print_tool_error(
            fmt::format("refusing to write over '{}', a sheet being read", options.output), io);
        return ExitCode::bad_input;
      }
    }
  }
  Expected<Scenario> scenario = load_csv_scenario(options.folder, options.load);
  const PrintOptions print{.color = io.err_color()};
  if (!scenario) {
    print_diagnostics(scenario.error(), io.err, print);
    return ExitCode::bad_input;
  }
  print_diagnostics(scenario->warnings, io.err, print);
  return emit(options.output, io, [&](std::ostream& out, const reports::WriteOptions&) {
    reports::write_yaml_scenario(*scenario, out);
  });
}

}  // namespace entente::cli
