#!/usr/bin/env python3
"""Fails when Python's csv module cannot read a CSV file that Entente writes.

Usage: csv_readable.py REPO_ROOT

Reads every CSV output of the golden tests (tests/golden/cases/*/expected.csv) and every
sheet of `entente export csv` kept there (tests/golden/cases/*/input/export/*.csv), and
checks what docs/csv.md promises: UTF-8 without a byte order mark; records ended by CRLF;
read by csv.reader in strict mode; every row as long as the header; no cell that a
spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return).
Exit status 0 when all is well, 1 with one line per problem, 2 on a usage error.
Python's standard library only.
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def bare_line_feeds(text: str) -> int:
    """Line feeds outside quoted fields that do not follow a carriage return."""
    quoted = False
    count = 0
    for i, c in enumerate(text):
        if c == '"':
            quoted = not quoted  # a doubled quote toggles twice
        elif c == "\n" and not quoted and (i == 0 or text[i - 1] != "\r"):
            count += 1
    return count


def check(path: Path, root: Path) -> list[str]:
    name = path.relative_to(root)
    data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        return [f"{name}: starts with a byte order mark"]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        return [f"{name}: not UTF-8: {e}"]
    problems = []
    if not text.endswith("\r\n"):
        problems.append(f"{name}: the last record does not end in CRLF")
    if bare_line_feeds(text):
        problems.append(f"{name}: {bare_line_feeds(text)} record(s) end in LF, not CRLF")
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as e:
        return problems + [f"{name}: csv.reader: {e}"]
    if not rows:
        return problems + [f"{name}: no header row"]
    width = len(rows[0])
    for number, row in enumerate(rows, start=1):
        if len(row) != width:
            problems.append(f"{name}: row {number} has {len(row)} fields, the header {width}")
        for field, cell in enumerate(row, start=1):
            if cell.startswith(FORMULA_STARTS):
                problems.append(f"{name}: row {number}, field {field} reads as a formula: {cell!r}")
    return problems


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: csv_readable.py REPO_ROOT", file=sys.stderr)
        return 2
    root = Path(argv[1]).resolve()
    cases = root / "tests" / "golden" / "cases"
    files = sorted(cases.glob("*/expected.csv")) + sorted(cases.glob("*/input/export/*.csv"))
    if not files:
        print(f"csv_readable: no CSV file under {cases}", file=sys.stderr)
        return 1
    problems = [line for path in files for line in check(path, root)]
    for line in problems:
        print(f"csv_readable: {line}", file=sys.stderr)
    if problems:
        return 1
    print(f"csv_readable: Python's csv module reads all {len(files)} files, every row as wide "
          "as its header")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
