"""The document model every reader produces: plain data that pickles.

The plain text is the paragraphs joined by ``\n``. Blocks carry their offsets
into it; for .docx each block also knows which paragraph it came from and
where each run's text lies, so findings and fixes can be placed back into the
Word file (see ``doccheck.fixing.docx``, which reopens the original bytes).
Page and paragraph formatting of a .docx is read once, by the reader, into
``Layout``. What rules derive from a Document (the parts of a 公文, document
numbers …) lives one layer up, in ``doccheck.draft``. This module imports
nothing of doccheck.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

_CRLF = re.compile("\r\n")


@dataclass(frozen=True, slots=True)
class RunSpan:
    """Where run number ``index`` of a .docx paragraph lies in the plain text."""

    start: int
    end: int
    index: int


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph (or table-cell paragraph) of the body."""

    start: int
    end: int
    kind: str = "paragraph"  # "paragraph" | "cell"
    style: str | None = None
    source_index: int | None = None  # position in the reader's paragraph order (.docx)
    runs: tuple[RunSpan, ...] = ()


class LineBlocks(Sequence):
    """The blocks of a plain text, its lines, each made when asked for from the lines' start
    offsets: a 5 M-character text has 200,000 lines, and an object per line held 30 MiB."""

    __slots__ = ("starts", "size")

    def __init__(self, starts: array, size: int):
        self.starts = starts  # offset of each line; the text is ``size`` characters
        self.size = size

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self.starts)))]
        n = len(self.starts)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError(i)
        return Block(self.starts[i], self.starts[i + 1] - 1 if i + 1 < n else self.size)

    def __eq__(self, other) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    def __reduce__(self):
        return LineBlocks, (self.starts, self.size)


@dataclass(frozen=True, slots=True)
class Part:
    """Text kept apart from the body: page headers and footers of a .docx."""

    kind: str  # "header" | "footer"
    section: int
    text: str


@dataclass(frozen=True, slots=True)
class TextEncoding:
    """How a text file was written, so that ``doccheck fix`` writes it back the same way."""

    encoding: str
    bom: bool
    newline: str


@dataclass(frozen=True)
class SectionLayout:
    index: int
    start: int  # offset in the plain text where the section begins
    page_width_mm: float | None
    page_height_mm: float | None
    top_mm: float | None
    bottom_mm: float | None
    left_mm: float | None
    right_mm: float | None
    line_pitch_pt: float | None  # w:docGrid/@w:linePitch when the grid fixes lines
    char_space_pt: float  # w:docGrid/@w:charSpace (extra pitch per character) when the grid snaps to characters
    footer_has_page_field: bool
    footer_text: str
    footer_size_pt: float | None


@dataclass(frozen=True)
class ParagraphLayout:
    block: int  # index into Document.blocks
    font: str | None  # effective East Asian font ("theme:…" when only a theme font is set)
    size_pt: float | None
    bold: bool
    color: str | None  # "RRGGBB" or None (automatic)
    alignment: str | None  # "center", "left", "right", "both", …
    line_spacing_pt: float | None  # exact/at-least spacing in points
    line_rule: str | None
    # colour of a rule drawn under or over the paragraph: a bottom/top border, or a line
    # shape anchored in it ("FF0000"; "auto" when no colour is set) — the 版头's separator line
    rule_color: str | None = None


@dataclass
class Layout:
    """Page and paragraph formatting of a .docx, as plain values (doccheck.readers.docx_layout)."""

    sections: list[SectionLayout] = field(default_factory=list)
    paragraphs: dict[int, ParagraphLayout] = field(default_factory=dict)  # by block index


@dataclass(eq=False)
class Document:
    text: str
    path: str | None = None
    format: str = "txt"
    blocks: Sequence[Block] = field(default_factory=list)  # LineBlocks for a plain text
    parts: list[Part] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the reader wants the user to know
    layout: "Layout | None" = None  # .docx formatting, read by the reader; None for text
    encoding: "TextEncoding | None" = None  # how a text file was written, to write it back alike
    # Where the body ends: a .docx's page headers, footers and footnotes follow it in ``text``
    # (blocks of kind "header"/"footer"/"footnote"), checked sentence by sentence but no part of
    # the 公文's anatomy. None: the whole text is body.
    body_end: int | None = None
    # Offsets in ``text`` of line ends that were CR LF in what was read: the text
    # counts them as one character, the source as two (see ``source_offset``).
    crlf: tuple[int, ...] = ()

    @classmethod
    def from_text(cls, text: str, path: str | None = None, format: str = "txt") -> "Document":
        crlf: tuple[int, ...] = ()
        if "\r\n" in text:
            crlf = tuple(m.start() - k for k, m in enumerate(_CRLF.finditer(text)))
            text = text.replace("\r\n", "\n")
        text = text.replace("\r", "\n")
        return cls(text=text, path=path, format=format, blocks=LineBlocks(_line_starts(text), len(text)), crlf=crlf)

    def source_offset(self, offset: int) -> int:
        """The offset in the text as read (before "\\r\\n" became "\\n") of ``offset``."""
        return offset + bisect_left(self.crlf, offset) if self.crlf else offset

    @cached_property
    def line_starts(self) -> array:
        blocks = self.blocks
        return blocks.starts if isinstance(blocks, LineBlocks) else _line_starts(self.text)

    def line_column(self, offset: int) -> tuple[int, int]:
        """1-based line and column (code points) of ``offset``."""
        line = bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    def block_at(self, offset: int) -> Block | None:
        starts = self._block_starts
        i = bisect_right(starts, offset) - 1
        if i < 0:
            return None
        return self.blocks[i]

    @cached_property
    def _block_starts(self) -> Sequence[int]:
        blocks = self.blocks
        return blocks.starts if isinstance(blocks, LineBlocks) else [b.start for b in blocks]

    def block_index(self, offset: int) -> int | None:
        i = bisect_right(self._block_starts, offset) - 1
        return i if i >= 0 else None


def _line_starts(text: str) -> array:
    """The offset of each line of ``text`` (a compact array: one per line of a long text)."""
    starts = array("q", [0])
    find = text.find
    i = find("\n")
    while i != -1:
        starts.append(i + 1)
        i = find("\n", i + 1)
    return starts
