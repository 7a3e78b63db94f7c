// `entente diff OLD NEW`: two versions of a scenario (before and after a round, say), and
// what moved between them.

#include <CLI/CLI.hpp>
#include <ostream>

#include "commands/commands.h"
#include "dispose.h"
#include "entente/reports/comparison.h"

namespace entente::cli {

CLI::App* setup_diff(CLI::App& app, DiffOptions& options) {
  CLI::App* sub = app.add_subcommand(
      "diff", "Compare two versions of a scenario: positions, stances and statuses that moved");
  add_scenario_argument(*sub, options.old_scenario, "OLD",
                        "The earlier version (folder or single file)");
  add_scenario_argument(*sub, options.new_scenario, "NEW",
                        "The later version (folder or single file)");
  add_format_option(*sub, options.format, comparison_formats());
  sub->add_flag("--exit-code", options.exit_code,
                "Exit 5 when anything moved, 0 when nothing did (as git diff --exit-code, but "
                "never 1, which is bad input)");
  add_output_option(*sub, options.output);
  add_parties_option(*sub, options.parties);
  add_load_options(*sub, options.load);
  return sub;
}

ExitCode run_diff(const DiffOptions& options, const Io& io) {
  if (is_standard_input(options.old_scenario) && is_standard_input(options.new_scenario)) {
    print_tool_error("standard input (-) can be only one of OLD and NEW", io);
    return ExitCode::usage;
  }
  if (refuse_output(options.old_scenario, options.output, io) ||
      refuse_output(options.new_scenario, options.output, io)) {
    return ExitCode::bad_input;
  }
  // Both are loaded before either is judged, so that one run shows the problems of both.
  Resolution old_resolution;
  Resolution new_resolution;
  Loaded before = load_and_print(options.old_scenario, options.load, io, &old_resolution);
  Loaded after = load_and_print(options.new_scenario, options.load, io, &new_resolution);
  if (!before || !after) return ExitCode::bad_input;
  // Both sides focused alike (6.2): a party either lacks is an error.
  before = focus_and_print(std::move(*before), options.parties, io, &old_resolution);
  if (before) after = focus_and_print(std::move(*after), options.parties, io, &new_resolution);
  if (!before || !after) return ExitCode::usage;
  Analysis old_analysis = analysis_of(*before, std::move(old_resolution));
  Analysis new_analysis = analysis_of(*after, std::move(new_resolution));
  print_conflicts(*before, old_analysis, io);
  print_conflicts(*after, new_analysis, io);
  Comparison comparison = [&] {
    const stats::Stage stage("compare");
    return compare({*before, old_analysis}, {*after, new_analysis});
  }();
  // Rows are made only as a JSON comparison prints them, and reports only for the formats
  // that read them: the others show what moved.
  reports::StreamedReport old_report = comparison_side(options.format, *before, old_analysis);
  reports::StreamedReport new_report = comparison_side(options.format, *after, new_analysis);
  const reports::ComparisonKind kind{reports::ComparisonKind::diff,
                                     {options.old_scenario, options.new_scenario}};
  const bool moved = !nothing_moved(comparison);
  const ExitCode code =
      emit(options.output, io, [&](std::ostream& out, const reports::WriteOptions& write) {
        reports::write_comparison(kind, old_report, new_report, comparison, options.format, out,
                                  write);
      });
  dispose(comparison);
  dispose(old_report);
  dispose(new_report);
  dispose(old_analysis);
  dispose(new_analysis);
  dispose(before);
  dispose(after);
  if (code == ExitCode::ok && moved && options.exit_code) return ExitCode::changed;
  return code;
}

}  // namespace entente::cli
