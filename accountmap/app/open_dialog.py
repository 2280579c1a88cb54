"""The File → Open dialog, readable in both languages.

Qt's own dialog (used where the desktop offers none) opens at 640x400 with its columns and
places panel at their narrowest: in Russian the places read "Ко…", the size "384…KiB", the
type "Баз…te3". This one opens wide enough for them, sizes its columns to their content,
and writes file sizes in the UI's language ("384 КБ" in Russian; Qt writes "KiB" in every
language). Where the platform gives a native dialog, that one is used as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QIdentityProxyModel, QModelIndex, QSize, Qt
from PySide6.QtWidgets import QFileDialog, QFileSystemModel, QHeaderView, QSplitter, QTreeView

from accountmap.document.interface_language import ui_language

SIZE_COLUMN = 1
_UNITS = {"ru": ("байт", "КБ", "МБ", "ГБ", "ТБ"), "en": ("bytes", "KB", "MB", "GB", "TB")}


def size_text(size: int, lang: str) -> str:
    units = _UNITS.get(lang, _UNITS["en"])
    value, unit = float(size), 0
    while value >= 1024 and unit < len(units) - 1:
        value /= 1024
        unit += 1
    if unit == 0:
        return f"{size} {units[0]}"
    number = f"{value:.0f}" if value >= 100 else f"{value:.1f}"
    return (number.replace(".", ",") if lang == "ru" else number) + " " + units[unit]


class SizesInLanguage(QIdentityProxyModel):
    """The dialog's files as Qt lists them, with the size column in the UI's language."""

    def __init__(self, lang: str, parent=None) -> None:
        super().__init__(parent)
        self.lang = lang

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if index.column() == SIZE_COLUMN and role == Qt.ItemDataRole.DisplayRole:
            source = self.sourceModel()
            if isinstance(source, QFileSystemModel):
                at = self.mapToSource(index)
                return "" if source.isDir(at) else size_text(source.size(at), self.lang)
        return super().data(index, role)


def readable(dialog: QFileDialog) -> QFileDialog:
    """Make Qt's own file dialog `dialog` wide enough for Russian (a native one is left be)."""
    dialog.setProxyModel(SizesInLanguage(ui_language(), dialog))
    dialog.resize(dialog.size().expandedTo(QSize(1000, 580)))
    splitter = dialog.findChild(QSplitter, "splitter")
    if splitter is not None:
        splitter.setSizes([190, 810])
    tree = dialog.findChild(QTreeView, "treeView")
    if tree is not None:  # name, size, type, date: room for "База данных SQLite3"
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        em = tree.fontMetrics().horizontalAdvance("М")
        for column, ems in ((1, 7), (2, 15), (3, 11)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, ems * em)
    return dialog


def open_file_name(parent, title: str, folder: str, filters: str) -> str:
    """Like QFileDialog.getOpenFileName: the chosen path, or "" when cancelled."""
    dialog = readable(QFileDialog(parent, title, folder, filters))
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return ""
    return dialog.selectedFiles()[0]
