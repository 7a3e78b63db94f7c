#pragma once

// Waiting for a scenario's files to change (inotify), and for Ctrl-C, in one poll(): the
// loop of `entente report --watch`. Linux only, as tools/ may be.

#include <signal.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <tl/expected.hpp>

#include "support/files.h"

namespace entente::cli {

/// Why ScenarioWatcher::wait() returned.
enum class WatchEvent {
  changed,  ///< a file of the scenario changed, and then nothing for a moment
  stop,     ///< SIGINT or SIGTERM came
  none,     ///< the time given to wait() passed with no change
  failed,   ///< the kernel would not tell us (poll() or read() failed)
};

namespace detail {

// SIGINT and SIGTERM blocked while it lives, so that they wait in a signalfd instead of ending
// the process; any that came meanwhile are dropped before the old mask is restored.
class BlockedSignals {
 public:
  BlockedSignals();
  BlockedSignals(BlockedSignals&& other) noexcept;
  BlockedSignals& operator=(BlockedSignals&&) = delete;
  BlockedSignals(const BlockedSignals&) = delete;
  BlockedSignals& operator=(const BlockedSignals&) = delete;
  ~BlockedSignals();

  [[nodiscard]] const sigset_t& set() const { return set_; }

 private:
  sigset_t set_{};
  sigset_t old_{};
  bool active_ = true;
};

}  // namespace detail

/// Watches the files of a scenario: a folder (files written, added, removed or renamed in it),
/// or a single file (through its folder, so that editors that save by renaming are seen).
class ScenarioWatcher {
 public:
  /// Starts watching `scenario`, which must exist; the error says why it cannot be watched.
  /// Until the watcher is destroyed, SIGINT and SIGTERM make wait() return `stop`.
  [[nodiscard]] static tl::expected<ScenarioWatcher, std::string> start(
      const std::filesystem::path& scenario,
      std::chrono::milliseconds quiet = std::chrono::milliseconds{100});

  /// Blocks until a file of the scenario has changed and `quiet` has passed since the last
  /// change (a burst of events, as one save makes, gives one `changed`), or a signal comes, or
  /// `limit` passes with nothing changed. The folder, if removed, is watched again when back.
  [[nodiscard]] WatchEvent wait(std::optional<std::chrono::milliseconds> limit = std::nullopt);

 private:
  ScenarioWatcher() = default;
  [[nodiscard]] bool add_watch();
  [[nodiscard]] bool read_events();

  detail::BlockedSignals blocked_{};  // first, so that it is restored after the fds close
  UniqueFd signals_{};
  UniqueFd inotify_{};
  int watch_ = -1;  // inotify's watch descriptor; -1 while the folder is gone
  std::filesystem::path folder_{};
  std::string only_{};  // the single-file form's file name; empty for a folder
  std::chrono::milliseconds quiet_{};
};

}  // namespace entente::cli
