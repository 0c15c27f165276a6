"""The plugin contract. Every hook is named ``doccheck_*``.

Built-in rule sets, readers and formats register through these same hooks as
third-party plugins do (entry-point group ``doccheck``), so the two cannot
drift apart. A plugin is any module or object with ``@hookimpl`` functions.

Example — a plugin that adds one rule::

    from doccheck import hookimpl, rule, bad, good, Hit

    @rule(id="office.no-jiong", category="typo", severity="warning",
          summary="…", doc="…", examples=[bad("囧"), good("好")])
    def no_jiong(doc, ctx):
        for i, ch in enumerate(doc.text):
            if ch == "囧":
                yield Hit(i, i + 1, "不宜使用网络用语“囧”")

    @hookimpl
    def doccheck_rules():
        return [no_jiong]
"""

from __future__ import annotations

import pluggy

hookspec = pluggy.HookspecMarker("doccheck")
hookimpl = pluggy.HookimplMarker("doccheck")


@hookspec
def doccheck_rules():
    """Called once when the registry is built.

    Return a list of :class:`doccheck.rule.Rule` (usually made with the
    ``@rule`` decorator). Ids must be unique across all plugins; every rule
    must carry bad and good examples, which the test suite runs.
    """


@hookspec
def doccheck_categories():
    """Called once when the registry is built.

    Return a list of :class:`doccheck.findings.CategoryInfo`: an id (what rules
    name as their category and ``--select`` accepts), a Chinese label, and the
    LanguageTool issueType its findings carry. Every rule's category must be
    declared by some plugin. Example::

        @hookimpl
        def doccheck_categories():
            return [CategoryInfo("office", "本单位规范", "style")]
    """


@hookspec
def doccheck_rule_packs():
    """Called once when the registry is built.

    Return a list of paths (``pathlib.Path`` or importlib resources) to TOML
    rule packs; each becomes one or more rules. See ``rules/README.md``.
    """


@hookspec
def doccheck_readers():
    """Called once when the registry is built.

    Return a list of :class:`doccheck.readers.Reader`: a name, the file
    suffixes it reads, and ``read(path) -> Document``. A later plugin may
    claim a suffix an earlier one had; the last registered wins.
    """


@hookspec
def doccheck_resources():
    """Called once when the registry is built.

    Return a list of :class:`doccheck.resources.Resource`: a name, a
    ``load(resources)`` that builds the object (and may ask ``resources`` for
    others), and a summary. Nothing is loaded until a rule asks for it with
    ``ctx.resource(name)``; then it is loaded once per process. A later plugin's
    resource of the same name replaces an earlier one. Built in: ``jieba`` (the
    initialised tokenizer) and ``spelling.detector``.

    Example — a plugin that gives rules an office's own list of names::

        @hookimpl
        def doccheck_resources():
            return [Resource("office.names", lambda res: load_names("names.txt"))]
    """


@hookspec
def doccheck_formats():
    """Called once when the registry is built.

    Return a list of :class:`doccheck.formats.Format`: a name (the value of
    ``--format``) and ``render(results) -> str`` over a list of
    :class:`doccheck.session.CheckResult`.
    """
