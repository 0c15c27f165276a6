"""Scoring a window of text: the log probability of its best segmentation under
jieba's unigram word model."""

from __future__ import annotations

import math


class UnigramScorer:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer  # an initialised jieba.Tokenizer
        self.freq: dict[str, int] = tokenizer.FREQ
        log_total = math.log(tokenizer.total)
        cache: dict[int, float] = {}

        def logf(f: int) -> float:
            v = cache.get(f)
            if v is None:
                v = cache[f] = math.log(f) - log_total
            return v

        self._logf = logf

    def best_path(self, s: str) -> float:
        """Log probability of the best segmentation of ``s``.

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

    def jieba_best_path(self, s: str) -> float:
        """jieba's own computation, the reference for ``best_path``."""
        tk = self.tokenizer
        dag = tk.get_DAG(s)
        route: dict = {}
        tk.calc(s, dag, route)
        return route[0][0]
