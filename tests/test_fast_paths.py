"""Fast paths against their references: the compiled word table (_wordtable.c) against the Python
loops it replaces — the same scores to the last bit, the same cuts, covering masks, phrases, screen
and terms one character off, on random input and on jieba's own dictionary; a damaged cache file is
rebuilt, never read past its end — and the proper names found from their kind words against the
expression they replace (that one is in test_spelling: it needs nothing compiled)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from doccheck.lexicon import PhraseMatcher
from doccheck.resources import cached_on_disk
from doccheck.spelling.scoring import UnigramScorer
from doccheck.wordtable import CODEC, COMPILED, WordTable

pytestmark = pytest.mark.skipif(not COMPILED, reason="doccheck was built without a C compiler")

CHARS = "会议召开通知工作安全生产全市部门单位报告请示关于的了是在"
words = st.text(alphabet=CHARS, min_size=1, max_size=5)
texts = st.text(alphabet=CHARS + "，a1𠀾", max_size=40)  # one past the BMP: each kind of str


class _Tokenizer:
    def __init__(self, freq, total):
        self.FREQ, self.total = freq, total


def _pair(vocabulary: dict[str, int]):
    """A scorer over a jieba-style prefix dictionary, in Python and compiled."""
    freq: dict[str, int] = {}
    for w, f in vocabulary.items():
        for k in range(1, len(w)):
            freq.setdefault(w[:k], 0)
        freq[w] = f
    total = sum(freq.values()) + 1
    python = UnigramScorer(_Tokenizer(dict(freq), total))
    compiled = UnigramScorer(_Tokenizer(WordTable.build(freq.items(), total), total))
    return python, compiled


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(words, st.integers(1, 10_000), max_size=40), texts, st.data())
def test_the_compiled_scores_are_the_pythons_exactly(vocabulary, text, data):
    python, compiled = _pair(vocabulary)
    assert compiled.gains != python.gains  # the compiled methods are in use
    assert compiled.best_path(text) == python.best_path(text)
    assert compiled.segment(text) == python.segment(text)
    if text:
        k = data.draw(st.integers(0, len(text) - 1))
        n = data.draw(st.integers(1, min(2, len(text) - k)))
        reps = data.draw(st.lists(st.text(alphabet=CHARS, min_size=n, max_size=n), max_size=6))
        assert compiled.gains(text, k, n, reps) == python.gains(text, k, n, reps)


@settings(max_examples=150, deadline=None)
@given(st.lists(words, max_size=30), texts)
def test_the_compiled_cover_is_the_automatons(vocabulary, text):
    covering = WordTable.numbered(dict.fromkeys(w for w in vocabulary if w))
    assert covering.cover(text) == PhraseMatcher((w, None) for w in vocabulary).cover(text)


def test_the_table_is_a_mapping_of_jiebas_counts():
    table = WordTable.build([("会议", 300), ("会", 0), ("召开", 20)], 1000)
    assert table["会议"] == 300 and table.get("会") == 0 and table.get("通知") is None
    assert "召开" in table and "通知" not in table and 3 not in table
    assert dict(table.items()) == {"会议": 300, "会": 0, "召开": 20} and list(table) == ["会议", "会", "召开"]
    assert len(table) == 3 and table.total == 1000
    with pytest.raises(KeyError):
        table["通知"]
    with pytest.raises(ValueError, match="twice"):
        WordTable.build([("会议", 1), ("会议", 2)], 10)


def test_jiebas_whole_dictionary_scores_alike(tmp_path):
    from doccheck.plugins import default_registry

    tk = default_registry().resources.get("jieba")
    assert isinstance(tk.FREQ, WordTable)
    sample = {w: f for w, f in tk.FREQ.items() if w[:1] in "会召开通知安全生产"}
    python = UnigramScorer(_Tokenizer(sample, tk.total))
    compiled = UnigramScorer(_Tokenizer(WordTable.build(sample.items(), tk.total), tk.total))
    for s in ("召开安全生产会仪", "通知会议安排", "开会通知"):
        assert compiled.best_path(s) == python.best_path(s)
        scorer = UnigramScorer(tk)
        assert math.isclose(scorer.best_path(s), scorer.jieba_best_path(s))


def test_a_damaged_cache_file_is_derived_again(tmp_path, monkeypatch):
    monkeypatch.setenv("DOCCHECK_CACHE", str(tmp_path))
    make = lambda: WordTable.build([("会议", 3)], 10)  # noqa: E731
    assert cached_on_disk("t", ("k",), make, codec=CODEC)["会议"] == 3
    (path,) = tmp_path.glob("t-*.wordtable")
    raw = path.read_bytes()
    for damaged in (raw[:20], raw[:-4], b"", b"DCWTBL01" + b"\xff" * (len(raw) - 8)):
        path.write_bytes(damaged)
        assert cached_on_disk("t", ("k",), make, codec=CODEC)["会议"] == 3
    with pytest.raises(ValueError):
        WordTable(b"DCWTBL01" + bytes(100))


def test_damaged_screen_files_are_derived_again(tmp_path, monkeypatch):
    from doccheck.plugins import default_registry
    from doccheck.spelling.screen import screen_tables
    from doccheck.wordtable import PARTS_CODEC, screen_of

    monkeypatch.setenv("DOCCHECK_CACHE", str(tmp_path))
    det = default_registry().resources.get("spelling.detector")
    derived = []

    def derive():
        derived.append(1)
        return screen_tables(det.candidates, det.unjudged)

    def load():
        return cached_on_disk("s", ("k",), derive, codec=PARTS_CODEC, then=lambda t: screen_of(t, det.scorer.freq))

    text = "定于下周召开联席悔意，请各部门准时参加。"
    expected = det.screen.scan(text, det.covering._table, 4.0, 2.0, 3, 2, 5, 3.0, 3, 1)
    assert load().scan(text, det.covering._table, 4.0, 2.0, 3, 2, 5, 3.0, 3, 1) == expected
    (path,) = tmp_path.glob("s-*.parts")
    raw = path.read_bytes()
    assert load() and len(derived) == 1  # mapped, not derived again
    flipped = bytearray(raw)
    flipped[len(raw) // 2:len(raw) // 2 + 64] = b"\xff" * 64  # inside the screen's sections
    for damaged in (raw[:10], raw[:len(raw) // 2], b"", b"DCPARTS1" + b"\xff" * 40, bytes(flipped)):
        path.write_bytes(damaged)
        screen = load()
        assert screen.scan(text, det.covering._table, 4.0, 2.0, 3, 2, 5, 3.0, 3, 1) == expected or damaged == bytes(flipped)
    assert len(derived) >= 5


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(words, st.integers(0, 3)), max_size=30), texts)
def test_phrases_are_found_alike_in_c_and_by_the_automaton(phrases, text):
    from doccheck import lexicon

    compiled = PhraseMatcher(phrases)
    lexicon.COMPILED = False
    try:
        automaton = PhraseMatcher(phrases)
    finally:
        lexicon.COMPILED = True
    assert compiled._table is not None or not phrases
    assert sorted(compiled.find_all(text)) == sorted(automaton.find_all(text))
    assert compiled.find(text) == automaton.find(text)
    assert compiled.cover(text) == automaton.cover(text)
    long_phrase = "关于" * 40  # longer than the compiled scan's stack buffer
    assert list(PhraseMatcher([(long_phrase, 1)]).find_all("前" + long_phrase)) == [(1, 81, 1)]


SLIPS = "召开会仪议意义以已经径部署属门们工作做坐安全权生产铲各级及计划化验收效应用拥有友好号的地得再在𠀾"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=SLIPS + "，a", min_size=2, max_size=30))
def test_the_compiled_screen_lets_through_what_the_python_screen_does(clause):
    from doccheck.plugins import default_registry
    from doccheck.spelling import Detector

    det = default_registry().resources.get("spelling.detector")
    assert det.screen is not None
    plain = Detector(det.candidates, det.scorer, det.covering, threshold=det.threshold,
                     shape_penalty=det.shape_penalty, unjudged=det.unjudged)
    uncovered = det.uncovered(clause)
    assert list(det.check_clause(clause, uncovered)) == list(plain.check_clause(clause, uncovered))
    assert list(det.check_words(clause, uncovered)) == list(plain.check_words(clause, uncovered))
    det.clear_cache()
    assert list(det.detect(clause)) == list(plain.detect(clause))
    from doccheck.spelling import detector

    whole, detector._PIECE = detector._PIECE, 3  # clauses cut by the pieces of a long text
    try:
        det.clear_cache()
        assert list(det.detect(clause)) == list(plain.detect(clause))
    finally:
        detector._PIECE = whole


TERM_CHARS = "中华人民共和国合工作机制智领导小组长效安全生产"


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(alphabet=TERM_CHARS, min_size=4, max_size=8), min_size=1, max_size=12),
       st.text(alphabet=TERM_CHARS + "，", max_size=60))
def test_terms_one_character_off_are_found_alike_in_c_and_python(terms, text):
    from doccheck.checks import terms as module

    kinds = {t: ("机构" if k % 2 else "术语") for k, t in enumerate(terms)}
    compiled = module.TermIndex(kinds)
    module.COMPILED = False
    try:
        python = module.TermIndex(kinds)
    finally:
        module.COMPILED = True
    assert compiled._compiled is not None and python._compiled is None
    assert sorted(compiled.near(text)) == sorted(python.near(text))



@settings(max_examples=150, deadline=None)
@given(st.lists(words, max_size=20), texts)
def test_phrases_are_counted_alike_in_c_and_by_the_automaton(phrases, text):
    from doccheck import lexicon

    compiled = lexicon.count_phrases(phrases, text)
    lexicon.COMPILED = False
    try:
        automaton = lexicon.count_phrases(phrases, text)
    finally:
        lexicon.COMPILED = True
    assert compiled == automaton


def test_damaged_screen_tables_are_refused_or_read_safely():
    import random

    from doccheck.plugins import default_registry
    from doccheck.spelling.screen import screen_tables
    from doccheck.wordtable import Screen, Table

    det = default_registry().resources.get("spelling.detector")
    screen, blanks, sounds = screen_tables(det.candidates, det.unjudged)
    text = "定于下周召开联席悔意，请各部门准时参加。"
    rng = random.Random(7)
    refused = 0
    for _ in range(60):
        damaged = bytearray(screen)
        for _ in range(rng.randint(1, 6)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        try:
            s = Screen(bytes(damaged), det.scorer.freq._table, Table(blanks), Table(sounds))
        except ValueError:
            refused += 1
            continue
        s.scan(text, det.covering._table, 4.0, 2.0, 3, 2, 5, 3.0, 3, 1)  # wrong answers at worst
    assert refused  # the header and the indices are checked


class _Model(frozenset):
    """The language model as tokens() sees it: which strings it knows."""


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(words, st.integers(1, 10_000), max_size=40), st.lists(words, max_size=30),
       st.text(alphabet=CHARS, min_size=1, max_size=30))
def test_the_models_tokens_are_the_pythons(vocabulary, model_words, text):
    from doccheck.spelling.language_model import WordLM, known_strings
    from doccheck.wordtable import string_set

    python, _ = _pair(vocabulary)
    table = WordTable.build(python.freq.items(), python.tokenizer.total)
    model = _Model(model_words)
    known = string_set(known_strings(model, table))
    plain = WordLM(model, _Tokenizer(table, python.tokenizer.total), None)
    assert table.known_words(text, known) == " ".join(plain.tokens(text))


def test_the_models_tokens_of_real_windows_are_the_pythons():
    from doccheck.plugins import default_registry
    from doccheck.spelling.language_model import WordLM

    lm = default_registry().resources.get("language-model")
    if lm is None or lm._known is None:
        pytest.skip("libime-data-language-model or kenlm not installed")
    plain = WordLM(lm.model, lm.tokenizer, lm.path)
    text = ("各区县人民政府安全生产委员会要加快推进城乡一体化供水工程建设，切实做好汛期防汛抗旱和地质灾害防治工作，"
            "进一步健全基层应急管理体系，提升突发事件处置能力，确保人民群众生命财产安全。")
    for a in range(len(text)):
        for b in range(a + 1, min(len(text), a + 14) + 1):
            window = text[a:b]
            if "，" not in window:
                assert lm.score(window) == plain.score(window), window


class _ScoringModel(_Model):
    """A stand-in for KenLM: knows its words and gives every string of tokens a score of its own."""

    def score(self, s, bos=True, eos=True):
        return -sum(1.5 * len(t) + (sum(map(ord, t)) % 7) / 4 for t in s.split())


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(words, st.integers(1, 10_000), max_size=40), st.lists(words, max_size=30),
       st.text(alphabet=CHARS + "，A𠀾", min_size=1, max_size=30), st.data())
def test_the_models_gain_is_the_pythons(vocabulary, model_words, text, data):
    from doccheck.spelling.language_model import WIDTH, WordLM, known_strings
    from doccheck.wordtable import string_set

    python, _ = _pair(vocabulary)
    table = WordTable.build(python.freq.items(), python.tokenizer.total)
    model = _ScoringModel(model_words)
    tokenizer = _Tokenizer(table, python.tokenizer.total)
    tokenizer.lcut = lambda s, HMM=False: list(s)  # text that is not all Han: the same Python path on both sides
    compiled = WordLM(model, tokenizer, None, string_set(known_strings(model, table)))
    plain = WordLM(model, tokenizer, None, compiled._known)
    plain._lm_gain = None  # the reference: gain as written in Python
    for _ in range(5):
        n = data.draw(st.integers(1, min(2, len(text))))
        i = data.draw(st.integers(0, len(text) - n))
        candidate = data.draw(st.text(alphabet=CHARS + "A", min_size=n, max_size=n))
        found = compiled._lm_gain(text, i, candidate, compiled._known, model.score, compiled._written, WIDTH)
        assert compiled.gain(text, i, candidate) == plain.gain(text, i, candidate)
        # None only where the spot or the candidate is not all Han: the Python path's
        assert (found is None) == (not all("\u4e00" <= c <= "\u9fff" for c in text[i:i + n] + candidate))
    assert set(compiled._written) == set(plain._written)  # both hold the windows as written, alike


def test_the_models_gain_of_real_windows_is_the_pythons():
    from doccheck.plugins import default_registry
    from doccheck.spelling.language_model import WordLM

    lm = default_registry().resources.get("language-model")
    if lm is None or lm._known is None:
        pytest.skip("libime-data-language-model or kenlm not installed")
    plain = WordLM(lm.model, lm.tokenizer, lm.path, lm._known)
    plain._lm_gain = None
    text = "市政府决定成立专项工作领道小组，层层压实责认，坚决反对形式主议。请于5月6日前报送。"
    for i, ch in enumerate(text):
        for candidate in ("导", "任", "义", "会议"[:1 + (i % 2)]):
            if i + len(candidate) <= len(text):
                assert lm.gain(text, i, candidate) == plain.gain(text, i, candidate), (i, candidate)
    with pytest.raises(ValueError):
        lm.tokenizer.FREQ.lm_gain(text, len(text), "导", lm._known, lm._score, {}, 5)  # past the end


def test_a_damaged_string_set_is_derived_again(tmp_path, monkeypatch):
    from doccheck.spelling.language_model import _known_set

    monkeypatch.setenv("DOCCHECK_CACHE", str(tmp_path))
    model_file = tmp_path / "zh_CN.lm"
    model_file.write_bytes(b"a stand-in: only its size and time are read")
    table = WordTable.build([("安全", 5), ("安全生产", 3), ("安", 0), ("安全生", 0)], 20)
    model = _Model({"安全", "生产"})
    first = bytes(_known_set(model, model_file, table))
    (path,) = tmp_path.glob("lm-known-*.parts")
    raw = path.read_bytes()
    for damaged in (raw[:20], raw[:-8], b"", raw[:16] + b"\xff" * (len(raw) - 16)):
        path.write_bytes(damaged)
        assert bytes(_known_set(model, model_file, table)) == first
    assert table.known_words("安全生产", first) == "安全 生产"
    with pytest.raises(ValueError):
        table.known_words("安全", b"\x00" * 24)  # not a power of two of slots


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=CHARS[:12] + "，", min_size=1, max_size=40), st.data())
def test_own_terms_are_found_alike_in_c_and_python(text, data):
    from doccheck.checks.typo import _own_terms, _own_terms_plain
    from doccheck.spelling.detector import Suspect

    suspects = []
    for _ in range(data.draw(st.integers(0, 8))):
        n = data.draw(st.integers(1, min(2, len(text))))
        i = data.draw(st.integers(0, len(text) - n))
        suggestion = data.draw(st.text(alphabet=CHARS[:12], min_size=n, max_size=n))
        suspects.append(Suspect(i, text[i:i + n], suggestion, 5.0, ()))
    assert _own_terms(text, suspects) == _own_terms_plain(text, suspects)


def test_own_terms_refuse_what_is_not_a_suspect_of_the_text():
    from doccheck.wordtable import own_terms

    assert own_terms("会议会议", [0], ["会"]) == b"\x00"
    assert own_terms("会议会议", [], []) == b""
    for starts, suggestions in (([3], ["会议"]), ([-1], ["会"]), ([0], [""]), ([0, 1], ["会"])):
        with pytest.raises(ValueError):
            own_terms("会议会议", starts, suggestions)
    with pytest.raises(TypeError):
        own_terms("会议会议", ["0"], ["会"])


def test_jiebas_whole_table_reads_as_the_python_loops_read_its_counts():
    """A table as large as jieba's takes paths of its own (the counts of single characters from an
    array, a filter of the first three characters): the same scores to the last bit as the Python
    loops over the same counts, and the same words found."""
    from pathlib import Path

    from doccheck.plugins import default_registry

    tk = default_registry().resources.get("jieba")
    table = tk.FREQ
    assert isinstance(table, WordTable) and len(table) >= 65536
    python = UnigramScorer(_Tokenizer(dict(table.items()), tk.total))
    compiled = UnigramScorer(tk)
    drafts = sorted((Path(__file__).resolve().parents[1] / "corpus").glob("*.txt"))[:6]
    text = "".join(p.read_text(encoding="utf-8") for p in drafts)
    han = [run for run in "".join(c if "\u4e00" <= c <= "\u9fff" else " " for c in text).split() if len(run) >= 7]
    assert len(han) > 50
    for run in han[:300]:
        window = run[:7]
        assert compiled.best_path(window) == python.best_path(window)
        assert compiled.gains(window, 3, 1, list(SLIPS[:12])) == python.gains(window, 3, 1, list(SLIPS[:12]))
        assert compiled.gains(window, 2, 2, ["会议", "工作"]) == python.gains(window, 2, 2, ["会议", "工作"])
    sample = text[:3000]
    found = {(s, e, n) for s, e, n in table.occurrences(sample, 0, len(sample))}
    expected = {(i, j, table.get(sample[i:j])) for i in range(len(sample))
                for j in range(i + 1, min(len(sample), i + table._table.maxlen) + 1) if table.get(sample[i:j])}
    assert found == expected


def test_character_sets_refuse_what_they_cannot_read():
    import re
    from array import array

    from doccheck._wordtable import CharSet, line_rows

    with pytest.raises(ValueError):
        CharSet("第", then=CharSet("一"), then_at=0)
    with pytest.raises(TypeError):
        CharSet("第", then="一")  # a set, not its characters
    rx = re.compile("第[一二]")
    with pytest.raises(ValueError):
        CharSet("第").matches_in(rx, "第一", b"12345", 8)  # not (start, end) pairs of int64
    # stretches past the text, or empty, are read as far as the text goes
    found = CharSet("第").matches_in(rx, "第一第二", array("q", [0, 99, 3, 1]), 8)
    assert [m.span() for m in found] == [(0, 2), (2, 4)]
    with pytest.raises(TypeError):
        line_rows(b"bytes", False)
