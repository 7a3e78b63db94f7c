#!/usr/bin/env bash
# Builds everything (tests and benchmarks included) in Release with each supported compiler,
# GCC 12 and Clang 14, as a user would: no flags but the build type. CI runs it, so that a
# plain Release build cannot break again. The GCC build is configured for /usr in
# build-package/, where tools/package.sh then finds it built.
#
#   tools/compilers.sh [BUILD_TYPE]     default Release; Debug, RelWithDebInfo, MinSizeRel too
set -euo pipefail
cd "$(dirname "$0")/.."
type=${1:-Release}
case $type in
  Debug | Release | RelWithDebInfo | MinSizeRel) ;;
  *) echo "compilers.sh: unknown build type '$type'" >&2; exit 2 ;;
esac
ENTENTE_EXTRA_PACKAGES="clang" tools/build.sh --deps-only
lower=$(tr '[:upper:]' '[:lower:]' <<< "$type")
for compiler in gcc clang; do
  case $compiler in
    gcc) cc=gcc cxx=g++ dir=build-gcc-$lower ;;
    clang) cc=clang cxx=clang++ dir=build-clang-$lower ;;
  esac
  [ "$compiler$type" = gccRelease ] && dir=build-package
  echo "compilers.sh: $type with $($cxx --version | head -n 1) in $dir/" >&2
  CC=$cc CXX=$cxx cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$type" \
    -DCMAKE_INSTALL_PREFIX=/usr > /dev/null
  cmake --build "$dir" -j "$(nproc)"
done
echo "compilers.sh: ok: $type builds with GCC and Clang" >&2
