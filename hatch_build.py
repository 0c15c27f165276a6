"""Builds doccheck's compiled part (src/doccheck/_wordtable.c) with setuptools' build_ext,
the standard way to compile a CPython extension, from hatchling's build hook.

The extension is optional: where no C compiler is found the build says so and doccheck runs its
Python loops instead (doccheck/wordtable.py, COMPILED), with the same findings, slower."""

from __future__ import annotations

import os
import sys
import tempfile

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

EXTENSION = "doccheck._wordtable"
SOURCE = "src/doccheck/_wordtable.c"


class CompiledPart(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name != "wheel":
            return
        editable = version == "editable"
        try:
            built = _compile(self.root, inplace=editable, build_lib=tempfile.mkdtemp(prefix="doccheck-build-"))
        except Exception as exc:  # no compiler, no headers: doccheck works without its compiled part
            print(f"doccheck: the compiled part was not built ({exc}); the Python loops are used", file=sys.stderr)
            return
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        if not editable:  # an editable install finds the module built beside its source
            build_data["force_include"][built] = "doccheck/" + os.path.basename(built)


def _compile(root: str, *, inplace: bool, build_lib: str) -> str:
    from setuptools import Distribution, Extension
    from setuptools.command.build_ext import build_ext

    ext = Extension(EXTENSION, [SOURCE], extra_compile_args=["-O2"])
    cwd = os.getcwd()
    os.chdir(root)  # setuptools resolves the source and, in place, the target from here
    try:
        dist = Distribution({"name": "doccheck-gongwen", "ext_modules": [ext], "package_dir": {"": "src"}})
        cmd = build_ext(dist)
        cmd.inplace = inplace
        cmd.build_lib = build_lib
        cmd.build_temp = os.path.join(build_lib, "temp")
        cmd.ensure_finalized()
        cmd.run()
        return os.path.abspath(cmd.get_ext_fullpath(EXTENSION))
    finally:
        os.chdir(cwd)
