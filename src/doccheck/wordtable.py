"""jieba's word counts as one hash table in a memory-mapped file, read in place by compiled code
(``_wordtable.c``): the unigram scores and the screen of the typo detector run there, and every
process that checks text shares the same pages instead of unpacking its own dictionary.

Where doccheck was installed without a C compiler the extension is missing; ``COMPILED`` is then
False and the dictionary is kept as ``WordCounts``, read by the Python loops in ``scoring.py`` and
``lexicon.py`` (the reference the compiled code is tested against).
"""

from __future__ import annotations

import mmap
import struct
import sys
from collections.abc import Iterable, Mapping
from types import SimpleNamespace

try:
    from ._wordtable import FORMAT, Near, Screen, Table, build, numbered, own_terms, string_set
except ImportError:  # built without a compiler
    FORMAT = Near = Screen = Table = build = numbered = own_terms = string_set = None

COMPILED = Table is not None
# What a cached file holding a table depends on besides its content: its layout and the machine's byte
# order (resources.cached_on_disk adds it to the key of CODEC's files; pickles of tables add it too).
TABLE_KEY = (FORMAT, sys.byteorder)


class WordTable(Mapping):
    """word → count, like jieba's ``FREQ`` (0 for a prefix that is no word), with the compiled
    loops as methods: ``gains``, ``best_path``, ``segment`` (scoring.UnigramScorer's), ``known_words``
    (language_model.WordLM.tokens's, for Han text), ``lm_gain`` (WordLM.gain's), ``cover`` and
    ``occurrences`` (lexicon.PhraseMatcher's, over the words whose count is not 0)."""

    __slots__ = ("_table", "buffer", "get", "gains", "best_path", "segment", "known_words", "lm_gain", "cover",
                 "occurrences", "counts", "total")

    def __init__(self, buffer):
        """``buffer``: bytes from ``build`` or a read-only mmap of them."""
        table = Table(buffer)
        self._table, self.buffer, self.total = table, buffer, table.total
        # bound C methods as attributes: a call costs no Python frame
        self.get, self.gains, self.best_path = table.get, table.gains, table.best_path
        self.segment, self.cover, self.occurrences = table.segment, table.cover, table.occurrences
        self.known_words, self.lm_gain = table.known_words, table.lm_gain
        self.counts = table.counts

    @classmethod
    def build(cls, items: Iterable[tuple[str, int]], total: int) -> "WordTable":
        return cls(build([(w, f) for w, f in items if w], total))  # jieba's has an empty key

    @classmethod
    def numbered(cls, keys: Iterable[str]) -> "WordTable":
        """The keys (not empty) counted 1, 2, 3 … in order, their prefixes 0: a look-up gives a
        key's number, and a scan (``cover``, ``occurrences``) stops where no key goes on."""
        return cls(numbered(list(keys)))

    @classmethod
    def open(cls, path) -> "WordTable":
        with open(path, "rb") as fh:
            return cls(mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ))

    def __getitem__(self, word: str) -> int:
        return self._table[word]

    def __contains__(self, word) -> bool:
        return word in self._table

    def __len__(self) -> int:
        return len(self._table)

    def __iter__(self):
        entry = self._table.entry
        for i in range(len(self._table)):
            yield entry(i)[0]

    def items(self):
        entry = self._table.entry
        return (entry(i) for i in range(len(self._table)))

    def __reduce__(self):  # to another process: the bytes (a forked worker shares the mapping)
        return (WordTable, (bytes(self.buffer),))


def screen_of(tables, table: WordTable):
    """The detector's compiled screen (screen.py builds its tables: three buffers) over this word
    table; ValueError for damaged tables."""
    screen, blanks, sounds = tables
    return Screen(screen, table._table, Table(blanks), Table(sounds))


def _dump(table: WordTable, fh) -> None:
    fh.write(table.buffer)


# for resources.cached_on_disk: the file is mapped, not read
CODEC = SimpleNamespace(__name__="wordtable", load_path=WordTable.open, dump=_dump, loads=WordTable,
                        key_parts=TABLE_KEY)

# Several buffers in one file, each 8-byte aligned, mapped and handed out as views: the detector's
# screen tables (8 MB) are then pages every process shares, not a copy each reads at start.
_PARTS_MAGIC = b"DCPARTS1"
_PARTS_HEADER = struct.Struct("=8sQ")
_PART = struct.Struct("=QQ")  # offset, length


def _dump_parts(parts, fh) -> None:
    at = _PARTS_HEADER.size + _PART.size * len(parts)
    spans = []
    for part in parts:
        at += -at % 8
        spans.append((at, len(part)))
        at += len(part)
    fh.write(_PARTS_HEADER.pack(_PARTS_MAGIC, len(parts)) + b"".join(_PART.pack(*span) for span in spans))
    written = _PARTS_HEADER.size + _PART.size * len(parts)
    for (offset, _), part in zip(spans, parts):
        fh.write(bytes(offset - written) + part)
        written = offset + len(part)


def _open_parts(path) -> tuple[memoryview, ...]:
    """The buffers of a file ``_dump_parts`` wrote, as views of its mapping; ValueError when it is
    not one, or is cut short."""
    with open(path, "rb") as fh:
        mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    view = memoryview(mapped)
    if len(view) < _PARTS_HEADER.size:
        raise ValueError("not a file of buffers")
    magic, count = _PARTS_HEADER.unpack_from(view)
    if magic != _PARTS_MAGIC or count > 64 or len(view) < _PARTS_HEADER.size + _PART.size * count:
        raise ValueError("not a file of buffers")
    parts = []
    for k in range(count):
        offset, length = _PART.unpack_from(view, _PARTS_HEADER.size + _PART.size * k)
        if offset % 8 or offset + length > len(view):
            raise ValueError("a file of buffers cut short")
        parts.append(view[offset:offset + length])
    return tuple(parts)


PARTS_CODEC = SimpleNamespace(__name__="parts", load_path=_open_parts, dump=_dump_parts, key_parts=TABLE_KEY)
