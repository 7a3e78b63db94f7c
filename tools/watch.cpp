#include "watch.h"

#include <poll.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <system_error>
#include <utility>

#include <fmt/format.h>

#include "entente/loader.h"

namespace entente::cli {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// Writes, renames into and out of the folder, and the folder itself going away. IN_CREATE
// starts the quiet period early for a file that is created and then written.
constexpr std::uint32_t k_events = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE |
                                   IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR;

// How often to look for a removed folder to come back.
constexpr milliseconds k_rewatch_interval{250};

std::string system_error(int error) { return std::generic_category().message(error); }

// poll()'s timeout for `until`, rounded up so that a wake-up never comes early; -1: forever.
int timeout_ms(std::optional<Clock::time_point> until) {
  if (!until) return -1;
  const auto left = std::chrono::ceil<milliseconds>(*until - Clock::now());
  return static_cast<int>(std::max<milliseconds::rep>(left.count(), 0));
}

std::optional<Clock::time_point> earliest(std::optional<Clock::time_point> a,
                                          std::optional<Clock::time_point> b) {
  if (!a) return b;
  if (!b) return a;
  return std::min(*a, *b);
}

}  // namespace

namespace detail {

BlockedSignals::BlockedSignals() {
  sigemptyset(&set_);
  sigaddset(&set_, SIGINT);
  sigaddset(&set_, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set_, &old_);
}

BlockedSignals::BlockedSignals(BlockedSignals&& other) noexcept
    : set_(other.set_), old_(other.old_), active_(std::exchange(other.active_, false)) {}

BlockedSignals::~BlockedSignals() {
  if (!active_) return;
  sigset_t ours;  // only those that were not blocked before: the others are not ours to drop
  sigemptyset(&ours);
  for (const int signal : {SIGINT, SIGTERM}) {
    if (sigismember(&old_, signal) != 1) sigaddset(&ours, signal);
  }
  const timespec zero{};
  while (sigtimedwait(&ours, nullptr, &zero) > 0) {
  }
  pthread_sigmask(SIG_SETMASK, &old_, nullptr);
}

}  // namespace detail

tl::expected<ScenarioWatcher, std::string> ScenarioWatcher::start(const fs::path& scenario,
                                                                  milliseconds quiet) {
  const auto fail = [&](int error) {
    return tl::unexpected(
        fmt::format("cannot watch '{}': {}", scenario.string(), system_error(error)));
  };
  std::error_code ec;
  const fs::file_status status = fs::status(scenario, ec);
  if (!fs::exists(status)) return fail(ec ? ec.value() : ENOENT);
  ScenarioWatcher watcher;
  watcher.quiet_ = quiet;
  if (fs::is_directory(status)) {
    watcher.folder_ = scenario;
  } else {
    watcher.folder_ = scenario.has_parent_path() ? scenario.parent_path() : fs::path{"."};
    watcher.only_ = scenario.filename().string();
  }
  watcher.signals_.reset(::signalfd(-1, &watcher.blocked_.set(), SFD_CLOEXEC | SFD_NONBLOCK));
  if (watcher.signals_.get() < 0) return fail(errno);
  watcher.inotify_.reset(::inotify_init1(IN_CLOEXEC | IN_NONBLOCK));
  if (watcher.inotify_.get() < 0 || !watcher.add_watch()) return fail(errno);
  return watcher;
}

bool ScenarioWatcher::add_watch() {
  watch_ = ::inotify_add_watch(inotify_.get(), folder_.c_str(), k_events);
  return watch_ >= 0;
}

WatchEvent ScenarioWatcher::wait(std::optional<milliseconds> limit) {
  std::optional<Clock::time_point> deadline;
  if (limit) deadline = Clock::now() + *limit;
  std::optional<Clock::time_point> settled;  // set by a change: when it counts as finished
  for (;;) {
    if (watch_ < 0 && add_watch()) return WatchEvent::changed;  // the folder is back
    const Clock::time_point now = Clock::now();
    if (settled && now >= *settled) return WatchEvent::changed;
    if (!settled && deadline && now >= *deadline) return WatchEvent::none;
    std::optional<Clock::time_point> until = settled ? settled : deadline;
    if (watch_ < 0) until = earliest(until, now + k_rewatch_interval);
    std::array<pollfd, 2> fds{{{signals_.get(), POLLIN, 0}, {inotify_.get(), POLLIN, 0}}};
    const int ready = ::poll(fds.data(), fds.size(), timeout_ms(until));
    if (ready < 0 && errno != EINTR) return WatchEvent::failed;
    if (ready <= 0) continue;
    if (fds[0].revents != 0) {
      signalfd_siginfo info{};
      while (::read(signals_.get(), &info, sizeof info) == sizeof info) {
      }
      return WatchEvent::stop;
    }
    if (fds[1].revents != 0 && read_events()) settled = Clock::now() + quiet_;
  }
}

// Reads every queued event; true when one of them is about a file of the scenario.
bool ScenarioWatcher::read_events() {
  alignas(inotify_event) std::array<char, 16 * 1024> buffer{};
  bool relevant = false;
  for (;;) {
    const ssize_t n = ::read(inotify_.get(), buffer.data(), buffer.size());
    if (n <= 0) return relevant;  // EAGAIN: the queue is empty
    for (std::size_t at = 0; at < static_cast<std::size_t>(n);) {
      inotify_event event{};
      std::memcpy(&event, buffer.data() + at, sizeof event);
      const std::string_view name{event.len > 0 ? buffer.data() + at + sizeof event : ""};
      at += sizeof event + event.len;
      if ((event.mask & IN_Q_OVERFLOW) != 0) {
        relevant = true;  // events were lost: one of them may have mattered
      } else if (event.wd != watch_) {
        continue;  // the watch of a folder that went away
      } else if ((event.mask & (IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF)) != 0) {
        // A moved folder is still watched where it went: watch the path again instead.
        if ((event.mask & IN_IGNORED) == 0) ::inotify_rm_watch(inotify_.get(), watch_);
        watch_ = -1;
        relevant = true;
      } else {
        relevant |= only_.empty() ? is_scenario_file_name(name) : name == only_;
      }
    }
  }
}

}  // namespace entente::cli
