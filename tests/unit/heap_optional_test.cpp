#include "entente/heap_optional.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <utility>

#include "entente/model.h"

namespace entente {
namespace {

static_assert(sizeof(HeapOptional<IdRef>) == sizeof(void*), "absent costs a pointer, no more");

TEST(HeapOptional, EmptyUntilGivenAValue) {
  HeapOptional<std::string> v;
  EXPECT_FALSE(v.has_value());
  EXPECT_FALSE(v);
  EXPECT_TRUE(v == std::nullopt);
  v = std::string("kept");
  ASSERT_TRUE(v);
  EXPECT_EQ("kept", *v);
  EXPECT_EQ(4u, v->size());
  v.reset();
  EXPECT_FALSE(v);
  EXPECT_EQ("made", v.emplace("made"));
  EXPECT_EQ("made", *v);
  v = std::nullopt;
  EXPECT_FALSE(v);
}

TEST(HeapOptional, TakesTheValueOfAStdOptional) {
  const HeapOptional<std::string> none = std::optional<std::string>();
  EXPECT_FALSE(none);
  const HeapOptional<std::string> some = std::optional<std::string>("x");
  ASSERT_TRUE(some);
  EXPECT_EQ("x", *some);
}

TEST(HeapOptional, CopiesAreValuesOfTheirOwn) {
  HeapOptional<std::string> a = std::string("one");
  HeapOptional<std::string> b = a;
  *b += " changed";
  EXPECT_EQ("one", *a);
  EXPECT_EQ("one changed", *b);
  b = a;
  EXPECT_EQ("one", *b);
  EXPECT_NE(&*a, &*b);
  const HeapOptional<std::string> empty;
  b = empty;
  EXPECT_FALSE(b);
  HeapOptional<std::string>& same = a;
  a = same;  // assigning to itself keeps the value
  EXPECT_EQ("one", *a);
}

TEST(HeapOptional, MovingHandsTheValueOverAndLeavesNone) {
  HeapOptional<std::string> a = std::string("moved");
  const std::string* held = &*a;
  HeapOptional<std::string> b = std::move(a);
  ASSERT_TRUE(b);
  EXPECT_EQ(held, &*b);  // the same heap value, not a copy
  EXPECT_EQ("moved", *b);
  EXPECT_FALSE(a);  // NOLINT(bugprone-use-after-move): what a move leaves is the point
  HeapOptional<std::string> c;
  c = std::move(b);
  EXPECT_EQ(held, &*c);
  EXPECT_FALSE(b);  // NOLINT(bugprone-use-after-move)
}

TEST(HeapOptional, EqualWhenBothAreEmptyOrBothHoldEqualValues) {
  const HeapOptional<std::string> empty, other_empty,
      x = std::string("x"), also_x = std::string("x"), y = std::string("y");
  EXPECT_TRUE(empty == other_empty);
  EXPECT_TRUE(x == also_x);
  EXPECT_FALSE(x == y);
  EXPECT_FALSE(x == empty);
  EXPECT_FALSE(empty == x);
}

TEST(HeapOptional, ComparesWithStdOptionalAndValuesAsStdOptionalDoes) {
  const HeapOptional<std::string> empty, x = std::string("x");
  const std::optional<std::string> no_value, x_value = "x", y_value = "y";
  EXPECT_TRUE(empty == no_value);
  EXPECT_TRUE(no_value == empty);
  EXPECT_FALSE(empty != no_value);
  EXPECT_TRUE(x == x_value);
  EXPECT_TRUE(x_value == x);
  EXPECT_FALSE(x == y_value);
  EXPECT_FALSE(x == no_value);
  EXPECT_FALSE(empty == x_value);
  EXPECT_TRUE(x == std::string("x"));
  EXPECT_TRUE(std::string("x") == x);
  EXPECT_FALSE(x == std::string("y"));
  EXPECT_FALSE(empty == std::string());
}

TEST(HeapOptional, ModelItemsWithOneCompareAsValues) {
  StanceDecl a{.party = "ru", .via = IdRef{.id = "own", .where = {"ru.yaml", 3, 5}}};
  StanceDecl b = a;
  EXPECT_EQ(a, b);
  b.via->id = "other";
  EXPECT_NE(a, b);
  b.via.reset();
  EXPECT_NE(a, b);
  EXPECT_EQ("own", a.via->id);
}

}  // namespace
}  // namespace entente
