"""The shape of the house: no import cycle inside doccheck (imports inside functions
count; those only under TYPE_CHECKING do not), a model that pickles, and one
Word-XML walker for reading."""

from __future__ import annotations

import ast
import pickle
from pathlib import Path

import doccheck
from doccheck.session import read_path
from doccheck.testing import gongwen_docx

SRC = Path(doccheck.__file__).parent


def _module_name(path: Path) -> str:
    rel = path.relative_to(SRC.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(node) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(path: Path, modules: set[str]) -> set[str]:
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()

    def visit(node):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for other in child.orelse:
                    visit(other)
                continue
            if isinstance(child, ast.Import):
                out.update(a.name for a in child.names if a.name in modules)
            elif isinstance(child, ast.ImportFrom):
                if child.level:
                    base = package.split(".")
                    base = base[:len(base) - child.level + 1]
                    target = ".".join(base + ([child.module] if child.module else []))
                else:
                    target = child.module or ""
                for a in child.names:
                    sub = f"{target}.{a.name}"
                    if sub in modules:
                        out.add(sub)
                    elif target in modules:
                        out.add(target)
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    out.discard(name)
    return out


def test_no_import_cycle():
    files = {_module_name(p): p for p in SRC.rglob("*.py")}
    graph = {m: _imports(p, set(files)) for m, p in files.items()}
    cycles, state = [], {}

    def dfs(m, stack):
        state[m] = 1
        stack.append(m)
        for n in sorted(graph[m]):
            if state.get(n) == 1:
                cycles.append(stack[stack.index(n):] + [n])
            elif n not in state:
                dfs(n, stack)
        stack.pop()
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            dfs(m, [])
    assert not cycles, "import cycles:\n" + "\n".join(" → ".join(c) for c in cycles)


def test_the_model_imports_nothing_of_doccheck():
    assert _imports(SRC / "model.py", {_module_name(p) for p in SRC.rglob("*.py")}) == set()


def test_only_docx_xml_walks_word_paragraphs():
    walkers = [p.name for p in SRC.rglob("*.py")
               if "def iter_paragraphs" in p.read_text(encoding="utf-8")]
    assert walkers == ["docx_xml.py"]


def test_documents_pickle(tmp_path):
    t = tmp_path / "a.txt"
    t.write_bytes("关于开会的通知\r\n各单位：\r\n经研究,决定开会。\r\n".encode("gb18030"))
    d = tmp_path / "b.docx"
    gongwen_docx(d, title_font="宋体")
    for path in (t, d):
        doc = read_path(path)
        back = pickle.loads(pickle.dumps(doc))
        assert back.text == doc.text and back.blocks == doc.blocks and back.crlf == doc.crlf
        assert back.layout == doc.layout and back.encoding == doc.encoding
        assert doccheck.check(back).findings == doccheck.check(doc).findings
