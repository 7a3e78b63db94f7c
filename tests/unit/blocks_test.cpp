// write_in_blocks (reports/src/blocks.cpp): long lists printed in blocks, on two threads from
// k_blocks_for_two blocks on.

#include "blocks.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <ostream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace entente::reports::detail {
namespace {

std::string item_text(std::size_t i) { return "item " + std::to_string(i) + "\n"; }

// What one printer writes, item after item.
std::string one_by_one(std::size_t count) {
  std::string all;
  for (std::size_t i = 0; i < count; ++i) all += item_text(i);
  return all;
}

std::string in_blocks(std::size_t count) {
  std::ostringstream out;
  write_in_blocks(out, count, [](std::ostream& part, std::size_t i) { part << item_text(i); });
  return out.str();
}

TEST(WriteInBlocks, WritesEveryItemOnceInOrderAcrossBlockBorders) {
  // On two threads: an odd number of blocks, the last one short.
  constexpr std::size_t k_items = (k_blocks_for_two + 1) * k_block + 7;
  static_assert(k_items / k_block + 1 >= k_blocks_for_two);
  const std::string expected = one_by_one(k_items);
  const std::string printed = in_blocks(k_items);
  const auto [at, _] =
      std::mismatch(expected.begin(), expected.end(), printed.begin(), printed.end());
  EXPECT_TRUE(expected == printed) << "first difference at byte " << (at - expected.begin());
}

TEST(WriteInBlocks, ShortListsAndTheEmptyOne) {
  EXPECT_EQ(in_blocks(0), "");
  EXPECT_EQ(in_blocks(1), "item 0\n");
  EXPECT_EQ(in_blocks(k_block + 1), one_by_one(k_block + 1));
}

TEST(WriteInBlocks, AnItemThatThrowsStopsTheWritingAndTheExceptionComesBack) {
  std::ostringstream out;
  const auto write = [](std::ostream& part, std::size_t i) {
    if (i == 30 * k_block + 3) throw std::runtime_error("item failed");
    part << item_text(i);
  };
  EXPECT_THROW(write_in_blocks(out, 40 * k_block, write), std::runtime_error);
  // Nothing of the failed block or after it was written.
  EXPECT_LE(out.str().size(), one_by_one(30 * k_block).size());
}

}  // namespace
}  // namespace entente::reports::detail
