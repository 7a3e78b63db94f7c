#!/usr/bin/env bash
# Installs the Debian 12 packages Entente needs (only those missing), then configures and
# builds it in ./build. Extra arguments go to the CMake configure step, e.g.
#   tools/build.sh -DCMAKE_BUILD_TYPE=Debug
# `tools/build.sh --deps-only` only installs; ENTENTE_EXTRA_PACKAGES names more packages
# (the sanitizer and fuzzer scripts ask for clang this way).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(g++ cmake ninja-build pkgconf libyaml-cpp-dev libboost-graph-dev libfmt-dev
          libexpected-dev libcli11-dev nlohmann-json3-dev rapidjson-dev libgtest-dev libz3-dev
          libutf8proc-dev libbenchmark-dev time graphviz fonts-dejavu-core
          mandoc man-db groff-base bash-completion zsh python3 ${ENTENTE_EXTRA_PACKAGES:-})
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "build.sh: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

[ "${1:-}" = "--deps-only" ] && exit 0
cmake -S . -B build -G Ninja "$@" >/dev/null
cmake --build build -j "$(nproc)"
