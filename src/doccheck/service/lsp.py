"""`doccheck lsp`: a language server over stdio (pygls), for .txt and .md drafts in any editor with
an LSP client. Diagnostics on open, change (debounced) and save; code actions from each finding's
safe fix and one that applies them all; hover with the rule's documentation; configuration from
doccheck.toml / [tool.doccheck] found upward from the file. The same session as everything else.

Positions are UTF-16 code units, as LSP counts them; doccheck counts code points inside and
converts here, at the edge.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from lsprotocol import types as T
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from .. import __version__, session
from ..config import ConfigError, load_config
from ..fixing import safe_edits
from ..plugins import default_registry

DEBOUNCE = 0.3  # seconds of quiet typing before a changed document is checked again
SEVERITY = {"error": T.DiagnosticSeverity.Error, "warning": T.DiagnosticSeverity.Warning,
            "info": T.DiagnosticSeverity.Information}
FIX_ALL = "doccheck：应用全部安全修正"

server = LanguageServer("doccheck", __version__)
_pending: dict[str, asyncio.TimerHandle] = {}
_results: dict[str, session.CheckResult] = {}


def _u16(line: str, column: int) -> int:
    """The UTF-16 offset of 1-based code-point ``column`` in ``line``."""
    return len(line[:column - 1].encode("utf-16-le")) // 2


def _position(text_lines: list[str], line: int, column: int) -> T.Position:
    return T.Position(line=line - 1, character=_u16(text_lines[line - 1] if line - 1 < len(text_lines) else "", column))


def _range(result, start: int, end: int) -> T.Range:
    doc = result.document
    lines = doc.text.split("\n")
    return T.Range(start=_position(lines, *doc.line_column(start)), end=_position(lines, *doc.line_column(end)))


def check(ls: LanguageServer, uri: str) -> None:
    text_document = ls.workspace.get_text_document(uri)
    path = to_fs_path(uri) or uri
    try:
        config = load_config(Path(path))
    except ConfigError as e:
        ls.window_show_message(T.ShowMessageParams(type=T.MessageType.Error, message=f"doccheck：{e}"))
        return
    result = session.check_text(text_document.source, config, path=path)
    _results[uri] = result
    diagnostics = []
    for f in result.findings:
        diagnostics.append(T.Diagnostic(
            range=_range(result, f.start, f.end),
            message=f.message + (f"（建议：{' / '.join(s or '（删除）' for s in f.suggestions)}）" if f.suggestions else ""),
            severity=SEVERITY[f.severity.value],
            code=f.rule,
            source="doccheck",
            related_information=[
                T.DiagnosticRelatedInformation(
                    location=T.Location(uri=uri, range=_range(result, r.start, r.end)), message=r.message)
                for r in f.related] or None,
        ))
    ls.text_document_publish_diagnostics(
        T.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=text_document.version))


@server.feature(T.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: LanguageServer, params: T.DidOpenTextDocumentParams) -> None:
    check(ls, params.text_document.uri)


@server.feature(T.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: LanguageServer, params: T.DidSaveTextDocumentParams) -> None:
    check(ls, params.text_document.uri)


@server.feature(T.TEXT_DOCUMENT_DID_CHANGE)
async def did_change(ls: LanguageServer, params: T.DidChangeTextDocumentParams) -> None:
    uri = params.text_document.uri
    if uri in _pending:
        _pending[uri].cancel()
    _pending[uri] = asyncio.get_running_loop().call_later(DEBOUNCE, check, ls, uri)


@server.feature(T.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: LanguageServer, params: T.DidCloseTextDocumentParams) -> None:
    _results.pop(params.text_document.uri, None)
    ls.text_document_publish_diagnostics(T.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))


def _edit(uri: str, result, edits) -> T.WorkspaceEdit:
    return T.WorkspaceEdit(changes={uri: [T.TextEdit(range=_range(result, e.start, e.end), new_text=e.replacement)
                                          for e in edits]})


@server.feature(T.TEXT_DOCUMENT_CODE_ACTION,
                T.CodeActionOptions(code_action_kinds=[T.CodeActionKind.QuickFix, T.CodeActionKind.SourceFixAll]))
def code_action(ls: LanguageServer, params: T.CodeActionParams) -> list[T.CodeAction]:
    uri = params.text_document.uri
    result = _results.get(uri)
    if result is None:
        return []
    wanted = params.range
    actions = []
    for f in result.findings:
        if not f.fix:
            continue
        r = _range(result, f.start, f.end)
        if (r.end.line, r.end.character) < (wanted.start.line, wanted.start.character) or \
                (r.start.line, r.start.character) > (wanted.end.line, wanted.end.character):
            continue
        actions.append(T.CodeAction(title=f"doccheck：{' / '.join(s or '删除' for s in f.suggestions)}（{f.rule}）",
                                    kind=T.CodeActionKind.QuickFix, edit=_edit(uri, result, f.fix.edits)))
    edits = safe_edits(result.findings)
    if edits:
        actions.append(T.CodeAction(title=FIX_ALL, kind=T.CodeActionKind.SourceFixAll, edit=_edit(uri, result, edits)))
    return actions


@server.feature(T.TEXT_DOCUMENT_HOVER)
def hover(ls: LanguageServer, params: T.HoverParams) -> T.Hover | None:
    result = _results.get(params.text_document.uri)
    if result is None:
        return None
    at = (params.position.line, params.position.character)
    for f in result.findings:
        r = _range(result, f.start, f.end)
        if (r.start.line, r.start.character) <= at <= (r.end.line, r.end.character):
            rule = default_registry().rules.get(f.rule)
            body = rule.documentation() if rule else f.message
            return T.Hover(contents=T.MarkupContent(kind=T.MarkupKind.PlainText, value=body), range=r)
    return None
