"""What the application remembers between runs (QSettings): recent files, geometry."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

MAX_RECENT = 10


def settings() -> QSettings:
    return QSettings()


def recent_files() -> list[str]:
    value = settings().value("recentFiles", [])
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in (value or [])]


def remember_file(path: Path) -> list[str]:
    path_text = str(Path(path).resolve())
    files = [path_text] + [p for p in recent_files() if p != path_text]
    settings().setValue("recentFiles", files[:MAX_RECENT])
    return files[:MAX_RECENT]


def forget_file(path: str) -> None:
    settings().setValue("recentFiles", [p for p in recent_files() if p != path])
