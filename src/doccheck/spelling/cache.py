"""Caching for the detector: derived tables kept on disk per machine (like jieba's
own cache, but in the user's cache folder), and results kept per clause."""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from typing import Any, Callable

from ..resources import cache_dir


def cached_on_disk(stem: str, key_parts: tuple, derive: Callable[[], Any]) -> Any:
    """``derive()``, stored under a name from ``key_parts`` so that a change of any
    input (versions, data files, parameters) derives anew."""
    key = hashlib.sha1(repr(key_parts).encode()).hexdigest()[:16]
    folder = cache_dir()
    path = folder / f"{stem}-{key}.pickle"
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass
    data = derive()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, delete=False) as fh:
            pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(fh.name, path)
    except OSError:
        pass  # a read-only home: derive again next time
    return data


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
