#include "entente/memory.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <memory>
#include <vector>

#include "entente/stats.h"

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define ENTENTE_OWN_ALLOCATOR 1  // a sanitizer's allocator, which malloc_trim does not manage
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define ENTENTE_OWN_ALLOCATOR 1
#endif
#endif

namespace entente {
namespace {

TEST(Memory, FreedBlocksInTheMiddleOfTheHeapLeaveTheResidentSet) {
#if defined(ENTENTE_OWN_ALLOCATOR)
  GTEST_SKIP() << "a sanitizer's allocator: malloc_trim does not manage its memory";
#elif !defined(__GLIBC__)
  GTEST_SKIP() << "return_free_memory() does nothing without glibc";
#else
  if (stats::resident_bytes() == 0) GTEST_SKIP() << "no /proc/self/statm";
  // 64 MB in blocks small enough for the heap, each written to; the last one is kept, so
  // that the freed ones are not at the top of the heap, where free() alone returns them.
  constexpr std::size_t k_blocks = std::size_t{256} * 1024;
  using Block = std::array<char, 256>;
  std::vector<std::unique_ptr<Block> > blocks;
  blocks.reserve(k_blocks);
  for (std::size_t i = 0; i < k_blocks; ++i) {
    blocks.push_back(std::make_unique<Block>());  // value-initialised: written
  }
  std::unique_ptr<Block> kept = std::move(blocks.back());
  blocks.pop_back();
  for (auto& block : blocks) block.reset();
  const std::uint64_t before = stats::resident_bytes();
  return_free_memory();
  const std::uint64_t after = stats::resident_bytes();
  EXPECT_GT(before, after + 32'000'000) << "resident " << before << " -> " << after;
  (*kept)[0] = 1;
#endif
}

}  // namespace
}  // namespace entente
