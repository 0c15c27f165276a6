"""Caching for the detector: results kept per clause (derived tables are kept on disk by
``doccheck.resources.cached_on_disk``)."""

from __future__ import annotations


class ClauseCache:
    """Results per clause: a draft checked again after an edit (the add-ins'
    重新检查) only pays for the clauses that changed. Bounded; cleared when full."""

    def __init__(self, size: int = 20000):
        self.size = size
        self._d: dict[str, tuple] = {}

    def get(self, clause: str):
        return self._d.get(clause)

    def put(self, clause: str, found: tuple) -> None:
        if len(self._d) >= self.size:
            self._d.clear()
        self._d[clause] = found

    def clear(self) -> None:
        self._d.clear()


class _Forgetful(ClauseCache):
    """Remembers nothing: for a text too long to be worth remembering."""

    def get(self, clause: str):
        return None

    def put(self, clause: str, found: tuple) -> None:
        pass


FORGETFUL = _Forgetful(0)
# Clauses of a longer text are not remembered: such a text is not checked again after an edit, and
# its clauses would fill the cache (megabytes held while it is read) and clear the drafts' clauses.
CACHED_TEXT_MOST = 100_000
