from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from doccheck.cli import main
from doccheck.findings import Finding

DRAFT = "关于召开全市防汛工作会议的通知\n各县（市、区）人民政府, 市政府各部门：\n请准时参加.\n"


@pytest.fixture
def draft(tmp_path):
    p = tmp_path / "draft.txt"
    p.write_text(DRAFT, encoding="utf-8")
    return p


def run(argv, capsys):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_text_output_has_excerpt_and_marker(draft, capsys):
    code, out, _ = run(["check", str(draft), "--isolated"], capsys)
    assert code == 0  # warnings only; default --fail-on error
    assert f"{draft}:2:12: warning [punctuation.half-width]" in out
    assert "    各县（市、区）人民政府, 市政府各部门：" in out
    # the marker sits under the comma: 11 wide characters before it
    assert "\n    " + " " * 22 + "^^\n" in out


def test_fail_on_warning(draft, capsys):
    code, _, _ = run(["check", str(draft), "--isolated", "--fail-on", "warning"], capsys)
    assert code == 1


def test_json_contract(draft, capsys):
    code, out, _ = run(["check", str(draft), "--format", "json", "--isolated"], capsys)
    data = json.loads(out)
    assert set(data) == {"version", "files"} and data["version"] == 1
    (file,) = data["files"]
    assert set(file) == {"path", "doctype", "error", "notes", "findings"}
    assert file["doctype"] == "通知" and file["error"] is None
    for f in file["findings"]:
        assert list(f) == list(Finding.FIELDS)
        assert Finding.from_dict(f).to_dict() == f


def test_select_and_ignore(draft, capsys):
    _, out, _ = run(["check", str(draft), "-f", "json", "--isolated", "--ignore", "punctuation"], capsys)
    assert not [f for f in json.loads(out)["files"][0]["findings"] if f["category"] == "punctuation"]
    _, out, _ = run(["check", str(draft), "-f", "json", "--isolated", "--select", "typo"], capsys)
    assert all(f["category"] == "typo" for f in json.loads(out)["files"][0]["findings"])


def test_unreadable_input_reports_and_continues(tmp_path, draft, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    corrupt = tmp_path / "corrupt.docx"
    corrupt.write_bytes(b"not a zip at all")
    missing = tmp_path / "missing.txt"
    code, out, err = run(["check", str(empty), str(corrupt), str(missing), str(draft), "-f", "json",
                          "--isolated"], capsys)
    assert code == 2
    assert f"{empty}: 文件为空" in err
    assert f"{corrupt}: 不是有效的 .docx 文件" in err
    assert f"{missing}: 文件不存在" in err
    files = {f["path"]: f for f in json.loads(out)["files"]}
    assert files[str(draft)]["findings"]  # the good file was still checked
    assert files[str(empty)]["error"] == "文件为空"


def test_unsupported_suffix(tmp_path, capsys):
    p = tmp_path / "x.pdf"
    p.write_bytes(b"%PDF-1.4")
    code, _, err = run(["check", str(p)], capsys)
    assert code == 2 and "不支持的文件类型“.pdf”" in err


def test_folder_is_walked(tmp_path, capsys):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("经研究,决定。", encoding="utf-8")
    (tmp_path / "b.md").write_text("经研究;决定。", encoding="utf-8")
    (tmp_path / "ignored.json").write_text("{}")
    _, out, _ = run(["check", str(tmp_path), "-f", "json", "--isolated"], capsys)
    paths = sorted(f["path"] for f in json.loads(out)["files"])
    assert paths == sorted([str(tmp_path / "b.md"), str(tmp_path / "sub" / "a.txt")])


def test_stdin(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("经研究,决定召开会议。".encode())))
    code, out, _ = run(["check", "-", "-f", "json", "--isolated"], capsys)
    assert json.loads(out)["files"][0]["findings"][0]["rule"] == "punctuation.half-width"


def test_github_annotations(draft, capsys):
    _, out, _ = run(["check", str(draft), "-f", "github", "--isolated"], capsys)
    line = out.splitlines()[0]
    assert line.startswith(f"::warning file={draft},line=2,col=12,endColumn=14,title=punctuation.half-width::")


def test_rules_listing_and_doc(capsys):
    code, out, _ = run(["rules"], capsys)
    assert code == 0 and "punctuation.half-width" in out and "example.internet-slang" not in out
    code, out, _ = run(["rules", "punctuation.half-width"], capsys)
    assert "GB/T 15834-2011" in out and "✗" in out and "✓" in out
    code, _, err = run(["rules", "no.such-rule"], capsys)
    assert code == 2


def test_console_script_runs_as_a_process(draft):
    proc = subprocess.run([sys.executable, "-m", "doccheck", "check", str(draft), "--isolated", "-f", "json"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["files"][0]["findings"]


def test_jobs_give_the_same_report_in_the_same_order(capsys):
    CORPUS = Path(__file__).resolve().parents[1] / "corpus"

    outs = {}
    for fmt in ("text", "json"):
        for jobs in ("1", "2"):
            main(["check", str(CORPUS), "--isolated", "--fail-on", "never", "-f", fmt, "-j", jobs])
            outs[fmt, jobs] = capsys.readouterr().out
        assert outs[fmt, "1"] == outs[fmt, "2"]
    assert outs["text", "1"].count("\n") > 100


def test_an_unknown_rule_id_is_an_error_and_a_missing_plugins_a_warning(draft, capsys):
    assert main(["check", str(draft), "--isolated", "--select", "punctuation.half-widht"]) == 2
    assert "punctuation.half-widht" in capsys.readouterr().err
    assert main(["check", str(draft), "--isolated", "--ignore", "office.titles", "--fail-on", "never"]) == 0
    assert "office.titles" in capsys.readouterr().err


def test_check_fix_diff_statistics_and_output_file(tmp_path, capsys, monkeypatch):
    p = tmp_path / "d.txt"
    p.write_text("经研究,决定召开会议。\n", encoding="utf-8")
    assert main(["check", str(p), "--isolated", "--diff"]) == 1
    out = capsys.readouterr().out
    assert "-经研究,决定" in out and "+经研究，决定" in out
    assert p.read_text(encoding="utf-8") == "经研究,决定召开会议。\n"  # --diff writes nothing
    report = tmp_path / "report.txt"
    assert main(["check", str(p), "--isolated", "--statistics", "--output-file", str(report)]) == 0
    assert capsys.readouterr().out == ""
    assert "punctuation.half-width" in report.read_text(encoding="utf-8")
    main(["check", str(p), "--isolated", "--fix"])
    assert p.read_text(encoding="utf-8") == "经研究，决定召开会议。\n"
    assert (tmp_path / "d.txt.bak").exists()


def test_many_findings_of_one_rule_are_one_line_unless_show_all(tmp_path, capsys, monkeypatch):
    p = tmp_path / "d.txt"
    p.write_text("经研究,决定召开会议,请准时参加。\n" * 12, encoding="utf-8")
    main(["check", str(p), "--isolated", "--fail-on", "never", "--color", "always"])
    out = capsys.readouterr().out
    assert out.count("[punctuation.half-width]") == 1 and "共 24 处" in out and "\x1b[33m" in out
    monkeypatch.setenv("NO_COLOR", "1")
    main(["check", str(p), "--isolated", "--fail-on", "never", "--show-all"])
    out = capsys.readouterr().out
    assert out.count("[punctuation.half-width]") == 24 and "\x1b[" not in out


def test_a_baseline_reports_only_new_findings(tmp_path, capsys):
    p = tmp_path / "d.txt"
    p.write_text("经研究,决定召开会议。\n", encoding="utf-8")
    base = tmp_path / "baseline.json"
    main(["check", str(p), "--isolated", "--write-baseline", str(base), "--fail-on", "never"])
    capsys.readouterr()
    assert main(["check", str(p), "--isolated", "--baseline", str(base)]) == 0
    assert "[punctuation.half-width]" not in capsys.readouterr().out
    p.write_text("新增一行,用于测试。\n经研究,决定召开会议。\n", encoding="utf-8")  # the old finding moved a line down
    main(["check", str(p), "--isolated", "--baseline", str(base), "--fail-on", "never"])
    out = capsys.readouterr().out
    assert out.count("[punctuation.half-width]") == 1 and "新增一行" in out


def test_an_unreadable_file_is_counted_in_the_summary(tmp_path, capsys):
    good = tmp_path / "a.txt"
    good.write_text("经研究，决定召开会议。\n", encoding="utf-8")
    bad = tmp_path / "b.docx"
    bad.write_bytes(b"not a zip")
    assert main(["check", str(good), str(bad), "--isolated"]) == 2
    assert "1 个文件无法读取" in capsys.readouterr().out


def test_every_flag_of_every_subcommand_has_help():
    import argparse

    from doccheck.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, p in sub.choices.items():
        for action in p._actions:
            if not isinstance(action, argparse._HelpAction):
                assert action.help, f"doccheck {name} {action.option_strings or action.dest}: no help text"


def test_check_asks_glibc_to_return_freed_big_blocks(monkeypatch):
    import ctypes
    import sys

    from doccheck import cli

    calls = []

    class Libc:
        def mallopt(self, option, value):
            calls.append((option, value))
            return 1

    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(ctypes, "CDLL", lambda name: Libc())
    cli._return_freed_memory()
    assert calls == [(-3, 128 * 1024)]  # M_MMAP_THRESHOLD, fixed at glibc's default

    class Musl:  # no mallopt: nothing to do
        pass

    monkeypatch.setattr(ctypes, "CDLL", lambda name: Musl())
    cli._return_freed_memory()
    assert calls == [(-3, 128 * 1024)]
