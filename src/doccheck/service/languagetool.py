"""LanguageTool's HTTP protocol (/v2/check, /v2/languages), so that LibreOffice,
LTeX, browser extensions and Obsidian can use doccheck's rules unchanged.

Input is `text`, or `data` (LanguageTool's annotated text: markup is skipped,
or read as its `interpretAs`); offsets in the answer are UTF-16 code units of
the submitted document, markup included, as LanguageTool reports them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from .. import __version__
from ..findings import CategoryInfo, Finding
from ..offsets import Utf16Map

LANGUAGES = [
    {"name": "Chinese (official documents, doccheck)", "code": "zh", "longCode": "zh-CN"},
]


class ProtocolError(ValueError):
    pass


@dataclass
class AnnotatedText:
    """Plain text for checking, and where each of its characters sits in the
    original submission (so offsets can be given back in the client's terms)."""

    plain: str
    original: str
    origin: list[int]  # origin[i] = offset in `original` of plain[i]; origin[len(plain)] = end

    @classmethod
    def from_text(cls, text: str) -> "AnnotatedText":
        return cls(text, text, list(range(len(text) + 1)))

    @classmethod
    def from_data(cls, data: str) -> "AnnotatedText":
        try:
            parts = json.loads(data)["annotation"]
        except (ValueError, KeyError, TypeError):
            raise ProtocolError("data 应为 JSON：{\"annotation\": [{\"text\": …}, {\"markup\": …}]}") from None
        plain, original, origin = [], [], []
        pos = 0
        for part in parts:
            if not isinstance(part, dict):
                raise ProtocolError("annotation 的每一项应为对象")
            if "text" in part:
                t = str(part["text"])
                plain.append(t)
                origin.extend(range(pos, pos + len(t)))
                original.append(t)
                pos += len(t)
            elif "markup" in part:
                m = str(part["markup"])
                as_ = str(part.get("interpretAs", ""))
                plain.append(as_)
                origin.extend([pos] * len(as_))
                original.append(m)
                pos += len(m)
            else:
                raise ProtocolError("annotation 的每一项应有 text 或 markup")
        origin.append(pos)
        return cls("".join(plain), "".join(original), origin)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    stops = "。！？；\n"
    s = max(text.rfind(c, 0, start) for c in stops) + 1
    e_candidates = [text.find(c, end) for c in stops]
    e = min([x + 1 for x in e_candidates if x != -1] or [len(text)])
    return s, e


def to_matches(doc_text: AnnotatedText, findings: list[Finding], registry, source_offset=None) -> list[dict]:
    """``source_offset`` maps an offset of the checked Document back into ``doc_text.plain``
    (the Document counts a "\r\n" as one character; the client counted two)."""
    plain, original = doc_text.plain, doc_text.original
    u16 = Utf16Map(original)
    to_plain = source_offset or (lambda i: i)
    matches = []
    for f in findings:
        p_start, p_end = to_plain(f.start), to_plain(f.end)
        o_start = doc_text.origin[p_start]
        o_end = doc_text.origin[p_end - 1] + 1 if p_end > p_start else o_start  # markup after the span stays out
        offset, end = u16(o_start), u16(o_end)
        ctx_start = max(0, o_start - 40)
        ctx_end = min(len(original), o_end + 40)
        ctx_u16 = Utf16Map(original[ctx_start:ctx_end])
        s, e = sentence_bounds(plain, p_start, p_end)
        rule = registry.rules.get(f.rule)
        info = registry.categories.get(f.category) or CategoryInfo(f.category, f.category)
        matches.append({
            "message": f.message,
            "shortMessage": rule.summary if rule else "",
            "replacements": [{"value": r} for r in f.suggestions],
            "offset": offset,
            "length": end - offset,
            "context": {
                "text": original[ctx_start:ctx_end],
                "offset": ctx_u16(o_start - ctx_start),
                "length": end - offset,
            },
            "sentence": plain[s:e].strip(),
            "type": {"typeName": "Other"},
            "rule": {
                "id": f.rule,
                "description": rule.summary if rule else f.rule,
                "issueType": info.issue_type,
                "category": {"id": f.category.value.upper(), "name": info.label},
            },
            "ignoreForIncompleteSentence": False,
            "contextForSureMatch": 0,
        })
    return matches


def response(matches: list[dict], language: str) -> dict:
    return {
        "software": {"name": "doccheck", "version": __version__, "buildDate": "", "apiVersion": 1,
                     "premium": False, "status": ""},
        "warnings": {"incompleteResults": False},
        "language": {
            "name": LANGUAGES[0]["name"], "code": "zh-CN",
            "detectedLanguage": {"name": LANGUAGES[0]["name"], "code": "zh-CN", "confidence": 1.0},
        },
        "matches": matches,
    }


def split_list(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]
