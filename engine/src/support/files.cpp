// The files of files.h.
#include "support/files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace entente {
namespace {

// The mode a replacement gets: that of the regular file (or the folder, for a `folder`) it
// replaces, else `new_mode` less the umask (mkstemp() itself creates 0600, mkdtemp() 0700).
mode_t mode_for(const std::string& target, unsigned new_mode, bool folder = false) {
  struct stat st {};
  if (::stat(target.c_str(), &st) == 0 && (folder ? S_ISDIR(st.st_mode) : S_ISREG(st.st_mode))) {
    return st.st_mode & 07777;
  }
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

namespace {

// Syncs a folder's entries (names made, renamed or removed) to the disk.
bool sync_folder(const std::string& path) {
  const UniqueFd folder(::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  return folder && ::fsync(folder.get()) == 0;
}

std::string parent_of(const std::string& path) {
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  return parent.empty() ? std::string(".") : parent.string();
}

// "out/" names the folder "out": the temporary folder goes beside it, not into it.
std::string without_trailing_slashes(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

// Removes a folder and what it holds, keeping errno as it was (a cleanup must not hide why).
void remove_tree(const std::string& path) {
  const int error = errno;
  std::error_code ec;
  std::filesystem::remove_all(path, ec);
  errno = error;
}

// Puts the folder `from` in the place of the folder `to`, which holds something: the two swap
// names in one step, and the old one, now called `from`, is removed. Where the file system
// cannot swap, the old folder steps aside under a name of its own first (and comes back if the
// new one cannot take its place).
bool replace_folder(const std::string& from, const std::string& to) {
  if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_EXCHANGE) == 0) {
    remove_tree(from);
    return true;
  }
  if (errno != EINVAL && errno != ENOSYS) return false;
  std::string aside = to + ".old-XXXXXX";
  if (::mkdtemp(aside.data()) == nullptr || std::rename(to.c_str(), aside.c_str()) != 0) {
    return false;
  }
  if (std::rename(from.c_str(), to.c_str()) != 0) {
    const int error = errno;
    std::rename(aside.c_str(), to.c_str());
    errno = error;
    return false;
  }
  remove_tree(aside);
  return true;
}

}  // namespace

AtomicFolder::AtomicFolder(std::string target, unsigned new_mode)
    : target_(without_trailing_slashes(std::move(target))), temp_(target_ + ".tmp-XXXXXX") {
  pending_ = ::mkdtemp(temp_.data()) != nullptr;
  if (pending_ && ::chmod(temp_.c_str(), mode_for(target_, new_mode, true)) != 0) {
    const int error = errno;
    discard();
    errno = error;
  }
}

AtomicFolder::~AtomicFolder() { discard(); }

void AtomicFolder::discard() {
  if (pending_) remove_tree(temp_);
  pending_ = false;
}

bool AtomicFolder::write_file(std::string_view name, std::string_view data, bool durable) {
  if (!pending_ || name.empty() || name.find('/') != std::string_view::npos) {
    errno = EINVAL;
    return false;
  }
  const std::string path = temp_ + "/" + std::string(name);
  UniqueFd file(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666));
  if (!file) return false;
  bool ok = write_all(file.get(), data);
  ok = ok && (!durable || ::fsync(file.get()) == 0);
  return file.close() && ok;
}

bool AtomicFolder::commit(bool replace, bool durable) {
  if (!pending_) {
    errno = EINVAL;
    return false;
  }
  bool ok = !durable || sync_folder(temp_);
  // Over nothing or over an empty folder, rename() is all it takes; over a folder that holds
  // something it fails (ENOTEMPTY or EEXIST), which is the refusal when not replacing.
  ok = ok && std::rename(temp_.c_str(), target_.c_str()) == 0;
  if (!ok && replace && (errno == ENOTEMPTY || errno == EEXIST)) {
    ok = replace_folder(temp_, target_);
  }
  if (!ok) {
    const int error = errno;
    discard();
    errno = error;
    return false;
  }
  pending_ = false;
  return !durable || sync_folder(parent_of(target_));
}

}  // namespace entente
