#!/usr/bin/env bash
# The parse cache through the CLI: a rerun, corrupted entries, an edit, --no-cache and
# concurrent runs all give the bytes a run without the cache gives.
# Usage: cache_cli.sh ENTENTE SCENARIO_FOLDER
set -euo pipefail
entente=$1
source=$2
unset ENTENTE_NO_CACHE
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$source" "$work/s"
cache="$work/s/.entente-cache"
rm -rf "$cache"  # a run of entente on the original leaves one there
fail() { echo "cache_cli: $*" >&2; exit 1; }
report() { "$entente" report "$work/s" --format json "$@"; }

report --no-cache > "$work/expected.json"
[ ! -e "$cache" ] || fail "--no-cache wrote $cache"
ENTENTE_NO_CACHE=1 report > /dev/null
[ ! -e "$cache" ] || fail "ENTENTE_NO_CACHE=1 did not keep the cache off"

report > "$work/cold.json"
cmp "$work/expected.json" "$work/cold.json" || fail "the cold run differs from --no-cache"
[ -f "$cache/.gitignore" ] && [ -f "$cache/CACHEDIR.TAG" ] || fail "no .gitignore or CACHEDIR.TAG in $cache"
entries=$(find "$cache" -type f ! -name .gitignore ! -name CACHEDIR.TAG | wc -l)
[ "$entries" -eq 4 ] || fail "expected 4 entries (scenario + 3 parties), found $entries"

report > "$work/warm.json"
cmp "$work/expected.json" "$work/warm.json" || fail "the rerun differs"

# Corrupt every entry three ways: truncated, garbage, emptied.
i=0
while IFS= read -r -d '' f; do
  case $((i++ % 3)) in
    0) head -c 100 "$f" > "$f.x" && mv "$f.x" "$f" ;;
    1) printf 'garbage' > "$f" ;;
    2) : > "$f" ;;
  esac
done < <(find "$cache" -type f ! -name .gitignore ! -name CACHEDIR.TAG -print0)
[ "$i" -eq 4 ] || fail "corrupted $i entries, not 4"
report > "$work/corrupt.json"
cmp "$work/expected.json" "$work/corrupt.json" || fail "corrupted entries changed the report"

# An edit: the report follows it, with and without the cache.
sed -i 's/stance: reject/stance: consider/' "$work/s/usa.yaml"
report --no-cache > "$work/edited-expected.json"
cmp -s "$work/expected.json" "$work/edited-expected.json" && fail "the edit changed nothing"
report > "$work/edited.json"
cmp "$work/edited-expected.json" "$work/edited.json" || fail "the cache hid an edit"

# Concurrent runs against a cold cache all give the same bytes and leave no temporary files.
rm -rf "$cache"
pids=()
for n in 1 2 3 4; do report > "$work/concurrent-$n.json" & pids+=($!); done
for pid in "${pids[@]}"; do wait "$pid" || fail "a concurrent run failed"; done
for n in 1 2 3 4; do
  cmp "$work/edited-expected.json" "$work/concurrent-$n.json" || fail "concurrent run $n differs"
done
leftovers=$(find "$cache" -name '*.tmp*' | wc -l)
[ "$leftovers" -eq 0 ] || fail "$leftovers temporary files left in $cache"

# A cache folder that cannot be written is not an error (the cache goes to the user's folder).
rm -rf "$cache"
printf 'not a folder' > "$cache"
XDG_CACHE_HOME="$work/xdg-blocked" report > "$work/blocked.json"
cmp "$work/edited-expected.json" "$work/blocked.json" || fail "an unwritable cache changed the report"
[ "$(cat "$cache")" = "not a folder" ] || fail "the file in the cache's place was overwritten"

# A scenario folder the user may not write (installed examples, someone else's folder): never
# a cache beside it; the user's cache folder, $XDG_CACHE_HOME/entente, instead; nowhere
# without XDG_CACHE_HOME and HOME. Root may write anything, so as root this runs as nobody.
ro="$work/ro"
cp -r "$source" "$ro"
rm -rf "$ro/.entente-cache"
xdg="$work/xdg"
mkdir "$xdg"
as_user=()
if [ "$(id -u)" -eq 0 ]; then
  command -v setpriv > /dev/null || fail "setpriv (util-linux) is needed to run as nobody"
  chmod 755 "$work"
  chmod -R a+rX "$ro"
  chown nobody "$xdg"
  as_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups --)
  # A copy nobody can reach: the build may sit under a folder only root may enter (a clone
  # in a `mktemp -d` folder, as the README's check does).
  cp "$entente" "$work/entente"
  chmod 755 "$work/entente"
  entente="$work/entente"
fi
chmod a-w "$ro"
ro_report() { "${as_user[@]}" "$entente" report "$ro" --format json "$@"; }
ro_report --no-cache > "$work/ro-expected.json"
XDG_CACHE_HOME=$xdg ro_report > "$work/ro-cold.json"
cmp "$work/ro-expected.json" "$work/ro-cold.json" || fail "the user's cache changed the report"
[ ! -e "$ro/.entente-cache" ] || fail "a cache was written beside a scenario the user cannot write"
entries=$(find "$xdg/entente" -type f ! -name .gitignore ! -name CACHEDIR.TAG | wc -l)
[ "$entries" -eq 4 ] || fail "expected 4 entries in $xdg/entente, found $entries"
XDG_CACHE_HOME=$xdg ro_report > "$work/ro-warm.json"
cmp "$work/ro-expected.json" "$work/ro-warm.json" || fail "the rerun from the user's cache differs"
rm -rf "${xdg:?}/entente"
env -u XDG_CACHE_HOME -u HOME "${as_user[@]}" "$entente" report "$ro" --format json > "$work/ro-none.json"
cmp "$work/ro-expected.json" "$work/ro-none.json" || fail "the report without any cache differs"
[ ! -e "$xdg/entente" ] && [ ! -e "$ro/.entente-cache" ] || fail "a cache was written without XDG_CACHE_HOME or HOME"
chmod u+w "$ro"
echo "cache_cli: ok"
