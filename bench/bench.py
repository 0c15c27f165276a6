"""`make bench`: throughput, warm latency per 3,000-character draft, and cold start.

Targets (issue 3): >= 1,000,000 characters/s per core warm for the full rule set,
<= 5 ms per 3,000-character draft warm, <= 0.5 s cold start of `doccheck check one.txt`.
A benchmark, not a test: it prints figures and never fails the build."""

from __future__ import annotations

import random
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


FAST = Config(ignore=("typo.statistical", "typo.possible"))

# What a slip is replaced by: common characters, so that most slips are words' worth of suspects
_SLIPS = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"


def with_slips(text: str, seed: int, every: int) -> str:
    """``text`` with every ``every``-th Han character replaced by a common one at random: each replaced
    character is a slip to judge, and its clause is new to the detector's clause cache."""
    rng = random.Random(seed)
    chars = list(text)
    han = [i for i, c in enumerate(chars) if "\u4e00" <= c <= "\u9fff"]
    for i in han[::every]:
        chars[i] = rng.choice(_SLIPS)
    return "".join(chars)


def latency_by_slips(draft: str, config: Config | None = None, n: int = 60) -> list[tuple[int, float]]:
    """(slips in the draft, median ms) for the draft with one Han character in 300, 60 and 15
    changed, new to the detector each time: what a check costs a slip more."""
    config = config or Config()
    out = []
    for every in (300, 60, 15):
        texts = [with_slips(draft, seed, every) for seed in range(n)]
        slips = sum(a != b for a, b in zip(texts[0], draft))
        times = []
        for t in texts:
            default_detector().clear_cache()
            t0 = time.perf_counter()
            check_document(Document.from_text(t), config)
            times.append((time.perf_counter() - t0) * 1000)
        out.append((slips, statistics.median(times)))
    return out


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


def jieba_speed(texts: list[str], seconds: float = 3.0) -> float:
    """jieba's precise segmentation of the whole of each text, characters/s."""
    import jieba

    jieba.setLogLevel(60)
    jieba.lcut(texts[0])  # its dictionary loads here, not in the timing
    chars, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for t in texts:
            jieba.lcut(t, HMM=True)
            chars += len(t)
    return chars / (time.perf_counter() - start)


def side_by_side(texts: list[str], passes: int = 4, block: int = 20) -> tuple[float, float, int]:
    """Characters/s of the full rule set and of jieba's precise segmentation, taken in turn a block of
    texts at a time, each block's best time of ``passes`` on each side (timeit's way: what the other
    tenants of this shared VM add only ever slows a pass, by a factor of two at times). Blocks, not
    single texts: jieba's 50 MB of dictionary between every two checks would evict the word table the
    checks read (8 % slower)."""
    import jieba

    jieba.setLogLevel(60)
    config = Config()
    for t in texts:  # a pass of each first, untimed: every page either reads is in memory
        check_document(Document.from_text(t), config)
        jieba.lcut(t, HMM=True)
    blocks = [texts[k:k + block] for k in range(0, len(texts), block)]
    ours, theirs = [float("inf")] * len(blocks), [float("inf")] * len(blocks)
    for _ in range(passes):
        for b, group in enumerate(blocks):
            t0 = time.perf_counter()
            for t in group:
                default_detector().clear_cache()  # no credit for text seen before
                check_document(Document.from_text(t), config)
            t1 = time.perf_counter()
            for t in group:
                jieba.lcut(t, HMM=True)
            ours[b], theirs[b] = min(ours[b], t1 - t0), min(theirs[b], time.perf_counter() - t1)
    chars = sum(map(len, texts))
    return chars / sum(ours), chars / sum(theirs), passes


def yardsticks(texts: list[str], seconds: float = 3.0) -> None:
    """Other tools on the same text, measured in the same run: the ratio governs on a noisy machine."""
    print(f"  jieba precise segmentation (whole text): {jieba_speed(texts, seconds):,.0f} characters/s")
    try:
        import autocorrect_py
    except ImportError:
        print("  autocorrect-py: not installed (pip install 'doccheck-gongwen[bench]')")
        return
    chars, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for t in texts:
            autocorrect_py.format(t)
            chars += len(t)
    print(f"  autocorrect-py format (punctuation and spacing only): {chars / (time.perf_counter() - start):,.0f} characters/s")


REAL = ROOT.parent / "shared" / "corpus-real"


def published() -> list[str]:
    """The first 200 published texts of ../shared/corpus-real, or none where it is not at hand."""
    real = sorted(REAL.glob("*/*.txt"))[:200] if REAL.is_dir() else []
    return [p.read_text(encoding="utf-8") for p in real] if len(real) == 200 else []


def published_speed() -> None:
    """The full rule set on unique real text (each published text new to the detector in every pass;
    the corpus drafts are 400 characters on average, where a document's fixed costs weigh), and jieba
    on the same texts in the same run."""
    texts = published()
    if not texts:
        print("  ../shared/corpus-real is not at hand")
        return
    cps, jieba, runs = side_by_side(texts)
    print(f"  full rule set on {len(texts)} published texts ({sum(map(len, texts)):,} characters): "
          f"{cps:,.0f} characters/s; jieba on the same texts {jieba:,.0f}: {cps / jieba:.2f} × "
          f"(twenty texts of each in turn, the best of {runs} passes of each block)")
    whole = "\n".join(texts)
    mib = peak_memory("\n".join([whole] * (5_000_000 // len(whole) + 1))[:5_000_000])
    if mib:
        print(f"  peak memory of `doccheck check` on a 5,000,000-character file of these texts: {mib:.0f} MiB")


def peak_memory(text: str) -> float | None:
    """Peak resident MiB of `doccheck check FILE -f json` on ``text``, in a process of its own."""
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "big.txt"
        path.write_text(text, encoding="utf-8")
        out = subprocess.run(["/usr/bin/time", "-f", "%M", str(Path(sys.executable).with_name("doccheck")),
                              "check", str(path), "--fail-on", "never", "-f", "json"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
    kb = out.stderr.strip().splitlines()[-1] if out.stderr.strip() else ""
    return int(kb) / 1024 if kb.isdigit() else None


def scaling(texts: list[str]) -> None:
    """`doccheck check DIR -j N` over 200 files, wall time, including start-up. Published texts where
    they are at hand: 200 copies of 57 drafts share their clauses, and the detector's clause cache
    then favours one process over two."""
    exe = Path(sys.executable).with_name("doccheck")
    real = published()
    with tempfile.TemporaryDirectory() as d:
        for k in range(200):
            text = real[k] if real else texts[k % len(texts)] + f"\n第{k}号附记。"
            (Path(d) / f"d{k:03}.txt").write_text(text, encoding="utf-8")
        what = "published texts from ../shared/corpus-real" if real else "drafts (copies of the corpus)"
        size = sum(p.stat().st_size for p in Path(d).iterdir()) // 3  # UTF-8 bytes of Chinese ≈ 3 per character
        for jobs in ("1", "2"):
            t0 = time.perf_counter()
            subprocess.run([str(exe), "check", d, "--isolated", "--fail-on", "never", "-j", jobs, "-f", "json"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            print(f"  200 {what} (≈ {size:,} characters), -j {jobs}: {time.perf_counter() - t0:.2f} s")


def sizes(texts: list[str]) -> None:
    """Chars/s by the size of one text (1 k → 5 M) for the full set, and per category at 100 k;
    peak memory of `doccheck check` on the 5 M file, in a process of its own. The long texts are
    the corpus drafts with every 15th character changed per copy, so that no clause repeats."""
    import random

    from doccheck.plugins import default_registry

    base = "\n".join(texts)
    rng = random.Random(7)
    pool = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种"

    def text_of(n: int) -> str:
        out, size = [], 0
        while size < n:
            chars = list(base)
            for i in range(rng.randrange(15), len(chars), 15):
                if "\u4e00" <= chars[i] <= "\u9fff":
                    chars[i] = rng.choice(pool)
            out.append("".join(chars))
            size += len(base)
        return "".join(out)[:n]

    check_document(Document.from_text(text_of(2_000)), Config())  # warm: every resource loaded
    for n in (1_000, 10_000, 100_000, 1_000_000, 5_000_000):
        t = text_of(n)
        default_detector().clear_cache()
        t0 = time.perf_counter()
        check_document(Document.from_text(t), Config())
        print(f"  {n:>9,} characters: {n / (time.perf_counter() - t0):,.0f} characters/s")
        if n == 5_000_000 and (mib := peak_memory(t)):
            print(f"  peak memory of `doccheck check` on the 5,000,000-character file: {mib:.0f} MiB")
    t = text_of(100_000)
    for cat in sorted(default_registry().categories):
        default_detector().clear_cache()
        t0 = time.perf_counter()
        check_document(Document.from_text(t), Config(select=(cat,)))
        print(f"  category {cat:<12} at 100,000 characters: {100_000 / (time.perf_counter() - t0):,.0f} characters/s")


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
                                     ("without the statistical detector", FAST,
                                      ("--ignore", "typo.statistical,typo.possible"))):
            cps, runs = throughput(texts, config=config)
            lat = latency(draft, config=config)
            cold = cold_start(one, extra=extra)
            print(f"[{label}]")
            print(f"  throughput (warm, 1 core): {cps:,.0f} characters/s ({runs} passes over the corpus)")
            print(f"  latency per {len(draft)}-character draft (warm): median {statistics.median(lat):.2f} ms, "
                  f"p95 {lat[int(len(lat) * 0.95)]:.2f} ms, max {lat[-1]:.2f} ms")
            if not extra:
                print("  the same draft with slips, new to the detector: " + "; ".join(
                    f"{slips} slips {ms:.2f} ms" for slips, ms in latency_by_slips(draft, config)))
            print(f"  cold start `doccheck check one.txt`: median {statistics.median(cold):.3f} s, best {cold[0]:.3f} s")
            if not extra and (mib := peak_memory(draft)):
                print(f"  peak memory of `doccheck check` on the {len(draft):,}-character draft: {mib:.0f} MiB")
    print("[yardsticks, same texts, same run]")
    yardsticks(texts)
    print("[published texts, warm]")
    published_speed()
    print("[cores]")
    scaling(texts)
    print("[sizes and categories, full rule set, warm]")
    sizes(texts)
    import resource

    print(f"peak memory of this benchmark process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    again = recheck_latency(draft)
    print(f"re-check after a one-character edit (full rule set, warm): median {statistics.median(again):.2f} ms")
    print(f"`import doccheck` in a fresh interpreter: median {import_time():.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
