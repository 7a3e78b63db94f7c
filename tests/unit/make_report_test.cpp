#include "entente/reports/report.h"

#include <algorithm>
#include <span>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace entente::reports {
namespace {

// Parties, issues and positions are deliberately out of id order, so that ids (indices) and
// the report's sorted order differ.
Scenario lease_scenario() {
  Scenario s;
  s.title = "Lease renewal, 2026";
  s.date = "2026-03-01";
  s.description = "Tenant and landlord negotiate a renewal.";
  s.parties = {{.id = "tenant", .name = "The tenant"}, {.id = "landlord", .name = "Landlord Ltd"}};
  s.issues = {{.id = "term", .title = "Length of the lease"},
              {.id = "rent", .title = "Monthly rent"}};
  s.sources = {{.id = "visit", .title = "Site visit"},
               {.id = "letter", .title = "Landlord's letter", .date = "2026-02-02"}};
  s.positions = {
      {.party = "tenant", .id = "rent-freeze", .issue = {"rent"}, .priority = 5, .red_line = true},
      {.party = "landlord",
       .id = "rent-plus-8",
       .issue = {"rent"},
       .text = "Rent rises by 8%.",
       .priority = 4,
       .red_line = true,
       .sources = {IdRef{"letter"}},
       .quote = "an increase of 8%",
       .note = "Read from the letter"},
      {.party = "landlord",
       .id = "three-year-term",
       .issue = {"term"},
       .priority = 2,
       .kind = PositionKind::concession},
      {.party = "tenant", .id = "repairs-first", .issue = {"term"}},
  };
  s.stances = {
      {.party = "landlord",
       .position = {"tenant/rent-freeze"},
       .stance = Stance::reject,
       .via = IdRef{"rent-plus-8"},
       .note = "Costs have risen."},
      {.party = "tenant",
       .position = {"landlord/rent-plus-8"},
       .stance = Stance::reject,
       .via = IdRef{"rent-freeze"}},
      {.party = "tenant", .position = {"landlord/three-year-term"}, .stance = Stance::agree},
      {.party = "landlord",
       .position = {"tenant/repairs-first"},
       .stance = Stance::consider,
       .agree_if = {{"tenant/rent-freeze"}},
       .sources = {IdRef{"visit"}}},
  };
  s.warnings = {{.where = {"landlord.yaml", 3, 5},
                 .severity = Severity::warning,
                 .message = "stance by a party outside the audience"}};
  return s;
}

constexpr PartyId k_tenant = 0;
constexpr PartyId k_landlord = 1;

// `more_on_rent_plus_8`: answers added to the audience of landlord/rent-plus-8 (position 1).
Analysis lease_analysis(const std::vector<AudienceStance>& more_on_rent_plus_8 = {}) {
  Analysis a;
  a.add_position({.status = PositionStatus::sticking, .deadlock = true},
                 std::vector<AudienceStance>{
                     {.party = k_landlord, .stance = EffectiveStance::reject, .decl = 0}});
  std::vector<AudienceStance> rent_plus_8{
      {.party = k_tenant, .stance = EffectiveStance::reject, .decl = 1}};
  rent_plus_8.insert(rent_plus_8.end(), more_on_rent_plus_8.begin(), more_on_rent_plus_8.end());
  a.add_position({.status = PositionStatus::sticking, .deadlock = true, .in_package = true},
                 rent_plus_8);
  a.add_position({.status = PositionStatus::agreed},
                 std::vector<AudienceStance>{
                     {.party = k_tenant, .stance = EffectiveStance::agree, .decl = 2}});
  a.add_position({.status = PositionStatus::open, .in_package = true},
                 std::vector<AudienceStance>{{.party = k_landlord,
                                              .stance = EffectiveStance::consider,
                                              .conditional = true,
                                              .decl = 3}});
  a.issues = {IssueStatus::open, IssueStatus::deadlocked};
  // landlord/rent-plus-8, landlord/three-year-term, tenant/rent-freeze, tenant/repairs-first
  a.by_ref = {1, 2, 0, 3};
  a.common_ground = {2};
  a.bargaining_space = {3};
  a.sticking_points = {0, 1};  // rank order: priority 5 before 4, not ref order
  a.packages = {{1, 3}};
  return a;
}

Report lease_report() {
  static const Scenario scenario = lease_scenario();  // a report views its scenario's strings
  return make_report(scenario, lease_analysis());
}

TEST(MakeReport, CopiesTheScenarioHeader) {
  const Report r = lease_report();
  EXPECT_EQ(r.title, "Lease renewal, 2026");
  EXPECT_EQ(r.date, "2026-03-01");
  EXPECT_EQ(r.description, "Tenant and landlord negotiate a renewal.");
}

TEST(MakeReport, SortsPartiesIssuesAndSourcesById) {
  const Report r = lease_report();
  ASSERT_EQ(r.parties.size(), 2u);
  EXPECT_EQ(r.parties[0].id, "landlord");
  EXPECT_EQ(r.parties[0].name, "Landlord Ltd");
  EXPECT_EQ(r.parties[1].id, "tenant");
  ASSERT_EQ(r.issues.size(), 2u);
  EXPECT_EQ(r.issues[0].id, "rent");
  EXPECT_EQ(r.issues[0].title, "Monthly rent");
  EXPECT_EQ(r.issues[1].id, "term");
  ASSERT_EQ(r.sources.size(), 2u);
  EXPECT_EQ(r.sources[0].id, "letter");
  EXPECT_EQ(r.sources[0].date, "2026-02-02");
  EXPECT_EQ(r.sources[1].id, "visit");
}

TEST(MakeReport, FindsPartiesIssuesAndSourcesById) {
  Report r;
  r.parties = {{"a", "A"}, {"m", "M"}, {"z", "Z"}};
  r.issues = {{.id = "i"}, {.id = "j"}};
  r.sources = {{.id = "s1", .title = "One"}, {.id = "s2", .title = "Two"}};
  ASSERT_NE(r.find_party("m"), nullptr);
  EXPECT_EQ(r.find_party("m")->name, "M");
  EXPECT_EQ(r.find_party("z")->name, "Z");
  EXPECT_EQ(r.find_party("b"), nullptr);
  EXPECT_EQ(r.find_party("zz"), nullptr);
  EXPECT_EQ(r.find_issue("j"), &r.issues[1]);
  EXPECT_EQ(r.find_issue(""), nullptr);
  EXPECT_EQ(r.find_source("s2")->title, "Two");
  EXPECT_EQ(r.find_source("s"), nullptr);
}

TEST(MakeReport, TakesIssueStatusesFromTheAnalysisByScenarioIndex) {
  const Report r = lease_report();
  EXPECT_EQ(r.issues[0].status, IssueStatus::deadlocked);  // rent, scenario index 1
  EXPECT_EQ(r.issues[1].status, IssueStatus::open);        // term, scenario index 0
}

TEST(MakeReport, SortsPositionsByRef) {
  const Report r = lease_report();
  std::vector<std::string> refs;
  for (const PositionRow& row : r.positions) refs.push_back(row.ref);
  EXPECT_EQ(refs, (std::vector<std::string>{"landlord/rent-plus-8", "landlord/three-year-term",
                                            "tenant/rent-freeze", "tenant/repairs-first"}));
}

TEST(MakeReport, CopiesPositionFieldsAndItsAnalysis) {
  const Report r = lease_report();
  const PositionRow* row = r.find("landlord/rent-plus-8");
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(row->party, "landlord");
  EXPECT_EQ(row->id, "rent-plus-8");
  EXPECT_EQ(row->issue, "rent");
  EXPECT_EQ(row->kind, PositionKind::demand);
  EXPECT_EQ(row->text, "Rent rises by 8%.");
  EXPECT_EQ(row->priority, 4);
  EXPECT_TRUE(row->red_line);
  EXPECT_EQ(row->status, PositionStatus::sticking);
  EXPECT_TRUE(row->deadlock);
  EXPECT_TRUE(row->in_package);
  ASSERT_EQ(row->stances.size(), 1u);  // the audience
  EXPECT_EQ(row->stances[0].party, "tenant");
  EXPECT_EQ(row->source, "letter");
  EXPECT_EQ(row->source_title, "Landlord's letter");
  EXPECT_EQ(row->quote, "an increase of 8%");
  EXPECT_EQ(row->note, "Read from the letter");
}

TEST(MakeReport, BuildsTheViaRefFromTheStanceTakersParty) {
  const Report r = lease_report();
  const PositionRow* row = r.find("tenant/rent-freeze");
  ASSERT_NE(row, nullptr);
  ASSERT_EQ(row->stances.size(), 1u);
  const StanceRow& stance = row->stances[0];
  EXPECT_EQ(stance.party, "landlord");
  EXPECT_EQ(stance.stance, EffectiveStance::reject);
  EXPECT_EQ(stance.via, "landlord/rent-plus-8");
  EXPECT_EQ(stance.note, "Costs have risen.");
}

TEST(MakeReport, CopiesConditionsAndSourceOfAConditionalStance) {
  const Report r = lease_report();
  const PositionRow* row = r.find("tenant/repairs-first");
  ASSERT_NE(row, nullptr);
  ASSERT_EQ(row->stances.size(), 1u);
  const StanceRow& stance = row->stances[0];
  EXPECT_EQ(stance.stance, EffectiveStance::consider);
  EXPECT_EQ(stance.agree_if, std::vector<std::string_view>{"tenant/rent-freeze"});
  EXPECT_TRUE(stance.conditional);
  EXPECT_FALSE(stance.condition_met);
  EXPECT_EQ(stance.source, "visit");
  EXPECT_TRUE(stance.via.empty());
}

TEST(MakeReport, SortsTheAudienceAndItsStancesByPartyId) {
  Scenario s = lease_scenario();
  s.parties.push_back({.id = "bank", .name = "The bank"});  // PartyId 2, first by id
  const Analysis a = lease_analysis({{.party = 2, .stance = EffectiveStance::silent}});
  const Report r = make_report(s, a);
  const PositionRow* row = r.find("landlord/rent-plus-8");
  ASSERT_NE(row, nullptr);
  ASSERT_EQ(row->stances.size(), 2u);
  EXPECT_EQ(row->stances[0].party, "bank");
  EXPECT_EQ(row->stances[0].stance, EffectiveStance::silent);
  EXPECT_TRUE(row->stances[0].via.empty());
  EXPECT_EQ(row->stances[1].party, "tenant");
}

// Above 20,000 positions the rows are made by two threads, a half each: every row must still
// be its own position's, in ref order, with its own stances.
// `k_positions` positions of party a, added in descending ref order so that sorting moves
// every row; b answers each.
struct Large {
  Scenario s;
  Analysis a;
};

Large large_scenario(int k_positions) {
  Large large;
  Scenario& s = large.s;
  Analysis& a = large.a;
  s.parties = {{.id = "b"}, {.id = "a"}};
  s.issues = {{.id = "i"}};
  // Added in descending ref order, so that sorting moves every row.
  for (int n = k_positions; n > 0; --n) {
    const std::string id = "p" + std::to_string(n);
    s.positions.push_back({.party = "a", .id = id, .issue = {"i"}, .text = "text of " + id});
    const PositionAnalysis pa{.status = n % 2 == 0 ? PositionStatus::agreed : PositionStatus::open};
    // a/p1 and a/p10, first in ref order, are rejected: the sticking points below.
    AudienceStance answer{.party = 0,
                          .stance = n == 1 || n == 10 ? EffectiveStance::reject
                                    : n % 2 == 0      ? EffectiveStance::agree
                                                      : EffectiveStance::silent};
    if (n % 2 == 0) {
      answer.decl = static_cast<std::uint32_t>(s.stances.size());
      s.stances.push_back({.party = "b",
                           .position = {"a/" + id},
                           .stance = Stance::agree,
                           .note = "note on " + id});
    }
    a.add_position(pa, std::span(&answer, 1));
  }
  a.issues = {IssueStatus::open};
  // As analyze() orders them: every row moves.
  for (PositionId p = 0; p < s.positions.size(); ++p) a.by_ref.push_back(p);
  std::sort(a.by_ref.begin(), a.by_ref.end(), [&](PositionId x, PositionId y) {
    return s.positions[x].ref() < s.positions[y].ref();
  });
  // Two sticking points, made beside the issue rows on a large scenario.
  a.sticking_points = {a.by_ref[1], a.by_ref[0]};
  return large;
}

TEST(MakeReport, LargeScenarioRowsAreEachTheirPositionsInRefOrder) {
  constexpr int k_positions = 25'000;
  const Large large = large_scenario(k_positions);
  const Report r = make_report(large.s, large.a);
  ASSERT_EQ(r.sticking_points.size(), 2u);
  EXPECT_EQ(r.positions[1].ref, r.sticking_points[0].ref);
  EXPECT_EQ(r.positions[0].ref, r.sticking_points[1].ref);
  EXPECT_EQ(std::vector<std::string>{"b"}, r.sticking_points[1].rejected_by);
  ASSERT_EQ(r.positions.size(), static_cast<std::size_t>(k_positions));
  for (std::size_t k = 0; k < r.positions.size(); ++k) {
    const PositionRow& row = r.positions[k];
    if (k > 0) {
      EXPECT_LT(r.positions[k - 1].ref, row.ref);
    }
    const int n = std::stoi(std::string(row.id.substr(1)));
    ASSERT_EQ(row.ref, "a/p" + std::to_string(n));
    EXPECT_EQ(row.text, "text of p" + std::to_string(n));
    EXPECT_EQ(row.status, n % 2 == 0 ? PositionStatus::agreed : PositionStatus::open);
    ASSERT_EQ(row.stances.size(), 1u);
    EXPECT_EQ(row.stances[0].note, n % 2 == 0 ? "note on p" + std::to_string(n) : "");
  }
  ASSERT_EQ(r.issues.size(), 1u);
  ASSERT_EQ(r.issues[0].cells.size(), 2u);
  EXPECT_EQ(r.issues[0].cells[0].held, k_positions);  // "a", first by id
  EXPECT_EQ(r.issues[0].cells[1].agree, k_positions / 2 - 1);
  EXPECT_EQ(r.issues[0].cells[1].silent, k_positions / 2 - 1);
  EXPECT_EQ(r.issues[0].cells[1].reject, 2);
}

std::string json_of(const Report& report) {
  std::ostringstream out;
  write_report(report, Format::json, out);
  return out.str();
}

std::string json_of(const StreamedReport& report) {
  std::ostringstream out;
  write_report(report, Format::json, out);
  return out.str();
}

// A streamed report is make_report()'s without its rows, which it makes on demand: the same
// rows, and the same JSON, made a block at a time (on two threads past 20,000 positions).
TEST(MakeReport, AStreamedReportMakesTheRowsOfTheReportOnDemand) {
  const Scenario s = lease_scenario();
  const Analysis a = lease_analysis();
  const StreamedReport streamed(s, a);
  const Report full = make_report(s, a);
  EXPECT_TRUE(streamed.header().positions.empty());
  ASSERT_EQ(streamed.size(), full.positions.size());
  const std::vector<PositionRow> middle = streamed.rows(1, 3);
  ASSERT_EQ(middle.size(), 2u);
  EXPECT_EQ(middle[0].ref, full.positions[1].ref);
  EXPECT_EQ(middle[1].ref, full.positions[2].ref);
  EXPECT_EQ(middle[0].stances.size(), full.positions[1].stances.size());
  EXPECT_EQ(streamed.header().sticking_points.size(), full.sticking_points.size());
  Report with_rows = streamed.header();
  with_rows.positions = streamed.rows(0, streamed.size());
  EXPECT_EQ(json_of(with_rows), json_of(full));
  EXPECT_EQ(json_of(streamed), json_of(full));
  EXPECT_EQ(json_of(streamed.whole()), json_of(full));

  const Large large = large_scenario(25'000);
  const std::string expected = json_of(make_report(large.s, large.a));
  const std::string text = json_of(StreamedReport(large.s, large.a));
  const auto [at, _] = std::mismatch(expected.begin(), expected.end(), text.begin(), text.end());
  EXPECT_TRUE(expected == text) << "first difference at byte " << (at - expected.begin());
}

// Every format takes a streamed report and writes the bytes of the whole report: no format
// is left with a report without its positions.
TEST(MakeReport, AStreamedReportWritesTheSameBytesAsTheWholeReportInEveryFormat) {
  const Scenario s = lease_scenario();
  const Analysis a = lease_analysis();
  const StreamedReport streamed(s, a);
  const Report full = make_report(s, a);
  for (const Format format :
       {Format::text, Format::json, Format::html, Format::markdown, Format::dot, Format::csv}) {
    std::ostringstream from_streamed, from_full;
    write_report(streamed, format, from_streamed);
    write_report(full, format, from_full);
    EXPECT_EQ(from_full.str(), from_streamed.str()) << to_string(format);
    EXPECT_NE(std::string::npos, from_streamed.str().find("repairs-first")) << to_string(format);
  }
}

TEST(MakeReport, KeepsTheAnalysisOrderOfListsAsRefs) {
  const Report r = lease_report();
  EXPECT_EQ(r.common_ground, std::vector<std::string>{"landlord/three-year-term"});
  EXPECT_EQ(r.bargaining_space, std::vector<std::string>{"tenant/repairs-first"});
  EXPECT_TRUE(r.unanswered.empty());
  ASSERT_EQ(r.sticking_points.size(), 2u);
  EXPECT_EQ(r.sticking_points[0].ref, "tenant/rent-freeze");
  EXPECT_EQ(r.sticking_points[0].rejected_by, std::vector<std::string>{"landlord"});
  EXPECT_TRUE(r.sticking_points[0].deadlock);
  EXPECT_EQ(r.sticking_points[1].ref, "landlord/rent-plus-8");
  ASSERT_EQ(r.packages.size(), 1u);
  EXPECT_EQ(r.packages[0],
            (std::vector<std::string>{"landlord/rent-plus-8", "tenant/repairs-first"}));
}

TEST(MakeReport, SortsRejectingPartiesById) {
  Scenario s = lease_scenario();
  s.parties.push_back({.id = "bank"});
  const Analysis a = lease_analysis({{.party = 2, .stance = EffectiveStance::reject}});
  const Report r = make_report(s, a);
  EXPECT_EQ(r.sticking_points[1].rejected_by, (std::vector<std::string>{"bank", "tenant"}));
}

TEST(MakeReport, CountsHoldingsAndStancesPerIssueAndParty) {
  const Report r = lease_report();
  // Columns follow Report::parties: landlord, then tenant.
  const MatrixCell& rent_landlord = r.issues[0].cells.at(0);
  EXPECT_EQ(rent_landlord.held, 1);
  EXPECT_EQ(rent_landlord.red_lines, 1);
  EXPECT_EQ(rent_landlord.reject, 1);
  EXPECT_EQ(rent_landlord.agree + rent_landlord.consider + rent_landlord.silent, 0);
  const MatrixCell& term_landlord = r.issues[1].cells.at(0);
  EXPECT_EQ(term_landlord.held, 1);
  EXPECT_EQ(term_landlord.red_lines, 0);
  EXPECT_EQ(term_landlord.consider, 1);
  const MatrixCell& term_tenant = r.issues[1].cells.at(1);
  EXPECT_EQ(term_tenant.held, 1);
  EXPECT_EQ(term_tenant.agree, 1);
  EXPECT_EQ(term_tenant.reject + term_tenant.consider + term_tenant.silent, 0);
}

TEST(MakeReport, GivesAnIssueWithoutPositionsEmptyCells) {
  Scenario s = lease_scenario();
  s.issues.push_back({.id = "deposit", .title = "Deposit"});
  Analysis a = lease_analysis();
  a.issues.push_back(IssueStatus::open);
  const Report r = make_report(s, a);
  ASSERT_EQ(r.issues[0].id, "deposit");
  EXPECT_EQ(r.issues[0].status, IssueStatus::open);
  ASSERT_EQ(r.issues[0].cells.size(), 2u);
  EXPECT_EQ(r.issues[0].cells[0].held + r.issues[0].cells[1].held, 0);
}

TEST(MakeReport, CopiesWarningsAsDiagnostics) {
  const Report r = lease_report();
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].where, (SourceLocation{"landlord.yaml", 3, 5}));
  EXPECT_EQ(r.diagnostics[0].message, "stance by a party outside the audience");
}

TEST(MakeReport, FindsPositionsByRefAndReturnsNullForUnknownRefs) {
  const Report r = lease_report();
  ASSERT_NE(r.find("tenant/rent-freeze"), nullptr);
  EXPECT_EQ(r.find("tenant/rent-freeze")->ref, "tenant/rent-freeze");
  EXPECT_EQ(r.find("tenant/rent"), nullptr);
  EXPECT_EQ(r.find("zzz/none"), nullptr);
  EXPECT_EQ(r.find(""), nullptr);
}

TEST(MakeReport, BuildsAnEmptyReportFromAnEmptyScenario) {
  const Report r = make_report(Scenario{}, Analysis{});
  EXPECT_TRUE(r.positions.empty());
  EXPECT_TRUE(r.issues.empty());
  EXPECT_EQ(r.find("a/b"), nullptr);
}

}  // namespace
}  // namespace entente::reports
