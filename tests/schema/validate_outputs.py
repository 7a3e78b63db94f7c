#!/usr/bin/env python3
"""Every JSON output of Entente against its JSON Schema in docs/schema/, with ajv-cli.

Validated, one ajv run per schema:
- every golden JSON output (tests/golden/cases/*/expected.json), by the command of its `cmd`
  (a case whose command has no schema here fails the test: a new JSON output needs one);
- outputs made live by the built entente: `report --format json` of every shipped scenario
  under positions/ (folders and single files), of tests/csv/hostile.yaml and of a scenario
  with warnings; `whatif`, `explain`, `concede`, `deals`, `check` and `diff` of the flagship;
- a few broken copies, which must be refused: a key renamed at the top and one inside, for
  each schema, so that the test shows at every run that it can fail.

Usage: validate_outputs.py ENTENTE AJV SOURCE_DIR
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# The command of a JSON output -> its schema and the schemas that one refers to.
SCHEMAS = {
    "report": ("report.schema.json", []),
    "whatif": ("whatif.schema.json", ["report.schema.json", "comparison.schema.json"]),
    "diff": ("diff.schema.json", ["report.schema.json", "comparison.schema.json"]),
    "explain": ("explain.schema.json", []),
    "concede": ("concede.schema.json", []),
    "check": ("check.schema.json", []),
    "blocs": ("blocs.schema.json", []),
    "coalitions": ("coalitions.schema.json", []),
    "deals": ("deals.schema.json", []),
}

FLAGSHIP = "positions/russia-us-nato-2022"
COUNCIL = "positions/city-council"
COUNCIL_PAIR = "commons,green-quill,open-city"

# A scenario with warnings, so that a report's `diagnostics` has entries.
WARNINGS_SCENARIO = """\
format: 1
title: Warnings
parties:
  - id: a
    name: A
    positions:
      - {id: x, issue: i, kind: demand, text: X, to: [b]}
  - id: b
    name: B
    stances: [{position: a/x, stance: agree}]
  - id: c
    name: C
    stances: [{position: a/x, stance: reject}]
issues: [{id: i, title: I}]
sources: [{id: unused, title: Nobody cites me}]
"""


def fail(message):
    print(f"FAIL: {message}")
    sys.exit(1)


def golden_outputs(source, work, files, problems):
    """Copies each golden JSON output to work/golden/CASE.json under its command."""
    count = 0
    for case in sorted((source / "tests/golden/cases").iterdir()):
        expected = case / "expected.json"
        if not expected.is_file():
            continue
        words = (case / "cmd").read_text(encoding="utf-8").split()
        command = words[0] if words else ""
        if command == "schema":  # a JSON Schema itself: compiled by ajv (compile_schemas)
            (work / "schemas").mkdir(exist_ok=True)
            shutil.copyfile(expected, work / "schemas" / f"{case.name}.json")
            continue
        if command not in SCHEMAS:
            problems.append(
                f"golden case {case.name}: a JSON output of '{' '.join(words)}', and no schema "
                f"for the command '{command}' (add one to docs/schema/ and to SCHEMAS in "
                f"{Path(__file__).name})")
            continue
        copy = work / "golden" / f"{case.name}.json"
        shutil.copyfile(expected, copy)
        files[command].append(copy)
        count += 1
    return count


def live_runs(source, work):
    """(command, file name, arguments after `entente`) of every live output."""
    runs = []
    scenarios = [d for d in sorted((source / "positions").iterdir())
                 if (d.is_dir() and (d / "scenario.yaml").is_file()) or d.suffix == ".yaml"]
    if not any(s.name == Path(FLAGSHIP).name for s in scenarios):
        fail(f"no {FLAGSHIP} among the shipped scenarios")
    for s in scenarios:
        runs.append(("report", f"report-{s.name}", ["report", str(s.relative_to(source))]))
    runs.append(("report", "report-hostile", ["report", "tests/csv/hostile.yaml"]))
    warnings = work / "warnings.yaml"
    warnings.write_text(WARNINGS_SCENARIO, encoding="utf-8")
    runs.append(("report", "report-warnings", ["report", str(warnings)]))
    runs.append(("check", "check-warnings", ["check", str(warnings)]))
    runs += [
        ("whatif", "whatif-flagship",
         ["whatif", FLAGSHIP, "--set", "usa:russia/no-strike-weapons-near-borders=consider",
          "--drop", "russia/package-whole", "--accept", "usa/risk-reduction"]),
        ("explain", "explain-flagship-conditional",
         ["explain", FLAGSHIP, "russia/no-intermediate-missiles"]),
        ("explain", "explain-flagship-unanswered",
         ["explain", FLAGSHIP, "russia/indivisible-security"]),
        ("concede", "concede-flagship-issue", ["concede", FLAGSHIP, "--target", "strike-assets"]),
        ("concede", "concede-flagship-blocked",
         ["concede", FLAGSHIP, "--target", "russia/no-nato-enlargement"]),
        ("concede", "concede-flagship-red-lines",
         ["concede", FLAGSHIP, "--target", "russia/no-nato-enlargement", "--allow-red-lines"]),
        ("check", "check-flagship", ["check", FLAGSHIP]),
        ("blocs", "blocs-flagship", ["blocs", FLAGSHIP]),
        ("blocs", "blocs-flagship-low", ["blocs", FLAGSHIP, "--threshold", "0.2"]),
        ("coalitions", "coalitions-flagship", ["coalitions", FLAGSHIP, "--size", "2"]),
        ("coalitions", "coalitions-council-quota",
         ["coalitions", COUNCIL, "--quota", "23", "--top", "100"]),
        ("deals", "deals-flagship-score",
         ["deals", FLAGSHIP, "--score", "russia/no-nato-enlargement,usa/arms-control-talks"]),
        ("deals", "deals-council-by", ["deals", COUNCIL, "--by", "commons", "--top", "3"]),
        ("report", "report-council-focused", ["report", COUNCIL, "--parties", COUNCIL_PAIR]),
        ("diff", "diff-flagship", ["diff", "positions/russia-us-nato-2022-02-03", FLAGSHIP]),
    ]
    return [(c, n, args + ["--format", "json"]) for c, n, args in runs]


def live_outputs(entente, source, work, files):
    env = dict(os.environ, ENTENTE_NO_CACHE="1")
    runs = live_runs(source, work)
    for command, name, args in runs:
        run = subprocess.run([entente] + args, cwd=source, env=env, capture_output=True)
        if run.returncode != 0 or not run.stdout:
            fail(f"entente {' '.join(args)}: exit code {run.returncode}, "
                 f"{len(run.stdout)} bytes out\n{run.stderr.decode(errors='replace')}")
        out = work / "live" / f"{name}.json"
        out.write_bytes(run.stdout)
        files[command].append(out)
    return len(runs)


def renamed(value, path):
    """`value` with the key at `path` (keys and indexes; the last one a key) renamed."""
    *parents, key = path
    node = value
    for step in parents:
        node = node[step]
    node[key + "_renamed"] = node.pop(key)
    return value


def first_nested_key(value, path=()):
    """The path of the first key of the first object below the top, depth first."""
    items = value.items() if isinstance(value, dict) else enumerate(value)
    for step, child in items:
        if isinstance(child, dict) and child and path:
            return path + (step, next(iter(child)))
        if isinstance(child, (dict, list)):
            found = first_nested_key(child, path + (step,))
            if found:
                return found
    return None


def broken_copies(work, files):
    """For each schema, two copies of one of its outputs that it must refuse."""
    broken = {}
    for command, outputs in files.items():
        original = json.loads(outputs[0].read_text(encoding="utf-8"))
        top = (list(original)[-1],)
        inner = first_nested_key({"": original})[1:]
        broken[command] = []
        for label, path in (("top", top), ("inner", inner)):
            copy = work / "broken" / f"{command}-{label}.json"
            copy.write_text(json.dumps(renamed(json.loads(json.dumps(original)), path)),
                            encoding="utf-8")
            broken[command].append((copy, "/".join(str(p) for p in path)))
    return broken


def validate(ajv, source, work, command, good, bad):
    """One ajv run; returns the problems: good files refused, bad ones accepted, warnings."""
    schema, refs = SCHEMAS[command]
    schemas = source / "docs/schema"
    args = [ajv, "validate", "--spec=draft7", "-c", "ajv-formats", "--errors=text",
            "-s", str(schemas / schema)]
    for ref in refs:
        args += ["-r", str(schemas / ref)]
    for f in good + [copy for copy, _ in bad]:
        args += ["-d", str(f.relative_to(work))]
    run = subprocess.run(args, cwd=work, capture_output=True, text=True)
    lines = (run.stdout + run.stderr).splitlines()
    verdicts = {}
    for line in lines:
        name, _, verdict = line.rpartition(" ")
        if verdict in ("valid", "invalid"):
            verdicts[name] = verdict
    problems = [f"ajv: {line}" for line in lines if "strict mode" in line]
    for f in good:
        if verdicts.get(str(f.relative_to(work))) != "valid":
            problems.append(f"{schema}: {f.relative_to(work)} is not valid")
    for copy, path in bad:
        if verdicts.get(str(copy.relative_to(work))) != "invalid":
            problems.append(f"{schema}: accepts {copy.relative_to(work)}, "
                            f"whose key {path} is renamed")
    if problems:
        print("\n".join(lines))
    return problems


def compile_schemas(ajv, work):
    """`entente schema`'s outputs are JSON Schemas: each must compile in ajv's strict mode
    (valid against the draft-07 meta-schema, no unknown keyword; a union of types, which
    draft-07 allows, is allowed, as agrees_with_check.py does). Returns the problems."""
    problems = []
    outputs = sorted((work / "schemas").glob("*.json")) if (work / "schemas").is_dir() else []
    if not outputs:
        return ["no golden output of `entente schema` found"]
    for f in outputs:
        run = subprocess.run([ajv, "compile", "--spec=draft7", "--strict=true", "--allow-union-types",
                              "-c", "ajv-formats", "-s", str(f)],
                             capture_output=True, text=True)
        text = run.stdout + run.stderr
        if run.returncode != 0 or "strict mode" in text or "is valid" not in text:
            problems.append(f"ajv compile {f.name}: {text.strip()}")
    if not problems:
        print(f"ok: {len(outputs)} outputs of `entente schema` compile in strict mode")
    return problems


def main():
    if len(sys.argv) != 4:
        fail("usage: validate_outputs.py ENTENTE AJV SOURCE_DIR")
    # Absolute: entente runs in SOURCE_DIR, ajv in the work folder.
    entente, ajv = (str(Path(arg).resolve()) for arg in sys.argv[1:3])
    source = Path(sys.argv[3]).resolve()
    if not os.access(ajv, os.X_OK):
        fail(f"no ajv at {ajv} (the fixture schema.node-tools installs it)")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for sub in ("golden", "live", "broken"):
            (work / sub).mkdir()
        golden = {command: [] for command in SCHEMAS}
        live = {command: [] for command in SCHEMAS}
        problems = []
        golden_count = golden_outputs(source, work, golden, problems)
        live_count = live_outputs(entente, source, work, live)
        for command in SCHEMAS:
            if not live[command]:
                problems.append(f"no live output for {SCHEMAS[command][0]}")
        if golden_count == 0:
            problems.append("no golden JSON output found")
        if problems:
            fail("\n".join(problems))
        files = {command: golden[command] + live[command] for command in SCHEMAS}
        broken = broken_copies(work, files)
        for command in SCHEMAS:
            found = validate(ajv, source, work, command, files[command], broken[command])
            problems += found
            if not found:
                print(f"ok: {SCHEMAS[command][0]}: {len(golden[command])} golden and "
                      f"{len(live[command])} live outputs valid, {len(broken[command])} "
                      f"broken copies refused")
        problems += compile_schemas(ajv, work)
        if problems:
            fail("\n".join(problems))
        print(f"ok: {golden_count} golden and {live_count} live JSON outputs match their schemas")


if __name__ == "__main__":
    main()
