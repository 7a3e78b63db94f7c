#pragma once
// The exception boundary of a program (entente, entente-generate): nothing escapes to main(),
// where it would end the process by std::terminate, without a word of why.

#include <exception>
#include <new>
#include <ostream>
#include <string_view>
#include <utility>

namespace entente {

/// Runs `body`, a program's work; an exception ends it with a message on `err` and exit code
/// 4 (out of memory) or 3 (internal error).
template <class Body>
int exception_boundary(std::string_view program, std::ostream& err, Body&& body) {
  try {
    return std::forward<Body>(body)();
  } catch (const std::bad_alloc&) {
    err << program << ": error: out of memory\n";
    return 4;
  } catch (const std::exception& e) {
    err << program << ": internal error: " << e.what() << '\n';
  } catch (...) {
    err << program << ": internal error: unknown exception\n";
  }
  return 3;
}

}  // namespace entente
