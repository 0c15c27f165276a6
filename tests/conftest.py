from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"


@pytest.fixture
def root() -> Path:
    return ROOT


def pytest_configure(config):
    # The detector caches what it derives from jieba's dictionary; tests keep that
    # cache out of the user's home.
    import os
    import tempfile

    os.environ.setdefault("DOCCHECK_CACHE", tempfile.mkdtemp(prefix="doccheck-test-cache-"))
