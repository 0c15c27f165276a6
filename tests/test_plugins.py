"""Plugins arrive through the entry-point group, exactly as built-ins do."""

from __future__ import annotations

from importlib.metadata import entry_points

import doccheck
from doccheck.plugins import build_registry, default_registry, make_manager


def _install_metadata(folder, monkeypatch):
    """Make the example plugin an installed distribution for this test only: its
    metadata with the entry point, as pip would write it, on sys.path."""
    from example_plugin import EXAMPLE_PLUGIN

    info = folder / "doccheck_example-0.1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: doccheck-example\nVersion: 0.1.0\n")
    (info / "entry_points.txt").write_text("[doccheck]\nexample = doccheck_example\n")
    monkeypatch.syspath_prepend(str(EXAMPLE_PLUGIN))
    monkeypatch.syspath_prepend(str(folder))


def test_an_installed_plugin_is_discovered_through_the_entry_point(tmp_path, monkeypatch):
    _install_metadata(tmp_path, monkeypatch)
    assert "example" in {ep.name for ep in entry_points(group="doccheck")}
    reg = build_registry(make_manager())
    assert reg.rules["example.internet-slang"].origin == "doccheck_example"
    result = doccheck.check_text("这项措施很给力。", select=["example"], registry=reg)
    assert [f.rule for f in result.findings] == ["example.internet-slang"]


def test_nothing_the_user_did_not_install_runs():
    # `make install` installs doccheck alone: the example plugin's rule is not there.
    assert "example" not in {ep.name for ep in entry_points(group="doccheck")}
    assert not [r for r in default_registry().rules if r.startswith("example.")]


def test_a_plugin_supplies_a_resource_loaded_once_and_lazily():
    from doccheck.hookspecs import hookimpl
    from doccheck.resources import Resource

    loads = []

    @doccheck.rule(id="office.names", category="typo", severity="warning", summary="s", doc="d",
                   examples=[doccheck.bad("甲"), doccheck.good("乙")])
    def names(doc, ctx):
        for name in ctx.resource("office.names"):
            i = doc.text.find(name)
            if i >= 0:
                yield doccheck.Hit(i, i + len(name), f"提到了{name}")

    class Plugin:
        @hookimpl
        def doccheck_rules(self):
            return [names]

        @hookimpl
        def doccheck_resources(self):
            return [Resource("office.names", lambda res: loads.append(1) or ("甲",))]

    pm = make_manager(entry_points=False)
    pm.register(Plugin())
    reg = build_registry(pm)
    assert not loads  # declared, not loaded
    for text in ("甲乙", "乙甲", "丙"):
        doccheck.check_text(text, select=["office"], registry=reg)
    assert loads == [1]
    assert [f.rule for f in doccheck.check_text("甲", select=["office"], registry=reg).findings] == ["office.names"]
    assert not reg.resources.loaded("spelling.detector")  # the typo rules did not run


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


def test_a_plugin_declares_a_category_and_the_service_lists_its_label():
    from starlette.testclient import TestClient

    from doccheck.findings import CategoryInfo
    from doccheck.hookspecs import hookimpl
    from doccheck.plugins import RegistryError

    @doccheck.rule(id="office.titles", category="office", severity="info", summary="s", doc="d",
                   examples=[doccheck.bad("甲"), doccheck.good("乙")])
    def titles(doc, ctx):
        return []

    class Rules:
        @hookimpl
        def doccheck_rules(self):
            return [titles]

    class Categories:
        @hookimpl
        def doccheck_categories(self):
            return [CategoryInfo("office", "本单位规范", "style")]

    pm = make_manager(entry_points=False)
    pm.register(Rules())
    import pytest
    with pytest.raises(RegistryError, match="未声明"):
        build_registry(pm)
    pm.register(Categories())
    reg = build_registry(pm)
    assert reg.categories["office"].label == "本单位规范"

    import doccheck.service.app as app_module
    from doccheck.service.app import ServiceConfig, create_app

    original = app_module.default_registry
    app_module.default_registry = lambda: reg
    try:
        with TestClient(create_app(ServiceConfig()), base_url="http://127.0.0.1:8787") as c:
            cats = {x["id"]: x["label"] for x in c.get("/api/v1/rules").json()["categories"]}
    finally:
        app_module.default_registry = original
    assert cats["office"] == "本单位规范" and cats["typo"] == "错别字"
