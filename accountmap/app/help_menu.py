"""Help: the keyboard shortcuts (read from the window's own actions, so the list is never
out of date) and a short getting-started page (ru/en), shown once on the first start and
always from the Help menu."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

CONTEXT = "HelpMenu"
HELP = Path(__file__).resolve().parents[2] / "resources" / "help"
SHOWN_KEY = "help/gettingStartedShown"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def install(window) -> dict:
    menu = window.menuBar().addMenu(tr("&Help"))
    actions = {
        "getting_started": window._action(tr("&Getting started"), lambda: show_getting_started(window),
                                          QKeySequence("F1")),
        "shortcuts": window._action(tr("&Keyboard shortcuts"), lambda: show_shortcuts(window),
                                    QKeySequence("Ctrl+F1")),
    }
    for action in actions.values():
        menu.addAction(action)
    window.help_menu = menu
    return actions


def _page(window, title: str, html: str) -> QDialog:
    dialog = QDialog(window)
    dialog.setWindowTitle(title)
    dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
    layout = QVBoxLayout(dialog)
    text = QTextBrowser()
    text.setOpenExternalLinks(False)
    text.setHtml(html)
    layout.addWidget(text)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.resize(620, 560)
    dialog.browser = text
    dialog.show()  # not modal: read it beside the window
    return dialog


def getting_started_html(lang: str) -> str:
    path = HELP / f"getting_started.{lang}.html"
    if not path.exists():
        path = HELP / "getting_started.en.html"
    return path.read_text(encoding="utf-8")


def show_getting_started(window) -> QDialog:
    return _page(window, tr("Getting started"), getting_started_html(window.language()))


def shortcut_rows(window) -> list[tuple[str, str]]:
    """(what, keys) for every action of the window and its pages that has a shortcut."""
    rows: dict[str, str] = {}
    for action in window.findChildren(QAction):
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
        keys = [k for k in keys if k]
        name = action.text().replace("&", "").rstrip("…").strip()
        if keys and name:
            rows.setdefault(name, ", ".join(dict.fromkeys(keys)))
    extra = [
        (tr("Zoom"), tr("Ctrl + mouse wheel, or pinch")),
        (tr("Pan the canvas"), tr("Space + drag, or the middle mouse button")),
        (tr("Nudge the selection"), tr("Arrow keys")),
        (tr("Connect two cards or nodes"), tr("Drag from the ⊕ handle")),
    ]
    return sorted(rows.items(), key=lambda r: r[0].casefold()) + extra


def show_shortcuts(window) -> QDialog:
    rows = "".join(f"<tr><td>{escape(what)}</td><td>&nbsp;&nbsp;<b>{escape(keys)}</b></td></tr>"
                   for what, keys in shortcut_rows(window))
    return _page(window, tr("Keyboard shortcuts"),
                 f"<h3>{escape(tr('Keyboard shortcuts'))}</h3><table>{rows}</table>")


def show_on_first_start(window) -> QDialog | None:
    """The getting-started page the first time the application starts (then never again)."""
    from accountmap.app.settings import settings

    store = settings()
    if store.value(SHOWN_KEY, False, type=bool):
        return None
    store.setValue(SHOWN_KEY, True)
    return show_getting_started(window)
