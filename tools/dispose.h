#pragma once
// Freeing a large scenario and its report, item by item, takes the last tens of milliseconds
// of a run, and the kernel takes the whole heap back at exit anyway. When the process ends
// with the command (main() says so), dispose() keeps them instead, still reachable so that
// leak checkers stay quiet: clang's -disable-free and llvm::BuryPointer. The tests, which run
// many commands in one process, and `report --watch` free as usual.

#include <utility>

namespace entente::cli {

/// Said by main() only: the process exits when the command returns.
void set_process_ends_after_command(bool ends);
bool process_ends_after_command();

namespace detail {
void bury(const void* kept);
}  // namespace detail

/// Leaves `value` empty: its contents are freed with it by its owner, or, when the process
/// ends after this command, kept to the end.
template <class T>
void dispose(T& value) {
  if (process_ends_after_command()) detail::bury(new T(std::move(value)));
}

}  // namespace entente::cli
