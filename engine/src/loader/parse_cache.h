#pragma once
// A cache of parsed files, so that a rerun after editing one file parses only that file.
//
// One entry per input file in `.entente-cache/` beside the scenario (inside a scenario
// folder; in the folder of a single-file scenario). An entry holds the model of a file that
// parsed without errors, keyed by the file's path, size, modification time and a hash of its
// bytes, and guarded by a checksum of the entry itself. Any mismatch, short read, bad
// checksum or unknown version is a miss: the file is parsed again and the entry rewritten.
// Entries are written to a temporary file and renamed into place, so concurrent runs see
// either a whole old entry or a whole new one. A cache that cannot be written (a read-only
// folder) is silently not used. The folder holds its own `.gitignore` and `CACHEDIR.TAG`.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entente/loader.h"
#include "entente/model.h"

namespace entente::detail {

/// What one file gave: the scenario (scenario.yaml or a single-file scenario) or a party file.
struct ParsedFile {
  std::optional<Scenario> scenario{};
  std::optional<PartyFile> party{};
  std::vector<Diagnostic> diagnostics{};
};

/// What identifies a file's content.
struct FileKey {
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::uint64_t hash = 0;
};

/// A stable 64-bit hash of bytes (the same on every run and build).
std::uint64_t content_hash(std::string_view bytes);

/// The entry's bytes for a file that parsed without errors, and back. decode() returns
/// nothing for anything but an intact entry of this version, for this file and key.
std::string encode_entry(const std::string& file, const FileKey& key, const ParsedFile& parsed);
std::optional<ParsedFile> decode_entry(std::string_view bytes, const std::string& file,
                                       const FileKey& key);
/// The model part of an entry, checked only for being well formed (the fuzzer feeds it any
/// bytes: a damaged entry must be a miss, never a crash).
std::optional<ParsedFile> decode_payload(std::string_view body, const std::string& file,
                                         bool scenario);

class ParseCache {
 public:
  /// The cache folder for a scenario path (a folder or a single file).
  static std::filesystem::path folder_for(const std::filesystem::path& scenario);

  explicit ParseCache(std::filesystem::path folder) : folder_(std::move(folder)) {}

  std::optional<ParsedFile> find(const std::string& file, const FileKey& key) const;
  /// Best effort: a failure to write only means the next run parses again.
  void store(const std::string& file, const FileKey& key, const ParsedFile& parsed) const;
  /// Whether `file` is likely to miss: it has no entry, or it is newer than its entry. A
  /// guess from two stats, for the order in which files are read; find() decides.
  bool likely_stale(const std::filesystem::path& file) const;

 private:
  std::filesystem::path entry_path(const std::string& file) const;
  bool ensure_folder() const;

  std::filesystem::path folder_;
};

}  // namespace entente::detail
