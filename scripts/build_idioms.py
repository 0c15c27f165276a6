#!/usr/bin/env python3
"""Regenerate src/doccheck/data/idioms.txt, the idioms (成语) official writing uses, from a checkout of
THUOCL, the open Chinese lexicon of Tsinghua University's NLP group (MIT licence):

    python scripts/build_idioms.py PATH/TO/THUOCL

Taken: the idioms of four or five characters in data/THUOCL_chengyu.txt that at least MIN_DF documents
of its corpus hold (its second column: news and blogs, 2008-2016). A rarer idiom is rarely written in a
公文, and a span one character from it is more often a phrase of its own than a slip. Longer entries are
sayings (跑了和尚跑不了庙), not what a document quotes. Read by typo.fixed-term (kind 成语)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from datalist import run, write

OUT = Path(__file__).resolve().parents[1] / "src" / "doccheck" / "data" / "idioms.txt"
SOURCE = "data/THUOCL_chengyu.txt"
MIN_DF = 1000


def main(repo: str) -> int:
    git = ["git", "-C", repo]
    try:
        text = subprocess.run(git + ["show", f"HEAD:{SOURCE}"], capture_output=True, text=True, check=True).stdout
        commit = subprocess.run(git + ["rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                                check=True).stdout.strip()
    except (subprocess.CalledProcessError, FileNotFoundError):
        text, commit = (Path(repo) / SOURCE).read_text(encoding="utf-8"), "working tree"
    idioms = []
    for line in text.splitlines():
        word, _, df = line.partition("\t")
        word = word.strip()
        if 4 <= len(word) <= 5 and all("\u4e00" <= c <= "\u9fff" for c in word) and int(df) >= MIN_DF:
            idioms.append(word)
    header = ("# Idioms (成语) of four or five characters that at least " + f"{MIN_DF:,}" + " documents of THUOCL's corpus\n"
              "# hold, most frequent first: THUOCL (thunlp/THUOCL, MIT licence, see NOTICE) data/THUOCL_chengyu.txt,\n"
              "# commit " + commit + ". Regenerate with scripts/build_idioms.py. Read by typo.fixed-term (kind 成语).\n")
    return write(OUT, header, idioms, "idioms")


if __name__ == "__main__":
    run(main, __doc__)
