"""File → Export the map / the roadmap as PNG, SVG or PDF (app/file_transfer.py, which
also writes GraphML), through the same renderer as `accountmap render`."""

from __future__ import annotations

from unittest import mock

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog

from accountmap.app.application import make_application
from accountmap.app.main_window import MainWindow
from accountmap.storage.workspace_file import WorkspaceFile
from tests.samples.roadmap import sample_account


@pytest.fixture
def window(tmp_path, qtbot):
    make_application("en")
    path = tmp_path / "w.accountmap"
    with WorkspaceFile.open(path, create=True) as wf:
        wf.add_accounts([sample_account()])
    w = MainWindow()
    qtbot.addWidget(w)
    w.open_workspace(path)
    w.show()
    return w


def export(window, view, answer):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    transfer = window.file_transfer
    action = transfer.act_map if view == "map" else transfer.act_roadmap
    assert action in menu.actions() and action.isEnabled()
    with mock.patch.object(QFileDialog, "getSaveFileName", return_value=answer):
        action.trigger()


def test_export_the_map_and_the_road_as_png_svg_pdf(window, tmp_path):
    png = tmp_path / "map.png"
    export(window, "map", (str(png), "PNG image (*.png)"))
    image = QImage(str(png))
    assert not image.isNull() and image.width() > 300
    svg = tmp_path / "road"  # no suffix: the chosen filter's
    export(window, "roadmap", (str(svg), "SVG drawing (*.svg)"))
    text = (tmp_path / "road.svg").read_text(encoding="utf-8")
    assert "<svg" in text
    pdf = tmp_path / "road.pdf"
    export(window, "roadmap", (str(pdf), "PDF document (*.pdf)"))
    assert pdf.read_bytes()[:4] == b"%PDF"
    assert str(pdf) in window.statusBar().currentMessage()


def test_export_into_a_missing_folder_says_so_without_a_traceback(window, tmp_path):
    with mock.patch("accountmap.app.main_window._interactive", return_value=False):
        export(window, "map", (str(tmp_path / "nope" / "map.png"), "PNG image (*.png)"))
    # the output guard's one sentence: which file, and that its folder is missing
    message = window.statusBar().currentMessage()
    assert "map.png" in message and "does not exist" in message
