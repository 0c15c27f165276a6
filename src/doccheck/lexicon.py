"""Aho-Corasick phrase matching, built once per phrase set and shared by every
rule that needs one (substitution packs, banned phrases, residue lists)."""

from __future__ import annotations

import itertools
import threading
import weakref
from collections import Counter
from typing import Generic, Iterable, Iterator, TypeVar

import ahocorasick

from .wordtable import COMPILED, WordTable

V = TypeVar("V")
_PIECE = 1 << 16  # characters scanned per call of the compiled scan


class PhraseMatcher(Generic[V]):
    """All occurrences of a set of phrases, longest-leftmost without overlaps.

    Where doccheck's compiled part is built, the phrases are a word table (wordtable.py) scanned
    in C, five times as fast as pyahocorasick's automaton on these texts; else the automaton.
    Both give the same occurrences (tests hold them equal); only their order differs."""

    def __init__(self, phrases: Iterable[tuple[str, V]]):
        found: dict[str, V] = {}
        for key, value in phrases:
            if key:
                found[key] = value  # the last value of a phrase given twice, as the automaton keeps
        self.size = len(found)
        self.serial = next(_SERIALS)
        self._phrases = found  # for the scan of a document for every matcher at once (find_all_in)
        self._longest = max(map(len, found), default=0)
        self._table = self._auto = None
        if not found:
            return
        if COMPILED:
            self._values = list(found.values())
            self._table = WordTable.numbered(found)
        else:
            self._auto = ahocorasick.Automaton()
            for key, value in found.items():
                self._auto.add_word(key, (len(key), value))
            self._auto.make_automaton()

    @property
    def longest(self) -> int:
        """The length of the longest phrase (0 for none)."""
        return self._longest

    def find_all(self, text: str) -> Iterator[tuple[int, int, V]]:
        """Every occurrence, overlapping ones included: (start, end, value)."""
        if self._table is not None:
            values, occurrences = self._values, self._table.occurrences
            for lo in range(0, len(text), _PIECE):  # a piece at a time: a long text's hits are many
                for start, end, k in occurrences(text, lo, lo + _PIECE):
                    yield start, end, values[k - 1]
        elif self._auto is not None:
            for end, (length, value) in self._auto.iter(text):
                yield end + 1 - length, end + 1, value

    def cover(self, text: str) -> bytearray:
        """1 for each character inside some occurrence of a phrase, 0 elsewhere: the automaton's
        own iterator, with no generator step per occurrence (this runs over every word of a text)."""
        if self._table is not None:
            return self._table.cover(text)
        mask = bytearray(len(text))
        if self._auto is not None:
            ones = b"\x01" * self._longest
            for end, (length, _) in self._auto.iter(text):
                mask[end + 1 - length:end + 1] = ones[:length]
        return mask

    def find(self, text: str) -> list[tuple[int, int, V]]:
        """Non-overlapping occurrences, leftmost first and, at one start, the
        longest (so 融汇贯通 wins over a shorter entry that starts with it)."""
        return leftmost_longest(self.find_all(text))

    def find_all_in(self, doc) -> list[tuple[int, int, V]]:
        """``find_all(doc.text)``, in the same order, from one scan of the document for every matcher
        asked this way (the gazetteer, the fixed terms, the packs … ten scans of each text before):
        the occurrences are kept in the draft's memo (a list the caller must not change). A text longer
        than ``HELD_MOST`` is scanned by each matcher alone, a piece at a time, so that they are not all
        held at once."""
        memo = getattr(doc, "memo", None)
        text = doc.text
        if memo is None or len(text) > HELD_MOST:
            return list(self.find_all(text))
        found = memo.get(_MEMO)
        if found is None:  # the first matcher to ask about this document
            found = memo[_MEMO] = _scan_for_all(text, self)
        elif self.serial not in found:  # one new to the set: alone this time, with the others from the next
            with _REGISTRY_LOCK:
                _ASKING.add(self)
            found[self.serial] = list(self.find_all(text))
        return found[self.serial]

    def find_in(self, doc) -> list[tuple[int, int, V]]:
        """``find(doc.text)``, from ``find_all_in``."""
        return leftmost_longest(self.find_all_in(doc))


_SERIALS = itertools.count()
HELD_MOST = 1 << 18  # characters of a document whose occurrences wait in its memo for their matchers
_MEMO = "lexicon.occurrences"
_ASKING: "weakref.WeakSet[PhraseMatcher]" = weakref.WeakSet()  # the matchers that read whole documents
_everyone: tuple[frozenset[int], "PhraseMatcher"] | None = None
_REGISTRY_LOCK = threading.Lock()


def _scan_for_all(text: str, asking: PhraseMatcher) -> dict[int, list]:
    """serial → the occurrences of that matcher's phrases in ``text``, for ``asking`` and every matcher
    that asked before (``_ASKING``), from one scan of a matcher of all their phrases (made again when
    the set has grown: once or twice in a process, as the rules first run)."""
    global _everyone
    with _REGISTRY_LOCK:  # the service checks in threads
        _ASKING.add(asking)
        matchers = list(_ASKING)
        serials = frozenset(m.serial for m in matchers)
        if _everyone is None or _everyone[0] != serials:
            owners: dict[str, list[tuple[int, object]]] = {}
            for m in matchers:
                for key, value in m._phrases.items():
                    owners.setdefault(key, []).append((m.serial, value))
            _everyone = (serials, PhraseMatcher(owners.items()))
        everyone = _everyone[1]
    found: dict[int, list] = {serial: [] for serial in serials}
    for start, end, owners in everyone.find_all(text):
        for serial, value in owners:
            found[serial].append((start, end, value))
    return found


def count_phrases(phrases: Iterable[str], text: str) -> Counter[str]:
    """How often each phrase occurs in ``text``, overlapping occurrences included: one scan for all
    of them (a count per phrase over a long text is quadratic)."""
    keys = list(dict.fromkeys(p for p in phrases if p))
    if not keys:
        return Counter()
    if COMPILED:
        return Counter({k: c for k, c in zip(keys, WordTable.numbered(keys).counts(text, len(keys))) if c})
    return Counter(k for _, _, k in PhraseMatcher((k, k) for k in keys).find_all(text))


def leftmost_longest(hits: Iterable[tuple[int, int, V]]) -> list[tuple[int, int, V]]:
    """Of overlapping occurrences (start, end, value), the leftmost and, at one start, the longest."""
    out: list[tuple[int, int, V]] = []
    last_end = -1
    for start, end, value in sorted(hits, key=lambda h: (h[0], -(h[1] - h[0]))):
        if start >= last_end:
            out.append((start, end, value))
            last_end = end
    return out


def covered_by_context(text: str, start: int, end: int, phrase: str, contexts: Iterable[str]) -> bool:
    """Is ``text[start:end]`` (an occurrence of ``phrase``) part of one of
    ``contexts``, i.e. a longer legitimate word that contains it?"""
    for ctx in contexts:
        k = ctx.find(phrase)
        while k != -1:
            s = start - k
            if s >= 0 and text.startswith(ctx, s):
                return True
            k = ctx.find(phrase, k + 1)
    return False


def one_edit(a: str, b: str) -> bool:
    """Is ``a`` one substitution, insertion or deletion away from ``b``?"""
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    if abs(len(a) - len(b)) != 1:
        return False
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1:]
