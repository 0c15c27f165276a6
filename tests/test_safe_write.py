"""What `doccheck fix` and `annotate` promise about files: no planted link or file is
followed, mode and links survive, nothing is overwritten without saying so, and line
ends outside the fixed spans stay exactly as they were."""

from __future__ import annotations

import os
import stat

import pytest

from doccheck.cli import main
from doccheck.config import Config
from doccheck.fixing.files import FixError, fix_file

DRAFT = "关于开会的通知\n各单位：\n经研究,决定开会。\n"


def _draft(tmp_path, name="draft.txt", data=DRAFT.encode()):
    p = tmp_path / name
    p.write_bytes(data)
    return p


def test_a_planted_link_at_the_old_temporary_name_is_not_followed(tmp_path):
    src = _draft(tmp_path)
    victim = tmp_path / "victim.txt"
    victim.write_text("不能被改写", encoding="utf-8")
    # 0.1 wrote to a predictable ".NAME.doccheck-tmpSUFFIX" and followed a link planted there.
    for planted in (".draft.txt.doccheck-tmp.txt", ".draft.fixed.txt.doccheck-tmp.txt"):
        os.symlink(victim, tmp_path / planted)
    fix_file(src, Config(), in_place=True)
    assert victim.read_text(encoding="utf-8") == "不能被改写"
    assert src.read_text(encoding="utf-8") == DRAFT.replace(",", "，")


def test_temporary_file_is_removed_when_writing_fails(tmp_path, monkeypatch):
    import doccheck.fixing.files as files

    src = _draft(tmp_path)
    monkeypatch.setattr(files, "_copy_ownership", lambda like, path: (_ for _ in ()).throw(OSError("disk")))
    with pytest.raises(OSError):
        fix_file(src, Config(), in_place=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.txt"]


@pytest.mark.parametrize("mode", [0o600, 0o444, 0o640])
def test_in_place_keeps_the_mode(tmp_path, mode):
    src = _draft(tmp_path)
    os.chmod(src, mode)
    report = fix_file(src, Config(), in_place=True)
    assert stat.S_IMODE(src.stat().st_mode) == mode
    assert stat.S_IMODE(report.backup.stat().st_mode) == mode


def test_a_new_output_is_as_private_as_its_input(tmp_path):
    src = _draft(tmp_path)
    os.chmod(src, 0o600)
    report = fix_file(src, Config())
    assert stat.S_IMODE(report.out.stat().st_mode) == 0o600


def test_in_place_on_a_link_keeps_the_link(tmp_path):
    real = _draft(tmp_path, "real.txt")
    link = tmp_path / "link.txt"
    os.symlink(real, link)
    fix_file(link, Config(), in_place=True, backup=False)
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == DRAFT.replace(",", "，")


def test_a_second_in_place_keeps_the_first_backup(tmp_path):
    src = _draft(tmp_path)
    first = fix_file(src, Config(), in_place=True).backup
    src.write_text(DRAFT.replace("开会", "开大会"), encoding="utf-8")
    second = fix_file(src, Config(), in_place=True).backup
    assert first != second
    assert first.read_text(encoding="utf-8") == DRAFT
    assert "开大会" in second.read_text(encoding="utf-8")


def test_output_equal_to_input_is_refused(tmp_path, capsys):
    src = _draft(tmp_path)
    assert main(["fix", str(src), "-o", str(src), "--isolated"]) == 2
    assert "--in-place" in capsys.readouterr().err
    assert src.read_bytes() == DRAFT.encode()


def test_an_existing_output_is_not_overwritten_without_force(tmp_path, capsys):
    src = _draft(tmp_path)
    out = tmp_path / "out.txt"
    out.write_text("别人的文件", encoding="utf-8")
    assert main(["fix", str(src), "-o", str(out), "--isolated"]) == 2
    assert "--force" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "别人的文件"
    assert main(["fix", str(src), "-o", str(out), "--isolated", "--force"]) == 0
    assert out.read_text(encoding="utf-8") == DRAFT.replace(",", "，")


def test_output_without_an_extension_is_written_as_the_input_was_read(tmp_path):
    src = _draft(tmp_path)
    out = tmp_path / "fixed"
    assert main(["fix", str(src), "-o", str(out), "--isolated"]) == 0
    assert out.read_text(encoding="utf-8") == DRAFT.replace(",", "，")


@pytest.mark.parametrize("ends", [["\r\n", "\n", "\r"], ["\r", "\r", "\r"], ["\n", "\r\n", "\r\n"]])
def test_line_ends_outside_the_fixed_spans_stay_exactly(tmp_path, ends):
    lines = ["关于开会的通知", "各单位：", "经研究,决定开会,请准时参加。"]
    data = "".join(line + end for line, end in zip(lines, ends)).encode("utf-8")
    src = _draft(tmp_path, data=data)
    fix_file(src, Config(), in_place=True, backup=False)
    assert src.read_bytes() == data.replace(b",", "，".encode())
