// The files of files.h.
#include "support/files.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>

namespace entente {
namespace {

// The mode a replacement gets: that of the regular file it replaces, else `new_mode` less
// the umask (mkstemp() itself creates 0600).
mode_t mode_for(const std::string& target, unsigned new_mode) {
  struct stat st {};
  if (::stat(target.c_str(), &st) == 0 && S_ISREG(st.st_mode)) return st.st_mode & 07777;
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return static_cast<mode_t>(new_mode) & ~mask;
}

}  // namespace

void UniqueFd::reset(int fd) {
  if (fd_ >= 0) ::close(fd_);
  fd_ = fd;
}

bool UniqueFd::close() {
  const int fd = std::exchange(fd_, -1);
  return fd < 0 || ::close(fd) == 0;
}

bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

AtomicFile::AtomicFile(std::string target, unsigned new_mode)
    : target_(std::move(target)), temp_(target_ + ".tmp-XXXXXX") {
  fd_.reset(::mkstemp(temp_.data()));
  pending_ = static_cast<bool>(fd_);
  if (pending_ && ::fchmod(fd_.get(), mode_for(target_, new_mode)) != 0) {
    const int error = errno;
    discard();
    errno = error;
  }
}

AtomicFile::~AtomicFile() { discard(); }

void AtomicFile::discard() {
  fd_.reset();
  if (pending_) ::unlink(temp_.c_str());
  pending_ = false;
}

bool AtomicFile::commit(bool durable) {
  if (!fd_) return false;
  bool ok = !durable || ::fsync(fd_.get()) == 0;
  ok = fd_.close() && ok;
  ok = ok && std::rename(temp_.c_str(), target_.c_str()) == 0;
  if (ok) {
    pending_ = false;
  } else {
    const int error = errno;
    discard();
    errno = error;
  }
  return ok;
}

}  // namespace entente
