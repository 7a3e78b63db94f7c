#include "entente/parallel.h"

#include <exception>
#include <optional>
#include <system_error>
#include <thread>

namespace entente {

void for_two_halves(std::size_t n, std::size_t min_for_two,
                    const std::function<void(std::size_t begin, std::size_t end)>& work) {
  const std::size_t half = n >= min_for_two ? n / 2 : 0;
  std::exception_ptr failure;  // of the second thread, thrown again here
  std::optional<std::thread> helper;
  if (half > 0) {
    try {
      helper.emplace([&] {
        try {
          work(0, half);
        } catch (...) {
          failure = std::current_exception();
        }
      });
    } catch (const std::system_error&) {
      // No thread to be had: this one does all of it.
    }
  }
  try {
    work(helper ? half : 0, n);
  } catch (...) {
    if (helper) helper->join();
    throw;
  }
  if (helper) helper->join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace entente
