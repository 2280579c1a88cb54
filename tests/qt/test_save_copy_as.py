"""File › Save a copy as…: the window asks storage for the copy (no sqlite3 in the UI);
the copy opens as the same workspace, and a copy that cannot be written is one sentence."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog

from tests.qt.demo_window import window  # noqa: F401 - a fixture
from tests.snapshots import fresh_json


def test_save_a_copy_as(window, tmp_path, monkeypatch):
    target = tmp_path / "copy"  # the suffix is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    window.save_copy_as()
    copy = tmp_path / "copy.accountmap"
    assert fresh_json(copy) == fresh_json(window.document.path)
    assert str(copy) in window.statusBar().currentMessage()


def test_a_copy_that_cannot_be_written_is_one_sentence(window, tmp_path, monkeypatch):
    target = tmp_path / "no such folder" / "copy.accountmap"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    shown = []
    monkeypatch.setattr(window, "show_error", shown.append)
    window.save_copy_as()
    assert len(shown) == 1 and "copy.accountmap" in shown[0] and "Traceback" not in shown[0]
    assert not target.parent.exists()
