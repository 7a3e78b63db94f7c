#include "generate/scenario_generator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "commands/commands.h"
#include "entente/loader.h"
#include "entente/reports/report.h"
#include "loader/parse_cache.h"
#include "temp_dir.h"

namespace entente::generate {
namespace {

namespace fs = std::filesystem;

using test::TempDir;

// Writes the files and loads them as `entente` does; fails the test on any diagnostic.
Scenario load(const GeneratedScenario& generated, const fs::path& dir) {
  for (const GeneratedFile& f : generated.files) {
    std::ofstream(dir / f.name, std::ios::binary) << f.text;
  }
  const fs::path path = generated.files.size() == 1 ? dir / generated.files.front().name : dir;
  auto scenario = load_scenario(path, {.max_file_bytes = 1u << 30});
  if (!scenario) {
    for (const Diagnostic& d : scenario.error()) ADD_FAILURE() << format_diagnostic(d);
    return {};
  }
  for (const Diagnostic& d : scenario->warnings) ADD_FAILURE() << format_diagnostic(d);
  return std::move(*scenario);
}

using cli::report_of;

std::string json_of(const Scenario& scenario) {
  std::ostringstream out;
  reports::write_report(report_of(scenario), reports::Format::json, out);
  return out.str();
}

bool same_files(const GeneratedScenario& a, const GeneratedScenario& b) {
  return std::equal(a.files.begin(), a.files.end(), b.files.begin(), b.files.end(),
                    [](const GeneratedFile& x, const GeneratedFile& y) {
                      return x.name == y.name && x.text == y.text;
                    });
}

constexpr GeneratorOptions k_small{.parties = 6,
                                   .issues = 8,
                                   .positions_per_party = 20,
                                   .conditional = 0.3,
                                   .red_lines = 0.2,
                                   .seed = 7};

// The same bytes on every run and build, not only twice in one process: the files' names and
// texts are pinned by their hash. A deliberate change to the generator changes it; then
// check the new output (entente-generate with k_small's options) and pin the new hash.
TEST(ScenarioGenerator, SameSeedGivesSameBytes) {
  const GeneratedScenario g = generate_scenario(k_small);
  EXPECT_TRUE(same_files(g, generate_scenario(k_small)));
  std::string all;
  for (const GeneratedFile& f : g.files) all += f.name + '\0' + f.text + '\0';
  EXPECT_EQ(entente::detail::content_hash(all), 0xbd1fbb508cc11c0full)
      << std::hex << entente::detail::content_hash(all);
}

TEST(ScenarioGenerator, OtherSeedGivesOtherScenario) {
  GeneratorOptions other = k_small;
  other.seed = 8;
  EXPECT_FALSE(same_files(generate_scenario(k_small), generate_scenario(other)));
}

TEST(ScenarioGenerator, WritesOneFilePerPartyAndCountsWhatItWrote) {
  const GeneratedScenario g = generate_scenario(k_small);
  ASSERT_EQ(g.files.size(), 7u);
  EXPECT_EQ(g.files[0].name, "scenario.yaml");
  EXPECT_EQ(g.files[1].name, "p-001.yaml");
  EXPECT_EQ(g.positions, 120u);
  TempDir dir;
  const Scenario s = load(g, dir.path());
  EXPECT_EQ(s.positions.size(), g.positions);
  EXPECT_EQ(s.stances.size(), g.stances);
  EXPECT_GT(g.conditional_stances, 0u);
}

TEST(ScenarioGenerator, FolderAndSingleFileGiveTheSameReport) {
  GeneratorOptions single = k_small;
  single.single_file = true;
  TempDir folder, file;
  EXPECT_EQ(json_of(load(generate_scenario(k_small), folder.path())),
            json_of(load(generate_scenario(single), file.path())));
}

TEST(ScenarioGenerator, EveryAudienceAnswersAtTheFullAnswerRate) {
  const GeneratedScenario g = generate_scenario(
      {.parties = 5, .issues = 2, .positions_per_party = 4, .audience = 0, .answer_rate = 1.0});
  EXPECT_EQ(g.stances, 5u * 4u * 4u);
}

TEST(ScenarioGenerator, TheTargetScenarioHasAbout160000StancesIn28MB) {
  const GeneratedScenario g =
      generate_scenario({.parties = 200, .issues = 500, .positions_per_party = 500});
  EXPECT_EQ(g.positions, 100000u);
  EXPECT_NEAR(static_cast<double>(g.stances), 160000.0, 3000.0);
  EXPECT_NEAR(static_cast<double>(g.bytes), 28e6, 2e6);
  std::size_t largest = 0;
  for (const GeneratedFile& f : g.files) largest = std::max(largest, f.text.size());
  EXPECT_LT(largest, std::size_t{4} << 20);  // under entente's default file size limit
}

// docs/format.md 3.2: the last step is agreed outright and each step agrees once the next is,
// so the least fixpoint agrees every step, and nothing is left for a package.
TEST(ScenarioGenerator, ChainIsAgreedToTheFirstStep) {
  TempDir dir;
  const Scenario s =
      load(generate_scenario({.parties = 3, .issues = 2, .positions_per_party = 3, .chain = 41}),
           dir.path());
  const reports::Report r = report_of(s);
  int steps = 0;
  for (const reports::PositionRow& p : r.positions) {
    if (p.issue != "chain") continue;
    ++steps;
    EXPECT_EQ(p.status, PositionStatus::agreed) << p.ref;
    EXPECT_FALSE(p.in_package) << p.ref;
    EXPECT_NE(std::find(r.common_ground.begin(), r.common_ground.end(), p.ref),
              r.common_ground.end());
  }
  EXPECT_EQ(steps, 41);
  const auto chain = std::find_if(r.issues.begin(), r.issues.end(),
                                  [](const reports::IssueRow& i) { return i.id == "chain"; });
  ASSERT_NE(chain, r.issues.end());
  EXPECT_EQ(chain->status, IssueStatus::agreed);
  const reports::PositionRow* first = r.find(party_id(0, 3) + "/" + chain_id(1, 41));
  ASSERT_NE(first, nullptr);
  ASSERT_EQ(first->stances.size(), 1u);
  EXPECT_TRUE(first->stances.front().condition_met);
}

// docs/format.md 3.2: no step of a cycle is agreed alone (least fixpoint: none), all of them
// are if accepted together (greatest fixpoint: all), and the conditions join them in one group.
TEST(ScenarioGenerator, CycleIsOnePackageOfEveryStep) {
  TempDir dir;
  const Scenario s =
      load(generate_scenario({.parties = 2, .issues = 1, .positions_per_party = 0, .cycle = 30}),
           dir.path());
  const reports::Report r = report_of(s);
  std::vector<std::string> steps;
  for (int step = 1; step <= 30; ++step) {
    steps.push_back(party_id((step - 1) % 2, 2) + "/" + cycle_id(step, 30));
  }
  std::sort(steps.begin(), steps.end());
  ASSERT_EQ(r.packages.size(), 1u);
  EXPECT_EQ(r.packages.front(), steps);
  for (const reports::PositionRow& p : r.positions) {
    EXPECT_EQ(p.status, PositionStatus::open) << p.ref;
    EXPECT_TRUE(p.in_package) << p.ref;
  }
  EXPECT_TRUE(r.common_ground.empty());
}

// Past 20,000 positions and stances the merge decodes the cached files' positions and stances
// on two threads, straight into the scenario's lists, beside a file parsed afresh: the
// scenario is the one an uncached load gives, before and after an edit.
TEST(ScenarioGenerator, ALargeScenarioLoadsTheSameFromItsCache) {
  TempDir dir;
  const GeneratedScenario g =
      generate_scenario({.parties = 10, .issues = 40, .positions_per_party = 1500, .seed = 3});
  for (const GeneratedFile& f : g.files) std::ofstream(dir.path() / f.name) << f.text;
  LoadOptions cached{.max_file_bytes = 1u << 30};
  cached.cache = true;
  const LoadOptions uncached{.max_file_bytes = 1u << 30};
  const Scenario expected = load_scenario(dir.path(), uncached).value();
  ASSERT_GE(expected.positions.size() + expected.stances.size(), 20'000u);
  ASSERT_EQ(expected, load_scenario(dir.path(), cached).value());  // fills the cache
  EXPECT_EQ(expected, load_scenario(dir.path(), cached).value());  // every file from it

  const GeneratedFile& edited = g.files[3];
  std::string text = edited.text;
  const std::size_t at = text.find("    text: ");
  ASSERT_NE(at, std::string::npos);
  text.insert(at + 10, "Edited. ");
  std::ofstream(dir.path() / edited.name) << text;
  const Scenario after = load_scenario(dir.path(), uncached).value();
  EXPECT_NE(after, expected);
  EXPECT_EQ(after, load_scenario(dir.path(), cached).value());  // one file parsed
}

}  // namespace
}  // namespace entente::generate
