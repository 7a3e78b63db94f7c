#include "entente/strings.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "entente/diagnostic.h"

namespace entente {
namespace {

TEST(Symbol, EqualStringsShareOneHandleAndDifferentOnesDoNot) {
  const std::string built = std::string("parties/") + "russia.yaml";
  const Symbol a("parties/russia.yaml");
  const Symbol b(built);
  EXPECT_EQ(a, b);
  EXPECT_EQ(&a.str(), &b.str());
  EXPECT_NE(a, Symbol("parties/usa.yaml"));
  EXPECT_EQ("parties/russia.yaml", a.view());
  EXPECT_EQ(a.hash(), b.hash());
}

TEST(Symbol, EmptyIsTheDefault) {
  EXPECT_TRUE(Symbol().empty());
  EXPECT_EQ(Symbol(), Symbol(""));
  EXPECT_EQ("", Symbol().str());
  EXPECT_EQ(0U, Symbol().size());
  EXPECT_FALSE(Symbol("a").empty());
}

TEST(Symbol, OrdersByTheStringNotByWhenItWasFirstSeen) {
  const Symbol z("zz-first-seen");
  const Symbol a("aa-seen-later");
  EXPECT_LT(a, z);
  EXPECT_LT(Symbol(), a);
  EXPECT_LT((SourceLocation{a, 9, 9}), (SourceLocation{z, 1, 1}));
  const std::set<Symbol> sorted{Symbol("p-10"), Symbol("p-2"), Symbol("p-1")};
  EXPECT_EQ("p-1,p-10,p-2", fmt::format("{}", fmt::join(sorted, ",")));
}

TEST(Symbol, ComparesWithPlainStrings) {
  const Symbol id("russia");
  EXPECT_TRUE(id == "russia");
  EXPECT_TRUE(std::string("russia") == id);
  EXPECT_TRUE(id != std::string_view("usa"));
  EXPECT_TRUE(id < std::string("usa"));
  const std::string& as_string = id;
  EXPECT_EQ("russia", as_string);
}

TEST(Symbol, KeepsEveryStringApartWhileItsTableGrows) {
  // Thousands of strings make every shard of the table grow several times.
  std::vector<Symbol> symbols;
  for (int i = 0; i < 20'000; ++i)
    symbols.emplace_back(fmt::format("party-{}/position-{}", i % 97, i));
  for (int i = 0; i < 20'000; ++i) {
    const Symbol again(fmt::format("party-{}/position-{}", i % 97, i));
    ASSERT_EQ(symbols[i], again) << i;
    ASSERT_EQ(fmt::format("party-{}/position-{}", i % 97, i), again.view()) << i;
  }
  EXPECT_NE(symbols[0], symbols[1]);
}

TEST(Symbol, TwoThreadsInterningTheSameStringsGetTheSameHandles) {
  constexpr int k_count = 5'000;
  std::vector<Symbol> first(k_count);
  std::vector<Symbol> second(k_count);
  const auto intern_all = [](std::vector<Symbol>& out) {
    for (int i = 0; i < k_count; ++i) out[i] = Symbol(fmt::format("shared-{}", i));
  };
  std::thread other([&] { intern_all(second); });
  intern_all(first);
  other.join();
  EXPECT_EQ(first, second);
}

TEST(Text, HoldsItsBytesAndCopiesThem) {
  Text text("The parties agree to talk.");
  EXPECT_EQ("The parties agree to talk.", text.view());
  EXPECT_EQ(26U, text.size());
  Text copy = text;
  EXPECT_EQ(text, copy);
  EXPECT_NE(text.view().data(), copy.view().data());
  Text moved = std::move(copy);
  EXPECT_EQ("The parties agree to talk.", moved.view());
  moved = Text("other");
  EXPECT_EQ("other", moved.str());
  EXPECT_EQ("The parties agree to talk.", text);
}

TEST(Text, EmptyTakesNoBlockAndEmbeddedZerosStay) {
  EXPECT_TRUE(Text().empty());
  EXPECT_TRUE(Text("").empty());
  EXPECT_EQ(Text(), Text(""));
  const std::string with_zero("a\0b", 3);
  EXPECT_EQ(3U, Text(with_zero).size());
  EXPECT_EQ(with_zero, Text(with_zero).view());
  EXPECT_EQ("x: text", fmt::format("x: {}", Text("text")));
}

static_assert(sizeof(Symbol) == sizeof(std::uint32_t));
static_assert(sizeof(Text) == sizeof(void*));

}  // namespace
}  // namespace entente
