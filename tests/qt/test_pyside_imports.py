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
