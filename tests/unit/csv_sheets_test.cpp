// write_csv_sheet() (reports/src/csv/sheets.cpp): a scenario as the sheets of docs/csv.md,
// which the loader reads back into the same model.

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "entente/csv_sheets.h"
#include "entente/loader.h"
#include "entente/reports/scenario.h"
#include "scenario_text.h"

namespace entente::reports {
namespace {

// Every key of the format, and text that CSV must quote or neutralise.
constexpr const char* k_scenario = R"(format: 1
title: "Talks, \"round\" 2"
date: 2026-03-01
description: "=1+1\nsecond line"
parties:
  - id: a
    name: "-A-"
    positions:
      - id: first
        issue: i
        kind: demand
        text: "@first, with a comma"
        priority: 5
        red_line: true
        to: [b, c]
        source: s
        quote: "'=already quoted"
        note: "\ttabbed"
    stances:
      - position: b/second
        stance: reject
        via: first
        agree_if: [c/third, b/second]
        priority: 4
        note: "+note"
        source: s
  - id: b
    positions:
      - {id: second, issue: i, kind: concession, text: ""}
  - id: c
    name: C
    weight: 2.5e1
    positions:
      - {id: third, issue: j, kind: demand, text: Third.}
    stances:
      - {position: a/first, stance: agree}
issues:
  - {id: i, title: "I, the issue", exclusive: true, status_quo: a/first}
  - {id: j}
sources:
  - {id: s, title: "A \"source\"", date: 2026-02-02, url: "https://example.org/?a=1,b=2"}
)";

std::string sheet(const Scenario& s, CsvSheet which) {
  std::ostringstream out;
  write_csv_sheet(s, which, out);
  return out.str();
}

TEST(CsvSheets, WritesEveryKeyOfTheFormatOneRowPerItem) {
  const Scenario s = testing::valid_scenario(k_scenario);
  EXPECT_EQ(sheet(s, CsvSheet::scenario),
            "key,value\r\nformat,1\r\ntitle,\"Talks, \"\"round\"\" 2\"\r\ndate,2026-03-01\r\n"
            "description,\"'=1+1\nsecond line\"\r\n");
  EXPECT_EQ(sheet(s, CsvSheet::parties), "id,name,weight\r\na,'-A-,\r\nb,b,\r\nc,C,2.5e1\r\n");
  EXPECT_EQ(sheet(s, CsvSheet::issues),
            "id,title,exclusive,status_quo\r\ni,\"I, the issue\",true,a/first\r\nj,j,false,\r\n");
  EXPECT_EQ(sheet(s, CsvSheet::sources),
            "id,title,date,url\r\n"
            "s,\"A \"\"source\"\"\",2026-02-02,\"https://example.org/?a=1,b=2\"\r\n");
  EXPECT_EQ(
      sheet(s, CsvSheet::positions),
      "party,id,issue,kind,text,priority,red_line,to,sources,quote,note\r\n"
      "a,first,i,demand,\"'@first, with a comma\",5,true,b;c,s,''=already quoted,'\ttabbed\r\n"
      "b,second,i,concession,,3,false,,,,\r\n"
      "c,third,j,demand,Third.,3,false,,,,\r\n");
  EXPECT_EQ(sheet(s, CsvSheet::stances),
            "party,position,stance,via,agree_if,priority,quote,note,sources\r\n"
            "a,b/second,reject,first,c/third;b/second,4,,'+note,s\r\n"
            "c,a/first,agree,,,1,,,\r\n");
}

TEST(CsvSheets, AreReadBackIntoTheSameScenario) {
  const Scenario s = testing::valid_scenario(k_scenario);
  std::vector<CsvSheetText> texts;
  for (const CsvSheetInfo& info : k_csv_sheets) {
    texts.push_back({std::string(info.file), sheet(s, info.sheet)});
  }
  const auto read = parse_csv_scenario(texts);
  ASSERT_TRUE(read) << format_diagnostic(read.error().front());
  EXPECT_EQ(testing::without_places(*read), testing::without_places(s));
}

TEST(CsvSheets, WriteOnlyTheHeaderOfAnEmptyList) {
  Scenario s;
  s.title = "Empty";
  EXPECT_EQ(sheet(s, CsvSheet::sources), "id,title,date,url\r\n");
  EXPECT_EQ(sheet(s, CsvSheet::stances),
            "party,position,stance,via,agree_if,priority,quote,note,sources\r\n");
}

}  // namespace
}  // namespace entente::reports
