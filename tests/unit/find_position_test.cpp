// model/find_position.h: a position or a party named by a caller, and the one error for each
// name that names nothing.
#include "model/find_position.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "entente/focus.h"
#include "scenario_text.h"

namespace entente {
namespace {

using entente::testing::valid_scenario;

constexpr std::string_view k_three = R"(format: 1
title: Names
issues: [{id: i}]
parties:
  - id: alpha
    positions:
      - {id: x, issue: i, kind: demand, text: X, to: [beta]}
  - id: beta
    positions:
      - {id: y, issue: i, kind: demand, text: Y, to: [alpha]}
  - id: gamma
    positions:
      - {id: z, issue: i, kind: demand, text: Z, to: [alpha]}
)";

TEST(FindPosition, FindsAPositionAndAPartyByWhatACallerWrites) {
  const Scenario s = valid_scenario(k_three);
  EXPECT_EQ(detail::find_position(s, "beta/y"), 1u);
  EXPECT_EQ(detail::find_position(s, "beta/x"), std::nullopt);
  EXPECT_EQ(detail::find_position(s, "beta"), std::nullopt);
  EXPECT_EQ(detail::find_party(s, "gamma"), 2u);
  EXPECT_EQ(detail::find_party(s, "gamm"), std::nullopt);
  EXPECT_EQ(detail::find_party(s, "beta/y"), std::nullopt);
}

TEST(FindPosition, AnUnknownNameComesWithTheNearestKnownOne) {
  const Scenario s = valid_scenario(k_three);
  EXPECT_EQ(detail::unknown_party(s, "gamm"), "unknown party 'gamm' (did you mean 'gamma'?)");
  EXPECT_EQ(detail::unknown_party(s, "zzzzzz"), "unknown party 'zzzzzz'");
  EXPECT_EQ(detail::unknown_position(s, "beta/yy"),
            "unknown position 'beta/yy' (did you mean 'beta/y'?)");
}

TEST(FindPosition, ANameAFocusLeftOutSaysSo) {
  // Focused on alpha and beta: gamma is an outsider, and gamma/z (heard by alpha) stays, while
  // nothing else is left out.
  const std::vector<std::string> names{"alpha", "beta"};
  const Scenario s = focus_on(valid_scenario(k_three), names).value();
  EXPECT_EQ(detail::find_party(s, "gamma"), std::nullopt);
  EXPECT_EQ(detail::unknown_party(s, "gamma"), "party 'gamma' is not among the parties focused on");
  EXPECT_EQ(detail::unknown_party(s, "delta"), "unknown party 'delta'");
}

}  // namespace
}  // namespace entente
