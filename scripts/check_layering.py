#!/usr/bin/env python3
"""Checks the layering and the module order on the sources (docs/architecture.md).

Layers. The CMake link graph keeps layers apart, but system headers such as sqlite3.h and Poco's
live in /usr/include where any file could reach them; the banned includes close that gap:
  domain/       no Poco, no sqlite3.h, no cairo/pango, no file/thread/clock headers, no other layer
  persistence/  no Poco/Net, no cairo/pango, no web or forms
  web/          no sqlite3.h, no jrr/persistence/, no cairo/pango
  forms/        no Poco/Net, no sqlite3.h, no persistence or web
  sample/       the generator and its adapters are pure like the domain; the bulk writer is not

Modules. Every layer is split into the same module folders (include/jrr/<layer>/<module>/ and
src/<module>/). A file of module M may include a jrr header of module N, in any layer, only when N
comes before M in MODULE_ORDER or is M itself; modules of the same rank do not see each other.
The web layer's `server` folder (route table, WebContext, the screen frame) is the delivery's
frame: it sees every module, and every web module may include it.

Usage: check_layering.py [ROOT]          check the tree, exit 1 on a problem
       check_layering.py --self-test     prove the check refuses what it should
"""
import pathlib
import posixpath
import re
import sys

# Rank of each module; modules of one rank are siblings and may not include each other.
MODULE_ORDER = {
    "core": 0,
    "security": 1,
    "protection": 2,
    "records": 3,
    "access": 4,
    "certificates": 5,
    "fuhyo": 6, "seals": 6,
    "cs": 7,
    "coupling": 8,
    "changes": 9,
    "register": 10,
}
LAYERS = ("domain", "persistence", "web", "forms")
WEB_FRAME = "server"

BANNED = {
    "domain": [r"Poco/", r"sqlite3\.h", r"cairo", r"pango", r"<fstream>", r"<filesystem>",
               r"<thread>", r"jrr/persistence/", r"jrr/web/", r"jrr/forms/", r"jrr/sample/"],
    "persistence": [r"Poco/Net", r"cairo", r"pango", r"jrr/web/", r"jrr/forms/", r"jrr/sample/"],
    "web": [r"sqlite3\.h", r"jrr/persistence/", r"cairo", r"pango", r"jrr/sample/"],
    "forms": [r"Poco/Net", r"sqlite3\.h", r"jrr/persistence/", r"jrr/web/", r"jrr/sample/"],
}
# The sample town's generator and in-memory adapters (jrr_sample_town) are pure like the domain.
SAMPLE_PURE = ("sample_town", "in_memory_resident_repository", "in_memory_protection_register",
               "packed_resident_record")
CLOCK = re.compile(r"system_clock::now|steady_clock::now|time\(nullptr\)|localtime|gmtime")
INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]', re.M)
JRR_INCLUDE = re.compile(r"^jrr/(domain|persistence|web|forms)/([a-z_]+)/")
PRIVATE_INCLUDE = re.compile(r"^([a-z_]+)/[a-z_]+\.h$")


def module_of(rel: pathlib.PurePosixPath):
    """(layer, module) of a source file, or (layer, None) for files outside the module folders."""
    parts = rel.parts
    layer = parts[0]
    if layer not in LAYERS:
        return layer, None
    if len(parts) >= 5 and parts[1] == "include":
        return layer, parts[4]
    if len(parts) >= 4 and parts[1] == "src":
        return layer, parts[2]
    return layer, None


def check_file(rel: pathlib.PurePosixPath, text: str) -> list:
    problems = []
    layer, module = module_of(rel)
    banned = BANNED.get(layer, [])
    if layer == "sample":
        banned = [b for b in BANNED["domain"] if b != r"jrr/sample/"] if rel.stem in SAMPLE_PURE else []
    pure = layer == "domain" or (layer == "sample" and rel.stem in SAMPLE_PURE)
    if layer in LAYERS and module is None and rel.suffix in (".h", ".cpp"):
        problems.append(f"{rel}: outside the module folders (include/jrr/{layer}/<module>/, src/<module>/)")
    if layer in LAYERS and module is not None and module not in MODULE_ORDER and not (
            layer == "web" and module == WEB_FRAME):
        problems.append(f"{rel}: module '{module}' is not in the module order")
    for include in INCLUDE.findall(text):
        for pattern in banned:
            if re.search(pattern, "<" + include + ">"):
                problems.append(f"{rel}: includes {include} ({layer} may not)")
        if module is None or module not in MODULE_ORDER and module != WEB_FRAME:
            continue
        target = None
        found = JRR_INCLUDE.match(include)
        if found:
            target = found.group(2)
            target_layer = found.group(1)
        elif include.startswith("../"):
            # A relative include names a file by where it lies: its folder is its module.
            resolved = pathlib.PurePosixPath(posixpath.normpath((rel.parent / include).as_posix()))
            target_layer, target = module_of(resolved)
            if target is None:
                problems.append(f"{rel}: includes {include}, outside the module folders")
                continue
        else:
            private = PRIVATE_INCLUDE.match(include)
            if private and private.group(1) in MODULE_ORDER | {WEB_FRAME: 0}:
                target, target_layer = private.group(1), layer
        if target is None:
            continue
        if layer == "web" and (module == WEB_FRAME or (target == WEB_FRAME and target_layer == "web")):
            continue
        if target not in MODULE_ORDER:
            problems.append(f"{rel}: includes {include}, of a module outside the order")
        elif target != module and MODULE_ORDER[target] >= MODULE_ORDER[module]:
            problems.append(f"{rel}: includes {include} ({module} comes before {target} in the module order)")
    if pure and CLOCK.search(text):
        problems.append(f"{rel}: reads the clock (the domain gets dates passed in)")
    return problems


def check_tree(root: pathlib.Path) -> list:
    problems = []
    for top in LAYERS + ("sample",):
        for path in sorted((root / top).rglob("*")):
            if path.suffix not in (".h", ".cpp"):
                continue
            rel = pathlib.PurePosixPath(path.relative_to(root).as_posix())
            problems += check_file(rel, path.read_text(encoding="utf-8"))
    return problems


def self_test() -> int:
    """Each case: a file, what it includes, and whether the check must refuse it."""
    cases = [
        ("domain/src/core/text.cpp", '#include "jrr/domain/records/resident_record.h"', True),
        ("domain/src/records/change_desk.cpp", '#include "jrr/domain/access/resident_access.h"', True),
        ("domain/src/fuhyo/fuhyo.cpp", '#include "jrr/domain/seals/seal_registration.h"', True),
        ("domain/src/fuhyo/fuhyo.cpp", '#include "jrr/domain/cs/cs_message.h"', True),
        ("domain/src/cs/cs_message.cpp", '#include "jrr/domain/fuhyo/fuhyo.h"', False),
        ("domain/include/jrr/domain/seals/seal_desk.h", '#include "jrr/domain/access/resident_access.h"', False),
        ("domain/src/changes/change_desk.cpp", '#include "jrr/domain/coupling/change_effects.h"', False),
        ("persistence/src/records/sqlite_resident_repository.cpp",
         '#include "jrr/persistence/seals/sqlite_seal_register.h"', True),
        ("persistence/src/coupling/change_effects_applier.cpp",
         '#include "jrr/persistence/seals/sqlite_seal_register.h"', False),
        ("domain/src/records/resident_changes_entry.cpp", '#include "access/anything.h"', True),
        ("domain/src/records/resident_changes.cpp", '#include "../access/anything.h"', True),
        ("domain/src/access/resident_access.cpp", '#include "../records/anything.h"', False),
        ("domain/include/jrr/domain/core/text.h", '#include "../records/resident_record.h"', True),
        ("domain/src/core/text.cpp", '#include "../../../web/src/server/page.h"', True),
        ("domain/src/text.cpp", '#include "jrr/domain/core/result.h"', True),
        ("domain/src/nowhere/text.cpp", '#include "jrr/domain/core/result.h"', True),
        ("domain/src/core/text.cpp", "#include <sqlite3.h>", True),
        ("web/src/seals/seal_pages.cpp", '#include "server/endpoints.h"', False),
        ("web/src/seals/seal_pages.cpp", '#include "jrr/web/fuhyo/fuhyo_request.h"', True),
        ("web/src/seals/seal_pages.cpp", '#include "jrr/persistence/seals/sqlite_seal_register.h"', True),
        ("sample/src/sample_town.cpp", "#include <thread>", True),
        ("sample/src/sample_register.cpp", "#include <thread>", False),
    ]
    failed = 0
    for path, include, refuse in cases:
        got = bool(check_file(pathlib.PurePosixPath(path), include + "\n"))
        if got != refuse:
            failed += 1
            print(f"self-test: {path} with {include}: expected {'a refusal' if refuse else 'no problem'}")
    print(f"layering self-test: {'FAILED' if failed else 'ok'} ({len(cases)} cases)")
    return 1 if failed else 0


def main() -> int:
    if sys.argv[1:2] == ["--self-test"]:
        return self_test()
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()
    problems = check_tree(root)
    for problem in problems:
        print("layering:", problem)
    print(f"layering: {'FAILED' if problems else 'ok'} ({len(problems)} problem(s))")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
