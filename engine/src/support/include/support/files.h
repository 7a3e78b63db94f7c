#pragma once
// File descriptors and files and folders written whole or not at all, for the parse cache, the
// CLI's `-o FILE` and `export -o DIR`, the programs it runs and `--watch`.

#include <string>
#include <string_view>
#include <utility>

namespace entente {

/// A file descriptor, closed on every path out, early returns included.
class UniqueFd {
 public:
  UniqueFd() = default;
  explicit UniqueFd(int fd) : fd_(fd) {}
  UniqueFd(UniqueFd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  UniqueFd& operator=(UniqueFd&& other) noexcept {
    reset(std::exchange(other.fd_, -1));
    return *this;
  }
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;
  ~UniqueFd() { reset(); }

  [[nodiscard]] int get() const { return fd_; }
  explicit operator bool() const { return fd_ >= 0; }
  /// Closes the descriptor held, if any, and holds `fd`.
  void reset(int fd = -1);
  /// Closes the descriptor held; false when close() reports an error (a write that failed
  /// late, as on NFS or a full disk).
  bool close();

 private:
  int fd_ = -1;
};

/// Writes all of `data` to `fd`, resuming after signals; false on an error (errno says which).
bool write_all(int fd, std::string_view data);

/// A file written in full before anyone sees it: the bytes go to a temporary file next to
/// the target, which commit() renames over it, so readers see the old file or the new one,
/// never a part. Until committed the temporary file is removed on every path out.
class AtomicFile {
 public:
  /// Creates the temporary file next to `target` (check created()). It gets the mode of the
  /// file it replaces, or else `new_mode` less the umask.
  explicit AtomicFile(std::string target, unsigned new_mode = 0666);
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile();

  [[nodiscard]] bool created() const { return pending_; }
  [[nodiscard]] int fd() const { return fd_.get(); }
  /// Closes the temporary file (after fsync when `durable`) and renames it over the target.
  /// False, with errno set, when any step fails; the temporary file is then removed.
  bool commit(bool durable);

 private:
  void discard();

  std::string target_;
  std::string temp_;
  UniqueFd fd_;
  bool pending_ = false;  ///< the temporary file exists and is not renamed yet
};

/// A folder written in full before anyone sees it: its files go into a temporary folder next
/// to the target, which commit() renames into the target's place, so that readers see the old
/// folder or the new one, never a part. Until committed the temporary folder and what it holds
/// are removed on every path out.
class AtomicFolder {
 public:
  /// Creates the temporary folder next to `target` (check created()), with the mode of the
  /// folder it replaces, or else `new_mode` less the umask.
  explicit AtomicFolder(std::string target, unsigned new_mode = 0777);
  AtomicFolder(const AtomicFolder&) = delete;
  AtomicFolder& operator=(const AtomicFolder&) = delete;
  ~AtomicFolder();

  [[nodiscard]] bool created() const { return pending_; }
  /// Writes the file `name` (no '/') of the folder, whole, synced to the disk when `durable`.
  /// False, with errno set, when it could not.
  bool write_file(std::string_view name, std::string_view data, bool durable = true);
  /// Puts the folder in the target's place: the target must not exist or be an empty folder,
  /// unless `replace`, when the folder there is swapped out and removed. False, with errno
  /// set, when any step fails; the temporary folder is then removed and the target is as it was.
  bool commit(bool replace, bool durable);

 private:
  void discard();

  std::string target_;
  std::string temp_;
  bool pending_ = false;  ///< the temporary folder exists and is not in place yet
};

}  // namespace entente
