#pragma once

// The subcommands of `entente`, one file each (CLI11's subcom_in_files layout). Private to
// tools/: cli.cpp registers them, the tests call them directly.

#include <filesystem>
#include <functional>
#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "cli.h"
#include "entente/blocs.h"
#include "entente/coalitions.h"
#include "entente/concede.h"
#include "entente/deals.h"
#include "entente/loader.h"
#include "entente/model.h"
#include "entente/reports/report.h"
#include "entente/resolution.h"
#include "entente/what_if.h"
#include "support/stats.h"

namespace CLI {
class App;
}

namespace entente::cli {

/// Where a command writes, and whether colour is wanted there.
struct Io {
  std::ostream& out;
  std::ostream& err;
  bool out_is_terminal = false;  ///< `out` is the process's stdout and that is a terminal
  bool err_is_terminal = false;  ///< `err` is the process's stderr and that is a terminal
  bool no_color = false;         ///< NO_COLOR is set and not empty (https://no-color.org)

  [[nodiscard]] bool out_color() const { return out_is_terminal && !no_color; }
  [[nodiscard]] bool err_color() const { return err_is_terminal && !no_color; }
};

/// The Io of a run: a stream counts as a terminal only when it is std::cout / std::cerr and
/// the matching file descriptor is a tty; NO_COLOR is read from the environment.
Io make_io(std::ostream& out, std::ostream& err);

/// Prints `entente: error: message` on io.err.
void print_tool_error(std::string_view message, const Io& io);

struct ReportOptions {
  std::string scenario{};
  reports::Format format = reports::Format::text;
  std::string output{};  ///< empty: standard output
  std::vector<std::string> parties{};  ///< --parties: focus on these (6.2)
  LoadOptions load{};
  bool watch = false;  ///< run again on every change to the scenario's files, until a signal
  reports::CsvTable table = reports::CsvTable::positions;  ///< with --format csv only
};

/// Adds `report` to `app`; the options are filled when it is parsed.
CLI::App* setup_report(CLI::App& app, ReportOptions& options);
ExitCode run_report(const ReportOptions& options, const Io& io);

struct CheckOptions {
  enum class Format { text, json, github };
  std::string scenario{};
  Format format = Format::text;
  bool strict = false;  ///< warnings fail too
  std::vector<std::string> parties{};  ///< --parties: focus on these (6.2)
  LoadOptions load{};
};

CLI::App* setup_check(CLI::App& app, CheckOptions& options);
ExitCode run_check(const CheckOptions& options, const Io& io);

struct WhatIfOptions {
  std::string scenario{};
  /// In the order given on the command line, whatever the option.
  std::vector<std::pair<ChangeKind, std::string>> changes{};
  reports::Format format = reports::Format::text;
  std::string output{};
  std::vector<std::string> parties{};  ///< --parties: focus on these (6.2)
  LoadOptions load{};
};

CLI::App* setup_whatif(CLI::App& app, WhatIfOptions& options);
ExitCode run_whatif(const WhatIfOptions& options, const Io& io);

struct DiffOptions {
  std::string old_scenario{};
  std::string new_scenario{};
  bool exit_code = false;  ///< exit 5 (ExitCode::changed) when anything moved
  reports::Format format = reports::Format::text;
  std::string output{};
  std::vector<std::string> parties{};  ///< --parties: focus on these (6.2)
  LoadOptions load{};
};

CLI::App* setup_diff(CLI::App& app, DiffOptions& options);
ExitCode run_diff(const DiffOptions& options, const Io& io);

struct ConcedeCommandOptions {
  std::string scenario{};
  ConcedeOptions query{};
  reports::Format format = reports::Format::text;
  std::string output{};
  std::vector<std::string> parties{};  ///< --parties: focus on these (6.2)
  LoadOptions load{};
};

CLI::App* setup_concede(CLI::App& app, ConcedeCommandOptions& options);
ExitCode run_concede(const ConcedeCommandOptions& options, const Io& io);

struct DealsCommandOptions {
  std::string scenario{};
  DealsOptions query{};
  std::vector<std::string> score{};  ///< --score: the deal's refs (empty: no score)
  reports::Format format = reports::Format::text;
  std::string output{};
  std::vector<std::string> parties{};  ///< --parties: focus on these (6.2)
  LoadOptions load{};
};

CLI::App* setup_deals(CLI::App& app, DealsCommandOptions& options);
ExitCode run_deals(const DealsCommandOptions& options, const Io& io);

struct BlocsOptions {
  std::string scenario{};
  double threshold = k_default_bloc_threshold;
  reports::Format format = reports::Format::text;
  std::string output{};
  std::vector<std::string> parties{};  ///< --parties: focus on these (6.2)
  LoadOptions load{};
};

CLI::App* setup_blocs(CLI::App& app, BlocsOptions& options);
/// The blocs of a loaded scenario (graph, analysis, find_blocs), each stage timed; the
/// resolution is load_and_print's. The analysis's conflict warnings (docs/format.md 7.2) go
/// to io.err.
Blocs blocs_of(const Scenario& scenario, const Resolution& resolution, const Io& io,
               double threshold = k_default_bloc_threshold);
ExitCode run_blocs(const BlocsOptions& options, const Io& io);

struct CoalitionsOptions {
  std::string scenario{};
  std::optional<std::size_t> size{};   ///< --size K
  std::optional<std::string> quota{};  ///< --quota W
  CoalitionQuery query{};              ///< --with, --without and --top
  reports::Format format = reports::Format::text;
  std::string output{};
  std::vector<std::string> parties{};  ///< --parties: focus on these (6.2)
  LoadOptions load{};
};

CLI::App* setup_coalitions(CLI::App& app, CoalitionsOptions& options);
ExitCode run_coalitions(const CoalitionsOptions& options, const Io& io);

struct ExplainOptions {
  std::string scenario{};
  std::string position{};  ///< `PARTY/POSITION`
  reports::Format format = reports::Format::text;
  std::string output{};
  std::vector<std::string> parties{};  ///< --parties: focus on these (6.2)
  LoadOptions load{};
};

CLI::App* setup_explain(CLI::App& app, ExplainOptions& options);
ExitCode run_explain(const ExplainOptions& options, const Io& io);

struct ExportOptions {
  std::string format{};  ///< csv, the one there is
  std::string scenario{};
  std::string output{};  ///< the folder to write
  bool force = false;    ///< replace the folder when it holds something
  LoadOptions load{};
};

/// `entente export csv SCENARIO -o DIR`: the scenario as CSV sheets (docs/csv.md).
CLI::App* setup_export(CLI::App& app, ExportOptions& options);
ExitCode run_export(const ExportOptions& options, const Io& io);

struct ImportOptions {
  std::string format{};  ///< csv, the one there is
  std::string folder{};  ///< the sheets
  std::string output{};  ///< empty: standard output
  LoadOptions load{};    ///< its file size limit only
};

/// `entente import csv DIR [-o FILE]`: CSV sheets back into one YAML file.
CLI::App* setup_import(CLI::App& app, ImportOptions& options);
ExitCode run_import(const ImportOptions& options, const Io& io);

struct SchemaOptions {
  std::string scenario{};  ///< empty: the schema of every scenario
  std::string output{};    ///< empty: standard output
  LoadOptions load{};
};

/// `entente schema [SCENARIO] [-o FILE]`: the JSON Schema of the position files (docs/schema.md).
CLI::App* setup_schema(CLI::App& app, SchemaOptions& options);
ExitCode run_schema(const SchemaOptions& options, const Io& io);

/// The required first argument `FORMAT` of export and import: `csv`.
void add_exchange_format_argument(CLI::App& command, std::string& format, std::string help);

/// `--format F`, F one of `formats`: text and JSON unless the command can write more.
void add_format_option(CLI::App& command, reports::Format& format,
                       std::vector<reports::Format> formats = {reports::Format::text,
                                                               reports::Format::json});

/// The formats of a comparison (diff, whatif): text, JSON, HTML and Markdown. Not dot: a graph
/// is of one scenario.
std::vector<reports::Format> comparison_formats();

/// `-o,--output FILE`.
void add_output_option(CLI::App& command, std::string& output);

/// Renders a command's result to a stream, coloured or not as the options say.
using Render = std::function<void(std::ostream&, const reports::WriteOptions&)>;

/// True (after printing why) when `-o output` would overwrite an input of the scenario or
/// put a new YAML file into its folder. An empty output is standard output: never refused.
bool refuse_output(const std::filesystem::path& scenario, const std::string& output,
                   const Io& io);

/// Renders to standard output (coloured on a terminal), or with `output` to a temporary file
/// beside it that is renamed over it once complete.
ExitCode emit(const std::string& output, const Io& io, const Render& render);

/// The analysis of a loaded scenario: graph, then analyses. The graph is built from
/// `resolution` when given (load_and_print's), which is freed as soon as the graph is made;
/// the graph is gone when the analysis is returned.
Analysis analysis_of(const Scenario& scenario, std::optional<Resolution> resolution = std::nullopt);

/// docs/format.md 7.2's warnings of `analysis` (two alternatives of an exclusive issue both
/// agreed), printed to io.err as the loading's are.
void print_conflicts(const Scenario& scenario, const Analysis& analysis, const Io& io);

/// The report of a scenario and its analysis, its positions' rows made as it is written; both
/// must outlive it.
reports::StreamedReport streamed_report(const Scenario& scenario, const Analysis& analysis);

/// What a comparison in `format` reads of one side: streamed_report(), or for a format that
/// reads only the title (reports::comparison_reads_reports), a report of the title alone.
reports::StreamedReport comparison_side(reports::Format format, const Scenario& scenario,
                                        const Analysis& analysis);

/// The report of a scenario and its analysis, which is freed once the report is made.
reports::Report report_from(const Scenario& scenario, Analysis analysis);

/// The report of a loaded scenario: analysis_of(), then the report.
reports::Report report_of(const Scenario& scenario,
                          std::optional<Resolution> resolution = std::nullopt);

/// Adds the options of every command that reads a scenario (--max-file-size, --jobs,
/// --no-cache, --stats).
void add_load_options(CLI::App& command, LoadOptions& options);

/// `--max-file-size SIZE` alone, for a command that reads files but no YAML scenario (import).
void add_max_file_size_option(CLI::App& command, LoadOptions& options);

/// `--stats`.
void add_stats_option(CLI::App& command);

/// Adds a required positional argument naming a scenario (a folder or a single file).
void add_scenario_argument(
    CLI::App& command, std::string& path, std::string name = "SCENARIO",
    std::string help = "Scenario folder, a single YAML file, or - for standard input");

/// `-`: the scenario is read from standard input (a single-file scenario).
bool is_standard_input(std::string_view scenario);

/// Loads a scenario: a folder or a file, or with `-` a single-file scenario from standard
/// input (named `<stdin>` in diagnostics; never cached; at most --max-file-size bytes).
Expected<Scenario> load(const std::filesystem::path& path, const LoadOptions& options,
                        Resolution* resolution = nullptr);

/// `--parties P1,P2,...`: the parties to focus on (docs/format.md 6.2).
void add_parties_option(CLI::App& command, std::vector<std::string>& parties);

/// A loaded scenario, or the exit code of why there is none.
using Loaded = tl::expected<Scenario, ExitCode>;

/// Loads a scenario (load()) and prints its diagnostics (errors and warnings) on io.err, then
/// focuses it on `parties` when given (focus_on). Bad input exits 1; a bad --parties 2.
/// Shared by every command that reads a scenario.
Loaded load_and_print(const std::filesystem::path& path, const LoadOptions& options, const Io& io,
                      Resolution* resolution = nullptr, std::span<const std::string> parties = {});

/// Focuses a loaded scenario on `parties` (none: all of them); an error is printed, exit 2.
/// The resolution, when given, is of the scenario as loaded: a focus empties it.
Loaded focus_and_print(Scenario scenario, std::span<const std::string> parties, const Io& io,
                       Resolution* resolution = nullptr);

}  // namespace entente::cli
