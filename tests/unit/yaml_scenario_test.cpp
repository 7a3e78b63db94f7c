// write_yaml_scenario() (reports/src/yaml/scenario.cpp): a scenario as one YAML file that the
// loader reads back into the same model, whatever its text holds.

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "entente/loader.h"
#include "entente/reports/scenario.h"
#include "scenario_text.h"

namespace entente::reports {
namespace {

std::string yaml_of(const Scenario& s) {
  std::ostringstream out;
  write_yaml_scenario(s, out);
  return out.str();
}

// The scenario of `yaml`, valid, or a failure naming the first problem.
Scenario read_back(const std::string& yaml) {
  auto parsed = parse_scenario(yaml, "back.yaml");
  if (!parsed) {
    ADD_FAILURE() << format_diagnostic(parsed.error().front()) << "\n" << yaml;
    return {};
  }
  auto valid = validate(std::move(*parsed));
  if (!valid) {
    ADD_FAILURE() << format_diagnostic(valid.error().front()) << "\n" << yaml;
    return {};
  }
  return std::move(*valid);
}

TEST(YamlScenario, WritesTheSingleFileFormWithEachPartysPositionsAndStances) {
  const Scenario s = testing::valid_scenario(R"(format: 1
title: Lease
parties:
  - id: tenant
    positions:
      - {id: cap, issue: rent, kind: concession, text: "At most 3%.", to: [landlord]}
  - id: landlord
    name: Landlord Ltd
    stances:
      - {position: tenant/cap, stance: consider, agree_if: [tenant/cap]}
issues:
  - {id: rent}
)");
  EXPECT_EQ(yaml_of(s),
            "# A scenario in the single-file form (docs/format.md), written by entente import.\n"
            "format: 1\n"
            "title: \"Lease\"\n"
            "parties:\n"
            "  - id: tenant\n"
            "    name: \"tenant\"\n"
            "    positions:\n"
            "      - id: cap\n"
            "        issue: rent\n"
            "        kind: concession\n"
            "        text: \"At most 3%.\"\n"
            "        to: [landlord]\n"
            "  - id: landlord\n"
            "    name: \"Landlord Ltd\"\n"
            "    stances:\n"
            "      - position: tenant/cap\n"
            "        stance: consider\n"
            "        agree_if: [tenant/cap]\n"
            "issues:\n"
            "  - id: rent\n"
            "    title: \"rent\"\n");
}

TEST(YamlScenario, IsReadBackIntoTheSameScenarioWhateverTheTextHolds) {
  const std::string hostile[] = {"",
                                 "\"quotes\" and \\ backslashes",
                                 "two\nlines\n",
                                 "\ttab",
                                 "  spaces around  ",
                                 "#not a comment",
                                 "- not a list",
                                 "key: not a map",
                                 "[flow]",
                                 "{flow}",
                                 "null",
                                 "~",
                                 "true",
                                 "3",
                                 "'single'",
                                 "\xC2\x85 NEL",
                                 "\xE2\x80\xA8 LS \xE2\x80\xA9 PS",
                                 "\xEF\xBB\xBF BOM",
                                 "Ünïcödé 交渉 🕊",
                                 "%percent",
                                 "&anchor *alias !tag",
                                 "a: b, c",
                                 ">folded",
                                 "|literal"};
  for (const std::string& text : hostile) {
    Scenario s = testing::valid_scenario(R"(format: 1
title: T
parties: [{id: a}, {id: "null"}]
issues: [{id: i}]
sources: [{id: s}]
)");
    s.title = s.description = s.parties[0].name = s.issues[0].title = s.sources[0].title = text;
    s.sources[0].url = text;
    Position p;
    p.party = "a";
    p.id = "null";
    p.issue = {"i"};
    p.text = text;
    p.quote = text;
    p.note = text;
    p.sources = {IdRef{"s"}};
    p.to = {{"null"}};
    s.positions.push_back(p);
    StanceDecl st;
    st.party = "null";
    st.position = {"a/null"};
    st.stance = Stance::reject;
    st.note = text;
    s.stances.push_back(st);
    const Scenario back = read_back(yaml_of(s));
    EXPECT_EQ(testing::without_places(back), testing::without_places(s)) << yaml_of(s);
  }
}

}  // namespace
}  // namespace entente::reports
