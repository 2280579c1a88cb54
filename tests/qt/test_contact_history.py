"""One history of contact: a meeting held is a contact; "last contact" is the same on the
card, in the coverage summary and in the touchpoints timeline, and the timeline never says
"no contacts" under a last-contact date."""

from __future__ import annotations

import datetime as dt

import pytest

from accountmap.app.application import make_application
from accountmap.document.context import AccountContext
from accountmap.canvas.accountmap.page import AccountMapPage
from accountmap.document.editor import Editor
from accountmap.document.workspace_document import WorkspaceDocument
from accountmap.domain.dates import format_date
from accountmap.domain.models import Meeting, Stakeholder
from accountmap.domain.vocabulary import Influence

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def account(tmp_path, qtbot):
    make_application("en")
    doc = WorkspaceDocument.open(tmp_path / "w.accountmap", create=True)
    editor = Editor(doc)
    aid = editor.add_account("АО «Уралтрубмаш»")
    met, card_only = editor.add_many(aid, [
        ("stakeholders", Stakeholder(full_name="Волков Геннадий", influence=Influence.HIGH,
                                     last_contact=TODAY - dt.timedelta(days=85))),
        ("stakeholders", Stakeholder(full_name="Тарасов Максим", influence=Influence.HIGH,
                                     last_contact=TODAY - dt.timedelta(days=10), x=300)),
    ])
    editor.add(aid, "meetings", Meeting(date=TODAY - dt.timedelta(days=5), goal="Пилотный стенд",
                                        attendee_ids=[met]))
    editor.add(aid, "meetings", Meeting(date=TODAY + dt.timedelta(days=7), goal="Планируемая",
                                        attendee_ids=[card_only]))
    context = AccountContext(doc, editor, aid, lambda *_: None)
    yield context, met, card_only
    doc.close()


def timeline_for(context, person_id, qtbot):
    from accountmap.panels.touchpoints import TouchpointsPanel

    panel = TouchpointsPanel(context)
    qtbot.addWidget(panel)
    panel.today = lambda: TODAY
    panel.person.setCurrentIndex(panel.person.findData(person_id))
    panel.refresh()
    return [panel.timeline.item(i).text() for i in range(panel.timeline.count())]


def test_a_meeting_held_is_the_last_contact_in_the_timeline(account, qtbot):
    context, met, card_only = account
    lines = timeline_for(context, met, qtbot)
    # the date as the UI's language writes it (domain/dates.py, the same in print)
    assert lines[0] == "Last contact: " + format_date(TODAY - dt.timedelta(days=5), "en")
    assert any("meeting held: Пилотный стенд" in line for line in lines)
    assert not any("No touchpoints" in line for line in lines)


def test_a_date_entered_on_the_card_is_not_contradicted(account, qtbot):
    context, met, card_only = account
    lines = timeline_for(context, card_only, qtbot)
    assert lines[0].startswith("Last contact: ")
    assert not any("No touchpoints" in line for line in lines)
    assert not any("Планируемая" in line for line in lines)  # a planned meeting is no contact


def test_the_card_counts_the_meeting_held(account, qtbot):
    context, met, card_only = account
    page = AccountMapPage(context)
    qtbot.addWidget(page)
    page.scene.today = TODAY
    page.scene.refresh_looks()
    card = page.scene.cards[met]
    assert not card.stale  # the meeting 5 days ago, though the card's own date is 85 days old
    page.panel.summary.refresh(TODAY)
    assert "Contacts older than 30 days (or none): 0" in page.panel.summary.text()
