#!/usr/bin/env python3
"""The JSON Schema of the position files agrees with `entente check` on each file's keys and values.

Usage: agrees_with_check.py ENTENTE NODE_TOOLS REPO_ROOT WORK_DIR

Takes every YAML file of the golden cases' inputs (tests/golden/cases/*/input/), of the
hostile corpus (tests/hostile/corpus/, each a single-file scenario), of the shipped examples
(positions/) and of tests/schema/cases/ (a file for each rule of one file's keys and values,
each breaking it once or taking a spelling YAML allows). For each file:

- the schema's verdict: the file converted to JSON as an editor reads it (tests/schema/
  yaml_to_json.js: the npm package `yaml`, YAML 1.2 core schema; YAML it cannot parse is
  rejected), then validated by ajv-cli (draft-07, strict mode, formats) against
  docs/schema/position-file.schema.json, at the definition of the file's role: a party file
  for a file of a scenario folder other than scenario.yaml, a scenario for the others;
- entente's verdict: `entente check --format json` on the scenario the file belongs to (its
  folder, or the file itself), rejecting the file when an error is located in it.

Both must accept or both reject, except for the files listed in EXCLUDED below: those are
about more than one file's keys and values (references, several files, bytes and YAML that
a JSON Schema never sees), and each must still disagree, or its entry is stale.

Then every scenario that checks without error is written a schema of its own (`entente
schema SCENARIO`), which ajv must accept in strict mode and which must accept each of the
scenario's files (but those listed): a scenario's enums never refuse what Entente accepts.

Exit status 0 when all is well, 1 listing each problem. Python's standard library only.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

# Files the schema and `entente check` judge differently, because the difference is not about
# the file's own keys and values. Paths are relative to the repository; reasons say why.
REFERENCES = ("about ids across items (a reference to an unknown id, a duplicate id, a second "
              "stance on one position, a stance on one's own): no schema of one file sees it")
OTHER_FILES = "about the folder's other files (a party no file holds, a second file for a party)"
BYTES = "about bytes (invalid UTF-8), which an editor decodes before any schema sees a value"
YAML_SUBSET = "YAML that Entente refuses (an anchor and an alias) but that parses to valid data"
SPELLING = ("the spelling of a value, which Entente judges where the schema sees what YAML 1.2 "
            "makes of it (docs/schema.md)")
EXCLUDED: dict[str, str] = {
    **{
        f"tests/golden/cases/{case}/input/references/{name}": REFERENCES
        for case in ("check-github-errors", "check-json-errors", "error-references")
        for name in ("landlord.yaml", "scenario.yaml", "tenant.yaml")
    },
    "tests/golden/cases/error-missing-party-file/input/coalition/gruene.yaml": REFERENCES,
    "tests/golden/cases/error-alternatives/input/talks.yaml": REFERENCES,
    "tests/golden/cases/error-missing-party-file/input/coalition/scenario.yaml": OTHER_FILES,
    "tests/golden/cases/error-party-files/input/p/landlord.yaml": REFERENCES,
    "tests/golden/cases/error-party-files/input/p/tenant.yaml": OTHER_FILES,
    "tests/hostile/corpus/c15-own-position-and-unknown-condition.yaml": REFERENCES,
    "tests/golden/cases/error-bytes/input/bytes.yaml": BYTES,
    "tests/hostile/corpus/b01-invalid-utf8.yaml": BYTES,
    "tests/hostile/corpus/b02-lone-ff.yaml": BYTES,
    "tests/hostile/corpus/b03-overlong.yaml": BYTES,
    "tests/hostile/corpus/b04-surrogate.yaml": BYTES,
    "tests/hostile/corpus/a07-anchor-alias.yaml": YAML_SUBSET,
    **{
        f"tests/schema/cases/spelling-{name}.yaml": SPELLING
        for name in ("format-01", "id-exponent", "id-fraction", "id-true", "priority-hex",
                     "priority-plus")
    },
}


@dataclass
class File:
    path: Path  # relative to the repository
    role: str  # "scenario" or "party_file"
    scenario: Path  # what `entente check` is given: the folder or the file
    json: Path | None = None  # the converted file
    schema_ok: bool | None = None
    schema_why: str = ""
    check_errors: list[str] = field(default_factory=list)


def is_yaml(path: Path) -> bool:
    return path.is_file() and path.suffix in (".yaml", ".yml")


def scenario_files(scenario: Path) -> list[File]:
    """The YAML files of a scenario, a folder or a single file, with their roles."""
    if scenario.is_dir():
        return [
            File(f, "scenario" if f.name == "scenario.yaml" else "party_file", scenario)
            for f in sorted(scenario.iterdir())
            if is_yaml(f)
        ]
    return [File(scenario, "scenario", scenario)]


def collect() -> list[File]:
    scenarios: list[Path] = []
    folders = sorted(Path("tests/golden/cases").glob("*/input"))
    for folder in folders + [Path("positions"), Path("tests/schema/cases")]:
        for entry in sorted(folder.iterdir()):
            if is_yaml(entry) or (entry.is_dir() and (entry / "scenario.yaml").is_file()):
                scenarios.append(entry)
    # The corpus's JSON files (j*.json) are about JSON's syntax, judged by the hostile runner.
    scenarios += sorted(p for p in Path("tests/hostile/corpus").iterdir() if is_yaml(p))
    return [f for s in scenarios for f in scenario_files(s)]


def convert(files: list[File], node_tools: Path, work: Path) -> None:
    listing = work / "convert.txt"
    with listing.open("w") as out:
        for i, f in enumerate(files):
            f.json = work / f"{i:04d}.json"
            out.write(f"{f.path}\t{f.json}\n")
    script = Path(__file__).with_name("yaml_to_json.js")
    subprocess.run(["node", "--no-warnings", str(script), str(node_tools / "node_modules"), str(listing)],
                   check=True, timeout=120)


def ajv(node_tools: Path, schema: Path, data: list[Path]) -> dict[str, tuple[bool, str]]:
    """ajv-cli's verdict on each data file: valid, or invalid with its first error."""
    command = [str(node_tools / "node_modules/.bin/ajv"), "validate", "--spec=draft7",
               "--strict=true", "--allow-union-types", "-c", "ajv-formats", "--errors=line",
               "-s", str(schema)]
    for d in data:
        command += ["-d", str(d)]
    run = subprocess.run(command, capture_output=True, text=True, timeout=300,
                         cwd=node_tools)
    verdicts: dict[str, tuple[bool, str]] = {}
    lines = (run.stdout + run.stderr).splitlines()
    for i, line in enumerate(lines):
        if m := re.fullmatch(r"(\S+) (valid|invalid)", line):
            why = lines[i + 1][:200] if m.group(2) == "invalid" and i + 1 < len(lines) else ""
            verdicts[m.group(1)] = (m.group(2) == "valid", why)
    if "schema" in run.stderr and "is invalid" in run.stderr:
        sys.exit(f"agrees_with_check: ajv refuses the schema {schema}:\n{run.stderr}")
    missing = [str(d) for d in data if str(d) not in verdicts]
    if missing:
        sys.exit(f"agrees_with_check: ajv gave no verdict on {missing[:3]}:\n{run.stderr[-2000:]}")
    return verdicts


def role_schema(schema: dict, role: str, path: Path) -> Path:
    """The schema with its top level sending every file to the definition of `role`."""
    s = {k: v for k, v in schema.items() if k not in ("if", "then", "else")}
    s["$ref"] = f"#/definitions/{role}"
    path.write_text(json.dumps(s))
    return path


def judge_schema(files: list[File], node_tools: Path, schema_file: Path, work: Path) -> None:
    schema = json.loads(schema_file.read_text())
    for role in ("scenario", "party_file"):
        mine = [f for f in files if f.role == role]
        for f in mine:
            error = Path(f"{f.json}.error")
            if error.exists():
                f.schema_ok, f.schema_why = False, "YAML: " + error.read_text().strip()
        parsed = [f for f in mine if f.schema_ok is None]
        verdicts = ajv(node_tools, role_schema(schema, role, work / f"{role}.schema.json"),
                       [f.json for f in parsed])
        for f in parsed:
            f.schema_ok, f.schema_why = verdicts[str(f.json)]


def check(entente: str, scenario: Path) -> tuple[int, list[dict]]:
    run = subprocess.run([entente, "check", "--format", "json", str(scenario)],
                         capture_output=True, text=True, timeout=60,
                         env=dict(os.environ, ENTENTE_NO_CACHE="1"))
    if run.returncode not in (0, 1) or run.stderr:
        sys.exit(f"agrees_with_check: entente check {scenario} exited {run.returncode}: "
                 f"{run.stderr[:500]}")
    return run.returncode, json.loads(run.stdout)["diagnostics"]


def judge_check(files: list[File], entente: str) -> set[Path]:
    """Each file's errors from entente check; returns the scenarios that check clean."""
    clean: set[Path] = set()
    for scenario in sorted({f.scenario for f in files}):
        status, diagnostics = check(entente, scenario)
        if status == 0:
            clean.add(scenario)
        mine = [f for f in files if f.scenario == scenario]
        for d in diagnostics:
            if d["severity"] != "error":
                continue
            where = Path(d["file"]) if d["file"] else scenario
            for f in mine:
                if f.path == where:
                    f.check_errors.append(f"{d['line']}:{d['column']}: {d['message']}")
    return clean


def verdict(ok: bool | None) -> str:
    return "accepts" if ok else "rejects"


def compare(files: list[File], problems: list[str]) -> dict[str, int]:
    counts = {"both accept": 0, "both reject": 0, "excluded": 0}
    known = {str(f.path) for f in files}
    for path in EXCLUDED:
        if path not in known:
            problems.append(f"{path}: listed in EXCLUDED but not an input any more")
    for f in files:
        entente_ok = not f.check_errors
        agree = f.schema_ok == entente_ok
        reason = EXCLUDED.get(str(f.path))
        detail = (f"the schema {verdict(f.schema_ok)}{': ' + f.schema_why if f.schema_why else ''}"
                  f"; entente check {verdict(entente_ok)}"
                  f"{': ' + f.check_errors[0] if f.check_errors else ''}")
        if reason is not None:
            counts["excluded"] += 1
            if agree:
                problems.append(f"{f.path}: excluded ({reason}), but both agree now: include it "
                                f"({detail})")
        elif agree:
            counts["both accept" if entente_ok else "both reject"] += 1
        else:
            problems.append(f"{f.path} ({f.role}): they disagree: {detail}")
    return counts


def check_scenario_schemas(files: list[File], clean: set[Path], entente: str, node_tools: Path,
                           work: Path, problems: list[str]) -> int:
    """Every file of a scenario that checks clean is valid against that scenario's schema."""
    for i, scenario in enumerate(sorted(clean)):
        schema = work / f"scenario-{i:03d}.schema.json"
        run = subprocess.run([entente, "schema", str(scenario), "-o", str(schema)],
                             capture_output=True, text=True, timeout=60)
        if run.returncode != 0:
            problems.append(f"{scenario}: entente schema exited {run.returncode}: {run.stderr}")
            continue
        mine = [f for f in files if f.scenario == scenario and str(f.path) not in EXCLUDED]
        verdicts = ajv(node_tools, schema, [f.json for f in mine])
        for f in mine:
            ok, why = verdicts[str(f.json)]
            if not ok:
                problems.append(f"{f.path}: its scenario's own schema rejects it: {why}")
    return len(clean)


def main() -> int:
    if len(sys.argv) != 5:
        print(__doc__, file=sys.stderr)
        return 2
    entente, node_tools, root, work = (sys.argv[1], Path(sys.argv[2]).resolve(),
                                       Path(sys.argv[3]), Path(sys.argv[4]).resolve())
    entente = str(Path(entente).resolve())
    os.chdir(root)
    work.mkdir(parents=True, exist_ok=True)
    for old in work.iterdir():
        old.unlink()
    files = collect()
    convert(files, node_tools, work)
    judge_schema(files, node_tools, Path("docs/schema/position-file.schema.json"), work)
    clean = judge_check(files, entente)
    problems: list[str] = []
    counts = compare(files, problems)
    scenarios = check_scenario_schemas(files, clean, entente, node_tools, work, problems)
    print(f"agrees_with_check: {len(files)} files: {counts['both accept']} accepted by both, "
          f"{counts['both reject']} rejected by both, {counts['excluded']} excluded (listed "
          f"with reasons); {scenarios} valid scenarios' files valid against their own schema")
    for p in problems:
        print(f"FAIL {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
