"""The local service: both APIs, the security rules, concurrency."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

import pytest
from starlette.testclient import TestClient

from doccheck.cli import main
from doccheck.service.app import ServiceConfig, create_app
from doccheck.testing import gongwen_docx

DRAFT = "关于召开全市防汛工作会议的通知\n各县（市、区）人民政府, 市政府各部门：\n定于2025年4月31日召开会议。\n"


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(ServiceConfig()), base_url="http://127.0.0.1:8787") as c:
        yield c


def test_health_and_rules(client):
    assert client.get("/health").json()["status"] == "ok"
    rules = client.get("/api/v1/rules").json()["rules"]
    assert {"id", "category", "severity", "summary", "doc", "references", "origin"} <= set(rules[0])
    assert "punctuation.half-width" in {r["id"] for r in rules}


def test_native_check_equals_the_cli_json(client, tmp_path, capsys):
    r = client.post("/api/v1/check", json={"text": DRAFT})
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"  # encoded by the worker
    import io
    import sys

    sys_stdin = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(DRAFT.encode()))
    try:
        main(["check", "-", "-f", "json", "--isolated", "--fail-on", "never"])
    finally:
        sys.stdin = sys_stdin
    assert r.json() == json.loads(capsys.readouterr().out)


def test_native_check_options(client):
    r = client.post("/api/v1/check", json={"text": DRAFT, "options": {"select": ["date"]}})
    assert {f["rule"] for f in r.json()["files"][0]["findings"]} == {"date.nonexistent"}


def test_docx_upload(client):
    data = gongwen_docx(mark_color="000000")
    r = client.post("/api/v1/check", files={"file": ("通知.docx", data)})
    file = r.json()["files"][0]
    assert file["path"] == "通知.docx" and file["doctype"] == "通知"
    assert "layout.issuer-mark-red" in {f["rule"] for f in file["findings"]}
    bad = client.post("/api/v1/check", files={"file": ("x.docx", b"not a zip")})
    assert bad.status_code == 200 and "不是有效的 .docx" in bad.json()["files"][0]["error"]


@pytest.mark.parametrize("body,ctype", [
    (b"{not json", "application/json"),
    (b'{"txt": "x"}', "application/json"),
    (b'{"text": 3}', "application/json"),
    (b'{"text": "x", "options": {"select": "date"}}', "application/json"),
    ("\xff\xfe".encode("latin-1"), "application/json"),
])
def test_malformed_input_is_a_400_with_json(client, body, ctype):
    r = client.post("/api/v1/check", content=body, headers={"content-type": ctype})
    assert r.status_code == 400
    assert r.json()["error"]["status"] == 400 and "Traceback" not in r.text


def test_body_cap_413():
    with TestClient(create_app(ServiceConfig(max_body=1000)), base_url="http://127.0.0.1:8787") as c:
        r = c.post("/api/v1/check", json={"text": "字" * 2000})
        assert r.status_code == 413 and r.json()["error"]["status"] == 413
        r = c.post("/v2/check", data={"text": "字" * 2000, "language": "zh-CN"})
        assert r.status_code == 413


from test_load import SLOW as LONG  # noqa: E402  (sentences that never repeat: seconds of checking)


def test_a_check_over_its_time_is_stopped_and_the_service_goes_on():
    # A 1.3 MB draft takes seconds; with a 0.5 s limit its worker is ended (not left running),
    # /health answers meanwhile, and the next request is checked by a fresh worker.
    with TestClient(create_app(ServiceConfig(timeout=0.5, workers=2)), base_url="http://127.0.0.1:8787") as c:
        with ThreadPoolExecutor(2) as ex:
            slow = ex.submit(c.post, "/api/v1/check", json={"text": LONG})
            import time

            time.sleep(0.2)
            t = time.perf_counter()
            assert c.get("/health").status_code == 200
            assert time.perf_counter() - t < 0.5
            r = slow.result(timeout=60)
        assert r.status_code == 503 and "超时" in r.json()["error"]["message"]
        assert c.post("/api/v1/check", json={"text": DRAFT}).status_code == 200


def test_token():
    with TestClient(create_app(ServiceConfig(token="s3cret")), base_url="http://127.0.0.1:8787") as c:
        assert c.post("/api/v1/check", json={"text": DRAFT}).status_code == 401
        assert c.post("/api/v1/check", json={"text": DRAFT}, headers={"Authorization": "Bearer s3cret"}).status_code == 200
        assert c.post("/api/v1/check", json={"text": DRAFT}, headers={"X-Doccheck-Token": "s3cret"}).status_code == 200
        assert c.post("/v2/check", data={"text": DRAFT, "language": "zh-CN", "apiKey": "s3cret"}).status_code == 200
        assert c.get("/health").status_code == 200  # health stays open


def test_cors_preflight_for_allowed_origins_only():
    # LanguageTool's Word add-in fails because the preflight is answered wrongly (LT #10724).
    with TestClient(create_app(ServiceConfig(port=8787, allowed_origins=["https://addin.example"])), base_url="http://127.0.0.1:8787") as c:
        for origin in ("https://addin.example", "http://127.0.0.1:8787", "https://localhost:8787"):
            r = c.options("/api/v1/check", headers={
                "Origin": origin, "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "content-type,authorization"})
            assert r.status_code == 200, origin
            assert r.headers["access-control-allow-origin"] == origin
            assert "POST" in r.headers["access-control-allow-methods"]
            assert "authorization" in r.headers["access-control-allow-headers"].lower()
        r = c.options("/v2/check", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})
        assert r.status_code == 400 and "access-control-allow-origin" not in r.headers
        r = c.post("/api/v1/check", json={"text": DRAFT}, headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in r.headers


def test_no_document_text_in_logs(client, caplog):
    caplog.set_level("DEBUG")
    client.post("/api/v1/check", json={"text": "绝密内容不得外泄" + DRAFT})
    client.post("/v2/check", data={"text": "绝密内容不得外泄", "language": "zh-CN"})
    assert "绝密内容" not in caplog.text
    assert "/api/v1/check" in caplog.text


def test_concurrent_requests(client):
    texts = [DRAFT.replace("4月31日", f"4月{d}日") for d in range(1, 31)]

    def one(t):
        return client.post("/api/v1/check", json={"text": t}).json()["files"][0]["findings"]

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(one, texts))
    expected = [one(t) for t in texts]
    assert results == expected


# --- LanguageTool protocol ----------------------------------------------------------

def test_lt_languages(client):
    langs = client.get("/v2/languages").json()
    assert langs[0]["longCode"] == "zh-CN" and {"name", "code", "longCode"} <= set(langs[0])


def test_lt_check_shape(client):
    r = client.post("/v2/check", data={"text": DRAFT, "language": "zh-CN"})
    body = r.json()
    assert body["software"]["name"] == "doccheck" and body["language"]["code"] == "zh-CN"
    m = next(m for m in body["matches"] if m["rule"]["id"] == "punctuation.half-width")
    assert {"message", "shortMessage", "replacements", "offset", "length", "context", "sentence", "type", "rule"} <= set(m)
    assert DRAFT[m["offset"]:m["offset"] + m["length"]] in (", ", ",")
    assert m["replacements"] == [{"value": "，"}]
    assert m["context"]["text"][m["context"]["offset"]:m["context"]["offset"] + m["context"]["length"]] == \
        DRAFT[m["offset"]:m["offset"] + m["length"]]
    assert m["rule"]["category"] == {"id": "PUNCTUATION", "name": "标点符号"}


def test_lt_offsets_are_utf16_outside_the_bmp(client):
    text = "𠀀𠀁关于开会的通知\n各单位：\n经研究,决定开会。\n"  # two characters outside the BMP first
    m = next(m for m in client.post("/v2/check", data={"text": text, "language": "zh-CN"}).json()["matches"]
             if m["rule"]["id"] == "punctuation.half-width")
    utf16 = text.encode("utf-16-le")
    assert utf16[m["offset"] * 2:(m["offset"] + m["length"]) * 2].decode("utf-16-le") == ","


def test_lt_annotated_data(client):
    data = {"annotation": [{"markup": "<p>"}, {"text": "经研究"}, {"markup": "<b>"}, {"text": ","},
                           {"markup": "</b>"}, {"text": "决定开会。"}, {"markup": "</p>", "interpretAs": "\n"}]}
    body = client.post("/v2/check", data={"data": json.dumps(data, ensure_ascii=False), "language": "zh-CN"}).json()
    m = next(m for m in body["matches"] if m["rule"]["id"] == "punctuation.half-width")
    original = "<p>经研究<b>,</b>决定开会。</p>"
    assert original[m["offset"]:m["offset"] + m["length"]] == ","


def test_lt_rule_and_category_filters(client):
    def rules(**form):
        form = {"text": DRAFT, "language": "zh-CN", **form}
        return {m["rule"]["id"] for m in client.post("/v2/check", data=form).json()["matches"]}

    everything = rules()
    assert "punctuation.half-width" not in rules(disabledRules="punctuation.half-width")
    assert rules(enabledRules="date.nonexistent", enabledOnly="true") == {"date.nonexistent"}
    assert all(r.startswith("date.") for r in rules(enabledCategories="DATE", enabledOnly="true"))
    assert not any(r.startswith("date.") for r in rules(disabledCategories="DATE"))
    assert "date.nonexistent" in everything


@pytest.mark.parametrize("form", [{"language": "zh-CN"},
                                  {"data": "{broken", "language": "zh-CN"},
                                  {"text": "x", "language": "zh-CN", "enabledOnly": "true"}])
def test_lt_bad_requests(client, form):
    r = client.post("/v2/check", data=form)
    assert r.status_code == 400 and r.json()["error"]["message"]


def test_serve_refuses_remote_without_flag(capsys):
    assert main(["serve", "--host", "0.0.0.0"]) == 2
    assert "--allow-remote" in capsys.readouterr().err


def test_addin_files_are_served_and_consistent(client):
    from urllib.parse import urlparse

    from lxml import etree

    manifest = client.get("/word/manifest.xml")
    assert manifest.status_code == 200
    root = etree.fromstring(manifest.content)
    ns = {"o": "http://schemas.microsoft.com/office/appforoffice/1.1",
          "bt": "http://schemas.microsoft.com/office/officeappbasictypes/1.0"}
    source = root.find("o:DefaultSettings/o:SourceLocation", ns).get("DefaultValue")
    urls = [source] + [el.get("DefaultValue") for el in root.iter("{%s}Image" % ns["bt"], "{%s}Url" % ns["bt"])
                       if el.get("DefaultValue")]
    for url in urls:  # every page and icon the manifest names is served by doccheck serve itself
        assert client.get(urlparse(url).path).status_code == 200, url
    assert root.findtext("o:Permissions", namespaces=ns) == "ReadWriteDocument"
    assert client.get("/taskpane/index.html").status_code == 200
    for path in ("/wps/ribbon.xml", "/wps/index.html", "/wps/js/main.js", "/wps/publish.xml", "/wps/images/icon.png"):
        assert client.get(path).status_code == 200, path
    etree.fromstring(client.get("/wps/ribbon.xml").content)
    etree.fromstring(client.get("/wps/publish.xml").content)


def test_v2_offsets_count_crlf_as_the_client_sent_it(client):
    # Each "\r\n" before the finding is two UTF-16 units in the client's text, one in doccheck's.
    text = "关于召开会议的通知\r\n各单位：\r\n\r\n会议定于下午举行,请准时参加。\r\n"
    r = client.post("/v2/check", data={"text": text, "language": "zh-CN"})
    m = next(m for m in r.json()["matches"] if m["rule"]["id"] == "punctuation.half-width")
    assert text[m["offset"]:m["offset"] + m["length"]] == ","


def test_only_loopback_host_names_are_answered(client):
    # DNS rebinding: a page on evil.example resolves its own name to 127.0.0.1.
    assert client.get("/health", headers={"Host": "evil.example:8787"}).status_code == 400
    assert client.get("/health", headers={"Host": "localhost:8787"}).status_code == 200
    with TestClient(create_app(ServiceConfig(allowed_hosts=["doccheck.office.lan"])),
                    base_url="http://doccheck.office.lan") as c:
        assert c.get("/health").status_code == 200


def test_undocumented_content_types_are_refused(client):
    r = client.post("/api/v1/check", content=DRAFT.encode(), headers={"Content-Type": "text/plain"})
    assert r.status_code == 415
    r = client.post("/v2/check", content=b"text=x", headers={"Content-Type": "text/plain"})
    assert r.status_code == 415


def test_malformed_input_is_a_400_not_a_500(client):
    r = client.post("/api/v1/check", content=b'{"text": "\\ud800"}', headers={"Content-Type": "application/json"})
    assert r.status_code == 400 and "Unicode" in r.json()["error"]["message"]
    r = client.post("/api/v1/check", files={"file": ("a.docx", gongwen_docx())}, data={"options": "{not json"})
    assert r.status_code == 400 and "options" in r.json()["error"]["message"]
    r = client.post("/v2/check", content=b"--x\r\nbroken", headers={"Content-Type": "multipart/form-data; boundary=x"})
    assert r.status_code == 400


def test_the_form_limit_is_the_body_limit(client):
    text = "经研究，决定召开会议。" * 150_000  # 1.5 MB: over the multipart default of 1 MB, under 5 MB
    r = client.post("/v2/check", files={"text": (None, text), "language": (None, "zh-CN")})
    assert r.status_code == 200


def test_the_front_door_says_what_runs(client):
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "doccheck" in r.text and "/api/v1/check" in r.text and "manifest.xml" in r.text and "错别字" in r.text


def test_another_language_gets_no_matches_not_an_error(client):
    r = client.post("/v2/check", data={"text": "This is English.", "language": "en-US"})
    assert r.status_code == 200 and r.json()["matches"] == []
