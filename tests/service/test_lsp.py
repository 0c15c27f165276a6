"""`doccheck lsp` driven by a real LSP client (pygls's) over stdio: diagnostics on open and on
change, UTF-16 positions, a code action from a safe fix and one for all, hover with the rule's
documentation, and the workspace's doccheck.toml."""

from __future__ import annotations

import asyncio
import sys

import pytest
from lsprotocol import types as T
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path


async def _session(tmp_path):
    (tmp_path / "doccheck.toml").write_text('ignore = ["typo"]\n', encoding="utf-8")
    path = tmp_path / "draft.txt"
    text = "关于开会的通知\n各单位：\n𠀀经研究,决定开会。\n"  # an astral character first: UTF-16 counts it twice
    path.write_text(text, encoding="utf-8")
    uri = from_fs_path(str(path))
    client = LanguageClient("test", "1")
    published: list[T.PublishDiagnosticsParams] = []
    got = asyncio.Event()

    @client.feature(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def diagnostics(params):
        published.append(params)
        got.set()

    await client.start_io(sys.executable, "-m", "doccheck", "lsp")
    await client.initialize_async(T.InitializeParams(capabilities=T.ClientCapabilities(),
                                                    root_uri=from_fs_path(str(tmp_path))))
    client.initialized(T.InitializedParams())
    client.text_document_did_open(T.DidOpenTextDocumentParams(
        text_document=T.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=text)))
    await asyncio.wait_for(got.wait(), 60)
    first = published[-1]
    comma = next(d for d in first.diagnostics if d.code == "punctuation.half-width")
    actions = await client.text_document_code_action_async(T.CodeActionParams(
        text_document=T.TextDocumentIdentifier(uri=uri), range=comma.range,
        context=T.CodeActionContext(diagnostics=[comma])))
    hover = await client.text_document_hover_async(T.HoverParams(
        text_document=T.TextDocumentIdentifier(uri=uri), position=comma.range.start))
    got.clear()
    client.text_document_did_change(T.DidChangeTextDocumentParams(
        text_document=T.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[T.TextDocumentContentChangeWholeDocument(text=text.replace(",", "，"))]))
    await asyncio.wait_for(got.wait(), 30)
    second = published[-1]
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return first, comma, actions, hover, second


def test_language_server_over_stdio(tmp_path):
    first, comma, actions, hover, second = asyncio.run(_session(tmp_path))
    # 𠀀经研究, — the comma is the 5th code point but the 6th UTF-16 unit
    assert (comma.range.start.line, comma.range.start.character) == (2, 5)
    assert not [d for d in first.diagnostics if str(d.code).startswith("typo")]  # doccheck.toml: ignore typo
    quick = [a for a in actions if a.kind == T.CodeActionKind.QuickFix]
    assert quick and quick[0].edit.changes[next(iter(quick[0].edit.changes))][0].new_text == "，"
    assert any(a.kind == T.CodeActionKind.SourceFixAll for a in actions)
    assert "GB/T 15834-2011" in hover.contents.value
    assert not [d for d in second.diagnostics if d.code == "punctuation.half-width"]
