// `entente concede SCENARIO --target PARTY/POS|ISSUE... [--by PARTY]... [--allow-red-lines]
// [--binding] [--top N] [--within N]`: the cheapest moves that make the target agreed
// (docs/concede.md).

#include <CLI/CLI.hpp>
#include <algorithm>
#include <ostream>

#include <fmt/format.h>

#include "commands/commands.h"
#include "diagnostics_printer.h"
#include "entente/concede.h"
#include "entente/reports/concede.h"

namespace entente::cli {

CLI::App* setup_concede(CLI::App& app, ConcedeCommandOptions& options) {
  CLI::App* sub = app.add_subcommand(
      "concede", "Find the cheapest moves that make positions, or whole issues, agreed");
  add_scenario_argument(*sub, options.scenario);
  sub->add_option("--target", options.query.targets,
                  "PARTY/POS, or an ISSUE (each of its positions agreed or withdrawn; an "
                  "exclusive one settled); repeat to meet several at once")
      ->required()
      ->type_name("TARGET")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  sub->add_option("--by", options.query.by, "Only PARTY may move (repeat for more parties)")
      ->type_name("PARTY")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  sub->add_flag("--allow-red-lines", options.query.allow_red_lines,
                fmt::format("Let moves cross red lines, at a cost of {} each", k_red_line_cost));
  sub->add_flag("--binding", options.query.binding,
                "Conditional stances bind: a party with agree_if agrees only through its "
                "conditions, never by a move");
  sub->add_option("--top", options.query.top, "List at most N plans (default 3)")
      ->check(CLI::Range(1, 1000))
      ->type_name("N");
  sub->add_option("--within", options.query.within,
                  "Also list the plans up to N dearer than the cheapest (default 0), by cost")
      ->check(CLI::Range(0, 1000))
      ->type_name("N");
  add_format_option(*sub, options.format);
  add_output_option(*sub, options.output);
  add_parties_option(*sub, options.parties);
  add_load_options(*sub, options.load);
  return sub;
}

ExitCode run_concede(const ConcedeCommandOptions& options, const Io& io) {
  if (refuse_output(options.scenario, options.output, io)) return ExitCode::bad_input;
  const Loaded scenario =
      load_and_print(options.scenario, options.load, io, nullptr, options.parties);
  if (!scenario) return scenario.error();
  const Expected<ConcedeResult> result = [&] {
    const stats::Stage stage("concede");
    return concede(*scenario, options.query);
  }();
  if (!result) {
    constexpr OptionName k_options[] = {
        {"targets", "--target"}, {"by", "--by"}, {"within", "--within"}, {"top", "--top"}};
    print_diagnostics(result.error(), io.err, {.color = io.err_color(), .options = k_options});
    // Names the scenario does not have, as whatif; an error of no origin is the solver's.
    const bool engine =
        std::any_of(result.error().begin(), result.error().end(),
                    [](const Diagnostic& d) { return !d.argument && d.where.file.empty(); });
    return engine ? ExitCode::internal : ExitCode::bad_input;
  }
  return emit(options.output, io, [&](std::ostream& out, const reports::WriteOptions& write) {
    reports::write_concede(*result, options.format, out, write);
  });
}

}  // namespace entente::cli
