"""The HTML report in a real headless browser (Debian's chromium through Playwright, no browser
download): findings highlighted in the text, filters that hide and show them, no console errors.
The screenshot is saved beside the report for a person to look at."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from doccheck.cli import main

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def test_html_report_in_chromium(tmp_path):
    report = tmp_path / "report.html"
    assert main(["check", str(CORPUS / "49-notice-inconsistent.txt"), str(CORPUS / "02-request-two-recipients.txt"),
                 "--isolated", "-f", "html", "--output-file", str(report), "--fail-on", "never"]) == 0
    html = report.read_text(encoding="utf-8")
    assert "<script src" not in html and "<link" not in html  # self-contained
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                     args=["--no-sandbox", "--disable-gpu", "--no-first-run"])
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(report.as_uri())
        marks = page.query_selector_all("mark")
        findings = page.query_selector_all("li.finding")
        assert len(marks) >= 5 and len(findings) >= len(marks)
        assert page.query_selector('li[data-rule="consistency.total"]') is not None
        shown = int(page.inner_text("#shown"))
        page.uncheck('input[data-kind="category"][value="consistency"]')
        assert int(page.inner_text("#shown")) == shown - 3
        assert page.query_selector('li[data-rule="consistency.total"]').is_hidden()
        page.check('input[data-kind="category"][value="consistency"]')
        assert int(page.inner_text("#shown")) == shown
        page.screenshot(path=str(tmp_path / "report.png"), full_page=False)
        browser.close()
    assert not errors, errors
    assert (tmp_path / "report.png").stat().st_size > 10_000
