#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace entente::cli {

/// The process exit status; the only place that gives numbers meaning.
/// `changed` is `diff --exit-code`'s answer when anything moved: not a failure, and never
/// confused with bad input.
enum class ExitCode {
  ok = 0,
  bad_input = 1,
  usage = 2,
  internal = 3,
  out_of_memory = 4,
  changed = 5
};

/// Runs the command line `argv` (argv[0] is the program name) and returns the exit status.
/// Never throws: running out of memory ends here as exit 4, any other exception as an
/// internal error (exit 3).
int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

/// As above with the arguments after the program name, for tests.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace entente::cli
