"""Messages cite what a user can look up: the full name of the standard or regulation and the
clause, given by the engine from the code or short name a rule writes."""

from __future__ import annotations

import re
from pathlib import Path

import doccheck
from doccheck.citations import cite

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def test_codes_and_short_names_become_full_names():
    assert cite("标题末尾不加标点（GB/T 9704-2012 §7.3.1）", ()) == "标题末尾不加标点（GB/T 9704-2012《党政机关公文格式》§7.3.1）"
    assert cite("不得抄送下级机关（条例 第十五条（一））", ()) == "不得抄送下级机关（《党政机关公文处理工作条例》第十五条（一））"
    assert cite("汉字之间有多余的空格", ("GB/T 15834-2011 §4.13（连接号）",)) == \
        "汉字之间有多余的空格（GB/T 15834-2011《标点符号用法》）"
    assert cite("疑为错别字", ("《现代汉语词典》（第7版）",)) == "疑为错别字"


def test_no_message_on_the_corpus_cites_a_bare_code_or_short_name():
    for path in sorted(CORPUS.glob("*.txt")):
        for f in doccheck.check_path(path, doccheck.Config()).findings:
            assert not re.search(r"GB/T \d+-\d{4}(?!《)\s*§", f.message), f.message
            assert not re.search(r"[（；]条例\s*第", f.message), f.message
