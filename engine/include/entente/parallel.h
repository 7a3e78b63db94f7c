#pragma once
// Work split between the calling thread and one more, for the passes over every position or
// stance of a large scenario that read shared data and write only their own slots.

#include <cstddef>
#include <functional>

namespace entente {

/// Passes over fewer positions or stances than this stay on one thread: below it a second
/// thread costs more than it saves.
inline constexpr std::size_t k_worth_a_second_thread = 20'000;

/// Calls `work(begin, end)` on two halves of [0, n), one on a second thread, when n is at
/// least `min_for_two`; otherwise, or when no thread can be had, once on [0, n) here.
/// Returns when all of it is done; an exception from either half is thrown again here.
void for_two_halves(std::size_t n, std::size_t min_for_two,
                    const std::function<void(std::size_t begin, std::size_t end)>& work);

}  // namespace entente
