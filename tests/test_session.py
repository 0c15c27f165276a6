"""One orchestration: the API, the CLI and the service give the same answer for the
same input — a reader error, a config, a suppression — and a process pool gives
exactly the findings of a sequential run."""

from __future__ import annotations

import json
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from starlette.testclient import TestClient

import doccheck
from doccheck.cli import main
from doccheck.service.app import ServiceConfig, create_app

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def test_check_many_in_a_process_pool_equals_the_sequential_run():
    paths = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".md", ".docx"))
    sequential = [r.to_dict() for r in doccheck.check_many(paths)]
    with ProcessPoolExecutor(max_workers=2) as pool:
        pooled = [r.to_dict() for r in doccheck.check_many(paths, map=pool.map)]
    assert pooled == sequential
    assert sum(len(r["findings"]) for r in sequential) > 50


DRAFT = ("关于召开会议的通知\n各单位：\n经研究,决定召开会议。\n"
         "<!-- doccheck-disable-next-line punctuation -->\n会议地点在三楼,请准时参加。\n")


def _cli_json(capsys, *args) -> dict:
    main(["check", "--format", "json", "--fail-on", "never", *args])
    return json.loads(capsys.readouterr().out)["files"][0]


def _service(tmp_path, **kw):
    return TestClient(create_app(ServiceConfig(**kw)), base_url="http://127.0.0.1:8787")


def test_a_suppression_and_a_config_behave_alike_in_api_cli_and_service(tmp_path, capsys):
    (tmp_path / "doccheck.toml").write_text('ignore = ["typo"]\n[severity]\n"punctuation.half-width" = "error"\n',
                                           encoding="utf-8")
    p = tmp_path / "draft.txt"
    p.write_text(DRAFT, encoding="utf-8")
    config = doccheck.load_config(p)

    api = [f.to_dict() for f in doccheck.check_path(p).findings]
    cli = _cli_json(capsys, str(p))["findings"]
    with _service(tmp_path, config=config) as c:
        svc = c.post("/api/v1/check", json={"text": DRAFT}).json()["files"][0]["findings"]
    assert api == cli == svc
    half = [f for f in api if f["rule"] == "punctuation.half-width"]
    assert len(half) == 1 and half[0]["severity"] == "error"  # the suppressed line stays quiet


def test_a_reader_error_is_the_same_in_api_cli_and_service(tmp_path, capsys):
    p = tmp_path / "broken.docx"
    p.write_bytes(b"PK\x03\x04 not really a zip")
    api = doccheck.check_path(p).error
    cli = _cli_json(capsys, str(p))["error"]
    with _service(tmp_path) as c:
        r = c.post("/api/v1/check", files={"file": ("broken.docx", p.read_bytes())})
    svc = r.json()["files"][0]["error"]
    assert api == cli == svc and "docx" in api
    with pytest.raises(doccheck.ReadError):
        doccheck.check_file(p)


def test_a_dask_cluster_gives_the_findings_of_a_local_run(capsys):
    # --dask local starts a LocalCluster on this machine: the same code path as a real scheduler's address.
    from doccheck.cli import main

    paths = [str(p) for p in sorted(CORPUS.glob("0*.txt"))]
    main(["check", *paths, "--isolated", "-f", "json", "--fail-on", "never", "-j", "1"])
    local = capsys.readouterr().out
    main(["check", *paths, "--isolated", "-f", "json", "--fail-on", "never", "--dask", "local"])
    assert capsys.readouterr().out == local
