// `entente whatif SCENARIO [--set|--drop|--priority|--accept ...]`: changes applied in
// memory, in the order given, and what moved against the baseline.

#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <ostream>
#include <vector>

#include "commands/commands.h"
#include "diagnostics_printer.h"
#include "dispose.h"
#include "support/parallel.h"
#include "entente/reports/comparison.h"
#include "entente/what_if.h"

namespace entente::cli {
namespace {

// Each kind of change and the option that gives it.
constexpr OptionName k_change_options[] = {
    {"set", "--set"}, {"drop", "--drop"}, {"priority", "--priority"}, {"accept", "--accept"}};

std::string_view option_of(ChangeKind kind) {
  return k_change_options[static_cast<std::size_t>(kind)].option;
}

// CLI11 keeps each option's values apart; the order the user gave them in is in the parse
// order of the subcommand, which is what changes must follow.
void add_change_option(CLI::App& sub, WhatIfOptions& options, ChangeKind kind, const char* help) {
  sub.add_option_function<std::vector<std::string>>(
         std::string(option_of(kind)),
         [&options, kind](const std::vector<std::string>& values) {
           for (const std::string& v : values) options.changes.emplace_back(kind, v);
         },
         help)
      ->type_name("CHANGE")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->trigger_on_parse();
}

}  // namespace

CLI::App* setup_whatif(CLI::App& app, WhatIfOptions& options) {
  CLI::App* sub = app.add_subcommand(
      "whatif", "Apply changes in memory, in the order given, and report what moved");
  add_scenario_argument(*sub, options.scenario);
  add_change_option(*sub, options, ChangeKind::set,
                    "PARTY:PARTY2/POS=agree|reject|consider|silent: replace a stance");
  add_change_option(*sub, options, ChangeKind::drop,
                    "PARTY/POS: the holder withdraws the position");
  add_change_option(*sub, options, ChangeKind::priority, "PARTY/POS=N: change a priority (1..5)");
  add_change_option(*sub, options, ChangeKind::accept,
                    "PARTY/POS: every party in its audience agrees");
  add_format_option(*sub, options.format, comparison_formats());
  add_output_option(*sub, options.output);
  add_parties_option(*sub, options.parties);
  add_load_options(*sub, options.load);
  return sub;
}

ExitCode run_whatif(const WhatIfOptions& options, const Io& io) {
  std::vector<Change> changes;
  std::vector<Diagnostic> errors;
  for (const auto& [kind, argument] : options.changes) {
    auto change = parse_change(kind, argument);
    if (!change) {
      errors.insert(errors.end(), change.error().begin(), change.error().end());
      continue;
    }
    change->label = fmt::format("{} {}", option_of(kind), argument);
    changes.push_back(std::move(*change));
  }
  if (!errors.empty()) {
    print_diagnostics(errors, io.err, {.color = io.err_color(), .options = k_change_options});
    return ExitCode::usage;
  }
  if (refuse_output(options.scenario, options.output, io)) return ExitCode::bad_input;
  Resolution resolution;
  Loaded baseline =
      load_and_print(options.scenario, options.load, io, &resolution, options.parties);
  if (!baseline) return baseline.error();
  // The baseline's analysis, and the changed copy with its analysis, need nothing of each
  // other: on a large scenario they are made at once.
  const bool two = baseline->positions.size() + baseline->stances.size() >= k_worth_a_second_thread;
  Analysis before_analysis;
  Expected<Scenario> changed = Scenario{};
  Analysis after_analysis;
  run_both(
      two, [&] { before_analysis = analysis_of(*baseline, std::move(resolution)); },
      [&] {
        changed = [&] {
          const stats::Stage stage("apply changes");
          return apply_changes(*baseline, changes);
        }();
        if (changed) after_analysis = analysis_of(*changed);
      });
  if (!changed) {
    print_diagnostics(changed.error(), io.err,
                      {.color = io.err_color(), .options = k_change_options});
    return ExitCode::bad_input;
  }
  print_conflicts(*baseline, before_analysis, io);
  Comparison comparison = [&] {
    const stats::Stage stage("compare");
    return compare({*baseline, before_analysis}, {*changed, after_analysis});
  }();
  // Rows are made only as a JSON comparison prints them, and reports only for the formats
  // that read them: the others show what moved.
  std::optional<reports::StreamedReport> before;
  std::optional<reports::StreamedReport> after;
  run_both(
      two, [&] { before = comparison_side(options.format, *baseline, before_analysis); },
      [&] { after = comparison_side(options.format, *changed, after_analysis); });
  reports::ComparisonKind kind;
  for (const Change& change : changes) kind.items.push_back(change.label);
  const ExitCode code =
      emit(options.output, io, [&](std::ostream& out, const reports::WriteOptions& write) {
        reports::write_comparison(kind, *before, *after, comparison, options.format, out, write);
      });
  dispose(comparison);
  dispose(before);
  dispose(after);
  dispose(before_analysis);
  dispose(after_analysis);
  dispose(changed);
  dispose(baseline);
  return code;
}

}  // namespace entente::cli
