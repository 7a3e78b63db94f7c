#!/usr/bin/env bash
# The engine as an installed library: `cmake --install` the build into a staging folder,
# then build tests/install/consumer against it twice, with find_package(entente CONFIG) and
# with pkg-config, and run both on the flagship example. Also checks what the install holds:
# the man page, the completions, the examples without any parse cache and with the schema
# their first lines name, the JSON Schemas of the JSON outputs, and no build-only flags
# (-Werror) in the exported targets.
# Usage: consumer_test.sh BUILD_DIR SOURCE_DIR
# ENTENTE_CONSUMER_CXXFLAGS and ENTENTE_CONSUMER_LDFLAGS: the build's own flags, which the
# consumer needs too when they instrument the library (-fsanitize=...).
set -euo pipefail
build=$1
source=$2
cxxflags=${ENTENTE_CONSUMER_CXXFLAGS:-}
ldflags=${ENTENTE_CONSUMER_LDFLAGS:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "consumer_test: $*" >&2; exit 1; }

stage="$work/stage"
cmake --install "$build" --prefix "$stage" > "$work/install.log" || {
  cat "$work/install.log" >&2
  fail "cmake --install failed"
}
for f in bin/entente bin/entente-generate share/man/man1/entente.1.gz share/man/man1/entente-generate.1.gz \
         share/bash-completion/completions/entente share/zsh/vendor-completions/_entente \
         share/entente/examples/russia-us-nato-2022/scenario.yaml share/doc/entente/copyright \
         share/entente/docs/schema/report.schema.json \
         include/entente/loader.h include/entente/reports/report.h; do
  [ -e "$stage/$f" ] || fail "the install has no $f"
done
[ -z "$(find "$stage" -name .entente-cache)" ] || fail "the install holds a .entente-cache folder"
# Each example names the schema of the position files by a path relative to itself.
while IFS= read -r -d '' example; do
  schema=$(sed -n '1s/^# yaml-language-server: \$schema=//p' "$example")
  [ -n "$schema" ] && [ -f "$(dirname "$example")/$schema" ] ||
    fail "$example: the schema its first line names ('$schema') is not installed there"
done < <(find "$stage/share/entente/examples" -name '*.yaml' -print0)
config=$(find "$stage" -name entente-config.cmake)
[ -n "$config" ] || fail "no entente-config.cmake"
! grep -rq -- '-Werror\|entente_warnings' "$(dirname "$config")" || fail "build-only flags leak into the exported targets"
pc=$(find "$stage" -name entente.pc)
[ -n "$pc" ] || fail "no entente.pc"

# An install into a folder the user may not write stops with CMake's error, and a later install
# there (by someone who may) is not tripped by what the failed one left. Root may write
# anything, so as root the failed install runs as nobody.
locked="$work/locked"
mkdir "$locked"
chmod 755 "$work" "$locked"
if [ "$(id -u)" -eq 0 ] && command -v setpriv > /dev/null; then
  as_nobody=(setpriv --reuid=nobody --regid=nogroup --clear-groups --)
  if "${as_nobody[@]}" cmake --install "$build" --prefix "$locked/usr" > "$work/locked.log" 2>&1; then
    fail "an install into a folder nobody may not write succeeded"
  fi
  grep -q 'CMake Error' "$work/locked.log" || fail "the failed install did not say so: $(cat "$work/locked.log")"
  cmake --install "$build" --prefix "$locked/usr" > /dev/null || fail "an install after a failed one failed"
  cmp -s "$stage/bin/entente" "$locked/usr/bin/entente" || fail "the install after a failed one differs"
fi

example="$stage/share/entente/examples/russia-us-nato-2022"
expected=$("$stage/bin/entente" report "$example" --format md --no-cache)

# 1. find_package
cmake -S "$source/tests/install/consumer" -B "$work/cmake-build" -G Ninja \
  -DCMAKE_PREFIX_PATH="$stage" -DCMAKE_CXX_FLAGS="$cxxflags" -DCMAKE_EXE_LINKER_FLAGS="$ldflags" \
  > "$work/configure.log" 2>&1 || {
  cat "$work/configure.log" >&2
  fail "find_package(entente CONFIG) failed"
}
cmake --build "$work/cmake-build" > "$work/build.log" 2>&1 || {
  cat "$work/build.log" >&2
  fail "the consumer does not build with find_package"
}
ENTENTE_NO_CACHE=1 "$work/cmake-build/consumer" "$example" > "$work/cmake.out"
head -n 1 "$work/cmake.out" | grep -q '^consumer: 28 positions' || fail "find_package consumer: $(head -n 1 "$work/cmake.out")"
[ "$(tail -n +2 "$work/cmake.out")" = "$expected" ] || fail "find_package consumer: its Markdown report differs from entente's"

# 2. pkg-config
export PKG_CONFIG_PATH
PKG_CONFIG_PATH=$(dirname "$pc")
flags=$(pkg-config --cflags --libs entente) || fail "pkg-config does not know entente"
# shellcheck disable=SC2086 # the flags are words
c++ $cxxflags -o "$work/pc-consumer" "$source/tests/install/consumer/main.cpp" $flags $ldflags 2> "$work/pc.log" || {
  cat "$work/pc.log" >&2
  fail "the consumer does not build with pkg-config ($flags)"
}
ENTENTE_NO_CACHE=1 "$work/pc-consumer" "$example" > "$work/pc.out"
cmp -s "$work/cmake.out" "$work/pc.out" || fail "the pkg-config consumer prints something else"
echo "consumer_test: ok ($(head -n 1 "$work/cmake.out"))"
