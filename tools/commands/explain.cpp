// `entente explain SCENARIO PARTY/POSITION [--format F] [-o FILE]`: why a position has its
// status.

#include <CLI/CLI.hpp>
#include <ostream>

#include "commands/commands.h"
#include "entente/reports/explain.h"

namespace entente::cli {

CLI::App* setup_explain(CLI::App& app, ExplainOptions& options) {
  CLI::App* sub = app.add_subcommand(
      "explain", "Explain why a position has its status: stances, conditions, package");
  add_scenario_argument(*sub, options.scenario);
  sub->add_option("POSITION", options.position, "The position to explain, as PARTY/POSITION")
      ->required()
      ->type_name("");
  // A callback, so that cli.cpp's footer (the exit codes) still follows it.
  sub->footer([] {
    return "Shows the position's facts and the reason for its status; each party it is\n"
           "addressed to, with its stance, via position, note, source and quote; the\n"
           "conditions of conditional stances, followed to their roots as a tree ((cycle)\n"
           "where a chain loops back); its package; and the stances elsewhere whose\n"
           "agree_if names it. An unknown position is an error that suggests the closest one.\n"
           "Example: entente explain positions/russia-us-nato-2022 usa/risk-reduction\n";
  });
  add_format_option(*sub, options.format);
  add_output_option(*sub, options.output);
  add_parties_option(*sub, options.parties);
  add_load_options(*sub, options.load);
  return sub;
}

ExitCode run_explain(const ExplainOptions& options, const Io& io) {
  if (refuse_output(options.scenario, options.output, io)) return ExitCode::bad_input;
  Resolution resolution;
  const Loaded scenario =
      load_and_print(options.scenario, options.load, io, &resolution, options.parties);
  if (!scenario) return scenario.error();
  Analysis analysis = analysis_of(*scenario, std::move(resolution));
  print_conflicts(*scenario, analysis, io);
  const auto derived = [&] {
    const stats::Stage stage("explain");
    return explain(*scenario, analysis, options.position);
  }();
  if (!derived) {
    // An unknown ref names no place in a file: the message is the whole story.
    for (const Diagnostic& d : derived.error()) print_tool_error(d.message, io);
    return ExitCode::bad_input;
  }
  const reports::Report report = report_from(*scenario, std::move(analysis));
  const reports::Explanation explanation = reports::explain(report, *derived);
  return emit(options.output, io, [&](std::ostream& out, const reports::WriteOptions& write) {
    reports::write_explanation(explanation, options.format, out, write);
  });
}

}  // namespace entente::cli
