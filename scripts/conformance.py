#!/usr/bin/env python3
"""Requirement traceability: catalog → code and tests.

Reads docs/requirements/jumin.tsv (one row per section of chapter 3 of the standard) and every
test source under tests/. A test is tagged by a comment line above it:
    // REQ: JK-1.1.8, JK-1.3.6
    // LAW: 番号法施行令第8条
Fails (exit 1) when a tag names a section that is not in the catalog, when the catalog is not
exactly the standard's 143 sections (checked against ../shared/reference when present), or when a
row is malformed. The code that implements a section is tagged the same way, above the function:
    // IMP: JK-4.1.3, JK-3.4
in the sources of domain/, persistence/, web/, forms/, app/ and sample/. Otherwise writes
docs/conformance.md: per section, its status, the functions implementing it and its tests.

Usage: conformance.py [--check] [--root DIR]
  --check   verify only; do not write docs/conformance.md
"""
import argparse
import collections
import pathlib
import re
import sys

STATUSES = {"planned", "implemented", "partial", "not-applicable", "must-not-implement"}
TAG = re.compile(r"//\s*(REQ|LAW):\s*(.+)$")
TEST = re.compile(r"^\s*(?:TEST|TEST_F|TEST_P|TYPED_TEST)\(\s*(\w+)\s*,\s*(\w+)\s*\)")
SECTION = re.compile(r"JK-(\d+(?:\.\d+)*)")


def read_catalog(path: pathlib.Path):
    rows = []
    problems = []
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    expected = ["id", "title", "must_implement", "summary", "status", "note"]
    if header != expected:
        problems.append(f"{path}: header must be {expected}, is {header}")
        return rows, problems
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) != len(expected):
            problems.append(f"{path}:{number}: {len(fields)} fields, expected {len(expected)}")
            continue
        row = dict(zip(expected, fields))
        if not re.fullmatch(r"JK-\d+(\.\d+)*", row["id"]):
            problems.append(f"{path}:{number}: bad id {row['id']}")
        if row["must_implement"] not in ("yes", "no"):
            problems.append(f"{path}:{number}: must_implement must be yes or no")
        if row["status"] not in STATUSES:
            problems.append(f"{path}:{number}: status {row['status']} not in {sorted(STATUSES)}")
        if row["status"] in ("not-applicable", "must-not-implement", "partial") and not row["note"]:
            problems.append(f"{path}:{number}: status {row['status']} needs a note saying why")
        if not row["summary"]:
            problems.append(f"{path}:{number}: empty summary")
        rows.append(row)
    return rows, problems


def standard_sections(root: pathlib.Path):
    index = root.parent / "shared" / "reference" / "jumin-std-1.0-ch3" / "index.md"
    if not index.exists():
        return None
    ids = []
    for line in index.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^#+ \[(\d+(?:\.\d+)*)\. ", line)
        if match:
            ids.append("JK-" + match.group(1))
    return ids


def read_tags(root: pathlib.Path):
    """Returns [(kind, value, file, line, test)] for every tag in tests/."""
    tags = []
    for path in sorted((root / "tests").rglob("*.cpp")):
        lines = path.read_text(encoding="utf-8").splitlines()
        pending = []
        for number, line in enumerate(lines, start=1):
            tag = TAG.search(line)
            if tag:
                pending.append((tag.group(1), tag.group(2).strip(), number))
                continue
            test = TEST.match(line)
            if test and pending:
                name = f"{test.group(1)}.{test.group(2)}"
                rel = path.relative_to(root)
                for kind, value, at in pending:
                    tags.append((kind, value, str(rel), at, name))
                pending = []
    # A browser test (tests/browser/*.mjs) is one CTest test, browser_<stem>; its tags are the
    # REQ/LAW lines of its header comment.
    for path in sorted((root / "tests" / "browser").glob("*.mjs")):
        rel = path.relative_to(root)
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            tag = TAG.search(line)
            if tag:
                tags.append((tag.group(1), tag.group(2).strip(), str(rel), number, f"browser_{path.stem}"))
    return tags


IMP = re.compile(r"//\s*IMP:\s*(.+)$")
FUNCTION = re.compile(r"(\w+(?:::\w+)?)\s*\(")
CODE_FOLDERS = ("domain", "persistence", "web", "forms", "app", "sample")


def read_implementations(root: pathlib.Path):
    """Returns [(section_value, file, line, function)] for every IMP tag in the sources: the
    function is the first name followed by "(" on the lines after the tag's comment block."""
    found = []
    for folder in CODE_FOLDERS:
        for path in sorted((root / folder).rglob("*")):
            if path.suffix not in (".h", ".cpp"):
                continue
            lines = path.read_text(encoding="utf-8").splitlines()
            for number, line in enumerate(lines):
                match = IMP.search(line)
                if not match:
                    continue
                function = "?"
                for following in lines[number + 1:number + 12]:
                    if following.lstrip().startswith("//"):
                        continue
                    named = FUNCTION.search(following)
                    if named:
                        function = named.group(1)
                        break
                found.append((match.group(1), path.relative_to(root).as_posix(), number + 1, function))
    return found


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--root", default=str(pathlib.Path(__file__).resolve().parent.parent))
    args = parser.parse_args()
    root = pathlib.Path(args.root).resolve()

    rows, problems = read_catalog(root / "docs" / "requirements" / "jumin.tsv")
    ids = [row["id"] for row in rows]
    if len(ids) != len(set(ids)):
        problems.append("duplicate ids in the catalog")
    if len(ids) != 143:
        problems.append(f"the catalog has {len(ids)} rows; chapter 3 has 143 sections")
    standard = standard_sections(root)
    if standard is not None and standard != ids:
        missing = sorted(set(standard) - set(ids))
        extra = sorted(set(ids) - set(standard))
        problems.append(f"catalog differs from the standard's index: missing {missing}, extra {extra}")

    covered = collections.defaultdict(list)
    laws = collections.defaultdict(list)
    known = set(ids)
    for kind, value, file, line, test in read_tags(root):
        if kind == "REQ":
            sections = SECTION.findall(value)
            if not sections:
                problems.append(f"{file}:{line}: REQ tag names no JK section: {value}")
            for section in sections:
                section_id = "JK-" + section
                if section_id not in known:
                    problems.append(f"{file}:{line}: REQ tag names unknown section {section_id}")
                covered[section_id].append(test)
        else:
            laws[value].append(test)

    code = collections.defaultdict(list)
    for value, file, line, function in read_implementations(root):
        sections = SECTION.findall(value)
        if not sections:
            problems.append(f"{file}:{line}: IMP tag names no JK section: {value}")
        for section in sections:
            section_id = "JK-" + section
            if section_id not in known:
                problems.append(f"{file}:{line}: IMP tag names unknown section {section_id}")
            code[section_id].append(f"{function} ({file})")

    for problem in problems:
        print("conformance:", problem)
    if problems:
        print(f"conformance: FAILED ({len(problems)} problem(s))")
        return 1

    counts = collections.Counter(row["status"] for row in rows)
    summary = ", ".join(f"{counts[s]} {s}" for s in sorted(counts))
    print(f"conformance: ok — {len(rows)} sections ({summary}); "
          f"{len(covered)} covered by tests; {len(code)} with tagged code; {len(laws)} statute tags")
    if args.check:
        return 0

    out = ["# Conformance: 住民記録システム標準仕様書 第1.0版, chapter 3", "",
           "Generated by `scripts/conformance.py` from `docs/requirements/jumin.tsv`, the `IMP:` tags in the",
           "sources and the `REQ:` / `LAW:` tags in `tests/`. Do not edit by hand; `make test` regenerates it.", "",
           f"Sections: {len(rows)} ({summary}). Sections with at least one test: {len(covered)}; "
           f"with tagged code: {len(code)}.", "",
           "| Section | Title | Must implement | Status | Code | Tests |", "|---|---|---|---|---|---|"]
    for row in rows:
        tests = sorted(set(covered.get(row["id"], [])))
        cell = "<br>".join(f"`{t}`" for t in tests) if tests else "—"
        functions = sorted(set(code.get(row["id"], [])))
        code_cell = "<br>".join(f"`{f}`" for f in functions) if functions else "—"
        out.append(f"| {row['id']} | {row['title']} | {row['must_implement']} | {row['status']} | {code_cell} | {cell} |")
    out += ["", "## Statutes", "", "| Statute | Tests |", "|---|---|"]
    for law in sorted(laws):
        out.append(f"| {law} | " + "<br>".join(f"`{t}`" for t in sorted(set(laws[law]))) + " |")
    (root / "docs" / "conformance.md").write_text("\n".join(out) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
