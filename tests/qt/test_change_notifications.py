"""Change notifications say what changed (added / changed / removed ids per table), and
listeners touch only that: the station lineup moves a chip in place instead of
rebuilding every person's button, menu and stylesheet, and a hidden page waits until
it is shown."""

from __future__ import annotations


from PySide6.QtCore import Qt

from accountmap.canvas.accountmap.page import AccountMapPage
from accountmap.domain.models import Relationship, Stakeholder
from accountmap.panels.journey_page import JourneyPage
from tests.qt.demo_window import show_page, window  # noqa: F401 - a fixture


def test_a_change_lists_added_changed_and_removed_ids_per_table(window):
    doc, editor = window.document, window.editor
    aid = doc.account_ids()[0]
    person = doc.account(aid).stakeholders[0]
    seen = []
    doc.changed.connect(seen.append)
    with editor.step("several"):
        new = editor.add(aid, "stakeholders", Stakeholder(full_name="Новый"))
        temporary = editor.add(aid, "stakeholders", Stakeholder(full_name="Временный"))
        editor.update(aid, "stakeholders", person.id, title="CIO")
        editor.add(aid, "relationships", Relationship(from_id=new, to_id=person.id))
        editor.delete(aid, {"stakeholders": [temporary]})  # added and removed: not reported
    assert len(seen) == 1  # one announcement for the whole step
    change = seen[0]
    people = change.rows(aid, "stakeholders")
    assert (people.added, people.changed, people.removed) == ([new], [person.id], [])
    assert len(change.rows(aid, "relationships").added) == 1
    assert not change.rows(aid, "meetings") and not change.accounts and not change.settings
    assert change.touches(aid, ("meetings", "relationships"))

    doc.undo_stack.undo()
    undone = seen[-1].rows(aid, "stakeholders")
    assert (undone.added, undone.changed, undone.removed) == ([], [person.id], [new])

    editor.delete_account(aid)
    assert seen[-1].accounts.removed == [aid]


def test_the_lineup_moves_a_chip_in_place(window):
    doc, editor = window.document, window.editor
    aid = doc.account_ids()[0]
    window.select_account(aid)
    lineup = show_page(window, JourneyPage).lineup
    body, chips = lineup.widget(), dict(lineup.chips)
    person = doc.account(aid).stakeholders[0]
    target = next(s.id for s in doc.settings.journey_framework.stations
                  if s.id != person.journey_stage)
    lineup.move_person(person.id, target)
    assert lineup.widget() is body and lineup.chips == chips  # nothing rebuilt
    assert lineup.chips[person.id].column() is lineup.columns[target]
    action = next(a for a in lineup.chips[person.id].station_actions() if a.data() == target)
    assert action.isChecked()
    doc.undo_stack.undo()
    assert lineup.widget() is body
    column = lineup.columns[person.journey_stage or ""]
    assert lineup.chips[person.id].column() is column
    # back in its place among the others, as a fresh build puts it
    shown = [chip.person_id for chip in column.stack.chips]
    assert shown == [s.id for s in doc.account(aid).stakeholders
                     if (s.journey_stage or "") == (person.journey_stage or "")]
    # a new person is a new chip: the lineup is built again
    editor.add(aid, "stakeholders", Stakeholder(full_name="Новиков Олег"))
    assert lineup.widget() is not body and len(lineup.chips) == len(chips) + 1


def test_a_hidden_page_updates_when_shown(window):
    doc, editor = window.document, window.editor
    aid = doc.account_ids()[0]
    window.select_account(aid)
    journey = show_page(window, JourneyPage)
    lineup = journey.lineup
    show_page(window, AccountMapPage)
    assert not lineup.isVisible()
    body = lineup.widget()
    refreshed = []
    lineup.account_changed = lambda change: refreshed.append(change)  # noqa: E731 - a spy
    for name in ("Первый", "Второй", "Третий"):
        editor.add(aid, "stakeholders", Stakeholder(full_name=name))
    assert refreshed == [] and lineup.widget() is body  # hidden: nothing done yet
    del lineup.account_changed
    show_page(window, JourneyPage)
    assert lineup.isVisible() and lineup.widget() is not body
    names = {lineup.chips[s.id].toolTip().split("\n")[0] for s in doc.account(aid).stakeholders}
    assert {"Первый", "Второй", "Третий"} <= names


def test_a_chip_makes_its_menu_when_first_wanted_and_it_is_right(window, qtbot):
    doc = window.document
    aid = doc.account_ids()[0]
    window.select_account(aid)
    lineup = show_page(window, JourneyPage).lineup
    assert not any(chip.has_menu() for chip in lineup.chips.values())  # none made up front
    person = doc.account(aid).stakeholders[0]
    target = next(s.id for s in doc.settings.journey_framework.stations
                  if s.id != person.journey_stage)
    lineup.move_person(person.id, target)  # moved before its menu exists
    chip = lineup.chips[person.id]
    checked = [a.data() for a in chip.station_actions() if a.isChecked()]
    assert checked == [target] and chip.has_menu()
    doc.undo_stack.undo()  # the menu made now follows later moves
    assert [a.data() for a in chip.station_actions() if a.isChecked()] == (
        [person.journey_stage] if person.journey_stage else [])
    qtbot.mouseClick(chip.stack, Qt.MouseButton.LeftButton,  # a click pops the menu up
                     pos=chip.rect().center())
    qtbot.waitUntil(lambda: chip.menu().isVisible())
    chip.menu().close()


def test_a_chip_marked_behind_or_ahead_takes_the_look_of_its_mark(window):
    doc = window.document
    aid = doc.account_ids()[0]
    window.select_account(aid)
    lineup = show_page(window, JourneyPage).lineup
    for chip in lineup.chips.values():
        mark = chip.mark
        assert mark in ("", "behind", "ahead")
        assert chip.text().startswith({"": "", "behind": "↓", "ahead": "↑"}[mark])
    marked = [c for c in lineup.chips.values() if c.mark]
    assert marked  # the demo's group has someone behind or ahead
    background = {"": "#ffffff", "behind": "#fde2dc", "ahead": "#def3e0"}
    for chip in lineup.chips.values():
        image = chip.grab().toImage()
        assert image.pixelColor(image.width() // 2, 3).name() == background[chip.mark]
