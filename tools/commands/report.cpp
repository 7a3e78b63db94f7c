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

// Listed here for --help and for the error message; reports::parse_format() decides.
std::vector<std::string> format_names() { return {"text", "json"}; }

}  // namespace

CLI::App* setup_report(CLI::App& app, ReportOptions& options) {
  CLI::App* sub = app.add_subcommand("report", "Analyse a scenario and write its report");
  sub->add_option("SCENARIO", options.scenario, "Scenario folder, or a single YAML file")
      ->required()
      ->type_name("");
  sub->add_option_function<std::string>(
         "--format",
         [&options](const std::string& name) {
           options.format = reports::parse_format(name).value();
         },
         "Report format (default: text)")
      ->check(CLI::IsMember(format_names()))
      ->type_name("FORMAT");
  sub->add_option("-o,--output", options.output,
                  "Write to FILE, not stdout (replaced only once complete)")
      ->check([](const std::string& file) { return file.empty() ? "FILE is empty" : ""; })
      ->type_name("FILE");
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
  const PositionGraph graph = PositionGraph::build(*scenario);
  const reports::Report report = reports::make_report(*scenario, analyze(graph));
  return emit(options.output, io, [&](std::ostream& out, const reports::WriteOptions& write) {
    reports::write_report(report, options.format, out, write);
  });
}

}  // namespace entente::cli
