"""The contact import dialog and the window's file transfers, used as a person would:
File → Import contacts, a dropped file, the column choice remembered, the summary before
anything is written, one undo step; File → Export of the map, roadmap and people."""

from __future__ import annotations

from pathlib import Path
from unittest import mock

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

from accountmap.app.application import make_application
from accountmap.app.main_window import MainWindow
from accountmap.domain.contact_columns import ContactField
from accountmap.domain.models import Account, DecisionCentre
from accountmap.storage.workspace_file import WorkspaceFile
from tests.snapshots import fresh_json, memory_json

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "contacts"


@pytest.fixture
def workspace(tmp_path):
    path = tmp_path / "w.accountmap"
    centres = [DecisionCentre(name=n) for n in ("Высшее руководство", "Финансы и экономика",
                                                "ИТ и цифровизация", "Производство", "Закупки",
                                                "Безопасность")]
    with WorkspaceFile.open(path, create=True) as wf:
        wf.add_accounts([Account(name="ООО «СибГазТранс»", decision_centres=centres)])
    return path


def make_window(qtbot, workspace, lang="en"):
    make_application(lang)
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_workspace(workspace)
    window.show()
    return window


def test_import_from_the_menu_shows_a_summary_then_writes_one_undo_step(qtbot, workspace):
    window = make_window(qtbot, workspace)
    before = fresh_json(workspace)
    seen = {}

    def look(dialog):
        seen["summary"] = dialog.summary.text()
        seen["problems"] = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
        assert fresh_json(workspace) == before  # nothing written while the person reads
        dialog.import_button.click()
        return dialog.result()

    with mock.patch.object(QFileDialog, "getOpenFileName",
                           return_value=(str(FIXTURES / "amocrm_contacts.csv"), "")), \
            mock.patch.object(QDialog, "exec", look):
        window.file_transfer.act_contacts.trigger()
    assert seen["summary"].startswith("4 to add, 0 to update")
    assert seen["problems"] == []
    account = window.document.account(window.account_id)
    assert sorted(p.full_name for p in account.stakeholders) == [
        "Зайцев Павел Олегович", "Рябов Алексей Николаевич", "Смирнова Ольга", "Тарасов Игорь"]
    assert memory_json(window.document) == fresh_json(workspace)
    assert window.document.undo_stack.count() == 1
    assert "4 added" in window.statusBar().currentMessage()
    window.undo()
    assert fresh_json(workspace) == before


def test_unknown_csv_columns_are_chosen_and_remembered(qtbot, workspace, tmp_path):
    window = make_window(qtbot, workspace)
    odd = tmp_path / "export.csv"
    odd.write_text("Kontakt;Funktion;Mail\nIvan Petrov;CFO;ivan@x.ru\nOlga Orlova;CIO;olga@x.ru\n",
                   encoding="utf-8")
    dialog = window.file_transfer.import_contacts(odd, show=False)
    assert dialog.fields() == [ContactField.IGNORE, ContactField.IGNORE, ContactField.EMAIL]
    assert dialog.grid.item(1, 0).text() == "Ivan Petrov"  # the preview of the first rows
    combo = dialog.grid.cellWidget(0, 0)
    combo.setCurrentIndex(combo.findData(ContactField.FULL_NAME.value))
    combo = dialog.grid.cellWidget(0, 1)
    combo.setCurrentIndex(combo.findData(ContactField.TITLE.value))
    dialog.update_plan()
    assert dialog.counts()["added"] == 2
    dialog.run_import()
    assert dialog.result() == QDialog.DialogCode.Accepted
    people = {p.full_name: p for p in window.document.account(window.account_id).stakeholders}
    assert people["Ivan Petrov"].title == "CFO"
    centres = {c.id: c.name for c in window.document.account(window.account_id).decision_centres}
    assert centres[people["Olga Orlova"].decision_centre_id] == "ИТ и цифровизация"
    # the same header row next time: the person's choice, not the guess
    again = window.file_transfer.import_contacts(odd, show=False)
    assert again.fields()[:2] == [ContactField.FULL_NAME, ContactField.TITLE]
    assert again.counts()["same"] == 2 and not again.import_button.isEnabled()


def test_without_a_name_column_import_is_disabled(qtbot, workspace, tmp_path):
    window = make_window(qtbot, workspace)
    odd = tmp_path / "odd.csv"
    odd.write_text("Colour,Size\nred,10\n", encoding="utf-8")
    dialog = window.file_transfer.import_contacts(odd, show=False)
    assert not dialog.import_button.isEnabled()
    assert "names or e-mails" in dialog.summary.text()


def test_a_bad_file_is_one_sentence_and_no_dialog(qtbot, workspace, tmp_path):
    window = make_window(qtbot, workspace)
    bad = tmp_path / "photo.csv"
    bad.write_bytes(bytes(range(256)) * 30)
    assert window.file_transfer.import_contacts(bad, show=False) is None
    assert "not a CSV or XLSX file" in window.statusBar().currentMessage()


def drop(window, path: Path) -> None:
    """As the platform delivers a drag from a file manager: enter, then drop, on the
    window's QWindow (which routes them to the widget under the cursor)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    point = QPoint(600, 400)  # over the account's page, not the window's edge
    handle = window.windowHandle()
    enter = QDragEnterEvent(point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(handle, enter)
    assert enter.isAccepted()
    event = QDropEvent(QPointF(point), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(handle, event)


def test_dropping_a_crm_export_or_a_json_file_imports_it(qtbot, workspace, tmp_path):
    window = make_window(qtbot, workspace)
    opened = []

    def accept(dialog):
        opened.append(dialog.windowTitle())
        dialog.run_import()
        return dialog.result()

    with mock.patch.object(QDialog, "exec", accept):
        drop(window, FIXTURES / "bitrix24_contacts.csv")
    assert opened == ["Import contacts into “ООО «СибГазТранс»”"]
    assert len(window.document.account(window.account_id).stakeholders) == 5
    exported = tmp_path / "one.json"
    from accountmap.storage.exchange import document_to_json, export_document

    exported.write_text(document_to_json(export_document(window.document.file)), encoding="utf-8")
    drop(window, exported)
    assert window.accounts.count() == 2
    drop(window, tmp_path / "notes.docx")
    assert "only CSV, Excel" in window.statusBar().currentMessage()


def test_export_map_roadmap_and_people_from_the_app(qtbot, workspace, tmp_path):
    nx = pytest.importorskip("networkx")
    window = make_window(qtbot, workspace)
    window.file_transfer.import_contacts(FIXTURES / "amocrm_contacts.csv", show=False).run_import()
    out = tmp_path / "map.graphml"
    with mock.patch.object(QFileDialog, "getSaveFileName", return_value=(str(out), "")):
        window.file_transfer.act_map.trigger()
    assert nx.read_graphml(out).number_of_nodes() == 4 + 6
    png = tmp_path / "map"
    assert window.file_transfer.export_view_to("map", png, "PNG image (*.png)")
    assert (tmp_path / "map.png").read_bytes().startswith(b"\x89PNG")
    people = tmp_path / "people.csv"
    with mock.patch.object(QFileDialog, "getSaveFileName", return_value=(str(people), "")):
        window.file_transfer.act_people.trigger()
    assert "Рябов Алексей Николаевич" in people.read_text(encoding="utf-8-sig")


def test_dialog_in_russian_shows_no_english(qtbot, workspace, tmp_path):
    window = make_window(qtbot, workspace, "ru")
    dialog = window.file_transfer.import_contacts(FIXTURES / "salesforce_contacts.csv", show=False)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Загрузка контактов в «ООО «СибГазТранс»»"
    assert dialog.summary.text().startswith("Добавить: 6")
    assert any("подчиняется 0035g00000ZzZz9AAF" in dialog.problems.item(i).text()
               for i in range(dialog.problems.count()))
    assert dialog.import_button.text() == "Загрузить"
    assert dialog.grid.cellWidget(0, 4).currentText() == "Имя"
    dialog.grab().save(str(tmp_path / "dialog_ru.png"))


def test_people_go_to_the_centre_the_person_chooses(qtbot, workspace):
    window = make_window(qtbot, workspace)
    dialog = window.file_transfer.import_contacts(FIXTURES / "hubspot_contacts.csv", show=False)
    table = dialog.centre_table
    rows = {table.item(r, 0).text(): table.cellWidget(r, 1) for r in range(table.rowCount())}
    assert rows["Chief Financial Officer (1)"].currentText() == "Финансы и экономика"
    assert rows["Operations Engineer (1)"].currentText() == "Производство"
    combo = rows["Operations Engineer (1)"]
    combo.setCurrentIndex(combo.findText("ИТ и цифровизация"))
    qtbot.waitUntil(lambda: dialog.centre_table.cellWidget(0, 1) is not None and not dialog._replan.isActive())
    dialog.run_import()
    account = window.document.account(window.account_id)
    names = {c.id: c.name for c in account.decision_centres}
    erik = next(p for p in account.stakeholders if p.full_name == "Erik Lind")
    assert names[erik.decision_centre_id] == "ИТ и цифровизация"


def test_a_large_file_is_read_once_the_dialog_shows_with_a_progress_bar(qtbot, workspace, tmp_path):
    window = make_window(qtbot, workspace)
    big = tmp_path / "big.csv"
    big.write_text("Name,Email\n" + "\n".join(f"Person {i},p{i}@x.ru" for i in range(3000)),
                   encoding="utf-8")
    dialog = window.file_transfer.import_contacts(big, show=False)
    qtbot.addWidget(dialog)
    values = []
    dialog.progress.valueChanged.connect(values.append)
    assert dialog.plan is None and not dialog.import_button.isEnabled()
    dialog.show()
    qtbot.waitUntil(lambda: dialog.plan is not None)
    assert dialog.counts()["added"] == 3000
    # 3,000 new people is past the account's limit (domain/limits.py: 1,000): said in the
    # summary before anything is tried, Import stays off (the editor would refuse it)
    assert not dialog.import_button.isEnabled()
    assert "3000" in dialog.summary.text() and "1000" in dialog.summary.text()
    assert dialog.progress.format() == dialog.tr("Checked: too many people to import")  # not "ready"
    assert len(values) > 3 and values[-1] == 100  # the bar moved while reading
