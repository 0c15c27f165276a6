"""jieba's word counts in blocks by first character, unpacked as a text needs them."""

from __future__ import annotations

import marshal
from collections.abc import Mapping

_MISSING = object()


class WordCounts(Mapping):
    """jieba's prefix dictionary (word → count; 0 for a prefix that is no word), kept as one
    marshalled block per first character and unpacked when a word with that character is first
    asked for. A page of text reads a third of the 500,000 entries: unpacking all of them was a
    quarter of a cold start (0.14 s) and 40 MB."""

    __slots__ = ("_blocks", "dicts", "_size")

    def __init__(self, blocks: dict[str, bytes], size: int):
        self._blocks = blocks
        self.dicts: dict[str, dict[str, int]] = {}  # first character → its words, once unpacked
        self._size = size

    @classmethod
    def of(cls, freq: dict[str, int]) -> "WordCounts":
        by_first: dict[str, dict[str, int]] = {}
        for w, f in freq.items():
            if w:
                by_first.setdefault(w[0], {})[w] = f
        return cls({ch: marshal.dumps(d) for ch, d in by_first.items()}, len(freq))

    def block(self, ch: str) -> dict[str, int]:
        """The words that start with ``ch`` (hot loops keep ``dicts`` and call this on a miss)."""
        d = self.dicts.get(ch)
        if d is None:
            raw = self._blocks.get(ch)
            d = self.dicts[ch] = marshal.loads(raw) if raw is not None else {}
        return d

    def get(self, word: str, default=None):
        if not word:
            return default
        d = self.dicts.get(word[0])
        if d is None:
            d = self.block(word[0])
        return d.get(word, default)

    def __getitem__(self, word: str) -> int:
        f = self.get(word, _MISSING)
        if f is _MISSING:
            raise KeyError(word)
        return f

    def __contains__(self, word) -> bool:
        return isinstance(word, str) and self.get(word, _MISSING) is not _MISSING

    def __iter__(self):
        for ch in self._blocks:
            yield from self.block(ch)

    def items(self):
        for ch in self._blocks:
            yield from self.block(ch).items()

    def __len__(self) -> int:
        return self._size

    def __reduce__(self):  # sent to worker processes as the packed blocks
        return (WordCounts, (self._blocks, self._size))
