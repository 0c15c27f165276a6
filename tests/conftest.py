from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
EXAMPLE_PLUGIN = ROOT / "plugins" / "doccheck-example" / "src"


def registry_with_example_plugin():
    """The built-ins plus the example plugin, registered by the tests themselves: the
    plugin is not installed into the user's environment (its rule would fire on
    every real file after `make demo`)."""
    import importlib
    import sys

    from doccheck.plugins import build_registry, make_manager

    if str(EXAMPLE_PLUGIN) not in sys.path:
        sys.path.insert(0, str(EXAMPLE_PLUGIN))
    pm = make_manager()
    if pm.get_plugin("example") is None:
        pm.register(importlib.import_module("doccheck_example"), name="example")
    return build_registry(pm)


@pytest.fixture
def root() -> Path:
    return ROOT


def pytest_configure(config):
    # The detector caches what it derives from jieba's dictionary; tests keep that
    # cache out of the user's home.
    import os
    import tempfile

    os.environ.setdefault("DOCCHECK_CACHE", tempfile.mkdtemp(prefix="doccheck-test-cache-"))
