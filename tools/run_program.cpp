#include "run_program.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <thread>
#include <utility>

#include "support/files.h"

extern char** environ;

namespace entente::cli {
namespace {

using Clock = std::chrono::steady_clock;

struct Pipe {
  UniqueFd read;
  UniqueFd write;
};

// Close-on-exec, so that the child keeps only the ends dup2()ed onto 0, 1 and 2.
bool make_pipe(Pipe& pipe) {
  std::array<int, 2> fds{};
  if (::pipe2(fds.data(), O_CLOEXEC) != 0) return false;
  pipe.read.reset(fds[0]);
  pipe.write.reset(fds[1]);
  return true;
}

// A program that exits before reading all of its input makes write() fail with EPIPE; the
// signal that comes with it would kill entente, so it is blocked on this thread while we write
// and a SIGPIPE raised meanwhile is taken off the queue before the mask is restored.
class SigpipeBlocked {
 public:
  SigpipeBlocked() {
    sigemptyset(&pipe_);
    sigaddset(&pipe_, SIGPIPE);
    sigset_t pending;
    sigpending(&pending);
    was_pending_ = sigismember(&pending, SIGPIPE) == 1;
    pthread_sigmask(SIG_BLOCK, &pipe_, &old_);
  }
  SigpipeBlocked(const SigpipeBlocked&) = delete;
  SigpipeBlocked& operator=(const SigpipeBlocked&) = delete;
  ~SigpipeBlocked() {
    sigset_t pending;
    sigpending(&pending);
    if (!was_pending_ && sigismember(&pending, SIGPIPE) == 1) {
      const timespec zero{};
      sigtimedwait(&pipe_, nullptr, &zero);
    }
    pthread_sigmask(SIG_SETMASK, &old_, nullptr);
  }

 private:
  sigset_t pipe_{};
  sigset_t old_{};
  bool was_pending_ = false;
};

// Feeds `input` and drains both outputs at once: a program whose output fills its pipe while
// we are still writing would otherwise wait for us forever, and we for it.
bool exchange(UniqueFd& in, UniqueFd& out, UniqueFd& err, std::string_view input,
              ProgramResult& result, Clock::time_point deadline) {
  const SigpipeBlocked blocked;
  if (input.empty()) in.reset();
  std::array<char, 65536> buffer{};
  while (out.get() >= 0 || err.get() >= 0) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) return false;
    std::array<pollfd, 3> fds{
        {{in.get(), POLLOUT, 0}, {out.get(), POLLIN, 0}, {err.get(), POLLIN, 0}}};
    const int ready = ::poll(fds.data(), fds.size(), static_cast<int>(left.count()));
    if (ready < 0 && errno != EINTR) return false;
    if (ready <= 0) continue;
    if (fds[0].revents != 0) {
      const ssize_t n = ::write(in.get(), input.data(), input.size());
      if (n > 0) input.remove_prefix(static_cast<std::size_t>(n));
      if ((n < 0 && errno != EAGAIN && errno != EINTR) || input.empty()) in.reset();
    }
    const std::array<std::pair<UniqueFd*, std::string*>, 2> sinks{
        {{&out, &result.out}, {&err, &result.err}}};
    for (std::size_t i = 0; i < sinks.size(); ++i) {
      if (fds[i + 1].revents == 0) continue;
      const ssize_t n = ::read(sinks[i].first->get(), buffer.data(), buffer.size());
      if (n > 0) sinks[i].second->append(buffer.data(), static_cast<std::size_t>(n));
      if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN)) sinks[i].first->reset();
    }
  }
  return true;
}

// A program may close its outputs and still run on: it gets what is left of the time, then it
// is killed, so that no program can keep entente waiting.
void wait_for(pid_t pid, Clock::time_point deadline, ProgramResult& result) {
  int status = 0;
  for (;;) {
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) return;
    if (!result.timed_out && Clock::now() >= deadline) {
      result.timed_out = true;
      ::kill(pid, SIGKILL);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds{2});
  }
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
}

}  // namespace

ProgramResult run_program(const std::vector<std::string>& argv, std::string_view input,
                          std::chrono::milliseconds timeout) {
  ProgramResult result;
  Pipe in, out, err;
  if (argv.empty() || !make_pipe(in) || !make_pipe(out) || !make_pipe(err)) {
    result.start_error = argv.empty() ? EINVAL : errno;
    return result;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in.read.get(), STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out.write.get(), STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err.write.get(), STDERR_FILENO);
  std::vector<char*> args;
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  // The child starts with no signal blocked: `report --watch` blocks SIGINT and SIGTERM to
  // read them itself, and a Ctrl-C must still reach the program it runs.
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t none;
  sigemptyset(&none);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK);
  pid_t pid = 0;
  result.start_error = posix_spawnp(&pid, args[0], &actions, &attributes, args.data(), environ);
  posix_spawnattr_destroy(&attributes);
  posix_spawn_file_actions_destroy(&actions);
  if (result.start_error != 0) return result;
  in.read.reset();  // the child's ends: only the child may hold them, or EOF never comes
  out.write.reset();
  err.write.reset();
  ::fcntl(in.write.get(), F_SETFL, O_NONBLOCK);
  const Clock::time_point deadline = Clock::now() + timeout;
  if (!exchange(in.write, out.read, err.read, input, result, deadline)) {
    result.timed_out = true;  // or poll() failed, which leaves no way to talk to it either
    ::kill(pid, SIGKILL);
  }
  wait_for(pid, deadline, result);
  return result;
}

}  // namespace entente::cli
