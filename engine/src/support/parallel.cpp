#include "support/parallel.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

namespace entente {

namespace {

// Calls work(t) for each t in [0, threads): t = 0 here, each other on a thread of its own, or
// here after the others when no thread can be had. Returns when all have ended; the first
// exception (by t) is thrown again here (on a helper it would end the process).
void on_threads(std::size_t threads, const std::function<void(std::size_t t)>& work) {
  std::vector<std::exception_ptr> failures(threads);
  const auto guarded = [&](std::size_t t) {
    try {
      work(t);
    } catch (...) {
      failures[t] = std::current_exception();
    }
  };
  std::vector<std::thread> helpers;
  std::size_t started = 1;
  for (; started < threads; ++started) {
    try {
      helpers.emplace_back(guarded, started);
    } catch (const std::system_error&) {
      break;  // no more threads to be had
    }
  }
  guarded(0);
  for (std::size_t t = started; t < threads; ++t) guarded(t);
  for (std::thread& helper : helpers) helper.join();
  for (const std::exception_ptr& failure : failures) {
    if (failure) std::rethrow_exception(failure);
  }
}

}  // namespace

void for_each_index(std::size_t n, std::size_t threads,
                    const std::function<void(std::size_t i)>& item) {
  std::atomic<std::size_t> next{0};
  on_threads(std::clamp<std::size_t>(threads, 1, std::max<std::size_t>(n, 1)), [&](std::size_t) {
    try {
      for (std::size_t i = next++; i < n; i = next++) item(i);
    } catch (...) {
      next = n;  // the others stop too
      throw;
    }
  });
}

void for_two_halves(std::size_t n, std::size_t min_for_two,
                    const std::function<void(std::size_t begin, std::size_t end)>& work) {
  const std::size_t half = n >= min_for_two ? n / 2 : 0;
  if (half == 0) {
    work(0, n);
    return;
  }
  // The second half here, the first on a helper (or here after it, with no thread to be had).
  on_threads(2, [&](std::size_t t) { t == 0 ? work(half, n) : work(0, half); });
}

void run_both(bool at_once, const std::function<void()>& first,
              const std::function<void()>& second) {
  if (!at_once) {
    first();
    second();
    return;
  }
  // Two halves of two items, `second` the helper's half (both here when no thread is had).
  for_two_halves(2, 2, [&](std::size_t begin, std::size_t end) {
    for (std::size_t k = begin; k < end; ++k) (k == 0 ? second : first)();
  });
}

namespace {

// The pieces of make_in_order between its two threads: which is made next, which are ready.
class Pieces {
 public:
  Pieces(std::size_t n, std::size_t ahead) : n_(n), ready_(ahead) {}

  /// The next piece to make, or none when all are taken, the window is full and `wait` is
  /// false, or the run stops.
  std::optional<std::size_t> claim(bool wait) {
    std::unique_lock lock(mutex_);
    const auto can_claim = [&] { return stop_ || next_ == n_ || next_ < used_ + ready_.size(); };
    if (wait) changed_.wait(lock, can_claim);
    if (stop_ || next_ == n_ || !can_claim()) return std::nullopt;
    return next_++;
  }
  void put(std::size_t i, std::string piece) {
    {
      const std::lock_guard lock(mutex_);
      ready_[i % ready_.size()] = std::move(piece);
    }
    changed_.notify_all();
  }
  /// Piece `used` if it is ready (waiting for it when no piece can be claimed).
  std::optional<std::string> take_next() {
    std::unique_lock lock(mutex_);
    std::optional<std::string>& slot = ready_[used_ % ready_.size()];
    if (!slot && next_ < used_ + ready_.size() && next_ < n_) return std::nullopt;
    changed_.wait(lock, [&] { return slot.has_value() || stop_; });
    if (!slot) return std::nullopt;
    std::optional<std::string> piece = std::exchange(slot, std::nullopt);
    ++used_;
    lock.unlock();
    changed_.notify_all();
    return piece;
  }
  bool done() const {
    const std::lock_guard lock(mutex_);
    return used_ == n_ || stop_;
  }
  void stop() {
    {
      const std::lock_guard lock(mutex_);
      stop_ = true;
    }
    changed_.notify_all();
  }

 private:
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  const std::size_t n_;
  std::size_t next_ = 0;                           ///< the next piece to claim
  std::size_t used_ = 0;                           ///< pieces handed to `use`
  std::vector<std::optional<std::string>> ready_;  ///< made, not yet used: by index % ahead
  bool stop_ = false;
};

}  // namespace

void make_in_order(std::size_t n, std::size_t min_for_two, std::size_t ahead,
                   const std::function<std::string(std::size_t)>& make,
                   const std::function<void(std::string&)>& use) {
  std::optional<std::thread> helper;
  Pieces pieces(n, std::max<std::size_t>(ahead, 2));
  std::exception_ptr failure;  // of the second thread, thrown again here
  if (n >= min_for_two) {
    try {
      helper.emplace([&] {
        try {
          while (const auto i = pieces.claim(true)) pieces.put(*i, make(*i));
        } catch (...) {
          failure = std::current_exception();
          pieces.stop();
        }
      });
    } catch (const std::system_error&) {
      // No thread to be had: this one does all of it.
    }
  }
  if (!helper) {
    for (std::size_t i = 0; i < n; ++i) {
      std::string piece = make(i);
      use(piece);
    }
    return;
  }
  // This thread uses each piece as soon as it is ready, and makes one when none is.
  try {
    while (!pieces.done()) {
      if (std::optional<std::string> piece = pieces.take_next()) {
        use(*piece);
      } else if (const auto i = pieces.claim(false)) {
        pieces.put(*i, make(*i));
      }
    }
  } catch (...) {
    pieces.stop();
    helper->join();
    throw;
  }
  helper->join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace entente
