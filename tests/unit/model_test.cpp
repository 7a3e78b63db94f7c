#include "entente/model.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/spelling.h"

namespace entente {
namespace {

// Stances and kinds

TEST(Model, StanceNamesRoundTrip) {
  for (const Stance s : {Stance::agree, Stance::reject, Stance::consider}) {
    EXPECT_EQ(s, parse_stance(to_string(s)));
  }
  EXPECT_EQ("agree", to_string(Stance::agree));
  EXPECT_EQ("reject", to_string(Stance::reject));
  EXPECT_EQ("consider", to_string(Stance::consider));
}

TEST(Model, ParseStanceRejectsEverythingButTheExactNames) {
  EXPECT_EQ(std::nullopt, parse_stance(""));
  EXPECT_EQ(std::nullopt, parse_stance("Agree"));
  EXPECT_EQ(std::nullopt, parse_stance("AGREE"));
  EXPECT_EQ(std::nullopt, parse_stance(" agree"));
  EXPECT_EQ(std::nullopt, parse_stance("agree "));
  EXPECT_EQ(std::nullopt, parse_stance("agreed"));
  EXPECT_EQ(std::nullopt, parse_stance("maybe"));
  // Silence is the absence of a stance, never a value written in a file.
  EXPECT_EQ(std::nullopt, parse_stance("silent"));
}

TEST(Model, PositionKindNamesRoundTrip) {
  for (const PositionKind k : {PositionKind::demand, PositionKind::concession}) {
    EXPECT_EQ(k, parse_position_kind(to_string(k)));
  }
  EXPECT_EQ("demand", to_string(PositionKind::demand));
  EXPECT_EQ("concession", to_string(PositionKind::concession));
}

TEST(Model, ParsePositionKindRejectsEverythingButTheExactNames) {
  EXPECT_EQ(std::nullopt, parse_position_kind(""));
  EXPECT_EQ(std::nullopt, parse_position_kind("Demand"));
  EXPECT_EQ(std::nullopt, parse_position_kind("demands"));
  EXPECT_EQ(std::nullopt, parse_position_kind("offer"));
  EXPECT_EQ(std::nullopt, parse_position_kind("agree"));
}

TEST(Model, PositionRefJoinsPartyAndId) {
  Position p;
  p.party = "landlord";
  p.id = "rent-plus-8";
  EXPECT_EQ("landlord/rent-plus-8", p.ref());
}

TEST(Model, AStanceTargetKeepsTheHolderAndTheIdAndGivesBackItsText) {
  const PositionRef ref("landlord/rent-plus-8", {FileName("landlord.yaml"), 3, 15});
  EXPECT_EQ("landlord", ref.holder);
  EXPECT_EQ("rent-plus-8", ref.position_id);
  EXPECT_EQ("landlord/rent-plus-8", ref.text());
  EXPECT_EQ("landlord/rent-plus-8", fmt::format("{}", ref));
  EXPECT_EQ(3, ref.where.line);
  EXPECT_TRUE(ref.names("landlord/rent-plus-8"));
  EXPECT_FALSE(ref.names("landlord/rent-plus-80"));
  EXPECT_FALSE(ref.names("landlord-rent-plus-8"));
  EXPECT_FALSE(ref.names("rent-plus-8"));
  // The same names, another place: the same position, not the same reference.
  EXPECT_NE(ref, PositionRef("landlord/rent-plus-8"));
}

TEST(Model, AStanceTargetOfAnyTextGivesItBack) {
  // Not every text is PARTY/POSITION (a what-if's, a test's): each is given back as written.
  for (const std::string text : {"", "plain", "/leading", "trailing/", "a/b/c", "//", "a//b"}) {
    const PositionRef ref(text);
    EXPECT_EQ(text, ref.text()) << text;
    EXPECT_TRUE(ref.names(text)) << text;
  }
  EXPECT_TRUE(PositionRef("plain").holder.empty());
  EXPECT_TRUE(PositionRef("/leading").holder.empty());
  EXPECT_EQ("a", PositionRef("a/b/c").holder);
  EXPECT_EQ("b/c", PositionRef("a/b/c").position_id);
  EXPECT_FALSE(PositionRef("a/b/c").names("a/b"));
  EXPECT_FALSE(PositionRef("plain").names("/plain"));
}

TEST(Model, PositionDefaultsMatchTheFormat) {
  const Position p;
  EXPECT_EQ(3, p.priority);
  EXPECT_FALSE(p.red_line);
  EXPECT_TRUE(p.to.empty());
  EXPECT_TRUE(p.sources.empty());
}

// is_unsigned_decimal

TEST(Model, UnsignedDecimalsAreDigitsAFractionAndAnExponentOfAtMostThreeDigits) {
  for (const char* yes :
       {"0", "12", "007", "3.5", "3.50", "1e3", "1E3", "1e+3", "1e-3", "2.5e999", "1e001"}) {
    EXPECT_TRUE(is_unsigned_decimal(yes)) << yes;
  }
  for (const char* no : {"", "-1", "+5", "-0", ".5", "5.", "0x10", "1_000", "1e", "1e+", "1e1000",
                         "1.2.3", "1 ", " 1", ".nan", ".inf", "twelve", "1,5", "e3"}) {
    EXPECT_FALSE(is_unsigned_decimal(no)) << no;
  }
}

// is_slug

TEST(Model, SlugsAreLowercaseLettersDigitsAndDashes) {
  EXPECT_TRUE(is_slug("a"));
  EXPECT_TRUE(is_slug("0"));
  EXPECT_TRUE(is_slug("tenant"));
  EXPECT_TRUE(is_slug("rent-plus-8"));
  EXPECT_TRUE(is_slug("2026-budget"));
  EXPECT_TRUE(is_slug("a--b"));
  EXPECT_TRUE(is_slug("a-"));  // [a-z0-9][a-z0-9-]* allows a trailing dash
}

TEST(Model, SlugsMayNotBeEmptyOrStartWithADash) {
  EXPECT_FALSE(is_slug(""));
  EXPECT_FALSE(is_slug("-"));
  EXPECT_FALSE(is_slug("-a"));
}

TEST(Model, SlugsRejectUppercaseSeparatorsAndNonAscii) {
  EXPECT_FALSE(is_slug("Tenant"));
  EXPECT_FALSE(is_slug("tenAnt"));
  EXPECT_FALSE(is_slug("rent_plus"));
  EXPECT_FALSE(is_slug("rent plus"));
  EXPECT_FALSE(is_slug("a/b"));
  EXPECT_FALSE(is_slug("a.b"));
  EXPECT_FALSE(is_slug(" a"));
  EXPECT_FALSE(is_slug("a\n"));
  EXPECT_FALSE(is_slug("österreich"));
  EXPECT_FALSE(is_slug(std::string_view("a\0b", 3)));
}

// Spelling suggestions

TEST(Spelling, ClosestMatchFindsOneEditTypo) {
  const std::vector<std::string> keys{"id", "issue", "kind", "text", "priority"};
  EXPECT_EQ("issue", detail::closest_match("isue", keys));
  EXPECT_EQ("kind", detail::closest_match("knd", keys));
  EXPECT_EQ("priority", detail::closest_match("priorty", keys));
}

TEST(Spelling, ClosestMatchCountsSwappedNeighboursAsOneEdit) {
  const std::vector<std::string> keys{"format", "title", "date", "issues"};
  EXPECT_EQ("title", detail::closest_match("titel", keys));
  EXPECT_EQ("issues", detail::closest_match("isseus", keys));
  const std::vector<std::string> issues{"rent", "term"};
  EXPECT_EQ("rent", detail::closest_match("rnet", issues));
}

TEST(Spelling, ClosestMatchReturnsExactMatch) {
  const std::vector<std::string> ids{"tenant", "landlord"};
  EXPECT_EQ("tenant", detail::closest_match("tenant", ids));
}

TEST(Spelling, ClosestMatchGivesNothingForDistantWords) {
  const std::vector<std::string> ids{"tenant", "landlord"};
  EXPECT_EQ(std::nullopt, detail::closest_match("bank", ids));
  EXPECT_EQ(std::nullopt, detail::closest_match("", ids));
  // A third of the word may be wrong: two edits in a six-letter word is still a typo,
  // three is not.
  EXPECT_EQ("tenant", detail::closest_match("tenxxt", ids));
  EXPECT_EQ(std::nullopt, detail::closest_match("texxxt", ids));
}

TEST(Spelling, ClosestMatchAllowsOneEditInShortWords) {
  const std::vector<std::string> ids{"ab", "xy"};
  EXPECT_EQ("ab", detail::closest_match("a", ids));
  EXPECT_EQ(std::nullopt, detail::closest_match("ba", std::vector<std::string>{"xy"}));
}

TEST(Spelling, ClosestMatchGivesNothingWithoutCandidates) {
  EXPECT_EQ(std::nullopt, detail::closest_match("tenant", std::vector<std::string>{}));
}

TEST(Spelling, ClosestMatchBreaksTiesByName) {
  const std::vector<std::string> ids{"cbt", "bat", "cab"};
  EXPECT_EQ("bat", detail::closest_match("cat", ids));
  const std::vector<std::string> reversed{"cab", "bat", "cbt"};
  EXPECT_EQ("bat", detail::closest_match("cat", reversed));
}

TEST(Spelling, ClosestMatchPrefersTheNearerCandidate) {
  const std::vector<std::string> ids{"landlords", "landlord"};
  EXPECT_EQ("landlord", detail::closest_match("landlrd", ids));
}

TEST(Spelling, ClosestMatchSkipsOverlongWords) {
  // Beyond 128 characters nothing is compared, so one huge id cannot cost quadratic time.
  const std::vector<std::string> ids{std::string(128, 'a')};
  EXPECT_EQ(std::nullopt, detail::closest_match(std::string(129, 'a'), ids));
  EXPECT_EQ(std::string(128, 'a'), detail::closest_match(std::string(127, 'a'), ids));
  const std::vector<std::string> long_ids{std::string(129, 'a')};
  EXPECT_EQ(std::nullopt, detail::closest_match(std::string(128, 'a'), long_ids));
}

TEST(Spelling, DidYouMeanFormatsSuggestionOrNothing) {
  const std::vector<std::string> keys{"issue", "kind"};
  EXPECT_EQ(" (did you mean 'issue'?)", detail::did_you_mean("isue", keys));
  EXPECT_EQ("", detail::did_you_mean("zzzzzz", keys));
}

}  // namespace
}  // namespace entente
