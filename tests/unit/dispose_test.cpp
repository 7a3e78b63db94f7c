#include "dispose.h"

#include <gtest/gtest.h>

#include <vector>

namespace entente::cli {
namespace {

// Counts the destructions of values that still held items.
struct Tracked {
  static inline int freed = 0;
  std::vector<int> items{};

  explicit Tracked(std::vector<int> v) : items(std::move(v)) {}
  Tracked(Tracked&&) = default;
  Tracked& operator=(Tracked&&) = default;
  ~Tracked() { freed += !items.empty(); }
};

// Sets whether the process ends after the command, and restores it.
class EndsAfterCommand {
 public:
  explicit EndsAfterCommand(bool ends) : before_(process_ends_after_command()) {
    set_process_ends_after_command(ends);
  }
  ~EndsAfterCommand() { set_process_ends_after_command(before_); }
  EndsAfterCommand(const EndsAfterCommand&) = delete;
  EndsAfterCommand& operator=(const EndsAfterCommand&) = delete;

 private:
  bool before_;
};

TEST(Dispose, LeavesTheValueToItsOwnerWhenTheProcessGoesOn) {
  const EndsAfterCommand goes_on(false);
  Tracked::freed = 0;
  {
    Tracked value({1, 2, 3});
    dispose(value);
    EXPECT_EQ(3u, value.items.size());
  }
  EXPECT_EQ(1, Tracked::freed);
}

TEST(Dispose, KeepsTheValueUnfreedWhenTheProcessEndsAfterTheCommand) {
  const EndsAfterCommand ends(true);
  Tracked::freed = 0;
  {
    Tracked value({1, 2, 3});
    dispose(value);
    EXPECT_TRUE(value.items.empty());
  }
  EXPECT_EQ(0, Tracked::freed);
}

}  // namespace
}  // namespace entente::cli
