#!/usr/bin/env python3
"""Splits chapter 3 of the 住民記録システム標準仕様書 into numbered requirement rows.

The catalog (docs/requirements/jumin/*.tsv) holds one row per requirement sentence, numbered
`JK-<section>/<n>`. This module is the one rule that numbers them, so a vendor with the same chapter
numbers its rows the same way and the catalog check can tell a missing or extra row:

- the blocks are 実装すべき機能 (kind `must`), 実装してもしなくても良い機能 (`optional`) and
  実装しない機能 (`must-not`), numbered in that order through the section;
- a line that ends a sentence (。) starts a row, and so does a 【heading】 of a list of items inside
  a block; a line that does not (a list item, a field name) belongs to the row before it, or starts
  one when there is none; a ※ line annotates the row before it;
- a heading of a note list (（留意点）) ends the row before it, so each note is a row; page numbers
  are not rows.

Only numbers and kinds leave this module; the standard's sentences stay in the reference folder.
"""
import os
import re
import sys

BLOCKS = {"【実装すべき機能】": "must", "【実装してもしなくても良い機能】": "optional",
          "【実装しない機能】": "must-not"}
PAGE = re.compile(r"^\d+\s*/\s*\d+$")
HEADING = re.compile(r"^[（(][^）)]{1,8}[）)]$")


def sections(reference):
    """(number, title, file) of every section listed in the reference's index.md."""
    index = open(os.path.join(reference, "index.md"), encoding="utf-8").read()
    return re.findall(r"\[(\d+(?:\.\d+)*)\. (.*?) \(\d+\)\]\((j\d+\.txt)\)", index)


def rows_of(path):
    """[(n, kind, text)] of one section file; text is for the caller's eyes only."""
    rows, kind, open_row = [], None, False

    def attach(s):
        rows[-1] = (rows[-1][0], rows[-1][1], rows[-1][2] + "\n" + s)

    for line in open(path, encoding="utf-8"):
        s = line.strip()
        if s in BLOCKS:
            kind, open_row = BLOCKS[s], False
        elif not kind or not s or PAGE.match(s):
            continue
        elif HEADING.match(s):
            open_row = False  # a note list follows: each of its items is a row
        elif s.startswith("※") and open_row:
            attach(s)  # an annotation of the row it follows
        elif open_row and not s.endswith("。") and not s.startswith("【"):
            attach(s)  # a list item or a field name of the row
        else:
            rows.append((len(rows) + 1, kind, s))  # a sentence, or a heading of a list of items
            open_row = True
    return rows


def all_rows(reference):
    """{id: (kind, section title)} for the whole chapter."""
    out = {}
    for number, title, file in sections(reference):
        for n, kind, _ in rows_of(os.path.join(reference, file)):
            out[f"JK-{number}/{n}"] = (kind, title)
    return out


if __name__ == "__main__":
    ref = sys.argv[1] if len(sys.argv) > 1 else "../shared/reference/jumin-std-1.0-ch3"
    rows = all_rows(ref)
    kinds = {}
    for kind, _ in rows.values():
        kinds[kind] = kinds.get(kind, 0) + 1
    print(len(rows), kinds)
