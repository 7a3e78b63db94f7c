// `entente blocs SCENARIO [--threshold X] [--format text|json|md|html] [-o FILE]`: who stands with
// whom (docs/format.md 6.3).

#include <CLI/CLI.hpp>
#include <ostream>
#include <stdexcept>
#include <string>

#include "commands/commands.h"
#include "entente/blocs.h"
#include "entente/reports/blocs.h"

namespace entente::cli {

CLI::App* setup_blocs(CLI::App& app, BlocsOptions& options) {
  CLI::App* sub =
      app.add_subcommand("blocs", "Show how alike the parties answer, and the blocs they form");
  add_scenario_argument(*sub, options.scenario);
  sub->add_option("--threshold", options.threshold,
                  "Merge clusters while their linkage is at least X, 0 to 1 (default 0.5)")
      ->check(CLI::Validator(
          [](const std::string& value) -> std::string {
            // std::stod takes "nan" and "inf", which the comparison then refuses.
            std::size_t used = 0;
            double x = -1;
            try {
              x = std::stod(value, &used);
            } catch (const std::exception&) {
              used = 0;
            }
            if (used != 0 && used == value.size() && x >= 0 && x <= 1) return {};
            return "the threshold is a number from 0 to 1, not '" + value + "'";
          },
          "X"))
      ->type_name("X");
  sub->footer([] {
    return "A party's answer on a position is agree when it holds it, else its effective\n"
           "stance where the position is addressed to it; silence is no answer. Two parties'\n"
           "alignment is their mean score over the positions both answer (1 the same answer,\n"
           "0.5 when one considers, 0 agree against reject). Blocs come from average-linkage\n"
           "clustering down to the threshold.\n"
           "Example: entente blocs positions/russia-us-nato-2022 --threshold 0.6\n";
  });
  add_format_option(*sub, options.format,
                    {reports::Format::text, reports::Format::json, reports::Format::markdown,
                     reports::Format::html});
  add_output_option(*sub, options.output);
  add_parties_option(*sub, options.parties);
  add_load_options(*sub, options.load);
  return sub;
}

Blocs blocs_of(const Scenario& scenario, const Resolution& resolution, const Io& io,
               double threshold) {
  const PositionGraph graph = [&] {
    const stats::Stage stage("build graph");
    return PositionGraph::build(scenario, resolution);
  }();
  const Analysis analysis = [&] {
    const stats::Stage stage("analyse");
    return analyze(graph);
  }();
  print_conflicts(scenario, analysis, io);
  const stats::Stage stage("blocs");
  return find_blocs(graph, analysis, threshold);
}

ExitCode run_blocs(const BlocsOptions& options, const Io& io) {
  if (refuse_output(options.scenario, options.output, io)) return ExitCode::bad_input;
  Resolution resolution;
  const Loaded scenario =
      load_and_print(options.scenario, options.load, io, &resolution, options.parties);
  if (!scenario) return scenario.error();
  const Blocs blocs = blocs_of(*scenario, resolution, io, options.threshold);
  return emit(options.output, io, [&](std::ostream& out, const reports::WriteOptions& write) {
    reports::write_blocs(*scenario, blocs, options.format, out, write);
  });
}

}  // namespace entente::cli
