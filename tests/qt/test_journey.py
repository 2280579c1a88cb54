"""The journey page and the meetings page, driven through their widgets: every change is
one undo step, undo/redo restore the exact file, and a fresh load shows the same."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QPlainTextEdit

from accountmap.document.context import AccountContext
from accountmap.document.editor import Editor
from accountmap.document.workspace_document import WorkspaceDocument
from accountmap.domain.journey import assigned_stations, lost_assignments
from tests.qt.journey_data import TODAY, write_workspace
from tests.snapshots import fresh_json, memory_json


@pytest.fixture
def setup(tmp_path, qtbot):
    from accountmap.app.application import make_application

    make_application("ru")  # the interface in Russian: labels and signs are checked in Russian
    path = tmp_path / "journey.accountmap"
    account_id = write_workspace(path, people=12)
    doc = WorkspaceDocument.open(path)
    context = AccountContext(doc, Editor(doc), account_id)
    yield doc, context, path
    doc.close()


def ok(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def check_undo_redo(doc, path, before: str, steps: int = 1) -> None:
    """Undo `steps` restores `before` exactly (file and memory); redo restores the after."""
    after = fresh_json(path)
    assert memory_json(doc) == after
    for _ in range(steps):
        doc.undo_stack.undo()
    assert fresh_json(path) == before and memory_json(doc) == before
    for _ in range(steps):
        doc.undo_stack.redo()
    assert fresh_json(path) == after and memory_json(doc) == after


def reopened_json(doc, path) -> str:
    expected = memory_json(doc)
    doc.close()
    again = WorkspaceDocument.open(path)
    try:
        assert memory_json(again) == expected
        return expected
    finally:
        again.close()


def journey_page(context, qtbot):
    from accountmap.panels.journey_page import JourneyPage

    page = JourneyPage(context)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    assert QTest.qWaitForWindowExposed(page)
    return page


def test_clicking_the_strip_moves_the_account_and_logs_the_move(setup, qtbot):
    doc, context, path = setup
    page = journey_page(context, qtbot)
    strip = page.strip
    before = fresh_json(path)
    count = doc.undo_stack.count()
    framework = doc.settings.journey_framework
    target = framework.index("comparison")
    QTest.mouseClick(strip, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     strip.segment_rect(target).center().toPoint())
    dialog = strip.dialog
    assert dialog is not None and dialog.station.currentData() == "comparison"
    assert "предложения" in dialog.signs.text()  # the station's signs are shown
    dialog.temperature.setCurrentIndex(dialog.temperature.findData("hot"))
    dialog.reason.setText("Запросили КП у трёх поставщиков")
    dialog.evidence.setPlainText("Письмо закупок от 20.11")
    ok(dialog)
    account = context.account
    assert account.journey_stage == "comparison" and account.temperature == "hot"
    event = account.journey_history[-1]
    assert (event.journey_stage, event.temperature, event.reason, event.date) == (
        "comparison", "hot", "Запросили КП у трёх поставщиков", TODAY)
    assert doc.undo_stack.count() == count + 1  # one step for both rows
    page.tabs.setCurrentWidget(page.history_box)  # a hidden tab updates when shown
    assert page.history.rowCount() == 3 and page.history.item(0, 3).text().startswith("Запросили")
    check_undo_redo(doc, path, before)
    # a wrong entry can be deleted from the history (one step), the station stays
    page.tabs.setCurrentWidget(page.history_box)
    page.history.selectRow(0)
    page.delete_history_button.click()
    assert len(context.account.journey_history) == 2
    assert context.account.journey_stage == "comparison"
    doc.undo_stack.undo()
    assert len(context.account.journey_history) == 3
    # clicking the temperature badge opens the same dialog at the current station
    QTest.mouseClick(strip, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     strip.badge_rect().center().toPoint())
    assert strip.dialog.station.currentData() == "comparison"
    strip.dialog.reject()
    assert reopened_json(doc, path).count("Запросили КП у трёх поставщиков") == 1


def test_a_person_moves_on_the_station_lineup_and_laggards_are_marked(setup, qtbot):
    doc, context, path = setup
    page = journey_page(context, qtbot)
    lineup = page.lineup
    laggard = next(pid for pid, chip in lineup.chips.items() if chip.text().startswith("↓"))
    assert context.account.stakeholder(laggard).journey_stage == "awareness"
    before = fresh_json(path)
    action = next(a for a in lineup.chips[laggard].station_actions() if a.data() == "study")
    action.trigger()
    assert context.account.stakeholder(laggard).journey_stage == "study"
    assert not lineup.chips[laggard].text().startswith("↓")
    assert lineup.chips[laggard].column() is lineup.columns["study"]
    check_undo_redo(doc, path, before)
    # dropping a chip on another station's column moves the person too (one step)
    from PySide6.QtCore import QMimeData, QPointF
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    from accountmap.panels.station_lineup import PERSON_MIME

    count = doc.undo_stack.count()
    column = lineup.columns["action"]
    mime = QMimeData()
    mime.setData(PERSON_MIME, laggard.encode())
    centre = column.rect().center()
    enter = QDragEnterEvent(centre, Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(column, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(centre), Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(column, drop)
    assert context.account.stakeholder(laggard).journey_stage == "action"
    assert doc.undo_stack.count() == count + 1
    assert lineup.chips[laggard].text().startswith("↑")  # now ahead of the group
    reopened_json(doc, path)


def test_lineup_chips_are_painted_not_widgets_and_answer_mouse_keyboard_and_hover(setup, qtbot):
    """A chip is painted by its column's stack (a widget each cost ~15 KB at 1,000 people);
    it still has its tooltip, its menu on a click or from the keyboard, and its drag."""
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip, QWidget

    from accountmap.domain.models import Stakeholder

    doc, context, path = setup
    page = journey_page(context, qtbot)
    lineup = page.lineup
    widgets = len(lineup.findChildren(QWidget))
    for i in range(5):
        context.editor.add(context.account_id, "stakeholders",
                           Stakeholder(full_name=f"Новый {i}"))
    assert len(lineup.chips) == 17
    assert len(lineup.findChildren(QWidget)) == widgets  # more people, no more widgets
    stack = lineup.columns["study"].stack
    first, second = stack.chips[:2]
    assert first.rect().bottom() < second.rect().top()
    assert stack.chip_at(second.rect().center()) is second
    # the tooltip of the chip under the mouse, as plain text (a name is never rendered)
    context.editor.update(context.account_id, "stakeholders", second.person_id,
                          "rename", full_name="<b>Жирнов</b> Иван")
    help_event = QHelpEvent(QEvent.Type.ToolTip, second.rect().center(),
                            stack.mapToGlobal(second.rect().center()))
    QApplication.sendEvent(stack, help_event)
    assert second.toolTip().split("\n")[0] == "<b>Жирнов</b> Иван"
    assert QToolTip.text().startswith("<qt>&lt;b&gt;Жирнов&lt;/b&gt; Иван<br>")
    QToolTip.hideText()
    # keyboard: Tab from outside lands on the first chip, Tab again on the next, Space opens
    # its menu; Tab after the last chip leaves the column
    stack.setFocus(Qt.FocusReason.TabFocusReason)
    assert stack.hasFocus()
    QTest.keyClick(stack, Qt.Key.Key_Tab)
    assert stack.hasFocus()
    assert stack.accessibleName() == second.text().replace("\n", " ")  # said by a reader
    QTest.keyClick(stack, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: second.has_menu() and second.menu().isVisible())
    assert not first.has_menu()
    second.menu().close()
    QTest.keyClick(stack, Qt.Key.Key_Up)
    QTest.keyClick(stack, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: first.has_menu() and first.menu().isVisible())
    first.menu().close()
    for _ in stack.chips[1:]:
        QTest.keyClick(stack, Qt.Key.Key_Tab)
    assert stack.hasFocus()
    QTest.keyClick(stack, Qt.Key.Key_Tab)
    assert not stack.hasFocus()
    empty = lineup.columns["action"].stack  # nobody there yet: Tab passes it by
    assert not empty.chips and empty.focusPolicy() == Qt.FocusPolicy.NoFocus
    # hover and pressed looks darken the chip under the mouse only
    plain = first.grab().toImage().pixelColor(first.rect().width() // 2, 3)
    QTest.mouseMove(stack, first.rect().center())
    qtbot.waitUntil(lambda: stack.grab(first.rect()).toImage().pixelColor(
        first.rect().width() // 2, 3) != plain)
    under = stack.grab(second.rect()).toImage().pixelColor(second.rect().width() // 2, 3)
    assert under == plain
    # a press and a move past the drag distance starts a drag carrying the person
    dragged = []

    def fake_exec(drag, *args):
        dragged.append(bytes(drag.mimeData().data("application/x-accountmap-stakeholder")))
        return Qt.DropAction.IgnoreAction

    from PySide6.QtGui import QDrag

    original = QDrag.exec
    QDrag.exec = fake_exec
    try:
        QTest.mousePress(stack, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         first.rect().center())
        QTest.mouseMove(stack, first.rect().center() + QPoint(0, 40))
    finally:
        QDrag.exec = original
    assert dragged == [first.person_id.encode()]
    QTest.mouseRelease(stack, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       first.rect().center() + QPoint(0, 40))
    assert not first.menu().isVisible()  # a drag is not a click


def test_grid_cells_are_edited_in_place_one_undo_step_each(setup, qtbot):
    doc, context, path = setup
    page = journey_page(context, qtbot)
    page.tabs.setCurrentWidget(page.grids)
    panel = page.grids
    table = panel.table
    framework = doc.settings.journey_framework
    col = framework.index("comparison")
    row = 1  # actions we want them to take
    before = fresh_json(path)
    count = doc.undo_stack.count()
    item = table.item(row, col)
    table.setCurrentItem(item)
    table.editItem(item)
    editor = table.findChild(QPlainTextEdit)
    assert editor is not None
    editor.setPlainText("Запросить КП у нас\nПригласить на пилот")
    QTest.keyClick(editor, Qt.Key.Key_Tab)
    grid = context.account.journey_grids[0]
    assert grid.cells["comparison"]["actions_wanted"] == "Запросить КП у нас\nПригласить на пилот"
    assert doc.undo_stack.count() == count + 1
    check_undo_redo(doc, path, before)
    # a new grid for a role, then delete it
    dialog = panel.ask_new_grid()
    dialog.target.setCurrentIndex(dialog.target.findData("role:economic_buyer"))
    ok(dialog)
    assert len(context.account.journey_grids) == 2
    assert panel.current_grid_id() == context.account.journey_grids[1].id
    assert context.account.journey_grids[1].role == "economic_buyer"
    panel.delete_grid()
    assert len(context.account.journey_grids) == 1
    doc.undo_stack.undo()
    assert len(context.account.journey_grids) == 2
    reopened_json(doc, path)


def test_touchpoints_added_through_the_dialog_move_last_contact_in_one_step(setup, qtbot):
    doc, context, path = setup
    page = journey_page(context, qtbot)
    page.tabs.setCurrentWidget(page.touchpoints)
    panel = page.touchpoints
    person = context.account.stakeholder("p5")
    old_contact = person.last_contact
    assert old_contact < TODAY
    before = fresh_json(path)
    count = doc.undo_stack.count()
    panel.add_button.click()
    dialog = panel.dialog
    dialog.channel.setCurrentIndex(dialog.channel.findData("call"))
    dialog.phase.setCurrentIndex(dialog.phase.findData("during"))
    for i in range(dialog.people.count()):
        if dialog.people.item(i).data(Qt.ItemDataRole.UserRole) == "p5":
            dialog.people.item(i).setCheckState(Qt.CheckState.Checked)
    dialog.checkpoint.setCurrentIndex(dialog.checkpoint.findData("poc"))
    dialog.summary.setPlainText("Звонок: уточнили критерии пилота")
    dialog.emotion.setText("заинтересован")
    ok(dialog)
    account = context.account
    added = account.touchpoints[-1]
    assert added.summary == "Звонок: уточнили критерии пилота" and added.stakeholder_ids == ["p5"]
    assert added.checkpoint_id == "poc" and added.date == TODAY
    assert account.stakeholder("p5").last_contact == TODAY
    assert doc.undo_stack.count() == count + 1
    assert panel.table.model().rowCount() == 4
    check_undo_redo(doc, path, before)
    doc.undo_stack.undo()
    assert context.account.stakeholder("p5").last_contact == old_contact
    doc.undo_stack.redo()
    # the person's timeline shows it
    panel.person.setCurrentIndex(panel.person.findData("p5"))
    texts = [panel.timeline.item(i).text() for i in range(panel.timeline.count())]
    assert any("уточнили критерии пилота" in t for t in texts)
    # edit it, then delete it
    panel.table.selectRow(3)
    panel.edit_button.click()
    panel.dialog.result.setPlainText("Критерии согласованы")
    ok(panel.dialog)
    assert context.account.touchpoints[-1].result == "Критерии согласованы"
    panel.table.selectRow(3)
    page.delete_selection()
    assert len(context.account.touchpoints) == 3
    doc.undo_stack.undo()
    assert len(context.account.touchpoints) == 4
    reopened_json(doc, path)


def test_touchpoints_table_shows_texts_tooltips_and_keeps_the_selection(setup, qtbot):
    """The table reads its cells from one model of texts (no item per cell): what a cell
    shows is its tooltip too; a touchpoint shown from elsewhere is selected and scrolled to;
    the selection survives an edit elsewhere."""
    doc, context, path = setup
    page = journey_page(context, qtbot)
    page.tabs.setCurrentWidget(page.touchpoints)
    panel = page.touchpoints
    model = panel.table.model()
    touchpoints = context.account.touchpoints
    assert model.rowCount() == len(touchpoints) and model.columnCount() == 9
    assert model.headerData(0, Qt.Orientation.Horizontal) == panel.tr("Date") == "Дата"
    last = len(touchpoints) - 1
    summary = model.index(last, 6)
    assert summary.data() == touchpoints[-1].summary
    assert summary.data(Qt.ItemDataRole.ToolTipRole) == touchpoints[-1].summary
    assert summary.data(Qt.ItemDataRole.UserRole) == touchpoints[-1].id
    page.focus_entity("touchpoint", touchpoints[-1].id)
    assert panel.selected_ids() == [touchpoints[-1].id]
    context.editor.update(context.account_id, "stakeholders", "p1", "rename",
                          full_name="Иванова Екатерина Петровна")
    assert panel.selected_ids() == [touchpoints[-1].id]
    ids = [t.id for t in touchpoints]
    panel.delete_selection()
    assert [t.id for t in context.account.touchpoints] == ids[:-1]
    assert model.rowCount() == len(ids) - 1


def test_gaps_name_stale_high_influence_people(setup, qtbot):
    doc, context, path = setup
    page = journey_page(context, qtbot)
    gaps = page.touchpoints.gap_texts()
    # p9: high influence, last contact 45 days ago; p0: high, no last_contact but a
    # touchpoint 20 days ago (counts as contact); p3: high, last contact 15 days ago
    assert "Новикова Наталья Николаевич" in gaps[0] and "30" in gaps[0]
    assert "Константинопольский" not in gaps[0] and "Иванова" not in gaps[0]
    # planned touchpoints: only the POC (comparison); the stations ahead without any
    assert "Сравнение" not in gaps[1] and "Изучение" in gaps[1] and "Осознание" not in gaps[1]


def test_meetings_added_edited_deleted_through_the_page(setup, qtbot):
    from accountmap.panels.meetings import MeetingsPage

    doc, context, path = setup
    page = MeetingsPage(context)
    qtbot.addWidget(page)
    page.show()
    before = fresh_json(path)
    page.add_button.click()
    dialog = page.dialog
    dialog.time.setText("15:00")
    dialog.place.setText("Москва, Пресненская наб., 12, башня «Федерация»")
    dialog.goal.setPlainText("Защитить пилот перед финансовым директором")
    for i in range(dialog.attendees.count()):
        if dialog.attendees.item(i).data(Qt.ItemDataRole.UserRole) in ("p1", "p4"):
            dialog.attendees.item(i).setCheckState(Qt.CheckState.Checked)
    dialog.checkpoint.setCurrentIndex(dialog.checkpoint.findData("poc"))
    ok(dialog)
    meeting = context.account.meetings[-1]
    assert meeting.attendee_ids == ["p1", "p4"] and meeting.checkpoint_id == "poc"
    assert meeting.place.startswith("Москва") and page.table.rowCount() == 2
    assert page.selected_ids() == [meeting.id]
    check_undo_redo(doc, path, before)
    page.focus_entity("meeting", meeting.id)
    page.edit_button.click()
    assert page.dialog.meeting.id == meeting.id
    page.dialog.notes.setPlainText("Взять расчёт окупаемости")
    ok(page.dialog)
    assert context.account.meetings[-1].notes == "Взять расчёт окупаемости"
    page.focus_entity("meeting", meeting.id)
    page.delete_selection()
    assert [m.id for m in context.account.meetings] != [] and meeting.id not in [
        m.id for m in context.account.meetings]
    doc.undo_stack.undo()
    assert context.account.meetings[-1].notes == "Взять расчёт окупаемости"
    reopened_json(doc, path)


def test_print_briefing_opens_the_preview_of_that_meeting(setup, qtbot):
    import shiboken6

    from accountmap.panels.meetings import MeetingsPage

    doc, context, path = setup
    page = MeetingsPage(context)
    qtbot.addWidget(page)
    meeting = context.account.meetings[0]
    dialog = page.print_briefing(meeting.id)
    assert dialog is not None and dialog.page_count() >= 1
    assert context.account.name in dialog.windowTitle()
    dialog.close()
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()


def test_framework_edits_keep_every_assignment(setup, qtbot):
    doc, context, path = setup
    page = journey_page(context, qtbot)
    used_before = assigned_stations([context.account])
    stages_before = {p.id: p.journey_stage for p in context.account.stakeholders}
    before = fresh_json(path)
    dialog = page.edit_framework()
    # rename "study" (in both languages) through the form
    dialog.list.setCurrentRow(dialog.framework.index("study"))
    dialog.station_ru.setText("Глубокое изучение")
    dialog.station_ru.textEdited.emit("Глубокое изучение")
    dialog.station_en.setText("Deep study")
    dialog.station_en.textEdited.emit("Deep study")
    # reorder: move "comparison" up one
    dialog.list.setCurrentRow(dialog.framework.index("comparison"))
    dialog.up_button.click()
    # add a station after it
    dialog.add_button.click()
    new_id = dialog.current_id()
    dialog.station_ru.setText("Пилот")
    dialog.station_ru.textEdited.emit("Пилот")
    # removing an assigned station is refused with a clear message
    dialog.list.setCurrentRow(dialog.framework.index("desire"))
    dialog.remove_button.click()
    assert "нельзя удалить" in dialog.message.text() or "cannot be removed" in dialog.message.text()
    assert dialog.framework.station("desire") is not None
    count = doc.undo_stack.count()
    ok(dialog)
    framework = doc.settings.journey_framework
    assert doc.undo_stack.count() == count + 1
    ids = [s.id for s in framework.stations]
    assert ids[3:6] == ["comparison", new_id, "study"]
    assert framework.station("study").name("ru") == "Глубокое изучение"
    assert framework.station("study").name("en") == "Deep study"
    assert framework.station(new_id).name("ru") == "Пилот"
    assert lost_assignments(framework, used_before) == set()
    assert {p.id: p.journey_stage for p in context.account.stakeholders} == stages_before
    assert context.account.journey_stage == "desire"
    check_undo_redo(doc, path, before)
    # switching to the other built-in keeps the stations in use
    dialog = page.edit_framework()
    dialog.switch_to("stages5")
    ok(dialog)
    framework = doc.settings.journey_framework
    assert framework.stations[0].id == "b2b_awareness"
    assert lost_assignments(framework, used_before) == set()
    assert reopened_json(doc, path).count("b2b_commitment") >= 1


JOURNEY_MODULES = ("journey_common", "journey_strip", "station_lineup", "journey_grid",
                   "touchpoints", "framework_dialog", "journey_page", "meetings")


def _tr_strings() -> dict[str, set[str]]:
    """Every literal passed to self.tr/cls.tr (context = class), COLUMNS headers, and
    tr(context, text) calls in the journey and meetings panels."""
    import ast
    from pathlib import Path

    import accountmap.panels as panels

    found: dict[str, set[str]] = {}
    for name in JOURNEY_MODULES:
        tree = ast.parse((Path(panels.__file__).parent / f"{name}.py").read_text(encoding="utf-8"))
        for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
            for node in ast.walk(cls):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                        and node.func.attr == "tr" and isinstance(node.func.value, ast.Name)
                        and node.func.value.id in ("self", "cls") and node.args
                        and isinstance(node.args[0], ast.Constant)):
                    found.setdefault(cls.name, set()).add(node.args[0].value)
                if isinstance(node, ast.Assign) and any(
                        isinstance(t, ast.Name) and t.id == "COLUMNS" for t in node.targets):
                    found.setdefault(cls.name, set()).update(e.value for e in node.value.elts)
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "tr" and len(node.args) == 2
                    and all(isinstance(a, ast.Constant) for a in node.args)):
                found.setdefault(node.args[0].value, set()).add(node.args[1].value)
    return found


def test_every_journey_string_has_a_russian_translation():
    from accountmap.app.translation import load_catalogue

    catalogue = load_catalogue("ru")
    strings = _tr_strings()
    assert sum(len(v) for v in strings.values()) > 100
    missing = [(ctx, s) for ctx, texts in strings.items() for s in texts
               if not catalogue.get(ctx, {}).get(s)]
    assert missing == []
    assert catalogue["JourneyPage"]["Client journey"] == "Путь клиента"


def test_pages_in_the_main_window_survive_a_framework_change(tmp_path, qtbot):
    from accountmap.app.main_window import MainWindow
    from accountmap.panels.journey_page import JourneyPage
    from accountmap.panels.meetings import MeetingsPage

    path = tmp_path / "w.accountmap"
    write_workspace(path, people=6)
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_workspace(path)
    window.show()
    page = next(p for p in window.pages if isinstance(p, JourneyPage))
    assert any(isinstance(p, MeetingsPage) for p in window.pages)
    window.tabs.setCurrentWidget(page)
    dialog = page.framework_button.click() or page.framework_dialog
    dialog.switch_to("stages5")
    ok(dialog)
    qtbot.waitUntil(lambda: not any(p is page for p in window.pages))
    page = next(p for p in window.pages if isinstance(p, JourneyPage))
    assert window.tabs.currentWidget() is page  # the rebuilt page is shown again
    assert page.grids.table.columnCount() == len(window.document.settings.journey_framework.stations)
    window.undo()
    assert window.document.settings.journey_framework.id == "stations12"
    window.close()


def _fitted(text: str, width: float, height: float, size: float = 8.0) -> tuple[str, float]:
    """What the strip's segment of that size draws of `text`, and at which point size."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QFont, QImage, QPainter

    from accountmap.panels.journey_strip import _fit

    image = QImage(400, 200, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    font = QFont(painter.font())
    font.setPointSizeF(size)
    painter.setFont(font)
    fitted = _fit(painter, text, QRectF(0, 0, width, height))
    point_size = painter.font().pointSizeF()
    painter.end()
    return fitted, point_size


def test_a_long_russian_station_is_broken_at_a_syllable_before_its_font_shrinks(qapp):
    from accountmap.panels.word_breaks import syllable_breaks

    for text, word in (("8. Удовлетворение", "Удовлетворение"),
                       ("12. Рекомендации", "Рекомендации")):
        fitted, size = _fitted(text, 80, 56)
        assert size == 8.0 and fitted.replace("-\n", "") == text  # the font kept, not 7 pt
        head = fitted.split("-\n")[0].split()[-1]
        assert len(head) in syllable_breaks(word)  # never "Удовлетворен-ие"
    fitted, size = _fitted("8. Satisfaction", 60, 56)  # no syllables known: smaller type
    assert "Satisfaction" in fitted and size < 8.0


def test_a_station_that_fits_no_way_is_cut_or_elided(qapp):
    fitted, size = _fitted("7. Завершение первой сделки", 30, 12)
    assert size == 7.0 and fitted.endswith("…")  # elided (the tooltip has it all)
    fitted, _size = _fitted("8. Удовлетворение", 44, 60)  # cut, a hyphen at the line end
    assert "-\n" in fitted and fitted.replace("-\n", "") == "8. Удовлетворение"
