#!/usr/bin/env python3
"""An independent brute-force oracle for `entente deals` (the format's section 8, "Deals",
with sections 1, 3, 6.2 and 7 that it builds on).

It writes seeded random single-file scenarios (2 to 4 parties, 1 to 4 issues, some exclusive
and some of those with a `status_quo`, 1 to 14 positions, demands and concessions, position
and stance priorities, red lines, `to:` audiences, stances that agree, reject, consider or
stay silent, `via`, `agree_if` with cycles), and for each a few invocations with random
options (`--by`, `--binding`, `--allow-red-lines`, `--top`, `--parties`, `--score`). From
the YAML alone, by the words of section 8, it evaluates EVERY subset of the scenario's
positions (every subset that holds at most one position of each exclusive issue; the others
are infeasible by rule 1 and can be on no frontier), and derives what
`entente deals SCENARIO ... --format json` must say:
- each deal's moves (8.1: a party in the audience of a position in D that does not support
  it, with `from` and `via`), its lost positions and each party's gain (8.2), its
  feasibility (8.1 rules 1 to 4) and acceptability;
- the frontier (8.3): the gain vectors of acceptable deals that no feasible deal dominates,
  each shown by its representative deal (fewest moves, then fewest positions, then the
  smallest sorted reference list), in frontier order, cut by `--top`, and `complete`;
- the solutions `nash`, `leximin` and `utilitarian`, ties by frontier order;
- `blocked`: the positions in no acceptable deal;
- with `--score`, the given deal's positions, feasibility (only whether `why_not` is empty
  is compared, not its sentences), gains, acceptability, moves, lost positions and the
  frontier points that dominate it;
- with `--parties` (6.2 and 8.4): the scenario restricted first.
Keys it does not know are ignored. It also checks the usage errors of 8.4 (exit 2, nothing on
standard output), and a few hand-written cases whose answers are stated here and checked
against the oracle itself as well as against entente. Each run counts how often the cases
reached each rule, and fails when an important one was never reached.

Two evaluators are kept apart on purpose: a literal one (a deal as a set of references, the
words of 8.1 and 8.2 one by one) used for every deal that is shown and for `--score`, and a
fast one (bit masks) used to enumerate; on small scenarios every subset is evaluated by both
and they must agree, and with up to 8 positions the frontier and `blocked` are derived a
second time from all 2^n subsets through the literal evaluator alone, dominance checked
against every feasible deal, and must be the same.

Readings of section 8 where its words leave room (the engine must agree):
- a move `via` a position that is in D (infeasible by rule 3) costs nothing in `--score`'s
  gains: it is via a position, so no stance priority, and its position is not lost;
- `dominated_by` is every frontier point that dominates the deal, in frontier order, then
  the first `--top` of them (not: those among the first `--top` frontier points);
- `lost` lists superseded positions of left-out parties too (they cost nobody), and
  `--allow-red-lines` lets a deal lose a left-out party's red line as any other;
- `--top 0` gives `complete: false` (the frontier always holds a point, the empty deal's
  zero vector at worst);
- a rule-1-infeasible `--score` deal (two alternatives) is priced like any other: every
  other position of that issue is lost, the two in D are not;
- `from` of an unmet conditional stance is its own value; a stance `agree` with `agree_if`
  never moves and is not a conditional move for `--binding`; `agree_if` naming the target
  itself is met whenever the target is in D;
- a position lost both by supersession and by a move via it that reverses a `reject` is
  priced once, doubled (a red line: 20, never doubled).
Not generated (the format does not say whether they are usage errors): `--by` a left-out
party, `--score` with a left-out position, an empty `--score`.

Usage: deals_oracle.py ENTENTE [ENTENTE_GENERATE SOURCE_DIR] [--seed S] [--cases N]
                       [--jobs J] [--validate-only]

Extra positional arguments (the house order of the other oracles) are ignored.
ENTENTE_ORACLE_QUICK=1 runs a small sample; ENTENTE_ORACLE_SEED and ENTENTE_ORACLE_CASES
set the seed and the number of random scenarios when --seed and --cases are not given.
`--validate-only` runs `entente check` on every scenario (it must exit 0) and the oracle's
own checks, without calling `deals`: for a build that has no `deals` yet.
Exit 0 when everything matches; 1 on a mismatch (the first few are printed in full:
scenario, command, expected and actual; every failing scenario is kept in a directory named
on the output) or when coverage is short; 2 on bad arguments.

Only the standard library is used.
"""
import argparse
import concurrent.futures
import itertools
import json
import os
import random
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ENV = dict(os.environ, ENTENTE_NO_CACHE="1")
QUICK = os.environ.get("ENTENTE_ORACLE_QUICK", "") not in ("", "0")
DEFAULT_SEED = int(os.environ.get("ENTENTE_ORACLE_SEED", "11"))
DEFAULT_CASES = int(os.environ.get("ENTENTE_ORACLE_CASES", "40" if QUICK else "140"))
SHOW_FULL = 3          # mismatching invocations printed in full
SMALL_CROSS_CHECK = 512  # enumerations up to this many subsets are checked by both evaluators
LITERAL_MAX = 8          # up to this many positions, every answer is also derived literally

# Ids chosen so that byte order matters: '-' < '/' < digits < letters, so "a-b/p" sorts
# before "a/p" while party "a" sorts before "a-b".
PARTY_IDS = ["a", "a-b", "ab", "b", "b2", "c-1", "cd", "x", "x-y", "z9"]
POSITION_IDS = ["p", "p-1", "p1", "q", "q-2", "r", "s", "t-0", "u", "v2", "w", "x", "y-3",
                "z"]
ISSUE_IDS = ["chancellor", "coal-exit", "door", "i-1", "rent", "speed-limit", "tax", "term"]
FROM = ("reject", "consider", "silent")


# ---------------------------------------------------------------------------------------
# A scenario as written: plain dicts, turned into YAML by a small emitter.

def scalar(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def flow_list(items):
    return "[" + ", ".join(scalar(i) for i in items) + "]"


def flow_map(pairs):
    return "{" + ", ".join(f"{k}: {flow_list(v) if isinstance(v, list) else scalar(v)}"
                           for k, v in pairs) + "}"


def emit_items(lines, indent, items, flow):
    pad = " " * indent
    for pairs in items:
        if flow:
            lines.append(f"{pad}- {flow_map(pairs)}")
            continue
        first = True
        for k, v in pairs:
            val = flow_list(v) if isinstance(v, list) else scalar(v)
            lines.append(f"{pad}{'- ' if first else '  '}{k}: {val}")
            first = False


def to_yaml(scen, flow):
    """The single-file form of a scenario (section 1)."""
    lines = ["format: 1", f"title: {scen['title']}", "issues:"]
    emit_items(lines, 2, [[(k, v) for k, v in i.items() if v is not None]
                          for i in scen["issues"]], flow)
    lines.append("parties:")
    for party in scen["parties"]:
        pid = party["id"]
        lines.append(f"  - id: {pid}")
        positions = [p for p in scen["positions"] if p["party"] == pid]
        stances = [s for s in scen["stances"] if s["party"] == pid]
        if positions or party.get("empty_lists"):
            lines.append("    positions:" + ("" if positions else " []"))
            emit_items(lines, 6, [[(k, v) for k, v in p.items()
                                   if k != "party" and v is not None] for p in positions],
                       flow)
        if stances or party.get("empty_lists"):
            lines.append("    stances:" + ("" if stances else " []"))
            emit_items(lines, 6, [[(k, v) for k, v in s.items()
                                   if k != "party" and v is not None] for s in stances], flow)
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------
# The model: the scenario after the focus of 6.2, as section 8 reads it.

class Pos:
    __slots__ = ("ref", "holder", "issue", "kind", "priority", "red_line", "audience")


class Stance:
    __slots__ = ("value", "via", "agree_if", "priority", "via_left_out", "cond_left_out")


class Model:
    def __init__(self, scen, focus=None):
        all_parties = [p["id"] for p in scen["parties"]]
        self.parties = sorted(focus) if focus else sorted(all_parties)
        self.focused = focus is not None
        keep = set(self.parties)
        self.pos = {}
        self.left_out = []     # positions left out by the focus (an empty audience)
        for p in scen["positions"]:
            ref = f"{p['party']}/{p['id']}"
            audience = p.get("to") or [q for q in all_parties if q != p["party"]]
            audience = sorted(q for q in audience if q in keep)
            if not audience:
                self.left_out.append(ref)
                continue
            x = Pos()
            x.ref, x.holder, x.issue, x.kind = ref, p["party"], p["issue"], p["kind"]
            x.priority = p.get("priority") if p.get("priority") is not None else 3
            x.red_line = p.get("red_line") is True
            x.audience = audience
            self.pos[ref] = x
        self.refs = sorted(self.pos)
        self.exclusive = {}    # issue id -> sorted refs of its kept positions
        self.status_quo = set()
        for issue in scen["issues"]:
            if issue.get("exclusive") is True:
                self.exclusive[issue["id"]] = [r for r in self.refs
                                               if self.pos[r].issue == issue["id"]]
                if issue.get("status_quo") in self.pos:
                    self.status_quo.add(issue["status_quo"])
        # Counting stances: (party, ref) -> Stance, for a party in the (focused) audience.
        self.stances = {}
        self.outside_audience = 0
        for s in scen["stances"]:
            q, ref = s["party"], s["position"]
            if q not in keep or ref not in self.pos:
                continue
            if q not in self.pos[ref].audience:
                self.outside_audience += 1
                continue
            st = Stance()
            st.value = s["stance"]
            via = f"{q}/{s['via']}" if s.get("via") else None
            st.via_left_out = via is not None and via not in self.pos
            st.via = via if via in self.pos else None  # a left-out via falls back (6.2)
            st.agree_if = list(s.get("agree_if") or [])
            st.cond_left_out = any(r not in self.pos for r in st.agree_if)
            st.priority = s.get("priority") if s.get("priority") is not None else 1
            self.stances[(q, ref)] = st

    def conditional(self, st):
        return st is not None and bool(st.agree_if)


# ---------------------------------------------------------------------------------------
# The literal evaluator: one deal, the words of 8.1 and 8.2.

def evaluate(m, deal, by=None, binding=False, allow_red_lines=False):
    D = set(deal)
    moves = []
    supported_by_condition = 0
    for t in sorted(D):
        for q in m.pos[t].audience:
            st = m.stances.get((q, t))
            if st is None:
                moves.append({"party": q, "position": t, "from": "silent", "via": None,
                              "stance": None})
                continue
            if st.value == "agree":
                continue  # `agree`, with or without agree_if
            if st.agree_if and all(r in D for r in st.agree_if):
                supported_by_condition += 1
                continue
            moves.append({"party": q, "position": t, "from": st.value, "via": st.via,
                          "stance": st})
    moves.sort(key=lambda mv: (mv["party"], mv["position"]))
    lost = []
    doubled = set()
    superseded = set()
    for v in m.refs:
        if v in D:
            continue
        p = m.pos[v].holder
        by_move = [mv for mv in moves if mv["party"] == p and mv["via"] == v]
        issue = m.pos[v].issue
        sup = issue in m.exclusive and any(o in D for o in m.exclusive[issue] if o != v)
        if by_move or sup:
            lost.append(v)
            if sup:
                superseded.add(v)
            if any(mv["from"] == "reject" for mv in by_move):
                doubled.add(v)
    gains = {p: 0 for p in m.parties}
    for t in D:
        x = m.pos[t]
        if x.holder in gains and x.kind == "demand" and t not in m.status_quo:
            gains[x.holder] += x.priority
    for v in lost:
        x = m.pos[v]
        if x.holder in gains:
            if x.red_line:
                gains[x.holder] -= 20
            else:
                gains[x.holder] -= x.priority * (2 if v in doubled else 1)
    for mv in moves:
        if mv["via"] is not None:
            continue  # priced as the loss of its position, or (via a position in D) not at all
        if mv["from"] == "silent":
            gains[mv["party"]] -= 1
        else:
            sp = mv["stance"].priority
            gains[mv["party"]] -= sp * 2 if mv["from"] == "reject" else sp
    why = []  # (rule, text)
    for issue, on in sorted(m.exclusive.items()):
        held = [r for r in on if r in D]
        if len(held) > 1:
            why.append(("exclusive", f"issue {issue} holds {', '.join(held)}"))
    if by is not None:
        for mv in moves:
            if mv["party"] not in by:
                why.append(("by", f"{mv['party']} moves on {mv['position']}"))
    if binding:
        for mv in moves:
            if m.conditional(mv["stance"]):
                why.append(("binding", f"{mv['party']} moves on its conditional stance on "
                                       f"{mv['position']}"))
    for mv in moves:
        if mv["via"] is not None and mv["via"] in D:
            why.append(("via", f"{mv['party']} moves on {mv['position']} via {mv['via']}, "
                               f"in the deal"))
    if not allow_red_lines:
        for v in lost:
            if m.pos[v].red_line:
                why.append(("red_line", f"red line {v} is lost"))
    feasible = not why
    return {"positions": sorted(D), "gains": gains, "joint": sum(gains.values()),
            "moves": moves, "lost": lost, "feasible": feasible, "why": why,
            "acceptable": feasible and all(g >= 0 for g in gains.values()),
            "doubled": doubled, "superseded": superseded,
            "supported_by_condition": supported_by_condition}


def shown(ev):
    """A deal object as the JSON shows it (the keys compared)."""
    return {"positions": ev["positions"], "gains": dict(ev["gains"]), "joint": ev["joint"],
            "moves": [{"party": mv["party"], "position": mv["position"], "from": mv["from"],
                       "via": mv["via"]} for mv in ev["moves"]],
            "lost": ev["lost"]}


# ---------------------------------------------------------------------------------------
# The fast evaluator: every subset as a bit mask, for the enumeration.

class Enumeration:
    """Every subset of the model's positions with at most one position per exclusive issue,
    each with its gain vector and what decides its feasibility under any options."""

    def __init__(self, m):
        self.m = m
        refs = m.refs
        n = len(refs)
        idx = {r: i for i, r in enumerate(refs)}
        pidx = {p: i for i, p in enumerate(m.parties)}
        self.pidx = pidx
        holder = [pidx.get(m.pos[r].holder, -1) for r in refs]
        gain_in = [m.pos[r].priority if (m.pos[r].kind == "demand"
                                         and r not in m.status_quo) else 0 for r in refs]
        loss = [20 if m.pos[r].red_line else m.pos[r].priority for r in refs]
        red = [m.pos[r].red_line for r in refs]
        entries = []
        for r in refs:
            es = []
            for q in m.pos[r].audience:
                st = m.stances.get((q, r))
                qi = pidx[q]
                if st is None:
                    es.append((qi, None, 2, -1, 1, False))
                    continue
                if st.value == "agree":
                    continue
                cm = None
                if st.agree_if and not any(c not in idx for c in st.agree_if):
                    cm = 0
                    for c in st.agree_if:
                        cm |= 1 << idx[c]
                frm = FROM.index(st.value)
                via = idx[st.via] if st.via is not None else -1
                cost = st.priority * 2 if st.value == "reject" else st.priority
                es.append((qi, cm, frm, via, cost, bool(st.agree_if)))
            entries.append(es)
        excl = []
        on_excl = 0
        for on in m.exclusive.values():
            e = 0
            for r in on:
                e |= 1 << idx[r]
            if e:
                excl.append(e)
                on_excl |= e
        masks = [0]
        for e in excl:
            bits = [0] + [1 << i for i in range(n) if e >> i & 1]
            masks = [mk | b for mk in masks for b in bits]
        for i in range(n):
            if not on_excl >> i & 1:
                masks += [mk | 1 << i for mk in masks]
        self.excl = excl
        nparties = len(m.parties)
        records = []
        for mask in masks:
            gains = [0] * nparties
            nmoves = movers = lostvia = dbl = 0
            cond_move = via_in = False
            rest = mask
            while rest:
                low = rest & -rest
                i = low.bit_length() - 1
                rest ^= low
                if gain_in[i] and holder[i] >= 0:
                    gains[holder[i]] += gain_in[i]
                for qi, cm, frm, via, cost, cond in entries[i]:
                    if cm is not None and mask & cm == cm:
                        continue
                    nmoves += 1
                    movers |= 1 << qi
                    if cond:
                        cond_move = True
                    if via >= 0:
                        if mask >> via & 1:
                            via_in = True
                        else:
                            lostvia |= 1 << via
                            if frm == 0:
                                dbl |= 1 << via
                    else:
                        gains[qi] -= cost
            lost = lostvia
            for e in excl:
                if mask & e:
                    lost |= e & ~mask
            red_lost = 0  # 1: a focused party's red line is lost, 2: a left-out party's
            rest = lost
            while rest:
                low = rest & -rest
                i = low.bit_length() - 1
                rest ^= low
                if red[i]:
                    red_lost |= 1 if holder[i] >= 0 else 2
                if holder[i] >= 0:
                    gains[holder[i]] -= loss[i] * (2 if (dbl >> i & 1 and not red[i]) else 1)
            records.append((mask, tuple(gains), nmoves, movers, cond_move, via_in, red_lost,
                            bin(mask).count("1")))
        self.records = records

    def refs_of(self, mask):
        return [r for i, r in enumerate(self.m.refs) if mask >> i & 1]


def dominates(w, v):
    return all(a >= b for a, b in zip(w, v)) and any(a > b for a, b in zip(w, v))


def order_key(vec):
    return (-sum(vec), [-g for g in vec])


# ---------------------------------------------------------------------------------------
# What `entente deals` must say.

class Options:
    def __init__(self, focus=None, by=None, binding=False, allow=False, top=None, score=None):
        self.focus, self.by, self.binding, self.allow = focus, by, binding, allow
        self.top, self.score = top, score

    def args(self):
        a = []
        for p in self.by or []:
            a += ["--by", p]
        if self.binding:
            a.append("--binding")
        if self.allow:
            a.append("--allow-red-lines")
        if self.top is not None:
            a += ["--top", str(self.top)]
        if self.score is not None:
            a += ["--score", ",".join(self.score)]
        if self.focus is not None:
            a += ["--parties", ",".join(self.focus)]
        return a


def expected(m, en, o, cov):
    """The `deals` object (the compared keys) for model m under options o, counting in cov
    which rules it reached."""
    by_mask = None
    if o.by is not None:
        by_mask = 0
        for p in o.by:
            by_mask |= 1 << en.pidx[p]
    top = 10 if o.top is None else o.top
    groups = {}      # gain vector -> [records]
    reachable = 0    # positions in some acceptable deal
    for rec in en.records:
        mask, gains, nmoves, movers, cond_move, via_in, red_lost, size = rec
        reasons = []
        if by_mask is not None and movers & ~by_mask:
            reasons.append("by")
        if o.binding and cond_move:
            reasons.append("binding")
        if via_in:
            reasons.append("via")
        if red_lost and not o.allow:
            reasons.append("red_line")
        if len(reasons) == 1 and min(gains, default=0) >= 0:
            cov[f"infeasible_only_by_{reasons[0]}"] += 1
            if reasons[0] == "red_line" and red_lost == 2:
                cov["focus_left_out_red_line_infeasible"] += 1
        if reasons:
            continue
        if min(gains, default=0) < 0:
            continue
        reachable |= mask
        groups.setdefault(gains, []).append(rec)
    vectors = sorted(groups, key=order_key)
    frontier = []
    for v in vectors:
        if not any(dominates(w, v) for w in frontier):
            frontier.append(v)
    zero = tuple(0 for _ in m.parties)
    assert frontier, "the empty deal is always acceptable"
    assert zero not in frontier or len(frontier) == 1
    deals = []
    for v in frontier:
        cands = sorted(groups[v], key=lambda r: (r[2], r[7], en.refs_of(r[0])))
        if len(cands) > 1:
            a, b = cands[0], cands[1]
            if a[2] != b[2]:
                cov["representative_by_moves"] += 1
            elif a[7] != b[7]:
                cov["representative_by_size"] += 1
            else:
                cov["representative_by_refs"] += 1
        ev = evaluate(m, en.refs_of(cands[0][0]), o.by, o.binding, o.allow)
        assert tuple(ev["gains"].values()) == v and ev["acceptable"], (v, ev)
        deals.append(ev)

    def first_best(key):
        best = max(key(v) for v in frontier)
        tied = [k for k, v in enumerate(frontier) if key(v) == best]
        return tied[0], len(tied) > 1

    def nash_key(v):
        pos = [g for g in v if g > 0]
        prod = 1
        for g in pos:
            prod *= g
        return (len(pos), prod)

    def leximin_key(v):
        return sorted(v)

    def util_key(v):
        return (sum(v), sorted(v))

    sol = {}
    for name, key in (("nash", nash_key), ("leximin", leximin_key),
                      ("utilitarian", util_key)):
        k, tie = first_best(key)
        sol[name] = deals[k]
        if tie:
            cov[f"{name}_tie"] += 1
            if len(m.parties) >= 3:
                cov[f"{name}_tie_3_parties"] += 1
    out = {"parties": list(m.parties),
           "_frontier_all": [shown(d) for d in deals],  # for the literal self-check only
           "frontier": [shown(d) for d in deals[:top]],
           "complete": len(frontier) <= top,
           "solutions": {k: shown(v) for k, v in sol.items()},
           "blocked": [r for i, r in enumerate(m.refs) if not reachable >> i & 1]}
    # What the cases reached.
    cov["invocations"] += 1
    if len(frontier) == 1 and frontier[0] == zero:
        cov["zero_only_frontier"] += 1
    if len(frontier) >= 2:
        cov["frontier_2_or_more"] += 1
    if len(frontier) >= 4:
        cov["frontier_4_or_more"] += 1
    if not out["complete"]:
        cov["complete_false"] += 1
        if o.top is None:
            cov["complete_false_default_top"] += 1
    if top == 0:
        cov["top_0"] += 1
    if out["blocked"]:
        cov["blocked_nonempty"] += 1
    if len({tuple(d["positions"]) for d in sol.values()}) > 1:
        cov["solutions_differ"] += 1
    if sol["nash"] is not deals[0]:
        cov["nash_not_first"] += 1
    if sol["leximin"] is not sol["utilitarian"]:
        cov["leximin_differs_utilitarian"] += 1
    for d in deals[:top] + list(sol.values()):
        count_deal(m, d, o, cov)
    if o.score is not None:
        ev = evaluate(m, o.score, o.by, o.binding, o.allow)
        vec = tuple(ev["gains"].values())
        dom = [shown(deals[k]) for k, v in enumerate(frontier) if dominates(v, vec)]
        out["score"] = {"positions": ev["positions"], "feasible": ev["feasible"],
                        "why_not_empty": ev["feasible"], "gains": dict(ev["gains"]),
                        "acceptable": ev["acceptable"],
                        "moves": shown(ev)["moves"], "lost": ev["lost"],
                        "dominated_by": dom[:top]}
        cov["score"] += 1
        cov["score_feasible" if ev["feasible"] else "score_infeasible"] += 1
        if ev["acceptable"]:
            cov["score_acceptable"] += 1
        elif ev["feasible"]:
            cov["score_feasible_not_acceptable"] += 1
        if dom:
            cov["score_dominated"] += 1
        if len(dom) > top:
            cov["score_dominated_cut_by_top"] += 1
        for rule, _ in ev["why"]:
            cov[f"score_why_{rule}"] += 1
        count_deal(m, ev, o, cov)
    return out


def count_deal(m, ev, o, cov):
    """The rules a shown deal (a frontier point, a solution or a scored deal) exercises."""
    D = set(ev["positions"])
    if ev["doubled"]:
        cov["doubled_loss"] += 1
    for v in ev["lost"]:
        x = m.pos[v]
        if x.red_line:
            cov["red_line_lost_allowed" if o.allow else "red_line_lost_scored"] += 1
        if v in ev["superseded"]:
            cov["superseded_loss"] += 1
        else:
            cov["via_loss"] += 1
        if v in m.status_quo:
            cov["status_quo_lost"] += 1
        if x.holder not in m.parties:
            cov["focus_left_out_party_loss"] += 1
            if x.red_line and o.allow:
                cov["focus_left_out_red_line_lost_allowed"] += 1
        if v in ev["superseded"] and v in ev["doubled"]:
            cov["superseded_and_doubled"] += 1
    if ev["supported_by_condition"]:
        cov["condition_met"] += 1
    for mv in ev["moves"]:
        cov[f"move_from_{mv['from']}"] += 1
        st = mv["stance"]
        if mv["via"] is None and st is not None and st.priority != 1:
            cov["stance_priority_priced"] += 1
        if mv["via"] is None and st is not None and st.via_left_out:
            cov["focus_via_fallback_priced"] += 1
        if m.conditional(st):
            cov["move_on_conditional"] += 1
            if st.cond_left_out:
                cov["focus_condition_never_met"] += 1
    for t in D:
        if t in m.status_quo and m.pos[t].kind == "demand":
            cov["status_quo_demand_in_deal"] += 1
        if m.pos[t].kind == "concession":
            cov["concession_in_deal"] += 1
        if m.pos[t].holder not in m.parties:
            cov["focus_left_out_position_in_deal"] += 1


# ---------------------------------------------------------------------------------------
# The engine's answer, and the comparison.

def norm_deal(d):
    if not isinstance(d, dict):
        return d
    gains = d.get("gains")
    return {"positions": d.get("positions"), "gains": gains,
            "gains_order": list(gains) if isinstance(gains, dict) else None,
            "joint": d.get("joint"),
            "moves": [{k: mv.get(k, "<absent>") for k in ("party", "position", "from", "via")}
                      if isinstance(mv, dict) else mv for mv in (d.get("moves") or [])]
            if isinstance(d.get("moves"), list) else d.get("moves", "<absent>"),
            "lost": d.get("lost", "<absent>")}


def norm_expected_deal(d, parties):
    out = dict(d)
    out["gains_order"] = list(parties)
    return out


def normalize_actual(deals, want_score):
    out = {"parties": deals.get("parties", "<absent>"),
           "frontier": [norm_deal(d) for d in deals["frontier"]]
           if isinstance(deals.get("frontier"), list) else deals.get("frontier", "<absent>"),
           "complete": deals.get("complete", "<absent>"),
           "solutions": {k: norm_deal((deals.get("solutions") or {}).get(k, "<absent>"))
                         for k in ("nash", "leximin", "utilitarian")},
           "blocked": deals.get("blocked", "<absent>")}
    if want_score:
        s = deals.get("score")
        if not isinstance(s, dict):
            out["score"] = s if s is not None else "<absent>"
        else:
            why = s.get("why_not", "<absent>")
            out["score"] = {
                "positions": s.get("positions", "<absent>"),
                "feasible": s.get("feasible", "<absent>"),
                "why_not_empty": (len(why) == 0) if isinstance(why, list) else why,
                "gains": s.get("gains", "<absent>"),
                "gains_order": list(s["gains"]) if isinstance(s.get("gains"), dict) else None,
                "acceptable": s.get("acceptable", "<absent>"),
                "moves": norm_deal({"moves": s.get("moves")})["moves"],
                "lost": s.get("lost", "<absent>"),
                "dominated_by": [norm_deal(d) for d in s["dominated_by"]]
                if isinstance(s.get("dominated_by"), list) else s.get("dominated_by",
                                                                        "<absent>")}
    return out


def normalize_expected(want):
    parties = want["parties"]
    out = {"parties": parties,
           "frontier": [norm_expected_deal(d, parties) for d in want["frontier"]],
           "complete": want["complete"],
           "solutions": {k: norm_expected_deal(v, parties)
                         for k, v in want["solutions"].items()},
           "blocked": want["blocked"]}
    if "score" in want:
        s = dict(want["score"])
        s["gains_order"] = list(parties)
        s["dominated_by"] = [norm_expected_deal(d, parties) for d in s["dominated_by"]]
        out["score"] = s
    return out


def diff(want, got, path, out):
    if len(out) >= 12:
        return
    if isinstance(want, dict) and isinstance(got, dict):
        for k in want:
            diff(want[k], got.get(k, "<absent>"), f"{path}.{k}" if path else k, out)
        return
    if (isinstance(want, list) and isinstance(got, list) and want and got
            and all(isinstance(x, dict) for x in want + got)):
        if len(want) != len(got):
            out.append(f"{path}: {len(got)} entries, expected {len(want)}")
        for k in range(min(len(want), len(got))):
            diff(want[k], got[k], f"{path}[{k}]", out)
        return
    if want != got:
        out.append(f"{path}:\n        expected {json.dumps(want)}\n        entente  "
                   f"{json.dumps(got)}")


def compact(deals):
    """A `deals` object a key a line, a deal a line."""
    out = []
    for k, v in deals.items():
        if isinstance(v, list) and v and all(isinstance(x, dict) for x in v):
            out.append(f"{k}:")
            out += [f"  {json.dumps(x)}" for x in v]
        elif isinstance(v, dict) and all(isinstance(x, dict) for x in v.values()) and v:
            out.append(f"{k}:")
            for kk, x in v.items():
                if isinstance(x.get("dominated_by"), list):
                    x = dict(x)
                    dom = x.pop("dominated_by")
                    out.append(f"  {kk}: {json.dumps(x)}")
                    out += [f"  dominated_by: {json.dumps(y)}" for y in dom]
                else:
                    out.append(f"  {kk}: {json.dumps(x)}")
        else:
            out.append(f"{k}: {json.dumps(v)}")
    return "\n".join(out)


def run(binary, args, timeout=120):
    return subprocess.run([str(binary)] + [str(a) for a in args], capture_output=True,
                          text=True, env=ENV, timeout=timeout)


# ---------------------------------------------------------------------------------------
# Random scenarios and options.

def generate(rng, n):
    parties = rng.sample(PARTY_IDS, rng.choice([2, 2, 3, 3, 3, 4, 4]))
    issue_ids = rng.sample(ISSUE_IDS, rng.randint(1, 4))
    p_excl = rng.choice([0.0, 0.3, 0.5, 0.8])
    issues = []
    for i in issue_ids:
        issue = {"id": i, "title": f"Issue {i}", "exclusive": None, "status_quo": None}
        if rng.random() < p_excl:
            issue["exclusive"] = True
        elif rng.random() < 0.1:
            issue["exclusive"] = False
        issues.append(issue)
    r = rng.random()
    if r < 0.5 and all(i["exclusive"] for i in issues):
        issues[-1]["exclusive"] = None  # somewhere to put what is not an alternative
    if r < 0.12:
        npos = rng.randint(1, 3)
    elif r < 0.62:
        npos = rng.randint(4, 8)
    elif r < 0.93:
        npos = rng.randint(9, 12)
    else:
        npos = rng.randint(13, 14)
    holders = [rng.choice(parties) for _ in range(npos)]
    if npos >= len(parties) and rng.random() < 0.7:  # each party holds one at least
        holders[:len(parties)] = parties
    ids = {p: rng.sample(POSITION_IDS, holders.count(p)) for p in parties}
    demand_rate = rng.choice([0.5, 0.7, 0.9])
    red_rate = rng.choice([0.0, 0.05, 0.1, 0.2])
    positions = []
    # Exclusive issues mostly hold two or three alternatives (each one in a deal costs the
    # holders of all the others); the rest go to an issue that is not exclusive, if any.
    cap = {i["id"]: rng.choice([2, 3, 3, 4, 6]) if i["exclusive"] else npos for i in issues}
    plain = [i["id"] for i in issues if not i["exclusive"]]
    held = {i: 0 for i in issue_ids}

    def pick_issue():
        i = rng.choice(issue_ids)
        if held[i] >= cap[i] and plain:
            i = rng.choice(plain)
        held[i] += 1
        return i

    for p in parties:
        for pid in ids[p]:
            pos = {"party": p, "id": pid, "issue": pick_issue(),
                   "kind": "demand" if rng.random() < demand_rate else "concession",
                   "text": f"{p} says {pid}.", "priority": None, "red_line": None,
                   "to": None}
            if rng.random() < 0.75:
                pos["priority"] = rng.randint(1, 5)
            if rng.random() < red_rate:
                pos["red_line"] = True
            elif rng.random() < 0.05:
                pos["red_line"] = False
            others = [q for q in parties if q != p]
            if rng.random() < 0.3:
                pos["to"] = rng.sample(others, rng.randint(1, len(others)))
            positions.append(pos)
    rng.shuffle(positions)
    refs = [f"{p['party']}/{p['id']}" for p in positions]
    by_ref = dict(zip(refs, positions))
    audience = {r: by_ref[r]["to"] or [q for q in parties if q != by_ref[r]["party"]]
                for r in refs}
    own = {p: [x["id"] for x in positions if x["party"] == p] for p in parties}
    # How the parties answer: some scenarios agree a lot, some reject, some stay silent.
    weights = rng.choice([(6, 3, 1), (8, 2, 1), (9, 2, 1), (4, 4, 2), (3, 3, 4), (7, 1, 2)])
    answer_rate = rng.choice([0.7, 0.9, 1.0, 1.0])
    cond_rate = rng.choice([0.1, 0.3, 0.5])
    stances = {}

    def make(q, r, value):
        st = {"party": q, "position": r, "stance": value, "via": None, "agree_if": None,
              "priority": None}
        if own[q] and rng.random() < (0.45 if value == "reject" else 0.25):
            st["via"] = rng.choice(own[q])
        if rng.random() < (cond_rate if value != "agree" else 0.08):
            k = rng.choice([1, 1, 2, 3])
            st["agree_if"] = rng.sample(refs, min(k, len(refs)))
        if rng.random() < 0.3:
            st["priority"] = rng.randint(1, 5)
        return st

    for q in parties:
        for r in refs:
            if by_ref[r]["party"] == q:
                continue
            if q not in audience[r]:
                if rng.random() < 0.08:  # outside the audience: a warning, it does not count
                    stances[(q, r)] = make(q, r, rng.choice(["agree", "reject", "consider"]))
                continue
            if rng.random() >= answer_rate:
                continue
            value = rng.choices(["agree", "consider", "reject"], weights)[0]
            stances[(q, r)] = make(q, r, value)
    # Cycles of conditions: packages that only go in together.
    for _ in range(rng.choice([0, 1, 1, 2])):
        if len(refs) < 2:
            break
        cycle = rng.sample(refs, rng.randint(2, min(3, len(refs))))
        for k, r in enumerate(cycle):
            nxt = cycle[(k + 1) % len(cycle)]
            waiter = rng.choice(audience[r])
            st = make(waiter, r, rng.choice(["consider", "consider", "reject"]))
            st["agree_if"] = [nxt]
            stances[(waiter, r)] = st
    for issue in issues:
        on = [r for r in refs if by_ref[r]["issue"] == issue["id"]]
        if issue["exclusive"] and on and rng.random() < 0.6:
            issue["status_quo"] = rng.choice(on)
    order = list(stances.values())
    rng.shuffle(order)
    party_entries = [{"id": p, "empty_lists": rng.random() < 0.2} for p in parties]
    return {"title": f"Deals case {n}", "issues": issues, "parties": party_entries,
            "positions": positions, "stances": order}


def random_options(rng, scen, first):
    parties = [p["id"] for p in scen["parties"]]
    o = Options()
    if not first and len(parties) >= 3 and rng.random() < 0.4:
        o.focus = rng.sample(parties, rng.randint(2, len(parties)))
    m = Model(scen, o.focus)
    if not first:
        if rng.random() < 0.25:
            o.by = sorted(set(rng.sample(m.parties, rng.randint(1, 2))))
        o.binding = rng.random() < 0.3
        o.allow = rng.random() < 0.3
    o.top = rng.choice([None, None, None, 0, 1, 2, 3, 10])
    if m.refs and (rng.random() < 0.5 or not first and rng.random() < 0.3):
        en = Enumeration(m)
        pick = rng.random()
        recs = en.records
        if pick < 0.35 and len(recs) > 1:
            good = [r for r in recs if min(r[1]) >= 0 and r[0]]
            rec = rng.choice(good or recs[1:])
            o.score = en.refs_of(rec[0])
        else:
            o.score = rng.sample(m.refs, rng.randint(1, min(4, len(m.refs))))
            alts = [on for on in m.exclusive.values() if len(on) >= 2]
            if alts and rng.random() < 0.25:
                two = rng.sample(rng.choice(alts), 2)
                o.score = sorted(set(o.score) | set(two))
        o.score = list(o.score)
        rng.shuffle(o.score)
    return o


# ---------------------------------------------------------------------------------------
# Hand-written cases: their answers are stated, checked against the oracle and entente.

NO_DEAL = """\
format: 1
title: No deal beats no deal
issues:
  - {id: tax, title: Tax}
parties:
  - id: a
    positions:
      - {id: x, issue: tax, kind: demand, text: X., priority: 1}
  - id: b
    stances:
      - {position: a/x, stance: reject, priority: 5}
"""

TIES = """\
format: 1
title: Ties by frontier order
issues:
  - {id: e, title: E, exclusive: true}
  - {id: t, title: T}
parties:
  - id: a
    positions:
      - {id: p, issue: t, kind: demand, text: P., priority: 2}
    stances:
      - {position: b/q, stance: consider, agree_if: [c/y]}
      - {position: c/x, stance: agree}
      - {position: c/y, stance: agree}
      - {position: c/z, stance: agree}
  - id: b
    positions:
      - {id: q, issue: t, kind: demand, text: Q., priority: 2}
    stances:
      - {position: a/p, stance: consider, agree_if: [c/x]}
      - {position: c/x, stance: agree}
      - {position: c/y, stance: agree}
      - {position: c/z, stance: agree}
  - id: c
    positions:
      - {id: x, issue: e, kind: concession, text: X., priority: 1}
      - {id: y, issue: e, kind: concession, text: Y., priority: 1}
      - {id: z, issue: t, kind: demand, text: Z., priority: 2}
    stances:
      - {position: a/p, stance: agree}
      - {position: b/q, stance: agree}
"""

DOUBLED = """\
format: 1
title: A loss doubled, a red line
issues:
  - {id: rent, title: Rent}
parties:
  - id: a
    positions:
      - {id: x, issue: rent, kind: demand, text: X., priority: 5}
    stances:
      - {position: b/w, stance: consider, agree_if: [a/x]}
  - id: b
    positions:
      - {id: y, issue: rent, kind: concession, text: Y., priority: 2}
      - {id: w, issue: rent, kind: demand, text: W., priority: 5}
    stances:
      - {position: a/x, stance: reject, via: y}
"""

SUPERSEDED_DOUBLED = """\
format: 1
title: Superseded and given up by a reject, priced once and doubled
issues:
  - {id: seat, title: Seat, exclusive: true}
parties:
  - id: a
    positions:
      - {id: x, issue: seat, kind: demand, text: X., priority: 5}
  - id: b
    positions:
      - {id: y, issue: seat, kind: demand, text: Y., priority: 2}
    stances:
      - {position: a/x, stance: reject, via: y}
"""

REPRESENTATIVE = """\
format: 1
title: The smallest deal shows the vector
issues:
  - {id: rent, title: Rent}
parties:
  - id: a
    positions:
      - {id: x, issue: rent, kind: demand, text: X., priority: 2}
    stances:
      - {position: b/c, stance: agree}
      - {position: b/d, stance: agree}
  - id: b
    positions:
      - {id: c, issue: rent, kind: concession, text: C., priority: 1}
      - {id: d, issue: rent, kind: concession, text: D., priority: 1}
    stances:
      - {position: a/x, stance: agree}
"""

MOVES_FIRST = """\
format: 1
title: Fewest moves before fewest positions
issues:
  - {id: rent, title: Rent}
parties:
  - id: a
    positions:
      - {id: x, issue: rent, kind: demand, text: X., priority: 3}
      - {id: y1, issue: rent, kind: demand, text: Y1., priority: 1}
      - {id: y2, issue: rent, kind: demand, text: Y2., priority: 1}
    stances:
      - {position: b/c, stance: agree}
      - {position: b/d, stance: consider, via: y1}
  - id: b
    positions:
      - {id: c, issue: rent, kind: concession, text: C., priority: 1}
      - {id: d, issue: rent, kind: concession, text: D., priority: 1}
    stances:
      - {position: a/x, stance: consider, agree_if: [b/d]}
      - {position: a/y1, stance: consider, agree_if: [b/c]}
      - {position: a/y2, stance: consider, agree_if: [b/c, a/y1]}
"""

FOCUS = """\
format: 1
title: Focus on two of four
issues:
  - {id: e, title: E, exclusive: true, status_quo: c/sq}
  - {id: t, title: T}
parties:
  - id: a
    positions:
      - {id: x, issue: e, kind: demand, text: X., priority: 4}
      - {id: h, issue: t, kind: demand, text: H., priority: 2}
    stances:
      - {position: b/y, stance: agree}
  - id: b
    positions:
      - {id: y, issue: t, kind: demand, text: Y., priority: 1}
      - {id: g, issue: t, kind: concession, text: G., priority: 2, to: [c]}
    stances:
      - {position: a/x, stance: agree}
      - {position: a/h, stance: consider, via: g, agree_if: [c/w]}
  - id: c
    positions:
      - {id: sq, issue: e, kind: demand, text: SQ., priority: 3, red_line: true}
      - {id: w, issue: t, kind: demand, text: W., to: [d]}
    stances:
      - {position: a/x, stance: reject}
  - id: d
    stances:
      - {position: c/w, stance: agree}
"""


def vectors(out, key="frontier"):
    return [list(d["gains"].values()) for d in out[key]]


def positions_of(out, name):
    return out["solutions"][name]["positions"]


FIXED = [
    ("no-deal", NO_DEAL, [
        (Options(), lambda w: w["frontier"] == [{"positions": [], "gains": {"a": 0, "b": 0},
                                                 "joint": 0, "moves": [], "lost": []}]
         and w["complete"] and w["blocked"] == ["a/x"]
         and all(positions_of(w, k) == [] for k in ("nash", "leximin", "utilitarian"))),
        (Options(top=0), lambda w: w["frontier"] == [] and not w["complete"]
         and positions_of(w, "nash") == []),
        (Options(score=["a/x"]), lambda w: w["score"]["feasible"]
         and not w["score"]["acceptable"] and w["score"]["gains"] == {"a": 1, "b": -10}
         and w["score"]["dominated_by"] == []),
    ]),
    ("ties", TIES, [
        (Options(binding=True), lambda w: vectors(w) == [[2, 0, 1], [0, 2, 1], [0, 0, 2]]
         and all(positions_of(w, k) == ["a/p", "c/x", "c/z"]
                 for k in ("nash", "leximin", "utilitarian")) and w["blocked"] == []),
        (Options(binding=True, top=1), lambda w: vectors(w) == [[2, 0, 1]]
         and not w["complete"] and positions_of(w, "nash") == ["a/p", "c/x", "c/z"]),
        (Options(), lambda w: vectors(w) == [[2, 1, 1], [1, 2, 1], [1, 1, 2]]
         and all(positions_of(w, k) == ["a/p", "b/q", "c/y", "c/z"]
                 for k in ("nash", "leximin", "utilitarian"))),
        (Options(binding=True, score=["a/p", "b/q", "c/z"]),
         lambda w: not w["score"]["feasible"] and w["score"]["gains"] == {"a": 1, "b": 1, "c": 2}
         and [list(d["gains"].values()) for d in w["score"]["dominated_by"]] == []),
        (Options(score=["c/x"], top=2), lambda w: w["score"]["gains"] == {"a": 0, "b": 0, "c": -1}
         and len(w["score"]["dominated_by"]) == 2),
    ]),
    ("doubled", DOUBLED, [
        (Options(), lambda w: vectors(w) == [[5, 1]] and w["frontier"][0]["lost"] == ["b/y"]
         and w["frontier"][0]["moves"] == [{"party": "b", "position": "a/x", "from": "reject",
                                            "via": "b/y"}]),
        (Options(score=["a/x", "b/y"]), lambda w: not w["score"]["feasible"]
         and w["score"]["lost"] == []),
    ]),
    ("doubled-red-line", DOUBLED.replace("priority: 2}", "priority: 2, red_line: true}"), [
        (Options(), lambda w: vectors(w) == [[0, 0]]
         and w["blocked"] == ["a/x", "b/w", "b/y"]),
        (Options(allow=True, score=["b/w", "a/x"]), lambda w: w["score"]["feasible"]
         and w["score"]["gains"] == {"a": 5, "b": -15} and w["score"]["lost"] == ["b/y"]),
        (Options(score=["b/w", "a/x"]), lambda w: not w["score"]["feasible"]),
    ]),
    ("superseded-doubled", SUPERSEDED_DOUBLED, [
        (Options(score=["a/x"]), lambda w: vectors(w) == [[0, 0]]
         and w["score"]["gains"] == {"a": 5, "b": -4} and w["score"]["lost"] == ["b/y"]
         and w["score"]["feasible"] and w["blocked"] == ["a/x", "b/y"]),
    ]),
    ("representative", REPRESENTATIVE, [
        (Options(), lambda w: vectors(w) == [[2, 0]]
         and w["frontier"][0]["positions"] == ["a/x"] and w["blocked"] == []),
        (Options(score=["b/c"]), lambda w: w["score"]["acceptable"]
         and [d["positions"] for d in w["score"]["dominated_by"]] == [["a/x"]]),
    ]),
    ("moves-first", MOVES_FIRST, [
        (Options(), lambda w: vectors(w) == [[2, 0]]
         and w["frontier"][0]["positions"] == ["a/y1", "a/y2", "b/c"]),
        (Options(score=["a/x", "b/d"]), lambda w: w["score"]["acceptable"]
         and w["score"]["lost"] == ["a/y1"] and w["score"]["gains"] == {"a": 2, "b": 0}
         and w["score"]["dominated_by"] == []),
        (Options(score=["a/y1", "b/d", "b/c"]), lambda w: not w["score"]["feasible"]),
    ]),
    ("focus", FOCUS, [
        (Options(focus=["b", "a"]), lambda w: w["parties"] == ["a", "b"]
         and vectors(w) == [[2, 0], [0, 1]] and w["blocked"] == ["a/x", "c/sq"]
         and positions_of(w, "nash") == ["a/h", "b/y"]),
        (Options(focus=["a", "b"], allow=True),
         lambda w: vectors(w) == [[6, 0], [4, 1]] and w["blocked"] == ["c/sq"]
         and positions_of(w, "nash") == ["a/x", "b/y"]
         and positions_of(w, "leximin") == ["a/x", "b/y"]
         and positions_of(w, "utilitarian") == ["a/h", "a/x", "b/y"]
         and w["frontier"][1]["lost"] == ["c/sq"]),
        (Options(focus=["a", "b"], score=["a/h"]),
         lambda w: w["score"]["moves"] == [{"party": "b", "position": "a/h", "from": "consider",
                                            "via": None}]
         and w["score"]["gains"] == {"a": 2, "b": -1}),
        (Options(), lambda w: w["parties"] == ["a", "b", "c", "d"]),
        (Options(allow=True, by=["b"]), lambda w: w["parties"] == ["a", "b", "c", "d"]),
    ]),
]


def fixed_scenario(text):
    """The scenario dict of a hand-written case: its YAML, read by a tiny reader that knows
    only the shapes written above (flow mappings one a line)."""
    scen = {"title": "", "issues": [], "parties": [], "positions": [], "stances": []}
    section = party = None
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("issues:"):
            section = "issues"
        elif line.startswith("parties:"):
            section = "parties"
        elif line.startswith("- id:"):  # only parties are written in block style
            party = line.split(":", 1)[1].strip()
            scen["parties"].append({"id": party})
        elif line in ("positions:", "stances:"):
            section = line[:-1]
        elif line.startswith("- {"):
            body = line[3:-1]
            item, key, depth, cur = {}, None, 0, ""
            parts = []
            for ch in body:
                if ch == "[":
                    depth += 1
                elif ch == "]":
                    depth -= 1
                if ch == "," and depth == 0:
                    parts.append(cur)
                    cur = ""
                else:
                    cur += ch
            parts.append(cur)
            for part in parts:
                key, val = (s.strip() for s in part.split(":", 1))
                if val.startswith("["):
                    val = [v.strip() for v in val[1:-1].split(",")]
                elif val in ("true", "false"):
                    val = val == "true"
                elif val.isdigit():
                    val = int(val)
                item[key] = val
            if section == "issues":
                scen["issues"].append(item)
            elif section == "positions":
                item["party"] = party
                scen["positions"].append(item)
            elif section == "stances":
                item["party"] = party
                scen["stances"].append(item)
    return scen


# ---------------------------------------------------------------------------------------
# One scenario, several invocations.

def cross_check(m, en):
    """The fast evaluator against the literal one, on every subset of a small scenario."""
    if len(en.records) > SMALL_CROSS_CHECK:
        return []
    problems = []
    for rec in en.records:
        ev = evaluate(m, en.refs_of(rec[0]))
        vias = {mv["via"] for mv in ev["moves"]}
        red = 0
        for v in ev["lost"]:
            if m.pos[v].red_line:
                red |= 1 if m.pos[v].holder in m.parties else 2
        fast = (rec[1], rec[2], rec[4], rec[5], rec[6])
        slow = (tuple(ev["gains"].values()), len(ev["moves"]),
                any(m.conditional(mv["stance"]) for mv in ev["moves"]),
                any(v in ev["positions"] for v in vias if v), red)
        if fast != slow:
            problems.append(f"oracle self-check: {ev['positions']}: fast {fast}, literal {slow}")
            break
    return problems


def literal_answer(m, o):
    """The frontier (uncut) and `blocked` from the words of 8.3 alone: every one of the 2^n
    subsets through the literal evaluator, dominance checked against every feasible deal."""
    evs = [evaluate(m, c, o.by, o.binding, o.allow)
           for k in range(len(m.refs) + 1) for c in itertools.combinations(m.refs, k)]
    feasible = [tuple(e["gains"].values()) for e in evs if e["feasible"]]
    acceptable = [e for e in evs if e["acceptable"]]
    best = {}
    for e in acceptable:
        v = tuple(e["gains"].values())
        if any(dominates(w, v) for w in feasible):
            continue
        key = (len(e["moves"]), len(e["positions"]), e["positions"])
        if v not in best or key < best[v][0]:
            best[v] = (key, e)
    frontier = [shown(best[v][1]) for v in sorted(best, key=order_key)]
    inside = {r for e in acceptable for r in e["positions"]}
    return frontier, [r for r in m.refs if r not in inside]


def check_case(job):
    """Runs one scenario's invocations; returns (name, failures, coverage, count). An
    exception (a bug of the oracle, or a run that hangs) is a failure of its own."""
    try:
        return check_case_unguarded(job)
    except Exception:  # noqa: BLE001 - reported with its traceback, never swallowed
        import traceback
        return job[0], [{"name": job[0], "text": job[1], "cmd": "(oracle)",
                         "lines": ["the oracle failed:\n" + traceback.format_exc()]}], \
            Counter(), 0


def check_case_unguarded(job):
    name, text, scen, invocations, binary, tmp, validate_only = job
    cov = Counter()
    path = Path(tmp) / f"{name}.yaml"
    path.write_text(text)
    failures = []
    count = 0
    models = {}
    if validate_only:
        proc = run(binary, ["check", path])
        count += 1
        if proc.returncode != 0:
            failures.append({"name": name, "text": text, "cmd": f"entente check {path}",
                             "lines": [f"check exit {proc.returncode} (the generator wrote an "
                                       f"invalid scenario?)\n{proc.stderr.strip()}"]})
    for o, stated in invocations:
        key = tuple(sorted(o.focus)) if o.focus else None
        if key not in models:
            m = Model(scen, o.focus)
            en = Enumeration(m)
            models[key] = (m, en)
            problems = cross_check(m, en)
            if problems:
                failures.append({"name": name, "text": text, "cmd": "(oracle)",
                                 "lines": problems})
            cov["outside_audience_stance"] += m.outside_audience
            if o.focus is not None:
                cov["focus"] += 1
                cov["focus_position_left_out"] += len(m.left_out)
                cov["focus_via_fallback"] += sum(1 for s in m.stances.values()
                                                 if s.via_left_out)
                cov["focus_condition_on_left_out"] += sum(1 for s in m.stances.values()
                                                          if s.cond_left_out)
            cov["subsets_max"] = max(cov["subsets_max"], len(en.records))
            cov["subsets_total"] += len(en.records)
        m, en = models[key]
        want = expected(m, en, o, cov)
        frontier_all = want.pop("_frontier_all")
        if len(m.refs) <= LITERAL_MAX:
            cov["literal_self_checks"] += 1
            lit_frontier, lit_blocked = literal_answer(m, o)
            if (lit_frontier, lit_blocked) != (frontier_all, want["blocked"]):
                failures.append({"name": name, "text": text, "cmd": "(oracle)", "lines": [
                    f"oracle self-check: options {o.args()}: the enumeration gives\n"
                    f"{json.dumps([frontier_all, want['blocked']])}\nthe literal brute force "
                    f"over every subset\n{json.dumps([lit_frontier, lit_blocked])}"]})
        if o.by:
            cov["option_by"] += 1
        if o.binding:
            cov["option_binding"] += 1
        if o.allow:
            cov["option_allow_red_lines"] += 1
        args = ["deals", path] + o.args() + ["--format", "json"]
        cmd = "entente " + " ".join(shlex.quote(str(a)) for a in args)
        lines = []
        if stated is not None and not FIXED[stated[0]][2][stated[1]][1](want):
            lines.append("the oracle contradicts the stated answer of this hand-written case:\n"
                         + json.dumps(want, indent=1))
        if not validate_only:
            count += 1
            proc = run(binary, args)
            if proc.returncode != 0:
                hint = (" (entente calls the scenario invalid: a bug of the generator unless "
                        "the format says it is valid; try `entente check` on it)"
                        if proc.returncode == 1 else "")
                lines.append(f"exit {proc.returncode}, expected 0{hint}\n"
                             f"{proc.stderr.strip()}")
            else:
                try:
                    got = json.loads(proc.stdout)
                    if got.get("format") != 1:
                        lines.append(f"format: {got.get('format')!r}, expected 1")
                    deals = got["deals"]
                    actual = normalize_actual(deals, o.score is not None)
                    d = []
                    diff(normalize_expected(want), actual, "", d)
                    lines += d
                    if d:
                        lines.append("expected (the compared keys):\n" + compact(want))
                        lines.append("entente:\n" + compact(deals))
                except (ValueError, KeyError, TypeError, AttributeError) as e:
                    lines.append(f"unreadable output ({type(e).__name__}: {e}):\n"
                                 f"{proc.stdout[:2000]}")
        if lines:
            failures.append({"name": name, "text": text, "cmd": cmd, "lines": lines})
    return name, failures, cov, count


class Counter(dict):
    def __missing__(self, key):
        return 0


def usage_errors(binary, tmp):
    """8.4: the usage errors exit 2 and print nothing on standard output."""
    path = Path(tmp) / "usage.yaml"
    path.write_text(TIES)
    cases = [["--top", "-1"], ["--score", "a/nope"], ["--score", "a/p,c/z,a/p"],
             ["--by", "nobody"], ["--by", "a", "--by", "zz"], ["--score", "zz/p"]]
    failures = []
    for extra in cases:
        args = ["deals", path] + extra + ["--format", "json"]
        proc = run(binary, args)
        if proc.returncode != 2 or proc.stdout.strip():
            failures.append({"name": "usage", "text": TIES,
                             "cmd": "entente " + " ".join(map(str, args)),
                             "lines": [f"exit {proc.returncode} (expected 2), stdout "
                                       f"{proc.stdout[:300]!r}, stderr "
                                       f"{proc.stderr.strip()[:300]!r}"]})
    return failures, len(cases)


REQUIRED = [
    "zero_only_frontier", "frontier_2_or_more", "frontier_4_or_more", "complete_false",
    "top_0", "blocked_nonempty", "solutions_differ", "nash_not_first",
    "nash_tie", "leximin_tie", "utilitarian_tie", "nash_tie_3_parties",
    "representative_by_moves", "representative_by_size",
    "doubled_loss", "via_loss", "superseded_loss", "status_quo_lost",
    "red_line_lost_allowed", "condition_met", "move_on_conditional",
    "move_from_reject", "move_from_consider", "move_from_silent", "stance_priority_priced",
    "status_quo_demand_in_deal", "concession_in_deal",
    "infeasible_only_by_binding", "infeasible_only_by_by", "infeasible_only_by_via",
    "infeasible_only_by_red_line",
    "focus", "focus_position_left_out", "focus_via_fallback", "focus_via_fallback_priced",
    "focus_condition_on_left_out", "focus_left_out_party_loss",
    "focus_left_out_position_in_deal", "focus_left_out_red_line_infeasible",
    "focus_left_out_red_line_lost_allowed", "superseded_and_doubled",
    "score", "score_infeasible", "score_acceptable", "score_feasible_not_acceptable",
    "score_dominated", "score_why_exclusive", "score_why_red_line", "score_why_via",
    "score_why_binding", "score_why_by", "outside_audience_stance",
    "option_by", "option_binding", "option_allow_red_lines", "literal_self_checks",
]


def main():
    ap = argparse.ArgumentParser(description="Brute-force oracle for `entente deals`.")
    ap.add_argument("entente")
    ap.add_argument("rest", nargs="*", help="ignored (ENTENTE_GENERATE SOURCE_DIR)")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--cases", type=int, default=DEFAULT_CASES)
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--validate-only", action="store_true")
    a = ap.parse_args()
    binary = Path(a.entente)
    if not binary.exists():
        print(f"deals oracle: {binary} does not exist")
        return 2
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="deals-oracle-") as tmp:
        if not a.validate_only:
            probe = Path(tmp) / "probe.yaml"
            probe.write_text(NO_DEAL)
            proc = run(binary, ["deals", probe, "--format", "json"])
            if proc.returncode != 0:
                print(f"deals oracle: `{binary} deals {probe} --format json` exits "
                      f"{proc.returncode}: {proc.stderr.strip()[:500]}\n(a build without "
                      f"`deals` can still run --validate-only)")
                return 1
        jobs = []
        for k, (name, text, invs) in enumerate(FIXED):
            # A stated answer is a function: the job names it by its place in FIXED.
            scen = fixed_scenario(text)
            jobs.append((f"fixed-{name}", text, scen,
                         [(o, (k, j)) for j, (o, _) in enumerate(invs)], binary, tmp,
                         a.validate_only))
        for n in range(a.cases):
            rng = random.Random(f"{a.seed}-{n}")
            scen = generate(rng, n)
            text = to_yaml(scen, flow=rng.random() < 0.4)
            invs = [(random_options(rng, scen, k == 0), None)
                    for k in range(rng.choice([2, 3, 3, 4]))]
            jobs.append((f"case-{a.seed}-{n:03d}", text, scen, invs, binary, tmp,
                         a.validate_only))
        failures = []
        cov = Counter()
        count = 0
        if a.jobs > 1:
            with concurrent.futures.ProcessPoolExecutor(a.jobs) as pool:
                results = list(pool.map(check_case, jobs, chunksize=2))
        else:
            results = [check_case(j) for j in jobs]
        for _, f, c, k in results:
            failures += f
            count += k
            for key, v in c.items():
                if key == "subsets_max":
                    cov[key] = max(cov[key], v)
                else:
                    cov[key] += v
        if not a.validate_only:
            f, k = usage_errors(binary, tmp)
            failures += f
            count += k
        keep_dir = None
        if failures:
            keep_dir = Path(tempfile.mkdtemp(prefix="deals-oracle-failed-"))
            for f in failures:
                (keep_dir / f"{f['name']}.yaml").write_text(f["text"])
            for f in failures:  # the commands name the kept copies
                f["cmd"] = f["cmd"].replace(str(tmp), str(keep_dir))
            with open(keep_dir / "mismatches.txt", "w") as out:
                for f in failures:
                    out.write(f"== {f['name']}: {f['cmd']}\n" + "\n".join(f["lines"]) + "\n\n")
    printed = set()
    for k, f in enumerate(failures):
        if k < SHOW_FULL:
            if f["name"] in printed:
                print(f"MISMATCH {f['name']} (scenario above)\n--- command:\n  {f['cmd']}\n"
                      f"--- differences:")
            else:
                print(f"MISMATCH {f['name']}\n--- scenario ({keep_dir}/{f['name']}.yaml):\n"
                      f"{f['text']}--- command:\n  {f['cmd']}\n--- differences:")
            printed.add(f["name"])
            for line in f["lines"]:
                print("  " + line.replace("\n", "\n  "))
            print()
        else:
            print(f"MISMATCH {f['name']}: {f['cmd']}: {f['lines'][0].splitlines()[0]}")
    ok = not failures
    short = [k for k in REQUIRED if cov[k] == 0]
    for k in short:
        print(f"COVERAGE: no case reached {k}")
    if short:
        ok = False
    shown_cov = ", ".join(f"{k} {cov[k]}" for k in sorted(cov))
    verdict = (f"{len(failures)} MISMATCHES (all kept in {keep_dir}/mismatches.txt)"
               if failures else ("all match" if ok else "all match, but COVERAGE is short"))
    mode = "validate only, " if a.validate_only else ""
    print(f"deals oracle ({mode}seed {a.seed}{', quick' if QUICK else ''}): {a.cases} random "
          f"scenarios + {len(FIXED)} fixed, {count} runs in {time.monotonic() - start:.1f} s; "
          f"coverage: {shown_cov}; {verdict}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
