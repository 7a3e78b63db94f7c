#include "loader/parse_cache.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "entente/loader.h"
#include "temp_dir.h"

namespace entente::detail {
namespace {

namespace fs = std::filesystem;

const fs::path k_flagship = fs::path(ENTENTE_SOURCE_DIR) / "positions/russia-us-nato-2022";
const fs::path k_lease = fs::path(ENTENTE_SOURCE_DIR) / "positions/lease-renewal";

using test::read_text;
using test::write_text;

// A copy of a shipped scenario in a fresh temporary folder, removed afterwards.
class TempScenario {
 public:
  explicit TempScenario(const fs::path& from) {
    fs::copy(from, path(), fs::copy_options::recursive);
    fs::remove_all(cache());  // a run of entente on the original leaves one there
  }
  fs::path path() const { return dir_.path() / "s"; }
  fs::path cache() const { return path() / ".entente-cache"; }

 private:
  test::TempDir dir_;
};

ParsedFile parsed_party(const fs::path& file) {
  auto party = parse_party_file(read_text(file), file.string());
  EXPECT_TRUE(party.has_value());
  ParsedFile parsed;
  parsed.party = *party;
  return parsed;
}

FileKey key_of(const std::string& text) { return {text.size(), 1234, content_hash(text)}; }

TEST(ParseCache, EveryShippedFileRoundTrips) {
  for (const fs::path& folder : {k_flagship, k_lease}) {
    const std::vector<fs::path> files = scenario_files(folder).value();
    for (const fs::path& file : files) {
      const std::string text = read_text(file);
      ParsedFile parsed;
      if (file.filename() == "scenario.yaml") parsed.scenario = parse_scenario(text, file.string()).value();
      else parsed = parsed_party(file);
      const auto decoded = decode_entry(encode_entry(file.string(), key_of(text), parsed),
                                        file.string(), key_of(text));
      ASSERT_TRUE(decoded.has_value()) << file;
      EXPECT_EQ(parsed.scenario, decoded->scenario) << file;
      EXPECT_FALSE(decoded->party.has_value()) << file;  // a party's lists wait in the entry
      if (parsed.party) {
        ASSERT_TRUE(decoded->cached_party.has_value());
        const CachedParty& cached = *decoded->cached_party;
        EXPECT_EQ(parsed.party->party, cached.party);
        EXPECT_EQ(parsed.party->positions.size(), cached.positions) << file;
        EXPECT_EQ(parsed.party->stances.size(), cached.stances) << file;
        const auto lists = decode_lists(cached);
        ASSERT_TRUE(lists.has_value()) << file;
        EXPECT_EQ(parsed.party->positions, lists->positions) << file;
        EXPECT_EQ(parsed.party->stances, lists->stances) << file;
      } else {
        EXPECT_FALSE(decoded->cached_party.has_value()) << file;
      }
    }
  }
}

TEST(ParseCache, AnEntryForOtherBytesOrAnotherFileIsAMiss) {
  const fs::path file = k_lease / "tenant.yaml";
  const std::string text = read_text(file);
  const FileKey key = key_of(text);
  const std::string entry = encode_entry(file.string(), key, parsed_party(file));
  ASSERT_TRUE(decode_entry(entry, file.string(), key).has_value());
  FileKey other = key;
  other.size += 1;
  EXPECT_FALSE(decode_entry(entry, file.string(), other).has_value());
  other = key;
  other.mtime_ns += 1;
  EXPECT_FALSE(decode_entry(entry, file.string(), other).has_value());
  other = key;
  other.hash ^= 1;
  EXPECT_FALSE(decode_entry(entry, file.string(), other).has_value());
  EXPECT_FALSE(decode_entry(entry, "elsewhere/tenant.yaml", key).has_value());
}

TEST(ParseCache, EveryTruncationAndEveryFlippedByteIsAMiss) {
  const fs::path file = k_lease / "landlord.yaml";
  const std::string text = read_text(file);
  const FileKey key = key_of(text);
  const std::string entry = encode_entry(file.string(), key, parsed_party(file));
  for (std::size_t n = 0; n < entry.size(); ++n) {
    EXPECT_FALSE(decode_entry(entry.substr(0, n), file.string(), key).has_value()) << n;
    std::string flipped = entry;
    flipped[n] = static_cast<char>(flipped[n] ^ 0x5a);
    EXPECT_FALSE(decode_entry(flipped, file.string(), key).has_value()) << n;
  }
  EXPECT_FALSE(decode_entry(entry + "x", file.string(), key).has_value());
}

// The lists of a party entry are appended to lists that already hold other files' items;
// one that does not decode leaves them as they were.
TEST(ParseCache, CachedListsAppendToWhatIsThereOrLeaveItAsItWas) {
  const fs::path file = k_lease / "tenant.yaml";
  const std::string text = read_text(file);
  const ParsedFile parsed = parsed_party(file);
  ASSERT_GE(parsed.party->positions.size(), 2u);
  const auto decoded =
      decode_entry(encode_entry(file.string(), key_of(text), parsed), file.string(), key_of(text));
  ASSERT_TRUE(decoded.has_value() && decoded->cached_party.has_value());
  const CachedParty& cached = *decoded->cached_party;
  std::vector<Position> positions{Position{.party = "other", .id = "first"}};
  ASSERT_TRUE(append_positions(cached, positions));
  ASSERT_EQ(positions.size(), 1 + parsed.party->positions.size());
  EXPECT_EQ(positions[0].id, "first");
  EXPECT_TRUE(std::equal(parsed.party->positions.begin(), parsed.party->positions.end(),
                         positions.begin() + 1));

  CachedParty damaged = cached;
  damaged.stances_at -= 1;  // the positions' list now ends a byte short
  std::vector<Position> kept{Position{.party = "other", .id = "first"}};
  EXPECT_FALSE(append_positions(damaged, kept));
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0].id, "first");
  std::vector<StanceDecl> stances;
  EXPECT_TRUE(append_stances(cached, stances));
  EXPECT_EQ(stances, parsed.party->stances);
}

// Where a party entry's payload starts: the place from which it splits into the same lists.
std::size_t body_start(const CachedParty& cached) {
  for (std::size_t start = 0; start < cached.positions_at; ++start) {
    const auto split = split_party(cached.bytes, start, cached.file);
    if (split && split->positions_at == cached.positions_at &&
        split->stances_at == cached.stances_at) {
      return start;
    }
  }
  return std::string::npos;
}

// A list's length is held to its bytes before room is made for it: a count that the bytes
// cannot back is a miss, not an allocation of gigabytes.
TEST(ParseCache, AListLongerThanItsBytesCanHoldIsAMiss) {
  const fs::path file = k_lease / "tenant.yaml";
  const std::string text = read_text(file);
  const auto decoded = decode_entry(encode_entry(file.string(), key_of(text), parsed_party(file)),
                                    file.string(), key_of(text));
  ASSERT_TRUE(decoded.has_value() && decoded->cached_party.has_value());
  const CachedParty& cached = *decoded->cached_party;
  const std::size_t start = body_start(cached);
  ASSERT_NE(start, std::string::npos);
  for (const std::size_t count_at : {cached.positions_at, cached.stances_at}) {
    std::uint32_t count = 0;
    std::memcpy(&count, cached.bytes.data() + count_at, sizeof count);
    EXPECT_EQ(count, count_at == cached.positions_at ? cached.positions : cached.stances);
    // The largest count that 32 bytes an item could back, and one more.
    const std::size_t list_end =
        count_at == cached.positions_at ? cached.stances_at : cached.bytes.size();
    const auto bound = static_cast<std::uint32_t>((list_end - count_at - 4) / 32);
    for (const std::uint32_t forged_count : {bound, bound + 1, std::uint32_t{0x7fffffff}}) {
      std::string forged = cached.bytes;
      std::memcpy(forged.data() + count_at, &forged_count, sizeof forged_count);
      EXPECT_EQ(split_party(forged, start, cached.file).has_value(), forged_count == bound)
          << count_at << " " << forged_count;
    }
  }
}

TEST(ParseCache, ContentHashIsStable) {
  // Entries written by one build are read by the next: the hash may never change silently.
  EXPECT_NE(content_hash("a"), content_hash("b"));
  EXPECT_NE(content_hash("12345678"), content_hash("123456789"));
  EXPECT_EQ(0xd1ebc141dedc2f78ULL, content_hash("party: tenant\n")) << std::hex
                                                                    << content_hash("party: tenant\n");
}

TEST(ParseCache, GoesBesideAWritableScenarioAndNeverUnderUsr) {
  TempScenario s(k_lease);
  const fs::path user = "/nonexistent/user-cache";
  // A folder scenario and a single file: beside it.
  EXPECT_EQ(s.cache(), ParseCache::for_scenario(s.path(), user)->folder());
  EXPECT_EQ(s.cache(), ParseCache::for_scenario(s.path() / "tenant.yaml", user)->folder());
  // Under /usr (installed examples), even for root: the user's folder, or none.
  for (const fs::path& usr : {fs::path("/usr/share/entente/examples/x"), fs::path("/usr")}) {
    const auto cache = ParseCache::for_scenario(usr, user);
    ASSERT_TRUE(cache.has_value()) << usr;
    EXPECT_EQ(user, cache->folder()) << usr;
    EXPECT_FALSE(ParseCache::for_scenario(usr, {}).has_value()) << usr;
  }
  // A /usr elsewhere in the path is not /usr.
  fs::create_directory(s.path() / "usr");
  EXPECT_EQ(s.path() / "usr" / ".entente-cache",
            ParseCache::for_scenario(s.path() / "usr" / "x.yaml", user)->folder());
}

TEST(ParseCache, TheUsersFolderNamesEntriesByAbsolutePathAndIsMadeWhenMissing) {
  TempScenario s(k_lease);
  const fs::path user = s.path().parent_path() / "home" / ".cache" / "entente";
  const ParseCache cache(user, true);
  const fs::path file = s.path() / "tenant.yaml";
  const std::string text = read_text(file);
  cache.store(file.string(), key_of(text), parsed_party(file));
  EXPECT_TRUE(fs::exists(user / "CACHEDIR.TAG"));
  EXPECT_TRUE(cache.find(file.string(), key_of(text)).has_value());
  // One entry, named by the file's absolute path: the same name from any working folder.
  std::vector<fs::path> entries;
  for (const auto& e : fs::directory_iterator(user)) {
    if (e.path().filename().string().starts_with("tenant.yaml.")) entries.push_back(e.path());
  }
  ASSERT_EQ(1u, entries.size());
  const fs::path before = fs::current_path();
  fs::current_path(s.path());
  cache.store("tenant.yaml", key_of(text), parsed_party(file));
  fs::current_path(before);
  std::size_t after = 0;
  for (const auto& e : fs::directory_iterator(user)) {
    after += e.path().filename().string().starts_with("tenant.yaml.") ? 1 : 0;
  }
  EXPECT_EQ(1u, after) << "a relative name made a second entry";
}

TEST(ParseCache, LoadingUsesTheEntriesOfUnchangedFilesOnly) {
  TempScenario s(k_lease);
  LoadOptions options;
  options.cache = true;
  const Scenario first = load_scenario(s.path(), options).value();
  EXPECT_TRUE(fs::exists(s.cache() / ".gitignore"));
  EXPECT_TRUE(fs::exists(s.cache() / "CACHEDIR.TAG"));
  EXPECT_EQ(first, load_scenario(s.path(), options).value());
  EXPECT_EQ(first, load_scenario(s.path(), LoadOptions{}).value());

  // Plant an entry that says something else under tenant.yaml's current key: a hit shows it.
  const fs::path tenant = s.path() / "tenant.yaml";
  const std::string text = read_text(tenant);
  struct stat st {};
  ASSERT_EQ(0, ::stat(tenant.c_str(), &st));
  const FileKey key{text.size(), std::int64_t{st.st_mtim.tv_sec} * 1'000'000'000 + st.st_mtim.tv_nsec,
                    content_hash(text)};
  ParsedFile planted = parsed_party(tenant);
  planted.party->positions[0].text = "planted";
  ParseCache(s.cache()).store(tenant.string(), key, planted);
  const Scenario hit = load_scenario(s.path(), options).value();
  const auto text_of = [](const Scenario& sc, const std::string& ref) {
    for (const Position& p : sc.positions) {
      if (p.ref() == ref) return p.text.str();
    }
    return std::string("(none)");
  };
  EXPECT_EQ("planted", text_of(hit, "tenant/rent-cap-3"));
  EXPECT_EQ(text_of(first, "landlord/rent-plus-8"), text_of(hit, "landlord/rent-plus-8"));

  // Any change to the file's bytes makes the planted entry a miss.
  write_text(tenant, text + "# edited\n");
  EXPECT_EQ(first, load_scenario(s.path(), options).value());
}

TEST(ParseCache, AFileWithoutAnEntryOrNewerThanItsEntryIsLikelyStale) {
  TempScenario s(k_lease);
  const ParseCache cache(s.cache());
  const fs::path tenant = s.path() / "tenant.yaml";
  EXPECT_TRUE(cache.likely_stale(tenant));  // no entry yet
  LoadOptions options;
  options.cache = true;
  ASSERT_TRUE(load_scenario(s.path(), options).has_value());
  EXPECT_FALSE(cache.likely_stale(tenant));
  fs::last_write_time(tenant, fs::last_write_time(tenant) + std::chrono::hours(1));
  EXPECT_TRUE(cache.likely_stale(tenant));
  EXPECT_FALSE(cache.likely_stale(s.path() / "landlord.yaml"));
}

TEST(ParseCache, AFolderMadeBeforeGetsItsGitignoreAndTag) {
  TempScenario s(k_lease);
  fs::create_directory(s.cache());
  LoadOptions options;
  options.cache = true;
  ASSERT_TRUE(load_scenario(s.path(), options).has_value());
  EXPECT_EQ("# Entente's parse cache: safe to delete.\n*\n", read_text(s.cache() / ".gitignore"));
  EXPECT_TRUE(fs::exists(s.cache() / "CACHEDIR.TAG"));
}

TEST(ParseCache, GarbageEntriesAreIgnoredAndRewritten) {
  TempScenario s(k_flagship);
  LoadOptions options;
  options.cache = true;
  const Scenario first = load_scenario(s.path(), options).value();
  int entries = 0;
  for (const auto& entry : fs::directory_iterator(s.cache())) {
    if (entry.path().filename().string().front() == '.' ||
        entry.path().filename() == "CACHEDIR.TAG") {
      continue;
    }
    ++entries;
    const std::string bytes = read_text(entry.path());
    write_text(entry.path(),
               entries % 2 ? bytes.substr(0, bytes.size() / 2) : std::string("garbage"));
  }
  EXPECT_EQ(static_cast<int>(scenario_files(s.path()).value().size()), entries);
  EXPECT_EQ(first, load_scenario(s.path(), options).value());
  EXPECT_EQ(first, load_scenario(s.path(), options).value());
}

TEST(ParseCache, FilesWithErrorsAreNotCachedAndStillReported) {
  TempScenario s(k_lease);
  LoadOptions options;
  options.cache = true;
  write_text(s.path() / "tenant.yaml", "party: tenant\npositions: [\n");
  const auto broken = load_scenario(s.path(), options);
  ASSERT_FALSE(broken.has_value());
  const auto again = load_scenario(s.path(), options);
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(broken.error(), again.error());
}

// An entry with a right checksum whose list does not decode is found only as it is decoded
// into the scenario's lists: the load starts again with that file parsed, and its entry is
// rewritten.
TEST(ParseCache, AnEntryWhoseListDoesNotDecodeIsParsedAgainAndRewritten) {
  TempScenario s(k_lease);
  LoadOptions options;
  options.cache = true;
  const Scenario expected = load_scenario(s.path(), LoadOptions{}).value();
  ASSERT_EQ(expected, load_scenario(s.path(), options).value());  // fills the cache

  const fs::path tenant = s.path() / "tenant.yaml";
  const std::string text = read_text(tenant);
  struct stat st {};
  ASSERT_EQ(0, ::stat(tenant.c_str(), &st));
  const FileKey key{text.size(),
                    std::int64_t{st.st_mtim.tv_sec} * 1'000'000'000 + st.st_mtim.tv_nsec,
                    content_hash(text)};
  ParsedFile planted = parsed_party(tenant);
  ASSERT_GE(planted.party->stances.size(), 1u);
  planted.party->stances.back().stance = static_cast<Stance>(7);  // no such stance
  const ParseCache cache(s.cache());
  cache.store(tenant.string(), key, planted);
  const auto found = cache.find(tenant.string(), key);
  ASSERT_TRUE(found.has_value() && found->cached_party.has_value());  // found, checksum right
  std::vector<StanceDecl> stances;
  ASSERT_FALSE(append_stances(*found->cached_party, stances));  // but its stances do not decode

  EXPECT_EQ(expected, load_scenario(s.path(), options).value());
  const auto rewritten = cache.find(tenant.string(), key);
  ASSERT_TRUE(rewritten.has_value() && rewritten->cached_party.has_value());
  const auto lists = decode_lists(*rewritten->cached_party);
  ASSERT_TRUE(lists.has_value());
  EXPECT_EQ(lists->stances, parse_party_file(text, tenant.string()).value().stances);
  EXPECT_EQ(expected, load_scenario(s.path(), options).value());
}

TEST(ParallelLoading, TheResultNeverDependsOnTheNumberOfThreads) {
  LoadOptions one;
  one.threads = 1;
  LoadOptions four;
  four.threads = 4;
  EXPECT_EQ(load_scenario(k_flagship, one).value(), load_scenario(k_flagship, four).value());

  TempScenario s(k_flagship);
  for (const char* party : {"usa.yaml", "nato.yaml"}) {
    std::ofstream(s.path() / party, std::ios::app) << "  - bogus: [\n";
  }
  const auto a = load_scenario(s.path(), one);
  const auto b = load_scenario(s.path(), four);
  ASSERT_FALSE(a.has_value());
  ASSERT_FALSE(b.has_value());
  EXPECT_EQ(a.error(), b.error());
}

}  // namespace
}  // namespace entente::detail
