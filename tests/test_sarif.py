"""SARIF 2.1.0 output. The full OASIS schema is validated when a copy is at
hand (DOCCHECK_SARIF_SCHEMA, or shared/schemas/ beside the checkout): the
developers may not commit a copy taken from a public repository. The
structural test below always runs and covers what GitHub code scanning reads."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from doccheck.cli import main

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_CANDIDATES = [
    os.environ.get("DOCCHECK_SARIF_SCHEMA", ""),
    str(ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"),
]


def sarif_for(tmp_path, capsys) -> dict:
    p = tmp_path / "d.txt"
    p.write_text("关于开会的通知\n各单位:\n经研究,决定召开会议。要融汇贯通。\n", encoding="utf-8")
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"nope")
    main(["check", str(p), str(bad), "-f", "sarif", "--isolated"])
    return json.loads(capsys.readouterr().out)


def test_sarif_structure(tmp_path, capsys):
    log = sarif_for(tmp_path, capsys)
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "doccheck"
    ids = [r["id"] for r in driver["rules"]]
    assert ids == sorted(set(ids))
    assert run["results"]
    for res in run["results"]:
        assert driver["rules"][res["ruleIndex"]]["id"] == res["ruleId"]
        assert res["level"] in {"error", "warning", "note"}
        assert res["message"]["text"]
        region = res["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert (region["endLine"], region["endColumn"]) >= (region["startLine"], region["startColumn"])
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert "bad.docx" in notes[0]["message"]["text"]


def test_sarif_validates_against_the_schema(tmp_path, capsys):
    schema_path = next((Path(p) for p in SCHEMA_CANDIDATES if p and Path(p).is_file()), None)
    if schema_path is None:
        pytest.skip("SARIF 2.1.0 schema not available offline (see module docstring)")
    import jsonschema

    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    jsonschema.validate(sarif_for(tmp_path, capsys), schema)
