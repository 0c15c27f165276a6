"""The statistical character-error detector: errors on no list (召开会仪 → 会议).

1. Screen: a Han character that no frequent dictionary word (2–4 characters,
   jieba's dictionary, plus data/gongwen-terms.txt) covers is suspicious.
2. Candidates (``candidates``): same-sound or look-alike characters that form a
   frequent word with the neighbours.
3. Scoring (``scoring``): the window around the spot is scored as written and
   once per candidate; the gain in log probability is the evidence. A candidate
   whose gain passes the threshold (chosen on ECSpell's train split, see
   bench/eval.py) is reported, with the gain as its confidence.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Iterator

from .cache import CACHED_TEXT_MOST, FORGETFUL, ClauseCache
from .candidates import Candidates
from .scoring import UnigramScorer

_CLAUSE = re.compile(r"[\u4e00-\u9fff]+")
_PIECE = 1 << 14  # characters of text per call of the compiled scan (its results for them are held at once)

# Defaults chosen on ECSpell odw.train (bench/eval.py --tune); see the rule's doc.
# The detector reports suspects from this unigram gain; below REPORT_GAIN (checks/typo.py) a
# suspect counts only when the word trigram model leans its way (LEANING). 4 rather than 6: the
# model's gains of 5.5 and more on suspects of 4 to 6 were right 10 times in 11 on ECSpell odw.train
# (1.5 points of F1 there, 1.8 on test).
THRESHOLD = 4.0
CONFIDENCE_MID = 6.0  # the gain a confidence of 0.5 stands for in messages
# A character inside a dictionary word at least this frequent is not suspicious. 500 rather than
# 2000: on ECSpell odw.train recall 0.248 instead of 0.252 at the same precision, and the screen
# sends on a third fewer positions (the detector runs 1.5x as fast).
STRONG_WORD = 500
WINDOW = 3  # characters either side of the spot that are scored
# A two-character word typed by its sound: the language model decides (checks/typo.py); below this
# unigram gain no pair on ECSpell odw.train was confirmed, and a fifth fewer pairs go to the model.
PAIR_THRESHOLD = 3.0
PAIR_WORDS = 3  # the most frequent words of that sound that are tried
PAIR_WINDOW = 1
# A pair one of whose characters makes a word this frequent with its outer neighbour is two words'
# parts, not a word typed by its sound (他律相结合 → 录像): on ECSpell odw.train 4 of 96 true pair
# characters lost, and on published text a third of the pairs' (nonsense) suggestions.
STRADDLE_WORD = 5
CANDIDATE_WORD = 200  # a candidate must form a word at least this frequent
# One-character words this frequent are not judged as written characters (11 in jieba's dictionary:
# 了是在和有他不我的人也): on ECSpell odw.train no loss, and a tenth of the detector's time.
UNJUDGED_WORD = 300_000
RUNNERS_UP = 2  # candidates after the best that are kept for the word model to judge
SHAPE_PENALTY = 2.0  # a look-alike (not a homophone) must win by this much more


@dataclass(frozen=True, slots=True)
class Suspect:
    index: int  # offset of the (first) character in the text
    char: str  # what is written: one character, or two for a word typed by its sound (悔意)
    suggestion: str  # as long as ``char``
    gain: float  # log-probability gain of the best candidate over the original
    # the next candidates and their gains, best first: the word model may prefer one of them
    others: tuple[tuple[str, float], ...] = ()

    @property
    def end(self) -> int:
        return self.index + len(self.char)


class Detector:
    def __init__(self, candidates: Candidates, scorer: UnigramScorer, covering, *,
                 threshold: float = THRESHOLD, shape_penalty: float = SHAPE_PENALTY,
                 unjudged: frozenset[str] = frozenset(), screen=None):
        self.candidates = candidates
        # the commonest one-character words (的, 了, 是, 在 …): always uncovered, and word counts
        # cannot tell their slips from their uses; the curated packs take 的/地/得
        self.unjudged = unjudged
        self.scorer = scorer
        self.covering = covering  # PhraseMatcher over the words whose characters are not suspicious
        self.threshold = threshold
        self.shape_penalty = shape_penalty
        self.cache = ClauseCache()
        # the compiled screen (screen.py), built for these candidates and unjudged characters: detect
        # reads a text with it, and finds what check_clause and check_words would
        self.screen = screen

    def covered(self, text: str) -> bytearray:
        """1 where a frequent word covers the character: one pass of the automaton over the text
        (the words are all Han, so a match never crosses a clause)."""
        return self.covering.cover(text)

    def uncovered(self, clause: str) -> list[int]:
        mask = self.covered(clause)
        return [i for i, c in enumerate(mask) if not c]

    def check_clause(self, clause: str, uncovered: list[int] | None = None) -> Iterator[tuple[int, str, float]]:
        """The characters of a clause worth reporting, screened and scored here: the reference for
        the compiled screen, which ``detect`` uses where it is built."""
        if uncovered is None:
            uncovered = self.uncovered(clause)
        return self._score_characters(clause, [(i, None) for i in uncovered])

    def _score_characters(self, clause: str, spots) -> Iterator[tuple[int, str, float]]:
        """Each spot (i, the candidates worth scoring there, or None to screen it here) scored."""
        gains, sounds_alike = self.scorer.gains, self.candidates.sounds_alike
        for i, tried in spots:
            ch = clause[i]
            if tried is None:
                tried = self._tried(clause, i)
                if not tried:
                    continue
            lo, hi = max(0, i - WINDOW), min(len(clause), i + WINDOW + 1)
            tried = list(tried)
            scored = []
            for cand, gain in zip(tried, gains(clause[lo:hi], i - lo, 1, tried)):
                if not sounds_alike(ch, cand):
                    gain -= self.shape_penalty  # look-alikes are weaker evidence than homophones
                if gain >= self.threshold:
                    scored.append((gain, cand))
            if scored:
                scored.sort(reverse=True)
                (best_gain, best), rest = scored[0], scored[1:1 + RUNNERS_UP]
                yield i, best, best_gain, tuple((c, g) for g, c in rest)

    def _tried(self, clause: str, i: int) -> frozenset[str]:
        """The candidates for clause[i] worth scoring: the screen (the compiled one does the same)."""
        ch = clause[i]
        if ch in self.unjudged:
            return frozenset()
        if ch not in self.candidates.common and self._in_word(clause, i):
            return frozenset()  # a rare character inside a word it belongs to (勠力, 鄠邑) was chosen
        cands = self.candidates.of(ch)
        if not cands or not self.candidates.may_fill(clause, i, cands):
            return frozenset()
        return cands & self.candidates.fillers(clause, i)

    def _in_word(self, clause: str, i: int) -> bool:
        """Some dictionary word, however rare, of 2–4 characters covers clause[i]."""
        freq = self.scorer.freq
        n = len(clause)
        for length in (2, 3, 4):
            for a in range(max(0, i - length + 1), min(i, n - length) + 1):
                if freq.get(clause[a:a + length]):
                    return True
        return False

    def check_words(self, clause: str, uncovered: list[int]) -> Iterator[tuple[int, str, float]]:
        """Two uncovered characters in a row that sound like a frequent word differing in both
        (联席悔意 → 会议): the pinyin of a word typed, the wrong word chosen. The reference for the
        compiled screen, as ``check_clause``."""
        free = set(uncovered)
        return self._score_pairs(clause, [i for i in uncovered if i + 1 in free])

    def _score_pairs(self, clause: str, starts) -> Iterator[tuple[int, str, float]]:
        same, gains, freq = self.candidates.same_sound_words, self.scorer.gains, self.scorer.freq
        unjudged, common = self.unjudged, self.candidates.common
        for i in starts:
            if clause[i] in unjudged or clause[i + 1] in unjudged:
                continue
            if clause[i] not in common or clause[i + 1] not in common:
                continue  # rare characters in pairs are names (鄠邑, 郦波), not a word typed by sound
            words = same(clause[i:i + 2])
            if not words or self._straddles(clause, i):
                continue
            if len(words) > PAIR_WORDS:  # 实施, 事实, 实时, 适时 …: the frequent few win in practice
                # the most frequent first, equal counts by the words (a set's order is not the same in
                # every process: ties must not decide by it)
                words = sorted(words, key=lambda w: (-freq.get(w), w))[:PAIR_WORDS]
            # one character of context either side: the model decides on pairs, this only ranks
            # the words and screens out the hopeless (and costs a third of a full window)
            lo, hi = max(0, i - PAIR_WINDOW), min(len(clause), i + PAIR_WINDOW + 2)
            words = list(words)
            scored = sorted(((gain, w) for w, gain in zip(words, gains(clause[lo:hi], i - lo, 2, words))
                             if gain >= PAIR_THRESHOLD), reverse=True)
            if scored:
                (best_gain, best), rest = scored[0], scored[1:1 + RUNNERS_UP]
                yield i, best, best_gain, tuple((w, g) for g, w in rest)

    def _straddles(self, clause: str, i: int) -> bool:
        """A character of the pair at ``i`` forms a word with the character beside the pair (他律|相结合,
        扶智|相结合): the two are parts of two words, not one word typed by its sound."""
        freq = self.scorer.freq
        n = len(clause)
        for a, b in ((i - 1, i + 1), (i - 2, i + 1), (i + 1, i + 3), (i + 1, i + 4)):
            if a >= 0 and b <= n and freq.get(clause[a:b], 0) >= STRADDLE_WORD:
                return True
        return False

    def detect(self, text: str) -> Iterator[Suspect]:
        """Suspected wrong characters in ``text``, clause by clause (runs of Han characters)."""
        cache = self.cache if len(text) <= CACHED_TEXT_MOST else FORGETFUL
        if self.screen is not None:  # the clauses with something found or left to score, in one call
            covering, scan = self.covering._table, self.screen.scan
            # a piece of the text at a time: a long text's clauses are not all held at once
            found_in = (clause for lo in range(0, len(text), _PIECE)
                        for clause in scan(text, covering, self.threshold, self.shape_penalty, WINDOW, RUNNERS_UP,
                                           STRADDLE_WORD, PAIR_THRESHOLD, PAIR_WORDS, PAIR_WINDOW, lo, lo + _PIECE))
            for a, b, scored, pending, pairs, starts in found_in:
                clause = text[a:b]
                found = cache.get(clause)
                if found is None:
                    if pending:  # characters outside the BMP: screened and scored here
                        scored += self._score_characters(clause, [(i, None) for i in pending])
                        scored.sort(key=lambda f: f[0])
                    if starts:  # pairs with a character outside the BMP, likewise
                        pairs += self._score_pairs(clause, starts)
                        pairs.sort(key=lambda f: f[0])
                    found = tuple(scored) + tuple(pairs)
                    cache.put(clause, found)
                for i, cand, gain, others in found:
                    yield Suspect(a + i, clause[i:i + len(cand)], cand, gain, others)
            return
        mask = None
        for m in _CLAUSE.finditer(text):
            clause = m.group()
            if len(clause) < 2:
                continue
            found = cache.get(clause)
            if found is None:
                if mask is None:
                    mask = self.covered(text)
                a = m.start()
                uncovered = [i - a for i in range(a, m.end()) if not mask[i]]
                found = tuple(self.check_clause(clause, uncovered)) + tuple(self.check_words(clause, uncovered))
                cache.put(clause, found)
            for i, cand, gain, others in found:
                yield Suspect(m.start() + i, clause[i:i + len(cand)], cand, gain, others)

    def clear_cache(self) -> None:
        self.cache.clear()


def confidence(gain: float, threshold: float = CONFIDENCE_MID) -> float:
    """A 0–1 confidence from the log-probability gain (logistic around the threshold)."""
    return 1 / (1 + math.exp(-(gain - threshold)))
