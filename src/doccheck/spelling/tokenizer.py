"""jieba's tokenizer, the dictionary every part of the detector reads."""

from __future__ import annotations

import logging
import re
import sys

from .wordcounts import WordCounts

# jieba's own expressions (jieba/__init__.py): the blocks it segments, the whitespace it keeps
# whole, and the single letters and digits it joins back into one token
_BLOCK = re.compile(r"([\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]+)")
_SKIP = re.compile(r"(\r\n|\s)")
_ENG = re.compile(r"[a-zA-Z0-9]")


class Tokenizer:
    """jieba's default tokenizer with its prefix dictionary loaded first, and jieba itself imported
    only when text is cut: the detector needs the word counts alone, and importing jieba (with
    pkg_resources and its HMM tables) costs 0.05 s of every start."""

    def __init__(self, freq: "WordCounts | dict[str, int]", total: int):
        self.FREQ = freq
        self.total = total
        self._jieba = None
        self._segment = None

    def _real(self):
        if self._jieba is None:
            import jieba

            jieba.setLogLevel(logging.WARNING)
            tk = jieba.dt
            tk.FREQ, tk.total, tk.initialized = self.FREQ, self.total, True
            self._jieba = tk
        return self._jieba

    def __getattr__(self, name):  # get_DAG, calc, cut with HMM …: jieba's own
        return getattr(self._real(), name)

    def cut(self, sentence: str, cut_all: bool = False, HMM: bool = True):
        """jieba's ``cut``; without HMM (all the rules ask for) done here with the same dictionary
        and the same programme (``UnigramScorer.segment``), so that no check imports jieba."""
        if cut_all or HMM:
            return self._real().cut(sentence, cut_all=cut_all, HMM=HMM)
        return self._cut_plain(sentence)

    def lcut(self, sentence: str, cut_all: bool = False, HMM: bool = True) -> list[str]:
        return list(self.cut(sentence, cut_all=cut_all, HMM=HMM))

    def _cut_plain(self, sentence: str):
        if self._segment is None:
            from .scoring import UnigramScorer

            self._segment = UnigramScorer(self).segment
        for block in _BLOCK.split(sentence):
            if not block:
                continue
            if _BLOCK.match(block):
                buf = ""
                for w in self._segment(block):
                    if len(w) == 1 and _ENG.match(w):
                        buf += w  # jieba joins single letters and digits into one token
                        continue
                    if buf:
                        yield buf
                        buf = ""
                    yield w
                if buf:
                    yield buf
            else:
                for x in _SKIP.split(block):
                    if _SKIP.match(x):
                        yield x
                    else:
                        yield from x


def load_jieba(resources=None):
    """The tokenizer, its cache in the user's cache folder (jieba's own default is a file in /tmp
    shared by every user). The prefix dictionary is a memory-mapped word table (``wordtable``)
    where the compiled part is built: no start-up cost, and one copy in memory for every worker.
    Without it, a pickle of our own in blocks by first character (WordCounts) that a text unpacks
    as it needs them: 0.01 s instead of jieba's 0.45 s for its marshal cache."""
    from importlib.metadata import version

    from ..resources import cache_dir, cached_on_disk
    from ..wordtable import CODEC, COMPILED, WordTable

    def jieba_counts():
        import jieba

        jieba.setLogLevel(logging.WARNING)
        tk = jieba.dt
        try:
            folder = cache_dir()
            folder.mkdir(parents=True, exist_ok=True)
            tk.tmp_dir = str(folder)
        except OSError:
            pass  # jieba builds its prefix dictionary without a cache
        tk.check_initialized()
        return tk.FREQ, tk.total

    def derive_table():
        freq, total = jieba_counts()
        return WordTable.build(freq.items(), total)

    if COMPILED:
        table = cached_on_disk("jieba-table", (version("jieba"),), derive_table, codec=CODEC)
        return Tokenizer(table, table.total)

    def derive():
        freq, total = jieba_counts()
        return WordCounts.of(freq), total

    # marshal's format may change between Python versions: the key holds the version
    freq, total = cached_on_disk("jieba-words", (version("jieba"), sys.version_info[:2]), derive)
    return Tokenizer(freq, total)
