#pragma once
// Work split between the calling thread and one more, for the passes over every position or
// stance of a large scenario that read shared data and write only their own slots.

#include <cstddef>
#include <functional>
#include <string>

namespace entente {

/// Passes over fewer positions or stances than this stay on one thread: below it a second
/// thread costs more than it saves.
inline constexpr std::size_t k_worth_a_second_thread = 20'000;

/// Calls `item(i)` for each i in [0, n) on up to `threads` threads: this one and as many more
/// as can be had, each taking the next i not yet taken. Returns when all are done. After an
/// exception no further item is started, and the first one (by thread) is thrown again here.
void for_each_index(std::size_t n, std::size_t threads,
                    const std::function<void(std::size_t i)>& item);

/// Calls `work(begin, end)` on two halves of [0, n), one on a second thread, when n is at
/// least `min_for_two`; otherwise, or when no thread can be had, once on [0, n) here.
/// Returns when all of it is done; an exception from either half is thrown again here.
void for_two_halves(std::size_t n, std::size_t min_for_two,
                    const std::function<void(std::size_t begin, std::size_t end)>& work);

/// Calls `first` and `second`: at once, `second` on a second thread, when `at_once` (and a
/// thread can be had); otherwise one after the other here. Returns when both are done; an
/// exception from either is thrown again here, once the other has ended (or, one after the
/// other, in place of calling `second`).
void run_both(bool at_once, const std::function<void()>& first,
              const std::function<void()>& second);

/// Calls `make(i)` for each i in [0, n) and `use` on the pieces it returns, in the order of
/// i, on the calling thread. From `min_for_two` pieces on, a second thread makes pieces while
/// this one uses them (and makes them too when none is ready), at most `ahead` ahead of the
/// last one used, so that printing and writing a large output overlap in bounded memory.
/// An exception from `make` or `use` is thrown again here; no piece is used after it.
void make_in_order(std::size_t n, std::size_t min_for_two, std::size_t ahead,
                   const std::function<std::string(std::size_t i)>& make,
                   const std::function<void(std::string& piece)>& use);

}  // namespace entente
