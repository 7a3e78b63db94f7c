#!/usr/bin/env python3
"""An independent oracle for statuses, alternatives and the status quo, from the words of
docs/format.md sections 3, 4 and 7.

It generates small single-file scenarios with a seeded random generator (2 to 6 parties, 1 to
5 issues, some of them exclusive and some of those with a `status_quo`; stances that agree,
reject and consider, `via`, `agree_if` with cycles that make packages and conditions that
name alternatives, red lines, `to:` lists, priorities) and derives from the YAML alone, by
the words of the format, what `entente report --format json` must say:
- 3.1, 3.2: each audience party's effective stance, the least fixpoint by plain repetition
  from the empty set, the greatest by repeated removal from the set of all positions, and
  the packages (greatest minus least, joined through counting conditional stances);
- 3.3 to 3.5: each position's status and deadlock, `common_ground`, `bargaining_space`,
  `sticking_points` (ranked), `packages`, and each issue's status;
- 7.2, 7.3: on an exclusive issue with one agreed alternative the others are `superseded`
  (listed in `superseded`, in no other list, no deadlock); with two or more the issue is
  `conflicting` and a warning at the issue's `id:` key names each agreed alternative; an
  exclusive issue with a status quo and no agreed alternative has a `default`; `exclusive`
  is on every issue entry.
Then it runs what-ifs (4, 7.4: `--set`, `--drop` (the status quo too), `--accept`,
`--priority`, one to three at a time) and compares the `whatif` report with its analysis of
the changed scenario, and the `baseline` with the unchanged one. The reproduction of the
chancellor issue (with and without `exclusive: true`) is checked against its stated answers.

Usage: alternatives_oracle.py ENTENTE ENTENTE_GENERATE SOURCE_DIR [--no-exclusive]

ENTENTE_GENERATE and SOURCE_DIR are taken for the house argument order and not needed.
`--no-exclusive` (or ENTENTE_ORACLE_NO_EXCLUSIVE=1) writes no `exclusive:` or `status_quo:`
and checks none of the keys of section 7: section 3 alone, for a build without section 7.
ENTENTE_ORACLE_QUICK=1 runs a small sample. ENTENTE_ORACLE_SEED=N changes the seed;
ENTENTE_ORACLE_CASES=N the number of scenarios. A scenario that mismatches is kept in a
directory named on the output.
"""
import copy
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ENV = dict(os.environ, ENTENTE_NO_CACHE="1")
QUICK = os.environ.get("ENTENTE_ORACLE_QUICK", "") not in ("", "0")
NO_EXCLUSIVE = ("--no-exclusive" in sys.argv[1:]
                or os.environ.get("ENTENTE_ORACLE_NO_EXCLUSIVE", "") not in ("", "0"))
SEED = int(os.environ.get("ENTENTE_ORACLE_SEED", "7"))
CASES = int(os.environ.get("ENTENTE_ORACLE_CASES", "30" if QUICK else "400"))

# Ids chosen so that byte order matters: '-' < '/' < digits < letters, so "a-b/p" sorts
# before "a/p" while party "a" sorts before "a-b". No id YAML could read as anything but a
# string.
PARTY_IDS = ["a", "a-b", "ab", "b", "b2", "c-1", "cd", "fdp", "gruene", "spd", "union", "x",
             "x-y", "z9"]
POSITION_IDS = ["p", "p-1", "p1", "q", "q-2", "r", "s", "t-0", "u", "v2", "w"]
ISSUE_IDS = ["chancellor", "coal-exit", "door", "i-1", "rent", "speed-limit", "tax", "term"]
STANCES = ("agree", "reject", "consider")


def run(*args):
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, env=ENV)


def run_json(*args):
    proc = run(*args)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, args))}: exit {proc.returncode}\n"
                           f"{proc.stderr.strip()}")
    return json.loads(proc.stdout)


class NoAliasDumper(yaml.SafeDumper):
    def ignore_aliases(self, data):
        return True


def dump(doc, flow):
    return yaml.dump(doc, Dumper=NoAliasDumper, sort_keys=False, allow_unicode=True,
                     default_flow_style=None if flow else False, width=100)


# ---------------------------------------------------------------------------------------
# The model: what the files say, and the changes of section 4.

class Model:
    def __init__(self, doc):
        self.parties = [p["id"] for p in doc["parties"]]
        self.issues = []
        for issue in doc["issues"]:
            self.issues.append({"id": issue["id"],
                                "exclusive": issue.get("exclusive", False) is True,
                                "status_quo": issue.get("status_quo")})
        self.positions = {}
        for party in doc["parties"]:
            pid = party["id"]
            for pos in party.get("positions") or []:
                ref = f"{pid}/{pos['id']}"
                audience = pos.get("to") or [q for q in self.parties if q != pid]
                self.positions[ref] = {
                    "holder": pid, "issue": pos["issue"], "kind": pos["kind"],
                    "priority": pos.get("priority", 3), "red_line": pos.get("red_line") is True,
                    "audience": sorted(audience)}
        # (party, ref) -> {value, via (a full reference or None), agree_if}. A stance by a
        # party outside the position's audience does not count (3.1).
        self.stances = {}
        for party in doc["parties"]:
            pid = party["id"]
            for st in party.get("stances") or []:
                ref = st["position"]
                if pid not in self.positions[ref]["audience"]:
                    continue
                self.stances[(pid, ref)] = {
                    "value": st["stance"],
                    "via": f"{pid}/{st['via']}" if st.get("via") else None,
                    "agree_if": list(st.get("agree_if") or [])}

    def apply(self, change):
        kind = change[0]
        if kind == "set":
            _, party, ref, value = change
            if value == "silent":
                self.stances.pop((party, ref), None)
            else:
                self.stances[(party, ref)] = {"value": value, "via": None, "agree_if": []}
        elif kind == "accept":
            ref = change[1]
            for q in self.positions[ref]["audience"]:
                self.stances[(q, ref)] = {"value": "agree", "via": None, "agree_if": []}
        elif kind == "priority":
            self.positions[change[1]]["priority"] = change[2]
        elif kind == "drop":
            ref = change[1]
            del self.positions[ref]
            self.stances = {k: v for k, v in self.stances.items() if k[1] != ref}
            for st in self.stances.values():
                if st["via"] == ref:
                    st["via"] = None  # it falls back to the party
                # A condition that names it stays, and can never be met.
            for issue in self.issues:
                if issue["status_quo"] == ref:
                    issue["status_quo"] = None
        else:
            raise ValueError(change)


def change_args(change):
    kind = change[0]
    if kind == "set":
        return ["--set", f"{change[1]}:{change[2]}={change[3]}"]
    if kind == "priority":
        return ["--priority", f"{change[1]}={change[2]}"]
    return [f"--{kind}", change[1]]


# ---------------------------------------------------------------------------------------
# The analysis, from the words of 3.1 to 3.5 and 7.2, 7.3.

def analyse(m, alternatives=True):
    refs = sorted(m.positions)

    def effective(q, ref, agreed):
        st = m.stances.get((q, ref))
        if st is None:
            return "silent"
        if st["value"] == "agree":
            return "agree"
        if st["agree_if"] and all(r in agreed for r in st["agree_if"]):
            return "agree"
        return st["value"]

    def step(s, among):
        return {r for r in among
                if all(effective(q, r, s) == "agree" for q in m.positions[r]["audience"])}

    # Least fixpoint: from the empty set, repeat until nothing changes.
    least = set()
    while True:
        nxt = step(least, refs)
        if nxt == least:
            break
        least = nxt
    # Greatest fixpoint: from every position, remove the ones not supported by the rest.
    great = set(refs)
    while True:
        nxt = step(great, great)
        if nxt == great:
            break
        great = nxt
    members = great - least
    group = {r: r for r in members}

    def root(r):
        while group[r] != r:
            r = group[r]
        return r
    for r in members:
        for q in m.positions[r]["audience"]:
            st = m.stances.get((q, r))
            if st and st["value"] != "agree" and st["agree_if"]:
                for c in st["agree_if"]:
                    if c in members:
                        group[root(c)] = root(r)
    groups = {}
    for r in members:
        groups.setdefault(root(r), []).append(r)
    packages = sorted(sorted(g) for g in groups.values())

    positions = {}
    for r in refs:
        p = m.positions[r]
        stances = {q: effective(q, r, least) for q in p["audience"]}
        values = list(stances.values())
        rejecters = sorted(q for q, v in stances.items() if v == "reject")
        deadlock = False
        if all(v == "agree" for v in values):
            status = "agreed"
        elif rejecters:
            status = "sticking"
            deadlock = p["red_line"] and any(
                (via := m.stances[(q, r)]["via"]) is not None and m.positions[via]["red_line"]
                for q in rejecters)
        elif "consider" in values:
            status = "open"
        else:
            status = "unanswered"
        positions[r] = {"status": status, "deadlock": deadlock, "stances": stances,
                        "rejected_by": rejecters}

    issues = []
    conflicting = {}
    for issue in sorted(m.issues, key=lambda i: i["id"]):
        on = [r for r in refs if m.positions[r]["issue"] == issue["id"]]
        statuses = [positions[r]["status"] for r in on]
        if any(positions[r]["deadlock"] for r in on):
            status = "deadlocked"
        elif "sticking" in statuses:
            status = "contested"
        elif on and all(s == "agreed" for s in statuses):
            status = "agreed"
        else:
            status = "open"
        entry = {"id": issue["id"], "status": status}
        if alternatives:
            entry["exclusive"] = issue["exclusive"]
        if alternatives and issue["exclusive"]:
            agreed = [r for r in on if positions[r]["status"] == "agreed"]
            if len(agreed) == 1:
                entry["status"] = "agreed"
                for r in on:
                    if r != agreed[0]:
                        positions[r]["status"] = "superseded"
                        positions[r]["deadlock"] = False
            elif len(agreed) >= 2:
                entry["status"] = "conflicting"
                conflicting[issue["id"]] = agreed
            elif issue["status_quo"] is not None:
                entry["default"] = issue["status_quo"]
        issues.append(entry)

    def with_status(s):
        return [r for r in refs if positions[r]["status"] == s]
    sticking = sorted(with_status("sticking"), key=lambda r: (
        not positions[r]["deadlock"], -m.positions[r]["priority"],
        -len(positions[r]["rejected_by"]), r))
    out = {
        "positions": {r: {k: positions[r][k] for k in ("status", "deadlock", "stances")}
                      for r in refs},
        "common_ground": with_status("agreed"),
        "bargaining_space": with_status("open"),
        "sticking_points": [{"ref": r, "rejected_by": positions[r]["rejected_by"],
                             "deadlock": positions[r]["deadlock"]} for r in sticking],
        "packages": packages,
        "issues": issues,
        "conflicting": conflicting,
    }
    if alternatives:
        out["superseded"] = with_status("superseded")
    return out


# ---------------------------------------------------------------------------------------
# Comparison with a report.

def issue_places(text):
    """{issue id: (line, column)} of each issue's `id:` key, 1-based, as the loader counts."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    places = {}
    for key, value in root.value:
        if key.value == "issues":
            for item in value.value:
                for k, v in item.value:
                    if k.value == "id":
                        places[v.value] = (k.start_mark.line + 1, k.start_mark.column + 1)
    return places


def compare(report, want, places, path, alternatives, where):
    """Differences between a JSON report and the oracle's analysis, as lines of text."""
    diffs = []
    got_refs = [p["ref"] for p in report["positions"]]
    if got_refs != sorted(want["positions"]):
        diffs.append(f"{where}: positions {got_refs}, oracle {sorted(want['positions'])}")
    for p in report["positions"]:
        w = want["positions"].get(p["ref"])
        if w is None:
            continue
        g = {k: p.get(k) for k in ("status", "deadlock", "stances")}
        if g != w:
            diffs.append(f"{where}: position {p['ref']}:\n      entente {g}\n      oracle  {w}")
    keys = ["common_ground", "bargaining_space", "sticking_points", "packages"]
    if alternatives:
        keys.append("superseded")
    for key in keys:
        if report.get(key, "<absent>") != want[key]:
            diffs.append(f"{where}: {key}:\n      entente {report.get(key, '<absent>')}\n"
                         f"      oracle  {want[key]}")
    got_issues = []
    for i in report["issues"]:
        entry = {"id": i["id"], "status": i["status"]}
        if alternatives:
            entry["exclusive"] = i.get("exclusive", "<absent>")
            if "default" in i:
                entry["default"] = i["default"]
        got_issues.append(entry)
    if got_issues != want["issues"]:
        diffs.append(f"{where}: issues:\n      entente {got_issues}\n"
                     f"      oracle  {want['issues']}")
    if alternatives and places is not None:
        # The warning of 7.2: one at the `id:` key of each conflicting issue, naming each
        # agreed alternative; none at the key of any other issue.
        at = {place: issue for issue, place in places.items()}
        found = {}
        for d in report.get("diagnostics", []):
            place = (d.get("line"), d.get("column"))
            if place in at and d.get("file") == str(path):
                found.setdefault(at[place], []).append(d)
        for issue in sorted(set(found) | set(want["conflicting"])):
            ds = found.get(issue, [])
            agreed = want["conflicting"].get(issue)
            if agreed is None:
                diffs.append(f"{where}: issue {issue} is not conflicting, yet diagnostics at "
                             f"its id: key: {ds}")
            elif not any(d.get("level") == "warning" and all(r in d.get("message", "")
                                                              for r in agreed) for d in ds):
                diffs.append(f"{where}: issue {issue} is conflicting ({', '.join(agreed)}): no "
                             f"warning at {path}:{places[issue][0]}:{places[issue][1]} naming "
                             f"them; diagnostics there: {ds}")
    return diffs


# ---------------------------------------------------------------------------------------
# Scenarios.

def generate_doc(rng, n, alternatives):
    """A random single-file scenario, as a YAML document (a dict)."""
    parties = rng.sample(PARTY_IDS, rng.randint(2, 6))  # in a random order, not sorted
    issue_ids = rng.sample(ISSUE_IDS, rng.randint(1, 5))
    p_exclusive = rng.choice([0.3, 0.6, 1.0]) if alternatives else 0
    issues = []
    for i in issue_ids:
        issue = {"id": i, "title": f"Issue {i}"}
        if rng.random() < p_exclusive:
            issue["exclusive"] = True
        elif alternatives and rng.random() < 0.15:
            issue["exclusive"] = False
        issues.append(issue)
    # How the parties answer: some scenarios agree a lot (alternatives collide), some reject.
    weights = rng.choice([(5, 2, 3), (8, 1, 1), (3, 4, 3), (4, 1, 5)])
    answer_rate = rng.choice([0.6, 0.85, 1.0])
    positions = {p: [] for p in parties}
    for p in parties:
        for pid in rng.sample(POSITION_IDS, rng.choice([0, 1, 1, 2, 2, 3, 4])):
            pos = {"id": pid, "issue": rng.choice(issue_ids),
                   "kind": rng.choice(["demand", "demand", "concession"]),
                   "text": f"{p} says {pid}."}
            if rng.random() < 0.7:
                pos["priority"] = rng.randint(1, 5)
            if rng.random() < 0.35:
                pos["red_line"] = True
            elif rng.random() < 0.1:
                pos["red_line"] = False
            others = [q for q in parties if q != p]
            if rng.random() < 0.35:
                pos["to"] = rng.sample(others, rng.randint(1, len(others)))
            positions[p].append(pos)
    refs = [f"{p}/{pos['id']}" for p in parties for pos in positions[p]]
    audience = {f"{p}/{pos['id']}": pos.get("to") or [q for q in parties if q != p]
                for p in parties for pos in positions[p]}
    issue_of = {f"{p}/{pos['id']}": pos["issue"] for p in parties for pos in positions[p]}
    exclusive_refs = [r for r in refs
                      if any(i["id"] == issue_of[r] and i.get("exclusive") for i in issues)]
    stances = {p: {} for p in parties}

    def conditions(avoid=()):
        pool = exclusive_refs if exclusive_refs and rng.random() < 0.5 else refs
        pool = [r for r in pool if r not in avoid] or refs
        return rng.sample(pool, min(len(pool), rng.choice([1, 1, 2])))

    for q in parties:
        own = [pos["id"] for pos in positions[q]]
        for r in refs:
            if r.startswith(q + "/"):
                continue
            if q not in audience[r]:
                if rng.random() < 0.05:  # outside the audience: a warning, it does not count
                    stances[q][r] = {"position": r, "stance": rng.choice(STANCES)}
                continue
            if rng.random() >= answer_rate:
                continue
            value = rng.choices(STANCES, weights)[0]
            st = {"position": r, "stance": value}
            if own and rng.random() < (0.5 if value == "reject" else 0.2):
                st["via"] = rng.choice(own)
            if rng.random() < (0.3 if value != "agree" else 0.08):
                st["agree_if"] = conditions()
            stances[q][r] = st
    # Cycles of conditions: packages. Each member's audience agrees, but for one party whose
    # stance waits for the next member.
    for _ in range(rng.choice([0, 1, 1, 2])):
        if len(refs) < 2:
            break
        cycle = rng.sample(refs, rng.randint(1, min(3, len(refs))))
        for k, r in enumerate(cycle):
            nxt = cycle[(k + 1) % len(cycle)]
            aud = audience[r]
            waiter = rng.choice(aud)
            for q in aud:
                if q == waiter:
                    stances[q][r] = {"position": r, "stance": rng.choice(["consider", "reject"]),
                                     "agree_if": [nxt]}
                elif rng.random() < 0.8:
                    stances[q][r] = {"position": r, "stance": "agree"}
    # Status quo: one of the issue's positions, on some exclusive issues.
    for issue in issues:
        on = [r for r in refs if issue_of[r] == issue["id"]]
        if issue.get("exclusive") and on and rng.random() < 0.6:
            issue["status_quo"] = rng.choice(on)
    doc = {"format": 1, "title": f"Alternatives case {n}", "issues": issues, "parties": []}
    for p in parties:
        entry = {"id": p}
        if rng.random() < 0.3:
            entry["name"] = p.upper()
        if positions[p] or rng.random() < 0.5:
            entry["positions"] = positions[p]
        if stances[p] or rng.random() < 0.5:
            items = list(stances[p].values())
            rng.shuffle(items)
            entry["stances"] = items
        doc["parties"].append(entry)
    return doc


def random_changes(rng, model):
    """One to three what-if changes that are all valid when applied in order."""
    m = copy.deepcopy(model)
    changes = []
    for _ in range(rng.choice([1, 1, 2, 3])):
        refs = sorted(m.positions)
        if not refs:
            break
        quo = [i["status_quo"] for i in m.issues if i["status_quo"]]
        kind = rng.choices(["set", "drop", "accept", "priority"], [4, 3, 3, 1])[0]
        if kind == "drop" and quo and rng.random() < 0.5:
            ref = rng.choice(quo)
        else:
            ref = rng.choice(refs)
        if kind == "set":
            change = ("set", rng.choice(m.positions[ref]["audience"]), ref,
                      rng.choice(["agree", "reject", "consider", "silent"]))
        elif kind == "priority":
            change = ("priority", ref, rng.randint(1, 5))
        else:
            change = (kind, ref)
        m.apply(change)
        changes.append(change)
    return changes


REPRO = """\
format: 1
title: Who leads
issues: [{id: chancellor, title: Chancellor}]
parties:
  - id: spd
    positions: [{id: scholz, issue: chancellor, kind: demand, text: Scholz leads., to: [gruene, fdp]}]
  - id: union
    positions: [{id: laschet, issue: chancellor, kind: demand, text: Laschet leads., to: [gruene, fdp]}]
  - id: gruene
    stances: [{position: spd/scholz, stance: agree}, {position: union/laschet, stance: reject}]
  - id: fdp
    stances: [{position: spd/scholz, stance: agree}, {position: union/laschet, stance: consider}]
"""


def fixed_cases(alternatives):
    """(name, text, {what: expected}, [what-ifs]) for the reproduction and a few more."""
    cases = [("repro", REPRO, {"spd/scholz": "agreed", "union/laschet": "sticking",
                               "issue": "contested", "superseded": []},
              [[("drop", "spd/scholz")], [("accept", "union/laschet")]])]
    # Two packages of one (each waits for itself); a stance of `agree` with `agree_if` is
    # plain agreement, not a counting conditional stance, so it does not join them (3.2).
    cases.append(("agree-if-does-not-join", """\
format: 1
title: Two packages
issues:
  - id: tax
    title: Tax
parties:
  - id: a
    positions:
      - {id: t, issue: tax, kind: demand, text: T., to: [b, c]}
    stances:
      - {position: b/r, stance: consider, agree_if: [b/r]}
  - id: b
    positions:
      - {id: r, issue: tax, kind: demand, text: R., to: [a, c]}
    stances:
      - {position: a/t, stance: consider, agree_if: [a/t]}
  - id: c
    stances:
      - {position: a/t, stance: agree, agree_if: [b/r]}
      - {position: b/r, stance: agree}
""", {"packages": [["a/t"], ["b/r"]], "a/t": "open", "b/r": "open", "issue": "open"},
                  [[("accept", "a/t")], [("set", "a", "b/r", "reject")]]))
    if not alternatives:
        return cases
    exclusive = REPRO.replace("title: Chancellor}", "title: Chancellor, exclusive: true}")
    cases.append(("repro-exclusive", exclusive,
                  {"spd/scholz": "agreed", "union/laschet": "superseded", "issue": "agreed",
                   "superseded": ["union/laschet"], "sticking_points": []},
                  [[("drop", "spd/scholz")], [("accept", "union/laschet")],
                   [("set", "fdp", "spd/scholz", "consider")]]))
    # No alternative agreed: the status quo holds by default, and stays sticking.
    quo = exclusive.replace("exclusive: true}", "exclusive: true, status_quo: union/laschet}")
    quo = quo.replace("{position: spd/scholz, stance: agree}, {position: union/laschet, "
                      "stance: consider}", "{position: spd/scholz, stance: reject}, "
                      "{position: union/laschet, stance: consider}")
    cases.append(("status-quo", quo,
                  {"spd/scholz": "sticking", "union/laschet": "sticking", "issue": "contested",
                   "default": "union/laschet", "superseded": []},
                  [[("drop", "union/laschet")], [("accept", "spd/scholz")],
                   [("set", "fdp", "spd/scholz", "silent"), ("set", "gruene", "union/laschet",
                                                              "silent")]]))
    # Both agreed: conflicting, with a warning naming both.
    both = exclusive.replace("{position: union/laschet, stance: reject}",
                             "{position: union/laschet, stance: agree}")
    both = both.replace("{position: union/laschet, stance: consider}",
                        "{position: union/laschet, stance: agree}")
    cases.append(("conflicting", both,
                  {"spd/scholz": "agreed", "union/laschet": "agreed", "issue": "conflicting",
                   "superseded": [], "strict_fails": True},
                  [[("set", "gruene", "spd/scholz", "reject")], [("drop", "union/laschet")]]))
    # A condition on an alternative that is superseded is not met.
    cond = exclusive.replace(
        "  - id: fdp\n",
        "  - id: fdp\n    positions: [{id: tax-cut, issue: tax, kind: demand, text: Cut taxes.,"
        " to: [gruene]}]\n")
    cond = cond.replace("issues: [{id: chancellor, title: Chancellor, exclusive: true}]",
                        "issues: [{id: chancellor, title: Chancellor, exclusive: true}, "
                        "{id: tax, title: Tax}]")
    cond = cond.replace("{position: union/laschet, stance: reject}]",
                        "{position: union/laschet, stance: reject}, {position: fdp/tax-cut, "
                        "stance: consider, agree_if: [union/laschet]}]")
    cases.append(("condition-on-superseded", cond,
                  {"union/laschet": "superseded", "fdp/tax-cut": "open", "issue": "agreed"},
                  [[("drop", "spd/scholz"), ("accept", "union/laschet")]]))
    return cases


def value_place(text, key):
    """(line, column), 1-based, of the value of `key` in the first issue."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    for k, v in root.value:
        if k.value == "issues":
            for ik, iv in v.value[0].value:
                if ik.value == key:
                    return iv.start_mark.line + 1, iv.start_mark.column + 1
    raise KeyError(key)


def error_cases():
    """(name, text, key whose value the error is at, or None): 7.1's errors."""
    exclusive = REPRO.replace("title: Chancellor}", "title: Chancellor, exclusive: true}")
    two_issues = exclusive.replace(
        "title: Chancellor, exclusive: true}]",
        "title: Chancellor, exclusive: true, status_quo: spd/tax}, {id: tax, title: Tax}]")
    two_issues = two_issues.replace(
        "to: [gruene, fdp]}]\n  - id: union",
        "to: [gruene, fdp]}, {id: tax, issue: tax, kind: demand, text: T.}]\n  - id: union")
    return [
        ("quo-not-exclusive", REPRO.replace("title: Chancellor}",
                                            "title: Chancellor, status_quo: spd/scholz}"),
         "status_quo"),
        ("quo-exclusive-false", REPRO.replace(
            "title: Chancellor}", "title: Chancellor, exclusive: false, status_quo: spd/scholz}"),
         "status_quo"),
        ("quo-other-issue", two_issues, "status_quo"),
        ("quo-unknown", exclusive.replace("exclusive: true}",
                                          "exclusive: true, status_quo: spd/merkel}"),
         "status_quo"),
        ("exclusive-yes", exclusive.replace("exclusive: true}", "exclusive: yes}"), "exclusive"),
        ("exclusive-quoted", exclusive.replace("exclusive: true}", 'exclusive: "true"}'),
         "exclusive"),
        ("exclusive-empty", exclusive.replace("exclusive: true}", "exclusive: }"), None),
        ("exclusive-one", exclusive.replace("exclusive: true}", "exclusive: 1}"), "exclusive"),
    ]


# ---------------------------------------------------------------------------------------

class Oracle:
    def __init__(self, entente, tmp, alternatives):
        self.entente, self.tmp, self.alternatives = entente, tmp, alternatives
        self.cases = 0      # reports and what-ifs compared
        self.scenarios = 0
        self.failures = []  # kept scenario files
        self.keep_dir = None
        self.coverage = {k: 0 for k in (
            "superseded", "conflicting", "default", "packages", "superseded_in_package",
            "deadlocks", "exclusive_condition", "drop_status_quo", "whatif_default_gone",
            "whatif_superseded_moved", "outside_audience")}

    def keep(self, path, text, note):
        if self.keep_dir is None:
            self.keep_dir = Path(tempfile.mkdtemp(prefix="alternatives-oracle-"))
        dest = self.keep_dir / path.name
        dest.write_text(text)
        (self.keep_dir / (path.stem + ".txt")).write_text(note + "\n")
        self.failures.append(dest)
        return dest

    def count(self, want, model):
        c = self.coverage
        c["superseded"] += len(want.get("superseded", []))
        c["conflicting"] += len(want["conflicting"])
        c["default"] += sum(1 for i in want["issues"] if "default" in i)
        c["packages"] += len(want["packages"])
        sup = set(want.get("superseded", []))
        c["superseded_in_package"] += sum(1 for g in want["packages"] for r in g if r in sup)
        c["deadlocks"] += sum(1 for p in want["positions"].values() if p["deadlock"])
        excl = {i["id"] for i in model.issues if i["exclusive"]}
        c["exclusive_condition"] += sum(
            1 for st in model.stances.values() for r in st["agree_if"]
            if r in model.positions and model.positions[r]["issue"] in excl)

    def check_scenario(self, name, text, expect=None, whatifs=()):
        path = self.tmp / f"{name}.yaml"
        path.write_text(text)
        doc = yaml.safe_load(text)
        model = Model(doc)
        self.coverage["outside_audience"] += sum(
            1 for p in doc["parties"] for st in p.get("stances") or []
            if p["id"] not in model.positions[st["position"]]["audience"])
        places = issue_places(text)
        want = analyse(model, self.alternatives)
        self.count(want, model)
        self.scenarios += 1
        diffs = []
        self.cases += 1
        try:
            report = run_json(self.entente, "report", path, "--format", "json")
            diffs += compare(report, want, places, path, self.alternatives, "report")
        except RuntimeError as e:
            diffs.append(f"report: {e}")
            report = None
        if expect:
            diffs += self.check_expected(name, path, want, report, expect)
        for changes in whatifs:
            args = [a for c in changes for a in change_args(c)]
            changed = copy.deepcopy(model)
            for c in changes:
                changed.apply(c)
            after = analyse(changed, self.alternatives)
            self.count(after, changed)
            if any(c[0] == "drop" and any(i["status_quo"] == c[1] for i in model.issues)
                   for c in changes):
                self.coverage["drop_status_quo"] += 1
            if any("default" in i for i in want["issues"]) and not all(
                    ("default" in i) == ("default" in j)
                    for i, j in zip(want["issues"], after["issues"])):
                self.coverage["whatif_default_gone"] += 1
            if want.get("superseded") != after.get("superseded"):
                self.coverage["whatif_superseded_moved"] += 1
            self.cases += 1
            where = f"whatif {' '.join(args)}"
            try:
                got = run_json(self.entente, "whatif", path, *args, "--format", "json")
            except RuntimeError as e:
                diffs.append(f"{where}: {e}")
                continue
            missing = [k for k in ("baseline", "whatif", "changes") if k not in got]
            if missing:
                diffs.append(f"{where}: no {', '.join(missing)} in the JSON")
                continue
            diffs += compare(got["baseline"], want, places, path, self.alternatives,
                             f"{where}: baseline")
            # The warning of 7.2 is checked on the changed scenario too: its report is the
            # one the command was given.
            diffs += compare(got["whatif"], after, places, path, self.alternatives,
                             f"{where}: whatif")
        if diffs:
            note = "\n".join(diffs)
            kept = self.keep(path, text, note)
            print(f"MISMATCH {name} (kept as {kept}):")
            for d in diffs:
                print(f"  {d}")
            return False
        return True

    def check_error(self, name, text, key):
        """7.1: exit 1, with an error at the value's line and column."""
        path = self.tmp / f"{name}.yaml"
        path.write_text(text)
        self.cases += 1
        proc = run(self.entente, "check", path)
        where = f"{path}:{':'.join(map(str, value_place(text, key)))}: error" if key else "error"
        if proc.returncode != 1 or where not in proc.stderr:
            kept = self.keep(path, text, f"check: exit {proc.returncode}, expected 1 and "
                                         f"{where!r}\n{proc.stderr}")
            print(f"MISMATCH {name} (kept as {kept}): check exit {proc.returncode}, expected 1 "
                  f"with {where!r}\n  {proc.stderr.strip()}")
            return False
        return True

    def check_expected(self, name, path, want, report, expect):
        """The stated answers of a fixed case, against the oracle and against entente."""
        diffs = []
        for source, data in (("oracle", want), ("entente", report)):
            if data is None:
                continue
            if source == "entente":
                statuses = {p["ref"]: p["status"] for p in data["positions"]}
                issue = data["issues"][0]
            else:
                statuses = {r: p["status"] for r, p in data["positions"].items()}
                issue = data["issues"][0]
            for what, value in expect.items():
                if what == "issue":
                    got = issue["status"]
                elif what == "default":
                    got = issue.get("default")
                elif what == "strict_fails":
                    continue
                elif "/" in what:
                    got = statuses.get(what)
                else:
                    if what == "superseded" and not self.alternatives:
                        continue
                    got = data.get(what)
                if got != value:
                    diffs.append(f"stated answer: {what} is {value!r}, {source} says {got!r}")
        if expect.get("strict_fails"):
            proc = run(self.entente, "check", path, "--strict")
            if proc.returncode == 0:
                diffs.append(f"check --strict: exit 0 on a conflicting issue (7.2 says it "
                             f"fails)\n      {proc.stdout.strip()} {proc.stderr.strip()}")
        return diffs


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) < 1:
        print(__doc__)
        return 2
    entente = args[0]
    alternatives = not NO_EXCLUSIVE
    start = time.monotonic()
    rng = random.Random(SEED)
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        o = Oracle(entente, Path(tmp), alternatives)
        for name, text, expect, whatifs in fixed_cases(alternatives):
            ok &= o.check_scenario(name, text, expect, whatifs)
        if alternatives:
            for name, text, key in error_cases():
                ok &= o.check_error(name, text, key)
        for n in range(CASES):
            doc = generate_doc(rng, n, alternatives)
            text = dump(doc, flow=rng.random() < 0.4)
            model = Model(doc)
            whatifs = [random_changes(rng, model) for _ in range(rng.choice([1, 2, 3]))]
            whatifs = [w for w in whatifs if w]
            ok &= o.check_scenario(f"case-{SEED}-{n:03d}", text, None, whatifs)
    # The cases must reach what the sections are about, or agreement proves little.
    wanted = ["packages", "deadlocks", "outside_audience"]
    if alternatives:
        wanted += ["superseded", "conflicting", "default", "superseded_in_package",
                   "exclusive_condition", "drop_status_quo", "whatif_default_gone",
                   "whatif_superseded_moved"]
    for what in wanted:
        if o.coverage[what] == 0:
            print(f"COVERAGE: no case with {what}")
            ok = False
    cover = ", ".join(f"{k} {v}" for k, v in o.coverage.items() if k in wanted)
    mode = "sections 3, 4" + (", 7" if alternatives else " only (--no-exclusive)")
    if o.failures:
        verdict = f"{len(o.failures)} MISMATCHES, kept in {o.keep_dir}"
    else:
        verdict = "all match" if ok else "all match, but COVERAGE is short"
    print(f"alternatives oracle ({mode}; seed {SEED}{', quick' if QUICK else ''}): "
          f"{o.scenarios} scenarios, {o.cases} cases ({cover}) in "
          f"{time.monotonic() - start:.1f} s, {verdict}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
