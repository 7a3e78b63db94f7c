// The parse cache of parse_cache.h: entries, their encoding, and the folder.
#include "loader/parse_cache.h"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <fstream>
#include <optional>
#include <system_error>
#include <type_traits>

#include <fmt/format.h>

#include "support/files.h"

namespace entente::detail {
namespace {

namespace fs = std::filesystem;

// Bumped whenever the model or this encoding changes: an old entry is then a miss.
constexpr std::string_view k_magic = "entente-parse-cache 7\n";
constexpr std::string_view k_folder = ".entente-cache";

// ---- One list of fields per model type, read and written by the same code.

template <class A, class T>
void fields(A& a, T& x) {
  using U = std::remove_const_t<T>;
  if constexpr (std::is_same_v<U, IdRef>) {
    a(x.id, x.where);
  } else if constexpr (std::is_same_v<U, PositionRef>) {
    a(x.holder, x.position_id, x.where);
  } else if constexpr (std::is_same_v<U, Party>) {
    a(x.id, x.name, x.where, x.weight);
  } else if constexpr (std::is_same_v<U, Issue>) {
    a(x.id, x.title, x.where, x.exclusive, x.status_quo);
  } else if constexpr (std::is_same_v<U, Source>) {
    a(x.id, x.title, x.date, x.url, x.where);
  } else if constexpr (std::is_same_v<U, Position>) {
    a(x.party, x.id, x.issue, x.kind, x.text, x.priority, x.red_line, x.to, x.sources, x.quote,
      x.note, x.where);
  } else if constexpr (std::is_same_v<U, StanceDecl>) {
    a(x.party, x.position, x.stance, x.priority, x.via, x.agree_if, x.quote, x.note, x.sources,
      x.where);
  } else if constexpr (std::is_same_v<U, Diagnostic>) {
    a(x.where, x.severity, x.message);
  } else if constexpr (std::is_same_v<U, Scenario>) {
    a(x.format, x.title, x.date, x.description, x.parties, x.issues, x.sources, x.positions,
      x.stances, x.withdrawn, x.warnings);
  } else if constexpr (std::is_same_v<U, PartyFile>) {
    a(x.party, x.positions, x.stances);
  } else {
    static_assert(!sizeof(U), "no field list for this type");
  }
}

// Locations in an entry almost always name the entry's own file: that is one byte.
class Writer {
 public:
  explicit Writer(FileName file) : file_(file) {}

  template <class... T>
  void operator()(const T&... items) {
    (item(items), ...);
  }
  std::string take() { return std::move(out_); }
  std::size_t size() const { return out_.size(); }

  void u32(std::uint32_t v) { bytes(&v, sizeof v); }
  void u64(std::uint64_t v) { bytes(&v, sizeof v); }
  /// Overwrites the u64 written at `at`.
  void patch_u64(std::size_t at, std::uint64_t v) { std::memcpy(out_.data() + at, &v, sizeof v); }

 private:
  void bytes(const void* p, std::size_t n) { out_.append(static_cast<const char*>(p), n); }
  void item(std::string_view s) {
    u32(static_cast<std::uint32_t>(s.size()));
    out_ += s;
  }
  void item(const std::string& s) { item(std::string_view(s)); }
  void item(Symbol s) { item(s.view()); }
  void item(const Text& t) { item(t.view()); }
  void item(int v) { bytes(&v, sizeof v); }
  void item(std::uint8_t v) { out_ += static_cast<char>(v); }
  void item(bool v) { out_ += static_cast<char>(v ? 1 : 0); }
  template <class E>
    requires std::is_enum_v<E>
  void item(E v) {
    out_ += static_cast<char>(static_cast<int>(v));
  }
  void item(const SourceLocation& l) {
    const bool own = l.file == file_;
    item(own);
    if (!own) item(l.file);
    item(l.line);
    item(l.column);
  }
  template <class T>
  void item(const HeapOptional<T>& v) {
    item(v.has_value());
    if (v) item(*v);
  }
  template <class T>
  void item(const std::vector<T>& v) {
    item(std::span<const T>(v));
  }
  template <class T>
  void item(const CompactList<T>& v) {
    item(std::span<const T>(v));
  }
  template <class T>
  void item(std::span<const T> v) {
    u32(static_cast<std::uint32_t>(v.size()));
    for (const T& x : v) item(x);
  }
  template <class T>
    requires std::is_class_v<T>
  void item(const T& x) {
    fields(*this, x);
  }

  FileName file_;
  std::string out_;
};

// Reads what Writer wrote; any inconsistency sets ok() to false and stops reading.
class Reader {
 public:
  Reader(std::string_view in, FileName file) : in_(in), file_(file) {}

  template <class... T>
  void operator()(T&... items) {
    (item(items), ...);
  }
  bool ok() const { return ok_; }
  bool at_end() const { return in_.empty(); }
  std::size_t remaining() const { return in_.size(); }

  /// A list, its items added to `v` (no room reserved: the caller knows the total).
  template <class T>
  void append(std::vector<T>& v) {
    list(v, false);
  }

  std::uint32_t u32() {
    std::uint32_t v = 0;
    bytes(&v, sizeof v);
    return v;
  }
  std::uint64_t u64() {
    std::uint64_t v = 0;
    bytes(&v, sizeof v);
    return v;
  }
  std::string_view take(std::size_t n) {
    if (!ok_ || n > in_.size()) {
      ok_ = false;
      return {};
    }
    const std::string_view s = in_.substr(0, n);
    in_.remove_prefix(n);
    return s;
  }

 private:
  void bytes(void* p, std::size_t n) {
    const std::string_view s = take(n);
    if (ok_) std::memcpy(p, s.data(), n);
  }
  void item(std::string& s) {
    const std::uint32_t n = u32();
    s = take(n);
  }
  void item(Symbol& s) {
    const std::uint32_t n = u32();
    s = Symbol(take(n));
  }
  void item(Text& t) {
    const std::uint32_t n = u32();
    t = Text(take(n));
  }
  void item(int& v) { bytes(&v, sizeof v); }
  void item(std::uint8_t& v) { bytes(&v, sizeof v); }
  void item(bool& v) {
    const std::string_view b = take(1);
    if (ok_ && static_cast<unsigned char>(b[0]) > 1) ok_ = false;
    v = ok_ && b[0] == 1;
  }
  template <class E>
    requires std::is_enum_v<E>
  void item(E& v) {
    const std::string_view b = take(1);
    if (!ok_) return;
    const int n = static_cast<unsigned char>(b[0]);
    if (n > max_enumerator(v)) ok_ = false;
    else v = static_cast<E>(n);
  }
  static int max_enumerator(Stance) { return static_cast<int>(Stance::consider); }
  static int max_enumerator(PositionKind) { return static_cast<int>(PositionKind::concession); }
  static int max_enumerator(Severity) { return static_cast<int>(Severity::warning); }
  void item(SourceLocation& l) {
    bool own = false;
    item(own);
    if (own) l.file = file_;
    else item(l.file);
    item(l.line);
    item(l.column);
  }
  template <class T>
  void item(HeapOptional<T>& v) {
    bool present = false;
    item(present);
    if (!ok_ || !present) return;
    v.emplace();
    item(*v);
  }
  template <class T>
  void item(std::vector<T>& v) {
    v.clear();
    list(v, true);
  }
  template <class T>
  void item(CompactList<T>& v) {
    v.clear();
    list(v, true);
  }
  template <class List>
  void list(List& v, bool reserve) {
    const std::uint32_t n = u32();
    if (!ok_ || n > in_.size()) {  // every item takes at least one byte
      ok_ = false;
      return;
    }
    // Grown item by item, so that a forged count costs no more memory than the bytes that
    // back it (an item is a few bytes here but hundreds in memory).
    if (reserve) v.reserve(v.size() + std::min<std::size_t>(n, 4096));
    for (std::uint32_t i = 0; i < n && ok_; ++i) item(v.emplace_back());
  }
  template <class T>
    requires std::is_class_v<T>
  void item(T& x) {
    fields(*this, x);
  }

  std::string_view in_;
  FileName file_;
  bool ok_ = true;
};

enum class EntryKind : std::uint32_t { scenario = 1, party = 2 };


}  // namespace

std::uint64_t content_hash(std::string_view bytes) {
  // Word-at-a-time multiply-xorshift (as in MurmurHash64A): stable, and fast enough that
  // hashing every input of a large scenario costs a few percent of parsing it.
  constexpr std::uint64_t m = 0xc6a4a7935bd1e995ULL;
  std::uint64_t h = 0x9e3779b97f4a7c15ULL ^ (bytes.size() * m);
  std::size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    std::uint64_t k = 0;
    std::memcpy(&k, bytes.data() + i, 8);
    k *= m;
    k ^= k >> 47;
    k *= m;
    h ^= k;
    h *= m;
  }
  std::uint64_t tail = 0;
  if (i < bytes.size()) std::memcpy(&tail, bytes.data() + i, bytes.size() - i);
  h ^= tail;
  h *= m;
  h ^= h >> 47;
  h *= m;
  h ^= h >> 47;
  return h;
}

// An entry: the magic line, the file's path, the key (size, mtime, hash), the payload's size
// and hash, its kind (scenario or party file), then the payload.
std::string encode_entry(const std::string& file, const FileKey& key, const ParsedFile& parsed) {
  Writer payload(file);
  const EntryKind kind = parsed.scenario ? EntryKind::scenario : EntryKind::party;
  if (parsed.scenario) {
    payload(*parsed.scenario);
  } else {
    // The party, where its stances start, its positions, its stances: each list can be
    // decoded without the other (CachedParty).
    payload(parsed.party->party);
    const std::size_t slot = payload.size();
    payload.u64(0);
    payload(parsed.party->positions);
    payload.patch_u64(slot, payload.size());
    payload(parsed.party->stances);
  }
  const std::string body = payload.take();
  Writer header(file);
  header.u64(key.size);
  header.u64(static_cast<std::uint64_t>(key.mtime_ns));
  header.u64(key.hash);
  header.u64(body.size());
  header.u64(content_hash(body));
  header.u32(static_cast<std::uint32_t>(kind));
  std::string entry(k_magic);
  Writer path(file);
  path(file);
  entry += path.take();
  entry += header.take();
  entry += body;
  return entry;
}

std::optional<ParsedFile> decode_entry(std::string bytes, const std::string& file,
                                       const FileKey& key) {
  const std::string_view view = bytes;
  if (view.substr(0, k_magic.size()) != k_magic) return std::nullopt;
  Reader r(view.substr(k_magic.size()), file);
  std::string stored_file;
  r(stored_file);
  if (!r.ok() || stored_file != file) return std::nullopt;
  const std::uint64_t size = r.u64();
  const std::uint64_t mtime = r.u64();
  const std::uint64_t hash = r.u64();
  const std::uint64_t body_size = r.u64();
  const std::uint64_t body_hash = r.u64();
  const std::uint32_t kind = r.u32();
  if (!r.ok() || size != key.size || mtime != static_cast<std::uint64_t>(key.mtime_ns) ||
      hash != key.hash) {
    return std::nullopt;
  }
  const std::string_view body = r.take(body_size);
  if (!r.ok() || !r.at_end() || content_hash(body) != body_hash) return std::nullopt;
  if (kind == static_cast<std::uint32_t>(EntryKind::scenario))
    return decode_payload(body, file, true);
  if (kind != static_cast<std::uint32_t>(EntryKind::party)) return std::nullopt;
  const std::size_t body_at = bytes.size() - body.size();
  auto cached = split_party(std::move(bytes), body_at, file);
  if (!cached) return std::nullopt;
  ParsedFile parsed;
  parsed.cached_party = std::move(cached);
  return parsed;
}

std::optional<CachedParty> split_party(std::string bytes, std::size_t body_at, FileName file) {
  // An item takes at least this many bytes in an entry (a position 53, a stance 41, empty):
  // a list's count is held to its bytes before room is made for it.
  constexpr std::size_t k_min_item_bytes = 32;
  if (body_at > bytes.size()) return std::nullopt;
  const std::string_view body = std::string_view(bytes).substr(body_at);
  Reader r(body, file);
  CachedParty cached;
  r(cached.party);
  const std::uint64_t stances_at = r.u64();
  const std::size_t positions_at = body.size() - r.remaining();
  const std::uint32_t positions = r.u32();
  if (!r.ok() || stances_at < positions_at + 4 || stances_at > body.size() - 4) return std::nullopt;
  Reader s(body.substr(stances_at), file);
  const std::uint32_t stances = s.u32();
  if (!s.ok() || positions > (stances_at - positions_at - 4) / k_min_item_bytes ||
      stances > (body.size() - stances_at - 4) / k_min_item_bytes) {
    return std::nullopt;
  }
  cached.positions = positions;
  cached.stances = stances;
  cached.positions_at = body_at + positions_at;
  cached.stances_at = body_at + stances_at;
  cached.file = file;
  cached.bytes = std::move(bytes);
  return cached;
}

namespace {

// Appends the list of `party.bytes[begin, end)` to `out`, which is left as it was when the
// bytes are not exactly one list.
template <class T>
bool append_list(const CachedParty& party, std::size_t begin, std::size_t end,
                 std::vector<T>& out) {
  const std::size_t before = out.size();
  Reader r(std::string_view(party.bytes).substr(begin, end - begin), party.file);
  r.append(out);
  if (r.ok() && r.at_end()) return true;
  out.erase(out.begin() + static_cast<std::ptrdiff_t>(before), out.end());
  return false;
}

}  // namespace

bool append_positions(const CachedParty& party, std::vector<Position>& out) {
  return append_list(party, party.positions_at, party.stances_at, out);
}

bool append_stances(const CachedParty& party, std::vector<StanceDecl>& out) {
  return append_list(party, party.stances_at, party.bytes.size(), out);
}

std::optional<PartyFile> decode_lists(const CachedParty& party) {
  PartyFile decoded{.party = party.party};
  decoded.positions.reserve(party.positions);
  decoded.stances.reserve(party.stances);
  if (!append_positions(party, decoded.positions) || !append_stances(party, decoded.stances)) {
    return std::nullopt;
  }
  return decoded;
}

std::optional<ParsedFile> decode_payload(std::string_view body, const std::string& file,
                                         bool scenario) {
  ParsedFile parsed;
  if (scenario) {
    Reader payload(body, file);
    payload(parsed.scenario.emplace());
    if (!payload.ok() || !payload.at_end()) return std::nullopt;
    return parsed;
  }
  const auto cached = split_party(std::string(body), 0, file);
  if (!cached) return std::nullopt;
  parsed.party = decode_lists(*cached);
  if (!parsed.party) return std::nullopt;
  return parsed;
}

std::optional<ParseCache> ParseCache::for_scenario(const fs::path& scenario,
                                                   const fs::path& user_folder) {
  std::error_code ec;
  fs::path home = fs::is_directory(scenario, ec) ? scenario : scenario.parent_path();
  if (home.empty()) home = ".";
  const fs::path beside = home / k_folder;
  // /usr is the read-only, shareable hierarchy (FHS): a package's files are never written
  // to, even by root, who may write anything.
  const fs::path real = fs::weakly_canonical(fs::absolute(home, ec), ec);
  const auto under_usr = [&] {
    auto part = real.begin();
    return !ec && real.is_absolute() && ++part != real.end() && *part == "usr";
  };
  const fs::path& writable = fs::exists(beside, ec) ? beside : home;
  if (!under_usr() && ::access(writable.c_str(), W_OK | X_OK) == 0) return ParseCache(beside);
  if (user_folder.empty()) return std::nullopt;
  return ParseCache(user_folder, true);
}

fs::path ParseCache::entry_path(const std::string& file) const {
  // Named by the file's name and a hash of its whole path: readable, and unique. The user's
  // folder holds files of every scenario, so there the path is made absolute first.
  const fs::path name = fs::path(file).filename();
  std::error_code ec;
  const std::string path = shared_ ? fs::absolute(file, ec).lexically_normal().string() : file;
  return folder_ / fmt::format("{}.{:016x}", name.string(), content_hash(path));
}

std::optional<ParsedFile> ParseCache::find(const std::string& file, const FileKey& key) const {
  std::ifstream in(entry_path(file), std::ios::binary | std::ios::ate);
  if (!in) return std::nullopt;
  const std::streamoff size = in.tellg();
  // An entry is about as large as its file; anything far larger is not one of ours.
  if (size < 0 || static_cast<std::uint64_t>(size) > 16 * key.size + (64 << 10))
    return std::nullopt;
  std::string bytes(static_cast<std::size_t>(size), '\0');
  if (!in.seekg(0) || !in.read(bytes.data(), size)) return std::nullopt;
  return decode_entry(std::move(bytes), file, key);
}

bool ParseCache::likely_stale(const fs::path& file) const {
  std::error_code ec;
  const auto entry = fs::last_write_time(entry_path(file.string()), ec);
  if (ec) return true;
  const auto written = fs::last_write_time(file, ec);
  return !ec && written > entry;
}

bool ParseCache::ensure_folder() const {
  std::error_code ec;
  // The user's folder may not exist yet, nor its parent (~/.cache on a new account).
  const bool made =
      shared_ ? fs::create_directories(folder_, ec) : fs::create_directory(folder_, ec);
  if (!made && !fs::is_directory(folder_, ec)) return false;
  // Tells git and backup tools (https://bford.info/cachedir/) to leave the folder alone;
  // written whenever missing, also in a folder made by someone else or by a run that died.
  if (!fs::exists(folder_ / ".gitignore", ec)) {
    std::ofstream(folder_ / ".gitignore") << "# Entente's parse cache: safe to delete.\n*\n";
  }
  if (!fs::exists(folder_ / "CACHEDIR.TAG", ec)) {
    std::ofstream(folder_ / "CACHEDIR.TAG")
        << "Signature: 8a477f597d28d172789f06886806bc55\n"
           "# This file is a cache directory tag created by entente (parse cache).\n";
  }
  return true;
}

void ParseCache::store(const std::string& file, const FileKey& key,
                       const ParsedFile& parsed) const {
  if (!parsed.scenario && !parsed.party) return;
  if (!ensure_folder()) return;
  const std::string entry = encode_entry(file, key, parsed);
  // Not made durable (no fsync): a cache entry lost in a crash is only a miss.
  AtomicFile out(entry_path(file).string(), 0644);
  if (out.created() && write_all(out.fd(), entry)) out.commit(false);
}

}  // namespace entente::detail
