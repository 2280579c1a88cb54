"""Issue 15: opening an account builds only the page shown; each other page is built when
its tab is first chosen, and is then correct: it shows the edits made before it existed,
the View menu's settings, and an entity another page asked it to bring forward."""

from __future__ import annotations

from accountmap.app.pages import PAGES, PageSlot, page_class
from accountmap.canvas.accountmap.page import AccountMapPage
from accountmap.canvas.roadmap.page import RoadmapPage
from accountmap.domain.models import Stakeholder
from accountmap.panels.journey_page import JourneyPage
from accountmap.panels.meetings import MeetingsPage
from tests.qt.demo_window import window  # noqa: F401 - a fixture


def built(window) -> list[type]:
    return [type(p) for p in window.account_pages.built()]


def test_only_the_page_shown_is_built(window):
    assert window.tabs.count() == 5
    assert built(window) == [AccountMapPage]
    assert window.tabs.currentWidget() is window.account_pages.built()[0]
    slots = [window.tabs.widget(i) for i in range(1, 5)]
    assert all(isinstance(w, PageSlot) for w in slots)
    titles = [window.tabs.tabText(i) for i in range(5)]
    assert titles == [page_class(*spec).title() for spec in PAGES]  # as each page says
    window.tabs.setCurrentIndex(2)  # the user chooses the Journey tab
    page = window.tabs.currentWidget()
    assert isinstance(page, JourneyPage) and page.isVisible()
    assert built(window) == [AccountMapPage, JourneyPage]
    assert window.tabs.currentIndex() == 2 and window.tabs.tabText(2) == JourneyPage.title()
    window.tabs.setCurrentIndex(0)
    window.tabs.setCurrentIndex(2)
    assert window.tabs.currentWidget() is page  # built once


def test_a_page_built_late_shows_the_edits_made_before(window, qtbot):
    doc, editor = window.document, window.editor
    aid = window.account_id
    person = doc.account(aid).stakeholders[0]
    editor.update(aid, "stakeholders", person.id, full_name="Переименованный Пётр")
    new = editor.add(aid, "stakeholders", Stakeholder(full_name="Новикова Ольга"))
    assert JourneyPage not in built(window)
    window.tabs.setCurrentIndex(2)
    lineup = window.tabs.currentWidget().lineup
    assert lineup.chips[person.id].toolTip().split("\n")[0] == "Переименованный Пётр"
    assert lineup.chips[new].toolTip().split("\n")[0] == "Новикова Ольга"
    assert set(lineup.chips) == {s.id for s in doc.account(aid).stakeholders}


def test_a_page_built_late_follows_the_view_menu(window):
    window.act_grid.trigger()  # off
    window.act_legend.trigger()  # off
    window.tabs.setCurrentIndex(1)
    road = window.tabs.currentWidget()
    assert isinstance(road, RoadmapPage)
    assert not road.view.grid_visible
    window.act_grid.trigger()
    assert road.view.grid_visible


def test_show_entity_builds_the_page_that_shows_it(window):
    aid = window.account_id
    meeting = window.document.account(aid).meetings[0]
    window.show_entity("meeting", meeting.id)
    page = window.tabs.currentWidget()
    assert isinstance(page, MeetingsPage)
    assert page.selected_ids() == [meeting.id]


def test_another_account_starts_again_with_the_page_shown(window):
    window.tabs.setCurrentIndex(3)
    other = window.document.account_ids()[1]
    window.select_account(other)
    assert window.tabs.currentIndex() == 3
    assert built(window) == [MeetingsPage]
    assert window.tabs.currentWidget().context.account_id == other
    assert len(window.pages) == 5 and built(window) == [
        AccountMapPage, RoadmapPage, JourneyPage, MeetingsPage, type(window.pages[4])]


def test_a_tab_title_known_before_its_page_is_the_title_the_page_gives(qtbot):
    from accountmap.app.application import make_application
    from accountmap.app.pages import page_title

    try:
        for lang in ("ru", "en"):
            make_application(lang)
            assert [page_title(name) for _, name in PAGES] == [
                page_class(*spec).title() for spec in PAGES]
        make_application("ru")
        assert page_title("JourneyPage") != "Client journey"  # translated, not the source
    finally:
        make_application("en")


def test_the_map_paints_with_its_summary_and_makes_a_form_when_first_asked(window):
    """The map's property panel shows the coverage summary until something is selected;
    the form for a person, a frame or a line is made when first needed, then kept."""
    page = window.tabs.currentWidget()
    assert isinstance(page, AccountMapPage)
    panel = page.panel
    assert panel._forms == {} and panel.count() == 1  # only the summary so far
    assert panel.current_form() is panel.summary
    account = window.document.account(window.account_id)
    person = account.stakeholders[0]
    page.scene.clearSelection()
    page.scene.cards[person.id].setSelected(True)
    form = panel.current_form()
    assert form is panel.person_form and list(panel._forms) == ["stakeholders"]
    assert form.full_name.text() == person.full_name and form.isEnabled()
    page.scene.clearSelection()
    assert panel.current_form() is panel.summary
    page.scene.cards[person.id].setSelected(True)
    assert panel.current_form() is form and panel.count() == 2  # made once
    assert panel.centre_form is not form and panel.count() == 3


def test_the_account_shown_before_is_collected_once_the_next_one_painted(window, qtbot):
    """An account's objects are frozen while it is shown (out of the collector's sight).
    Those of the account shown before used to be frozen again with the next one's, at
    every switch: never collected. They go once the next account painted."""
    import gc
    import weakref

    ids = window.document.account_ids()
    gone = []
    for turn in range(4):
        scene = window.tabs.currentWidget().scene  # the map page's scene (a Python object)
        gone.append(weakref.ref(scene))
        del scene
        window.select_account(ids[(turn + 1) % 2])
        qtbot.waitUntil(lambda: gone[-1]() is None, timeout=5000)
        assert gc.get_freeze_count()  # the account shown is frozen again
    assert all(ref() is None for ref in gone)
