// `entente report SCENARIO [--format F] [--table T] [-o FILE] [--watch]`: the analysis of a
// scenario.

#include <CLI/CLI.hpp>
#include <ctime>
#include <ostream>
#include <span>
#include <sstream>
#include <utility>
#include <vector>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "commands/commands.h"
#include "diagnostics_printer.h"
#include "dispose.h"
#include "entente/analysis.h"
#include "entente/loader.h"
#include "entente/position_graph.h"
#include "graphviz.h"
#include "stats_table.h"
#include "watch.h"

namespace entente::cli {
namespace {

// The HTML report shows the graph as a picture. Writers never run programs, so Graphviz lays
// out the DOT report here and its SVG reaches the writer through WriteOptions. Without
// Graphviz the report is still written, with a note in the picture's place.
// Above this many positions Graphviz takes seconds to minutes (3,000: 8 s) and the picture,
// megabytes of SVG, no longer shows anything a reader can follow.
constexpr std::size_t k_max_drawn_positions = 1000;

Drawing draw_graph(const reports::StreamedReport& report, const Io& io) {
  Drawing drawing;
  if (report.size() > k_max_drawn_positions) {
    drawing.problem = fmt::format(
        "the graph has {} positions, more than the {} a picture can show readably; "
        "'--format dot' writes it whole",
        report.size(), k_max_drawn_positions);
  } else {
    std::ostringstream dot;
    reports::write_report(report, reports::Format::dot, dot);
    drawing = draw_svg(dot.view());
  }
  if (!drawing.problem.empty()) {
    const Diagnostic warning{.severity = Severity::warning,
                             .message = "no graph picture in the report: " + drawing.problem};
    print_diagnostics(std::span(&warning, 1), io.err, {.color = io.err_color()});
  }
  return drawing;
}

// One run: load, analyse and write the report; the diagnostics go to io.err. The rows of the
// positions are made as the report is written (in JSON a block at a time: on a large
// scenario they are most of a report's memory).
ExitCode report_once(const ReportOptions& options, const Io& io) {
  Resolution resolution;
  Loaded scenario =
      load_and_print(options.scenario, options.load, io, &resolution, options.parties);
  if (!scenario) return scenario.error();
  Analysis analysis = analysis_of(*scenario, std::move(resolution));
  print_conflicts(*scenario, analysis, io);
  std::optional<reports::StreamedReport> report = streamed_report(*scenario, analysis);
  const Drawing picture =
      options.format == reports::Format::html ? draw_graph(*report, io) : Drawing{};
  const ExitCode code =
      emit(options.output, io, [&](std::ostream& out, const reports::WriteOptions& write) {
        reports::WriteOptions all = write;
        all.graph_svg = picture.svg;
        all.graph_note = picture.problem;
        all.csv_table = options.table;
        reports::write_report(*report, options.format, out, all);
      });
  if (!options.watch) {
    dispose(report);
    dispose(analysis);
    dispose(scenario);
  }
  return code;
}

// Home the cursor and clear the screen, so that each report replaces the last one.
constexpr std::string_view k_clear_screen = "\x1b[H\x1b[2J";
// Ends each report on a standard output that is not a terminal, so that a reader (a test, a
// pipe) can tell the reports apart.
constexpr std::string_view k_end_of_report = "==== entente: end of report ====\n";

// The line on standard error after each run: what became of the report, and when (the clock
// stays out of the report itself). It names no path, so no argument can reach the terminal.
void print_watch_status(const ReportOptions& options, ExitCode run, const Io& io) {
  const auto files = scenario_files(options.scenario);
  const std::size_t count = files ? files->size() : 0;
  const std::string_view outcome = run == ExitCode::ok ? "written" : "not updated (errors above)";
  io.err << fmt::format(
                "entente: {:%H:%M:%S} report {}; watching {} scenario file{}; Ctrl-C to stop\n",
                fmt::localtime(std::time(nullptr)), outcome, count, count == 1 ? "" : "s")
         << std::flush;
}

// `--watch`: a run now and another after each change to the scenario's files, until SIGINT or
// SIGTERM (exit 0). Bad input never ends the loop: the errors show and the next save is awaited.
ExitCode watch_report(const ReportOptions& options, const Io& io) {
  auto watcher = ScenarioWatcher::start(options.scenario);
  if (!watcher) {
    print_tool_error(watcher.error(), io);
    return ExitCode::bad_input;
  }
  const bool to_stdout = options.output.empty();
  for (;;) {
    if (to_stdout && io.out_is_terminal) io.out << k_clear_screen << std::flush;
    const ExitCode run = report_once(options, io);
    if (to_stdout && !io.out_is_terminal && run == ExitCode::ok) io.out << k_end_of_report;
    if (!io.out.flush()) return ExitCode::bad_input;  // run() says why
    print_watch_status(options, run, io);
    print_stats(io.err);
    switch (watcher->wait()) {
      case WatchEvent::changed:
        break;
      case WatchEvent::stop:
        return ExitCode::ok;
      case WatchEvent::none:
      case WatchEvent::failed:
        print_tool_error("cannot wait for the scenario's files to change", io);
        return ExitCode::internal;
    }
  }
}

}  // namespace

CLI::App* setup_report(CLI::App& app, ReportOptions& options) {
  CLI::App* sub = app.add_subcommand("report", "Analyse a scenario and write its report");
  add_scenario_argument(*sub, options.scenario);
  using reports::Format;
  add_format_option(
      *sub, options.format,
      {Format::text, Format::json, Format::html, Format::markdown, Format::dot, Format::csv});
  CLI::Option* table =
      sub->add_option_function<std::string>(
             "--table",
             [&options](const std::string& name) {
               options.table =
                   name == "matrix" ? reports::CsvTable::matrix : reports::CsvTable::positions;
             },
             "With --format csv: the table to write, one row per position (the default) or the "
             "issue-by-party matrix")
          ->check(CLI::IsMember(std::vector<std::string>{"positions", "matrix"}))
          ->type_name("TABLE");
  // Checked once every option is read, whatever their order; a usage error (exit 2).
  sub->callback([table, &options] {
    if (table->count() > 0 && options.format != Format::csv) {
      throw CLI::ValidationError("--table", "only with --format csv");
    }
  });
  add_output_option(*sub, options.output);
  add_parties_option(*sub, options.parties);
  add_load_options(*sub, options.load);
  sub->add_flag("--watch", options.watch,
                "Run again whenever a file of the scenario changes, until Ctrl-C: the terminal "
                "is redrawn (or FILE rewritten); errors show in place of the report");
  return sub;
}

ExitCode run_report(const ReportOptions& options, const Io& io) {
  if (options.watch && is_standard_input(options.scenario)) {
    print_tool_error("--watch needs files to watch, not standard input (-)", io);
    return ExitCode::usage;
  }
  if (refuse_output(options.scenario, options.output, io)) {
    return ExitCode::bad_input;
  }
  return options.watch ? watch_report(options, io) : report_once(options, io);
}

}  // namespace entente::cli
