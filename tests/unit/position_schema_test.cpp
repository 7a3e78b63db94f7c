// write_position_schema() (reports/src/json/position_schema.cpp): the JSON Schema of the
// position files, made from the format's key table. Whole outputs are golden cases (`schema`,
// `schema-lease`); here, that every key of the table is in it, and what a scenario narrows.

#include "entente/reports/position_schema.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "entente/format_keys.h"
#include "scenario_text.h"

namespace entente::reports {
namespace {

using nlohmann::json;

json static_schema() {
  std::ostringstream out;
  write_position_schema(out);
  return json::parse(out.str());
}

json schema_of(std::string_view yaml) {
  std::ostringstream out;
  write_position_schema(testing::valid_scenario(yaml), out);
  return json::parse(out.str());
}

constexpr std::string_view k_scenario = R"(format: 1
title: Numbers
parties:
  - id: a
    positions:
      - {id: x, issue: "2022", kind: demand, text: t}
      - {id: "7", issue: "2022", kind: demand, text: t}
  - id: b
    stances:
      - {position: a/x, stance: agree}
issues:
  - id: "2022"
)";

TEST(PositionSchema, HasEveryKeyOfTheTableWithItsDescriptionAndRequiredness) {
  const json schema = static_schema();
  for (const FormatItem& item : k_format_items) {
    const json& definition = schema["definitions"][std::string(item.name)];
    ASSERT_TRUE(definition.is_object()) << item.name;
    EXPECT_EQ(definition["additionalProperties"], false) << item.name;
    std::vector<std::string> names;
    std::vector<std::string> required;
    for (const FormatKey& key : item.keys) {
      names.emplace_back(key.name);
      if (key.required) required.emplace_back(key.name);
      EXPECT_EQ(definition["properties"][std::string(key.name)]["description"], key.description)
          << item.name << "." << key.name;
    }
    std::vector<std::string> properties;
    for (const auto& [name, _] : definition["properties"].items()) properties.push_back(name);
    std::sort(names.begin(), names.end());
    EXPECT_EQ(properties, names) << item.name;  // nlohmann's objects iterate sorted
    EXPECT_EQ(definition["required"], json(required)) << item.name;
  }
}

TEST(PositionSchema, SendsAFileWithPartyToThePartyFileAndAnyOtherToTheScenario) {
  const json schema = static_schema();
  EXPECT_EQ(schema["$schema"], "http://json-schema.org/draft-07/schema#");
  EXPECT_EQ(schema["if"]["required"], json({"party"}));
  EXPECT_EQ(schema["then"]["$ref"], "#/definitions/party_file");
  EXPECT_EQ(schema["else"]["$ref"], "#/definitions/scenario");
}

TEST(PositionSchema, OptionalKeysMayBeNullAndRequiredOnesMayNot) {
  const json position = static_schema()["definitions"]["position"]["properties"];
  EXPECT_EQ(position["text"]["type"], json({"string", "number", "boolean"}));
  EXPECT_EQ(position["note"]["type"], json({"string", "number", "boolean", "null"}));
  EXPECT_EQ(position["priority"]["type"], json({"integer", "null"}));
  EXPECT_EQ(position["priority"]["minimum"], k_min_priority);
  EXPECT_EQ(position["priority"]["maximum"], k_max_priority);
  EXPECT_EQ(position["kind"]["enum"], json({"demand", "concession"}));
  EXPECT_EQ(position["issue"]["$ref"], "#/definitions/issue_id");
  EXPECT_EQ(position["source"]["anyOf"][1], json({{"type", "null"}}));
  EXPECT_EQ(position["to"]["minItems"], 1);
  EXPECT_EQ(position["to"]["uniqueItems"], true);
}

TEST(PositionSchema, WithoutAScenarioReferencesArePatterns) {
  const json definitions = static_schema()["definitions"];
  EXPECT_EQ(definitions["party_id"]["pattern"], "^[a-z0-9][a-z0-9-]*$");
  EXPECT_EQ(definitions["position_ref"]["pattern"], "^[a-z0-9][a-z0-9-]*/[a-z0-9][a-z0-9-]*$");
  EXPECT_FALSE(definitions["party_file"].contains("allOf"));
}

TEST(PositionSchema, AScenarioListsItsNamesAndAnIdOfDigitsAlsoAsANumber) {
  const json definitions = schema_of(k_scenario)["definitions"];
  EXPECT_EQ(definitions["party_id"]["enum"], json({"a", "b"}));
  EXPECT_EQ(definitions["issue_id"]["enum"], json({"2022", 2022}));
  EXPECT_EQ(definitions["position_ref"]["enum"], json({"a/x", "a/7"}));
  EXPECT_EQ(definitions["source_id"]["not"], json::object());  // it has none
  EXPECT_EQ(definitions["own_position_id"]["pattern"], "^[a-z0-9][a-z0-9-]*$");
}

TEST(PositionSchema, AScenarioNarrowsViaToTheStanceTakersOwnPositions) {
  const json definitions = schema_of(k_scenario)["definitions"];
  for (const char* item : {"party_file", "party"}) {
    const json& all_of = definitions[item]["allOf"];
    ASSERT_EQ(all_of.size(), 2u) << item;
    const char* taker = std::string_view(item) == "party" ? "id" : "party";
    EXPECT_EQ(all_of[0]["if"]["properties"][taker]["enum"], json({"a"}));
    EXPECT_EQ(all_of[0]["then"]["properties"]["stances"]["items"]["properties"]["via"]["enum"],
              json({"x", "7", 7, nullptr}));
    EXPECT_EQ(all_of[1]["if"]["properties"][taker]["enum"], json({"b"}));
    EXPECT_EQ(all_of[1]["then"]["properties"]["stances"]["items"]["properties"]["via"]["type"],
              "null");  // b holds no position
  }
}

}  // namespace
}  // namespace entente::reports
