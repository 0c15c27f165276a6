"""Document: the one model every reader produces and every rule reads.

The plain text is the paragraphs joined by ``\\n``. Blocks carry their offsets
into it; for .docx each block also knows which paragraph it came from and
where each run's text lies, so findings and fixes can be placed back into the
Word file (see ``doccheck.fixing.docx``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .anatomy import Anatomy

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


@dataclass(frozen=True, slots=True)
class Part:
    """Text kept apart from the body: page headers and footers of a .docx."""

    kind: str  # "header" | "footer"
    section: int
    text: str


@dataclass(eq=False)
class Document:
    text: str
    path: str | None = None
    format: str = "txt"
    blocks: list[Block] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the reader wants the user to know
    source: Any = None  # reader-specific handle (the python-docx Document for .docx)
    # Offsets in ``text`` of line ends that were "\r\n" in what was read: the text
    # counts them as one character, the source as two (see ``source_offset``).
    crlf: tuple[int, ...] = ()

    @classmethod
    def from_text(cls, text: str, path: str | None = None, format: str = "txt") -> "Document":
        crlf: tuple[int, ...] = ()
        if "\r\n" in text:
            crlf = tuple(m.start() - k for k, m in enumerate(_CRLF.finditer(text)))
            text = text.replace("\r\n", "\n")
        text = text.replace("\r", "\n")
        blocks, pos = [], 0
        for line in text.split("\n"):
            blocks.append(Block(pos, pos + len(line)))
            pos += len(line) + 1
        return cls(text=text, path=path, format=format, blocks=blocks, crlf=crlf)

    def source_offset(self, offset: int) -> int:
        """The offset in the text as read (before "\r\n" became "\n") of ``offset``."""
        return offset + bisect_left(self.crlf, offset) if self.crlf else offset

    @cached_property
    def line_starts(self) -> list[int]:
        starts = [0]
        find = self.text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        return starts

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
    def _block_starts(self) -> list[int]:
        return [b.start for b in self.blocks]

    @cached_property
    def prose_mask(self):
        """URLs, e-mail addresses, file names, inline code: not prose (see doccheck.chinese)."""
        from .chinese import ProseMask

        return ProseMask(self.text)

    @cached_property
    def doc_numbers(self) -> list:
        """Every 发文字号 in the text (doccheck.docnumber), found once."""
        from .docnumber import find_doc_numbers

        return list(find_doc_numbers(self.text))

    @cached_property
    def layout(self):
        """Page and paragraph formatting of a .docx (doccheck.readers.docx_layout); None for text."""
        if self.format != "docx":
            return None
        from .readers.docx_layout import read_layout

        return read_layout(self)

    def block_index(self, offset: int) -> int | None:
        i = bisect_right(self._block_starts, offset) - 1
        return i if i >= 0 else None

    @cached_property
    def anatomy(self) -> "Anatomy":
        """The parts of the 公文, recognised once and shared by every rule."""
        from .anatomy import analyse

        return analyse(self)
