#include "entente/compact_list.h"

#include <gtest/gtest.h>

#include <span>
#include <string>
#include <utility>
#include <vector>

#include "entente/model.h"

namespace entente {
namespace {

static_assert(sizeof(CompactList<IdRef>) == sizeof(void*), "a list costs a pointer, no more");

// Strings longer than the small-string buffer: a copy or a move done wrong shows up as a
// wrong value here, and as a leak or a double free under the sanitizers.
std::string long_text(int i) {
  return "a string too long to be kept in place, number " + std::to_string(i);
}

TEST(CompactList, EmptyHasNoItems) {
  const CompactList<std::string> list;
  EXPECT_TRUE(list.empty());
  EXPECT_EQ(0u, list.size());
  EXPECT_EQ(list.begin(), list.end());
  EXPECT_TRUE(std::span<const std::string>(list).empty());
}

TEST(CompactList, GrowsItemByItemAndKeepsTheOrder) {
  CompactList<std::string> list;
  std::vector<std::string> expected;
  for (int i = 0; i < 100; ++i) {
    list.push_back(long_text(i));
    expected.push_back(long_text(i));
    ASSERT_EQ(expected.size(), list.size());
  }
  EXPECT_TRUE(list == expected);
  EXPECT_EQ(long_text(0), list.front());
  EXPECT_EQ(long_text(99), list.back());
  EXPECT_EQ(long_text(42), list[42]);
  list.emplace_back("last");
  EXPECT_EQ("last", list.back());
}

TEST(CompactList, CopiesAreIndependentAndMovesEmptyTheSource) {
  CompactList<std::string> a{long_text(1), long_text(2)};
  CompactList<std::string> b = a;
  b[0] = "changed";
  EXPECT_EQ(long_text(1), a[0]);
  EXPECT_EQ("changed", b[0]);
  EXPECT_FALSE(a == b);
  CompactList<std::string> c = std::move(a);
  EXPECT_TRUE(a.empty());  // NOLINT(bugprone-use-after-move): a moved-from list is empty
  EXPECT_EQ(2u, c.size());
  c = b;
  EXPECT_TRUE(c == b);
  c = std::move(b);
  EXPECT_EQ("changed", c[0]);
  const CompactList<std::string>& same = c;
  c = same;  // assigned to itself: kept
  EXPECT_EQ(2u, c.size());
  c.clear();
  EXPECT_TRUE(c.empty());
}

TEST(CompactList, TakesAVectorAndComparesWithOne) {
  std::vector<std::string> items{long_text(1), long_text(2), long_text(3)};
  const CompactList<std::string> copied = items;
  EXPECT_TRUE(copied == items);
  const CompactList<std::string> moved = std::move(items);
  EXPECT_TRUE(moved == copied);
  EXPECT_FALSE(moved == std::vector<std::string>{long_text(1)});
  EXPECT_TRUE(CompactList<std::string>() == std::vector<std::string>{});
}

TEST(CompactList, ReserveKeepsTheItems) {
  CompactList<std::string> list{long_text(1)};
  list.reserve(10);
  const std::string* first = list.data();
  for (int i = 2; i <= 10; ++i) list.push_back(long_text(i));
  EXPECT_EQ(first, list.data());  // room was made once
  EXPECT_EQ(10u, list.size());
  EXPECT_EQ(long_text(1), list[0]);
  list.reserve(2);  // never shrinks
  EXPECT_EQ(10u, list.size());
}

}  // namespace
}  // namespace entente
