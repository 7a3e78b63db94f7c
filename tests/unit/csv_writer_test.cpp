#include "writers.h"

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "entente/reports/report.h"
#include "sample_report.h"
#include "support/csv.h"

namespace entente::reports {
namespace {

std::string to_csv(const Report& report, CsvTable table = CsvTable::positions) {
  std::ostringstream out;
  write_csv(report, out, {.csv_table = table});
  return out.str();
}

std::vector<std::vector<std::string>> rows_of(const std::string& csv) {
  const support::CsvText read = support::read_csv(csv);
  EXPECT_FALSE(read.error.has_value()) << read.error->message;
  std::vector<std::vector<std::string>> rows;
  for (const support::CsvRecord& record : read.records) rows.push_back(record.fields);
  return rows;
}

TEST(CsvWriter, WritesOneRowPerPositionWithEachPartysEffectiveStance) {
  EXPECT_EQ(to_csv(testing::small_report()),
            "reference,holder,issue,kind,priority,red_line,status,deadlock,landlord,tenant\r\n"
            "landlord/plus-8,landlord,rent,demand,4,true,sticking,true,,reject\r\n"
            "tenant/freeze,tenant,rent,demand,5,true,open,false,consider,\r\n"
            "tenant/two-years,tenant,term,concession,2,false,agreed,false,agree,\r\n");
}

TEST(CsvWriter, LeavesEmptyTheCellOfAPartyOutsideTheAudience) {
  Report report = testing::small_report();
  report.parties.push_back({"bank", "The bank"});
  std::sort(report.parties.begin(), report.parties.end(),
            [](const PartyRow& a, const PartyRow& b) { return a.id < b.id; });
  report.positions[0].stances.insert(report.positions[0].stances.begin(),
                                     {.party = "bank", .stance = EffectiveStance::silent});
  const auto rows = rows_of(to_csv(report));
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"reference", "holder", "issue", "kind", "priority",
                                               "red_line", "status", "deadlock", "bank", "landlord",
                                               "tenant"}));
  EXPECT_EQ(rows[1].back(), "reject");
  EXPECT_EQ(rows[1][8], "silent");
  EXPECT_EQ(rows[2][8], "");  // tenant/freeze is not addressed to the bank
  for (const auto& row : rows) EXPECT_EQ(row.size(), rows[0].size());
}

TEST(CsvWriter, WritesTheMatrixAsTheTextReportWordsItsCells) {
  EXPECT_EQ(to_csv(testing::small_report(), CsvTable::matrix),
            "issue,title,status,landlord,tenant\r\n"
            "rent,Rent,deadlocked,\"consider, holds 1*\",\"reject, holds 1*\"\r\n"
            "term,Term,open,agree,holds 1\r\n");
}

TEST(CsvWriter, LeavesEmptyAMatrixCellOfNeitherAnswersNorPositions) {
  Report report = testing::small_report();
  report.issues[1].cells[0] = {};
  const auto rows = rows_of(to_csv(report, CsvTable::matrix));
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[2], (std::vector<std::string>{"term", "Term", "open", "", "holds 1"}));
}

TEST(CsvWriter, QuotesAndNeutralisesFreeText) {
  Report report = testing::hostile_report();
  report.issues[1].title = "=HYPERLINK(\"x\")";
  const std::string csv = to_csv(report, CsvTable::matrix);
  EXPECT_NE(csv.find("\"'=HYPERLINK(\"\"x\"\")\""), std::string::npos) << csv;
  const auto rows = rows_of(csv);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1][1], testing::k_hostile);
  EXPECT_EQ(rows[2][1], "=HYPERLINK(\"x\")");  // read back by the loader's reader
}

TEST(CsvWriter, WritesOnlyTheHeaderOfAnEmptyReport) {
  EXPECT_EQ(to_csv(Report{}), "reference,holder,issue,kind,priority,red_line,status,deadlock\r\n");
  EXPECT_EQ(to_csv(Report{}, CsvTable::matrix), "issue,title,status\r\n");
}

TEST(CsvWriter, IsChosenByTheFormatNameCsv) {
  ASSERT_EQ(parse_format("csv"), Format::csv);
  EXPECT_EQ(to_string(Format::csv), "csv");
  std::ostringstream out;
  write_report(testing::small_report(), Format::csv, out, {.csv_table = CsvTable::matrix});
  EXPECT_EQ(out.str(), to_csv(testing::small_report(), CsvTable::matrix));
}

}  // namespace
}  // namespace entente::reports
