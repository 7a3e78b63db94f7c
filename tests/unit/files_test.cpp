#include "support/files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "temp_dir.h"

namespace entente {
namespace {

namespace fs = std::filesystem;

std::size_t entries(const fs::path& folder) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(folder)) ++n;
  return n;
}

TEST(UniqueFd, ClosesWhatItHoldsWhenReplacedAndAtTheEnd) {
  int fds[2] = {-1, -1};
  ASSERT_EQ(0, ::pipe(fds));
  {
    UniqueFd read_end(fds[0]);
    UniqueFd write_end(fds[1]);
    UniqueFd moved = std::move(write_end);
    EXPECT_FALSE(write_end);
    EXPECT_TRUE(moved);
    EXPECT_TRUE(moved.close());
    EXPECT_FALSE(moved);
    EXPECT_EQ(-1, ::fcntl(fds[1], F_GETFD));  // closed
    EXPECT_NE(-1, ::fcntl(fds[0], F_GETFD));  // still open
  }
  EXPECT_EQ(-1, ::fcntl(fds[0], F_GETFD));
}

TEST(AtomicFile, ReplacesTheTargetOnlyWhenCommitted) {
  const test::TempDir dir;
  const fs::path target = dir.write("out.txt", "old");
  {
    AtomicFile file(target.string());
    ASSERT_TRUE(file.created());
    ASSERT_TRUE(write_all(file.fd(), "new bytes"));
    EXPECT_EQ("old", test::read_text(target));  // nobody sees a part
    EXPECT_EQ(2U, entries(dir.path()));
    EXPECT_TRUE(file.commit(true));
  }
  EXPECT_EQ("new bytes", test::read_text(target));
  EXPECT_EQ(1U, entries(dir.path()));
}

TEST(AtomicFile, LeavesNothingBehindWhenNotCommitted) {
  const test::TempDir dir;
  const fs::path target = dir.write("out.txt", "old");
  {
    AtomicFile file(target.string());
    ASSERT_TRUE(file.created());
    ASSERT_TRUE(write_all(file.fd(), "half"));
  }  // as on an exception or an early return
  EXPECT_EQ("old", test::read_text(target));
  EXPECT_EQ(1U, entries(dir.path()));
}

TEST(AtomicFile, KeepsTheModeOfTheFileItReplacesAndGivesANewOneTheDefault) {
  const test::TempDir dir;
  const fs::path kept = dir.write("kept.txt", "old");
  fs::permissions(kept, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  AtomicFile replace(kept.string());
  ASSERT_TRUE(replace.created() && replace.commit(false));
  EXPECT_EQ(fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read,
            fs::status(kept).permissions());

  const mode_t mask = ::umask(022);
  AtomicFile fresh((dir.path() / "fresh.txt").string(), 0644);
  ASSERT_TRUE(fresh.created() && fresh.commit(false));
  ::umask(mask);
  EXPECT_EQ(fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                fs::perms::others_read,
            fs::status(dir.path() / "fresh.txt").permissions());
}

TEST(AtomicFile, ReportsAFolderItCannotWriteIn) {
  const test::TempDir dir;
  const AtomicFile file((dir.path() / "missing" / "out.txt").string());
  EXPECT_FALSE(file.created());
  EXPECT_EQ(0U, entries(dir.path()));
}

TEST(AtomicFolder, PutsTheFolderInPlaceOnlyWhenCommitted) {
  const test::TempDir dir;
  const fs::path target = dir.path() / "out";
  {
    AtomicFolder folder(target.string());
    ASSERT_TRUE(folder.created());
    ASSERT_TRUE(folder.write_file("a.csv", "a\r\n"));
    ASSERT_TRUE(folder.write_file("b.csv", "b\r\n"));
    EXPECT_FALSE(fs::exists(target));  // nobody sees a part
    EXPECT_TRUE(folder.commit(false, true));
  }
  EXPECT_EQ("a\r\n", test::read_text(target / "a.csv"));
  EXPECT_EQ(2U, entries(target));
  EXPECT_EQ(1U, entries(dir.path()));
}

TEST(AtomicFolder, LeavesNothingBehindWhenNotCommitted) {
  const test::TempDir dir;
  {
    AtomicFolder folder((dir.path() / "out/").string());  // a trailing '/' names the same
    ASSERT_TRUE(folder.created());
    ASSERT_TRUE(folder.write_file("a.csv", "a"));
    EXPECT_EQ(1U, entries(dir.path()));
    EXPECT_FALSE(folder.write_file("../escape.csv", "x"));
  }
  EXPECT_EQ(0U, entries(dir.path()));
}

TEST(AtomicFolder, TakesThePlaceOfAnEmptyFolderButReplacesAFullOneOnlyWhenAsked) {
  const test::TempDir dir;
  const fs::path target = dir.path() / "out";
  fs::create_directory(target);
  {
    AtomicFolder folder(target.string());
    ASSERT_TRUE(folder.write_file("new.csv", "new"));
    EXPECT_TRUE(folder.commit(false, false));
  }
  {
    AtomicFolder folder(target.string());
    ASSERT_TRUE(folder.write_file("newer.csv", "newer"));
    EXPECT_FALSE(folder.commit(false, false));  // out/ holds new.csv
  }
  EXPECT_EQ("new", test::read_text(target / "new.csv"));
  EXPECT_EQ(1U, entries(dir.path()));
  {
    AtomicFolder folder(target.string());
    ASSERT_TRUE(folder.write_file("newer.csv", "newer"));
    EXPECT_TRUE(folder.commit(true, false));
  }
  EXPECT_FALSE(fs::exists(target / "new.csv"));
  EXPECT_EQ("newer", test::read_text(target / "newer.csv"));
  EXPECT_EQ(1U, entries(dir.path()));  // the old folder is gone too
}

TEST(AtomicFolder, KeepsTheModeOfTheFolderItReplaces) {
  const test::TempDir dir;
  const fs::path target = dir.path() / "out";
  fs::create_directory(target);
  fs::permissions(target, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec);
  AtomicFolder folder(target.string());
  ASSERT_TRUE(folder.created() && folder.commit(false, false));
  EXPECT_EQ(fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec,
            fs::status(target).permissions());
}

TEST(AtomicFolder, ReportsAFolderItCannotWriteIn) {
  const test::TempDir dir;
  const AtomicFolder folder((dir.path() / "missing" / "out").string());
  EXPECT_FALSE(folder.created());
  EXPECT_EQ(0U, entries(dir.path()));
}

}  // namespace
}  // namespace entente
