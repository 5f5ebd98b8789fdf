#!/usr/bin/env python3
"""Checks that every tracked C++ source is formatted as .clang-format says (clang-format-14).

Usage: check_format.py [ROOT]          report the files that differ; exit 1 if any
       check_format.py --fix [ROOT]    format them in place
"""
import pathlib
import subprocess
import sys

FORMATTER = "clang-format-14"


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    fix = "--fix" in sys.argv[1:]
    root = pathlib.Path(args[0] if args else ".").resolve()
    listed = subprocess.run(["git", "ls-files", "*.cpp", "*.h"], cwd=root, capture_output=True, text=True, check=True)
    files = [f for f in listed.stdout.split() if (root / f).exists()]
    if fix:
        subprocess.run([FORMATTER, "-i", *files], cwd=root, check=True)
        print(f"format: {len(files)} file(s) formatted")
        return 0
    checked = subprocess.run([FORMATTER, "--dry-run", "-Werror", *files], cwd=root, capture_output=True, text=True)
    differing = sorted({line.split(":")[0] for line in checked.stderr.splitlines() if ": error:" in line})
    for path in differing:
        print(f"format: {path} is not formatted (scripts/check_format.py --fix)")
    ok = checked.returncode == 0
    print(f"format: {'ok' if ok else 'FAILED'} ({len(files)} file(s), {len(differing)} to format)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
