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

}  // namespace
}  // namespace entente
