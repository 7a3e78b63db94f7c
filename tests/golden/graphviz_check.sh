#!/bin/sh
# Graphviz must draw a golden DOT report (`dot -Tsvg`) without an error or a warning.
# A missing `dot` fails the test rather than skipping it: a skipped check proves nothing, and
# tools/build.sh installs Debian's graphviz.
set -u
if ! command -v dot >/dev/null 2>&1; then
  echo "graphviz check: 'dot' not found: install Debian's graphviz (tools/build.sh does)" >&2
  exit 1
fi
messages=$(dot -Tsvg "$1" 2>&1 >/dev/null)
status=$?
if [ -n "$messages" ]; then
  printf '%s\n' "$messages" >&2
fi
[ "$status" -eq 0 ] && [ -z "$messages" ]
