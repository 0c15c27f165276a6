"""Scoring a window of text: the log probability of its best segmentation under
jieba's unigram word model."""

from __future__ import annotations

import math

from .wordcounts import WordCounts


class UnigramScorer:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer  # an initialised jieba.Tokenizer
        self.freq = tokenizer.FREQ
        self._log_total = math.log(tokenizer.total)
        if hasattr(self.freq, "gains") and self.freq.total == tokenizer.total:
            # a compiled word table: the same programme over the same counts, in C
            # (wordtable.py; these methods are the reference it is tested against)
            self.gains, self.best_path, self.segment = self.freq.gains, self.freq.best_path, self.freq.segment
            return
        if not hasattr(self.freq, "block"):  # a plain dict (tests, jieba's own)
            self.freq = WordCounts.of(self.freq)
        self._blocks, self._block = self.freq.dicts, self.freq.block
        # log probability by frequency: a few thousand distinct counts, looked up inline in the
        # programme below (a call per word found was a tenth of the detector's time)
        self._log: dict[int, float] = {}

    def best_path(self, s: str) -> float:
        """Log probability of the best segmentation of ``s``.

        The same dynamic programme as jieba's ``get_DAG`` + ``calc`` over jieba's
        dictionary (``jieba_best_path`` is the reference, and a test holds them equal),
        written for 7-character windows without jieba's per-call overhead: the
        detector asks it hundreds of times per page."""
        return self._routes(s, len(s) - 1, [0.0] * (len(s) + 1))[0]

    def gains(self, window: str, k: int, n: int, replacements) -> list[float]:
        """For each replacement of ``window[k:k + n]``: the best path's log probability minus the
        window's as written. The part of the programme right of the replaced characters is the
        same for every replacement, so it is computed once (half the work for a 7-character
        window replaced in its middle)."""
        size = len(window)
        base = self._routes(window, size - 1, [0.0] * (size + 1))
        right = base[k + n:]
        written = base[0]
        out = []
        for r in replacements:
            s = window[:k] + r + window[k + n:]
            route = [0.0] * (k + n) + right
            out.append(self._routes(s, k + n - 1, route)[0] - written)
        return out

    def _routes(self, s: str, start: int, route: list[float], nxt: list[int] | None = None) -> list[float]:
        """Fill ``route[i]`` (the best log probability of ``s[i:]``) for i = start down to 0; the
        entries right of ``start`` are given. With ``nxt``, also where the best first word of
        ``s[i:]`` ends (ties go to the longer word, as in jieba)."""
        blocks, block = self._blocks, self._block
        log = self._log
        n = len(s)
        for i in range(start, -1, -1):
            best, end = None, i + 1
            j = i + 1
            frag = s[i]
            words = blocks.get(frag)  # the words that start with this character
            if words is None:
                words = block(frag)
            while j <= n:
                f = words.get(frag)
                if f is None:  # jieba's dictionary holds every prefix of every word
                    break
                if f:
                    lp = log.get(f)
                    if lp is None:
                        lp = log[f] = math.log(f) - self._log_total
                    v = lp + route[j]
                    if best is None or v >= best:
                        best, end = v, j
                j += 1
                frag = s[i:j]
            if best is None:  # no word starts here: the character alone, with frequency 1
                best = -self._log_total + route[i + 1]
            route[i] = best
            if nxt is not None:
                nxt[i] = end
        return route

    def segment(self, s: str) -> list[str]:
        """The words of the best segmentation of a Han string: jieba's ``lcut(s, HMM=False)`` (ties
        go to the longer word, as in jieba's ``calc``), without its per-call overhead — the
        language model's windows are cut with it."""
        n = len(s)
        nxt = [0] * n
        self._routes(s, n - 1, [0.0] * (n + 1), nxt)
        out, i = [], 0
        while i < n:
            out.append(s[i:nxt[i]])
            i = nxt[i]
        return out

    def jieba_best_path(self, s: str) -> float:
        """jieba's own computation, the reference for ``best_path``."""
        tk = self.tokenizer
        dag = tk.get_DAG(s)
        route: dict = {}
        tk.calc(s, dag, route)
        return route[0][0]
