#!/usr/bin/env bash
# Makes the Debian packages (entente, libentente-dev) and checks them as a user would get
# them: lintian reports no error, and both install with apt-get into a clean Debian 12 root
# made by debootstrap, where `entente report` prints the flagship report from the installed
# examples, writes no parse cache under /usr, and `man entente` opens.
#
#   tools/package.sh            build in build-package/, package, check; the .deb files stay
#                               in build-package/
#   tools/package.sh --no-root  the same without the clean root (no debootstrap, no network)
#
# Needs root (debootstrap, chroot) and these tools: cmake, cpack, ninja, dpkg-deb,
# dpkg-shlibdeps (dpkg-dev), lintian, debootstrap. It installs nothing itself:
# `ENTENTE_EXTRA_PACKAGES="lintian debootstrap dpkg-dev" tools/build.sh --deps-only` does
# (.ci/run does that). ENTENTE_DEBIAN_MIRROR sets the mirror (default deb.debian.org).
set -euo pipefail
cd "$(dirname "$0")/.."

with_root=1
case "${1:-}" in
  "") ;;
  --no-root) with_root=0 ;;
  *) echo "package.sh: unknown argument '$1' (--no-root or nothing)" >&2; exit 2 ;;
esac

needed=(cmake cpack ninja dpkg-deb dpkg-shlibdeps lintian gzip)
((with_root)) && needed+=(debootstrap chroot mount umount)
missing=()
for tool in "${needed[@]}"; do command -v "$tool" > /dev/null || missing+=("$tool"); done
if ((${#missing[@]})); then
  echo "package.sh: missing tools: ${missing[*]}" >&2
  echo "package.sh: install them with: ENTENTE_EXTRA_PACKAGES=\"lintian debootstrap dpkg-dev\" tools/build.sh --deps-only" >&2
  exit 1
fi
if ((with_root)) && [ "$(id -u)" -ne 0 ]; then
  echo "package.sh: the clean-root check needs root (debootstrap, chroot); --no-root skips it" >&2
  exit 1
fi

build=build-package
echo "package.sh: building Release in $build/" >&2
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
  -DENTENTE_BUILD_TESTS=OFF -DENTENTE_BENCHMARKS=OFF > /dev/null
cmake --build "$build" -j "$(nproc)"
rm -f "$build"/*.deb
(cd "$build" && cpack -G DEB > /dev/null)
debs=("$build"/entente_*.deb "$build"/libentente-dev_*.deb)
for deb in "${debs[@]}"; do
  [ -f "$deb" ] || { echo "package.sh: cpack made no $deb" >&2; exit 1; }
  echo "package.sh: $deb" >&2
  dpkg-deb --info "$deb" | sed -n 's/^ \(Package\|Version\|Depends\|Architecture\):/  \1:/p' >&2
done
if dpkg-deb --contents "${debs[0]}" | grep -q '\.entente-cache'; then
  echo "package.sh: the package holds a .entente-cache folder" >&2
  exit 1
fi

echo "package.sh: lintian" >&2
lintian --fail-on error --info "${debs[@]}" >&2 || {
  echo "package.sh: lintian reports errors (above)" >&2
  exit 1
}

((with_root)) || { echo "package.sh: ok (no clean root)" >&2; exit 0; }

root=$(mktemp -d /var/tmp/entente-root.XXXXXX)
chmod 755 "$root"  # a root file system: apt's and man's own users must see into it
cleanup() {
  umount "$root/proc" 2> /dev/null || true
  rm -rf "$root"
}
trap cleanup EXIT
mirror=${ENTENTE_DEBIAN_MIRROR:-http://deb.debian.org/debian}
echo "package.sh: debootstrap bookworm (minbase) into $root from $mirror" >&2
debootstrap --variant=minbase bookworm "$root" "$mirror" > "$root.log" 2>&1 || {
  tail -n 20 "$root.log" >&2
  echo "package.sh: debootstrap failed (log above)" >&2
  exit 1
}
rm -f "$root.log"
mount -t proc proc "$root/proc"
cp "${debs[@]}" "$root/tmp/"
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root TERM=dumb "$@"; }
in_root apt-get update -qq
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  man-db "${debs[@]/#$build\//\/tmp\/}" > /dev/null

fail() { echo "package.sh: in the clean root: $*" >&2; exit 1; }
in_root entente --version
out=$(in_root entente report /usr/share/entente/examples/russia-us-nato-2022) ||
  fail "entente report failed"
head -n 1 <<< "$out" | grep -q '^Security guarantees, Russia / USA / NATO' ||
  fail "the report does not open with the flagship's title: $(head -n 1 <<< "$out")"
[ -z "$(find "$root/usr" -name .entente-cache)" ] || fail "a parse cache was written under /usr"
[ -d "$root/root/.cache/entente" ] || fail "no parse cache in the user's folder (~/.cache/entente)"
page=$(in_root env MANPAGER=cat MANWIDTH=80 man entente 2>&1) || fail "man entente failed: $page"
grep -q 'entente report' <<< "$page" || fail "man entente does not show the page"
[ -f "$root/usr/share/bash-completion/completions/entente" ] || fail "no bash completion"
[ -f "$root/usr/share/zsh/vendor-completions/_entente" ] || fail "no zsh completion"
echo "package.sh: ok: lintian clean; installed in a clean Debian 12 root; report, cache and man page checked" >&2
