"""What counts as Chinese context, and which stretches of text are not prose
(URLs, e-mail addresses, inline code) — one place for every rule to ask."""

from __future__ import annotations

import re
from bisect import bisect_right

# CJK ideographs (basic, extensions A–G), compatibility ideographs and 〇.
_HAN = re.compile(
    r"[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]"
)
# Full-width Chinese punctuation per GB/T 15834 (and the 〔〕 of 发文字号).
ZH_PUNCT = set("，。、；：？！“”‘’（）《》〈〉【】〔〕——……·～—")


def is_han(ch: str) -> bool:
    return bool(ch) and _HAN.match(ch) is not None


def is_zh(ch: str) -> bool:
    """A Han character or a Chinese punctuation mark."""
    return bool(ch) and (ch in ZH_PUNCT or _HAN.match(ch) is not None)


# Each kind of non-prose with the substring that must be present for it to occur (or an expression
# that finds one, where the substring is common), so a text without any of them costs a few tests.
_EXTENSION = r"\.(?:docx?|xlsx?|pptx?|pdf|txt|md|zip|rar|jpg|png|wps|ofd)\b"
_FILE_EXTENSION = re.compile(_EXTENSION, re.I)
_NOT_PROSE = (
    ("://", re.compile(r"(?:https?|ftp)://[^\s\u3000，。；！？“”（）《》、]+", re.I)),
    ("www.", re.compile(r"www\.[A-Za-z0-9.-]+[^\s\u3000，。；！？“”（）《》、]*", re.I)),
    ("@", re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")),
    ("`", re.compile(r"`[^`\n]+`")),
    # "." stands in every decimal number: the extension (literal-led, so skipped to) is the test, and
    # a run of letters and digits is not tried at every one of them
    (_FILE_EXTENSION, re.compile(r"[A-Za-z0-9_-]+" + _EXTENSION, re.I)),
)


class ProseMask:
    """Spans of ``text`` that are not prose; rules ask ``inside(i)``."""

    __slots__ = ("starts", "ends")

    def __init__(self, text: str):
        spans = []
        for tell, rx in _NOT_PROSE:
            if tell in text if isinstance(tell, str) else tell.search(text):
                spans += [m.span() for m in rx.finditer(text)]
        spans.sort()
        merged: list[tuple[int, int]] = []
        for s, e in spans:
            if merged and s < merged[-1][1]:
                merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
            else:
                merged.append((s, e))
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def inside(self, i: int) -> bool:
        k = bisect_right(self.starts, i) - 1
        return k >= 0 and i < self.ends[k]


def prev_char(text: str, i: int, skip: str = " \t") -> str:
    """The nearest character before ``i`` on the same line, skipping spaces."""
    j = i - 1
    while j >= 0 and text[j] in skip:
        j -= 1
    return text[j] if j >= 0 and text[j] != "\n" else ""


def next_char(text: str, i: int, skip: str = " \t") -> str:
    j = i + 1
    n = len(text)
    while j < n and text[j] in skip:
        j += 1
    return text[j] if j < n and text[j] != "\n" else ""


# Function words of one character: next to a phrase they make another phrase (的全面领导, 和由县),
# they are no part of a name or a fixed term.
FUNCTION_CHARS = frozenset("的和与及在对是为等了把被向从以于并或之其")

# Common surnames: a person's name cannot be checked against a dictionary, and names are padded
# or spaced for alignment in rosters.
SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
             "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔"
             "向汤甄")
