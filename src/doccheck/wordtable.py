"""jieba's word counts as one hash table in a memory-mapped file, read in place by compiled code
(``_wordtable.c``): the unigram scores and the screen of the typo detector run there, and every
process that checks text shares the same pages instead of unpacking its own dictionary.

Where doccheck was installed without a C compiler the extension is missing; ``COMPILED`` is then
False and the dictionary is kept as ``WordCounts``, read by the Python loops in ``scoring.py`` and
``lexicon.py`` (the reference the compiled code is tested against).
"""

from __future__ import annotations

import mmap
import sys
from collections.abc import Iterable, Mapping
from types import SimpleNamespace

try:
    from ._wordtable import FORMAT, Near, Screen, Table, build, numbered
except ImportError:  # built without a compiler
    FORMAT = Near = Screen = Table = build = numbered = None

COMPILED = Table is not None
# What a cached file holding a table depends on besides its content: its layout and the machine's byte
# order (resources.cached_on_disk adds it to the key of CODEC's files; pickles of tables add it too).
TABLE_KEY = (FORMAT, sys.byteorder)


class WordTable(Mapping):
    """word → count, like jieba's ``FREQ`` (0 for a prefix that is no word), with the compiled
    loops as methods: ``gains``, ``best_path``, ``segment`` (scoring.UnigramScorer's), ``cover`` and
    ``occurrences`` (lexicon.PhraseMatcher's, over the words whose count is not 0)."""

    __slots__ = ("_table", "buffer", "get", "gains", "best_path", "segment", "cover", "occurrences", "counts",
                 "total")

    def __init__(self, buffer):
        """``buffer``: bytes from ``build`` or a read-only mmap of them."""
        table = Table(buffer)
        self._table, self.buffer, self.total = table, buffer, table.total
        # bound C methods as attributes: a call costs no Python frame
        self.get, self.gains, self.best_path = table.get, table.gains, table.best_path
        self.segment, self.cover, self.occurrences = table.segment, table.cover, table.occurrences
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


def screen_of(tables: tuple[bytes, bytes, bytes], table: WordTable):
    """The detector's compiled screen (screen.py builds its tables) over this word table."""
    screen, blanks, sounds = tables
    return Screen(screen, table._table, Table(blanks), Table(sounds))


def _dump(table: WordTable, fh) -> None:
    fh.write(table.buffer)


# for resources.cached_on_disk: the file is mapped, not read
CODEC = SimpleNamespace(__name__="wordtable", load_path=WordTable.open, dump=_dump, loads=WordTable,
                        key_parts=TABLE_KEY)
