#pragma once
// Long lists of a report (the positions of a large scenario) are printed in blocks: from
// k_blocks_for_two blocks on, a second thread prints blocks while the calling thread writes
// each as soon as it is ready (make_in_order, entente/parallel.h). Blocks go out in order, so
// the bytes are those of printing the items one by one.

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <string>

#include "support/parallel.h"

namespace entente::reports::detail {

/// Items per block.
inline constexpr std::size_t k_block = 128;
/// A second thread prints from as many items as any pass takes to use one.
inline constexpr std::size_t k_blocks_for_two = (k_worth_a_second_thread + k_block - 1) / k_block;
/// Blocks printed ahead of the writing, at most.
inline constexpr std::size_t k_blocks_ahead = 4;

/// Calls `print(begin, end)` for each block [begin, end) of [0, count) and `use` on what it
/// printed, block after block, as above. `print` may run on two threads at once: it only
/// reads; `use` runs on the calling thread.
void print_in_blocks(std::size_t count,
                     const std::function<std::string(std::size_t begin, std::size_t end)>& print,
                     const std::function<void(std::string& printed)>& use);

/// Calls `write_item(stream, i)` for each i in [0, count) and writes what it printed to `out`,
/// in blocks as above.
void write_in_blocks(std::ostream& out, std::size_t count,
                     const std::function<void(std::ostream& out, std::size_t i)>& write_item);

}  // namespace entente::reports::detail
