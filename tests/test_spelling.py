"""The character-error detector's pieces."""

from __future__ import annotations

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


def test_detects_a_homophone_and_defers_to_names():
    d = default_detector()
    (s,) = list(d.detect("定于下周召开全市安全生产工作会仪。"))
    assert (s.char, s.suggestion) == ("仪", "议")
    assert not list(d.detect("市政府高度重视防汛工作，各地要认真贯彻落实。"))


def test_clause_cache_gives_the_same_answer():
    d = default_detector()
    text = "进一步优化营商环竟，加强安全生产监督管里。"
    first = list(d.detect(text))
    assert list(d.detect(text)) == first
    d.clear_cache()
    assert list(d.detect(text)) == first


def test_the_language_model_second_opinion_makes_a_warning():
    # 会仪 has a unigram gain under the warning threshold; the word trigram model, where
    # installed (make install adds it), prefers 会议 by far.
    import pytest

    import doccheck

    lm = default_registry().resources.get("language-model")
    if lm is None:
        pytest.skip("libime-data-language-model or kenlm not installed")
    assert lm.gain("定于下周召开全市安全生产工作会仪。", 15, "议") > 5
    found = {(f.rule, f.start) for f in doccheck.check_text("定于下周召开全市安全生产工作会仪。", select=["typo"]).findings}
    assert ("typo.statistical", 15) in found


def test_without_the_model_the_detector_says_so_once_and_runs(monkeypatch, caplog):
    from doccheck.spelling import language_model

    monkeypatch.setenv("DOCCHECK_LM", "/nonexistent/zh_CN.lm")
    monkeypatch.setattr(language_model, "_said_missing", False)
    assert language_model.load_language_model() is None
    assert language_model.load_language_model() is None
    assert sum("语言模型" in r.getMessage() or "kenlm" in r.getMessage() for r in caplog.records) == 1
