#!/usr/bin/env bash
# Builds everything with AddressSanitizer and UndefinedBehaviorSanitizer in build-asan/ and
# runs the whole test suite there. Memory limits are off (ASan reserves terabytes of
# address space) and time limits are longer; the out-of-memory tests need a real
# allocator, so they are left to the normal build.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/build.sh --deps-only
flags="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS="$flags" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
cmake --build build-asan -j "$(nproc)"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1
export ENTENTE_HOSTILE_MEMORY=unlimited ENTENTE_HOSTILE_SECONDS=60
ctest --test-dir build-asan --output-on-failure -j "$(nproc)" -E out-of-memory
