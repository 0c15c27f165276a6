"""Shared resources: heavy things many rules read (jieba's dictionary, the
statistical detector's tables; a language model or a gazetteer a plugin adds).

A resource is declared once, through the ``doccheck_resources`` hook, and loaded
lazily, once per process, on the first ``ctx.resource(name)`` of a rule — so a
pool's worker loads it once, and ``preload`` lets a pool initializer load it
before the workers fork. A later plugin's resource of the same name replaces an
earlier one (a bigger dictionary, a different model).
"""

from __future__ import annotations

import marshal
import os
import pickle
import sys
import tempfile
import threading
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable


@dataclass(frozen=True, slots=True)
class Resource:
    """``load(resources)`` builds the object; it may ask ``resources`` for others."""

    name: str
    load: Callable[["Resources"], Any]
    summary: str = ""


class ResourceError(Exception):
    """A resource is not declared, or could not be loaded; the message says which."""


class Resources:
    def __init__(self, declared: dict[str, Resource] | None = None):
        self.declared: dict[str, Resource] = dict(declared or {})
        self._loaded: dict[str, Any] = {}
        self._lock = threading.RLock()

    def get(self, name: str) -> Any:
        try:
            return self._loaded[name]
        except KeyError:
            pass
        with self._lock:
            if name not in self._loaded:
                resource = self.declared.get(name)
                if resource is None:
                    raise ResourceError(f"未声明的资源：{name}")
                self._loaded[name] = resource.load(self)
            return self._loaded[name]

    def preload(self, names=None) -> None:
        for name in names or self.declared:
            self.get(name)

    def loaded(self, name: str) -> bool:
        return name in self._loaded


def cache_dir() -> Path:
    """The user's cache folder for derived data (DOCCHECK_CACHE, else XDG_CACHE_HOME, else
    ~/.cache), never a folder shared between users such as /tmp."""
    base = os.environ.get("DOCCHECK_CACHE")
    if base:
        return Path(base)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "doccheck"


def digest(data: bytes) -> str:
    """16 hex digits that change with ``data``, to name a cache file: CRC-32 and Adler-32, two
    checksums of different kinds (zlib's). Not hashlib: importing it loads OpenSSL's libcrypto, 3.4 MiB
    of every process's memory and 2.4 ms of its start, for a name."""
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


def cached_on_disk(stem: str, key_parts: tuple, derive: Callable[[], Any], codec=pickle,
                   then: Callable[[Any], Any] | None = None) -> Any:
    """``derive()``, stored under a name from ``key_parts`` so that a change of any
    input (versions, data files, parameters) derives anew. ``codec`` is pickle, or marshal for
    plain dicts, tuples and strings (several times faster to load; its format is tied to the
    Python version, which the key then holds), or a codec with ``load_path`` that maps the file
    rather than reading it and ``key_parts`` its format depends on (doccheck.wordtable). With
    ``then``, what is loaded or derived is passed through it, and a ValueError it raises for what
    was loaded (a damaged file) derives anew."""
    finish = then or (lambda data: data)
    if codec is marshal:
        key_parts = key_parts + (sys.version_info[:2],)
    key_parts = key_parts + getattr(codec, "key_parts", ())
    key = digest(repr(key_parts).encode())
    folder = cache_dir()
    path = folder / f"{stem}-{key}.{codec.__name__}"
    load_path = getattr(codec, "load_path", None)
    try:
        if load_path is not None:
            return finish(load_path(path))
        with open(path, "rb") as fh:
            return finish(codec.loads(fh.read()))  # marshal.load reads a file in small pieces: 5 times slower
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError):
        pass
    data = derive()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, delete=False) as fh:
            if codec is pickle:
                pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
            else:
                codec.dump(data, fh)
        os.replace(fh.name, path)
    except OSError:
        pass  # a read-only home: derive again next time
    return finish(data)


def data_rows(name: str) -> list[list[str]]:
    """The rows of one of doccheck's data files (src/doccheck/data): lines that are not empty and not
    comments (#), split at tabs."""
    from importlib import resources as package

    text = (package.files("doccheck") / "data" / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
