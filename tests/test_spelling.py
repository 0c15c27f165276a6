"""The character-error detector's pieces."""

from __future__ import annotations

import doccheck
from hypothesis import given, settings
from hypothesis import strategies as st

from doccheck.plugins import default_registry


def default_detector():
    return default_registry().resources.get("spelling.detector")

COMMON = "关于召开全市安全生产工作会议的通知各县区人民政府部门经研究决定请示报告函年月日号附件抄送印发议仪义机制智建设健康"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=COMMON, min_size=1, max_size=7))
def test_best_path_equals_jiebas(window):
    d = default_detector()
    assert abs(d.scorer.best_path(window) - d.scorer.jieba_best_path(window)) < 1e-9


def test_detects_a_homophone_and_leaves_clean_text_alone():
    text = "定于下周召开全市安全生产大会，全体会仪由办公室筹备。"
    (f,) = [f for f in doccheck.check_text(text).findings if f.category.value == "typo"]
    assert (text[f.start:f.end], f.suggestions[0]) == ("仪", "议")
    clean = "市政府高度重视防汛工作，各地要认真贯彻落实。"
    assert not [f for f in doccheck.check_text(clean).findings if f.category.value == "typo"]


def test_a_word_typed_by_its_sound_is_found_as_a_word():
    # 会议 typed as hui yi and the wrong word chosen: both characters differ, so no single
    # character explains it; the language model confirms the word
    text = "市正副决定召开全市安全生产工作会议，研究部署下一阶段工作。"
    (f,) = [f for f in doccheck.check_text(text).findings if f.category.value == "typo"]
    assert (text[f.start:f.end], f.suggestions[0]) == ("正副", "政府")


def test_a_character_beats_a_word_the_model_likes_less():
    text = "严格执行中央八项规定精神，坚决反对形式主议。"
    # the detector alone: typo.fixed-term knows 形式主义 as a collocation and would speak first
    (f,) = doccheck.check_text(text, select=["typo.statistical"]).findings
    assert (text[f.start:f.end], f.suggestions[0]) == ("议", "义")


def test_clause_cache_gives_the_same_answer():
    d = default_detector()
    text = "进一步优化营商环竟，加强安全生产监督管里。"
    first = list(d.detect(text))
    assert list(d.detect(text)) == first
    d.clear_cache()
    assert list(d.detect(text)) == first


def test_a_long_text_is_read_without_filling_the_clause_cache():
    from dataclasses import replace

    from doccheck.spelling.cache import CACHED_TEXT_MOST

    d = default_detector()
    d.clear_cache()
    draft = "请各单位认真组织学习，进一步完善工作机智。"
    assert list(d.detect(draft)) and d.cache._d  # a draft's clauses are kept for the re-check
    kept = dict(d.cache._d)
    line = "各街道要加强网格化管里，及时化解矛盾纠纷。\n"
    long = line * (CACHED_TEXT_MOST // len(line) + 1)
    found = list(d.detect(long))
    assert d.cache._d == kept  # the draft's are still there, and none of the long text's
    one = list(d.detect(line))
    assert found == [replace(s, index=s.index + k * len(line)) for k in range(long.count("\n")) for s in one]


def test_the_language_model_second_opinion_makes_a_warning():
    # 会仪 has a unigram gain under the warning threshold; the word trigram model, where
    # installed (make install adds it), prefers 会议 by far.
    import pytest

    import doccheck

    lm = default_registry().resources.get("language-model")
    if lm is None:
        pytest.skip("libime-data-language-model or kenlm not installed")
    text = "定于下周召开全市安全生产大会，全体会仪由办公室筹备。"
    assert lm.gain(text, 18, "议") > 5
    found = {(f.rule, f.start) for f in doccheck.check_text(text, select=["typo"]).findings}
    assert ("typo.statistical", 18) in found


def test_without_the_model_the_detector_says_so_once_and_runs(monkeypatch, caplog):
    from doccheck.spelling import language_model

    monkeypatch.setenv("DOCCHECK_LM", "/nonexistent/zh_CN.lm")
    monkeypatch.setattr(language_model, "_said_missing", False)
    assert language_model.load_language_model() is None
    assert language_model.load_language_model() is None
    assert sum("语言模型" in r.getMessage() or "kenlm" in r.getMessage() for r in caplog.records) == 1


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=COMMON, min_size=1, max_size=8), st.data())
def test_gains_reuse_the_right_part_of_the_programme_exactly(window, data):
    d = default_detector()
    n = data.draw(st.integers(1, min(2, len(window))))
    k = data.draw(st.integers(0, len(window) - n))
    reps = data.draw(st.lists(st.text(alphabet=COMMON, min_size=n, max_size=n), min_size=1, max_size=4))
    base = d.scorer.best_path(window)
    expected = [d.scorer.best_path(window[:k] + r + window[k + n:]) - base for r in reps]
    assert all(abs(a - b) < 1e-9 for a, b in zip(d.scorer.gains(window, k, n, reps), expected))


_CUT_ALPHABET = "关于召开全市安全生产工作会议的通知经研究决定请示报告年月日号人民政府组织领导" \
                "，。、（）《》 \n\tabcXYZ0123456789+#&._%-"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_CUT_ALPHABET, max_size=60))
def test_our_plain_cut_is_jiebas(text):
    # the rules cut text without jieba's HMM; the tokenizer does it itself (no jieba import at
    # check time) and must cut exactly as jieba does
    import jieba

    tk = default_registry().resources.get("jieba")
    assert tk.lcut(text, HMM=False) == jieba.lcut(text, HMM=False)


def test_every_typo_rule_runs_without_the_model():
    # the model is a system package: where it is missing, the rules decide on the word counts alone
    from doccheck.plugins import build_registry, make_manager
    from doccheck.resources import Resource

    reg = build_registry(make_manager(entry_points=False))
    reg.resources.declared["language-model"] = Resource("language-model", lambda res: None)
    text = "市正副决定召开全市安全生产工作会议，全体会仪由办公室筹备，层层压实责认。"
    found = {(f.rule, text[f.start:f.end]) for f in doccheck.check_text(text, registry=reg, strict=True).findings}
    # with no model to confirm it, the word counts' suspect is advice (info), not a warning
    assert ("typo.possible", "仪") in found and ("typo.fixed-term", "压实责认") in found


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="东靖路公大道园花小区村河湖建设管理工作安全，a", max_size=40))
def test_proper_names_are_the_expressions_spans(text):
    from doccheck.checks.typo import _PROPER_NAME, proper_name_spans

    assert proper_name_spans(text) == [m.span() for m in _PROPER_NAME.finditer(text)]
