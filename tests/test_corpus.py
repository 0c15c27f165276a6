"""The annotated drafts in corpus/ as a regression guard (`make eval` prints the full table)."""

from __future__ import annotations

from pathlib import Path

from doccheck.evaluation import Tally, evaluate_corpus

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def test_corpus_accuracy_holds():
    report = evaluate_corpus(CORPUS)
    assert report.files >= 30
    assert report.doctype_right == report.doctype_total
    assert report.gongwen_rules_on_non_gongwen == 0  # speeches and articles get no header/recipient findings
    total = Tally()
    for t in report.by_category.values():
        total.tp += t.tp
        total.fp += t.fp
        total.fn += t.fn
    assert total.recall >= 0.95, report.misses
    assert total.precision >= 0.95, report.false_alarms
