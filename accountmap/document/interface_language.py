"""The language of the interface, asked before the workspace (and the domain) is loaded:
the window shows itself without importing pydantic (docs/PERFORMANCE.md)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def ui_language() -> str:
    """The language of the interface ("ru"/"en"): the one messages are shown in. (The
    workspace's own language, `document.language`, is the default for briefings.)"""
    translator = getattr(QCoreApplication.instance(), "_accountmap_translator", None)
    return getattr(translator, "lang", "en")
