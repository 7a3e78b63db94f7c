#!/usr/bin/env bash
# Builds the libFuzzer target with clang, ASan and UBSan in build-fuzz/ and runs it for
# SECONDS (default 60), seeded with the hostile corpus and every shipped or golden input.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
ENTENTE_EXTRA_PACKAGES="clang libclang-rt-14-dev" tools/build.sh --deps-only
# tests/fuzz/ubsan-ignorelist.txt: one UBSan check left off in a third-party header, and why.
flags="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
flags+=" -fsanitize-ignorelist=$PWD/tests/fuzz/ubsan-ignorelist.txt"
cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DENTENTE_BUILD_TESTS=OFF -DENTENTE_BUILD_FUZZERS=ON -DCMAKE_CXX_FLAGS="$flags" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
cmake --build build-fuzz -j "$(nproc)" --target entente_load_fuzzer
mkdir -p build-fuzz/corpus build-fuzz/seeds
find tests/hostile/corpus positions tests/golden/cases -type f -size -64k \( -name '*.yaml' \
  -o -name '*.yml' -o \( -name '*.json' \( -path '*corpus*' -o -path '*/input/*' \) \) \) |
  while read -r f; do cp "$f" "build-fuzz/seeds/$(printf '%s' "$f" | tr / _)"; done
cd build-fuzz
./tests/fuzz/entente_load_fuzzer -max_total_time="$seconds" -timeout=5 -rss_limit_mb=1024 \
  -max_len=65536 -print_final_stats=1 corpus seeds
