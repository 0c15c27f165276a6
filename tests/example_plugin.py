"""The example plugin (plugins/doccheck-example), for tests that need a third-party plugin."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
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
