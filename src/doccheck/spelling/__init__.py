"""The statistical character-error detector, in its parts: ``candidates`` (what
could stand in a character's place), ``scoring`` (how probable a window is),
``cache`` (derived tables on disk, results per clause) and ``detector`` (the
screen and the decision). ``load_detector`` builds it as a shared resource
(``doccheck_resources``): rules reach it with ``ctx.resource("spelling.detector")``.
"""

from __future__ import annotations

from .detector import CANDIDATE_WORD, STRONG_WORD, THRESHOLD, UNJUDGED_WORD, Detector, Suspect, confidence
from .language_model import WordLM, load_language_model
from .tokenizer import load_jieba

from ..hookspecs import hookimpl
from ..resources import Resource

__all__ = ["Detector", "Suspect", "THRESHOLD", "confidence", "load_jieba", "load_detector"]


def load_detector(resources=None, **params) -> Detector:
    """The detector over jieba's dictionary (the ``jieba`` resource when given)."""
    from importlib.metadata import version

    from .. import __version__
    from ..resources import cached_on_disk
    from .candidates import DATA, NEIGHBOURS, Candidates, shape_groups
    from .scoring import UnigramScorer

    tk = resources.get("jieba") if resources is not None else load_jieba()
    freq = tk.FREQ
    terms = (DATA / "gongwen-terms.txt").read_text(encoding="utf-8")
    # versions from the package metadata: importing pypinyin costs 0.16 s, and it is only
    # needed when the tables are derived anew
    key = (__version__, version("jieba"), version("pypinyin"), tk.total, len(freq), CANDIDATE_WORD,
           (DATA / "shape-confusions.txt").read_bytes(), "words", "all-readings", "neighbours")
    derived: dict = {}  # where the tables are derived at this start: once, for both files

    def derive() -> dict:
        if not derived:
            derived.update(_derive(freq))
        return derived

    tables = cached_on_disk("spelling-tables", key + (STRONG_WORD, UNJUDGED_WORD, "without neighbours"),
                            lambda: {k: v for k, v in derive().items() if k not in NEIGHBOURS})
    strong = tables["strong"] + [t.strip() for t in terms.splitlines() if t.strip() and not t.startswith("#")]
    unjudged = tables["unjudged"]
    # fuzzy: zh/z, ch/c, sh/s, n/l, -ng/-n count as the same sound (树/素, 因/应): on ECSpell
    # odw.train it adds 2 points of recall at the same precision
    candidates = Candidates(tables["readings"], shape_groups(), fuzzy=True, common=tables["common"],
                            neighbours=lambda: cached_on_disk("spelling-neighbours", key,
                                                              lambda: {k: derive()[k] for k in NEIGHBOURS}))
    params.setdefault("unjudged", frozenset(unjudged))
    params.setdefault("screen", _screen(tk.FREQ, candidates, params["unjudged"], key))
    return Detector(candidates, UnigramScorer(tk), _covering(strong, key + (STRONG_WORD, terms)), **params)


def _screen(freq, candidates, unjudged: frozenset[str], key: tuple):
    """The compiled screen over jieba's word table, or None where the compiled part is missing."""
    from ..resources import cached_on_disk
    from .screen import FORMAT, screen_tables
    from ..wordtable import COMPILED, PARTS_CODEC, WordTable, screen_of

    if not COMPILED or not isinstance(freq, WordTable):
        return None
    return cached_on_disk("spelling-screen", key + (sorted(unjudged), FORMAT), lambda: screen_tables(candidates, unjudged),
                          codec=PARTS_CODEC, then=lambda tables: screen_of(tables, freq))


def _covering(strong: list[str], key: tuple):
    """What covers the characters of the frequent words: a word table mapped from the cache where
    the compiled part is built (no automaton to build at each start), else an automaton."""
    from ..lexicon import PhraseMatcher
    from ..resources import cached_on_disk
    from ..wordtable import CODEC, COMPILED, WordTable

    if COMPILED:
        return cached_on_disk("covering-table", key,
                              lambda: WordTable.numbered(dict.fromkeys(w for w in strong if w)), codec=CODEC)
    return PhraseMatcher((w, None) for w in strong)


def _derive(freq) -> dict:
    """The candidate tables, and the words whose characters are not suspicious: one pass over the
    500,000 entries, so derived once and cached with the tables rather than at every start."""
    from .candidates import derive_tables

    tables = derive_tables(freq, CANDIDATE_WORD)
    strong, unjudged = [], set()
    for w, f in freq.items():
        if f >= STRONG_WORD:
            if 2 <= len(w) <= 4:
                strong.append(w)
            elif len(w) == 1 and f >= UNJUDGED_WORD:
                unjudged.add(w)
    tables["strong"], tables["unjudged"] = strong, frozenset(unjudged)
    return tables


@hookimpl
def doccheck_resources():
    return [
        Resource("jieba", load_jieba, "jieba 分词器及其词典（约 35 万词）"),
        Resource("spelling.detector", load_detector, "统计错别字检测器：音近、形近候选与一元词语模型"),
        Resource("language-model", load_language_model,
                 "词三元语言模型（fcitx5 libime 中文模型，KenLM 格式）；缺少时为 None"),
    ]
