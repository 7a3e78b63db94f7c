#include "support/id_table.h"

#include <cstdint>
#include <unordered_map>
#include <vector>

#include <gtest/gtest.h>

namespace entente::detail {
namespace {

TEST(IdTable, FindsWhatWasAddedByItsFirstIndex) {
  IdTable table;
  EXPECT_EQ(std::make_pair(0u, true), table.add(17));
  EXPECT_EQ(std::make_pair(1u, true), table.add(4));
  EXPECT_EQ(std::make_pair(0u, false), table.add(17));
  EXPECT_EQ(std::make_pair(3u, true), table.add(9));  // the repeat took index 2
  EXPECT_EQ(0u, table.find(17));
  EXPECT_EQ(3u, table.find(9));
  EXPECT_EQ(std::nullopt, table.find(18));
  EXPECT_EQ(3u, table.size());
}

TEST(IdTable, ZeroAndTheLargestNamesAreKeysLikeAnyOther) {
  IdTable table;
  EXPECT_EQ(std::nullopt, table.find(0));
  EXPECT_EQ(std::make_pair(0u, true), table.add(0));
  EXPECT_EQ(std::make_pair(1u, true), table.add(UINT64_MAX));
  EXPECT_EQ(0u, table.find(0));
  EXPECT_EQ(1u, table.find(UINT64_MAX));
}

TEST(IdTable, EmptyTableFindsNothing) {
  const IdTable table;
  EXPECT_EQ(std::nullopt, table.find(1));
  EXPECT_EQ(0u, table.size());
}

TEST(IdTable, AgreesWithAHashMapThroughManyGrowths) {
  // Names as resolve() makes them: runs of consecutive numbers (a file's ids), and pairs of a
  // few holders' numbers with many positions' (high and low halves), added with repeats.
  std::vector<std::uint64_t> keys;
  for (std::uint64_t i = 0; i < 3000; ++i) keys.push_back(1000 + i);
  for (std::uint64_t i = 0; i < 3000; ++i) keys.push_back(((i % 7 + 1) << 32U) | (i / 7));
  IdTable table;  // no reserve: grows from 16 slots
  std::unordered_map<std::uint64_t, std::uint32_t> expected;
  std::uint32_t next = 0;
  for (int round = 0; round < 2; ++round) {
    for (const std::uint64_t key : keys) {
      const auto [index, added] = table.add(key);
      const auto [it, inserted] = expected.try_emplace(key, next++);
      EXPECT_EQ(inserted, added);
      EXPECT_EQ(it->second, index);
    }
  }
  for (const auto& [key, index] : expected) EXPECT_EQ(index, table.find(key));
  EXPECT_EQ(std::nullopt, table.find(999));
  EXPECT_EQ(std::nullopt, table.find(8ULL << 32U));
  EXPECT_EQ(expected.size(), table.size());
}

}  // namespace
}  // namespace entente::detail
