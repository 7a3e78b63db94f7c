#!/usr/bin/env bash
# Builds everything with AddressSanitizer and UndefinedBehaviorSanitizer in build-asan/ and
# runs the whole test suite there. Memory limits are off (ASan reserves terabytes of
# address space) and time limits are longer; the out-of-memory tests need a real
# allocator, so they are left to the normal build.
#
#   tools/sanitize.sh            ASan and UBSan, every test
#   tools/sanitize.sh --thread   ThreadSanitizer in build-tsan/, the unit tests (every pass
#                                that uses a second thread has one there, at 20,000+ items
#                                where it waits for that many)
set -euo pipefail
cd "$(dirname "$0")/.."
tools/build.sh --deps-only
if [ "${1:-}" = --thread ]; then
  flags="-fsanitize=thread -fno-omit-frame-pointer"
  cmake -S . -B build-tsan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DENTENTE_WARNINGS_AS_ERRORS=ON -DCMAKE_CXX_FLAGS="$flags" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=thread" >/dev/null
  cmake --build build-tsan -j "$(nproc)" --target entente_unit_tests
  # tests/tsan.supp: Z3's own timer threads, which TSan cannot see into.
  export TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1:suppressions=$PWD/tests/tsan.supp
  export ENTENTE_NO_CACHE=1
  build-tsan/tests/entente_unit_tests
  exit
fi
[ $# -eq 0 ] || { echo "sanitize.sh: unknown argument '$1' (--thread or nothing)" >&2; exit 2; }
flags="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DENTENTE_WARNINGS_AS_ERRORS=ON -DCMAKE_CXX_FLAGS="$flags" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
cmake --build build-asan -j "$(nproc)"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1
export ENTENTE_HOSTILE_MEMORY=unlimited ENTENTE_HOSTILE_SECONDS=60
# The coalitions oracle runs entente a thousand times, each start many times slower here: a
# sample of its cases (the normal build runs them all).
export ENTENTE_ORACLE_QUICK=1
ctest --test-dir build-asan --output-on-failure -j "$(nproc)" -E out-of-memory
