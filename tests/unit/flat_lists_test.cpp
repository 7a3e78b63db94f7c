#include "entente/flat_lists.h"

#include <gtest/gtest.h>

#include <vector>

namespace entente {
namespace {

std::vector<int> list(const FlatLists<int>& lists, std::size_t i) {
  return {lists[i].begin(), lists[i].end()};
}

TEST(FlatLists, ListsBuiltOneAfterTheOtherIncludingEmptyOnes) {
  FlatLists<int> lists;
  lists.push(1);
  lists.push(2);
  lists.end_list();
  lists.end_list();
  lists.push(3);
  lists.end_list();
  ASSERT_EQ(3u, lists.size());
  EXPECT_EQ((std::vector<int>{1, 2}), list(lists, 0));
  EXPECT_EQ(std::vector<int>{}, list(lists, 1));
  EXPECT_EQ(std::vector<int>{3}, list(lists, 2));
  EXPECT_EQ((std::vector<int>{1, 2, 3}),
            std::vector<int>(lists.items().begin(), lists.items().end()));
}

TEST(FlatLists, ListsOfGivenSizesAreFilledInPlace) {
  FlatLists<int> lists;
  lists.push(9);
  lists.end_list();
  lists.assign_sizes(3, [](std::size_t i) { return 2 - i; });  // sizes 2, 1, 0
  ASSERT_EQ(3u, lists.size());
  EXPECT_EQ((std::vector<int>{0, 0}), list(lists, 0));
  lists[1][0] = 7;
  lists[0][1] = 5;
  EXPECT_EQ((std::vector<int>{0, 5}), list(lists, 0));
  EXPECT_EQ(std::vector<int>{7}, list(lists, 1));
  EXPECT_TRUE(lists[2].empty());

  FlatLists<int> same;
  same.push(0);
  same.push(5);
  same.end_list();
  same.push(7);
  same.end_list();
  same.end_list();
  EXPECT_EQ(same, lists);
  same.end_list();
  EXPECT_NE(same, lists);
}

}  // namespace
}  // namespace entente
