#!/usr/bin/env python3
"""An independent oracle for `entente report --parties` and `entente coalitions`
(docs/format.md 6.2 and 6.4).

Part A, the focus (6.2), by an equivalent scenario. For generated single-file scenarios and
several sets of named parties, it writes with PyYAML a scenario that needs no focus but must
give the same statuses, following the text of 6.2: every party stays in `parties:` (one left
out still holds positions); every position gets an explicit `to:`, its audience (its `to:`,
or every other party) within the named parties; a position whose narrowed audience is empty
goes, with the stances on it, and the `via` of stances that name it; a condition that names
it is pointed at a position that can never be agreed (two dummy parties, `zzz-a` holding
`never` addressed to `zzz-b`, who rejects it); the stances of the parties left out go. Then
`entente report ORIGINAL --parties ...` and `entente report EQUIVALENT` must agree on every
position (status, deadlock, audience, stances, answers, package membership) and on every
list of refs (the dummies filtered out), and the focused party list must be the named ones.

Part B, coalitions (6.4), by brute force. To generated scenarios it adds weights (integers,
decimals, exponents), enumerates every subset with exact fractions (every K-subset for
`--size K`; every minimal winning one for `--quota W`), applies `--without` then `--with`,
takes each candidate's figures from `entente report --parties MEMBERS` and its cohesion from
the alignment matrix of `entente blocs`, ranks them by the rule of 6.4, and compares with
`entente coalitions --format json` exactly (`coalitions` and `candidates`; an integral
weight must be a JSON integer). It also checks `--top` and the usage errors and exit codes.

Usage: coalitions_oracle.py ENTENTE ENTENTE_GENERATE SOURCE_DIR
"""
import copy
import itertools
import json
import math
import os
import random
import re
import subprocess
import sys
import tempfile
from fractions import Fraction
from pathlib import Path

import yaml

ENV = dict(os.environ, ENTENTE_NO_CACHE="1")
NEVER = "zzz-a/never"
DUMMY_ISSUE = "zzz-never"


def run(*args):
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, env=ENV)


def run_json(*args):
    proc = run(*args)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, args))}: exit {proc.returncode}\n{proc.stderr}")
    return json.loads(proc.stdout)


def generate(gen, path, shape, seed):
    subprocess.run([gen, *shape, "--seed", str(seed), "--single-file", "-o", str(path)],
                   check=True, capture_output=True)


class NoAliasDumper(yaml.SafeDumper):
    def ignore_aliases(self, data):
        return True


def is_dummy(ref):
    return ref.startswith("zzz-")


# ---------------------------------------------------------------------------------------
# Part A: --parties by an equivalent scenario.

def audience(doc):
    """{ref: audience list} of every position, as written (`to:` or every other party)."""
    ids = [p["id"] for p in doc["parties"]]
    out = {}
    for party in doc["parties"]:
        for pos in party.get("positions") or []:
            aud = pos.get("to") or [q for q in ids if q != party["id"]]
            out[f"{party['id']}/{pos['id']}"] = list(aud)
    return out


def equivalent(doc, named):
    """The scenario without a focus that 6.2 says `--parties named` reads as; and the refs
    of the positions it leaves out."""
    named = set(named)
    eq = copy.deepcopy(doc)
    aud = audience(doc)
    removed = {ref for ref, a in aud.items() if not any(q in named for q in a)}
    for issue in eq["issues"]:
        if issue.get("status_quo") in removed:  # 7.4: the issue is left without one
            del issue["status_quo"]             # (and stays `exclusive`)
    for party in eq["parties"]:
        pid = party["id"]
        if "positions" in party:
            kept = []
            for pos in party["positions"] or []:
                ref = f"{pid}/{pos['id']}"
                if ref in removed:
                    continue
                pos["to"] = [q for q in aud[ref] if q in named]
                kept.append(pos)
            party["positions"] = kept
        if "stances" in party:
            stances = []
            if pid in named:
                for st in party["stances"] or []:
                    if st["position"] in removed:
                        continue
                    if "via" in st and f"{pid}/{st['via']}" in removed:
                        del st["via"]
                    if "agree_if" in st:
                        refs = []
                        for r in st["agree_if"]:
                            r = NEVER if r in removed else r
                            if r not in refs:
                                refs.append(r)
                        st["agree_if"] = refs
                    stances.append(st)
            party["stances"] = stances
    eq["issues"].append({"id": DUMMY_ISSUE, "title": "Never agreed"})
    eq["parties"].append({"id": "zzz-a", "name": "Dummy A", "positions": [
        {"id": "never", "issue": DUMMY_ISSUE, "kind": "demand",
         "text": "A position that is never agreed.", "to": ["zzz-b"]}]})
    eq["parties"].append({"id": "zzz-b", "name": "Dummy B", "stances": [
        {"position": NEVER, "stance": "reject"}]})
    return eq, removed


def comparable(report, removed):
    """The parts of a report that the focus and its equivalent must share."""
    positions = {}
    for p in report["positions"]:
        if is_dummy(p["ref"]):
            continue
        answers = []
        for a in p["answers"]:
            refs = []
            for r in a["agree_if"]:  # as written: the focus keeps a left-out ref
                r = NEVER if r in removed else r
                if r not in refs:
                    refs.append(r)
            answers.append({"party": a["party"], "stance": a["stance"], "via": a["via"],
                            "agree_if": refs, "conditional": a["conditional"],
                            "condition_met": a["condition_met"]})
        positions[p["ref"]] = {k: p[k] for k in ("party", "issue", "kind", "priority",
                                                 "red_line", "status", "deadlock",
                                                 "stances", "to", "in_package")}
        positions[p["ref"]]["answers"] = answers
    out = {"positions": positions, "refs": [p["ref"] for p in report["positions"]
                                            if not is_dummy(p["ref"])]}
    for key, value in report.items():
        if key in ("format", "schema_version", "scenario", "positions", "diagnostics"):
            continue
        if key == "issues":
            value = [i for i in value if i["id"] != DUMMY_ISSUE]
        elif isinstance(value, list):
            value = [v for v in value if not is_dummy(
                v["ref"] if isinstance(v, dict) else v[0] if isinstance(v, list) else v)]
        out[key] = value
    return out


def focus_subsets(doc, rng):
    """Sets of named parties: all, pairs, ones that leave out the parties with conditional
    stances, and ones that empty the audience of a condition's or a `via`'s position."""
    ids = [p["id"] for p in doc["parties"]]
    aud = audience(doc)
    subsets = [list(ids), ids[:2], ids[-2:], rng.sample(ids, 2)]
    takers = {p["id"] for p in doc["parties"]
              for st in p.get("stances") or [] if st.get("agree_if")}
    rest = [q for q in ids if q not in takers]
    if len(rest) >= 2:
        subsets.append(rest)
    holders = {r.split("/")[0] for p in doc["parties"]
               for st in p.get("stances") or [] for r in st.get("agree_if") or []}
    rest = [q for q in ids if q not in holders]
    if len(rest) >= 2:
        subsets.append(rest)
    found_cond = found_via = 0
    for party in doc["parties"]:
        for st in party.get("stances") or []:
            pid = party["id"]
            for r in st.get("agree_if") or []:
                named = [q for q in ids if q not in aud.get(r, [])]
                if found_cond < 2 and pid in named and len(named) >= 2 and pid in aud[st["position"]]:
                    subsets.append(named)
                    found_cond += 1
            if "via" in st:
                named = [q for q in ids if q not in aud[f"{pid}/{st['via']}"]]
                if found_via < 2 and len(named) >= 2 and pid in aud[st["position"]]:
                    subsets.append(named)
                    found_via += 1
    subsets.append(rng.sample(ids, rng.randint(2, len(ids))))
    unique = []
    for s in subsets:
        if sorted(s) not in [sorted(u) for u in unique]:
            unique.append(s)
    return unique


def check_focus(entente, tmp, name, doc, named, stats):
    original = tmp / f"{name}.yaml"
    eq, removed = equivalent(doc, named)
    eq_path = tmp / f"{name}-eq-{len(stats['cases'])}.yaml"
    eq_path.write_text(yaml.dump(eq, Dumper=NoAliasDumper, sort_keys=False, allow_unicode=True))
    # Named in reverse order: the report lists them in the scenario's order all the same.
    arg = ",".join(reversed(named))
    stats["cases"].append(name)
    try:
        focused = run_json(entente, "report", original, "--parties", arg, "--format", "json")
        plain = run_json(entente, "report", eq_path, "--format", "json")
        whole = run_json(entente, "report", original, "--format", "json")
    except RuntimeError as e:
        print(f"MISMATCH {name} --parties {arg}: {e}")
        return False
    stats["removed"] += len(removed)
    stats["vias"] += sum(1 for p in doc["parties"] if p["id"] in named
                         for st in p.get("stances") or []
                         if "via" in st and st["position"] not in removed
                         and f"{p['id']}/{st['via']}" in removed)
    stats["conditions"] += sum(1 for p in doc["parties"] if p["id"] in named
                               for st in p.get("stances") or []
                               if st["position"] not in removed
                               and any(r in removed for r in st.get("agree_if") or []))
    stats["packages"] += len(focused["packages"])
    stats["deadlocks"] += sum(1 for p in focused["positions"] if p["deadlock"])
    ok = True
    want_parties = [p for p in whole["scenario"]["parties"] if p in set(named)]
    if focused["scenario"]["parties"] != want_parties:
        print(f"MISMATCH {name} --parties {arg}: party list {focused['scenario']['parties']}, "
              f"expected {want_parties}")
        ok = False
    got, want = comparable(focused, removed), comparable(plain, removed)
    if got != want:
        ok = False
        print(f"MISMATCH {name} --parties {arg} against {eq_path.name}")
        for ref in sorted(set(got["positions"]) | set(want["positions"])):
            g, w = got["positions"].get(ref), want["positions"].get(ref)
            if g != w:
                print(f"  position {ref}:\n    focus      {g}\n    equivalent {w}")
        for key in sorted(set(got) | set(want)):
            if key != "positions" and got.get(key) != want.get(key):
                print(f"  {key}:\n    focus      {got.get(key)}\n    equivalent {want.get(key)}")
    return ok


# A sample for slow builds (tools/sanitize.sh sets it: under AddressSanitizer each run of a
# debug entente starts many times slower): fewer shapes, one seed. The normal build runs all.
QUICK = os.environ.get("ENTENTE_ORACLE_QUICK", "") not in ("", "0")


def part_a(entente, gen, tmp):
    shapes = [
        ["--parties", "4", "--issues", "3", "--positions-per-party", "4", "--audience", "2",
         "--conditional", "0.4", "--red-lines", "0.3", "--answer-rate", "0.8"],
        ["--parties", "6", "--issues", "4", "--positions-per-party", "5", "--audience", "0",
         "--conditional", "0.3", "--red-lines", "0.3", "--answer-rate", "0.8"],
        ["--parties", "7", "--issues", "5", "--positions-per-party", "4", "--audience", "2",
         "--conditional", "0.5", "--red-lines", "0.4", "--answer-rate", "0.7"],
        ["--parties", "9", "--issues", "6", "--positions-per-party", "4", "--audience", "2",
         "--conditional", "0.4", "--red-lines", "0.3", "--cycle", "4", "--chain", "3"],
        ["--parties", "5", "--issues", "3", "--positions-per-party", "3", "--audience", "0",
         "--conditional", "0.5", "--answer-rate", "1", "--cycle", "3"],
    ]
    stats = {"cases": [], "removed": 0, "vias": 0, "conditions": 0, "packages": 0,
             "deadlocks": 0}
    ok = True
    rng = random.Random(6_2)
    if QUICK:
        shapes = [shapes[0], shapes[1], shapes[4]]
    for n, shape in enumerate(shapes):
        for seed in ((1,) if QUICK else (1, 2)):
            name = f"focus-{n}-{seed}"
            path = tmp / f"{name}.yaml"
            generate(gen, path, shape, seed)
            doc = yaml.safe_load(path.read_text())
            for named in focus_subsets(doc, rng):
                ok &= check_focus(entente, tmp, name, doc, named, stats)
    # The cases must reach what 6.2 is about, or the comparison proves little.
    for what in ("removed", "vias", "conditions", "packages", "deadlocks"):
        if stats[what] == 0:
            print(f"COVERAGE: no case with {what}")
            ok = False
    return len(stats["cases"]), ok


# ---------------------------------------------------------------------------------------
# Part B: coalitions by brute force.

def add_weights(path, weights):
    """Writes each weight unquoted, as written, under its `parties:` entry."""
    text = path.read_text()

    def put(m):
        w = weights.get(m.group(2))
        return m.group(1) if w is None else f"{m.group(1)}    weight: {w}\n"
    path.write_text(re.sub(r"^(  - id: (p-\d+)\n)", put, text, flags=re.M))


def json_weight(total):
    if total is None:
        return None
    return total.numerator if total.denominator == 1 else float(total)


class Coalitions:
    def __init__(self, entente, path, weights):
        self.entente, self.path = entente, path
        self.weights = {p: Fraction(w) for p, w in weights.items()}
        report = run_json(entente, "report", path, "--format", "json")
        self.parties = sorted(report["scenario"]["parties"])
        got_weights = report["scenario"]["weights"]
        want_weights = {p: json_weight(w) for p, w in self.weights.items()}
        if got_weights != want_weights:
            raise RuntimeError(f"{path}: weights {got_weights}, expected {want_weights}")
        self.figure_cache = {}
        self.blocs_cache = {}

    def figures(self, members):
        key = tuple(members)
        if key not in self.figure_cache:
            r = run_json(self.entente, "report", self.path, "--parties", ",".join(members),
                         "--format", "json")
            statuses = [p["status"] for p in r["positions"]]
            self.figure_cache[key] = {
                "deadlocks": sum(1 for p in r["positions"] if p["deadlock"]),
                "sticking": statuses.count("sticking"),
                "agreed": statuses.count("agreed"),
                "open": statuses.count("open"),
                "unanswered": statuses.count("unanswered"),
                "superseded": statuses.count("superseded"),  # docs/format.md 7.2
            }
        return self.figure_cache[key]

    def alignment(self, focus):
        key = tuple(focus or ())
        if key not in self.blocs_cache:
            args = ["blocs", self.path, "--format", "json"]
            if focus:
                args += ["--parties", ",".join(focus)]
            b = run_json(self.entente, *args)["blocs"]
            index = {p: i for i, p in enumerate(b["parties"])}
            self.blocs_cache[key] = lambda p, q: b["alignment"][index[p]][index[q]]
        return self.blocs_cache[key]

    def expected(self, size=None, quota=None, with_=(), without=(), focus=None):
        pool = sorted(focus) if focus else list(self.parties)
        pool = [p for p in pool if p not in without]
        if size is not None:
            candidates = list(itertools.combinations(pool, size))
        else:
            w = self.weights
            quota = Fraction(quota)
            candidates = []
            for k in range(2, len(pool) + 1):
                for c in itertools.combinations(pool, k):
                    total = sum(w[p] for p in c)
                    if total >= quota and all(total - w[p] < quota for p in c):
                        candidates.append(c)
        candidates = [c for c in candidates if all(p in c for p in with_)]
        align = self.alignment(focus)
        rows = []
        for c in candidates:
            total = 0.0
            n = 0
            for p, q in itertools.combinations(c, 2):  # c is in id order: i < j
                a = align(p, q)
                if a is not None:
                    total += a
                    n += 1
            cohesion = total / n if n else None
            weight = (sum(self.weights[p] for p in c)
                      if all(p in self.weights for p in c) else None)
            row = {"members": list(c), "weight": json_weight(weight), "cohesion": cohesion,
                   **self.figures(c)}
            rank = (row["deadlocks"],
                    (1, 0) if cohesion is None else (0, -math.floor(cohesion * 1e9 + 0.5)),
                    row["sticking"], -row["agreed"],
                    (1, 0) if weight is None else (0, weight),
                    list(c))
            rows.append((rank, row))
        rows.sort(key=lambda r: r[0])
        return [r[1] for r in rows]


def same(a, b):
    """Equality that also tells an integer from a float (an integral weight is an integer)."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b and type(a) is type(b)
    return a == b


def check_coalitions(entente, co, label, size=None, quota=None, with_=(), without=(),
                     focus=None):
    args = ["coalitions", co.path, "--format", "json"]
    args += ["--size", str(size)] if size is not None else ["--quota", quota]
    for p in with_:
        args += ["--with", p]
    for p in without:
        args += ["--without", p]
    if focus:
        args += ["--parties", ",".join(focus)]
    try:
        want = co.expected(size, quota, with_, without, focus)
    except RuntimeError as e:
        print(f"MISMATCH {label}: the oracle's figures for {' '.join(map(str, args[2:]))}: {e}")
        return 1, False
    ok = True
    cases = 0
    for top in (100000, None, 0, 1, 3):
        extra = [] if top is None else ["--top", str(top)]
        try:
            got = run_json(entente, *args, *extra)
        except RuntimeError as e:
            print(f"MISMATCH {label}: {e}")
            return cases + 1, False
        n = 10 if top is None else top
        expected = {"format": 1, "coalitions": want[:n], "candidates": len(want)}
        got_cmp = {k: got.get(k) for k in expected}
        cases += 1
        # Cohesion is a mean of doubles, compared as such; ints and floats alike there.
        for row in got_cmp["coalitions"] or []:
            if isinstance(row.get("cohesion"), int) and not isinstance(row["cohesion"], bool):
                row["cohesion"] = float(row["cohesion"])
        for row in expected["coalitions"]:
            if isinstance(row.get("cohesion"), int):
                row["cohesion"] = float(row["cohesion"])
        if not same(got_cmp, expected):
            ok = False
            print(f"MISMATCH {label}: entente {' '.join(map(str, args[2:] + extra))}")
            print(f"  candidates: entente {got.get('candidates')}, oracle {len(want)}")
            gl, wl = got.get("coalitions") or [], expected["coalitions"]
            for i in range(max(len(gl), len(wl))):
                g = gl[i] if i < len(gl) else None
                w = wl[i] if i < len(wl) else None
                if g is None or w is None or not same(g, w):
                    print(f"  #{i + 1}:\n    entente {g}\n    oracle  {w}")
            break
    return cases, ok


def check_exit(entente, label, want, *args, stderr_has=None):
    proc = run(entente, *args)
    if proc.returncode != want or (stderr_has and stderr_has not in proc.stderr):
        print(f"MISMATCH {label}: entente {' '.join(map(str, args))} exit {proc.returncode}, "
              f"expected {want}" + (f" naming {stderr_has!r}" if stderr_has else "")
              + f"\n  {proc.stderr.strip()}")
        return False
    return True


def part_b(entente, gen, tmp):
    ok = True
    cases = 0
    base = ["--issues", "5", "--positions-per-party", "4", "--conditional", "0.3",
            "--red-lines", "0.4", "--answer-rate", "0.8"]
    scenarios = [
        # Integers: one party reaches 30 alone, a zero weight is never needed.
        ("ints", ["--parties", "5", "--audience", "2", *base], 1,
         {"p-001": "30", "p-002": "25", "p-003": "20", "p-004": "15", "p-005": "10"},
         ["51", "67", "30", "1e1", "100", "101", "0"]),
        # Decimals: 0.1 + 0.2 reaches 0.3, 0.7 + 0.1 reaches 0.8 (not so in doubles).
        ("decimals", ["--parties", "6", "--audience", "0", *base], 2,
         {"p-001": "0.1", "p-002": "0.2", "p-003": "3.5", "p-004": "0.7", "p-005": "1.25",
          "p-006": "0"},
         ["0.3", "0.8", "3.6", "1.55", "5.75", "4.5", "2"]),
        # Exponents and leading zeros, eight parties.
        ("exponents", ["--parties", "8", "--audience", "2", *base], 3,
         {"p-001": "1e1", "p-002": "2E0", "p-003": "5e-1", "p-004": "007", "p-005": "1.5e+1",
          "p-006": "0", "p-007": "3", "p-008": "12.25"},
         ["2.5e1", "20", "1e1", "12.75", "49.75", "25.5"]),
        # Sparse answers: undefined alignments (cohesion null); only some weights.
        ("sparse", ["--parties", "7", "--issues", "2", "--positions-per-party", "1",
                    "--audience", "1", "--answer-rate", "1", "--conditional", "0"], 4,
         {"p-002": "4", "p-003": "4", "p-005": "0.5"}, []),
        # Dense, every position to every party: many ties in the ranking.
        ("dense", ["--parties", "6", "--issues", "2", "--positions-per-party", "2",
                   "--audience", "0", "--answer-rate", "1", "--conditional", "0.2",
                   "--red-lines", "0.5"], 5,
         {"p-001": "1", "p-002": "1", "p-003": "1", "p-004": "1", "p-005": "1",
          "p-006": "1"}, ["3", "4", "2", "6"]),
    ]
    if QUICK:
        scenarios = [c for c in scenarios if c[0] in ("decimals", "sparse")]
    for name, shape, seed, weights, quotas in scenarios:
        path = tmp / f"coalitions-{name}.yaml"
        generate(gen, path, shape, seed)
        add_weights(path, weights)
        co = Coalitions(entente, path, weights)
        ids = co.parties
        runs = [dict(size=k) for k in range(2, len(ids) + 1)]
        runs += [dict(quota=q) for q in quotas]
        runs += [
            dict(size=2, without=[ids[0]]),
            dict(size=3, with_=[ids[1]]),
            dict(size=3, with_=[ids[1], ids[2]], without=[ids[-1]]),
            dict(size=len(ids) - 1, without=[ids[2]]),
            dict(size=2, focus=[ids[-1], ids[0], ids[2]]),
            dict(size=3, focus=ids[1:], with_=[ids[-1]]),
        ]
        if quotas:
            runs += [
                dict(quota=quotas[0], without=[ids[0]]),
                dict(quota=quotas[1], with_=[ids[-1]]),
                dict(quota=quotas[0], with_=[ids[2]], without=[ids[1], ids[3]]),
                dict(quota=quotas[1], focus=ids[1:]),
                dict(quota=quotas[2], focus=ids[:4], with_=[ids[0]], without=[ids[3]]),
            ]
        for kw in runs:
            n, good = check_coalitions(entente, co, name, **kw)
            cases += n
            ok &= good
        p = path
        # Usage errors (exit 2) and a quota with a party without weight (exit 1).
        errors = [
            (2, ["--size", "1"]), (2, ["--size", str(len(ids) + 1)]),
            (2, ["--size", "2", "--with", ids[0], "--without", ids[0]]),
            (2, ["--size", "2", "--with", "nobody"]),
            (2, ["--size", "2", "--without", "nobody"]),
            (2, ["--size", "2", "--parties", f"{ids[0]},{ids[1]},{ids[2]}", "--with", ids[3]]),
            (2, ["--size", "2", "--parties", f"{ids[0]},{ids[1]},{ids[2]}",
                 "--without", ids[3]]),
            (2, ["--size", "3", "--parties", f"{ids[0]},{ids[1]}"]),
            (2, []), (2, ["--size", "2", "--quota", "1"]),
            (2, ["--size", "2", "--parties", ids[0]]),
            (2, ["--size", "2", "--parties", f"{ids[0]},{ids[0]}"]),
            (2, ["--size", "2", "--parties", f"{ids[0]},nobody"]),
        ]
        if name != "sparse":
            errors += [(2, ["--quota", q]) for q in ("+5", "-1", ".5", "5.", "0x10", "1_000",
                                                     "-0", "1e1000", "ten", "")]
        for want, args in errors:
            cases += 1
            ok &= check_exit(entente, name, want, "coalitions", p, *args)
        for want, args in [(2, ["--parties", ids[0]]), (2, ["--parties", f"{ids[0]},nobody"]),
                           (2, ["--parties", f"{ids[1]},{ids[1]}"])]:
            cases += 1
            ok &= check_exit(entente, name, want, "report", p, *args)
        if name == "sparse":
            first = next(q for q in ids if q not in weights)
            cases += 1
            ok &= check_exit(entente, name, 1, "coalitions", p, "--quota", "4",
                             stderr_has=f"'{first}'")
            # With a focus on weighted parties only, the quota works.
            n, good = check_coalitions(entente, co, name, quota="4.5",
                                       focus=sorted(weights))
            cases += n
            ok &= good
            later = [q for q in ids if q not in weights and q != first]
            cases += 1
            ok &= check_exit(entente, name, 1, "coalitions", p, "--quota", "4", "--parties",
                             ",".join(sorted(list(weights) + later[:1])),
                             stderr_has=f"'{later[0]}'")
    return cases, ok


def main():
    entente, gen = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        a_cases, a_ok = part_a(entente, gen, tmp)
        b_cases, b_ok = part_b(entente, gen, tmp)
    ok = a_ok and b_ok
    print(f"coalitions oracle: {a_cases + b_cases} cases ({a_cases} focus, {b_cases} coalitions), "
          f"{'all match' if ok else 'MISMATCHES'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
