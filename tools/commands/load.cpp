// Reading a scenario, as every command that takes one does.

#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <utility>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "commands/commands.h"
#include "diagnostics_printer.h"
#include "entente/analysis.h"
#include "entente/focus.h"
#include "entente/position_graph.h"
#include "entente/reports/comparison.h"
#include "support/memory.h"

namespace entente::cli {

namespace {

// The XDG base directory rule: $XDG_CACHE_HOME when it is an absolute path, else
// $HOME/.cache; none without either.
std::filesystem::path user_cache_folder() {
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  if (xdg != nullptr && *xdg == '/') return std::filesystem::path(xdg) / "entente";
  const char* home = std::getenv("HOME");
  if (home != nullptr && *home == '/') return std::filesystem::path(home) / ".cache" / "entente";
  return {};
}

}  // namespace

void add_max_file_size_option(CLI::App& command, LoadOptions& options) {
  options.max_file_bytes_hint = "raise it with --max-file-size";
  command
      .add_option("--max-file-size", options.max_file_bytes,
                  "Largest file to read, in bytes (suffixes k, M, G: 1024-based; default 4M)")
      ->transform(CLI::AsSizeValue(false).description(""))
      ->type_name("SIZE");
}

void add_stats_option(CLI::App& command) {
  command.add_flag_callback(
      "--stats", [] { stats::enable(); },
      "Print on standard error the time and memory each stage of the run took "
      "(docs/performance.md)");
}

void add_load_options(CLI::App& command, LoadOptions& options) {
  add_max_file_size_option(command, options);
  command
      .add_option("-j,--jobs", options.threads,
                  "Files parsed at once (default: one per core, up to 8; the output is the same). "
                  "Past 20,000 positions or stances, checking and reporting use a second "
                  "thread too")
      ->check(CLI::Range(1, 64))
      ->type_name("N");
  // On unless --no-cache, or ENTENTE_NO_CACHE is set (the test suite sets it, so that it never
  // writes beside the scenarios of the source tree).
  const char* no_cache = std::getenv("ENTENTE_NO_CACHE");
  options.cache = no_cache == nullptr || *no_cache == '\0';
  options.user_cache_folder = user_cache_folder();
  command.add_flag_callback(
      "--no-cache", [&options] { options.cache = false; },
      "Neither read nor write the parse cache (.entente-cache beside the scenario, or "
      "$XDG_CACHE_HOME/entente where the scenario's folder is not yours to write); so does "
      "a non-empty ENTENTE_NO_CACHE");
  add_stats_option(command);
}

void add_scenario_argument(CLI::App& command, std::string& path, std::string name,
                           std::string help) {
  command.add_option(std::move(name), path, std::move(help))->required()->type_name("");
}

Analysis analysis_of(const Scenario& scenario, std::optional<Resolution> resolution) {
  // The graph is gone before the report is made, and its memory handed back: on a large
  // scenario the two together would set the peak of memory.
  Analysis analysis = [&] {
    const PositionGraph graph = [&] {
      const stats::Stage stage("build graph");
      if (!resolution) return PositionGraph::build(scenario);
      PositionGraph built = PositionGraph::build(scenario, *resolution);
      // The resolution and the builder's pending edges are freed here, much of them on the
      // other thread's heap, which the analyses (on this one) would not reuse: handed back.
      resolution.reset();
      return_free_memory();
      return built;
    }();
    const stats::Stage stage("analyse");
    return analyze(graph);
  }();
  return_free_memory();
  return analysis;
}

void print_conflicts(const Scenario& scenario, const Analysis& analysis, const Io& io) {
  const std::vector<Diagnostic> conflicts = conflict_warnings(scenario, analysis);
  if (!conflicts.empty()) print_diagnostics(conflicts, io.err, {.color = io.err_color()});
}

reports::StreamedReport streamed_report(const Scenario& scenario, const Analysis& analysis) {
  const stats::Stage stage("make report");
  return reports::StreamedReport(scenario, analysis);
}

reports::StreamedReport comparison_side(reports::Format format, const Scenario& scenario,
                                        const Analysis& analysis) {
  if (!reports::comparison_reads_reports(format)) {
    return reports::StreamedReport(reports::Report{.title = scenario.title});
  }
  return streamed_report(scenario, analysis);
}

reports::Report report_from(const Scenario& scenario, Analysis analysis) {
  reports::Report report = [&] {
    const stats::Stage stage("make report");
    return reports::make_report(scenario, analysis);
  }();
  analysis = Analysis();  // its memory is not needed beside the report's
  return report;
}

reports::Report report_of(const Scenario& scenario, std::optional<Resolution> resolution) {
  return report_from(scenario, analysis_of(scenario, std::move(resolution)));
}

namespace {

constexpr std::string_view k_stdin_name = "<stdin>";

// Standard input whole, up to the file size limit: a single-file scenario piped in.
Expected<std::string> read_standard_input(const LoadOptions& options) {
  const auto fail = [](std::string message) -> Expected<std::string> {
    return tl::unexpected(std::vector<Diagnostic>{
        {.where = {.file = FileName(k_stdin_name)}, .message = std::move(message)}});
  };
  const stats::Stage stage("read standard input");
  std::string text;
  std::array<char, 64 << 10> buffer{};
  for (;;) {
    const ssize_t n = ::read(STDIN_FILENO, buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return fail(fmt::format("cannot read: {}", std::strerror(errno)));
    if (n == 0) break;
    text.append(buffer.data(), static_cast<std::size_t>(n));
    if (text.size() > options.max_file_bytes) {
      return fail(fmt::format("larger than the limit of {} bytes ({})", options.max_file_bytes,
                              options.max_file_bytes_hint));
    }
  }
  return text;
}

}  // namespace

bool is_standard_input(std::string_view scenario) { return scenario == "-"; }

Expected<Scenario> load(const std::filesystem::path& path, const LoadOptions& options,
                        Resolution* resolution) {
  if (!is_standard_input(path.native())) return load_scenario(path, options, resolution);
  // A scenario piped in has no file to key a parse cache entry by: it is parsed every time.
  return read_standard_input(options).and_then([&](const std::string& text) {
    return load_scenario_text(text, k_stdin_name, options, resolution);
  });
}

Loaded focus_and_print(Scenario scenario, std::span<const std::string> parties, const Io& io,
                       Resolution* resolution) {
  if (parties.empty()) return scenario;
  static constexpr OptionName k_parties[] = {{"parties", "--parties"}};
  Expected<Scenario> focused = [&] {
    const stats::Stage stage("focus");
    return focus_on(std::move(scenario), parties);
  }();
  if (!focused) {
    print_diagnostics(focused.error(), io.err, {.color = io.err_color(), .options = k_parties});
    return tl::unexpected(ExitCode::usage);
  }
  if (resolution != nullptr) *resolution = Resolution();  // of the scenario before the focus
  return std::move(*focused);
}

Loaded load_and_print(const std::filesystem::path& path, const LoadOptions& options, const Io& io,
                      Resolution* resolution, std::span<const std::string> parties) {
  Expected<Scenario> scenario = load(path, options, resolution);
  const PrintOptions print{.color = io.err_color()};
  if (!scenario) {
    print_diagnostics(scenario.error(), io.err, print);
    return tl::unexpected(ExitCode::bad_input);
  }
  print_diagnostics(scenario->warnings, io.err, print);
  return focus_and_print(std::move(*scenario), parties, io, resolution);
}

void add_parties_option(CLI::App& command, std::vector<std::string>& parties) {
  // One value split at commas, so that the help shows `P1,P2,...` and not a repeated option.
  command
      .add_option_function<std::string>(
          "--parties",
          [&parties](const std::string& value) {
            parties.clear();
            for (std::size_t from = 0;;) {
              const std::size_t comma = value.find(',', from);
              parties.push_back(value.substr(from, comma - from));
              if (comma == std::string::npos) break;
              from = comma + 1;
            }
          },
          "Focus on these parties (two or more, comma-separated): the others' stances are "
          "dropped and audiences narrowed to these (docs/format.md 6.2)")
      ->type_name("P1,P2,...");
}

}  // namespace entente::cli
