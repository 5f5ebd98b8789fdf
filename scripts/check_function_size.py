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
}
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
    for folder in FOLDERS:
        for path in sorted((root / folder).rglob("*.cpp")):
            for name, line, length in functions(path.read_text(encoding="utf-8")):
                if length > LIMIT and name not in ALLOWED:
                    problems.append((length, f"{path.relative_to(root)}:{line}: {name} is {length} lines (limit {LIMIT})"))
    for _, problem in sorted(problems, reverse=True):
        print("function size:", problem)
    print(f"function size: {'FAILED' if problems else 'ok'} ({len(problems)} function(s) over {LIMIT} lines)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
