#include "loader/parse_cache.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

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
      if (parsed.party) {
        ASSERT_TRUE(decoded->party.has_value());
        EXPECT_EQ(parsed.party->party, decoded->party->party);
        EXPECT_EQ(parsed.party->positions, decoded->party->positions) << file;
        EXPECT_EQ(parsed.party->stances, decoded->party->stances) << file;
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

TEST(ParseCache, ContentHashIsStable) {
  // Entries written by one build are read by the next: the hash may never change silently.
  EXPECT_NE(content_hash("a"), content_hash("b"));
  EXPECT_NE(content_hash("12345678"), content_hash("123456789"));
  EXPECT_EQ(0xd1ebc141dedc2f78ULL, content_hash("party: tenant\n")) << std::hex
                                                                    << content_hash("party: tenant\n");
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
      if (p.ref() == ref) return p.text;
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
