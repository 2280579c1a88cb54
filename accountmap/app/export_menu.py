"""File → Export map / roadmap as an image (PNG, SVG or PDF): the same renderer as the
command line's `accountmap render` (accountmap/canvas/render.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

CONTEXT = "ExportMenu"
SUFFIXES = (".png", ".svg", ".pdf")


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def install(window, file_menu, before) -> dict:
    """Add the two export actions to `file_menu` above `before`; returns them by view."""
    actions = {
        "map": window._action(tr("Export account &map as image…"),
                              lambda: export_view(window, "map"),
                              tip=tr("The account map as PNG, SVG or PDF")),
        "roadmap": window._action(tr("Export &roadmap as image…"),
                                  lambda: export_view(window, "roadmap"),
                                  tip=tr("The whole roadmap as PNG, SVG or PDF")),
    }
    for action in actions.values():
        file_menu.insertAction(before, action)
    file_menu.insertSeparator(before)
    return actions


def update(actions: dict, window) -> None:
    for action in actions.values():
        action.setEnabled(window.document is not None and window.account_id is not None)


def export_view(window, view: str) -> Path | None:
    from accountmap.canvas.render import render_account
    from accountmap.storage.errors import WorkspaceError

    if window.document is None or window.account_id is None:
        return None
    name = window.document.account_name(window.account_id)
    stem = "".join(ch if ch.isalnum() or ch in " -_" else "_" for ch in name).strip() or "account"
    suggested = str(Path(window._dialog_dir()) / f"{stem} — {tr('map') if view == 'map' else tr('roadmap')}.png")
    filters = [tr("PNG image (*.png)"), tr("SVG drawing (*.svg)"), tr("PDF document (*.pdf)")]
    path, chosen = QFileDialog.getSaveFileName(
        window, tr("Export account map") if view == "map" else tr("Export roadmap"),
        suggested, ";;".join(filters))
    if not path:
        return None
    out = Path(path)
    if out.suffix.lower() not in SUFFIXES:
        suffix = SUFFIXES[filters.index(chosen)] if chosen in filters else ".png"
        out = out.with_name(out.name + suffix)
    try:
        render_account(window.document, window.editor, window.account_id, view, out)
    except (OSError, WorkspaceError) as exc:
        message = exc.message(window.language()) if isinstance(exc, WorkspaceError) else str(exc)
        window.show_error(tr("Could not write %1: %2").replace("%1", str(out)).replace("%2", message))
        return None
    window.statusBar().showMessage(tr("Exported to %1").replace("%1", str(out)), 8000)
    return out
