// Reading a scenario, as every command that takes one does.

#include <CLI/CLI.hpp>
#include <utility>

#include "commands/commands.h"
#include "diagnostics_printer.h"
#include "entente/analysis.h"
#include "entente/position_graph.h"

namespace entente::cli {

void add_load_options(CLI::App& command, LoadOptions& options) {
  command
      .add_option("--max-file-size", options.max_file_bytes,
                  "Largest file to read, in bytes (suffixes k, M, G: 1024-based; default 4M)")
      ->transform(CLI::AsSizeValue(false).description(""))
      ->type_name("SIZE");
}

reports::Report report_of(const Scenario& scenario) {
  const PositionGraph graph = PositionGraph::build(scenario);
  return reports::make_report(scenario, analyze(graph));
}

std::optional<Scenario> load_and_print(const std::filesystem::path& path,
                                       const LoadOptions& options, const Io& io) {
  Expected<Scenario> scenario = load_scenario(path, options);
  const PrintOptions print{.color = io.err_color()};
  if (!scenario) {
    print_diagnostics(scenario.error(), io.err, print);
    return std::nullopt;
  }
  print_diagnostics(scenario->warnings, io.err, print);
  return std::move(*scenario);
}

}  // namespace entente::cli
