#include "support/parallel.h"

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace entente {
namespace {

TEST(ForTwoHalves, EveryIndexOnceWhetherOneThreadOrTwo) {
  for (const std::size_t n : {0u, 1u, 7u, 10'001u}) {
    std::vector<int> seen(n, 0);
    for_two_halves(n, 100, [&](std::size_t begin, std::size_t end) {
      for (std::size_t i = begin; i < end; ++i) ++seen[i];
    });
    EXPECT_EQ(seen, std::vector<int>(n, 1)) << n;
  }
}

TEST(ForTwoHalves, AnExceptionOfTheSecondThreadComesBackHere) {
  EXPECT_THROW(for_two_halves(1000, 2,
                              [](std::size_t begin, std::size_t) {
                                if (begin == 0) throw std::runtime_error("first half");
                              }),
               std::runtime_error);
}

TEST(ForEachIndex, EveryIndexOnceOnAsManyThreadsAsAsked) {
  for (const std::size_t threads : {1u, 2u, 8u}) {
    for (const std::size_t n : {0u, 1u, 3u, 500u}) {
      std::vector<std::atomic<int>> seen(n);
      std::set<std::thread::id> workers;
      std::mutex workers_mutex;
      for_each_index(n, threads, [&](std::size_t i) {
        ++seen[i];
        const std::lock_guard lock(workers_mutex);
        workers.insert(std::this_thread::get_id());
      });
      for (std::size_t i = 0; i < n; ++i) EXPECT_EQ(1, seen[i]) << threads << " " << i;
      EXPECT_LE(workers.size(), std::max<std::size_t>(1, std::min(threads, n))) << threads;
    }
  }
}

// After an exception no further index is started (exactly so on one thread; on two, the
// other may be anywhere when it comes), and the exception comes back here.
TEST(ForEachIndex, AnExceptionStopsTheOthersAndComesBackHere) {
  for (const std::size_t threads : {1u, 2u}) {
    std::atomic<std::size_t> started{0};
    EXPECT_THROW(for_each_index(1000, threads,
                                [&](std::size_t i) {
                                  ++started;
                                  if (i == 10) throw std::runtime_error("ten");
                                }),
                 std::runtime_error);
    if (threads == 1) {
      EXPECT_EQ(11u, started.load());
    }
  }
}

// The pieces are used in order, each once, on the calling thread, whatever the threads'
// timing: some pieces are slow so that the order of making them differs from that of use.
TEST(RunBoth, RunsEachOnceAtOnceOnTwoThreadsOrOneAfterTheOtherHere) {
  const std::thread::id here = std::this_thread::get_id();
  for (const bool at_once : {false, true}) {
    std::thread::id first_on, second_on;
    int first_runs = 0, second_runs = 0;
    run_both(
        at_once,
        [&] {
          ++first_runs;
          first_on = std::this_thread::get_id();
        },
        [&] {
          ++second_runs;
          second_on = std::this_thread::get_id();
        });
    EXPECT_EQ(first_runs, 1) << at_once;
    EXPECT_EQ(second_runs, 1) << at_once;
    EXPECT_EQ(first_on, here) << at_once;
    EXPECT_EQ(second_on == here, !at_once);
  }
}

TEST(RunBoth, AnExceptionOfEitherComesBackHereAfterBothEnded) {
  for (const bool at_once : {false, true}) {
    std::atomic<int> ended{0};
    EXPECT_THROW(run_both(
                     at_once, [&] { ++ended; },
                     [&] {
                       ++ended;
                       throw std::runtime_error("second");
                     }),
                 std::runtime_error);
    EXPECT_EQ(ended, 2) << at_once;
    EXPECT_THROW(run_both(
                     at_once, [] { throw std::runtime_error("first"); }, [&] { ++ended; }),
                 std::runtime_error);
  }
}

TEST(MakeInOrder, UsesEveryPieceOnceInOrderOnTheCallingThread) {
  for (const std::size_t n : {0u, 1u, 3u, 4u, 5u, 200u}) {
    const std::thread::id caller = std::this_thread::get_id();
    std::set<std::thread::id> makers;
    std::mutex makers_mutex;
    std::vector<std::string> used;
    make_in_order(
        n, 4, 3,
        [&](std::size_t i) {
          if (i % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
          const std::lock_guard lock(makers_mutex);
          makers.insert(std::this_thread::get_id());
          return "piece " + std::to_string(i);
        },
        [&](std::string& piece) {
          EXPECT_EQ(std::this_thread::get_id(), caller);
          used.push_back(piece);
        });
    ASSERT_EQ(used.size(), n);
    for (std::size_t i = 0; i < n; ++i) EXPECT_EQ(used[i], "piece " + std::to_string(i));
    if (n < 4) {
      EXPECT_LE(makers.size(), 1u) << "below min_for_two, one thread only";
    }
  }
}

// No piece is made more than `ahead` past the last one used: the memory stays bounded. (The
// count here goes up when `use` returns, so a piece may be made `ahead` past it.)
TEST(MakeInOrder, MakesAtMostAheadPastTheLastPieceUsed) {
  constexpr std::size_t k_ahead = 4;
  std::atomic<std::size_t> used{0};
  std::atomic<std::size_t> worst{0};
  make_in_order(
      300, 2, k_ahead,
      [&](std::size_t i) {
        const std::size_t lead = i - used.load();
        std::size_t seen = worst.load();
        while (lead > seen && !worst.compare_exchange_weak(seen, lead)) {
        }
        return std::string(1, 'x');
      },
      [&](std::string&) {
        std::this_thread::sleep_for(std::chrono::microseconds(50));
        ++used;
      });
  EXPECT_EQ(used, 300u);
  EXPECT_LE(worst.load(), k_ahead);
}

// An exception on either thread, from making or using, comes back here, and no piece is
// used after it.
TEST(MakeInOrder, AnExceptionEndsTheRunAndComesBackHere) {
  for (const std::size_t bad : {0u, 1u, 57u, 199u}) {
    std::size_t used = 0;
    EXPECT_THROW(make_in_order(
                     200, 2, 8,
                     [&](std::size_t i) {
                       if (i == bad) throw std::runtime_error("make");
                       return std::to_string(i);
                     },
                     [&](std::string& piece) {
                       EXPECT_LT(std::stoul(piece), bad);
                       ++used;
                     }),
                 std::runtime_error)
        << bad;
    EXPECT_LE(used, bad);
  }
  std::size_t used = 0;
  EXPECT_THROW(make_in_order(
                   200, 2, 8, [](std::size_t i) { return std::to_string(i); },
                   [&](std::string& piece) {
                     if (piece == "10") throw std::runtime_error("use");
                     ++used;
                   }),
               std::runtime_error);
  EXPECT_EQ(used, 10u);
}

}  // namespace
}  // namespace entente
