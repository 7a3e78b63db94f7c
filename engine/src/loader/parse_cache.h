#pragma once
// A cache of parsed files, so that a rerun after editing one file parses only that file.
//
// One entry per input file in `.entente-cache/` beside the scenario (inside a scenario
// folder; in the folder of a single-file scenario), or in the user's cache folder when the
// scenario's folder is not the user's to write (see ParseCache::for_scenario). An entry holds the
// model of a file that parsed without errors, keyed by the file's path, size, modification time and
// a hash of its bytes, and guarded by a checksum of the entry itself. Any mismatch, short read, bad
// checksum or unknown version is a miss: the file is parsed again and the entry rewritten.
// A party file's entry is not decoded whole when found: its party is, and its positions and
// stances wait in the entry's bytes until the merge decodes them straight into the scenario's
// lists (CachedParty), so a warm run neither holds them twice nor moves them.
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

/// A party file found intact in the cache, its two lists not yet decoded: the loader decodes
/// them straight into the scenario's merged lists (append_positions, append_stances), so that
/// a warm run never holds them twice, nor spends a copy on them.
struct CachedParty {
  IdRef party{};
  std::size_t positions = 0;  ///< the lists' lengths, as the entry says
  std::size_t stances = 0;
  std::string bytes{};           ///< the entry
  std::size_t positions_at = 0;  ///< where in `bytes` each list starts (its count first)
  std::size_t stances_at = 0;    ///< and the positions' list ends
  FileName file{};
};

/// What one file gave: the scenario (scenario.yaml or a single-file scenario) or a party file,
/// parsed or from the cache.
struct ParsedFile {
  std::optional<Scenario> scenario{};
  std::optional<PartyFile> party{};
  std::optional<CachedParty> cached_party{};
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
/// nothing for anything but an intact entry of this version, for this file and key: the
/// scenario of a scenario entry, the CachedParty of a party entry.
std::string encode_entry(const std::string& file, const FileKey& key, const ParsedFile& parsed);
std::optional<ParsedFile> decode_entry(std::string bytes, const std::string& file,
                                       const FileKey& key);
/// A party entry whose payload starts at `body_at`: its party decoded, its lists found and
/// their lengths held to their bytes.
std::optional<CachedParty> split_party(std::string bytes, std::size_t body_at, FileName file);
/// Append a cached party's positions or stances to `out`. False, with `out` as it was, when
/// they do not decode: an entry whose checksum is right but whose list is not (never written
/// by entente, but not trusted either).
bool append_positions(const CachedParty& party, std::vector<Position>& out);
bool append_stances(const CachedParty& party, std::vector<StanceDecl>& out);
/// Both lists, decoded into a PartyFile of their own.
std::optional<PartyFile> decode_lists(const CachedParty& party);
/// The model part of an entry, checked only for being well formed (the fuzzer feeds it any
/// bytes: a damaged entry must be a miss, never a crash); a party's lists are decoded.
std::optional<ParsedFile> decode_payload(std::string_view body, const std::string& file,
                                         bool scenario);

class ParseCache {
 public:
  /// The cache for a scenario path (a folder or a single file): `.entente-cache/` beside it
  /// when the user may write there and it is not under /usr; otherwise `user_folder`, whose
  /// entries are named by absolute paths since scenarios from anywhere share it; otherwise
  /// (`user_folder` empty) none.
  static std::optional<ParseCache> for_scenario(const std::filesystem::path& scenario,
                                                const std::filesystem::path& user_folder);

  explicit ParseCache(std::filesystem::path folder, bool shared = false)
      : folder_(std::move(folder)), shared_(shared) {}
  const std::filesystem::path& folder() const { return folder_; }

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
  bool shared_ = false;  ///< the user's cache folder, not one beside the scenario
};

}  // namespace entente::detail
