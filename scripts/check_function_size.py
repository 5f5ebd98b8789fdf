#!/usr/bin/env python3
"""Flags functions longer than 80 lines in the delivery code (web/, app/).

Delivery code decodes, calls one desk and presents; a long function there holds rules or layout
that belong elsewhere. A function is a definition starting in column 0 and ending at the next `}`
in column 0 (the tree's style). Data tables — a route table, a command table — are allowed by
name in ALLOWED, with the reason.
Usage: check_function_size.py [ROOT] [--list]
"""
import pathlib
import re
import sys

LIMIT = 80
FOLDERS = ("web", "app")
ALLOWED = {
    "Commands": "the CLI's command table: one entry per command with its usage text",
    "Routes": "the route table: one line per route",
    "MakeWebContext": "the composition root's wiring: one entry per thing an endpoint may call",
}
# Long functions written before this check, each to be split; listed so that the check stops any
# new one. Empty since the screens got pure presenters and the CLI commands one function per action;
# an entry, if one is ever added, must be taken off once it is short, so the list only shrinks.
KNOWN: dict = {}
START = re.compile(r"^(?!namespace|struct|class|enum|using|static_assert|template|#|//|\s)(.*?)\b(\w+)\s*\(")


def functions(text: str):
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        found = START.match(line)
        one_line = "{" in line and line.rstrip().endswith("}")
        if found and not line.rstrip().endswith(";") and not one_line:
            # the body opens on this line or one of the next few (a signature over several lines)
            j = i
            while j < len(lines) and j < i + 6 and not lines[j].rstrip().endswith("{"):
                if lines[j].rstrip().endswith(";"):
                    break
                j += 1
            if j < len(lines) and lines[j].rstrip().endswith("{"):
                k = j + 1
                while k < len(lines) and not lines[k].startswith("}"):
                    k += 1
                yield found.group(2), i + 1, k - i + 1
                i = k + 1
                continue
        i += 1


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    root = pathlib.Path(args[0] if args else ".").resolve()
    problems = []
    still_long = set()
    for folder in FOLDERS:
        for path in sorted((root / folder).rglob("*.cpp")):
            relative = path.relative_to(root).as_posix()
            for name, line, length in functions(path.read_text(encoding="utf-8")):
                if length <= LIMIT or name in ALLOWED:
                    continue
                if KNOWN.get(name) == relative:
                    still_long.add(name)
                    print(f"function size: known: {relative}:{line}: {name} is {length} lines")
                    continue
                problems.append((length, f"{relative}:{line}: {name} is {length} lines (limit {LIMIT})"))
    for name in sorted(set(KNOWN) - still_long):
        problems.append((0, f"{KNOWN[name]}: {name} is no longer over {LIMIT} lines: take it off KNOWN"))
    for _, problem in sorted(problems, reverse=True):
        print("function size:", problem)
    print(f"function size: {'FAILED' if problems else 'ok'} ({len(problems)} function(s) over {LIMIT} lines)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
