"""What the build_* scripts share: a data list written with the header that says where it came from, and
the command line (one argument: the checkout of the source repository)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from pathlib import Path


def write(out: Path, header: str, rows: Iterable[str], what: str) -> int:
    """``header`` (comment lines, each ending in a newline), then a row a line; says how many."""
    rows = list(rows)
    out.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} {what} -> {out}")
    return 0


def run(main: Callable[[str], int], doc: str) -> None:
    if len(sys.argv) != 2:
        print(doc)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
