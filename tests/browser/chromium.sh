# shellcheck shell=bash disable=SC2034,SC2154
# Sourced by the browser tests (html_report.sh, html_deals.sh), with `here` set to this
# folder and the test's OUT_DIR (or nothing) as $1: sets `root`, `out` (made, and removed on
# exit when it is a temporary one), `browser` and `profile`, and defines skip, chrome and fail.
# Skips (exit 77) when there is no Chromium or python3, unless ENTENTE_REQUIRE_BROWSER=1.
root=$(cd "$here/../.." && pwd)
own_out=""
if [ -n "${1:-}" ]; then out=$1; else out=$(mktemp -d); own_out=$out; fi
mkdir -p "$out"

skip() {
  if [ "${ENTENTE_REQUIRE_BROWSER:-}" = 1 ]; then
    echo "FAILED (ENTENTE_REQUIRE_BROWSER=1): $1"
    exit 1
  fi
  echo "SKIPPED: $1"
  exit 77
}
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$browser" ] || skip "no Chromium on PATH: install the Debian package 'chromium' (.ci/run does)"
command -v python3 >/dev/null || skip "python3 is needed to read the screenshot (Debian package 'python3')"

profile=$(mktemp -d)
trap 'rm -rf "$profile" ${own_out:+"$own_out"}' EXIT
# No network, no first-run work, nothing kept: the test must give the same answer offline.
chrome() {
  "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --disable-extensions --disable-dev-shm-usage --hide-scrollbars \
    --user-data-dir="$profile" --enable-logging=stderr --v=0 "$@"
}
fail() {
  echo "FAIL: $*"
  exit 1
}
