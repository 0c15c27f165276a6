"""The plugin manager: built-ins and entry points, registered the same way."""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pluggy

from . import hookspecs
from .findings import CategoryInfo
from .packs import load_pack
from .resources import Resources
from .rule import Rule

# Built-in plugins, registered exactly like third-party ones.
BUILTINS = (
    "doccheck.categories",
    "doccheck.readers.text",
    "doccheck.readers.docx",
    "doccheck.readers.converted",
    "doccheck.formats.text",
    "doccheck.formats.json",
    "doccheck.formats.sarif",
    "doccheck.formats.github",
    "doccheck.formats.html",
    "doccheck.checks.punctuation",
    "doccheck.checks.header",
    "doccheck.checks.recipient",
    "doccheck.checks.structure",
    "doccheck.checks.dates",
    "doccheck.checks.numbers",
    "doccheck.checks.placeholder",
    "doccheck.checks.typo",
    "doccheck.checks.layout",
    "doccheck.checks.places",
    "doccheck.checks.terms",
    "doccheck.checks.laws",
    "doccheck.checks.leaders",
    "doccheck.checks.formulas",
    "doccheck.checks.consistency",
    "doccheck.spelling",
    "doccheck.gazetteer",
    "doccheck.bundled",
)

ENTRY_POINT_GROUP = "doccheck"


class RegistryError(Exception):
    pass


@dataclass
class Registry:
    rules: dict[str, Rule] = field(default_factory=dict)
    categories: dict[str, CategoryInfo] = field(default_factory=dict)
    readers: dict[str, object] = field(default_factory=dict)  # suffix -> Reader
    formats: dict[str, object] = field(default_factory=dict)  # name -> Format
    plugins: list[str] = field(default_factory=list)
    resources: Resources = field(default_factory=Resources)
    _extended: dict = field(default_factory=dict, repr=False)  # with_packs, per set of packs
    _selected: dict = field(default_factory=dict, repr=False)  # engine.select_rules and _plan, per config

    def add_rules(self, rules, origin: str | None = None) -> None:
        for r in rules:
            if not isinstance(r, Rule):
                raise RegistryError(f"{origin}: doccheck_rules 返回了非 Rule 对象 {r!r}")
            if self.categories and r.category not in self.categories:
                raise RegistryError(f"{origin}: 规则 {r.id} 的类别“{r.category}”未声明（doccheck_categories）")
            if r.id in self.rules:
                raise RegistryError(f"规则编号重复：{r.id}（{self.rules[r.id].origin} 与 {r.origin}）")
            self.rules[r.id] = r
        self._selected.clear()

    def with_packs(self, paths) -> "Registry":
        """A copy with the config's extra packs added, built once per set of packs
        (a batch of files under one config must not re-read its packs per file)."""
        if not paths:
            return self
        key = tuple(str(p) for p in paths)
        reg = self._extended.get(key)
        if reg is None:
            reg = Registry(dict(self.rules), self.categories, self.readers, self.formats, self.plugins,
                           self.resources)
            for p in paths:
                reg.add_rules(load_pack(Path(p)), str(p))
            self._extended[key] = reg
        return reg


def make_manager(entry_points: bool = True) -> pluggy.PluginManager:
    pm = pluggy.PluginManager("doccheck")
    pm.add_hookspecs(hookspecs)
    for name in BUILTINS:
        pm.register(importlib.import_module(name), name=name)
    if entry_points:
        pm.load_setuptools_entrypoints(ENTRY_POINT_GROUP)
    return pm


def build_registry(pm: pluggy.PluginManager) -> Registry:
    reg = Registry(plugins=[name for name, _ in pm.list_name_plugin()])
    # pluggy calls the last registered first; reverse so later plugins override.
    for readers in reversed(pm.hook.doccheck_readers()):
        for reader in readers:
            for suffix in reader.suffixes:
                reg.readers[suffix] = reader
    for declared in reversed(pm.hook.doccheck_categories()):
        for info in declared:
            reg.categories[info.id] = info
    for declared in reversed(pm.hook.doccheck_resources()):
        for resource in declared:
            reg.resources.declared[resource.name] = resource
    for formats in reversed(pm.hook.doccheck_formats()):
        for fmt in formats:
            reg.formats[fmt.name] = fmt
    for impl in pm.hook.doccheck_rules.get_hookimpls():
        reg.add_rules(impl.function(), impl.plugin_name)
    for impl in pm.hook.doccheck_rule_packs.get_hookimpls():
        for path in impl.function():
            reg.add_rules(load_pack(path, f"{impl.plugin_name}:{path.name}"), impl.plugin_name)
    reg.rules = dict(sorted(reg.rules.items()))
    return reg


@cache
def default_registry() -> Registry:
    return build_registry(make_manager())
