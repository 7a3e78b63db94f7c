#include "support/csv.h"

#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

namespace entente::support {
namespace {

std::string field(std::string_view value) {
  std::string out;
  append_csv_field(out, value);
  return out;
}

std::vector<std::vector<std::string>> fields_of(std::string_view text) {
  const CsvText read = read_csv(text);
  EXPECT_FALSE(read.error.has_value()) << read.error->message;
  std::vector<std::vector<std::string>> out;
  for (const CsvRecord& record : read.records) out.push_back(record.fields);
  return out;
}

TEST(Csv, QuotesOnlyFieldsThatHoldAQuoteACommaOrALineBreak) {
  EXPECT_EQ(field("plain text"), "plain text");
  EXPECT_EQ(field(""), "");
  EXPECT_EQ(field("a,b"), "\"a,b\"");
  EXPECT_EQ(field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(field("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(field("cr\rhere"), "\"cr\rhere\"");
}

TEST(Csv, PutsASingleQuoteBeforeWhatASpreadsheetWouldRunAsAFormula) {
  EXPECT_EQ(field("=1+1"), "'=1+1");
  EXPECT_EQ(field("+33 1"), "'+33 1");
  EXPECT_EQ(field("-5%"), "'-5%");
  EXPECT_EQ(field("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(field("\tx"), "'\tx");
  EXPECT_EQ(field("\rx"), "\"'\rx\"");
  EXPECT_EQ(field("=a,b"), "\"'=a,b\"");
  EXPECT_EQ(field("a=b"), "a=b");
  EXPECT_TRUE(looks_like_formula("=x"));
  EXPECT_FALSE(looks_like_formula("x="));
  EXPECT_FALSE(looks_like_formula(""));
}

TEST(Csv, QuotesAgainTextThatAlreadyStartsWithSingleQuotesBeforeAFormula) {
  EXPECT_EQ(field("'=x"), "''=x");
  EXPECT_EQ(field("''-x"), "'''-x");
  EXPECT_EQ(field("'plain"), "'plain");
  EXPECT_EQ(field("'"), "'");
}

TEST(Csv, ReadsBackEveryValueItWrites) {
  const std::vector<std::string> values = {
      "",     "plain", "a,b", "\"",   "say \"hi\"", "two\nlines",  "=1+1",
      "-",    "'",     "'=x", "''+x", "'plain",     "@",           "\tx",
      "x\ty", ",",     "\n",  " sp ", "Ünï",        "交渉, \"x\"", "line\nthen =x"};
  std::string text;
  append_csv_record(text, values);
  append_csv_record(text, {"second", "record"});
  const auto read = fields_of(text);
  ASSERT_EQ(read.size(), 2u);
  EXPECT_EQ(read[0], values);
  EXPECT_EQ(read[1], (std::vector<std::string>{"second", "record"}));
}

TEST(Csv, EndsRecordsWithCrLf) {
  std::string text;
  append_csv_record(text, {"a", "b"});
  append_csv_record(text, {""});
  EXPECT_EQ(text, "a,b\r\n\r\n");
}

TEST(Csv, WritesBytesThatAreNotUtf8AsReplacementCharacters) {
  EXPECT_EQ(field("a\xFF"
                  "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(field("\xC0\x8A"), "\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(Csv, ReadsLfAndCrLfLineEndsAndSkipsBlankLinesAndAByteOrderMark) {
  const CsvText read = read_csv("\xEF\xBB\xBFkey,value\r\n\r\na,1\n\nb,\"x\r\ny\"\r\nc,");
  ASSERT_FALSE(read.error.has_value());
  ASSERT_EQ(read.records.size(), 4u);
  EXPECT_EQ(read.records[0].fields, (std::vector<std::string>{"key", "value"}));
  EXPECT_EQ(read.records[1].line, 3);
  EXPECT_EQ(read.records[2].fields, (std::vector<std::string>{"b", "x\ny"}));
  EXPECT_EQ(read.records[2].line, 5);
  EXPECT_EQ(read.records[3].fields, (std::vector<std::string>{"c", ""}));
  EXPECT_EQ(read.records[3].line, 7);
}

TEST(Csv, StopsAtTheFirstSyntaxErrorSayingWhere) {
  const struct {
    std::string_view text;
    int line, field;
    std::string_view says;
  } cases[] = {
      {"a,b\nc,d\"e\n", 2, 2, "quote inside a field"},
      {"a,\"b\"c\n", 1, 2, "after the closing quote"},
      {"a\n\"open\nstill open", 2, 1, "not closed"},
      {"a,b\rc\n", 1, 2, "carriage return"},
      {"\r", 1, 1, "carriage return"},
  };
  for (const auto& c : cases) {
    const CsvText read = read_csv(c.text);
    ASSERT_TRUE(read.error.has_value()) << c.text;
    EXPECT_EQ(read.error->line, c.line) << c.text;
    EXPECT_EQ(read.error->field, c.field) << c.text;
    EXPECT_NE(read.error->message.find(c.says), std::string::npos) << read.error->message;
  }
}

TEST(Csv, RefusesARecordOfMoreFieldsThanTheLimit) {
  const CsvText read = read_csv("a,b,c,d\n", 3);
  ASSERT_TRUE(read.error.has_value());
  EXPECT_EQ(read.error->field, 4);
  EXPECT_TRUE(read_csv("a,b,c\n", 3).records.size() == 1);
}

TEST(Csv, KeepsTheRecordsBeforeAnError) {
  const CsvText read = read_csv("a,b\nc,\"d\n");
  ASSERT_TRUE(read.error.has_value());
  ASSERT_EQ(read.records.size(), 1u);
  EXPECT_EQ(read.records[0].fields, (std::vector<std::string>{"a", "b"}));
}

TEST(Csv, FindsWhereAFieldStartsOnItsLine) {
  EXPECT_EQ(csv_field_offset("a,bb,c", 1), 0u);
  EXPECT_EQ(csv_field_offset("a,bb,c", 3), 5u);
  EXPECT_EQ(csv_field_offset("\"x,\"\"y\",z", 2), 8u);
  EXPECT_EQ(csv_field_offset("a,b", 3), std::nullopt);
  EXPECT_EQ(csv_field_offset("a,\"runs on", 3), std::nullopt);
}

}  // namespace
}  // namespace entente::support
