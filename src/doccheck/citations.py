"""Citations in messages, in one place: a message names a standard or regulation by its code or
short name and clause; the engine gives the user the full name they can look up
(GB/T 9704-2012《党政机关公文格式》§7.3.5.1, 《党政机关公文处理工作条例》第十五条), and, for a
message that cites nothing, the standard its rule rests on."""

from __future__ import annotations

import re
from functools import lru_cache

TITLES = {
    "GB/T 9704-2012": "《党政机关公文格式》",
    "GB/T 15834-2011": "《标点符号用法》",
    "GB/T 15835-2011": "《出版物上数字用法》",
    "GB/T 2260": "《中华人民共和国行政区划代码》",
}
_CODES = re.compile("(" + "|".join(re.escape(c) for c in TITLES) + r")(?!《) ?")
_SHORT = [
    (re.compile(r"(?<![》\w])条例\s*(?=第[一二三四五六七八九十]+条)"), "《党政机关公文处理工作条例》"),
    (re.compile(r"办法2000\s*"), "《国家行政机关公文处理办法》（2000）"),
]
_CITES = re.compile(r"GB/T|《[^》]*(?:条例|办法)》|条例\s*第|办法2000")


def expand(text: str) -> str:
    """The full names of the standards and regulations ``text`` cites, each at its first mention."""
    seen: set[str] = set()

    def title(m: re.Match) -> str:
        code = m.group(1)
        if code in seen:
            return m.group()
        seen.add(code)
        return code + TITLES[code]

    text = _CODES.sub(title, text)
    for rx, full in _SHORT:
        text = rx.sub(full, text)
    return text


def cite(message: str, references: tuple[str, ...]) -> str:
    """``message`` with its citations in full; one that cites nothing gets the standard or
    regulation its rule's first reference names (without a clause, which may be another's)."""
    if _CITES.search(message):
        return _expanded(message)
    return message + _named_by(tuple(references[:1]))


# Both remembered: a rule's messages and references are few, and every finding's message is cited
@lru_cache(maxsize=1024)
def _expanded(message: str) -> str:
    return expand(message)


@lru_cache(maxsize=1024)
def _named_by(references: tuple[str, ...]) -> str:
    """What a message that cites nothing gets from its rule's first reference: （code and title）, or nothing."""
    for ref in references:
        code = next((c for c in TITLES if ref.startswith(c)), None)
        if code:
            return f"（{code}{TITLES[code]}）"
        m = re.match(r"(《[^》]*(?:条例|办法)》(?:（\d{4}）)?)", ref)
        if m:
            return f"（{m.group(1)}）"
    return ""
