// Finds and reads a scenario's files, merges party files into the scenario, and validates.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <exception>
#include <iterator>
#include <map>
#include <optional>
#include <system_error>
#include <thread>

#include <fmt/format.h>

#include "entente/loader.h"
#include "entente/parallel.h"
#include "entente/stats.h"
#include "loader/parse_cache.h"
#include "model/spelling.h"

namespace entente {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view k_scenario_file = "scenario.yaml";

Diagnostic file_error(const fs::path& path, std::string message) {
  return {{path.string(), 0, 0}, Severity::error, std::move(message)};
}

// A file's bytes, and its size and modification time for the parse cache's key.
struct FileData {
  std::string text;
  std::int64_t mtime_ns = 0;
};

// Reads a regular file of at most `max_bytes`. Opening non-blocking keeps a FIFO from
// hanging the run; reading at most max_bytes + 1 keeps a growing file from defeating the cap.
Expected<FileData> read_file(const fs::path& path, std::uint64_t max_bytes) {
  const auto fail = [&](std::string message) -> Expected<FileData> {
    return tl::unexpected(std::vector<Diagnostic>{file_error(path, std::move(message))});
  };
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return fail(fmt::format("cannot open: {}", std::strerror(errno)));
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) return fail(fmt::format("cannot stat: {}", std::strerror(errno)));
  if (!S_ISREG(st.st_mode)) return fail("not a regular file");
  const auto too_big = [&] {
    return fail(fmt::format("file is larger than the limit of {} bytes (raise it with "
                            "--max-file-size)", max_bytes));
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

// Whether a party file's positions and stances go into the scenario: its party exists and
// has no other file.
bool accept_party_file(const PartyFile& file, const fs::path& path, const Scenario& scenario,
                       std::map<std::string, std::string>& file_of_party,
                       std::vector<Diagnostic>& diagnostics) {
  const auto is_file_party = [&](const Party& p) { return p.id == file.party.id; };
  if (std::none_of(scenario.parties.begin(), scenario.parties.end(), is_file_party)) {
    std::vector<std::string> ids;  // the candidates of a suggestion, on this error only
    for (const Party& p : scenario.parties) ids.push_back(p.id);
    diagnostics.push_back({file.party.where, Severity::error,
                           fmt::format("unknown party '{}'{}; parties are listed in {}",
                                       file.party.id, detail::did_you_mean(file.party.id, ids),
                                       k_scenario_file)});
    return false;
  }
  const auto [it, inserted] = file_of_party.try_emplace(file.party.id, path.string());
  if (!inserted) {
    diagnostics.push_back({file.party.where, Severity::error,
                           fmt::format("party '{}' already has a file: {}", file.party.id,
                                       it->second)});
    return false;
  }
  if (path.stem() != file.party.id) {
    diagnostics.push_back({file.party.where, Severity::warning,
                           fmt::format("file name '{}' does not match party '{}'",
                                       path.filename().string(), file.party.id)});
  }
  return true;
}

// Moves the items of `field` of every file to the end of `out`, in file order, freeing each
// file's list as it goes.
template <class T>
void move_items(std::vector<PartyFile*>& files, std::vector<T> PartyFile::*field,
                std::vector<T>& out) {
  std::size_t total = out.size();
  for (const PartyFile* file : files) total += (file->*field).size();
  out.reserve(total);
  for (PartyFile* file : files) {
    std::vector<T>& items = file->*field;
    std::move(items.begin(), items.end(), std::back_inserter(out));
    items = std::vector<T>();  // frees it (`= {}` would keep the capacity)
  }
}

// Adds the accepted party files' positions and stances to the scenario. The two are moved
// on two threads on a large scenario (each a pass over tens of megabytes).
void merge_party_files(std::vector<PartyFile*>& files, Scenario& scenario) {
  std::size_t items = 0;
  for (const PartyFile* file : files) items += file->positions.size() + file->stances.size();
  run_both(
      items >= k_worth_a_second_thread,
      [&] { move_items(files, &PartyFile::positions, scenario.positions); },
      [&] { move_items(files, &PartyFile::stances, scenario.stances); });
}

}  // namespace

bool is_scenario_file_name(std::string_view name) {
  const fs::path extension = fs::path{name}.extension();
  return extension == ".yaml" || extension == ".yml";
}

Expected<std::vector<fs::path>> scenario_files(const fs::path& path) {
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    return tl::unexpected(std::vector<Diagnostic>{file_error(path, "no such file or folder")});
  }
  if (!fs::is_directory(status)) return std::vector<fs::path>{path};
  const fs::path main = path / k_scenario_file;
  if (!fs::exists(main, ec)) {
    return tl::unexpected(std::vector<Diagnostic>{
        file_error(path, fmt::format("folder has no {}", k_scenario_file))});
  }
  std::vector<fs::path> party_files;
  for (const auto& entry : fs::directory_iterator(path, ec)) {
    if (entry.path().filename() != k_scenario_file && is_scenario_file_name(entry.path().filename().string())) {
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

ParsedFile read_and_parse(const fs::path& path, bool is_main, const LoadOptions& options,
                          const std::optional<detail::ParseCache>& cache) {
  ParsedFile result;
  auto data = read_file(path, options.max_file_bytes);
  if (!data) {
    result.diagnostics = std::move(data.error());
    return result;
  }
  const std::string file = path.string();
  detail::FileKey key{};
  if (cache) {
    key = {data->text.size(), data->mtime_ns, detail::content_hash(data->text)};
    if (auto hit = cache->find(file, key)) return std::move(*hit);
  }
  if (is_main) {
    auto parsed = parse_scenario(data->text, file);
    if (parsed) result.scenario = std::move(*parsed);
    else result.diagnostics = std::move(parsed.error());
  } else {
    auto parsed = parse_party_file(data->text, file);
    if (parsed) result.party = std::move(*parsed);
    else result.diagnostics = std::move(parsed.error());
  }
  if (cache) cache->store(file, key, result);
  return result;
}

// Parses the files on up to `threads` threads, the largest first so that one big file does
// not end the run alone; results stay in the files' order, so the output never depends on
// the schedule.
std::vector<ParsedFile> parse_files(const fs::path& scenario, const std::vector<fs::path>& files,
                                    const LoadOptions& options) {
  std::optional<detail::ParseCache> cache;
  if (options.cache) cache.emplace(detail::ParseCache::folder_for(scenario));
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
  std::atomic<std::size_t> next{0};
  // An exception (out of memory) on a worker would end the process; it is kept and thrown
  // again on the calling thread, as a one-thread run would have thrown it.
  const std::size_t threads = std::clamp<std::size_t>(options.threads, 1, files.size());
  std::vector<std::exception_ptr> failures(threads);
  const auto work = [&](std::size_t worker) {
    try {
      for (std::size_t k = next++; k < order.size(); k = next++) {
        const std::size_t i = order[k];
        parsed[i] = read_and_parse(files[i], i == 0, options, cache);
      }
    } catch (...) {
      failures[worker] = std::current_exception();
      next = order.size();  // the others stop too
    }
  };
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) {
    try {
      pool.emplace_back(work, t);
    } catch (const std::system_error&) {
      break;  // no more threads to be had: the ones running do the rest
    }
  }
  work(0);
  for (std::thread& t : pool) t.join();
  for (const std::exception_ptr& failure : failures) {
    if (failure) std::rethrow_exception(failure);
  }
  return parsed;
}

}  // namespace

std::size_t LoadOptions::default_threads() {
  return std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
}

Expected<Scenario> load_scenario(const fs::path& path, const LoadOptions& options,
                                 Resolution* resolution) {
  auto files = scenario_files(path);
  if (!files) return tl::unexpected(std::move(files.error()));
  std::vector<Diagnostic> diagnostics;
  Scenario scenario;
  std::vector<std::pair<PartyFile, fs::path>> party_files;
  std::vector<ParsedFile> parsed;
  {
    const stats::Stage stage("read and parse files");
    parsed = parse_files(path, *files, options);
  }
  for (std::size_t i = 0; i < parsed.size(); ++i) {
    ParsedFile& file = parsed[i];
    diagnostics.insert(diagnostics.end(), file.diagnostics.begin(), file.diagnostics.end());
    if (file.scenario) scenario = std::move(*file.scenario);
    if (file.party) party_files.emplace_back(std::move(*file.party), (*files)[i]);
  }
  parsed.clear();
  // Cross-file checks need every file read: a broken file would make its references look
  // unknown elsewhere.
  if (!has_errors(diagnostics)) {
    const stats::Stage stage("merge party files");
    std::map<std::string, std::string> file_of_party;
    std::vector<PartyFile*> accepted;
    for (auto& [party_file, file] : party_files) {
      if (accept_party_file(party_file, file, scenario, file_of_party, diagnostics)) {
        accepted.push_back(&party_file);
      }
    }
    merge_party_files(accepted, scenario);
  }
  if (has_errors(diagnostics)) {
    sort_diagnostics(diagnostics);
    return tl::unexpected(limit_diagnostics(std::move(diagnostics), options.max_diagnostics));
  }
  scenario.warnings.insert(scenario.warnings.end(), diagnostics.begin(), diagnostics.end());
  auto valid = [&] {
    const stats::Stage stage("validate");
    return validate(std::move(scenario), resolution);
  }();
  if (!valid) return tl::unexpected(limit_diagnostics(std::move(valid.error()), options.max_diagnostics));
  valid->warnings = limit_diagnostics(std::move(valid->warnings), options.max_diagnostics);
  return valid;
}

}  // namespace entente
