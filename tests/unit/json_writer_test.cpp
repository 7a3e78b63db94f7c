#include "writers.h"

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "entente/reports/report.h"
#include "sample_report.h"

namespace entente::reports {
namespace {

std::string to_json(const Report& report) {
  std::ostringstream out;
  write_json(report, out);
  return out.str();
}

constexpr std::string_view k_small_report_json = R"({
  "format": 1,
  "schema_version": 4,
  "scenario": {
    "title": "Lease",
    "parties": [
      "landlord",
      "tenant"
    ],
    "issues": [
      "rent",
      "term"
    ],
    "weights": {},
    "date": "2026-03-01",
    "description": null
  },
  "positions": [
    {
      "ref": "landlord/plus-8",
      "party": "landlord",
      "issue": "rent",
      "kind": "demand",
      "priority": 4,
      "red_line": true,
      "status": "sticking",
      "deadlock": true,
      "stances": {
        "tenant": "reject"
      },
      "id": "plus-8",
      "text": "Rent rises by 8%.",
      "to": [
        "tenant"
      ],
      "in_package": true,
      "source": "letter",
      "quote": "8%",
      "note": null,
      "sources": [
        "letter"
      ],
      "answers": [
        {
          "party": "tenant",
          "stance": "reject",
          "via": "tenant/freeze",
          "agree_if": [],
          "conditional": false,
          "condition_met": false,
          "note": "Too much.",
          "source": null,
          "quote": null,
          "sources": []
        }
      ]
    },
    {
      "ref": "tenant/freeze",
      "party": "tenant",
      "issue": "rent",
      "kind": "demand",
      "priority": 5,
      "red_line": true,
      "status": "open",
      "deadlock": false,
      "stances": {
        "landlord": "consider"
      },
      "id": "freeze",
      "text": "No rise.",
      "to": [
        "landlord"
      ],
      "in_package": true,
      "source": null,
      "quote": null,
      "note": null,
      "sources": [],
      "answers": [
        {
          "party": "landlord",
          "stance": "consider",
          "via": null,
          "agree_if": [
            "landlord/plus-8"
          ],
          "conditional": true,
          "condition_met": false,
          "note": null,
          "source": null,
          "quote": null,
          "sources": []
        }
      ]
    },
    {
      "ref": "tenant/two-years",
      "party": "tenant",
      "issue": "term",
      "kind": "concession",
      "priority": 2,
      "red_line": false,
      "status": "agreed",
      "deadlock": false,
      "stances": {
        "landlord": "agree"
      },
      "id": "two-years",
      "text": "Two years.",
      "to": [
        "landlord"
      ],
      "in_package": false,
      "source": null,
      "quote": null,
      "note": "Offered orally.",
      "sources": [],
      "answers": [
        {
          "party": "landlord",
          "stance": "agree",
          "via": null,
          "agree_if": [],
          "conditional": false,
          "condition_met": false,
          "note": null,
          "source": null,
          "quote": null,
          "sources": []
        }
      ]
    }
  ],
  "common_ground": [
    "tenant/two-years"
  ],
  "bargaining_space": [
    "tenant/freeze"
  ],
  "sticking_points": [
    {
      "ref": "landlord/plus-8",
      "rejected_by": [
        "tenant"
      ],
      "deadlock": true
    }
  ],
  "packages": [
    [
      "landlord/plus-8",
      "tenant/freeze"
    ]
  ],
  "superseded": [],
  "issues": [
    {
      "id": "rent",
      "status": "deadlocked",
      "exclusive": false
    },
    {
      "id": "term",
      "status": "open",
      "exclusive": false
    }
  ],
  "diagnostics": [
    {
      "level": "warning",
      "file": "landlord.yaml",
      "line": 3,
      "column": 5,
      "message": "unused source"
    }
  ]
}
)";

// From 20,000 positions on, blocks of 512 are printed on two threads and joined: the bytes
// must be those of one printer (nlohmann's, with the same indentation), across every block
// border, for an odd number of blocks and a short last one.
TEST(JsonWriter, LargeReportPrintsTheSameBytesAsOnePrinter) {
  Report r;
  r.title = "Many";
  std::vector<std::string> texts;      // the rows view them
  constexpr int k_rows = 40 * 512 + 7;  // 41 blocks, the last one short
  texts.reserve(k_rows);
  for (int n = 0; n < k_rows; ++n) texts.push_back("position " + std::to_string(n));
  for (int n = 0; n < k_rows; ++n) {
    PositionRow row{.ref = "a/p" + std::to_string(100000 + n), .party = "a", .text = texts[n]};
    row.stances.push_back(
        {.party = "b", .stance = n % 2 ? EffectiveStance::agree : EffectiveStance::silent});
    r.positions.push_back(std::move(row));
  }
  const std::string text = to_json(r);
  const auto parsed = nlohmann::ordered_json::parse(text);
  ASSERT_EQ(parsed["positions"].size(), static_cast<std::size_t>(k_rows));
  EXPECT_EQ(parsed["positions"][k_rows - 1]["text"], texts.back());
  // Compared whole, with the first difference shown (gtest's diff of two 3 MB strings would
  // take minutes and gigabytes).
  const std::string expected = parsed.dump(2) + "\n";
  const auto [at, _] = std::mismatch(expected.begin(), expected.end(), text.begin(), text.end());
  EXPECT_TRUE(expected == text) << "first difference at byte " << (at - expected.begin()) << ": "
                                << expected.substr(static_cast<std::size_t>(at - expected.begin()),
                                                   80);
}

// The printer writes through a buffer it grows ahead of need: a value longer than all it holds
// and keys that need escaping (a party id is a key under "stances") must come out whole.
TEST(JsonWriter, WritesValuesLongerThanItsBufferAndEscapesKeys) {
  Report r = testing::small_report();
  const std::string long_text = std::string(300000, 'x') + "\"end\"";
  r.positions[0].text = long_text;
  const std::string party = "b\"\n\xff";
  r.positions[0].stances[0].party = party;
  const std::string text = to_json(r);
  nlohmann::ordered_json parsed;
  ASSERT_NO_THROW(parsed = nlohmann::ordered_json::parse(text));
  EXPECT_EQ(parsed["positions"][0]["text"], long_text);
  EXPECT_TRUE(parsed["positions"][0]["stances"].contains("b\"\n\ufffd"))
      << parsed["positions"][0]["stances"].dump();
  EXPECT_EQ(parsed["positions"][0]["answers"][0]["party"], "b\"\n\ufffd");
  EXPECT_NE(text.find(R"("b\"\u000a\ufffd": )"), std::string::npos);
}

TEST(JsonWriter, WritesEveryFormatKeyExactly) {
  EXPECT_EQ(to_json(testing::small_report()), k_small_report_json);
}

TEST(JsonWriter, WritesTheTopLevelKeysOfFormatSection5InOrder) {
  const auto json = nlohmann::ordered_json::parse(to_json(testing::small_report()));
  std::vector<std::string> keys;
  for (const auto& item : json.items()) keys.push_back(item.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"format", "schema_version", "scenario", "positions",
                                            "common_ground", "bargaining_space", "sticking_points",
                                            "packages", "superseded", "issues", "diagnostics"}));
}

TEST(JsonWriter, WritesAnEmptyReportWithEmptyLists) {
  EXPECT_EQ(to_json(Report{}), R"({
  "format": 1,
  "schema_version": 4,
  "scenario": {
    "title": "",
    "parties": [],
    "issues": [],
    "weights": {},
    "date": null,
    "description": null
  },
  "positions": [],
  "common_ground": [],
  "bargaining_space": [],
  "sticking_points": [],
  "packages": [],
  "superseded": [],
  "issues": [],
  "diagnostics": []
}
)");
}

TEST(JsonWriter, EscapesQuotesControlCharactersAndKeepsScriptTagsInsideStrings) {
  Report r;
  r.title = "say \"hi\"\n</script><script>\x1b[2J\x7f";
  const std::string json = to_json(r);
  EXPECT_NE(json.find(R"("title": "say \"hi\"\u000a</script><script>\u001b[2J\u007f")"),
            std::string::npos)
      << json;
  EXPECT_EQ(json.find('\x1b'), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(json)["scenario"]["title"], r.title);
}

TEST(JsonWriter, WritesWeightsAsTheShortestNumberThatReadsBack) {
  Report r = testing::small_report();
  r.parties = {{"a", "A", "007"},    {"b", "B", "3.50"}, {"c", "C", ""},    {"d", "D", "1e999"},
               {"e", "E", "1e-999"}, {"f", "F", "0.1"},  {"g", "G", "1e21"}};
  const auto json = nlohmann::ordered_json::parse(to_json(r));
  // `c` has no weight and is not listed; 1e999 is past the largest double.
  EXPECT_EQ(json["scenario"]["weights"].dump(),
            R"({"a":7,"b":3.5,"d":null,"e":0,"f":0.1,"g":1e+21})");
  const std::string printed = to_json(r);
  EXPECT_NE(printed.find("\"a\": 7,"), std::string::npos);
  EXPECT_NE(printed.find("\"b\": 3.5,"), std::string::npos);
  EXPECT_NE(printed.find("\"f\": 0.1,"), std::string::npos);
}

TEST(JsonWriter, StaysValidJsonWhenTheInputIsNotUtf8) {
  Report r = testing::small_report();
  r.positions[0].text = "bad \xff\xfe byte";
  const std::string json = to_json(r);
  nlohmann::json parsed;
  ASSERT_NO_THROW(parsed = nlohmann::json::parse(json));
  EXPECT_EQ(parsed["positions"][0]["text"], "bad \ufffd\ufffd byte");
}

TEST(JsonWriter, PassesUtf8Through) {
  Report r;
  r.title = "Россия – Österreich – 日本";
  EXPECT_NE(to_json(r).find(R"("title": "Россия – Österreich – 日本")"), std::string::npos);
}

TEST(JsonWriter, WritesUnknownLocationsAsZero) {
  Report r;
  r.diagnostics = {{.where = {"scenario.yaml"}, .severity = Severity::warning, .message = "m"}};
  const auto json = nlohmann::json::parse(to_json(r));
  EXPECT_EQ(json["diagnostics"][0]["line"], 0);
  EXPECT_EQ(json["diagnostics"][0]["column"], 0);
}

TEST(JsonWriter, IsByteIdenticalForIdenticalInput) {
  const Report a = testing::small_report();
  const Report b = testing::small_report();
  EXPECT_EQ(to_json(a), to_json(a));
  EXPECT_EQ(to_json(a), to_json(b));
}

TEST(JsonWriter, IsChosenByTheFormatNameJson) {
  ASSERT_EQ(parse_format("json"), Format::json);
  EXPECT_EQ(to_string(Format::json), "json");
  std::ostringstream out;
  write_report(testing::small_report(), Format::json, out, {.color = true});
  EXPECT_EQ(out.str(), k_small_report_json);
}

TEST(JsonWriter, IsNotChosenByOtherSpellings) {
  EXPECT_EQ(parse_format("JSON"), std::nullopt);
  EXPECT_EQ(parse_format("txt"), std::nullopt);
  EXPECT_EQ(parse_format(""), std::nullopt);
}

}  // namespace
}  // namespace entente::reports
