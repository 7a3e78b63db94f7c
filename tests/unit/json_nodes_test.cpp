#include "loader/json_nodes.h"

#include <string>

#include <gtest/gtest.h>

#include "entente/loader.h"

namespace entente::detail {
namespace {

using Kind = YamlNode::Kind;

YamlNode parsed(std::string_view text) {
  auto root = parse_json(text, "f.json");
  EXPECT_TRUE(root) << (root ? "" : format_diagnostic(root.error().front()));
  return root ? *root : YamlNode{};
}

std::string first_error(std::string_view text, const YamlLimits& limits = {}) {
  const auto result = parse_json(text, "f.json", limits);
  return result ? std::string("ok") : format_diagnostic(result.error().front());
}

TEST(JsonNodes, MapsEachJsonValueToTheNodeKindTheYamlReaderMakes) {
  const YamlNode root = parsed(R"({"s": "text", "n": 1, "t": true, "f": false, "z": null,
 "a": [1, "x"], "o": {}})");
  ASSERT_EQ(Kind::mapping, root.kind);
  ASSERT_EQ(7u, root.keys.size());
  ASSERT_EQ(7u, root.items.size());
  EXPECT_EQ("s", root.keys[0].value);
  EXPECT_FALSE(root.keys[0].plain);  // keys are strings
  EXPECT_EQ(Kind::scalar, root.items[0].kind);
  EXPECT_FALSE(root.items[0].plain);
  EXPECT_EQ("text", root.items[0].value);
  for (const std::size_t i : {1u, 2u, 3u}) {
    EXPECT_EQ(Kind::scalar, root.items[i].kind);
    EXPECT_TRUE(root.items[i].plain) << i;
  }
  EXPECT_EQ("1", root.items[1].value);
  EXPECT_EQ("true", root.items[2].value);
  EXPECT_EQ("false", root.items[3].value);
  EXPECT_EQ(Kind::null, root.items[4].kind);
  EXPECT_EQ(Kind::sequence, root.items[5].kind);
  ASSERT_EQ(2u, root.items[5].items.size());
  EXPECT_TRUE(root.items[5].items[0].plain);
  EXPECT_FALSE(root.items[5].items[1].plain);
  EXPECT_EQ(Kind::mapping, root.items[6].kind);
  EXPECT_TRUE(root.items[6].keys.empty());
}

TEST(JsonNodes, KeepsNumbersAsWritten) {
  const YamlNode root = parsed(R"([1, -0, 3.50, 1e3, 2E-2, 12345678901234567890123])");
  ASSERT_EQ(6u, root.items.size());
  EXPECT_EQ("1", root.items[0].value);
  EXPECT_EQ("-0", root.items[1].value);
  EXPECT_EQ("3.50", root.items[2].value);
  EXPECT_EQ("1e3", root.items[3].value);
  EXPECT_EQ("2E-2", root.items[4].value);
  EXPECT_EQ("12345678901234567890123", root.items[5].value);
}

TEST(JsonNodes, DecodesEscapesInStrings) {
  const YamlNode root = parsed(R"(["a\"b\\c\/d\n\te", "\u00e9\ud83d\ude00"])");
  EXPECT_EQ("a\"b\\c/d\n\te", root.items[0].value);
  EXPECT_EQ("\xC3\xA9\xF0\x9F\x98\x80", root.items[1].value);
}

TEST(JsonNodes, LocatesEveryNodeAtItsFirstByte) {
  const YamlNode root = parsed(
      "{\n  \"id\": \"a\\\"b\",\n  \"to\": [ true, 12, null ],\n"
      "  \"é\": {}\n}\n");
  EXPECT_EQ(1, root.line);
  EXPECT_EQ(1, root.column);
  EXPECT_EQ(2, root.keys[0].line);
  EXPECT_EQ(3, root.keys[0].column);
  EXPECT_EQ(2, root.items[0].line);  // a string with an escaped quote: its opening quote
  EXPECT_EQ(9, root.items[0].column);
  const YamlNode& to = root.items[1];
  EXPECT_EQ(3, to.line);
  EXPECT_EQ(9, to.column);
  EXPECT_EQ(11, to.items[0].column);
  EXPECT_EQ(17, to.items[1].column);
  EXPECT_EQ(21, to.items[2].column);
  EXPECT_EQ(4, root.items[2].line);
  EXPECT_EQ(9, root.items[2].column);  // columns count bytes: "é" is two
}

TEST(JsonNodes, GivesANullNodeForWhitespaceOnly) {
  EXPECT_EQ(Kind::null, parsed("").kind);
  EXPECT_EQ(Kind::null, parsed(" \n\t\n").kind);
}

TEST(JsonNodes, ReportsABadTokenWhereItIs) {
  EXPECT_EQ(
      "f.json:2:7: error: invalid JSON: expected a value (a string, number, object, array, true, "
      "false or null)",
      first_error("{\"a\": 1,\n \"b\": yes}"));
  EXPECT_EQ("f.json:1:2: error: invalid JSON: expected a key in double quotes",
            first_error("{format: 1}"));
  EXPECT_EQ("f.json:1:9: error: invalid JSON: expected ',' or '}' after an object member",
            first_error("{\"a\": 1 \"b\": 2}"));
  EXPECT_EQ("f.json:1:6: error: invalid JSON: expected ':' after an object key",
            first_error("{\"a\" 1}"));
  EXPECT_EQ("f.json:1:4: error: invalid JSON: expected ',' or ']' after an array element",
            first_error("[1 2]"));
  EXPECT_EQ(
      "f.json:1:7: error: invalid JSON: strings and keys take double quotes (\"...\"), not single "
      "ones",
      first_error("{\"a\": 'b'}"));
  EXPECT_EQ("f.json:1:4: error: invalid JSON: expected a digit after the decimal point",
            first_error("[1.]"));
}

TEST(JsonNodes, ReportsATrailingCommaAtTheComma) {
  EXPECT_EQ("f.json:1:3: error: invalid JSON: a comma before ']' (JSON allows no trailing comma)",
            first_error("[1,\n]"));
  EXPECT_EQ("f.json:1:8: error: invalid JSON: a comma before '}' (JSON allows no trailing comma)",
            first_error("{\"a\": 1, }"));
}

TEST(JsonNodes, ReportsAnUnterminatedStringAtItsOpeningQuote) {
  EXPECT_EQ(
      "f.json:2:8: error: invalid JSON: unterminated string (a string ends on its line; write a "
      "line break as \\n)",
      first_error("{\"a\": 1,\n \"b\": [\"x\\\"y\n]}"));
  EXPECT_EQ(
      "f.json:1:7: error: invalid JSON: unterminated string (a string ends on its line; write a "
      "line break as \\n)",
      first_error("{\"a\": \"never closed"));
}

TEST(JsonNodes, ReportsTheEndOfTheFileInsideAValue) {
  EXPECT_EQ("f.json:2:1: error: invalid JSON: expected ',' or '}' after an object member",
            first_error("{\"a\": 1\n"));
}

TEST(JsonNodes, RefusesTrailingGarbage) {
  EXPECT_EQ(
      "f.json:2:1: error: invalid JSON: more text after the JSON value (a file holds one value)",
      first_error("{}\n{}\n"));
  EXPECT_EQ("ok", first_error("{}\n\n  \n"));
}

TEST(JsonNodes, RefusesEscapesThatWriteControlsOrHalfASurrogatePair) {
  EXPECT_EQ(
      "f.json:1:7: error: control character in a value (from an escape sequence) is not allowed",
      first_error(R"({"a": "x\u0000y"})"));
  EXPECT_EQ(
      "f.json:1:2: error: a \\u escape in a string writes half a surrogate pair, which is not a "
      "character",
      first_error(R"(["\udc00"])"));
  EXPECT_EQ("f.json:1:4: error: invalid JSON: a tab in a string must be written as \\t",
            first_error("[\"a\tb\"]"));
  EXPECT_EQ(
      "f.json:1:4: error: invalid JSON: invalid escape in a string (JSON has \\\" \\\\ \\/ \\b \\f "
      "\\n \\r \\t \\uXXXX)",
      first_error(R"(["a\qb"])"));
}

TEST(JsonNodes, RefusesBytesThatAreNotUtf8) {
  // check_bytes() refuses them first in a file; the parser refuses them on its own too.
  EXPECT_EQ("f.json:1:3: error: invalid JSON: a string holds bytes that are not UTF-8",
            first_error("[\"\xC3\x28\"]"));
}

TEST(JsonNodes, StopsAtTheDepthLimitWhereItIsPassed) {
  EXPECT_EQ("f.json:1:4: error: nesting deeper than 3 levels",
            first_error(std::string(100'000, '['), {.max_depth = 3}));
  EXPECT_EQ("ok", first_error("[[[]]]", {.max_depth = 3}));
}

TEST(JsonNodes, StopsAtTheNodeLimit) {
  EXPECT_EQ("f.json:1:8: error: more than 3 JSON values and keys in one file",
            first_error("[1, 2, 3, 4]", {.max_nodes = 3}));
}

TEST(JsonNodes, RefusesADuplicateKeyInTheYamlReadersWords) {
  EXPECT_EQ("f.json:3:3: error: duplicate key 'id' (first given at line 2, column 3)",
            first_error("{\n  \"id\": \"a\",\n  \"id\": \"b\"\n}"));
  EXPECT_EQ("ok", first_error(R"([{"id": "a"}, {"id": "b"}])"));
}

TEST(JsonNodes, TellsJsonFilesByTheirNameAndStandardInputByItsFirstByte) {
  EXPECT_TRUE(is_json_file_name("a/b/scenario.json"));
  EXPECT_FALSE(is_json_file_name("scenario.yaml"));
  EXPECT_FALSE(is_json_file_name("scenario.JSON"));  // case-sensitive, as the docs say
  EXPECT_TRUE(looks_like_json("\xEF\xBB\xBF \n {\"format\": 1}"));
  EXPECT_FALSE(looks_like_json("# {\nformat: 1\n"));
  EXPECT_FALSE(looks_like_json("[1]"));
  EXPECT_FALSE(looks_like_json(""));
}

}  // namespace
}  // namespace entente::detail
