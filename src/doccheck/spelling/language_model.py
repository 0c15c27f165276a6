"""A word trigram language model for the few positions the detector's screen sends on:
fcitx5's Chinese model (Debian's libime-data-language-model, KenLM binary, LGPL-2.1+),
read with the ``kenlm`` package. It knows contexts a unigram dictionary cannot
(召开……会议 rather than 会仪) and is only asked about a handful of windows per page.

Where it is: DOCCHECK_LM names the file; otherwise the standard paths of the Debian
package. Without the file or the ``kenlm`` package the detector runs on its unigram
evidence alone, and says so once.
"""

from __future__ import annotations

import glob
import logging
import os
import re
from pathlib import Path

log = logging.getLogger("doccheck")

STANDARD_PATHS = ("/usr/lib/*/libime/zh_CN.lm", "/usr/share/libime/zh_CN.lm", "/usr/lib/libime/zh_CN.lm")
WIDTH = 5  # Han characters either side of the spot that are scored
_ALL_HAN = re.compile(r"[\u4e00-\u9fff]+")
_HAN_TO_END = re.compile(r"[\u4e00-\u9fff]*\Z")
_HAN_FROM_START = re.compile(r"[\u4e00-\u9fff]*")


def find_model() -> Path | None:
    named = os.environ.get("DOCCHECK_LM")
    if named:
        return Path(named) if Path(named).is_file() else None
    for pattern in STANDARD_PATHS:
        for found in sorted(glob.glob(pattern)):
            return Path(found)
    return None


class WordLM:
    """Scores windows of text: jieba segments them, words the model lacks are split into
    characters (which it has), and KenLM gives the log10 probability."""

    def __init__(self, model, tokenizer, path: Path, known=None):
        """``known``: ``_wordtable.string_set`` of the model's words among the dictionary's words and
        their pieces (``known_strings``), where the dictionary is a compiled word table: ``tokens`` of
        Han text then runs as one compiled call (``WordTable.known_words``)."""
        from .scoring import UnigramScorer

        self.model = model
        self.tokenizer = tokenizer
        self.path = path
        self._segment = UnigramScorer(tokenizer).segment  # jieba's cut of Han text, cheaper
        self._written: dict[str, float] = {}  # window as written → its score
        self._known = known
        self._known_words = tokenizer.FREQ.known_words if known is not None else None
        self._score = getattr(model, "score", None)  # (text, bos, eos): by position, a third cheaper than by keyword
        # gain without merge in one compiled call (the code below is its reference): the model is asked
        # about a few windows per suspect, and a noisy draft has a hundred suspects
        self._lm_gain = tokenizer.FREQ.lm_gain if known is not None else None

    def tokens(self, s: str, merge: bool = False) -> list[str]:
        """jieba's words; a word the model lacks is split into the longest words it has, then
        characters (领导小组 → 领导 小组, not 领 导 小 组: characters alone would make the right
        form look less probable than a wrong one that jieba happens to cut into known words)."""
        out = []
        model = self.model
        words = self._segment(s) if _ALL_HAN.fullmatch(s) else self.tokenizer.lcut(s, HMM=False)
        merged = []
        for w in words:  # two characters jieba left apart that the model knows as a word (央企, 宜居)
            if merge and len(w) == 1 and merged and len(merged[-1]) == 1 and merged[-1] + w in model:
                merged[-1] += w
            else:
                merged.append(w)
        for w in merged:
            if len(w) == 1 or w in model:  # a character stands as it is either way
                out.append(w)
                continue
            i = 0
            while i < len(w):
                for j in range(min(len(w), i + 4), i, -1):
                    if j - i == 1 or w[i:j] in model:
                        out.append(w[i:j])
                        i = j
                        break
        return out

    def score(self, s: str, merge: bool = False) -> float:
        if self._known is not None and not merge and _ALL_HAN.fullmatch(s):
            # tokens(s) joined, in one compiled call: the model is asked about a few windows per
            # suspect, and this loop was most of the cost of asking
            return self._score(self._known_words(s, self._known), False, False)
        return self._score(" ".join(self.tokens(s, merge)), False, False)

    def gain(self, text: str, i: int, candidate: str, merge: bool = False) -> float:
        """How much more probable (log10) the window around ``text[i:i + len(candidate)]`` is with
        ``candidate`` in its place. With ``merge``, two characters jieba leaves apart are one token
        where the model knows them as a word (央企, 科创): the model's view of new words."""
        if self._lm_gain is not None and not merge:
            found = self._lm_gain(text, i, candidate, self._known, self._score, self._written, WIDTH)
            if found is not None:
                return found
        n = len(candidate)
        # up to WIDTH Han characters either side, without leaving the clause
        a = _HAN_TO_END.search(text, max(0, i - WIDTH), i).start()
        b = _HAN_FROM_START.match(text, i + n, min(len(text), i + n + WIDTH)).end()
        window = text[a:b]
        k = i - a
        key = (window, True) if merge else window  # a window without merge is held as lm_gain holds it
        written = self._written.get(key)
        if written is None:  # the runners-up of a suspect share the window as written
            if len(self._written) >= 4096:
                self._written.clear()
            written = self._written[key] = self.score(window, merge)
        return self.score(window[:k] + candidate + window[k + n:], merge) - written


def known_strings(model, freq) -> list[str]:
    """What ``tokens`` of Han text asks the model about, less what it lacks: each word of two characters
    or more of the dictionary ``freq`` (a segmentation's words), and, for a word the model lacks, each
    piece of two to four characters of it."""
    known, asked = {}, set()
    for w, count in freq.items():
        if not count or len(w) < 2:
            continue
        if w in model:
            known[w] = None
            continue
        for i in range(len(w) - 1):
            for j in range(i + 2, min(len(w), i + 4) + 1):
                piece = w[i:j]
                if piece not in asked:
                    asked.add(piece)
                    if piece in model:
                        known[piece] = None
    return list(known)


def _known_set(model, path: Path, freq):
    """``known_strings`` as a compiled string set, derived once per model and dictionary and mapped
    from the cache; None without the compiled word table."""
    from ..resources import cached_on_disk
    from ..wordtable import COMPILED, PARTS_CODEC, WordTable, string_set

    if not COMPILED or not isinstance(freq, WordTable):
        return None
    stat = path.stat()

    def opened(parts):
        size = len(parts[0]) if len(parts) == 1 else 0
        if size < 8 or size & (size - 1):  # a power of two of 8-byte slots
            raise ValueError("not a string set")
        return parts[0]

    key = (str(path), stat.st_size, stat.st_mtime_ns, freq.total, len(freq), "known-strings")
    return cached_on_disk("lm-known", key, lambda: (string_set(known_strings(model, freq)),),
                          codec=PARTS_CODEC, then=opened)


_said_missing = False


def load_language_model(resources=None) -> WordLM | None:
    """The model, or None (said once per process) when the file or kenlm is missing."""
    global _said_missing
    path = find_model()
    try:
        import kenlm
    except ImportError:
        kenlm = None
    if path is None or kenlm is None:
        if not _said_missing:
            _said_missing = True
            what = "kenlm 未安装" if kenlm is None else "未找到语言模型文件（libime-data-language-model）"
            log.warning("doccheck: %s，统计错别字检测只报告证据最强的（make install 会安装）", what)
        return None
    from .tokenizer import load_jieba

    tokenizer = resources.get("jieba") if resources is not None else load_jieba()
    model = kenlm.Model(str(path))
    return WordLM(model, tokenizer, path, _known_set(model, path, tokenizer.FREQ))
