// `entente check SCENARIO`: validation only, for editors, scripts and CI.

#include <CLI/CLI.hpp>
#include <algorithm>
#include <map>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "commands/commands.h"
#include "diagnostics_printer.h"
#include "entente/analysis.h"
#include "entente/reports/check.h"

namespace entente::cli {

CLI::App* setup_check(CLI::App& app, CheckOptions& options) {
  CLI::App* sub =
      app.add_subcommand("check", "Validate a scenario and print its problems, or a summary");
  add_scenario_argument(*sub, options.scenario);
  const std::map<std::string, CheckOptions::Format> formats{
      {"text", CheckOptions::Format::text},
      {"json", CheckOptions::Format::json},
      {"github", CheckOptions::Format::github}};
  sub->add_option("--format", options.format,
                  "text: each problem with its line, on standard error; json: one document on "
                  "standard output; github: GitHub Actions annotations on standard output")
      ->transform(
          CLI::CheckedTransformer(formats, CLI::ignore_case).description("{text,json,github}"))
      ->type_name("FORMAT");
  sub->add_flag("--strict", options.strict, "Warnings fail the check too (exit 1)");
  add_parties_option(*sub, options.parties);
  add_load_options(*sub, options.load);
  return sub;
}

ExitCode run_check(const CheckOptions& options, const Io& io) {
  Expected<Scenario> scenario = load(options.scenario, options.load);
  if (scenario && !options.parties.empty()) {
    // A focus (6.2) changes no file, so nothing in one can be wrong with it: only its names.
    Loaded focused = focus_and_print(std::move(*scenario), options.parties, io);
    if (!focused) return focused.error();
    scenario = std::move(*focused);
  }
  reports::CheckResult result{.scenario = options.scenario, .strict = options.strict};
  if (scenario) {
    // docs/format.md 7.2: two agreed alternatives of an exclusive issue are a warning, which
    // only the analysis finds (made only when some issue is exclusive).
    const auto exclusive = [](const Issue& issue) { return issue.exclusive; };
    if (std::any_of(scenario->issues.begin(), scenario->issues.end(), exclusive)) {
      const std::vector<Diagnostic> conflicts =
          conflict_warnings(*scenario, analysis_of(*scenario));
      scenario->warnings.insert(scenario->warnings.end(), conflicts.begin(), conflicts.end());
      sort_diagnostics(scenario->warnings);
    }
    result.diagnostics = scenario->warnings;
    result.counts = reports::ScenarioCounts{scenario->parties.size(), scenario->issues.size(),
                                            scenario->positions.size(), scenario->stances.size()};
  } else {
    result.diagnostics = scenario.error();
  }
  switch (options.format) {
    case CheckOptions::Format::text:
      print_diagnostics(result.diagnostics, io.err, PrintOptions{.color = io.err_color()});
      if (result.ok()) {
        io.out << reports::check_summary(result) << '\n';
      } else if (result.errors() == 0) {
        print_tool_error(reports::check_summary(result), io);
      }
      break;
    case CheckOptions::Format::json:
      reports::write_check(result, reports::CheckFormat::json, io.out);
      break;
    case CheckOptions::Format::github:
      reports::write_check(result, reports::CheckFormat::github, io.out);
      break;
  }
  return result.ok() ? ExitCode::ok : ExitCode::bad_input;
}

}  // namespace entente::cli
