"""The window's outputs never destroy a workspace either (issue 13, class 1)."""

from __future__ import annotations

import hashlib
import shutil
from unittest import mock

from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.qt.test_print_preview import brief, context, demo_path, window  # noqa: F401 - fixtures


def test_save_as_pdf_onto_a_workspace_is_refused(brief, demo_path, tmp_path):  # noqa: F811
    disguised = tmp_path / "plan.pdf"  # a workspace, whatever its name
    shutil.copyfile(demo_path, disguised)
    before = hashlib.sha256(disguised.read_bytes()).hexdigest()
    with mock.patch.object(QFileDialog, "getSaveFileName", return_value=(str(disguised), "")), \
            mock.patch.object(QMessageBox, "warning") as warning:
        assert brief.save_as() is False
    assert "AccountMap workspace" in warning.call_args.args[2]
    assert hashlib.sha256(disguised.read_bytes()).hexdigest() == before


def test_export_json_onto_the_open_workspace_is_refused(window, demo_path):  # noqa: F811
    """The window holds the file open: Export JSON onto it used to replace it."""
    before = hashlib.sha256(demo_path.read_bytes()).hexdigest()
    with mock.patch.object(QFileDialog, "getSaveFileName", return_value=(str(demo_path), "")):
        window.export_json()
    assert "not overwritten" in window.statusBar().currentMessage()
    assert hashlib.sha256(demo_path.read_bytes()).hexdigest() == before
    assert window.document.account_ids()  # still open and working


def test_exporting_the_map_or_people_onto_the_open_workspace_is_refused(window, demo_path):  # noqa: F811
    """File > Export the map (PNG, SVG, PDF, GraphML) and the people (CSV) go through the
    same guard: the open workspace, whatever the suffix asked, is left byte-identical."""
    before = hashlib.sha256(demo_path.read_bytes()).hexdigest()
    for suffix in ("png", "svg", "pdf", "graphml"):
        link = demo_path.with_name(f"map.{suffix}")
        link.symlink_to(demo_path)  # the workspace under an output's name
        window.statusBar().clearMessage()
        assert window.file_transfer.export_view_to("map", link) is False
        assert "not overwritten" in window.statusBar().currentMessage()
    people = demo_path.with_name("people.csv")
    people.symlink_to(demo_path)
    assert window.file_transfer.export_people_to(people) is False
    assert hashlib.sha256(demo_path.read_bytes()).hexdigest() == before
    assert window.document.account_ids()  # still open and working
