#!/usr/bin/env python3
"""The real yaml-language-server, driven over stdio as an editor drives it, uses Entente's schemas.

Usage: language_server.py ENTENTE NODE_TOOLS REPO_ROOT WORK_DIR

Starts `yaml-language-server --stdio` (from NODE_TOOLS/node_modules), initialises it as an
editor would (answering its workspace/configuration requests: validation and completion on,
no schema store), and opens documents whose first line names a schema
(`# yaml-language-server: $schema=...`):

1. with docs/schema/position-file.schema.json: completion after `stance: ` offers exactly
   agree, consider and reject; `priority: 7` is flagged; a valid party file is not;
2. with the schema `entente schema positions/russia-us-nato-2022` writes: completion after
   `position: ` offers every position reference of the flagship, after `via: ` the party's own
   positions' ids, after `issue: ` the issues;
3. a shipped example at its own path, with its own relative modeline, one of its priorities
   made 7: flagged, so the modeline of the shipped files finds the schema.

Every wait has a timeout; the server is killed at the end. Exit status 0 when all is well, 1
naming what failed. Python's standard library only.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

TIMEOUT = 30  # seconds for any one answer of the server
SETTINGS = {
    "yaml": {
        "validate": True,
        "completion": True,
        "hover": True,
        "format": {"enable": False},
        "schemaStore": {"enable": False},  # nothing from the network
    }
}


class Server:
    """One yaml-language-server process and the messages it sends."""

    def __init__(self, program: Path) -> None:
        self.process = subprocess.Popen(
            [str(program), "--stdio"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL)
        self.messages: queue.Queue[dict | None] = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        out = self.process.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.decode().partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            self.messages.put(json.loads(out.read(length)))

    def send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method: str, params: dict) -> None:
        self.send({"method": method, "params": params})

    def wait(self, wanted, what: str) -> dict:
        """The first message `wanted` accepts, answering the server's requests meanwhile."""
        deadline = time.monotonic() + TIMEOUT
        while (left := deadline - time.monotonic()) > 0:
            try:
                message = self.messages.get(timeout=left)
            except queue.Empty:
                break
            if message is None:
                raise Failure(f"the server ended while waiting for {what}")
            if "method" in message and "id" in message:
                self._answer(message)
            elif wanted(message):
                return message
        raise Failure(f"no {what} within {TIMEOUT} s")

    def _answer(self, request: dict) -> None:
        result = None
        if request["method"] == "workspace/configuration":
            result = [SETTINGS.get(item.get("section")) for item in request["params"]["items"]]
        self.send({"id": request["id"], "result": result})

    def request(self, method: str, params: dict) -> dict:
        self.next_id += 1
        my_id = self.next_id
        self.send({"id": my_id, "method": method, "params": params})
        answer = self.wait(lambda m: m.get("id") == my_id and "method" not in m, method)
        if "error" in answer:
            raise Failure(f"{method} failed: {answer['error']}")
        return answer["result"]

    def stop(self) -> None:
        self.process.kill()
        self.process.wait(timeout=TIMEOUT)


class Failure(Exception):
    pass


class Editor:
    """Documents opened in the server, one version each."""

    def __init__(self, server: Server) -> None:
        self.server = server

    def open(self, uri: str, text: str) -> list[dict]:
        """Opens the document; returns the diagnostics the server publishes for it."""
        self.server.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "yaml", "version": 1, "text": text}})
        message = self.server.wait(
            lambda m: m.get("method") == "textDocument/publishDiagnostics"
            and m["params"]["uri"] == uri, f"diagnostics of {uri}")
        return message["params"]["diagnostics"]

    def complete_after(self, uri: str, text: str, marker: str) -> set[str]:
        """The labels the server offers at the end of the line that holds `marker`."""
        lines = text.split("\n")
        line = next(i for i, l in enumerate(lines) if marker in l)
        result = self.server.request("textDocument/completion", {
            "textDocument": {"uri": uri},
            "position": {"line": line, "character": len(lines[line])}})
        items = result["items"] if isinstance(result, dict) else result or []
        return {item["label"] for item in items}


def modeline(schema: Path) -> str:
    return f"# yaml-language-server: $schema={schema.resolve().as_uri()}\n"


PARTY_FILE = """party: usa
positions:
  - id: talks
    issue: talks
    kind: demand
    text: "Talks: soon."
    priority: {priority}
stances:
  - position: russia/talks
    stance: {stance}
"""


def static_schema(editor: Editor, root: Path, work: Path, problems: list[str]) -> None:
    schema = root / "docs/schema/position-file.schema.json"
    valid = modeline(schema) + PARTY_FILE.format(priority=4, stance="agree")
    if diagnostics := editor.open((work / "valid.yaml").as_uri(), valid):
        problems.append(f"a valid party file is flagged: {diagnostics}")

    text = modeline(schema) + PARTY_FILE.format(priority=7, stance="")
    uri = (work / "party.yaml").as_uri()
    diagnostics = editor.open(uri, text)
    line = text.split("\n").index("    priority: 7")
    if not any(d["range"]["start"]["line"] == line and "maximum" in d["message"]
               for d in diagnostics):
        problems.append(f"'priority: 7' is not flagged on line {line + 1}: {diagnostics}")
    offered = editor.complete_after(uri, text, "stance: ")
    if offered != {"agree", "consider", "reject"}:
        problems.append(f"after 'stance: ' the server offers {sorted(offered)}, not agree, "
                        "consider and reject")


def scenario_schema(editor: Editor, entente: str, root: Path, work: Path,
                    problems: list[str]) -> None:
    flagship = root / "positions/russia-us-nato-2022"
    schema = work / "flagship.schema.json"
    subprocess.run([entente, "schema", str(flagship), "-o", str(schema)], check=True,
                   timeout=TIMEOUT, env=dict(os.environ, ENTENTE_NO_CACHE="1"))
    definitions = json.loads(schema.read_text())["definitions"]
    references = set(definitions["position_ref"]["enum"])
    issues = set(definitions["issue_id"]["enum"])
    if "usa/risk-reduction" not in references or len(references) != 28:
        problems.append(f"the flagship's schema lists {len(references)} positions, not its 28")

    def expect(name: str, body: str, marker: str, wanted: set[str], what: str) -> None:
        text = modeline(schema) + body
        uri = (work / name).as_uri()
        editor.open(uri, text)
        offered = editor.complete_after(uri, text, marker) - {"null"}  # an optional key's
        if offered != wanted:
            problems.append(f"after '{marker}' the server offers {sorted(offered)[:6]}... "
                            f"({len(offered)}), not {what} ({len(wanted)})")

    expect("usa.yaml", "party: usa\nstances:\n  - position: \n", "position: ", references,
           "the flagship's position references")
    own = {r.split("/")[1] for r in references if r.startswith("usa/")}
    expect("usa-via.yaml", "party: usa\nstances:\n  - position: russia/no-nato-enlargement\n"
           "    stance: reject\n    via: \n", "via: ", own, "usa's own positions' ids")
    expect("nato.yaml", "party: nato\npositions:\n  - id: x\n    issue: \n", "issue: ", issues,
           "the flagship's issues")


def shipped_modeline(editor: Editor, root: Path, problems: list[str]) -> None:
    path = root / "positions/lease-renewal/landlord.yaml"
    text = path.read_text()
    if not text.startswith("# yaml-language-server: $schema="):
        problems.append(f"{path} does not start with a yaml-language-server modeline")
        return
    edited = text.replace("priority: 4", "priority: 7", 1)
    line = edited.split("\n").index("    priority: 7")
    diagnostics = editor.open(path.resolve().as_uri(), edited)
    if not any(d["range"]["start"]["line"] == line for d in diagnostics):
        problems.append(f"{path}: priority 7 on line {line + 1} not flagged (does its own "
                        f"modeline find the schema?): {diagnostics}")


def main() -> int:
    if len(sys.argv) != 5:
        print(__doc__, file=sys.stderr)
        return 2
    entente = str(Path(sys.argv[1]).resolve())
    node_tools, root, work = (Path(a).resolve() for a in sys.argv[2:5])
    work.mkdir(parents=True, exist_ok=True)
    server = Server(node_tools / "node_modules/.bin/yaml-language-server")
    problems: list[str] = []
    try:
        server.request("initialize", {
            "processId": os.getpid(), "rootUri": root.as_uri(),
            "capabilities": {"workspace": {"configuration": True},
                             "textDocument": {"completion": {}, "publishDiagnostics": {}}}})
        server.notify("initialized", {})
        server.notify("workspace/didChangeConfiguration", {"settings": SETTINGS})
        editor = Editor(server)
        static_schema(editor, root, work, problems)
        scenario_schema(editor, entente, root, work, problems)
        shipped_modeline(editor, root, problems)
    except Failure as e:
        problems.append(str(e))
    finally:
        server.stop()
    for p in problems:
        print(f"FAIL {p}")
    if not problems:
        print("language_server: completion, diagnostics and the shipped modelines work")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
