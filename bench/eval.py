"""`make eval`: precision and recall per category on corpus/, and the
character-error detection on ECSpell (../shared/corpus-external/ecspell):
the train split (where the threshold was chosen) and the test split (reported only).

`python bench/eval.py --tune` sweeps the detector's threshold on the train split."""

from __future__ import annotations

import sys
from pathlib import Path

from doccheck.evaluation import (evaluate_corpus, evaluate_ecspell, evaluate_real, evaluate_real_errors,
                                 format_corpus_report, format_real_errors, format_real_report, format_spell_report,
                                 read_confirmed, read_ecspell, write_real_alarms)

ROOT = Path(__file__).resolve().parents[1]
ECSPELL = ROOT.parent / "shared" / "corpus-external" / "ecspell"
REAL = ROOT.parent / "shared" / "corpus-real"
REPORT = ROOT / "build" / "eval" / "corpus-real-alarms.tsv"


def real() -> None:
    """False alarms on published text; every one written to REPORT with its context."""
    if not REAL.is_dir():
        print(f"corpus-real not found at {REAL}; skipped")
        return
    confirmed = read_confirmed(ROOT / "corpus" / "real-confirmed.toml")
    reports = [evaluate_real(REAL, folder, confirmed) for folder in ("gongwen", "normative")]
    for r in reports:
        print(format_real_report(r))
    write_real_alarms(reports, REPORT)
    print(f"every false alarm with its context: {REPORT.relative_to(ROOT)}")
    dev = REAL.parent / "real-errors-dev" / "cases.jsonl"
    if dev.exists():
        print(format_real_errors("../shared/real-errors-dev", evaluate_real_errors(dev)))
    print(format_real_errors("corpus/real-errors.jsonl (collected, with sources)",
                             evaluate_real_errors(ROOT / "corpus" / "real-errors.jsonl")))
    # A development set: the web-residue patterns were written from these strings, so this is
    # coverage of the classes, not a held-out figure.
    print(format_real_errors("corpus/web-residue-dev.jsonl (residue of document-sharing sites, with "
                             "sources; development set)",
                             evaluate_real_errors(ROOT / "corpus" / "web-residue-dev.jsonl", by="class")))


def tune() -> None:
    from doccheck.spelling import load_detector

    rows = read_ecspell(ECSPELL / "odw.train.tsv")
    det = load_detector(threshold=0.0)
    hits, clean, errors = [], [], 0
    for src, tgt in rows:
        wrong = {i for i, (a, b) in enumerate(zip(src, tgt)) if a != b}
        errors += len(wrong)
        hits += [(s.gain, s.index in wrong) for s in det.detect(src)]
        clean.append(max((s.gain for s in det.detect(tgt)), default=-1.0))
    for th in (4, 5, 6, 7, 8, 9, 10, 12):
        tp = sum(g >= th and ok for g, ok in hits)
        fp = sum(g >= th and not ok for g, ok in hits)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / errors
        f = 2 * p * r / (p + r) if p + r else 0.0
        far = sum(g >= th for g in clean) / len(clean)
        print(f"threshold {th:>4}: P={p:.3f} R={r:.3f} F1={f:.3f} false-alarm rate {far:.2%}")


def main() -> int:
    if "--tune" in sys.argv:
        tune()
        return 0
    if "--real" in sys.argv:
        real()
        return 0
    real()
    print()
    print(format_corpus_report(evaluate_corpus(ROOT / "corpus")))
    print()
    if not ECSPELL.is_dir():
        print(f"ECSpell not found at {ECSPELL}; skipped")
        return 0
    for split in ("train", "test"):
        print(format_spell_report(f"odw.{split}", evaluate_ecspell(ECSPELL / f"odw.{split}.tsv")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
