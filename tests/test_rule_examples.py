"""Every rule's own examples, built-in, data pack and plugin alike, run here.
A rule without bad and good examples fails (LanguageTool/textlint-tester style)."""

from __future__ import annotations

import pytest

import doccheck
from doccheck.fixing import apply_edits, safe_edits
from example_plugin import registry_with_example_plugin

REGISTRY = registry_with_example_plugin()
RULES = list(REGISTRY.rules.values())
CASES = [(r, i, ex) for r in RULES for i, ex in enumerate(r.examples)]


def _id(case):
    r, i, ex = case
    return f"{r.id}-{'bad' if ex.bad else 'good'}{i}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_is_documented_with_examples(rule):
    assert rule.summary and rule.doc.strip(), f"{rule.id}: summary and doc are required"
    assert any(ex.bad for ex in rule.examples), f"{rule.id}: needs at least one bad example"
    assert any(not ex.bad for ex in rule.examples), f"{rule.id}: needs at least one good example"
    assert "." in rule.id and rule.id == rule.id.lower(), f"{rule.id}: ids are category.kebab-name"


@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_rule_example(case):
    rule, _, ex = case
    if ex.docx is not None:
        from doccheck.config import Config
        from doccheck.engine import check_document
        from doccheck.testing import gongwen_document

        doc = gongwen_document(**ex.docx)
        mine = [f for f in check_document(doc, Config(select=(rule.id,)), REGISTRY, strict=True) if f.rule == rule.id]
        text = doc.text
    else:
        result = doccheck.check_text(ex.text, select=[rule.id], registry=REGISTRY, strict=True)
        mine = [f for f in result.findings if f.rule == rule.id]
        text = ex.text
    if not ex.bad:
        assert not mine, f"{rule.id} false alarm on good example: {[(f.excerpt, f.message) for f in mine]}"
        return
    assert mine, f"{rule.id} missed its bad example: {ex.text!r}"
    if ex.at is not None:
        spans = [text[f.start:f.end] for f in mine]
        assert ex.at in spans, f"{rule.id}: expected a finding on {ex.at!r}, got {spans}"
    if ex.fixed is not None:
        assert apply_edits(text, safe_edits(mine)) == ex.fixed
