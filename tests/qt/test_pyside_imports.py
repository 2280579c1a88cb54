"""PySide6's question "does this module use PySide?" is answered as PySide6 answers it,
without keeping every imported module's source in linecache (app/pyside_imports.py)."""

from __future__ import annotations

import json
import linecache

import pydantic

import accountmap.app.main_window
import accountmap.domain.models
from accountmap.app import pyside_imports


def test_the_answer_is_pysides_and_nothing_is_kept(qtbot):
    import PySide6.QtCore
    from shibokensupport import feature

    pyside_imports.install()
    assert feature._mod_uses_pyside is pyside_imports._uses_pyside
    linecache.clearcache()
    for module, uses in ((accountmap.app.main_window, True), (accountmap.domain.models, False),
                         (json, False), (pydantic, False), (PySide6.QtCore, False)):
        assert feature._mod_uses_pyside(module) is uses
    assert not linecache.cache  # no source kept


def test_a_source_is_read_whole_whatever_its_size(tmp_path):
    from types import ModuleType

    for size in (0, 10, 1 << 16, (1 << 20) + 3):
        for where in ("start", "end"):
            path = tmp_path / f"m{size}{where}.py"
            text = b"# x\n" * (size // 4)
            path.write_bytes(b"import PySide6\n" + text if where == "start"
                             else text + b"import PySide6\n")
            module = ModuleType("m")
            module.__file__ = str(path)
            assert pyside_imports._uses_pyside(module)
            path.write_bytes(text + b"import PySide2\n")
            assert not pyside_imports._uses_pyside(module)
    missing = ModuleType("gone")
    missing.__file__ = str(tmp_path / "gone.py")
    assert not pyside_imports._uses_pyside(missing)
