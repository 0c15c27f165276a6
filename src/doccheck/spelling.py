"""The statistical character-error detector: errors on no list (召开会仪 → 会议).

1. Cheap pass: a Han character that no frequent dictionary word (2–4
   characters, jieba's dictionary) covers is suspicious; so is one covered
   only by a rare word.
2. Candidates for a suspicious character: characters that sound the same
   (toneless pinyin, from pypinyin's data; optionally fuzzy initials/finals)
   or look alike (data/shape-confusions.txt), kept only if they form a
   dictionary word with their neighbours.
3. Only then is the window around the spot segmented with jieba, once as
   written and once per candidate; the gain in the best segmentation's log
   probability is the evidence. A candidate whose gain passes the threshold
   (chosen on ECSpell's train split, see bench/eval.py) is reported, with
   the gain as its confidence.

Everything heavy (jieba's dictionary, pypinyin's table) loads on first use.
"""

from __future__ import annotations

import logging
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Iterator

_HAN = re.compile(r"[\u4e00-\u9fff]")
_CLAUSE = re.compile(r"[\u4e00-\u9fff]+")

# Defaults chosen on ECSpell odw.train (bench/eval.py --tune); see the rule's doc.
THRESHOLD = 8.0
STRONG_WORD = 2000  # a character inside a dictionary word at least this frequent is not suspicious
WINDOW = 3  # characters either side of the spot that are segmented
CANDIDATE_WORD = 200
CLAUSE_CACHE = 20000  # clauses whose results are kept
SHAPE_PENALTY = 2.0  # a look-alike (not a homophone) must win by this much more
FUZZY = False


@dataclass(frozen=True, slots=True)
class Suspect:
    index: int  # offset of the character in the text
    char: str
    suggestion: str
    gain: float  # log-probability gain of the best candidate over the original


def _toneless(p: str) -> str:
    s = unicodedata.normalize("NFD", p)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return s.replace("ü", "v")


class Detector:
    def __init__(self, threshold: float = THRESHOLD, strong_word: int = STRONG_WORD, fuzzy: bool = FUZZY,
                 candidate_word: int = CANDIDATE_WORD, shape_penalty: float = SHAPE_PENALTY):
        self.threshold = threshold
        self.strong_word = strong_word  # skip a character inside a word at least this frequent
        self.candidate_word = candidate_word  # a candidate must form a word at least this frequent
        self.fuzzy = fuzzy
        self.shape_penalty = shape_penalty

    # -- resources, loaded once ------------------------------------------------
    @cached_property
    def tokenizer(self):
        import jieba

        jieba.setLogLevel(logging.WARNING)
        jieba.dt.check_initialized()
        return jieba.dt

    @cached_property
    def freq(self) -> dict[str, int]:
        return self.tokenizer.FREQ

    @cached_property
    def derived(self) -> dict:
        """Everything derived from jieba's dictionary and pypinyin's table, built once per
        machine and kept in the user's cache folder (like jieba's own cache): the
        readings of common characters, the wildcard index, the frequent words."""
        import hashlib
        import os
        import pickle
        import tempfile

        import jieba
        import pypinyin

        from . import __version__

        shape = b"".join((resources.files("doccheck") / "data" / name).read_bytes()
                         for name in ("shape-confusions.txt", "gongwen-terms.txt"))
        key = hashlib.sha1(repr((__version__, jieba.__version__, pypinyin.__version__, self.tokenizer.total,
                                 len(self.freq), self.strong_word, self.candidate_word, shape)).encode()).hexdigest()[:16]
        folder = Path(os.environ.get("DOCCHECK_CACHE") or os.environ.get("XDG_CACHE_HOME")
                      or Path.home() / ".cache") / "doccheck"
        path = folder / f"spelling-{key}.pickle"
        try:
            with open(path, "rb") as fh:
                return pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            pass
        data = self._derive()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=folder, delete=False) as fh:
                pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(fh.name, path)
        except OSError:
            pass  # a read-only home: derive again next time
        return data

    def _derive(self) -> dict:
        from pypinyin.pinyin_dict import pinyin_dict

        weight: dict[str, int] = {}
        for w, f in self.freq.items():
            if f:
                for ch in w:
                    weight[ch] = weight.get(ch, 0) + f
        readings: dict[str, tuple[str, ...]] = {}
        for code, value in pinyin_dict.items():
            ch = chr(code)
            if weight.get(ch, 0) >= 2000:
                readings[ch] = tuple(sorted({_toneless(p) for p in value.split(",")}))
        index: dict[str, set[str]] = {}
        for w, f in self.freq.items():
            if f >= self.candidate_word and 2 <= len(w) <= 4:
                for j, ch in enumerate(w):
                    index.setdefault(w[:j] + "?" + w[j + 1:], set()).add(ch)
        strong = [w for w, f in self.freq.items() if f >= self.strong_word and 2 <= len(w) <= 4]
        terms = (resources.files("doccheck") / "data" / "gongwen-terms.txt").read_text(encoding="utf-8")
        strong += [t.strip() for t in terms.splitlines() if t.strip() and not t.startswith("#")]
        return {"readings": readings, "index": {k: frozenset(v) for k, v in index.items()}, "strong": strong}

    @cached_property
    def sound_groups(self) -> dict[str, frozenset[str]]:
        """Toneless pinyin → the common characters read that way (all readings)."""
        self._readings = self.derived["readings"]
        groups: dict[str, set[str]] = {}
        for ch, keys in self._readings.items():
            for k in keys:
                groups.setdefault(k, set()).add(ch)
        return {k: frozenset(v) for k, v in groups.items()}

    @cached_property
    def shape_groups(self) -> dict[str, frozenset[str]]:
        text = (resources.files("doccheck") / "data" / "shape-confusions.txt").read_text(encoding="utf-8")
        out: dict[str, set[str]] = {}
        for line in text.splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            for ch in line:
                out.setdefault(ch, set()).update(c for c in line if c != ch)
        return {k: frozenset(v) for k, v in out.items()}

    @cached_property
    def wildcard_index(self) -> dict[str, frozenset[str]]:
        """"会?" → {议, 计, …}: for each frequent word of 2–4 characters with one
        character blanked, the characters that fill the blank. One look-up per
        window replaces trying every candidate against the dictionary."""
        return self.derived["index"]

    def fillers(self, clause: str, i: int) -> set[str]:
        """Characters that, put at clause[i], make a frequent word with the neighbours."""
        index = self.wildcard_index
        n = len(clause)
        out: set[str] = set()
        for length in (2, 3, 4):
            for start in range(max(0, i - length + 1), min(i, n - length) + 1):
                got = index.get(clause[start:i] + "?" + clause[i + 1:start + length])
                if got:
                    out |= got
        return out

    def candidates(self, ch: str) -> frozenset[str]:
        memo = self._candidates
        found = memo.get(ch)
        if found is None:
            found = memo[ch] = frozenset(self._candidates_of(ch))
        return found

    @cached_property
    def _candidates(self) -> dict[str, frozenset[str]]:
        return {}

    def _candidates_of(self, ch: str) -> set[str]:
        groups = self.sound_groups
        out: set[str] = set()
        for key in self._readings.get(ch, ()):
            out |= groups.get(key, frozenset())
            if self.fuzzy:
                for alt in _fuzzy_keys(key):
                    out |= groups.get(alt, frozenset())
        out |= self.shape_groups.get(ch, frozenset())
        out.discard(ch)
        return out

    def sounds_alike(self, a: str, b: str) -> bool:
        return b in self.homophones(a)

    def homophones(self, ch: str) -> frozenset[str]:
        memo = self._homophones
        found = memo.get(ch)
        if found is None:
            groups = self.sound_groups
            found = memo[ch] = frozenset().union(*(groups.get(k, frozenset()) for k in self._readings.get(ch, ())))
        return found

    @cached_property
    def _homophones(self) -> dict[str, frozenset[str]]:
        return {}

    # -- scoring -----------------------------------------------------------------
    def best_path(self, s: str) -> float:
        """Log probability of the best segmentation of ``s`` under jieba's unigram model.

        The same dynamic programme as jieba's ``get_DAG`` + ``calc`` over jieba's
        dictionary (``jieba_best_path`` is the reference, and a test holds them equal),
        written for 7-character windows without jieba's per-call overhead: the
        detector asks it hundreds of times per page."""
        freq = self.freq
        logf = self._logf
        n = len(s)
        route = [0.0] * (n + 1)
        for i in range(n - 1, -1, -1):
            best = None
            j = i + 1
            frag = s[i]
            while j <= n:
                f = freq.get(frag)
                if f is None:  # jieba's dictionary holds every prefix of every word
                    break
                if f:
                    v = logf(f) + route[j]
                    if best is None or v > best:
                        best = v
                j += 1
                frag = s[i:j]
            if best is None:  # no word starts here: the character alone, with frequency 1
                best = logf(1) + route[i + 1]
            route[i] = best
        return route[0]

    @cached_property
    def _logf(self):
        log_total = math.log(self.tokenizer.total)
        cache: dict[int, float] = {}

        def logf(f: int) -> float:
            v = cache.get(f)
            if v is None:
                v = cache[f] = math.log(f) - log_total
            return v

        return logf

    def jieba_best_path(self, s: str) -> float:
        """jieba's own computation, the reference for ``best_path``."""
        tk = self.tokenizer
        dag = tk.get_DAG(s)
        route: dict = {}
        tk.calc(s, dag, route)
        return route[0][0]

    @cached_property
    def strong_words(self):
        """Aho-Corasick over the frequent words of 2–4 characters: one pass marks
        every character that sits inside one (such characters are not suspicious)."""
        from .lexicon import PhraseMatcher

        return PhraseMatcher((w, None) for w in self.derived["strong"])

    def uncovered(self, clause: str) -> list[int]:
        covered = bytearray(len(clause))
        for start, end, _ in self.strong_words.find_all(clause):
            covered[start:end] = b"\x01" * (end - start)
        return [i for i, c in enumerate(covered) if not c]

    def check_clause(self, clause: str) -> Iterator[tuple[int, str, float]]:
        for i in self.uncovered(clause):
            ch = clause[i]
            lo, hi = max(0, i - WINDOW), min(len(clause), i + WINDOW + 1)
            window = clause[lo:hi]
            k = i - lo
            base = None
            best, best_gain = None, 0.0
            cands = self.candidates(ch)
            if not cands:
                continue
            for cand in cands & self.fillers(clause, i):
                if base is None:
                    base = self.best_path(window)
                gain = self.best_path(window[:k] + cand + window[k + 1:]) - base
                if not self.sounds_alike(ch, cand):
                    gain -= self.shape_penalty  # look-alikes are weaker evidence than homophones
                if gain > best_gain:
                    best, best_gain = cand, gain
            if best is not None and best_gain >= self.threshold:
                yield i, best, best_gain

    def detect(self, text: str) -> Iterator[Suspect]:
        """Suspected wrong characters in ``text``, clause by clause (runs of Han characters).
        Results are kept per clause: a draft checked again after an edit (the add-ins'
        重新检查) only pays for the clauses that changed."""
        cache = self._clause_cache
        for m in _CLAUSE.finditer(text):
            clause = m.group()
            if len(clause) < 2:
                continue
            found = cache.get(clause)
            if found is None:
                found = tuple(self.check_clause(clause))
                if len(cache) >= CLAUSE_CACHE:
                    cache.clear()
                cache[clause] = found
            for i, cand, gain in found:
                yield Suspect(m.start() + i, clause[i], cand, gain)

    @cached_property
    def _clause_cache(self) -> dict[str, tuple]:
        return {}

    def clear_cache(self) -> None:
        self._clause_cache.clear()


def _fuzzy_keys(key: str) -> list[str]:
    """Initials and finals that speakers of many dialects merge: zh/z, ch/c, sh/s, n/l, -ng/-n."""
    out = []
    for a, b in (("zh", "z"), ("ch", "c"), ("sh", "s")):
        if key.startswith(a):
            out.append(b + key[len(a):])
        elif key.startswith(b) and not key.startswith(a):
            out.append(a + key[len(b):])
    if key.startswith("n"):
        out.append("l" + key[1:])
    elif key.startswith("l"):
        out.append("n" + key[1:])
    if key.endswith("ng"):
        out.append(key[:-1])
    elif key.endswith("n"):
        out.append(key + "g")
    return out


_DEFAULT: Detector | None = None


def default_detector() -> Detector:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Detector()
    return _DEFAULT


def confidence(gain: float) -> float:
    """A 0–1 confidence from the log-probability gain (logistic around the threshold)."""
    return 1 / (1 + math.exp(-(gain - THRESHOLD)))
