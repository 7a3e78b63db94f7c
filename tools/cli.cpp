#include "cli.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <string_view>
#include <utility>
#include <vector>

#include "commands/commands.h"
#include "diagnostics_printer.h"
#include "exception_boundary.h"
#include "stats_table.h"

#ifndef ENTENTE_VERSION
#error "ENTENTE_VERSION must be defined by the build (tools/CMakeLists.txt)"
#endif

namespace entente::cli {
namespace {

constexpr const char* k_footer =
    "Exit codes: 0 ok, 1 bad input (the scenario or an output file), 2 usage error,\n"
    "3 internal error, 4 out of memory, 5 something moved (diff --exit-code). Colour only on\n"
    "a terminal, and never when NO_COLOR is set.";

int code(ExitCode c) { return static_cast<int>(c); }

bool no_color_requested() {
  const char* value = std::getenv("NO_COLOR");
  return value != nullptr && *value != '\0';
}

// The subcommand whose help the user should read: the deepest one that was selected.
std::string help_hint(const CLI::App& app) {
  std::string command = "entente";
  for (const CLI::App* sub = &app; !sub->get_subcommands().empty();) {
    sub = sub->get_subcommands().front();
    command += " " + sub->get_name();
  }
  return "Run '" + command + " --help' for more information.";
}

std::string command_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    names.push_back(sub->get_name());
  }
  std::sort(names.begin(), names.end());
  std::string text;
  for (const std::string& name : names) {
    text += (text.empty() ? "" : ", ") + name;
  }
  return text;
}

// CLI11 only says "A subcommand is required" when the first word is not a command.
std::string usage_message(const CLI::App& app, const CLI::ParseError& e) {
  if (!app.get_subcommands().empty()) {
    return e.what();
  }
  const std::vector<std::string> words = app.remaining();
  const std::string commands = " (commands: " + command_names(app) + ")";
  if (words.empty()) {
    return "missing command" + commands;
  }
  if (words.front().starts_with("-")) {
    return "unknown option '" + words.front() + "'";
  }
  return "unknown command '" + words.front() + "'" + commands;
}

int parse_failure(const CLI::App& app, const CLI::ParseError& e, const Io& io) {
  if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) {
    app.exit(e, io.out, io.err);  // --help or --version
    return code(ExitCode::ok);
  }
  print_tool_error(usage_message(app, e), io);
  io.err << help_hint(app) << '\n';
  return code(ExitCode::usage);
}

void setup_app(CLI::App& app) {
  app.description("Compare negotiation positions from YAML files.");
  app.set_version_flag("--version", "entente " ENTENTE_VERSION, "Print the version and exit");
  app.set_help_flag("-h,--help", "Print this help and exit");
  app.require_subcommand(1);
  app.footer(k_footer);
}

// Registers every command, parses, and runs the one that was named.
int parse_and_run(int argc, const char* const* argv, const Io& io) {
  CLI::App app{"", "entente"};
  setup_app(app);
  ReportOptions report;
  CheckOptions check;
  WhatIfOptions whatif;
  DiffOptions diff;
  ConcedeCommandOptions concede;
  DealsCommandOptions deals;
  ExplainOptions explain;
  BlocsOptions blocs;
  CoalitionsOptions coalitions;
  ExportOptions exported;
  ImportOptions imported;
  SchemaOptions schema;
  struct Command {
    CLI::App* app;
    std::function<ExitCode()> run;
  };
  const std::vector<Command> commands{
      {setup_report(app, report), [&] { return run_report(report, io); }},
      {setup_check(app, check), [&] { return run_check(check, io); }},
      {setup_whatif(app, whatif), [&] { return run_whatif(whatif, io); }},
      {setup_diff(app, diff), [&] { return run_diff(diff, io); }},
      {setup_concede(app, concede), [&] { return run_concede(concede, io); }},
      {setup_deals(app, deals), [&] { return run_deals(deals, io); }},
      {setup_explain(app, explain), [&] { return run_explain(explain, io); }},
      {setup_blocs(app, blocs), [&] { return run_blocs(blocs, io); }},
      {setup_coalitions(app, coalitions), [&] { return run_coalitions(coalitions, io); }},
      {setup_export(app, exported), [&] { return run_export(exported, io); }},
      {setup_import(app, imported), [&] { return run_import(imported, io); }},
      {setup_schema(app, schema), [&] { return run_schema(schema, io); }},
  };
  for (const Command& command : commands) {
    command.app->set_help_flag("-h,--help", "Print this help and exit");
    command.app->footer(k_footer);
  }
  const auto run_selected = [&] {
    for (const Command& command : commands) {
      if (command.app->parsed()) return code(command.run());
    }
    print_tool_error("no command was run", io);  // unreachable while require_subcommand(1)
    return code(ExitCode::internal);
  };
  stats::disable();  // --stats turns it on while parsing
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    stats::disable();
    return parse_failure(app, e, io);
  }
  const int status = run_selected();
  print_stats(io.err);
  stats::disable();
  return status;
}

int run_unguarded(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  const Io io = make_io(out, err);
  const int status = parse_and_run(argc, argv, io);
  // A full disk or a closed pipe must not pass for success (`entente report x > /dev/full`).
  if (!out.flush()) {
    print_tool_error("cannot write to standard output", io);
    return status == code(ExitCode::ok) ? code(ExitCode::bad_input) : status;
  }
  return status;
}

static_assert(static_cast<int>(ExitCode::out_of_memory) == 4 &&
                  static_cast<int>(ExitCode::internal) == 3,
              "the exit codes of exception_boundary()");

}  // namespace

Io make_io(std::ostream& out, std::ostream& err) {
  return Io{
      .out = out,
      .err = err,
      .out_is_terminal = &out == &std::cout && isatty(STDOUT_FILENO) == 1,
      .err_is_terminal = &err == &std::cerr && isatty(STDERR_FILENO) == 1,
      .no_color = no_color_requested(),
  };
}

void print_tool_error(std::string_view message, const Io& io) {
  print_tool_error(message, io.err, {.color = io.err_color()});
}

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  return exception_boundary("entente", err, [&] { return run_unguarded(argc, argv, out, err); });
}

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  return exception_boundary("entente", err, [&] {
    std::vector<const char*> argv{"entente"};
    for (const std::string& arg : args) {
      argv.push_back(arg.c_str());
    }
    argv.push_back(nullptr);  // as in a real argv
    return run_unguarded(static_cast<int>(args.size() + 1), argv.data(), out, err);
  });
}

}  // namespace entente::cli
