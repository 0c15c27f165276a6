"""Plugins arrive through the entry-point group, exactly as built-ins do."""

from __future__ import annotations

from importlib.metadata import entry_points

import doccheck
from doccheck.plugins import build_registry, default_registry, make_manager


def test_example_plugin_is_installed_through_the_entry_point():
    names = {ep.name for ep in entry_points(group="doccheck")}
    assert "example" in names


def test_example_plugin_rule_is_discovered_and_runs():
    reg = default_registry()
    rule = reg.rules["example.internet-slang"]
    assert rule.origin == "doccheck_example"
    result = doccheck.check_text("这项措施很给力。", select=["example"])
    assert [f.rule for f in result.findings] == ["example.internet-slang"]


def test_without_entry_points_only_builtins_remain():
    reg = build_registry(make_manager(entry_points=False))
    assert "example.internet-slang" not in reg.rules
    assert "punctuation.half-width" in reg.rules


def test_a_plugin_can_add_a_reader_and_a_format(tmp_path):
    from doccheck.formats import Format
    from doccheck.hookspecs import hookimpl
    from doccheck.readers import Reader

    class Plugin:
        @hookimpl
        def doccheck_readers(self):
            return [Reader("upper", (".up",), lambda p: doccheck.Document.from_text(p.read_text().lower(), str(p)))]

        @hookimpl
        def doccheck_formats(self):
            return [Format("count", lambda results, reg: f"{sum(len(r.findings) for r in results)}\n")]

    pm = make_manager(entry_points=False)
    pm.register(Plugin())
    reg = build_registry(pm)
    assert reg.readers[".up"].name == "upper" and "count" in reg.formats


def test_duplicate_rule_ids_are_refused():
    import pytest

    from doccheck.hookspecs import hookimpl
    from doccheck.plugins import RegistryError

    class Clash:
        @hookimpl
        def doccheck_rules(self):
            return [default_registry().rules["punctuation.half-width"]]

    pm = make_manager(entry_points=False)
    pm.register(Clash())
    with pytest.raises(RegistryError, match="规则编号重复"):
        build_registry(pm)
