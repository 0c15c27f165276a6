"""`make eval`: precision and recall per category on corpus/, and the
character-error detector on ECSpell (../shared/corpus-external/ecspell)."""

from __future__ import annotations

import sys
from pathlib import Path

from doccheck.evaluation import evaluate_corpus, format_corpus_report

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    print(format_corpus_report(evaluate_corpus(ROOT / "corpus")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
