#!/usr/bin/env python3
"""Fails when the man page or the shell completions fall behind `entente --help`.

Usage: help_coverage.py ENTENTE REPO_ROOT

Runs `ENTENTE --help` and `ENTENTE COMMAND --help` for each command listed there, takes
every command, option (short and long), positional argument and fixed set of values
(`--format FORMAT:{text,json}`, or a positional's `FORMAT {csv} REQUIRED`) from CLI11's help,
and checks that

- packaging/man/entente.1 names each command in SYNOPSIS, has a `.SS COMMAND` section
  naming each of that command's options, arguments and values, and the version of
  `entente --version` in its .TH line;
- packaging/completions/entente.bash and packaging/completions/_entente contain every
  command, option and value; and, where the shell is installed, that they offer them:
  bash through bash-completion's _entente with COMP_WORDS set, zsh by calling each
  _entente_COMMAND function with _arguments replaced by a function that prints its specs;
- groff -man -ww -z and mandoc -T lint -W warning print nothing about the man page.

A shell or a tool that is not installed is skipped, saying so. Exit status 0 when all is
well, 1 with one line per missing item (naming the item and the file), 2 on a usage error.
Python's standard library only.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

MAN_PAGE = Path("packaging/man/entente.1")
BASH_COMPLETION = Path("packaging/completions/entente.bash")
ZSH_COMPLETION = Path("packaging/completions/_entente")
BASH_COMPLETION_LIBRARY = Path("/usr/share/bash-completion/bash_completion")

# An option name in CLI11's help or in a file: -o, --output, --max-file-size.
OPTION_NAME = r"--?[A-Za-z0-9][A-Za-z0-9-]*"


@dataclass
class Command:
    """What one `--help` lists."""

    name: str  # "" for entente itself
    options: list[str] = field(default_factory=list)  # every name, short and long
    positionals: list[str] = field(default_factory=list)
    values: dict[str, list[str]] = field(default_factory=dict)  # option name -> its set
    # positional name -> its set, for the positionals that have one
    positional_values: dict[str, list[str]] = field(default_factory=dict)
    subcommands: list[str] = field(default_factory=list)


class Problems:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, path: Path | str, message: str) -> None:
        self.lines.append(f"{path}: {message}")


# --- CLI11's help -----------------------------------------------------------------------


def run_help(entente: str, args: list[str]) -> str:
    env = dict(os.environ, NO_COLOR="1", ENTENTE_NO_CACHE="1")
    result = subprocess.run(
        [entente, *args, "--help"], capture_output=True, text=True, env=env, check=False
    )
    if result.returncode != 0:
        sys.exit(
            f"help_coverage: '{' '.join([entente, *args, '--help'])}' exited "
            f"{result.returncode}: {result.stderr.strip()}"
        )
    return result.stdout


def parse_help(name: str, text: str) -> Command:
    """Reads the Positionals, Options and Subcommands sections of CLI11's help."""
    command = Command(name)
    section = ""
    for line in text.splitlines():
        if re.fullmatch(r"[A-Z][A-Za-z ]*:", line):
            section = line[:-1]
            continue
        item = re.match(r"  (\S.*)", line)  # an item; its wrapped text is indented further
        if not item:
            continue
        entry = item.group(1)
        if section == "Options":
            names = re.match(rf"({OPTION_NAME}(?:,\s*{OPTION_NAME})*)(.*)", entry)
            if not names:
                continue
            option_names = [n.strip() for n in names.group(1).split(",")]
            command.options.extend(option_names)
            values = re.search(r"\{([^}]*)\}", names.group(2))
            if values:
                for option in option_names:
                    command.values[option] = values.group(1).split(",")
        elif section == "Positionals":
            command.positionals.append(entry.split()[0])
            values = re.search(r"\{([^}]*)\}", entry)
            if values:
                command.positional_values[entry.split()[0]] = values.group(1).split(",")
        elif section == "Subcommands":
            command.subcommands.append(entry.split()[0])
    return command


def read_cli(entente: str) -> tuple[Command, list[Command]]:
    top = parse_help("", run_help(entente, []))
    if not top.subcommands or not top.options:
        sys.exit("help_coverage: found no commands or no options in 'entente --help'")
    commands = []
    for name in top.subcommands:
        command = parse_help(name, run_help(entente, [name]))
        if not command.options:
            sys.exit(f"help_coverage: found no options in 'entente {name} --help'")
        commands.append(command)
    return top, commands


# --- text search ------------------------------------------------------------------------


def has_word(text: str, word: str) -> bool:
    """`word` in `text`, not as part of a longer option or word (-o is not in --output)."""
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None


# --- the man page -----------------------------------------------------------------------

ROFF_ESCAPES = [
    (r"\(aq", "'"),
    (r"\(ti", "~"),
    (r"\(ha", "^"),
    (r"\(hy", "-"),
    (r"\(bu", "*"),
    (r"\-", "-"),
    (r"\e", "\\"),
    (r"\&", ""),
    (r"\%", ""),
    (r"\ ", " "),
]
ALTERNATING_MACROS = {"BI", "BR", "IB", "IR", "RB", "RI"}


def roff_arguments(text: str) -> list[str]:
    """The arguments of a request line: words, or "quoted words" ("" inside is a quote)."""
    arguments = []
    i = 0
    while i < len(text):
        if text[i] == " ":
            i += 1
        elif text[i] == '"':
            word, i = "", i + 1
            while i < len(text):
                if text.startswith('""', i):
                    word, i = word + '"', i + 2
                elif text[i] == '"':
                    i += 1
                    break
                else:
                    word, i = word + text[i], i + 1
            arguments.append(word)
        else:
            end = text.find(" ", i)
            end = len(text) if end < 0 else end
            arguments.append(text[i:end])
            i = end
    return arguments


def man_text(line: str) -> str:
    """A line of the page as it reads: fonts dropped, escapes resolved, macro names gone."""
    line = re.sub(r"\\f(\[[^\]]*\]|\(..|.)", "", line)
    request = re.match(r"[.'](\S+)\s*(.*)", line)
    if request:
        arguments = roff_arguments(request.group(2))
        line = ("" if request.group(1) in ALTERNATING_MACROS else " ").join(arguments)
    for escape, text in ROFF_ESCAPES:
        line = line.replace(escape, text)
    return line


def man_sections(path: Path) -> tuple[str, dict[str, str], str]:
    """The .TH line, the text of each .SH and .SS section by its title, and all the text."""
    th = ""
    sections: dict[str, str] = {}
    title = ""
    everything = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(('.\\"', "'\\\"")):
            continue
        heading = re.match(r"\.(TH|SH|SS)\s+(.*)", line)
        if heading:
            text = man_text(line)
            if heading.group(1) == "TH":
                th = text
                continue
            title = text.strip()
            sections.setdefault(title, "")
            continue
        text = man_text(line)
        sections[title] = sections.get(title, "") + text + "\n"
        everything.append(text)
    return th, sections, "\n".join(everything)


def command_section(sections: dict[str, str], name: str) -> str | None:
    for title, text in sections.items():
        words = title.split()
        if words and words[0] == "entente":
            words = words[1:]
        if words and words[0] == name:
            return text
    return None


def check_man_page(
    root: Path, top: Command, commands: list[Command], version: str, problems: Problems
) -> None:
    path = root / MAN_PAGE
    th, sections, everything = man_sections(path)
    if version not in th:
        problems.add(MAN_PAGE, f"the .TH line does not give the version '{version}'")
    synopsis = sections.get("SYNOPSIS", "")
    for option in top.options:
        if not has_word(everything, option):
            problems.add(MAN_PAGE, f"option {option} of 'entente' is missing")
    for command in commands:
        if not re.search(rf"entente\s+{re.escape(command.name)}\b", synopsis):
            problems.add(MAN_PAGE, f"command '{command.name}' is missing from SYNOPSIS")
        section = command_section(sections, command.name)
        if section is None:
            problems.add(MAN_PAGE, f"command '{command.name}' has no '.SS {command.name}' section")
            continue
        where = f"of 'entente {command.name}' is missing from its .SS section"
        for option in command.options:
            if not has_word(section, option):
                problems.add(MAN_PAGE, f"option {option} {where}")
        for positional in command.positionals:
            if not has_word(section, positional):
                problems.add(MAN_PAGE, f"argument {positional} {where}")
        for option, values in command.values.items():
            for value in values:
                if not has_word(section, value):
                    problems.add(MAN_PAGE, f"value '{value}' of {option} {where}")
        for positional, values in command.positional_values.items():
            for value in values:
                if not has_word(section, value):
                    problems.add(MAN_PAGE, f"value '{value}' of {positional} {where}")


def check_man_tools(root: Path, problems: Problems) -> None:
    path = str(root / MAN_PAGE)
    tools = [
        ("groff", ["groff", "-man", "-ww", "-z", path]),
        ("mandoc", ["mandoc", "-T", "lint", "-W", "warning", path]),
    ]
    for tool, argv in tools:
        if shutil.which(tool) is None:
            print(f"help_coverage: skipped '{' '.join(argv[:-1])}': {tool} is not installed")
            continue
        result = subprocess.run(argv, capture_output=True, text=True, check=False)
        output = (result.stdout + result.stderr).strip()
        if output or result.returncode != 0:
            problems.add(
                MAN_PAGE,
                f"'{' '.join(argv[:-1])}' exited {result.returncode} and printed:\n    "
                + output.replace("\n", "\n    "),
            )
        else:
            print(f"help_coverage: '{' '.join(argv[:-1])}' prints nothing")


# --- the completions, as text -----------------------------------------------------------


def check_completion_text(
    root: Path, relative: Path, top: Command, commands: list[Command], problems: Problems
) -> None:
    text = (root / relative).read_text(encoding="utf-8")
    for option in top.options:
        if not has_word(text, option):
            problems.add(relative, f"option {option} of 'entente' is missing")
    for command in commands:
        if not has_word(text, command.name):
            problems.add(relative, f"command '{command.name}' is missing")
        for option in command.options:
            if not has_word(text, option):
                problems.add(relative, f"option {option} of 'entente {command.name}' is missing")
        for option, values in [*command.values.items(), *command.positional_values.items()]:
            for value in values:
                if not has_word(text, value):
                    problems.add(
                        relative,
                        f"value '{value}' of {option} of 'entente {command.name}' is missing",
                    )


def compare_offer(
    relative: Path,
    what: str,
    offered: list[str],
    expected: list[str],
    problems: Problems,
    extra_is_wrong: bool,
) -> None:
    for item in expected:
        if item not in offered:
            problems.add(relative, f"{what}: {item} is not offered")
    if extra_is_wrong:
        for item in offered:
            if item not in expected:
                problems.add(relative, f"{what}: {item} is offered but --help does not list it")


# --- bash: what _entente offers ---------------------------------------------------------

BASH_DRIVER = r"""
source "$1"
source "$2"
complete -p entente
# q LINE WORD...: COMPREPLY of _entente for the line, its words as bash splits them.
q() {
    COMP_LINE=$1
    COMP_POINT=${#COMP_LINE}
    shift
    COMP_WORDS=("$@")
    COMP_CWORD=$(($# - 1))
    COMPREPLY=()
    _entente
    printf '@@ %s\n' "$COMP_LINE"
    printf '%s\n' "${COMPREPLY[@]}"
}
"""


def check_bash_behaviour(
    root: Path, top: Command, commands: list[Command], problems: Problems
) -> None:
    if shutil.which("bash") is None or not BASH_COMPLETION_LIBRARY.exists():
        print(f"help_coverage: skipped running {BASH_COMPLETION}: bash-completion is not installed")
        return
    queries: list[tuple[str, list[str]]] = [("entente ", ["entente", ""]),
                                            ("entente -", ["entente", "-"])]
    for command in commands:
        queries.append((f"entente {command.name} -", ["entente", command.name, "-"]))
        if command.positionals and command.positionals[0] in command.positional_values:
            queries.append((f"entente {command.name} ", ["entente", command.name, ""]))
        for option in command.values:
            queries.append(
                (f"entente {command.name} {option} ", ["entente", command.name, option, ""])
            )
    script = BASH_DRIVER + "".join(
        "q " + " ".join(shell_quote(w) for w in [line, *words]) + "\n" for line, words in queries
    )
    with tempfile.TemporaryDirectory() as empty:  # no file names among the offers
        result = subprocess.run(
            ["bash", "-c", script, "bash", str(BASH_COMPLETION_LIBRARY),
             str(root / BASH_COMPLETION)],
            capture_output=True, text=True, cwd=empty, check=False,
        )
    if result.returncode != 0 or result.stderr.strip():
        problems.add(
            BASH_COMPLETION,
            f"bash exited {result.returncode} running it: {result.stderr.strip()}",
        )
    if "-F _entente entente" not in result.stdout:
        problems.add(BASH_COMPLETION, "it does not register 'complete -F _entente entente'")
        return
    offers: dict[str, list[str]] = {}
    current = None
    for line in result.stdout.splitlines():
        if line.startswith("@@ "):
            current = line[3:]
            offers[current] = []
        elif current is not None and line:
            offers[current].append(line)
    compare_offer(BASH_COMPLETION, "'entente <TAB>'", offers.get("entente ", []),
                  top.subcommands, problems, extra_is_wrong=True)
    compare_offer(BASH_COMPLETION, "'entente -<TAB>'", offers.get("entente -", []),
                  top.options, problems, extra_is_wrong=True)
    for command in commands:
        line = f"entente {command.name} -"
        compare_offer(BASH_COMPLETION, f"'{line}<TAB>'", offers.get(line, []),
                      command.options, problems, extra_is_wrong=True)
        if command.positionals and command.positionals[0] in command.positional_values:
            line = f"entente {command.name} "
            compare_offer(BASH_COMPLETION, f"'{line}<TAB>'", offers.get(line, []),
                          command.positional_values[command.positionals[0]], problems,
                          extra_is_wrong=True)
        for option, values in command.values.items():
            line = f"entente {command.name} {option} "
            compare_offer(BASH_COMPLETION, f"'{line}<TAB>'", offers.get(line, []), values,
                          problems, extra_is_wrong=True)
    print(f"help_coverage: ran {BASH_COMPLETION}'s _entente for {len(queries)} command lines")


def shell_quote(word: str) -> str:
    return "'" + word.replace("'", "'\\''") + "'"


# --- zsh: what each _entente_COMMAND hands _arguments -----------------------------------

ZSH_DRIVER = r"""
# Stand-ins for the completion system: print what would be offered.
_arguments() {
  print -r -- "@@ _arguments"
  print -rl -- "$@"
  [[ $1 == -C ]] && state=command  # _entente's first call: list the commands
  return 0
}
_describe() { print -r -- "@@ _describe"; print -rl -- ${(P)${@[-1]}}; return 0 }
source "$1"
shift
for command in "$@"; do
  print -r -- "@@ command $command"
  if (( $+functions[_entente_$command] )); then
    _entente_$command
  else
    print -r -- "@@ missing"
  fi
done
"""


def zsh_spec_option(spec: str) -> tuple[str, list[str]] | None:
    """The option an _arguments spec is for, and the values of its action `(a b c)`."""
    match = re.match(rf"(?:\([^)]*\))?\*?({OPTION_NAME})[-+=]?(?:\[|:|$)", spec)
    if not match or re.fullmatch(r"-[A-Za-z]", spec):  # -S, -C: flags of _arguments
        return None
    values = re.search(r":\(([^()]*)\)$", spec)
    return match.group(1), values.group(1).split() if values else []


def check_zsh_behaviour(
    root: Path, top: Command, commands: list[Command], problems: Problems
) -> None:
    path = root / ZSH_COMPLETION
    if not path.read_text(encoding="utf-8").startswith("#compdef entente\n"):
        problems.add(ZSH_COMPLETION, "its first line is not '#compdef entente'")
    if shutil.which("zsh") is None:
        print(f"help_coverage: skipped running {ZSH_COMPLETION}: zsh is not installed")
        return
    syntax = subprocess.run(["zsh", "-n", str(path)], capture_output=True, text=True, check=False)
    if syntax.returncode != 0:
        problems.add(ZSH_COMPLETION, f"zsh -n: {syntax.stderr.strip()}")
        return
    result = subprocess.run(
        ["zsh", "-f", "-c", ZSH_DRIVER, "zsh", str(path), *[c.name for c in commands]],
        capture_output=True, text=True, check=False,
    )
    if result.returncode != 0 or result.stderr.strip():
        problems.add(ZSH_COMPLETION, f"zsh exited {result.returncode}: {result.stderr.strip()}")
    # Before the first "@@ command": _entente's own _arguments, then _describe's commands.
    blocks: dict[str, list[str]] = {}
    current = "top"
    blocks[current] = []
    described: list[str] = []
    missing: set[str] = set()
    in_describe = False
    for line in result.stdout.splitlines():
        if line.startswith("@@ command "):
            current = line[len("@@ command "):]
            blocks[current] = []
            in_describe = False
        elif line == "@@ _describe":
            in_describe = True
        elif line == "@@ _arguments":
            in_describe = False
        elif line == "@@ missing":
            problems.add(ZSH_COMPLETION, f"it has no function _entente_{current}")
            missing.add(current)
        elif in_describe:
            described.append(line.split(":", 1)[0])
        else:
            blocks[current].append(line)

    def options_of(specs: list[str]) -> tuple[list[str], dict[str, list[str]]]:
        names, values = [], {}
        for spec in specs:
            parsed = zsh_spec_option(spec)
            if parsed:
                names.append(parsed[0])
                if parsed[1]:
                    values[parsed[0]] = parsed[1]
        return names, values

    compare_offer(ZSH_COMPLETION, "the commands of _entente", described, top.subcommands,
                  problems, extra_is_wrong=True)
    names, _ = options_of(blocks["top"])
    compare_offer(ZSH_COMPLETION, "the options of _entente", names, top.options, problems,
                  extra_is_wrong=True)
    for command in commands:
        if command.name in missing:
            continue
        names, values = options_of(blocks.get(command.name, []))
        what = f"the options of _entente_{command.name}"
        compare_offer(ZSH_COMPLETION, what, names, command.options, problems,
                      extra_is_wrong=True)
        for option, expected in command.values.items():
            compare_offer(ZSH_COMPLETION, f"the values of {option} in _entente_{command.name}",
                          values.get(option, []), expected, problems, extra_is_wrong=True)
    print(f"help_coverage: read the _arguments specs of {ZSH_COMPLETION}'s "
          f"{len(commands)} command functions")


# ----------------------------------------------------------------------------------------


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print("usage: help_coverage.py ENTENTE REPO_ROOT", file=sys.stderr)
        return 2
    entente, root = argv[1], Path(argv[2]).resolve()  # the shells run in another folder
    top, commands = read_cli(entente)
    version = subprocess.run([entente, "--version"], capture_output=True, text=True,
                             check=True).stdout.strip().removeprefix("entente ")
    print(f"help_coverage: entente {version}: {len(commands)} commands, "
          f"{sum(len(c.options) for c in commands)} options in all")

    problems = Problems()
    check_man_page(root, top, commands, version, problems)
    check_man_tools(root, problems)
    for relative in (BASH_COMPLETION, ZSH_COMPLETION):
        check_completion_text(root, relative, top, commands, problems)
    check_bash_behaviour(root, top, commands, problems)
    check_zsh_behaviour(root, top, commands, problems)

    if problems.lines:
        sys.stdout.flush()
        print(f"help_coverage: {len(problems.lines)} problem(s) against 'entente --help':",
              file=sys.stderr)
        for line in problems.lines:
            print(f"  {line}", file=sys.stderr)
        return 1
    print("help_coverage: the man page and both completions cover 'entente --help'")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
