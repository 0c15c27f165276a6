"""What rules read: a Document and the analyses derived from it once.

The model (``doccheck.model``) is plain data that readers produce and that
pickles; this layer above it recognises the parts of a 公文, finds document
numbers and masks what is not prose, each once per document and on first use,
and shares them with every rule. Rules take a Draft as their ``doc``.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from .model import Document

if TYPE_CHECKING:
    from .anatomy import Anatomy
    from .stretches import Stretches


class Draft:
    """A Document seen by the rules. Reads through to the document's plain data."""

    def __init__(self, document: Document):
        self.document = document
        self.text = document.text
        self.path = document.path
        self.format = document.format
        self.blocks = document.blocks
        self.parts = document.parts
        self.layout = document.layout
        self.notes = document.notes
        # What one rule derives and another reuses for this document (e.g. the detector's suspects).
        self.memo: dict = {}

    @classmethod
    def of(cls, doc: "Document | Draft") -> "Draft":
        return doc if isinstance(doc, Draft) else cls(doc)

    @classmethod
    def from_text(cls, text: str, path: str | None = None) -> "Draft":
        return cls(Document.from_text(text, path=path))

    def line_column(self, offset: int) -> tuple[int, int]:
        return self.document.line_column(offset)

    def block_at(self, offset: int):
        return self.document.block_at(offset)

    def block_index(self, offset: int) -> int | None:
        return self.document.block_index(offset)

    @cached_property
    def digit_stretches(self) -> "Stretches":
        """The runs of lines that hold a digit: where an expression about numbers can match
        (stretches.finditer_in)."""
        from .stretches import digit_stretches

        return digit_stretches(self.text)

    @cached_property
    def anatomy(self) -> "Anatomy":
        """The parts of the 公文 (doccheck.anatomy)."""
        from .anatomy import analyse

        return analyse(self)

    @cached_property
    def doc_numbers(self) -> list:
        """Every 发文字号 in the text (doccheck.docnumber)."""
        from .docnumber import find_doc_numbers

        return list(find_doc_numbers(self.text))

    @cached_property
    def prose_mask(self):
        """URLs, e-mail addresses, file names, inline code: not prose (doccheck.chinese)."""
        from .chinese import ProseMask

        return ProseMask(self.text)
