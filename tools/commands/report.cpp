// `entente report SCENARIO [--format F] [-o FILE]`: the analysis of a scenario.

#include <CLI/CLI.hpp>
#include <ostream>
#include <vector>

#include "commands/commands.h"
#include "entente/analysis.h"
#include "entente/loader.h"
#include "entente/position_graph.h"

namespace entente::cli {
namespace {

}  // namespace

CLI::App* setup_report(CLI::App& app, ReportOptions& options) {
  CLI::App* sub = app.add_subcommand("report", "Analyse a scenario and write its report");
  sub->add_option("SCENARIO", options.scenario, "Scenario folder, or a single YAML file")
      ->required()
      ->type_name("");
  add_format_option(*sub, options.format);
  add_output_option(*sub, options.output);
  add_load_options(*sub, options.load);
  return sub;
}

ExitCode run_report(const ReportOptions& options, const Io& io) {
  if (refuse_output(options.scenario, options.output, io)) {
    return ExitCode::bad_input;
  }
  const std::optional<Scenario> scenario = load_and_print(options.scenario, options.load, io);
  if (!scenario) {
    return ExitCode::bad_input;
  }
  const reports::Report report = report_of(*scenario);
  return emit(options.output, io, [&](std::ostream& out, const reports::WriteOptions& write) {
    reports::write_report(report, options.format, out, write);
  });
}

}  // namespace entente::cli
