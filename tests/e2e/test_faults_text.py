"""Hostile text in every output (issue 13): control characters are stripped the same way
for SVG, PNG, PDF, CSV and the screen; tooltips show user text as plain text."""

from __future__ import annotations

import json
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from accountmap.cli import main
from accountmap.domain.models import Account, DecisionCentre, Stakeholder
from accountmap.domain.text import multi_line, one_line
from accountmap.storage.workspace_file import WorkspaceFile

CONTROLS = "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\x9f"
HOSTILE = f"Ив{CONTROLS}ан\u0007 <b>Bold</b> \x1b[31m"


def no_controls(text: str, allowed: str = "\n\t") -> bool:
    return not any((ord(c) < 32 and c not in allowed) or 0x7f <= ord(c) <= 0x9f for c in text)


def test_the_rules_for_one_line_and_multi_line_text():
    assert one_line("a\tb\nc\r\nd\x00e\x1bf") == "a b c de" + "f"
    assert multi_line("a\tb\r\nc\rd\x00\x07") == "a\tb\nc\nd"
    assert one_line("лишний\ud800 суррогат\uffff") == "лишний суррогат"
    assert Stakeholder(full_name=HOSTILE).full_name == "Иван <b>Bold</b> [31m"


@pytest.fixture
def hostile_workspace(tmp_path):
    """Control characters written straight into the file (an older version, another tool):
    loading strips them too."""
    path = tmp_path / "w.accountmap"
    with WorkspaceFile.open(path, create=True) as wf:
        wf.add_accounts([Account(name="Клиент", stakeholders=[
            Stakeholder(id="s1", full_name="Иван", title="Директор", decision_centre_id="d1")],
            decision_centres=[DecisionCentre(id="d1", name="Финансы")])])
        for table, key, column, value in (("stakeholders", "s1", "full_name", HOSTILE),
                                          ("stakeholders", "s1", "notes", HOSTILE + "\n2"),
                                          ("decision_centres", "d1", "name", HOSTILE)):
            wf.conn.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", (value, key))
    return path


def test_svg_of_hostile_names_is_well_formed_xml(hostile_workspace, tmp_path, capsys, qapp):
    out = tmp_path / "map.svg"
    assert main(["render", str(hostile_workspace), "--account", "Клиент", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    ET.fromstring(text.encode("utf-8"))  # ill-formed XML raises
    assert no_controls(text, "\n\t\r") and "Иван" in text
    capsys.readouterr()


def test_png_csv_and_json_carry_the_same_stripped_text(hostile_workspace, tmp_path, capsys, qapp):
    assert main(["render", str(hostile_workspace), "--account", "Клиент",
                 "-o", str(tmp_path / "map.png")]) == 0
    assert (tmp_path / "map.png").read_bytes().startswith(b"\x89PNG")
    assert main(["export", str(hostile_workspace), "-o", str(tmp_path / "x.json")]) == 0
    person = json.loads((tmp_path / "x.json").read_text())["accounts"][0]["stakeholders"][0]
    assert person["full_name"] == "Иван <b>Bold</b> [31m"
    assert person["notes"] == "Иван <b>Bold</b> [31m\n2"
    assert main(["portfolio", str(hostile_workspace), "--csv", str(tmp_path / "p.csv")]) == 0
    assert no_controls((tmp_path / "p.csv").read_text(encoding="utf-8-sig"), "\r\n")
    capsys.readouterr()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")
def test_pdf_of_hostile_names_has_no_control_characters(hostile_workspace, tmp_path, capsys):
    out = tmp_path / "plan.pdf"
    assert main(["plan", str(hostile_workspace), "--account", "Клиент", "-o", str(out)]) == 0
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "Bold" in text and no_controls(text, "\n\t\f")
    capsys.readouterr()


def show_tooltip(widget, pos):
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    QToolTip.hideText()
    event = QHelpEvent(QEvent.Type.ToolTip, pos, widget.mapToGlobal(pos) if pos else QPoint())
    QApplication.sendEvent(widget, event)
    return QToolTip.text()


def test_tooltips_show_user_text_as_plain_text(qtbot):
    from PySide6.QtCore import QPointF
    from PySide6.QtWidgets import (
        QGraphicsRectItem,
        QGraphicsScene,
        QGraphicsView,
        QLineEdit,
        QListWidget,
        QListWidgetItem,
        QToolTip,
    )

    from accountmap.app.application import make_application
    from accountmap.app.plain_tooltips import as_plain

    make_application("en")
    rich = "<b>Иван</b> <img src='x.png'>\nвторая строка"
    listing = QListWidget()
    item = QListWidgetItem("Иван")
    item.setToolTip(rich)
    listing.addItem(item)
    field = QLineEdit()
    field.setToolTip(rich)
    scene = QGraphicsScene()
    card = QGraphicsRectItem(0, 0, 100, 50)
    card.setToolTip(rich)
    scene.addItem(card)
    view = QGraphicsView(scene)
    for widget in (listing, field, view):
        qtbot.addWidget(widget)
        widget.show()
    qtbot.waitExposed(view)
    expected = as_plain(rich)
    assert "&lt;b&gt;" in expected and "<br>" in expected
    assert show_tooltip(listing.viewport(), listing.visualItemRect(item).center()) == expected
    assert show_tooltip(field, field.rect().center()) == expected
    center = view.mapFromScene(QPointF(50, 25))
    assert show_tooltip(view.viewport(), center) == expected
    QToolTip.hideText()
