// `entente report SCENARIO [--format F] [-o FILE]`: the analysis of a scenario.

#include <CLI/CLI.hpp>
#include <ostream>
#include <span>
#include <sstream>
#include <utility>
#include <vector>

#include "commands/commands.h"
#include "diagnostics_printer.h"
#include "entente/analysis.h"
#include "entente/loader.h"
#include "entente/position_graph.h"
#include "graphviz.h"

namespace entente::cli {
namespace {

// The HTML report shows the graph as a picture. Writers never run programs, so Graphviz lays
// out the DOT report here and its SVG reaches the writer through WriteOptions. Without
// Graphviz the report is still written, with a note in the picture's place.
Drawing draw_graph(const reports::Report& report, const Io& io) {
  std::ostringstream dot;
  reports::write_report(report, reports::Format::dot, dot);
  Drawing drawing = draw_svg(dot.view());
  if (!drawing.problem.empty()) {
    const Diagnostic warning{.where = {.file = "entente"},
                             .severity = Severity::warning,
                             .message = "no graph picture in the report: " + drawing.problem};
    print_diagnostics(std::span(&warning, 1), io.err, {.color = io.err_color()});
  }
  return drawing;
}

}  // namespace

CLI::App* setup_report(CLI::App& app, ReportOptions& options) {
  CLI::App* sub = app.add_subcommand("report", "Analyse a scenario and write its report");
  sub->add_option("SCENARIO", options.scenario, "Scenario folder, or a single YAML file")
      ->required()
      ->type_name("");
  using reports::Format;
  add_format_option(*sub, options.format,
                    {Format::text, Format::json, Format::html, Format::markdown, Format::dot});
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
  const Drawing picture =
      options.format == reports::Format::html ? draw_graph(report, io) : Drawing{};
  return emit(options.output, io, [&](std::ostream& out, const reports::WriteOptions& write) {
    reports::WriteOptions all = write;
    all.graph_svg = picture.svg;
    all.graph_note = picture.problem;
    reports::write_report(report, options.format, out, all);
  });
}

}  // namespace entente::cli
