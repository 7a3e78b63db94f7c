// Finds and reads a scenario's files, merges party files into the scenario, and validates.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iterator>
#include <map>
#include <optional>
#include <system_error>
#include <thread>

#include <fmt/format.h>

#include "entente/loader.h"
#include "loader/json_nodes.h"
#include "loader/parse_cache.h"
#include "loader/read_file.h"
#include "loader/schema.h"
#include "support/files.h"
#include "support/memory.h"
#include "support/parallel.h"
#include "support/spelling.h"
#include "support/stats.h"

namespace entente {
namespace {

namespace fs = std::filesystem;

// A folder's main file, in YAML or in JSON (docs/format.md 1).
constexpr std::string_view k_scenario_file = "scenario.yaml";
constexpr std::string_view k_scenario_json = "scenario.json";
// Party files that brought at least this many positions and stances leave enough freed
// lists, once merged, to be worth handing back to the kernel (some megabytes).
constexpr std::size_t k_worth_returning = 20'000;
// How many times a merge of parsed files that large hands their memory back on the way.
constexpr std::size_t k_returns_in_merge = 8;

Diagnostic file_error(const fs::path& path, std::string message) {
  return {{path.string(), 0, 0}, Severity::error, std::move(message)};
}

}  // namespace

// Opening non-blocking keeps a FIFO from hanging the run; reading at most max_bytes + 1 keeps
// a growing file from defeating the cap.
Expected<detail::FileData> detail::read_file(const fs::path& path, std::uint64_t max_bytes,
                                             std::string_view hint) {
  const auto fail = [&](std::string message) -> Expected<FileData> {
    return tl::unexpected(std::vector<Diagnostic>{file_error(path, std::move(message))});
  };
  const UniqueFd file(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
  if (!file) return fail(fmt::format("cannot open: {}", std::strerror(errno)));
  const int fd = file.get();
  struct stat st {};
  if (::fstat(fd, &st) != 0) return fail(fmt::format("cannot stat: {}", std::strerror(errno)));
  if (!S_ISREG(st.st_mode)) return fail("not a regular file");
  const auto too_big = [&] {
    return fail(fmt::format("file is larger than the limit of {} bytes{}", max_bytes,
                            hint.empty() ? std::string() : fmt::format(" ({})", hint)));
  };
  if (static_cast<std::uint64_t>(st.st_size) > max_bytes) return too_big();
  std::string data(static_cast<std::size_t>(st.st_size) + 1, '\0');
  std::size_t got = 0;
  while (got < data.size()) {
    const ssize_t n = ::read(fd, data.data() + got, data.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return fail(fmt::format("cannot read: {}", std::strerror(errno)));
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
    if (got > max_bytes) return too_big();
    if (got == data.size()) data.resize(std::min<std::uint64_t>(data.size() * 2, max_bytes + 1));
  }
  data.resize(got);
  return FileData{std::move(data),
                  std::int64_t{st.st_mtim.tv_sec} * 1'000'000'000 + st.st_mtim.tv_nsec};
}

namespace {

// A party file on its way into the scenario: parsed, or found in the parse cache with its
// lists still encoded.
struct PartyInput {
  fs::path path;
  std::optional<PartyFile> parsed;
  std::optional<detail::CachedParty> cached;

  [[nodiscard]] const IdRef& party() const { return parsed ? parsed->party : cached->party; }
};

// Whether a party file's positions and stances go into the scenario: its party exists and
// has no other file.
bool accept_party_file(const IdRef& party, const fs::path& path, const Scenario& scenario,
                       std::string_view main_file,
                       std::map<std::string, std::string>& file_of_party,
                       std::vector<Diagnostic>& diagnostics) {
  const auto is_file_party = [&](const Party& p) { return p.id == party.id; };
  if (std::none_of(scenario.parties.begin(), scenario.parties.end(), is_file_party)) {
    std::vector<std::string> ids;  // the candidates of a suggestion, on this error only
    for (const Party& p : scenario.parties) ids.push_back(p.id);
    diagnostics.push_back({party.where, Severity::error,
                           fmt::format("unknown party '{}'{}; parties are listed in {}", party.id,
                                       detail::did_you_mean(party.id, ids), main_file)});
    return false;
  }
  const auto [it, inserted] = file_of_party.try_emplace(party.id, path.string());
  if (!inserted) {
    diagnostics.push_back({party.where, Severity::error,
                           fmt::format("party '{}' already has a file: {}", party.id, it->second)});
    return false;
  }
  if (path.stem() != party.id.view()) {
    diagnostics.push_back({party.where, Severity::warning,
                           fmt::format("file name '{}' does not match party '{}'",
                                       path.filename().string(), party.id)});
  }
  return true;
}

// Adds the items of `field` of every file to the end of `out`, in file order: a parsed file's
// are moved (and its list freed), a cached file's decoded in their place by `append`. Marks
// in `failed` the files whose cached list did not decode.
template <class T>
void add_items(std::vector<PartyInput*>& files, std::vector<T> PartyFile::*field,
               std::size_t detail::CachedParty::*length,
               bool (*append)(const detail::CachedParty&, std::vector<T>&), std::vector<T>& out,
               std::vector<char>& failed) {
  std::size_t total = out.size();
  for (const PartyInput* file : files) {
    total += file->parsed ? (*file->parsed.*field).size() : (*file->cached).*length;
  }
  out.reserve(total);
  // The parsed lists are handed back to the system as they are merged, a few times on the way:
  // else a large scenario's lists would be resident twice at the end of the merge.
  const std::size_t return_every = std::max<std::size_t>(total / k_returns_in_merge, 1);
  std::size_t freed = 0;
  for (std::size_t i = 0; i < files.size(); ++i) {
    PartyInput& file = *files[i];
    if (file.parsed) {
      std::vector<T>& items = *file.parsed.*field;
      std::move(items.begin(), items.end(), std::back_inserter(out));
      freed += items.size();
      items = std::vector<T>();  // frees it (`= {}` would keep the capacity)
      if (total >= k_worth_returning && freed >= return_every) {
        return_free_memory();
        freed = 0;
      }
    } else if (!append(*file.cached, out)) {
      failed[i] = 1;
    }
  }
}

// Adds the accepted party files' positions and stances to the scenario, the two on two
// threads on a large scenario (each a pass over tens of megabytes). Returns the paths of the
// cached files whose lists did not decode; the scenario is then incomplete.
std::vector<fs::path> merge_party_files(std::vector<PartyInput*>& files, Scenario& scenario) {
  std::size_t items = 0;
  for (const PartyInput* file : files) {
    items += file->parsed ? file->parsed->positions.size() + file->parsed->stances.size()
                          : file->cached->positions + file->cached->stances;
  }
  std::vector<char> failed_positions(files.size()), failed_stances(files.size());
  run_both(
      items >= k_worth_a_second_thread,
      [&] {
        add_items(files, &PartyFile::positions, &detail::CachedParty::positions,
                  &detail::append_positions, scenario.positions, failed_positions);
      },
      [&] {
        add_items(files, &PartyFile::stances, &detail::CachedParty::stances,
                  &detail::append_stances, scenario.stances, failed_stances);
      });
  std::vector<fs::path> failed;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (failed_positions[i] || failed_stances[i]) failed.push_back(files[i]->path);
  }
  return failed;
}

}  // namespace

bool is_json_file_name(std::string_view name) { return fs::path{name}.extension() == ".json"; }

bool is_scenario_file_name(std::string_view name) {
  const fs::path extension = fs::path{name}.extension();
  return extension == ".yaml" || extension == ".yml" || is_json_file_name(name);
}

Expected<std::vector<fs::path>> scenario_files(const fs::path& path) {
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    return tl::unexpected(std::vector<Diagnostic>{file_error(path, "no such file or folder")});
  }
  if (!fs::is_directory(status)) return std::vector<fs::path>{path};
  const fs::path yaml = path / k_scenario_file;
  const fs::path json = path / k_scenario_json;
  const bool has_yaml = fs::exists(yaml, ec);
  const bool has_json = fs::exists(json, ec);
  if (has_yaml && has_json) {
    return tl::unexpected(
        std::vector<Diagnostic>{file_error(path, fmt::format("folder has both {} and {}; keep one",
                                                             k_scenario_file, k_scenario_json))});
  }
  if (!has_yaml && !has_json) {
    return tl::unexpected(std::vector<Diagnostic>{file_error(
        path, fmt::format("folder has no {} (or {})", k_scenario_file, k_scenario_json))});
  }
  const fs::path main = has_json ? json : yaml;
  std::vector<fs::path> party_files;
  for (const auto& entry : fs::directory_iterator(path, ec)) {
    if (entry.path().filename() != main.filename() &&
        is_scenario_file_name(entry.path().filename().string())) {
      party_files.push_back(entry.path());
    }
  }
  if (ec) return tl::unexpected(std::vector<Diagnostic>{file_error(path, ec.message())});
  std::sort(party_files.begin(), party_files.end());
  party_files.insert(party_files.begin(), main);
  return party_files;
}

namespace {

using detail::ParsedFile;

// With a cache, a file's entry is used unless `distrusted` (its entry then rewritten).
ParsedFile read_and_parse(const fs::path& path, bool is_main, const LoadOptions& options,
                          const std::optional<detail::ParseCache>& cache, bool distrusted) {
  ParsedFile result;
  auto data = detail::read_file(path, options.max_file_bytes, options.max_file_bytes_hint);
  if (!data) {
    result.diagnostics = std::move(data.error());
    return result;
  }
  const std::string file = path.string();
  detail::FileKey key{};
  if (cache) {
    key = {data->text.size(), data->mtime_ns, detail::content_hash(data->text)};
    if (!distrusted) {
      if (auto hit = cache->find(file, key)) return std::move(*hit);
    }
  }
  if (is_main) {
    auto parsed = parse_scenario(data->text, file);
    if (parsed)
      result.scenario = std::move(*parsed);
    else
      result.diagnostics = std::move(parsed.error());
  } else {
    auto parsed = parse_party_file(data->text, file);
    if (parsed)
      result.party = std::move(*parsed);
    else
      result.diagnostics = std::move(parsed.error());
  }
  if (cache) cache->store(file, key, result);
  return result;
}

// Parses the files on up to `threads` threads, the largest first so that one big file does
// not end the run alone; results stay in the files' order, so the output never depends on
// the schedule.
std::vector<ParsedFile> parse_files(const fs::path& scenario, const std::vector<fs::path>& files,
                                    const LoadOptions& options,
                                    const std::vector<fs::path>& distrusted) {
  std::optional<detail::ParseCache> cache;
  if (options.cache) cache = detail::ParseCache::for_scenario(scenario, options.user_cache_folder);
  std::vector<ParsedFile> parsed(files.size());
  std::vector<std::size_t> order(files.size());
  // Files to parse go first, largest first: a file parsed last would end the run alone while
  // the other threads wait. With a cache, those are the files newer than their entries.
  std::vector<std::pair<bool, std::uintmax_t>> cost(files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    order[i] = i;
    std::error_code ec;
    const std::uintmax_t size = fs::file_size(files[i], ec);
    cost[i] = {cache && cache->likely_stale(files[i]), ec ? 0 : size};
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return cost[a] > cost[b]; });
  for_each_index(order.size(), options.threads, [&](std::size_t k) {
    const std::size_t i = order[k];
    parsed[i] = read_and_parse(
        files[i], i == 0, options, cache,
        std::find(distrusted.begin(), distrusted.end(), files[i]) != distrusted.end());
  });
  return parsed;
}

}  // namespace

std::size_t LoadOptions::default_threads() {
  return std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
}

namespace {

// Reads the files into `scenario`, party files merged, with the diagnostics of each file and
// of the merge; in a folder, the parties no file holds go to `loaded`. Returns the cached
// files whose lists did not decode: `scenario` is then incomplete, and those files are to be
// parsed again.
std::vector<fs::path> read_and_merge(const fs::path& path, const std::vector<fs::path>& files,
                                     const LoadOptions& options,
                                     const std::vector<fs::path>& distrusted, Scenario& scenario,
                                     std::vector<Diagnostic>& diagnostics, LoadedFiles& loaded) {
  std::vector<PartyInput> party_files;
  std::size_t parsed_items = 0;  // positions and stances of the party files parsed
  {
    const stats::Stage stage("read and parse files");
    std::vector<ParsedFile> parsed = parse_files(path, files, options, distrusted);
    for (std::size_t i = 0; i < parsed.size(); ++i) {
      ParsedFile& file = parsed[i];
      diagnostics.insert(diagnostics.end(), file.diagnostics.begin(), file.diagnostics.end());
      if (file.scenario) scenario = std::move(*file.scenario);
      if (file.party) parsed_items += file.party->positions.size() + file.party->stances.size();
      if (file.party || file.cached_party) {
        party_files.push_back({files[i], std::move(file.party), std::move(file.cached_party)});
      }
    }
  }
  // Cross-file checks need every file read: a broken file would make its references look
  // unknown elsewhere.
  if (has_errors(diagnostics)) return {};
  const stats::Stage stage("merge party files");
  std::map<std::string, std::string> file_of_party;
  const std::string main_file = files.front().filename().string();
  std::vector<PartyInput*> accepted;
  for (PartyInput& file : party_files) {
    if (accept_party_file(file.party(), file.path, scenario, main_file, file_of_party,
                          diagnostics)) {
      accepted.push_back(&file);
    }
  }
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    for (const Party& party : scenario.parties) {
      if (!file_of_party.contains(party.id)) loaded.parties_without_file.push_back(party.id);
    }
    if (is_json_file_name(main_file)) loaded.party_file_extension = ".json";
  }
  std::vector<fs::path> failed = merge_party_files(accepted, scenario);
  // The parsed files' lists are merged and freed: validation and what follows allocate other
  // sizes, on other threads' heaps. (Freed cache entries are not returned: the stages after
  // reuse them, which a rerun after an edit, nearly all cached, needs to stay fast.)
  if (parsed_items >= k_worth_returning) return_free_memory();
  return failed;
}

}  // namespace

namespace {

// What every load ends with: the files' diagnostics judged, then validation.
Expected<Scenario> validated(Scenario scenario, std::vector<Diagnostic> diagnostics,
                             const LoadOptions& options, Resolution* resolution,
                             const LoadedFiles& loaded = {}) {
  if (has_errors(diagnostics)) {
    sort_diagnostics(diagnostics);
    return tl::unexpected(limit_diagnostics(std::move(diagnostics), options.max_diagnostics));
  }
  scenario.warnings.insert(scenario.warnings.end(), diagnostics.begin(), diagnostics.end());
  auto valid = [&] {
    const stats::Stage stage("validate");
    return validate(std::move(scenario), resolution, loaded);
  }();
  if (!valid)
    return tl::unexpected(limit_diagnostics(std::move(valid.error()), options.max_diagnostics));
  valid->warnings = limit_diagnostics(std::move(valid->warnings), options.max_diagnostics);
  return valid;
}

}  // namespace

Expected<Scenario> load_scenario_text(std::string_view text, std::string_view name,
                                      const LoadOptions& options, Resolution* resolution) {
  Expected<Scenario> parsed = [&] {
    const stats::Stage stage("parse (no parse cache)");
    // Standard input has no name to tell JSON by: a JSON object starts with '{'.
    return detail::parse_scenario_as(text, name, detail::looks_like_json(text));
  }();
  if (!parsed) return validated(Scenario(), std::move(parsed.error()), options, resolution);
  return validated(std::move(*parsed), {}, options, resolution);
}

Expected<Scenario> load_scenario(const fs::path& path, const LoadOptions& options,
                                 Resolution* resolution) {
  auto files = scenario_files(path);
  if (!files) return tl::unexpected(std::move(files.error()));
  std::vector<Diagnostic> diagnostics;
  Scenario scenario;
  // A cache entry whose checksum is right but whose lists are not (never written by entente)
  // is found only as it is decoded, into the merged lists: the load starts again with that
  // file parsed. Each round distrusts at least one more file, so the rounds end.
  std::vector<fs::path> distrusted;
  LoadedFiles loaded;
  for (;;) {
    std::vector<fs::path> failed =
        read_and_merge(path, *files, options, distrusted, scenario, diagnostics, loaded);
    if (failed.empty()) break;
    distrusted.insert(distrusted.end(), failed.begin(), failed.end());
    scenario = Scenario();
    diagnostics.clear();
    loaded = LoadedFiles();
  }
  return validated(std::move(scenario), std::move(diagnostics), options, resolution, loaded);
}

}  // namespace entente
