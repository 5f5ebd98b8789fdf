#!/usr/bin/env python3
"""Checks the layering rule on the sources (docs/architecture.md).

The CMake link graph already keeps layers apart, but system headers such as sqlite3.h and Poco's
live in /usr/include where any file could reach them; this check closes that gap.
  domain/       no Poco, no sqlite3.h, no cairo/pango, no file/thread/clock headers
  persistence/  no Poco/Net, no cairo/pango
  web/ (except web/app, the composition root)  no sqlite3.h, no jrr/persistence/
  forms/        no Poco/Net, no sqlite3.h
Usage: check_layering.py [ROOT]
"""
import pathlib
import re
import sys

RULES = {
    "domain": [r"Poco/", r"sqlite3\.h", r"cairo", r"pango", r"<fstream>", r"<filesystem>",
               r"<thread>", r"jrr/persistence/", r"jrr/web/", r"jrr/forms/"],
    "persistence": [r"Poco/Net", r"cairo", r"pango", r"jrr/web/", r"jrr/forms/"],
    "web": [r"sqlite3\.h", r"jrr/persistence/", r"cairo", r"pango"],
    "forms": [r"Poco/Net", r"sqlite3\.h", r"jrr/persistence/", r"jrr/web/"],
}
CLOCK = re.compile(r"system_clock::now|steady_clock::now|time\(nullptr\)|localtime|gmtime")
INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]', re.M)


def main() -> int:
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()
    problems = []
    for layer, banned in RULES.items():
        for path in sorted((root / layer).rglob("*")):
            if path.suffix not in (".h", ".cpp") or "app" in path.relative_to(root / layer).parts[:1]:
                continue
            text = path.read_text(encoding="utf-8")
            for include in INCLUDE.findall(text):
                for pattern in banned:
                    if re.search(pattern, "<" + include + ">"):
                        problems.append(f"{path.relative_to(root)}: includes {include} ({layer} may not)")
            if layer == "domain" and CLOCK.search(text):
                problems.append(f"{path.relative_to(root)}: reads the clock (the domain gets dates passed in)")
    for problem in problems:
        print("layering:", problem)
    print(f"layering: {'FAILED' if problems else 'ok'} ({len(problems)} problem(s))")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
