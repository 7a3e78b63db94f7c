// Running a program through pipes (tools/run_program.cpp): output, errors, exit codes, and no
// hang or crash whatever the program does with its input.

#include "run_program.h"

#include <gtest/gtest.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <string>

namespace entente::cli {
namespace {

using std::chrono::milliseconds;

constexpr milliseconds k_patient{20'000};

TEST(RunProgram, PassesInputAndCollectsOutput) {
  const ProgramResult r = run_program({"cat"}, "one\ntwo\n", k_patient);
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.out, "one\ntwo\n");
  EXPECT_EQ(r.err, "");
}

// Bigger than any pipe buffer both ways: feeding and draining must go on at the same time.
TEST(RunProgram, MovesLargeInputAndOutputWithoutDeadlock) {
  const std::string input(8 * 1024 * 1024, 'x');
  const ProgramResult r = run_program({"cat"}, input, k_patient);
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.out.size(), input.size());
}

TEST(RunProgram, ReportsExitCodeAndStandardError) {
  const ProgramResult r = run_program({"sh", "-c", "echo oops >&2; exit 3"}, "", k_patient);
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err, "oops\n");
}

// The program quits without reading: writing to it raises SIGPIPE, which must not kill us.
TEST(RunProgram, SurvivesAProgramThatIgnoresItsInput) {
  const std::string input(4 * 1024 * 1024, 'x');
  const ProgramResult r = run_program({"true"}, input, k_patient);
  EXPECT_TRUE(r.ok());
}

TEST(RunProgram, SaysWhenTheProgramIsMissing) {
  const ProgramResult r = run_program({"entente-test-no-such-program"}, "", k_patient);
  EXPECT_EQ(r.start_error, ENOENT);
  EXPECT_FALSE(r.ok());
}

TEST(RunProgram, StopsAProgramThatTakesTooLong) {
  const auto start = std::chrono::steady_clock::now();
  const ProgramResult r = run_program({"sleep", "30"}, "", milliseconds{200});
  EXPECT_TRUE(r.timed_out);
  EXPECT_FALSE(r.ok());
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds{10});
}

TEST(RunProgram, StopsAProgramThatClosesItsOutputsAndRunsOn) {
  const ProgramResult r =
      run_program({"sh", "-c", "exec >&- 2>&-; exec sleep 30"}, "", milliseconds{200});
  EXPECT_TRUE(r.timed_out);
  EXPECT_EQ(r.signal, SIGKILL);
}

// `report --watch` blocks SIGINT and SIGTERM to read them; the programs it runs must not
// inherit that, or a Ctrl-C would not stop them.
TEST(RunProgram, StartsTheProgramWithNoSignalBlocked) {
  sigset_t term, old;
  sigemptyset(&term);
  sigaddset(&term, SIGTERM);
  ASSERT_EQ(pthread_sigmask(SIG_BLOCK, &term, &old), 0);
  const ProgramResult r = run_program({"grep", "SigBlk", "/proc/self/status"}, "", k_patient);
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  EXPECT_TRUE(r.ok()) << r.err;
  EXPECT_EQ(r.out, "SigBlk:\t0000000000000000\n");
}

}  // namespace
}  // namespace entente::cli
