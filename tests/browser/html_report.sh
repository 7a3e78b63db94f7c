#!/usr/bin/env bash
# The HTML report in a real browser: headless Chromium opens the flagship report from a file://
# URL, logs no console message (the page runs no script, and its Content-Security-Policy would
# log any load it refused), draws a page that is not blank, and shows the hostile scenario's
# markup as text, with no <script> element in its DOM. The HTML diff of the flagship's two
# versions loads the same way, with its sections and no console message. So does the blocs
# page of a seven-party scenario (a screenshot that is not blank), and a hostile one's names
# show as text.
#
#   tests/browser/html_report.sh ENTENTE [OUT_DIR]
#
# OUT_DIR keeps the reports and the screenshot for a person to look at (default: a temporary
# folder). Exits 77, which CTest counts as skipped, with the reason when there is no Chromium;
# with ENTENTE_REQUIRE_BROWSER=1 (set by .ci/run, since CI must have one) that is a failure.
set -euo pipefail
entente=$1
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tests/browser/chromium.sh
. "$here/chromium.sh" "${2:-}"

"$entente" report "$root/positions/russia-us-nato-2022" --format html -o "$out/flagship.html"
"$entente" report "$here/hostile.yaml" --format html -o "$out/hostile.html"
"$entente" diff "$root/positions/russia-us-nato-2022-02-03" "$root/positions/russia-us-nato-2022" \
  --format html -o "$out/diff.html"

# screenshot NAME HEIGHT WHAT: $out/NAME.png of $out/NAME.html, with no console message and
# not blank.
screenshot() {
  chrome --screenshot="$out/$1.png" --window-size=1280,"$2" "file://$out/$1.html" \
    >"$out/$1-screenshot.log" 2>&1 ||
    fail "Chromium could not take a screenshot of $3: $(tail -5 "$out/$1-screenshot.log")"
  if grep -E 'CONSOLE|Uncaught|Refused to' "$out/$1-screenshot.log"; then
    fail "$3 logged console messages (above)"
  fi
  read -r colours ink < <(python3 "$here/png_stats.py" "$out/$1.png")
  echo "screenshot $out/$1.png: $colours colours, $ink% of pixels not white"
  [ "$colours" -ge 64 ] && [ "$ink" -ge 20 ] || fail "the screenshot of $3 looks blank"
}
screenshot flagship 2000 "the flagship report"

chrome --dump-dom "file://$out/flagship.html" >"$out/flagship.dom" 2>"$out/flagship-dom.log" ||
  fail "Chromium could not load the flagship report"
for section in summary matrix sticking-points common-ground bargaining-space packages graph; do
  grep -q "<section id=\"$section\">" "$out/flagship.dom" || fail "no '$section' section in the DOM"
done
if ! grep -q '<svg' "$out/flagship.dom"; then
  # Without Graphviz the page has a note instead of the picture; with it, a picture is due.
  if command -v dot >/dev/null; then fail "Graphviz is installed but the report has no picture"; fi
  echo "note: no graph picture (Graphviz's dot is not installed)"
fi

chrome --dump-dom "file://$out/hostile.html" >"$out/hostile.dom" 2>"$out/hostile-dom.log" ||
  fail "Chromium could not load the hostile report"
if grep -qi '<script' "$out/hostile.dom"; then fail "the hostile report has a <script> element"; fi
if grep -Eqi '<(iframe|img)[ >]|<a [^<>]*href="javascript:' "$out/hostile.dom"; then
  fail "the hostile report has live markup"
fi
grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' "$out/hostile.dom" ||
  fail "the hostile position's text is not shown as text"
if grep -E 'CONSOLE|Uncaught|Refused to' "$out/hostile-dom.log"; then
  fail "the hostile report logged console messages (above)"
fi
chrome --dump-dom "file://$out/diff.html" >"$out/diff.dom" 2>"$out/diff-dom.log" ||
  fail "Chromium could not load the HTML diff"
for section in summary stances statuses sticking-created deadlocks-created issues; do
  grep -q "<section id=\"$section\">" "$out/diff.dom" || fail "no '$section' section in the diff's DOM"
done
if grep -E 'CONSOLE|Uncaught|Refused to' "$out/diff-dom.log"; then
  fail "the HTML diff logged console messages (above)"
fi
# The blocs page (entente blocs --format html): seven parties' heat map and dendrogram draw a
# page that is not blank, with no console message; markup in the title and the parties' names
# shows as text.
cases="$root/tests/golden/cases"
"$entente" blocs "$cases/blocs-coalition-html/input/coalition.yaml" --format html \
  -o "$out/blocs.html"
"$entente" blocs "$cases/blocs-hostile-html/input/hostile.yaml" --format html --threshold 0.2 \
  -o "$out/blocs-hostile.html"
screenshot blocs 1900 "the blocs page"
chrome --dump-dom "file://$out/blocs.html" >"$out/blocs.dom" 2>"$out/blocs-dom.log" ||
  fail "Chromium could not load the blocs page"
for section in alignment blocs dendrogram merges; do
  grep -q "<section id=\"$section\">" "$out/blocs.dom" || fail "no '$section' section in the blocs page's DOM"
done
grep -q '<svg' "$out/blocs.dom" || fail "the blocs page has no dendrogram picture"
chrome --dump-dom "file://$out/blocs-hostile.html" >"$out/blocs-hostile.dom" \
  2>"$out/blocs-hostile-dom.log" || fail "Chromium could not load the hostile blocs page"
if grep -qi '<script' "$out/blocs-hostile.dom"; then fail "the hostile blocs page has a <script> element"; fi
if grep -Eqi '<(iframe|img)[ >]' "$out/blocs-hostile.dom"; then
  fail "the hostile blocs page has live markup"
fi
grep -q "&lt;script&gt;alert('party')&lt;/script&gt;Mallory" "$out/blocs-hostile.dom" ||
  fail "the hostile party's name is not shown as text"
if grep -E 'CONSOLE|Uncaught|Refused to' "$out/blocs-hostile-dom.log"; then
  fail "the hostile blocs page logged console messages (above)"
fi
# The coalitions page (entente coalitions --format html): the ranked table of the made-up
# council's minimal winning coalitions, with no console message.
"$entente" coalitions "$root/positions/city-council" --quota 23 --format html \
  -o "$out/coalitions.html"
screenshot coalitions 900 "the coalitions page"
chrome --dump-dom "file://$out/coalitions.html" >"$out/coalitions.dom" \
  2>"$out/coalitions-dom.log" || fail "Chromium could not load the coalitions page"
grep -q '<section id="coalitions">' "$out/coalitions.dom" || fail "no coalitions section"
[ "$(grep -o '<tr><td>' "$out/coalitions.dom" | wc -l)" -eq 10 ] ||
  fail "the coalitions page does not show the first 10 of the 12 coalitions"
if grep -E 'CONSOLE|Uncaught|Refused to' "$out/coalitions-dom.log"; then
  fail "the coalitions page logged console messages (above)"
fi
echo "PASS: the HTML reports, the blocs page and the coalitions page load in $("$browser" --version 2>/dev/null | head -1)"
