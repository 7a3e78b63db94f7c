// `entente check SCENARIO`: validation only, for editors and CI.

#include <CLI/CLI.hpp>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

#include "commands/commands.h"

namespace entente::cli {
namespace {

std::string count(std::size_t n, std::string_view singular, std::string_view plural) {
  return std::to_string(n) + " " + std::string{n == 1 ? singular : plural};
}

std::string summary(const Scenario& s) {
  std::string text = count(s.parties.size(), "party", "parties") + ", " +
                     count(s.issues.size(), "issue", "issues") + ", " +
                     count(s.positions.size(), "position", "positions") + ", " +
                     count(s.stances.size(), "stance", "stances");
  if (!s.warnings.empty()) {
    text += ", " + count(s.warnings.size(), "warning", "warnings");
  }
  return text;
}

}  // namespace

CLI::App* setup_check(CLI::App& app, CheckOptions& options) {
  CLI::App* sub =
      app.add_subcommand("check", "Validate a scenario and print its problems, or a summary");
  add_scenario_argument(*sub, options.scenario);
  add_load_options(*sub, options.load);
  return sub;
}

ExitCode run_check(const CheckOptions& options, const Io& io) {
  const std::optional<Scenario> scenario = load_and_print(options.scenario, options.load, io);
  if (!scenario) {
    return ExitCode::bad_input;
  }
  io.out << options.scenario << ": ok (" << summary(*scenario) << ")\n";
  return ExitCode::ok;
}

}  // namespace entente::cli
