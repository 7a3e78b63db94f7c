// entente/format_keys.h: the keys of the format, which the loader reads files by and the JSON
// Schema is written from, are also the columns of the CSV sheets (entente/csv_sheets.h).

#include "entente/format_keys.h"

#include <gtest/gtest.h>

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "entente/csv_sheets.h"
#include "entente/loader.h"

namespace entente {
namespace {

// The keys of `item` that hold one value (not a list of mappings), in order. Of two keys that
// exclude each other, one reference and one list (`source`, `sources`), a sheet has the list's
// column only: its cell holds one item as well as several (docs/csv.md).
std::vector<std::string> scalar_keys(Item item) {
  std::vector<std::string> names;
  for (const FormatKey& key : format_item(item).keys) {
    if (key.type == KeyType::items) continue;
    if (key.type == KeyType::reference && !key.excludes.empty()) continue;
    names.emplace_back(key.name);
  }
  return names;
}

std::vector<std::string> columns(std::span<const CsvColumn> columns) {
  std::vector<std::string> names;
  for (const CsvColumn& c : columns) names.emplace_back(c.name);
  return names;
}

TEST(FormatKeys, EveryKeyThatHoldsOneValueIsAColumnOfItsCsvSheet) {
  EXPECT_EQ(columns(k_csv_scenario_keys), scalar_keys(Item::scenario));
  EXPECT_EQ(columns(k_csv_party_columns), scalar_keys(Item::party));
  EXPECT_EQ(columns(k_csv_issue_columns), scalar_keys(Item::issue));
  EXPECT_EQ(columns(k_csv_source_columns), scalar_keys(Item::source));
  // The positions and stances sheets start with the party that holds or takes each.
  std::vector<std::string> positions{"party"};
  for (const std::string& key : scalar_keys(Item::position)) positions.push_back(key);
  EXPECT_EQ(columns(k_csv_position_columns), positions);
  std::vector<std::string> stances{"party"};
  for (const std::string& key : scalar_keys(Item::stance)) stances.push_back(key);
  EXPECT_EQ(columns(k_csv_stance_columns), stances);
}

TEST(FormatKeys, TheLoaderRequiresWhatTheTableRequires) {
  for (const FormatKey& key : format_item(Item::position).keys) {
    if (!key.required) continue;
    std::string yaml = "party: a\npositions:\n  - {id: x, issue: i, kind: demand, text: t}\n";
    const std::string written = std::string(key.name) + ": ";
    const auto at = yaml.find(written);
    ASSERT_NE(at, std::string::npos) << key.name;
    yaml.insert(at, "un");  // `unid: x`: the key is missing, and unknown
    const auto parsed = parse_party_file(yaml, "a.yaml");
    ASSERT_FALSE(parsed) << key.name;
    bool missing = false;
    for (const Diagnostic& d : parsed.error()) {
      missing =
          missing || d.message.find("has no '" + std::string(key.name) + "'") != std::string::npos;
    }
    EXPECT_TRUE(missing) << key.name;
  }
}

}  // namespace
}  // namespace entente
