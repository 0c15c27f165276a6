#!/usr/bin/env python3
"""Regenerate src/doccheck/data/law-titles.txt, the titles of China's national laws, administrative
regulations and departmental rules in force, from a checkout of LawRefBook/Laws (which collects them
from the national database of laws and regulations, flk.npc.gov.cn):

    python scripts/build_law_titles.py PATH/TO/LawRefBook-Laws

Only the titles are taken: one per file name, without the date of the version and without the
prefix 中华人民共和国 (the repository's names leave it out; doccheck compares titles without it).
Laws, regulations and their titles are outside copyright (著作权法 第五条); the repository has no
licence file, so nothing else of it is copied."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from datalist import run, write

OUT = Path(__file__).resolve().parents[1] / "src" / "doccheck" / "data" / "law-titles.txt"
FOLDERS = ("宪法", "宪法相关法", "民法典", "民法商法", "行政法", "经济法", "社会法", "刑法",
           "诉讼与非诉讼程序法", "行政法规", "部门规章")


def main(repo: str) -> int:
    git = ["git", "-C", repo, "-c", "core.quotepath=off"]
    if (Path(repo) / ".git").is_dir() or Path(repo).name.endswith(".git") or (Path(repo) / "HEAD").exists():
        names = subprocess.run(git + ["ls-tree", "-r", "HEAD", "--name-only"], capture_output=True, text=True,
                               check=True).stdout.splitlines()
        commit = subprocess.run(git + ["rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                                check=True).stdout.strip()
    else:
        names = [str(p.relative_to(repo)) for p in Path(repo).rglob("*.md")]
        commit = "working tree"
    titles = set()
    for name in names:
        folder, _, rest = name.partition("/")
        if folder not in FOLDERS or not rest.endswith(".md"):
            continue
        title = re.sub(r"\([0-9-]+\)$", "", Path(rest).stem)
        if title and not title.startswith("_"):
            titles.add(title.removeprefix("中华人民共和国"))
    header = ("# Titles of national laws, administrative regulations and departmental rules (without the\n"
              "# prefix 中华人民共和国), from LawRefBook/Laws commit " + commit + " (file names; the texts come\n"
              "# from flk.npc.gov.cn). Regenerate with scripts/build_law_titles.py. Read by typo.law-title.\n")
    return write(OUT, header, sorted(titles), "titles")


if __name__ == "__main__":
    run(main, __doc__)
