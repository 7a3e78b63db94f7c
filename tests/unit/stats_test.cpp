// The stage recorder behind `--stats` (engine/src/model/stats.cpp) and its table
// (tools/stats_table.cpp).

#include "support/stats.h"

#include <gtest/gtest.h>

#include <vector>

#include "stats_table.h"

namespace entente::stats {
namespace {

// Memory written and never read may be elided with its allocation (Clang does, at -O2):
// this says the bytes are used, so the pages the tests count are really touched.
void keep(const std::vector<char>& bytes) { asm volatile("" : : "g"(bytes.data()) : "memory"); }

// Every test leaves recording off, as the process starts.
class Stats : public testing::Test {
 protected:
  void TearDown() override { disable(); }
};

TEST_F(Stats, RecordsNothingUnlessEnabled) {
  { const Stage stage("quiet"); }
  EXPECT_FALSE(enabled());
  EXPECT_TRUE(recorded().empty());
}

TEST_F(Stats, RecordsStagesInTheOrderTheyEnd) {
  enable();
  {
    const Stage outer("outer");
    { const Stage inner("inner"); }
  }
  { const Stage next("next"); }
  const std::vector<StageRecord> stages = recorded();
  ASSERT_EQ(stages.size(), 3u);
  EXPECT_EQ(stages[0].name, "inner");
  EXPECT_EQ(stages[1].name, "outer");
  EXPECT_EQ(stages[2].name, "next");
}

TEST_F(Stats, AStageSeesTheMemoryItLeavesResident) {
  constexpr std::size_t k_bytes = 64u << 20;
  enable();
  std::vector<char> kept;
  {
    const Stage stage("touch 64 MiB");
    kept.assign(k_bytes, 1);  // resident only once written
    keep(kept);
  }
  const std::vector<StageRecord> stages = recorded();
  ASSERT_EQ(stages.size(), 1u);
  EXPECT_GE(stages[0].resident_bytes, k_bytes);
  EXPECT_GE(totals().peak_resident_bytes, stages[0].resident_bytes);
}

TEST(StatsResident, GrowsWithTheMemoryWritten) {
  constexpr std::size_t k_bytes = 64u << 20;
  const std::uint64_t before = resident_bytes();
  ASSERT_GT(before, 0u);
  const std::vector<char> kept(k_bytes, 1);  // written, so resident
  keep(kept);
  EXPECT_GE(resident_bytes(), before + k_bytes * 9 / 10);
}

TEST_F(Stats, CountsTheCpuTimeOfTheStage) {
  enable();
  volatile std::uint64_t sink = 0;
  {
    const Stage stage("spin");
    // Busy until the process has used 20 ms of CPU time since the stage began.
    const double start = totals().cpu_seconds;
    while (totals().cpu_seconds - start < 0.02) sink = sink + 1;
  }
  ASSERT_EQ(recorded().size(), 1u);
  EXPECT_GE(recorded()[0].cpu_seconds, 0.02);
  EXPECT_GE(recorded()[0].wall_seconds, 0.01);
}

TEST_F(Stats, DisablingForgetsAndEnablingStartsAfresh) {
  enable();
  { const Stage stage("first run"); }
  enable();
  EXPECT_TRUE(recorded().empty());
  { const Stage stage("second run"); }
  ASSERT_EQ(recorded().size(), 1u);
  EXPECT_EQ(recorded()[0].name, "second run");
  disable();
  EXPECT_TRUE(recorded().empty());
  // A stage that began while recording was on and ends after it was turned off is dropped.
  enable();
  {
    const Stage stage("cut short");
    disable();
  }
  EXPECT_TRUE(recorded().empty());
}

TEST(StatsTable, OneLinePerStageThenTheWholeRunWithItsPeak) {
  const std::vector<StageRecord> stages{{.name = "validate",
                                         .wall_seconds = 0.0681,
                                         .cpu_seconds = 0.0776,
                                         .resident_bytes = 124'500'000},
                                        {.name = "read and parse files",
                                         .wall_seconds = 1.6645,
                                         .cpu_seconds = 3.2567,
                                         .resident_bytes = 120'100'000}};
  const Totals totals{
      .wall_seconds = 2.0703, .cpu_seconds = 3.819, .peak_resident_bytes = 206'700'000};
  EXPECT_EQ(cli::format_stats(stages, totals),
            "entente: stats\n"
            "  stage                   wall ms     cpu ms  resident MB\n"
            "  validate                   68.1       77.6        124.5\n"
            "  read and parse files     1664.5     3256.7        120.1\n"
            "  whole run                2070.3     3819.0   206.7 peak\n");
}

}  // namespace
}  // namespace entente::stats
