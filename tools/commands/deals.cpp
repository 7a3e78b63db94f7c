// `entente deals SCENARIO [--by PARTY]... [--binding] [--allow-red-lines] [--top N]
// [--score REF,...]`: the agreements every party prefers to no agreement, the frontier and
// the balanced deals (docs/format.md 8, docs/deals.md).

#include <CLI/CLI.hpp>
#include <algorithm>
#include <ostream>

#include <fmt/format.h>

#include "commands/commands.h"
#include "diagnostics_printer.h"
#include "entente/concede.h"
#include "entente/deals.h"
#include "entente/reports/deals.h"

namespace entente::cli {

CLI::App* setup_deals(CLI::App& app, DealsCommandOptions& options) {
  CLI::App* sub = app.add_subcommand(
      "deals", "Find the deals every party prefers to no agreement, and the best balanced one");
  add_scenario_argument(*sub, options.scenario);
  sub->add_option("--by", options.query.by, "Only PARTY may move (repeat for more parties)")
      ->type_name("PARTY")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  sub->add_flag("--binding", options.query.binding,
                "Conditional stances bind: a party with agree_if agrees only through its "
                "conditions, never by a move");
  sub->add_flag("--allow-red-lines", options.query.allow_red_lines,
                fmt::format("Let a deal lose red lines, at a cost of {} each", k_red_line_cost));
  sub->add_option("--top", options.query.top,
                  "List the first N frontier points (default 10; 0: the solutions only)")
      ->type_name("N");
  sub->add_option("--score", options.score,
                  "Judge one deal: its positions as PARTY/POS,PARTY/POS,... (gains, moves, "
                  "feasibility, and the frontier points that dominate it)")
      ->type_name("REFS")
      ->delimiter(',')
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  sub->add_option("--time-limit", options.query.time_limit,
                  "Stop with an error (exit 2) when no answer is proven within SECONDS "
                  "(default 60)")
      ->check(CLI::Range(1, 86400))
      ->type_name("SECONDS");
  sub->footer([] {
    return "A deal is a set of positions agreed together. Each party gains the priorities of\n"
           "its demands in it and pays for its moves and the positions it loses; the\n"
           "acceptable deals leave every party at 0 or more. nash is the balanced deal: the\n"
           "most parties gaining, then the largest product of gains. See docs/deals.md.\n"
           "Example: entente deals positions/russia-us-nato-2022 --score "
           "russia/no-nato-enlargement\n";
  });
  add_format_option(*sub, options.format,
                    {reports::Format::text, reports::Format::json, reports::Format::markdown,
                     reports::Format::html});
  add_output_option(*sub, options.output);
  add_parties_option(*sub, options.parties);
  add_load_options(*sub, options.load);
  return sub;
}

ExitCode run_deals(const DealsCommandOptions& options, const Io& io) {
  if (refuse_output(options.scenario, options.output, io)) return ExitCode::bad_input;
  const Loaded scenario =
      load_and_print(options.scenario, options.load, io, nullptr, options.parties);
  if (!scenario) return scenario.error();
  DealsOptions query = options.query;
  if (!options.score.empty()) query.score = options.score;
  const Expected<DealsResult> result = [&] {
    const stats::Stage stage("deals");
    return find_deals(*scenario, query);
  }();
  if (!result) {
    constexpr OptionName k_options[] = {
        {"by", "--by"}, {"top", "--top"}, {"score", "--score"}, {"time_limit", "--time-limit"}};
    print_diagnostics(result.error(), io.err, {.color = io.err_color(), .options = k_options});
    const bool usage = std::any_of(result.error().begin(), result.error().end(),
                                   [](const Diagnostic& d) { return d.argument.has_value(); });
    return usage ? ExitCode::usage : ExitCode::internal;
  }
  return emit(options.output, io, [&](std::ostream& out, const reports::WriteOptions& write) {
    reports::write_deals(*result, options.format, out, write);
  });
}

}  // namespace entente::cli
