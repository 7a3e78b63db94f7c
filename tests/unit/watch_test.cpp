// ScenarioWatcher (tools/watch.cpp) on a real folder: which changes wake it, and signals.

#include "watch.h"

#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "entente/loader.h"
#include "temp_dir.h"

namespace entente::cli {
namespace {

namespace fs = std::filesystem;
using std::chrono::milliseconds;

// Long enough for an event to arrive on a busy machine; only a failing test waits it out.
constexpr milliseconds k_patience{5000};
// How long a test waits to see that nothing happens.
constexpr milliseconds k_nothing{300};

using test::write_text;

class Watch : public testing::Test {
 protected:
  void SetUp() override {
    write_text(dir_ / "scenario.yaml", "format: 1\n");
    write_text(dir_ / "a.yaml", "party: a\n");
  }

  ScenarioWatcher watch(const fs::path& path) {
    auto watcher = ScenarioWatcher::start(path, milliseconds{50});
    EXPECT_TRUE(watcher) << watcher.error();
    return std::move(*watcher);
  }

  test::TempDir temp_{};
  const fs::path dir_ = temp_.path();
};

TEST(WatchNames, ScenarioFilesCountAndEditorFilesDoNot) {
  EXPECT_TRUE(is_scenario_file_name("scenario.yaml"));
  EXPECT_TRUE(is_scenario_file_name("tenant.yml"));
  EXPECT_FALSE(is_scenario_file_name(".tenant.yaml.swp"));
  EXPECT_FALSE(is_scenario_file_name("tenant.yaml~"));
  EXPECT_FALSE(is_scenario_file_name("4913"));
  EXPECT_TRUE(is_scenario_file_name("tenant.json"));  // JSON party files count too
  EXPECT_FALSE(is_scenario_file_name("tenant.json~"));
  EXPECT_FALSE(is_scenario_file_name("report.md"));
  EXPECT_FALSE(is_scenario_file_name(""));
}

TEST_F(Watch, RefusesAPathThatDoesNotExist) {
  const auto watcher = ScenarioWatcher::start(dir_ / "missing");
  ASSERT_FALSE(watcher);
  EXPECT_EQ(watcher.error(),
            "cannot watch '" + (dir_ / "missing").string() + "': No such file or directory");
}

TEST_F(Watch, NothingHappensWithoutAChange) {
  ScenarioWatcher watcher = watch(dir_);
  EXPECT_EQ(watcher.wait(k_nothing), WatchEvent::none);
}

TEST_F(Watch, ABurstOfWritesIsOneChange) {
  ScenarioWatcher watcher = watch(dir_);
  for (int i = 0; i < 5; ++i) {
    write_text(dir_ / "a.yaml", "party: a\n# edit " + std::to_string(i) + "\n");
  }
  EXPECT_EQ(watcher.wait(k_patience), WatchEvent::changed);
  EXPECT_EQ(watcher.wait(k_nothing), WatchEvent::none);
}

TEST_F(Watch, SavingByRenamingOverAFileIsAChange) {
  ScenarioWatcher watcher = watch(dir_);
  write_text(dir_ / ".a.yaml.swp", "party: a\n");
  EXPECT_EQ(watcher.wait(k_nothing), WatchEvent::none);
  fs::rename(dir_ / ".a.yaml.swp", dir_ / "a.yaml");
  EXPECT_EQ(watcher.wait(k_patience), WatchEvent::changed);
}

TEST_F(Watch, AddingAndRemovingAPartyFileAreChanges) {
  ScenarioWatcher watcher = watch(dir_);
  write_text(dir_ / "b.yml", "party: b\n");
  EXPECT_EQ(watcher.wait(k_patience), WatchEvent::changed);
  fs::remove(dir_ / "b.yml");
  EXPECT_EQ(watcher.wait(k_patience), WatchEvent::changed);
}

TEST_F(Watch, OtherFilesInTheFolderAreNotChanges) {
  ScenarioWatcher watcher = watch(dir_);
  write_text(dir_ / "report.html", "<html></html>\n");
  write_text(dir_ / "a.yaml~", "party: a\n");
  write_text(dir_ / "4913", "");
  fs::remove(dir_ / "4913");
  EXPECT_EQ(watcher.wait(k_nothing), WatchEvent::none);
}

TEST_F(Watch, AJsonPartyFileIsAChange) {
  ScenarioWatcher watcher = watch(dir_);
  write_text(dir_ / "a.json", "{\"party\": \"a\"}\n");
  EXPECT_EQ(watcher.wait(k_patience), WatchEvent::changed);
}

TEST_F(Watch, TheSingleFileFormSeesOnlyItsFile) {
  ScenarioWatcher watcher = watch(dir_ / "a.yaml");
  write_text(dir_ / "scenario.yaml", "format: 1\n# edit\n");
  EXPECT_EQ(watcher.wait(k_nothing), WatchEvent::none);
  write_text(dir_ / "a.yaml", "party: a\n# edit\n");
  EXPECT_EQ(watcher.wait(k_patience), WatchEvent::changed);
}

TEST_F(Watch, ARemovedFolderIsWatchedAgainWhenItComesBack) {
  const fs::path folder = dir_ / "scenario";
  fs::create_directory(folder);
  ScenarioWatcher watcher = watch(folder);
  fs::remove_all(folder);
  EXPECT_EQ(watcher.wait(k_patience), WatchEvent::changed);
  fs::create_directory(folder);
  EXPECT_EQ(watcher.wait(k_patience), WatchEvent::changed);
  write_text(folder / "scenario.yaml", "format: 1\n");
  EXPECT_EQ(watcher.wait(k_patience), WatchEvent::changed);
}

TEST_F(Watch, SigtermStopsTheWaitAndIsNotDeliveredAfterwards) {
  {
    ScenarioWatcher watcher = watch(dir_);
    ASSERT_EQ(::raise(SIGTERM), 0);  // blocked, so it waits for wait() instead of ending us
    EXPECT_EQ(watcher.wait(k_patience), WatchEvent::stop);
  }
  sigset_t blocked;
  ASSERT_EQ(pthread_sigmask(SIG_BLOCK, nullptr, &blocked), 0);
  EXPECT_EQ(sigismember(&blocked, SIGTERM), 0);  // the mask is as it was
}

}  // namespace
}  // namespace entente::cli
