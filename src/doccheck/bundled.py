"""The rule packs that ship with doccheck, contributed through the same
``doccheck_rule_packs`` hook that third-party plugins use."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from .hookspecs import hookimpl


def bundled_rules_dir():
    """``doccheck/rules`` inside an installed wheel; the repository's top-level
    ``rules/`` when running from a source checkout (editable install)."""
    inside = resources.files("doccheck") / "rules"
    if inside.is_dir():
        return inside
    return Path(__file__).resolve().parents[2] / "rules"


@hookimpl
def doccheck_rule_packs():
    folder = bundled_rules_dir()
    return sorted((p for p in folder.iterdir() if p.name.endswith(".toml")), key=lambda p: p.name)
