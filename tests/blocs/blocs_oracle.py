#!/usr/bin/env python3
"""An independent oracle for `entente blocs` (docs/format.md 6.3).

It reads each position's holder and effective stances from `entente report --format json`
(the analysis it trusts), and derives alignment and blocs its own way: per position, every
pair of answering parties, scored with exact fractions; then average-linkage clustering with
the format's rounding and tie rules, written from the text of 6.3. The JSON of `entente
blocs` must match it exactly (floats compared for equality).

Usage: blocs_oracle.py ENTENTE ENTENTE_GENERATE SOURCE_DIR
"""
import itertools
import json
import math
import subprocess
import sys
import tempfile
from fractions import Fraction
from pathlib import Path


def run_json(*args):
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def oracle(report, threshold):
    parties = sorted(report["scenario"]["parties"])
    score_sum = {}
    shared = {}
    for position in report["positions"]:
        answers = {position["party"]: "agree"}
        for party, stance in position["stances"].items():
            if stance != "silent":
                answers[party] = stance
        for p, q in itertools.combinations(sorted(answers), 2):
            a, b = answers[p], answers[q]
            if a == b:
                s = Fraction(1)
            elif (a == "consider") != (b == "consider"):
                s = Fraction(1, 2)
            else:
                s = Fraction(0)
            score_sum[(p, q)] = score_sum.get((p, q), 0) + s
            shared[(p, q)] = shared.get((p, q), 0) + 1

    def align(p, q):
        key = (min(p, q), max(p, q))
        if p == q or key not in shared:
            return None
        return float(score_sum[key] / shared[key])

    def r9(x):
        return math.floor(x * 1e9 + 0.5)

    clusters = [([p], [p]) for p in parties]  # (sorted members, joined order)
    merges = []
    while True:
        best = None
        for i, j in itertools.combinations(range(len(clusters)), 2):
            a, b = clusters[i][0], clusters[j][0]
            values = [align(p, q) for p in a for q in b]
            values = [v for v in values if v is not None]
            if not values:
                continue
            total = 0.0
            for v in values:
                total += v
            linkage = total / len(values)
            if r9(linkage) < r9(threshold):
                continue
            firsts = sorted([a[0], b[0]])
            key = (-r9(linkage), firsts[0], firsts[1])
            if best is None or key < best[0]:
                best = (key, i, j, linkage)
        if best is None:
            break
        _, i, j, linkage = best
        (a, ja), (b, jb) = clusters[i], clusters[j]
        if b[0] < a[0]:
            (a, ja), (b, jb) = (b, jb), (a, ja)
        merges.append({"a": a, "b": b, "linkage": linkage})
        merged = (sorted(a + b), ja + jb)
        clusters = [c for k, c in enumerate(clusters) if k not in (i, j)] + [merged]
        clusters.sort(key=lambda c: c[0][0])
    return {
        "parties": parties,
        "threshold": threshold,
        "alignment": [[align(p, q) for q in parties] for p in parties],
        "shared": [[0 if p == q else shared.get((min(p, q), max(p, q)), 0) for q in parties]
                   for p in parties],
        "merges": merges,
        "blocs": [c[0] for c in clusters],
        "order": [p for c in clusters for p in c[1]],
    }


def check(entente, scenario, threshold):
    report = run_json(entente, "report", str(scenario), "--format", "json")
    got = run_json(entente, "blocs", str(scenario), "--format", "json",
                   "--threshold", repr(threshold))
    expected = {"format": 1, "blocs": oracle(report, threshold)}
    if got != expected:
        print(f"MISMATCH on {scenario} at threshold {threshold}")
        for key in expected["blocs"]:
            if got["blocs"].get(key) != expected["blocs"][key]:
                print(f"  {key}:\n    entente {got['blocs'].get(key)}\n    oracle  {expected['blocs'][key]}")
        return False
    return True


def main():
    entente, generate, source = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    ok = True
    cases = 0
    for scenario in [source / "positions" / name for name in
                     ("russia-us-nato-2022", "russia-us-nato-2022-02-03", "lease-renewal")]:
        for threshold in (0.0, 0.25, 0.5, 1.0):
            ok &= check(entente, scenario, threshold)
            cases += 1
    with tempfile.TemporaryDirectory() as tmp:
        # Dense answers (every position to every party) give ties; sparse ones, undefined
        # alignments; conditions, answers that the fixpoint turns into agree.
        shapes = [
            ["--parties", "6", "--issues", "4", "--positions-per-party", "5", "--audience", "0"],
            ["--parties", "9", "--issues", "20", "--positions-per-party", "8", "--audience", "2"],
            ["--parties", "12", "--issues", "30", "--positions-per-party", "10",
             "--answer-rate", "0.9", "--conditional", "0.4"],
            ["--parties", "5", "--issues", "3", "--positions-per-party", "2", "--audience", "0",
             "--answer-rate", "1"],
            # One answer per position: alignments of 0, 0.5 and 1, many of them equal.
            ["--parties", "10", "--issues", "2", "--positions-per-party", "1", "--audience", "1",
             "--answer-rate", "1", "--conditional", "0"],
        ]
        for n, shape in enumerate(shapes):
            for seed in (1, 2, 3):
                folder = Path(tmp) / f"s{n}-{seed}"
                subprocess.run([generate, *shape, "--seed", str(seed), "-o", str(folder)],
                               check=True, capture_output=True)
                for threshold in (0.0, 0.3, 0.5, 0.75):
                    ok &= check(entente, folder, threshold)
                    cases += 1
    print(f"blocs oracle: {cases} cases, {'all match' if ok else 'MISMATCHES'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
