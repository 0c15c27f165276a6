"""The task pane in a real headless browser (Debian's chromium, driven by
Playwright without downloading a browser) against a running `doccheck serve`,
with the fake host standing in for Word."""

from __future__ import annotations

import shutil

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


@pytest.fixture
def page(live_server):
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        page = browser.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(f"{live_server}/taskpane/index.html?host=fake")
        yield page
        assert not errors, errors
        browser.close()


def test_taskpane_lists_findings_and_applies_a_suggestion(page, tmp_path):
    page.click("#check")
    page.wait_for_selector(".finding")
    chips = {c.get_attribute("data-category"): c.inner_text() for c in page.query_selector_all("#summary .chip")}
    assert {"punctuation", "date", "typo"} <= set(chips)
    assert page.inner_text("#status").startswith("共 ")
    date = page.query_selector('.finding[data-rule="date.nonexistent"]')
    assert "4月31日" in date.inner_text()

    # apply the suggestion for the half-width comma after 经研究
    cards = page.query_selector_all('.finding[data-rule="punctuation.half-width"]')
    target = next(c for c in cards if "经研究" in c.inner_text())
    target.query_selector("button.apply").click()
    page.wait_for_function("window.fakeHost.paragraphs[2].startsWith('经研究，')")
    paragraphs = page.evaluate("window.fakeHost.paragraphs")
    assert paragraphs[2].startswith("经研究，决定于2025年4月31日")
    assert paragraphs[1] == "各县（市、区）人民政府, 市政府各部门："  # the other finding is untouched

    # select and comment go through the host too; then check again after the edit
    page.query_selector('.finding[data-rule="date.nonexistent"] button.select').click()
    page.wait_for_function("window.fakeHost.selection !== null")
    sel = page.evaluate("window.fakeHost.selection")
    assert page.evaluate(f"window.fakeHost.paragraphs[{sel['paragraph']}].slice({sel['start']}, {sel['end']})") \
        == "2025年4月31日"
    page.query_selector('.finding[data-rule="date.nonexistent"] button.comment').click()
    page.wait_for_function("window.fakeHost.comments.length === 1")
    page.click("#check")
    page.wait_for_function("document.querySelector('#check').textContent === '重新检查'")
    page.screenshot(path=str(tmp_path / "taskpane.png"), full_page=True)
