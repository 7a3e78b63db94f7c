#include "support/id_table.h"

#include <string>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace entente::detail {
namespace {

TEST(IdTable, FindsWhatWasAddedByItsFirstIndex) {
  IdTable table;
  EXPECT_EQ(std::make_pair(0u, true), table.add("russia/no-nato-expansion"));
  EXPECT_EQ(std::make_pair(1u, true), table.add("usa/arms-control"));
  EXPECT_EQ(std::make_pair(0u, false), table.add("russia/no-nato-expansion"));
  EXPECT_EQ(std::make_pair(3u, true), table.add("nato/open-door"));  // the repeat took index 2
  EXPECT_EQ(0u, table.find("russia/no-nato-expansion"));
  EXPECT_EQ(3u, table.find("nato/open-door"));
  EXPECT_EQ(std::nullopt, table.find("nato/open"));
  EXPECT_EQ(std::nullopt, table.find(""));
  EXPECT_EQ(3u, table.size());
}

TEST(IdTable, KeysAroundTheSixteenBytesKeptInASlotAreToldApart) {
  IdTable table;
  const std::vector<std::string> keys = {"",
                                         "abcdefghijklmno",
                                         "abcdefghijklmnop",
                                         "abcdefghijklmnopq",
                                         "abcdefghijklmnopr",
                                         std::string(100, 'a')};
  for (std::uint32_t i = 0; i < keys.size(); ++i)
    EXPECT_EQ(std::make_pair(i, true), table.add(keys[i]));
  for (std::uint32_t i = 0; i < keys.size(); ++i) EXPECT_EQ(i, table.find(keys[i])) << keys[i];
  EXPECT_EQ(std::nullopt, table.find("abcdefghijklmnoq"));
  EXPECT_EQ(std::nullopt, table.find(std::string(99, 'a')));
  EXPECT_EQ(std::nullopt, table.find(std::string(101, 'a')));
}

TEST(IdTable, EmptyTableFindsNothing) {
  const IdTable table;
  EXPECT_EQ(std::nullopt, table.find("a"));
  EXPECT_EQ(0u, table.size());
}

TEST(IdTable, AgreesWithAHashMapThroughManyGrowths) {
  // Keys that share long prefixes and differ in one character, added with repeats; 14 to 37
  // bytes long, so that some are kept in their slot (up to 16) and some by view.
  std::vector<std::string> keys;
  for (int i = 0; i < 5000; ++i) {
    keys.push_back(fmt::format("p-{:03}/pos-{:04}{}", i % 200, i, std::string(i % 24, 'x')));
  }
  IdTable table;  // no reserve: grows from 16 slots
  std::unordered_map<std::string, std::uint32_t> expected;
  std::uint32_t next = 0;
  for (int round = 0; round < 2; ++round) {
    for (const std::string& key : keys) {
      const auto [index, added] = table.add(key);
      const auto [it, inserted] = expected.try_emplace(key, next++);
      EXPECT_EQ(inserted, added);
      EXPECT_EQ(it->second, index);
    }
  }
  for (const auto& [key, index] : expected) EXPECT_EQ(index, table.find(key));
  EXPECT_EQ(std::nullopt, table.find("p-000/pos-5000"));
  EXPECT_EQ(keys.size(), table.size());
}

}  // namespace
}  // namespace entente::detail
