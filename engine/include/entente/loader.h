#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "entente/diagnostic.h"
#include "entente/model.h"

namespace entente {

struct Resolution;

/// Limits that keep a hostile file from exhausting time or memory.
struct LoadOptions {
  /// Per file; larger files are rejected. 4 MiB is 30 times a party file of the largest
  /// scenario we target (200 parties x 500 positions) and bounds the parser to about 3 s
  /// and 300 MB on the worst input.
  std::uint64_t max_file_bytes = 4u << 20;
  /// How the caller raises that limit, said after the error of a larger file (the CLI names
  /// its option there; the engine never does).
  std::string max_file_bytes_hint{};
  /// Diagnostics reported at most (as clang's -ferror-limit): a file of a million wrong
  /// items needs its first few shown, not all of them.
  std::size_t max_diagnostics = 100;
  /// Files parsed at once (at least 1); the output never depends on it.
  std::size_t threads = default_threads();

  static std::size_t default_threads();
  /// Reuse and keep the models of unchanged files in `.entente-cache/` beside the scenario
  /// (engine/src/loader/parse_cache.h). Off by default; the CLI turns it on.
  bool cache = false;
  /// Where the cache goes instead when the scenario's folder is not the user's to write: one
  /// the user cannot write, or under /usr (installed examples). Empty: no cache there. The
  /// CLI gives `$XDG_CACHE_HOME/entente` (`~/.cache/entente`).
  std::filesystem::path user_cache_folder{};
};

/// The positions and stances of one party file of the folder form.
struct PartyFile {
  IdRef party{};
  std::vector<Position> positions{};
  std::vector<StanceDecl> stances{};
};

/// Parses scenario.yaml, or a whole scenario in the single-file form. No cross-file checks.
/// A file whose name ends in `.json` is read as JSON, any other as YAML.
[[nodiscard]] Expected<Scenario> parse_scenario(std::string_view text, std::string_view file_name);

/// Parses one `<party>.yaml` (or `<party>.json`) of the folder form. No cross-file checks.
[[nodiscard]] Expected<PartyFile> parse_party_file(std::string_view text,
                                                   std::string_view file_name);

/// True for a name the loader reads as a file of a folder scenario (`*.yaml`, `*.yml`,
/// `*.json`). The
/// files editors write on the way to saving (`.x.yaml.swp`, `x.yaml~`, vim's `4913`) are not.
[[nodiscard]] bool is_scenario_file_name(std::string_view name);

/// True for a file the loader reads as JSON rather than YAML: its name ends in `.json`
/// (docs/format.md 1, "JSON input").
[[nodiscard]] bool is_json_file_name(std::string_view name);

/// The files a scenario path stands for: a folder's scenario.yaml (or scenario.json; both is
/// an error) first, then its other *.yaml / *.yml / *.json files sorted by name; or the path
/// itself when it is a file.
[[nodiscard]] Expected<std::vector<std::filesystem::path>> scenario_files(
    const std::filesystem::path& path);

/// Reads, parses and validates a scenario (folder or single file); every problem of every
/// file comes back at once, sorted. The scenario's resolution goes to `resolution` if given.
[[nodiscard]] Expected<Scenario> load_scenario(const std::filesystem::path& path,
                                               const LoadOptions& options = {},
                                               Resolution* resolution = nullptr);

/// A single-file scenario already in memory (the CLI's `-`, standard input), named `name` in
/// its diagnostics: checked, parsed and validated as load_scenario() does a file, except that
/// there is no parse cache (nothing to key it by) and no size limit (the caller read it).
/// Text whose first byte past blanks is `{` is read as JSON, any other as YAML.
[[nodiscard]] Expected<Scenario> load_scenario_text(std::string_view text, std::string_view name,
                                                    const LoadOptions& options = {},
                                                    Resolution* resolution = nullptr);

/// What validate() is told of the files a folder scenario was read from, so that its messages
/// can name a file that is missing. load_scenario() fills it; a scenario from one file, or
/// made in memory, has none of it.
struct LoadedFiles {
  /// The parties of scenario.yaml that no party file of the folder holds. References to the
  /// positions of one of them that holds none (not even in scenario.yaml) are one error on
  /// the party, naming `<party>.yaml` and counting them, not one error each.
  std::vector<Symbol> parties_without_file{};
  /// How the folder's party files are named: `.json` beside a scenario.json.
  std::string party_file_extension = ".yaml";
};

/// One sheet of a scenario in CSV (entente/csv_sheets.h): its file, as diagnostics name it, and
/// its bytes.
struct CsvSheetText {
  std::string file{};
  std::string text{};
};

/// Reads a scenario from its CSV sheets (docs/csv.md), given in the order of k_csv_sheets, and
/// validates it. Every key is checked as in a YAML file, and so are the sheets' headers, the
/// width of each record, the bytes of each field and ids that look like formulas; every problem
/// comes back at once, sorted, each placed at a record's first line and a field's number
/// (Diagnostic::column_is_field). References are checked once every sheet reads without error.
[[nodiscard]] Expected<Scenario> parse_csv_scenario(std::span<const CsvSheetText> sheets);

/// Reads the sheets of the folder `folder` (each a regular file of at most
/// options.max_file_bytes; the parse cache and threads are not used) and parses them.
[[nodiscard]] Expected<Scenario> load_csv_scenario(const std::filesystem::path& folder,
                                                   const LoadOptions& options = {});

/// Cross-file checks (unknown references, duplicate ids, audiences, stances); adds warnings.
/// When the scenario is valid and `resolution` is given, its resolution (entente/resolution.h)
/// goes there, for PositionGraph::build.
[[nodiscard]] Expected<Scenario> validate(Scenario scenario, Resolution* resolution = nullptr,
                                          const LoadedFiles& files = {});

}  // namespace entente
