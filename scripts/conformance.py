#!/usr/bin/env python3
"""The conformance report: catalog + scenarios (+ a run's results) → docs/conformance.md.

Reads
  docs/requirements/jumin-sections.tsv       the 143 sections of chapter 3 (id, title, …)
  docs/requirements/jumin/JK-<chapter>.tsv   one row per requirement sentence (JK-<section>/<n>)
  docs/requirements/later-rules.tsv          rows from the statute and later rules
  docs/requirements/section-grades-2026-12-06.tsv   the old section-level grades (change log)
  tests/conformance/scenarios/*.yaml         which scenarios cover which rows
  the IMP: tags of the sources and the REQ: / LAW: tags of tests/ (code and unit tests per section)

and, with --results, a result file of tests/conformance/run.py.

For jrr (the default) a row's status is the catalog's grade, and the check fails when a row graded
met or partly has no scenario covering it, or only scenarios marked known_failure, or (with
--results) a covering scenario that did not pass; also when a scenario covers a row the catalog
lacks, or the catalog's rows differ from the standard's (checked against ../shared/reference when
present). With --system NAME the statuses come from the results alone (another system's run: met
when every scenario covering the row passed), and the report is written to --out.

A section is implemented when every must row of it that applies to an ordinary municipality
is met (not applicable rows left out; the report also counts them as not met).

Usage: conformance.py [--check] [--root DIR] [--results FILE] [--system NAME --out FILE]
"""
import argparse
import collections
import csv
import json
import pathlib
import re
import sys

import yaml

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import requirement_rows  # noqa: E402

STATUSES = ("met", "partly", "not met", "not applicable")
KINDS = ("must", "optional", "must-not")
INTERFACES = {"screen", "api", "cli", "certificate", "batch", "data", "external"}
COLUMNS = ["id", "kind", "interfaces", "requirement", "status", "reason"]
LATER_COLUMNS = COLUMNS + ["source", "replaces"]
ROW_ID = re.compile(r"^JK-(\d+(?:\.\d+)*)/(\d+)$")
LATER_ID = re.compile(r"^LAW-[a-z0-9-]+/\d+$")
TAG = re.compile(r"//\s*(REQ|LAW):\s*(.+)$")
TEST = re.compile(r"^\s*(?:TEST|TEST_F|TEST_P|TYPED_TEST)\(\s*(\w+)\s*,\s*(\w+)\s*\)")
SECTION = re.compile(r"JK-(\d+(?:\.\d+)*)")
IMP = re.compile(r"//\s*IMP:\s*(.+)$")
FUNCTION = re.compile(r"(\w+(?:::\w+)?)\s*\(")
CODE_FOLDERS = ("domain", "persistence", "web", "forms", "app", "sample")


def read_tsv(path, columns, problems):
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or lines[0].split("\t") != columns:
        problems.append(f"{path}: header must be {columns}")
        return []
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) != len(columns):
            problems.append(f"{path}:{number}: {len(fields)} fields, expected {len(columns)}")
            continue
        row = dict(zip(columns, fields))
        row["file"], row["line"] = path, number
        rows.append(row)
    return rows


def check_row(row, problems, id_pattern):
    where = f"{row['file'].name}:{row['line']}"
    if not id_pattern.match(row["id"]):
        problems.append(f"{where}: bad id {row['id']}")
    if row["kind"] not in KINDS:
        problems.append(f"{where}: kind {row['kind']!r} not in {KINDS}")
    if row["status"] not in STATUSES:
        problems.append(f"{where}: status {row['status']!r} not in {STATUSES}")
    if row["status"] != "met" and not row["reason"].strip():
        problems.append(f"{where}: status {row['status']} needs a reason")
    unknown = set(filter(None, row["interfaces"].split(","))) - INTERFACES
    if unknown:
        problems.append(f"{where}: unknown interfaces {sorted(unknown)}")
    if not row["requirement"].strip():
        problems.append(f"{where}: empty requirement")


def read_catalog(root, problems):
    sections = read_tsv(root / "docs/requirements/jumin-sections.tsv",
                        ["id", "title", "must_implement", "summary"], problems)
    rows = []
    for path in sorted((root / "docs/requirements/jumin").glob("JK-*.tsv"),
                       key=lambda p: int(p.stem[3:])):
        for row in read_tsv(path, COLUMNS, problems):
            check_row(row, problems, ROW_ID)
            match = ROW_ID.match(row["id"])
            row["section"] = "JK-" + match.group(1) if match else "?"
            rows.append(row)
    later = read_tsv(root / "docs/requirements/later-rules.tsv", LATER_COLUMNS, problems)
    for row in later:
        check_row(row, problems, LATER_ID)
        row["section"] = "later"
    known_sections = {s["id"] for s in sections}
    ids = [r["id"] for r in rows + later]
    for duplicate in sorted({i for i in ids if ids.count(i) > 1}):
        problems.append(f"row {duplicate} appears more than once")
    for row in rows:
        if row["section"] not in known_sections:
            problems.append(f"{row['id']}: no such section in jumin-sections.tsv")
    for row in later:
        for replaced in filter(None, row["replaces"].split(",")):
            if replaced.strip() not in ids:
                problems.append(f"{row['id']}: replaces unknown row {replaced}")
    reference = root.parent / "shared" / "reference" / "jumin-std-1.0-ch3"
    if reference.exists():
        standard = requirement_rows.all_rows(str(reference))
        ours = {r["id"]: r["kind"] for r in rows}
        missing = [i for i in standard if i not in ours]
        extra = [i for i in ours if i not in standard]
        if missing or extra:
            problems.append(f"catalog rows differ from the standard: missing {missing[:10]}"
                            f"{'…' if len(missing) > 10 else ''}, extra {extra[:10]}")
        for i, (kind, _) in standard.items():
            if i in ours and ours[i] != kind:
                problems.append(f"{i}: kind {ours[i]}, the standard's block says {kind}")
        if [s["id"] for s in sections] != ["JK-" + n for n, _, _ in
                                          requirement_rows.sections(str(reference))]:
            problems.append("jumin-sections.tsv differs from the standard's index")
    return sections, rows, later


def read_scenarios(root, known_ids, problems):
    """{row id: [scenario]} where a scenario is {file, name, known_failure}."""
    covering = collections.defaultdict(list)
    count = 0
    for path in sorted((root / "tests/conformance/scenarios").glob("*.yaml")):
        try:
            document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as error:
            problems.append(f"{path.name}: {error}")
            continue
        for scenario in document.get("scenarios") or []:
            count += 1
            entry = {"file": f"scenarios/{path.name}", "section": document.get("section", ""),
                     "name": scenario.get("name", "?"),
                     "known_failure": scenario.get("known_failure", "")}
            for row_id in scenario.get("covers") or []:
                if row_id not in known_ids:
                    problems.append(f"{path.name}: scenario {entry['name']!r} covers unknown "
                                    f"row {row_id}")
                covering[row_id].append(entry)
    return covering, count


def read_results(path):
    data = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
    # By section and name, not by file: a run may read the scenarios from a copy elsewhere.
    return data.get("system", "?"), {(r["section"], r["name"]): r for r in data["scenarios"]}


def read_tags(root):
    """(section → unit tests, statute → unit tests, problems) from tests/."""
    covered, laws = collections.defaultdict(set), collections.defaultdict(set)
    for path in sorted((root / "tests").rglob("*.cpp")):
        pending = []
        for line in path.read_text(encoding="utf-8").splitlines():
            tag = TAG.search(line)
            if tag:
                pending.append((tag.group(1), tag.group(2).strip()))
                continue
            test = TEST.match(line)
            if test and pending:
                for kind, value in pending:
                    target = covered if kind == "REQ" else laws
                    keys = ["JK-" + s for s in SECTION.findall(value)] if kind == "REQ" else [value]
                    for key in keys:
                        target[key].add(f"{test.group(1)}.{test.group(2)}")
                pending = []
    for path in sorted((root / "tests" / "browser").glob("*.mjs")):
        for line in path.read_text(encoding="utf-8").splitlines():
            tag = TAG.search(line)
            if tag and tag.group(1) == "REQ":
                for s in SECTION.findall(tag.group(2)):
                    covered["JK-" + s].add(f"browser_{path.stem}")
    return covered, laws


def read_implementations(root):
    code = collections.defaultdict(set)
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
                for s in SECTION.findall(match.group(1)):
                    code["JK-" + s].add(f"{function} ({path.relative_to(root).as_posix()})")
    return code


def grade_rows(rows, covering, results, system, problems):
    """Sets row['graded'] (the status in the report) and row['scenarios']."""
    for row in rows:
        scenarios = covering.get(row["id"], [])
        row["scenarios"] = scenarios
        if system:
            row["graded"], row["why"] = grade_other_system(row, scenarios, results)
            continue
        row["graded"], row["why"] = row["status"], row["reason"]
        if row["status"] not in ("met", "partly"):
            continue
        proving = [s for s in scenarios if not s["known_failure"]]
        if not proving:
            problems.append(f"{row['id']} is graded {row['status']} but no scenario proves it")
        if row["status"] == "met" and len(proving) != len(scenarios):
            problems.append(f"{row['id']} is graded met but a scenario covering it is a known "
                            f"failure")
        if results is not None:
            for s in proving:
                outcome = results.get((s["section"], s["name"]))
                if not outcome or not outcome["passed"]:
                    problems.append(f"{row['id']} is graded {row['status']} but scenario "
                                    f"{s['name']!r} did not pass")


def grade_other_system(row, scenarios, results):
    """Another system's grade of a row: from its results alone, and never above what jrr's own
    catalog says the scenarios prove (a row jrr grades partly is covered only in part)."""
    if not scenarios:
        return "no scenario", ""
    ran = [results.get((s["section"], s["name"])) for s in scenarios]
    ran = [r for r in ran if r and not r.get("skipped")]
    failed = [r for r in ran if not r["passed"]]
    if failed:
        return "not met", failed[0]["reason"][:200]
    if not ran:
        return "not run", "no scenario covering it was run (skipped or left out)"
    if len(ran) < len(scenarios):
        return "partly", f"{len(ran)} of {len(scenarios)} scenarios covering it were run; all passed"
    if row["status"] != "met":
        return "partly", (f"every scenario covering it passed, but they prove it only in part "
                          f"(jrr's own grade: {row['status']}: {row['reason'][:160]})")
    return "met", ""


def section_status(section_rows, statuses_of_met=("met",)):
    must = [r for r in section_rows if r["kind"] == "must"]
    if not must:
        return "no must rows"
    graded = [r["graded"] for r in must]
    if all(g in statuses_of_met or g == "not applicable" for g in graded) and \
            any(g in statuses_of_met for g in graded):
        return "implemented"
    if all(g == "not applicable" for g in graded):
        return "not applicable"
    if any(g in ("met", "partly") for g in graded):
        return "partly"
    return "not met"


def count_line(rows, kind):
    of_kind = [r for r in rows if r["kind"] == kind]
    counts = collections.Counter(r["graded"] for r in of_kind)
    order = ["met", "partly", "not met", "not applicable", "no scenario"]
    return f"{len(of_kind)} {kind} rows: " + ", ".join(
        f"{counts[s]} {s}" for s in order if counts[s])


def cell(text):
    return text.replace("|", "\\|")


def write_report(out_path, sections, rows, later, scenario_count, results, system, covered,
                 laws, code, legacy, row_changes=()):
    by_section = collections.defaultdict(list)
    for row in rows:
        by_section[row["section"]].append(row)
    statuses = {s["id"]: section_status(by_section[s["id"]]) for s in sections}
    section_counts = collections.Counter(statuses.values())
    must_sections = [s for s in sections if s["must_implement"] == "yes"]
    must_section_counts = collections.Counter(statuses[s["id"]] for s in must_sections)
    name = system or "jrr"
    out = [f"# Conformance of {name}: 住民記録システム標準仕様書 第1.0版, chapter 3", ""]
    if system:
        out += [f"Generated by `scripts/conformance.py --system` from a run of jrr's scenarios "
                f"against {name}. This grades {name} against jrr's scenarios, not against the "
                f"standard itself: a row is met when every scenario covering it ran and passed "
                f"and jrr's catalog judges those scenarios to prove the whole row; partly when "
                f"some were not run, or they prove the row only in part; not met when one "
                f"failed; not run when none ran (a step skipped by the adapter, a screen or "
                f"command-line step not run, or left out by --only); rows without a scenario are "
                f"not graded.", ""]
    else:
        out += ["Generated by `scripts/conformance.py` from the catalog "
                "(`docs/requirements/jumin/`, `docs/requirements/later-rules.tsv`), the scenarios "
                "(`tests/conformance/scenarios/`), the `IMP:` tags of the sources and the `REQ:` / "
                "`LAW:` tags of `tests/`. Do not edit by hand; `make test` regenerates it and fails "
                "when a row graded met or partly has no passing scenario. How to run the same "
                "scenarios against another system: `docs/conformance-kit.md`.", ""]
    out += ["## Counts", "",
            f"Requirement rows of chapter 3: {len(rows)}.", ""]
    for kind in KINDS:
        out.append(f"- {count_line(rows, kind)}")
    # Counted strictly, a must row not applicable here (a 指定都市's rows, in a register of an
    # ordinary municipality) is one more not built.
    strict = sum(1 for s in sections
                 if by_section[s["id"]] and all(r["graded"] == "met" for r in by_section[s["id"]]
                                               if r["kind"] == "must")
                 and any(r["kind"] == "must" for r in by_section[s["id"]]))
    not_applicable_must = sum(1 for r in rows if r["kind"] == "must" and
                              r["graded"] == "not applicable")
    designated_city = sum(1 for r in rows if r["kind"] == "must" and
                          r["graded"] == "not applicable" and "指定都市" in r["why"] and
                          "ordinary municipalities" not in r["why"])
    unshown_must_not = sum(1 for r in rows if r["kind"] == "must-not" and r["graded"] == "not met"
                           and "not yet shown" in r["why"])
    out += ["", f"Sections: {len(sections)}; a section is implemented when every must row of it "
            f"that applies to an ordinary municipality is met. " +
            ", ".join(f"{section_counts[k]} {k}" for k in sorted(section_counts)) + ". "
            f"Of the {not_applicable_must} must rows graded not applicable, {designated_city} "
            f"concern 指定都市 only (wards, 区間異動), which jrr does not build at all, and the "
            f"others are headings, exemptions and permissions that ask nothing; counting every "
            f"not applicable row as not met, {strict} sections are implemented.", "",
            f"Sections with a 【実装すべき機能】 list (at least one must row): "
            f"{len(must_sections)}: " +
            ", ".join(f"{must_section_counts[k]} {k}" for k in sorted(must_section_counts)) + ".",
            "", f"Must-not rows graded not met: {unshown_must_not} of them because no scenario "
            f"shows the absence yet (not a known violation); the others say why.",
            "", f"Scenarios: {scenario_count}"]
    if results is not None:
        passed = sum(1 for r in results.values() if r["passed"])
        known = sum(1 for r in results.values() if r.get("known_failure") and not r["passed"])
        out[-1] += f"; in the run used for this report {passed} passed, {known} known failures"
    out[-1] += "."
    out += ["", f"Later rules (statute and rules newer than 第1.0版): {len(later)} rows; " +
            count_line(later, "must") + "."]
    if not system:
        out += ["", "## Change log", "",
                "- 2026-12-07: every requirement sentence graded on its own, from not met upwards, "
                "and promoted only with a passing scenario through the API, a screen or a "
                "certificate's PDF text (issue 26). Downgraded from the section grades of "
                "2026-12-06 (`docs/requirements/section-grades-2026-12-06.tsv`):", ""]
        rank = {"implemented": 3, "partial": 2, "partly": 2, "planned": 1, "not met": 1}
        for s in sections:
            old = legacy.get(s["id"], "")
            new = statuses[s["id"]]
            if old in rank and rank.get(new, 0) < rank[old]:
                must = [r for r in by_section[s["id"]] if r["kind"] == "must"]
                met = sum(1 for r in must if r["graded"] == "met")
                out.append(f"  - {s['id']} {s['title']}: {old} → {new} ({met} of {len(must)} "
                           f"must rows met)")
        # Later changes of single rows, with why (docs/requirements/row-changes.tsv).
        changes = collections.defaultdict(list)
        for change in row_changes:
            changes[change["date"]].append(change)
        for date in sorted(changes):
            out += ["", f"- {date}: rows regraded or corrected:", ""]
            for c in changes[date]:
                out.append(f"  - {c['id']}: {c['from']} → {c['to']} — {c['why']}")
    out += ["", "## Sections", ""]
    for s in sections:
        section_rows = by_section[s["id"]]
        out += [f"### {s['id']} {s['title']} — {statuses[s['id']]}", ""]
        functions = sorted(code.get(s["id"], []))
        tests = sorted(covered.get(s["id"], []))
        if functions:
            out.append("Code: " + ", ".join(f"`{f}`" for f in functions))
        if tests:
            out.append("Unit tests: " + ", ".join(f"`{t}`" for t in tests))
        if functions or tests:
            out.append("")
        out += ["| Row | Kind | Requirement (paraphrase) | Status | Reason | Scenarios |",
                "|---|---|---|---|---|---|"]
        for row in section_rows:
            names = "<br>".join(
                f"{cell(x['name'])}" + (" (known failure)" if x["known_failure"] else "")
                for x in row["scenarios"]) or "—"
            out.append(f"| {row['id']} | {row['kind']} | {cell(row['requirement'])} | "
                       f"{row['graded']} | {cell(row['why'])} | {names} |")
        out.append("")
    out += ["## Later rules", "",
            "| Row | Kind | Requirement | Source | Replaces | Status | Reason | Scenarios |",
            "|---|---|---|---|---|---|---|---|"]
    for row in later:
        names = "<br>".join(cell(x["name"]) for x in row["scenarios"]) or "—"
        out.append(f"| {row['id']} | {row['kind']} | {cell(row['requirement'])} | "
                   f"{cell(row['source'])} | {row['replaces'] or '—'} | {row['graded']} | "
                   f"{cell(row['why'])} | {names} |")
    if not system:
        out += ["", "## Statutes named by unit tests", "", "| Statute | Tests |", "|---|---|"]
        for law in sorted(laws):
            out.append(f"| {law} | " + "<br>".join(f"`{t}`" for t in sorted(laws[law])) + " |")
    pathlib.Path(out_path).write_text("\n".join(out) + "\n", encoding="utf-8")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true", help="verify only; write nothing")
    parser.add_argument("--root", default=str(pathlib.Path(__file__).resolve().parent.parent))
    parser.add_argument("--results", help="a result file of tests/conformance/run.py")
    parser.add_argument("--system", help="grade another system from --results alone")
    parser.add_argument("--out", help="where to write the report")
    args = parser.parse_args()
    root = pathlib.Path(args.root).resolve()
    problems = []
    sections, rows, later = read_catalog(root, problems)
    known = {r["id"] for r in rows + later}
    covering, scenario_count = read_scenarios(root, known, problems)
    results, system = None, None
    if args.system and (not args.results or not args.out):
        print("conformance: --system needs --results (the run's file) and --out (the report)")
        return 2
    if args.results:
        ran_system, results = read_results(args.results)
        if args.system:
            system = args.system
        elif ran_system != "jrr":
            print(f"conformance: {args.results} is a run against {ran_system}: grade it with "
                  f"--system NAME --out FILE")
            return 2
        matched = {(s["section"], s["name"]) for entries in covering.values() for s in entries}
        for key in results:
            if key not in matched:
                print(f"conformance: warning: result {key[1]!r} ({key[0]}) matches no scenario")
    grade_rows(rows + later, covering, results, system, problems)
    covered, laws = read_tags(root)
    section_ids = {s["id"] for s in sections}
    for section in covered:
        if section not in section_ids:
            problems.append(f"a REQ tag in tests/ names unknown section {section}")
    code = read_implementations(root)
    for section in code:
        if section not in section_ids:
            problems.append(f"an IMP tag names unknown section {section}")
    for problem in problems:
        print("conformance:", problem)
    if problems:
        print(f"conformance: FAILED ({len(problems)} problem(s))")
        return 1
    graded = collections.Counter(r["graded"] for r in rows)
    print(f"conformance: ok — {len(rows)} rows ({', '.join(f'{v} {k}' for k, v in sorted(graded.items()))}), "
          f"{scenario_count} scenarios, {len(later)} later-rule rows")
    if args.check:
        return 0
    legacy = {}
    legacy_path = root / "docs/requirements/section-grades-2026-12-06.tsv"
    if legacy_path.exists():
        for row in csv.DictReader(legacy_path.open(encoding="utf-8"), delimiter="\t"):
            legacy[row["id"]] = row["status"]
    changes_path = root / "docs/requirements/row-changes.tsv"
    row_changes = list(csv.DictReader(changes_path.open(encoding="utf-8"), delimiter="\t")) \
        if changes_path.exists() else []
    out = args.out or (root / "docs" / "conformance.md")
    write_report(out, sections, rows, later, scenario_count, results, system, covered, laws,
                 code, legacy, row_changes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
