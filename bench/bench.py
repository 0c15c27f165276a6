"""`make bench`: throughput, warm latency per 3,000-character draft, and cold start.

Targets (issue 3): >= 1,000,000 characters/s per core warm for the full rule set,
<= 5 ms per 3,000-character draft warm, <= 0.5 s cold start of `doccheck check one.txt`.
A benchmark, not a test: it prints figures and never fails the build."""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import doccheck
from doccheck.config import Config
from doccheck.model import Document
from doccheck.engine import check_document
from doccheck.plugins import default_registry


def default_detector():
    return default_registry().resources.get("spelling.detector")

ROOT = Path(__file__).resolve().parents[1]


def corpus_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]


def draft_of(length: int, texts: list[str]) -> str:
    """A realistic draft of about ``length`` characters: a notice whose body is corpus prose."""
    head = texts[0].split("\n\n")[0] if texts else ""
    body = "\n".join(t for t in texts[1:])
    return (head + "\n" + body)[:length]


FAST = Config(ignore=("typo.statistical",))


def throughput(texts: list[str], seconds: float = 3.0, config: Config | None = None) -> tuple[float, int]:
    config = config or Config()
    chars = runs = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        for t in texts:
            default_detector().clear_cache()  # no credit for text seen before
            check_document(Document.from_text(t), config)
            chars += len(t)
        runs += 1
    return chars / (time.perf_counter() - start), runs


def latency(text: str, n: int = 300, config: Config | None = None) -> list[float]:
    config = config or Config()
    check_document(Document.from_text(text), config)  # warm: rules, packs, matchers built
    out = []
    for _ in range(n):
        default_detector().clear_cache()  # a new draft each time, as far as the detector knows
        t0 = time.perf_counter()
        check_document(Document.from_text(text), config)
        out.append((time.perf_counter() - t0) * 1000)
    return sorted(out)


def recheck_latency(text: str, n: int = 100) -> list[float]:
    """A draft checked again after a one-character edit (the add-ins' 重新检查)."""
    config = Config()
    default_detector().clear_cache()
    check_document(Document.from_text(text), config)
    out = []
    for k in range(n):
        edited = text[:100] + "改" + text[101:] if k % 2 else text
        t0 = time.perf_counter()
        check_document(Document.from_text(edited), config)
        out.append((time.perf_counter() - t0) * 1000)
    return sorted(out)


def cold_start(path: Path, n: int = 5, extra: tuple[str, ...] = ()) -> list[float]:
    exe = Path(sys.executable).with_name("doccheck")
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        subprocess.run([str(exe), "check", str(path), "--fail-on", "never", "--isolated", *extra],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - t0)
    return sorted(times)


def import_time(n: int = 5) -> float:
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import doccheck"], check=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> int:
    texts = corpus_texts()
    total = sum(map(len, texts))
    print(f"doccheck {doccheck.__version__}; {len(texts)} corpus drafts, {total} characters; "
          f"{len(__import__('doccheck.plugins', fromlist=['x']).default_registry().rules)} rules")
    draft = draft_of(3000, texts)
    with tempfile.TemporaryDirectory() as d:
        one = Path(d) / "one.txt"
        one.write_text(draft, encoding="utf-8")
        for label, config, extra in (("full rule set", Config(), ()),
                                     ("without typo.statistical", FAST, ("--ignore", "typo.statistical"))):
            cps, runs = throughput(texts, config=config)
            lat = latency(draft, config=config)
            cold = cold_start(one, extra=extra)
            print(f"[{label}]")
            print(f"  throughput (warm, 1 core): {cps:,.0f} characters/s ({runs} passes over the corpus)")
            print(f"  latency per {len(draft)}-character draft (warm): median {statistics.median(lat):.2f} ms, "
                  f"p95 {lat[int(len(lat) * 0.95)]:.2f} ms, max {lat[-1]:.2f} ms")
            print(f"  cold start `doccheck check one.txt`: median {statistics.median(cold):.3f} s, best {cold[0]:.3f} s")
    again = recheck_latency(draft)
    print(f"re-check after a one-character edit (full rule set, warm): median {statistics.median(again):.2f} ms")
    print(f"`import doccheck` in a fresh interpreter: median {import_time():.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
