// `entente schema [SCENARIO] [-o FILE]`: the JSON Schema of the position files, for editors
// (docs/schema.md). With a scenario, a reference may only name what the scenario holds, and
// an editor offers those names.

#include <CLI/CLI.hpp>
#include <ostream>

#include "commands/commands.h"
#include "entente/reports/position_schema.h"

namespace entente::cli {

CLI::App* setup_schema(CLI::App& app, SchemaOptions& options) {
  CLI::App* sub = app.add_subcommand(
      "schema", "Print the JSON Schema of the position files, for editors' completion and checks");
  sub->add_option("SCENARIO", options.scenario,
                  "A scenario (folder, single YAML file, or - for standard input) whose "
                  "parties, issues, sources and positions become the only names a reference "
                  "may take")
      ->type_name("");
  add_output_option(*sub, options.output);
  sub->footer([] {
    return "Without a scenario, prints the schema of every scenario, the bytes of\n"
           "docs/schema/position-file.schema.json. A position file names it in its first line:\n"
           "  # yaml-language-server: $schema=PATH-OR-URL\n"
           "A scenario with errors prints them and no schema (docs/schema.md).\n"
           "Example: entente schema positions/lease-renewal -o "
           "positions/lease-renewal/.entente-schema.json\n";
  });
  add_load_options(*sub, options.load);
  return sub;
}

ExitCode run_schema(const SchemaOptions& options, const Io& io) {
  if (options.scenario.empty()) {
    return emit(options.output, io, [](std::ostream& out, const reports::WriteOptions&) {
      reports::write_position_schema(out);
    });
  }
  if (refuse_output(options.scenario, options.output, io)) return ExitCode::bad_input;
  const Loaded scenario = load_and_print(options.scenario, options.load, io);
  if (!scenario) return scenario.error();
  return emit(options.output, io, [&](std::ostream& out, const reports::WriteOptions&) {
    reports::write_position_schema(*scenario, out);
  });
}

}  // namespace entente::cli
