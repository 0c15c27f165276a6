"""The built-in categories, declared like a plugin's (``doccheck_categories``)."""

from __future__ import annotations

from .findings import CategoryInfo
from .hookspecs import hookimpl

BUILTIN = [
    CategoryInfo("header", "版头", "style"),
    CategoryInfo("recipient", "主送机关", "style"),
    CategoryInfo("punctuation", "标点符号", "typographical"),
    CategoryInfo("typo", "错别字", "misspelling"),
    CategoryInfo("date", "日期", "inconsistency"),
    CategoryInfo("number", "数字用法", "typographical"),
    CategoryInfo("banned", "禁发内容", "style"),
    CategoryInfo("placeholder", "占位符与网页残留", "uncategorized"),
    CategoryInfo("structure", "结构", "style"),
    CategoryInfo("layout", "版式", "typographical"),
    CategoryInfo("consistency", "前后一致", "inconsistency"),
]


@hookimpl
def doccheck_categories():
    return BUILTIN
