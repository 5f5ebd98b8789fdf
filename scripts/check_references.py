#!/usr/bin/env python3
"""Checks that the files code comments and docs name exist in the repository.

A mention is a token ending in a source or document extension (`domain/src/core/text.cpp`,
`jrr/web/core/http.h`, `change_desk.h`). A mention with a folder must be the end of a tracked
path (or an include path under some layer's include/); a bare file name must be the name of a
tracked file. Generated, build and external paths are not mentions of ours and are passed over.
Usage: check_references.py [ROOT]
"""
import pathlib
import re
import subprocess
import sys

MENTION = re.compile(r"(?<![\w./$*-])((?:[\w.-]+/)*[\w-]+\.(?:h|cpp|md|py|sh|sql|mustache|mjs|tsv|css))\b")
SCANNED = (".h", ".cpp", ".md", ".sh", ".mjs", ".txt", ".cmake")  # not schema/*.sql: applied migrations never change
# Not files of this repository: system and library headers, build outputs, other projects, and
# the shared reference folder beside the checkout.
EXTERNAL = re.compile(r"^(Poco/|gtest/|gmock/|benchmark/|unicode/|cairo|pango|sqlite3|sodium|qrencode|zbar|png\.h|jpeglib|"
                      r"build/|\.\./|/|CMakeFiles|node_modules|sys/|linux/|jemalloc|zlib)")
SKIP_FILES = ("docs/conformance.md",)  # generated from the tests' tags


def main() -> int:
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()
    tracked = subprocess.run(["git", "ls-files"], cwd=root, capture_output=True, text=True, check=True).stdout.split()
    names = {pathlib.PurePosixPath(t).name for t in tracked}
    problems = []
    for path in tracked:
        if not path.endswith(SCANNED) and not path.endswith("CMakeLists.txt") or path in SKIP_FILES:
            continue
        try:
            text = (root / path).read_text(encoding="utf-8")
        except (UnicodeDecodeError, FileNotFoundError):
            continue
        for number, line in enumerate(text.splitlines(), 1):
            if line.lstrip().startswith("#include <"):
                continue  # system and library headers
            if path.endswith((".h", ".cpp")) and not line.lstrip().startswith("#include"):
                if "//" not in line:
                    continue  # code, where `f.h` is a member, not a file; comments are read
                line = line[line.index("//"):]
            for mention in MENTION.findall(line):
                if EXTERNAL.match(mention) or not mention.isascii() or mention.split(".")[0].isupper():
                    continue  # not ours, or a placeholder a reader fills in (FILE.tsv, 住所辞書.tsv)
                if "/" not in mention:
                    ok = mention in names
                else:
                    ok = any(t == mention or t.endswith("/" + mention) for t in tracked)
                if not ok:
                    problems.append(f"{path}:{number}: names {mention}, which is not in the repository")
    for problem in problems:
        print("references:", problem)
    print(f"references: {'FAILED' if problems else 'ok'} ({len(problems)} problem(s))")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
