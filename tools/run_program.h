#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace entente::cli {

/// How a program run by run_program() ended, and what it printed.
struct ProgramResult {
  int start_error = 0;     ///< errno when it could not be started (ENOENT: not on PATH), or 0
  bool timed_out = false;  ///< it was killed for taking longer than allowed
  int exit_code = -1;      ///< its exit status, -1 when it did not exit normally
  int signal = 0;          ///< the signal that ended it, or 0
  std::string out{};
  std::string err{};

  [[nodiscard]] bool ok() const { return start_error == 0 && !timed_out && exit_code == 0; }
};

/// Runs `argv` (argv[0] looked up on PATH) with `input` on its standard input, collecting its
/// standard output and error; it is killed after `timeout`. Never throws for a failing program.
ProgramResult run_program(const std::vector<std::string>& argv, std::string_view input,
                          std::chrono::milliseconds timeout);

}  // namespace entente::cli
