"""Both languages everywhere: Qt's own dialogs and buttons speak the UI's language, and a
new workspace is written in it (its roadmap templates follow)."""

from __future__ import annotations

from unittest import mock

from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QMessageBox, QPushButton

from accountmap.app.application import make_application
from accountmap.app.main_window import MainWindow


def _labels(widget) -> set[str]:
    return {w.text() for w in widget.findChildren(QLabel)} | {
        b.text() for b in widget.findChildren(QPushButton)}


def test_standard_buttons_and_the_open_dialog_are_russian_in_the_russian_ui(qtbot):
    make_application("ru")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                           | QDialogButtonBox.StandardButton.Yes | QDialogButtonBox.StandardButton.No)
    qtbot.addWidget(box)
    texts = {b.text().replace("&", "") for b in box.buttons()}
    assert {"Отмена", "Да", "Нет"} <= texts
    dialog = QFileDialog(None, "Открыть")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    shown = " ".join(_labels(dialog))
    assert "Имя файла" in shown or "Имя файла:" in shown, shown
    assert "File name" not in shown and "Cancel" not in shown
    assert "Look in" not in shown and "Files of" not in shown  # gaps of qtbase_ru.qm, ours
    dialog.reject()


def test_the_english_ui_keeps_qt_in_english(qtbot):
    make_application("en")
    box = QMessageBox(QMessageBox.Icon.Question, "x", "y",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(box)
    assert {b.text().replace("&", "") for b in box.buttons()} == {"Yes", "No"}


def test_a_new_workspace_speaks_the_ui_language_and_offers_its_templates(qtbot, tmp_path):
    from accountmap.canvas.roadmap import templates_ui

    make_application("en")
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    path = tmp_path / "fresh.accountmap"
    with mock.patch.object(QFileDialog, "getSaveFileName", return_value=(str(path), "")):
        window.act_new.trigger()  # File → New
    assert window.document is not None and window.document.path == path
    assert window.document.language == "en"
    offered = templates_ui.list_templates(window.document.language)
    assert offered and all(t.language == "en" for t in offered)
    window.close()


def test_a_new_workspace_in_the_russian_ui_is_russian(qtbot, tmp_path):
    make_application("ru")
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    path = tmp_path / "новое.accountmap"
    with mock.patch.object(QFileDialog, "getSaveFileName", return_value=(str(path), "")):
        window.act_new.trigger()
    assert window.document.language == "ru"
    window.close()
