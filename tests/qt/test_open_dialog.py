"""File → Open reads well in Russian: Qt's own dialog opens wide enough for its Russian
words (places, type), and sizes are written in Russian ("КБ", not "KiB"); choosing a file
opens it, Cancel leaves the window as it was."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QTreeView

from accountmap.app.application import make_application
from accountmap.app.main_window import MainWindow
from accountmap.app.open_dialog import size_text
from accountmap.storage.demo import write_demo


def test_sizes_are_written_in_the_ui_language():
    assert size_text(393216, "ru") == "384 КБ"
    assert size_text(393216, "en") == "384 KB"
    assert size_text(1536, "ru") == "1,5 КБ"
    assert size_text(12, "ru") == "12 байт"
    assert size_text(5 * 1024 ** 3, "en") == "5.0 GB"


def test_file_open_in_russian_is_wide_enough_and_opens_the_file(qtbot, tmp_path):
    from accountmap.domain import clock

    make_application("ru")
    demo = tmp_path / "демо.accountmap"
    write_demo(demo, today=clock.today())
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window._dialog_dir = lambda: str(tmp_path)
    seen = {}

    def look_and_choose():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(50, look_and_choose)
            return
        try:
            look(dialog)
        finally:  # a failed look must not leave the modal dialog open
            if dialog.isVisible():
                dialog.reject()

    def look(dialog):
        tree = dialog.findChild(QTreeView, "treeView")

        def listed():
            model, root = tree.model(), tree.rootIndex()
            return [r for r in range(model.rowCount(root))
                    if model.index(r, 0, root).data() == demo.name]

        qtbot.waitUntil(lambda: bool(listed()))
        model, root = tree.model(), tree.rootIndex()
        row = listed()[0]
        seen["size"] = model.index(row, 1, root).data()
        seen["width"] = dialog.width()
        header = tree.header()
        for column in range(header.count()):
            if header.isSectionHidden(column):
                continue
            text = str(model.index(row, column, root).data() or "")
            fm = tree.fontMetrics()
            seen.setdefault("cut", [])
            if fm.horizontalAdvance(text) + 8 > header.sectionSize(column):
                seen["cut"].append((column, text, header.sectionSize(column)))
        name = dialog.findChild(QLineEdit, "fileNameEdit")  # type the name, press Enter
        name.setText(demo.name)
        QTest.keyClick(name, Qt.Key.Key_Return)

    QTimer.singleShot(50, look_and_choose)
    window.act_open.trigger()  # File → Open
    assert "КБ" in seen["size"] and "KiB" not in seen["size"]
    assert seen["width"] >= 900
    assert seen["cut"] == []  # no column of the file's row ends in "…"
    assert window.document is not None and window.document.path == demo
