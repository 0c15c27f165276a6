"""Candidates for a suspicious character: characters that sound the same
(toneless pinyin, from pypinyin's data; optionally fuzzy initials and finals) or
look alike (data/shape-confusions.txt), kept only where they form a frequent
dictionary word with their neighbours (the wildcard index)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cached_property
from importlib import resources

DATA = resources.files("doccheck") / "data"


def _toneless(p: str) -> str:
    s = unicodedata.normalize("NFD", p)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return s.replace("ü", "v")


def derive_tables(freq: dict[str, int], candidate_word: int) -> dict:
    """From jieba's dictionary and pypinyin's table: the readings of common characters
    and the wildcard index of frequent words (slow; cached on disk by the caller)."""
    from pypinyin.pinyin_dict import pinyin_dict

    weight: dict[str, int] = {}
    for w, f in freq.items():
        if f:
            for ch in w:
                weight[ch] = weight.get(ch, 0) + f
    # Every character gets its readings: a rare one typed in place of a common one by its pinyin
    # (鲸准 for 精准, 烨务 for 业务) is a slip to find. Only common characters are candidates.
    readings: dict[str, tuple[str, ...]] = {}
    common: set[str] = set()
    for code, value in pinyin_dict.items():
        ch = chr(code)
        if not "\u4e00" <= ch <= "\u9fff":
            continue
        readings[ch] = tuple(sorted({_toneless(p) for p in value.split(",")}))
        if weight.get(ch, 0) >= 2000:
            common.add(ch)
    index: dict[str, set[str]] = {}
    words: dict[tuple[str, str], list[str]] = {}
    follows: dict[str, set[str]] = {}
    precedes: dict[str, set[str]] = {}
    for w, f in freq.items():
        if f >= candidate_word and 2 <= len(w) <= 4:
            for j, ch in enumerate(w):
                index.setdefault(w[:j] + "?" + w[j + 1:], set()).add(ch)
                if j:
                    follows.setdefault(w[j - 1], set()).add(ch)
                    precedes.setdefault(ch, set()).add(w[j - 1])
            if len(w) == 2 and w[0] in common and w[1] in common:
                for a in readings[w[0]]:
                    for b in readings[w[1]]:
                        words.setdefault((a, b), []).append(w)
    return {"readings": readings, "common": frozenset(common), "index": {k: frozenset(v) for k, v in index.items()},
            "follows": {k: frozenset(v) for k, v in follows.items()},
            "precedes": {k: frozenset(v) for k, v in precedes.items()},
            "words": {k: tuple(v) for k, v in words.items()}}


SHAPE_FILES = ("shape-confusions.txt", "shape-confusions-pycorrector.txt")


def shape_groups() -> dict[str, frozenset[str]]:
    """Look-alike groups from our own list and pycorrector's (groups sharing a component);
    a line is a group, written together (己已巳) or comma-separated (寸,守,付)."""
    out: dict[str, set[str]] = {}
    for name in SHAPE_FILES:
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            tokens = re.split(r"[,，\s]+", line) if "," in line else list(line)
            group = {t for t in tokens if len(t) == 1}
            for ch in group:
                out.setdefault(ch, set()).update(group - {ch})
    return {k: frozenset(v) for k, v in out.items()}


# The tables only the detector's Python screen reads (and the compiled screen's, when its cache is
# derived): three quarters of the candidates' memory, loaded when first asked for.
NEIGHBOURS = ("index", "follows", "precedes", "words")


class Candidates:
    def __init__(self, readings: dict[str, tuple[str, ...]], shapes: dict[str, frozenset[str]],
                 neighbours: Callable[[], dict], fuzzy: bool = False, common: frozenset[str] | None = None):
        """``neighbours``: what returns the tables named in NEIGHBOURS, called when they are first needed."""
        self.readings = readings  # every character's toneless readings
        self.common = common = frozenset(readings) if common is None else common
        self._neighbours = neighbours
        self.shapes = shapes
        self.fuzzy = fuzzy
        groups: dict[str, set[str]] = {}
        for ch, keys in readings.items():
            if ch not in common:
                continue  # the groups hold what may stand in a character's place: common ones
            for k in keys:
                groups.setdefault(k, set()).add(ch)
        self.sound_groups = {k: frozenset(v) for k, v in groups.items()}
        self._candidates: dict[str, frozenset[str]] = {}
        self._homophones: dict[str, frozenset[str]] = {}
        self._same_sound: dict[str, frozenset[str]] = {}  # pair → words; pairs recur, text does not

    @cached_property
    def _tables(self) -> dict:
        tables, self._neighbours = self._neighbours(), None
        return tables

    @property
    def index(self) -> dict[str, frozenset[str]]:
        """"会?" → {议, 计, …}: the characters that fill a frequent word's blank."""
        return self._tables["index"]

    @property
    def follows(self) -> dict[str, frozenset[str]]:
        """会 → the characters that follow it inside some frequent word (``precedes``: the reverse):
        a filler of a blank is always among those that follow its left neighbour or precede its
        right one, so two look-ups rule out most blanks before the nine of ``fillers``."""
        return self._tables["follows"]

    @property
    def precedes(self) -> dict[str, frozenset[str]]:
        return self._tables["precedes"]

    @property
    def words(self) -> dict[tuple[str, str], tuple[str, ...]]:
        """("hui", "yi") → (会议, 会意, …): frequent two-character words by sound."""
        return self._tables["words"]

    def fillers(self, clause: str, i: int) -> set[str]:
        """Characters that, put at clause[i], make a frequent word with the neighbours.
        One look-up per window replaces trying every candidate against the dictionary."""
        index = self.index
        n = len(clause)
        out: set[str] = set()
        for length in (2, 3, 4):
            for start in range(max(0, i - length + 1), min(i, n - length) + 1):
                got = index.get(clause[start:i] + "?" + clause[i + 1:start + length])
                if got:
                    out |= got
        return out

    def may_fill(self, clause: str, i: int, cands: frozenset[str]) -> bool:
        """False when none of ``cands`` can make a frequent word at clause[i] (a cheap necessary
        condition for ``cands & fillers(clause, i)``)."""
        if i and not cands.isdisjoint(self.follows.get(clause[i - 1], ())):
            return True
        return i + 1 < len(clause) and not cands.isdisjoint(self.precedes.get(clause[i + 1], ()))

    def of(self, ch: str) -> frozenset[str]:
        found = self._candidates.get(ch)
        if found is None:
            out: set[str] = set()
            for key in self.readings.get(ch, ()):
                out |= self.sound_groups.get(key, frozenset())
                if self.fuzzy:
                    for alt in _fuzzy_keys(key):
                        out |= self.sound_groups.get(alt, frozenset())
            out |= self.shapes.get(ch, frozenset())
            out.discard(ch)
            found = self._candidates[ch] = frozenset(out)
        return found

    def homophones(self, ch: str) -> frozenset[str]:
        found = self._homophones.get(ch)
        if found is None:
            groups = self.sound_groups
            found = self._homophones[ch] = frozenset().union(
                *(groups.get(k, frozenset()) for k in self.readings.get(ch, ())))
        return found

    def same_sound_words(self, pair: str) -> frozenset[str]:
        """Frequent two-character words that sound like ``pair`` and differ from it in both
        characters (悔意 → 会议): a word typed by its pinyin and the wrong one chosen."""
        found = self._same_sound.get(pair)
        if found is not None:
            return found
        if len(self._same_sound) >= 50_000:  # about 11 MiB
            self._same_sound.clear()
        found = self._same_sound[pair] = self._derive_same_sound(pair)
        return found

    def _derive_same_sound(self, pair: str) -> frozenset[str]:
        r = self.readings
        first, second = r.get(pair[0]), r.get(pair[1])
        if not first or not second:
            return frozenset()
        out: set[str] = set()
        for a in first:
            for b in second:
                for w in self.words.get((a, b), ()):
                    if w[0] != pair[0] and w[1] != pair[1]:
                        out.add(w)
        return frozenset(out)

    def alike(self, a: str, b: str) -> bool:
        """``b`` could stand for ``a`` written by mistake, rare characters included (婺 for 务):
        a candidate, a shared reading or a look-alike."""
        r = self.readings
        return b in self.of(a) or not set(r.get(a, ())).isdisjoint(r.get(b, ()))

    def sounds_alike(self, a: str, b: str) -> bool:
        return b in self.homophones(a)


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
