// `entente coalitions SCENARIO (--size K | --quota W) [--with P]... [--without P]... [--top N]`:
// which coalitions could work together (docs/format.md 6.4).

#include <CLI/CLI.hpp>
#include <algorithm>
#include <ostream>

#include "commands/commands.h"
#include "diagnostics_printer.h"
#include "entente/blocs.h"
#include "entente/coalitions.h"
#include "entente/reports/coalitions.h"

namespace entente::cli {
namespace {

constexpr OptionName k_coalition_options[] = {
    {"size", "--size"}, {"quota", "--quota"}, {"with", "--with"}, {"without", "--without"}};

}  // namespace

CLI::App* setup_coalitions(CLI::App& app, CoalitionsOptions& options) {
  CLI::App* sub = app.add_subcommand(
      "coalitions", "Rank the coalitions of a size, or the minimal winning ones for a quota");
  add_scenario_argument(*sub, options.scenario);
  CLI::Option* size =
      sub->add_option("--size", options.size, "Every coalition of K parties (2 to the parties)")
          ->type_name("K");
  sub->add_option("--quota", options.quota,
                  "Every minimal winning coalition: weight at least W, and no member can leave "
                  "without falling below it (every party needs a weight)")
      ->type_name("W")
      ->excludes(size);
  sub->add_option("--with", options.query.with, "Keep only the coalitions that hold P (repeatable)")
      ->type_name("P")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  sub->add_option("--without", options.query.without, "Leave P out of every coalition (repeatable)")
      ->type_name("P")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  sub->add_option("--top", options.query.top, "Show the first N of the ranking (default 10)")
      ->check(CLI::NonNegativeNumber)
      ->type_name("N");
  sub->footer([] {
    return "Each coalition's figures are those of `entente report --parties` on it: its\n"
           "deadlocks, sticking points, agreed, open and unanswered positions. Cohesion is the\n"
           "mean alignment (as `entente blocs`) of its members' pairs; weight the sum of their\n"
           "weights. Ranked by fewer deadlocks, higher cohesion, fewer sticking points, more\n"
           "agreed, lower weight. More than 100,000 candidates is an error.\n"
           "Example: entente coalitions positions/city-council --quota 23\n";
  });
  add_format_option(*sub, options.format,
                    {reports::Format::text, reports::Format::json, reports::Format::markdown,
                     reports::Format::html});
  add_output_option(*sub, options.output);
  add_parties_option(*sub, options.parties);
  add_load_options(*sub, options.load);
  return sub;
}

ExitCode run_coalitions(const CoalitionsOptions& options, const Io& io) {
  if (!options.size && !options.quota) {
    print_tool_error("coalitions needs --size K or --quota W", io);
    return ExitCode::usage;
  }
  if (refuse_output(options.scenario, options.output, io)) return ExitCode::bad_input;
  Resolution resolution;
  const Loaded scenario =
      load_and_print(options.scenario, options.load, io, &resolution, options.parties);
  if (!scenario) return scenario.error();
  const Alignment alignment = blocs_of(*scenario, resolution, io).alignment;
  CoalitionQuery query = options.query;
  query.size = options.size;
  query.quota = options.quota;
  const Expected<Coalitions> coalitions = [&] {
    const stats::Stage stage("coalitions");
    return find_coalitions(*scenario, alignment, query);
  }();
  if (!coalitions) {
    print_diagnostics(coalitions.error(), io.err,
                      {.color = io.err_color(), .options = k_coalition_options});
    const bool usage = std::any_of(coalitions.error().begin(), coalitions.error().end(),
                                   [](const Diagnostic& d) { return d.argument.has_value(); });
    return usage ? ExitCode::usage : ExitCode::bad_input;
  }
  return emit(options.output, io, [&](std::ostream& out, const reports::WriteOptions& write) {
    reports::write_coalitions(*coalitions, options.format, out, write);
  });
}

}  // namespace entente::cli
