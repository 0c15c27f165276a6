"""Configuration: ``doccheck.toml`` or ``[tool.doccheck]`` in ``pyproject.toml``,
found by walking upward from the checked file. One source, as zhlint and ruff do.

Keys (all optional)::

    select = ["ALL"]                 # rule ids, categories or dotted prefixes
    ignore = ["typo.variant-forms"]
    fail-on = "error"                # error | warning | never
    packs = ["office-terms.toml"]    # extra data rule packs, relative to the config file
    allow = ["张既使"]               # terms never flagged (names, local terms)

    [severity]                       # overrides by rule id or category
    "punctuation" = "error"

    [options."structure.length-limit"]
    max-chars = 3000
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .findings import Severity


class ConfigError(Exception):
    pass


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    packs: tuple[Path, ...] = ()
    allow: tuple[str, ...] = ()
    fail_on: str = "error"
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    source: Path | None = None  # the file it came from

    def with_cli(self, select=None, ignore=None, fail_on=None) -> "Config":
        return replace(
            self,
            select=tuple(select) if select else self.select,
            ignore=self.ignore + tuple(ignore or ()),
            fail_on=fail_on or self.fail_on,
        )


_FAIL_ON = {"error", "warning", "never"}


def from_mapping(data: dict, source: Path | None = None) -> Config:
    base = source.parent if source else Path.cwd()
    known = {"select", "ignore", "severity", "packs", "allow", "fail-on", "options"}
    unknown = set(data) - known
    if unknown:
        raise ConfigError(f"{source}: 未知的配置项 {', '.join(sorted(unknown))}")

    def strings(key):
        v = data.get(key, [])
        if isinstance(v, str):
            v = [v]
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
            raise ConfigError(f"{source}: {key} 应为字符串列表")
        return tuple(v)

    try:
        severity = {k: Severity(v) for k, v in data.get("severity", {}).items()}
    except ValueError as e:
        raise ConfigError(f"{source}: severity 取值应为 error、warning 或 info（{e}）") from None
    fail_on = data.get("fail-on", "error")
    if fail_on not in _FAIL_ON:
        raise ConfigError(f"{source}: fail-on 应为 error、warning 或 never")
    options = data.get("options", {})
    if not isinstance(options, dict) or not all(isinstance(v, dict) for v in options.values()):
        raise ConfigError(f"{source}: options 应为以规则编号为键的表")
    return Config(
        select=strings("select") or ("ALL",),
        ignore=strings("ignore"),
        severity=severity,
        packs=tuple((base / p).resolve() for p in strings("packs")),
        allow=strings("allow"),
        fail_on=fail_on,
        options={k: dict(v) for k, v in options.items()},
        source=source,
    )


def find_config_file(start: Path) -> Path | None:
    start = start.resolve()
    folder = start if start.is_dir() else start.parent
    for d in (folder, *folder.parents):
        candidate = d / "doccheck.toml"
        if candidate.is_file():
            return candidate
        candidate = d / "pyproject.toml"
        if candidate.is_file() and "doccheck" in _load(candidate).get("tool", {}):
            return candidate
    return None


def _load(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise ConfigError(f"{path}: 无法解析配置文件（{e}）") from None


def load_config(path: Path | None) -> Config:
    """The config in force for ``path`` (a file or folder); defaults if none."""
    if path is None:
        return Config()
    found = find_config_file(path)
    return read_config_file(found) if found is not None else Config()


def read_config_file(path: Path) -> Config:
    """A named config file: `doccheck.toml`, or `pyproject.toml` with `[tool.doccheck]`."""
    data = _load(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("doccheck", {})
    return from_mapping(data, path)
