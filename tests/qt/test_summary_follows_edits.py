"""Issue 15: the map's coverage summary recomputes only the parts an edit touched, and
only while it is shown; whatever the order of edits, what it shows is what a summary
made from scratch shows. The property panel shows an edited person at once."""

from __future__ import annotations

import datetime as dt

from accountmap.canvas.accountmap.page import AccountMapPage
from accountmap.domain.models import OpenQuestion, Relationship, Stakeholder, Touchpoint
from accountmap.panels.properties_map import CoverageSummary
from tests.qt.demo_window import show_page, window  # noqa: F401 - a fixture


def fresh_text(page) -> str:
    fresh = CoverageSummary(page.context)
    fresh.refresh()
    text = fresh.text()
    fresh.deleteLater()
    return text


def test_the_summary_after_each_edit_is_the_summary_made_afresh(window):
    page = show_page(window, AccountMapPage)
    page.scene.clearSelection()
    panel, doc, editor = page.panel, window.document, window.editor
    aid = window.account_id
    assert panel.current_form() is panel.summary
    account = doc.account(aid)
    person, other = account.stakeholders[0], account.stakeholders[1]
    gestures = [
        lambda: editor.update(aid, "stakeholders", person.id, roles=["economic_buyer"]),
        lambda: editor.update(aid, "stakeholders", person.id, attitude="champion"),
        lambda: editor.add(aid, "stakeholders", Stakeholder(full_name="Новикова Ольга")),
        lambda: editor.add(aid, "relationships", Relationship(
            from_id=person.id, to_id=other.id, kind="reports_to")),
        lambda: editor.add(aid, "relationships", Relationship(
            from_id=other.id, to_id=person.id, kind="reports_to")),  # a cycle
        lambda: editor.update(aid, "stakeholders", other.id, full_name="Другое Имя"),
        lambda: editor.add(aid, "open_questions", OpenQuestion(question="Бюджет?")),
        lambda: editor.add(aid, "touchpoints", Touchpoint(
            date=dt.date(2020, 1, 1), stakeholder_ids=[person.id])),
        lambda: editor.update(aid, "stakeholders", person.id, last_contact=dt.date(2020, 1, 2)),
        lambda: editor.delete(aid, {"stakeholders": [other.id]}),
    ]
    for gesture in gestures:
        gesture()
        assert panel.summary.text() == fresh_text(page)
    assert "Другое Имя" not in panel.summary.text()
    for _ in gestures:
        doc.undo_stack.undo()
        assert panel.summary.text() == fresh_text(page)


def test_a_summary_not_shown_catches_up_when_shown(window):
    page = show_page(window, AccountMapPage)
    aid = window.account_id
    person = window.document.account(aid).stakeholders[0]
    page.scene.clearSelection()
    page.scene.cards[person.id].setSelected(True)  # the person's form is shown
    assert page.panel.current_form() is page.panel.person_form
    before = page.panel.summary.text()
    for name in ("Первый", "Второй"):
        window.editor.add(aid, "stakeholders", Stakeholder(full_name=name))
    assert page.panel.summary.text() == before  # not shown: nothing computed yet
    page.scene.clearSelection()
    assert page.panel.current_form() is page.panel.summary
    assert page.panel.summary.text() == fresh_text(page) != before


def test_the_property_panel_shows_the_changed_title(window):
    page = show_page(window, AccountMapPage)
    aid = window.account_id
    person = window.document.account(aid).stakeholders[0]
    page.scene.clearSelection()
    page.scene.cards[person.id].setSelected(True)
    form = page.panel.person_form
    window.editor.update(aid, "stakeholders", person.id, title="Директор по закупкам")
    assert form.title_edit.text() == "Директор по закупкам"
    window.undo()
    assert form.title_edit.text() == person.title


def test_a_form_is_made_when_first_wanted_and_shows_what_was_edited_before(window):
    from accountmap.panels.stakeholder_form import StakeholderForm

    page = show_page(window, AccountMapPage)
    aid = window.account_id
    panel = page.panel
    page.scene.clearSelection()
    assert panel._forms == {} and panel.findChildren(StakeholderForm) == []  # none up front
    person = window.document.account(aid).stakeholders[0]
    window.editor.update(aid, "stakeholders", person.id, title="Главный технолог")
    page.scene.cards[person.id].setSelected(True)
    assert panel.current_form() is panel.person_form
    assert panel.findChildren(StakeholderForm) == [panel.person_form]  # one, made now
    assert panel.person_form.title_edit.text() == "Главный технолог"
    assert "decision_centres" not in panel._forms and "relationships" not in panel._forms
    window.undo()
