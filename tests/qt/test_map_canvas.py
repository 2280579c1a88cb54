"""The account-map page driven like a person would: real mouse gestures on the viewport,
the property panel, menus. After each change, undo restores the scene AND the file
exactly (compared with a fresh load), and redo re-applies it."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from accountmap.app.main_window import MainWindow
from accountmap.canvas.accountmap.items import CardItem, CentreItem, EdgeItem
from accountmap.canvas.accountmap.page import AccountMapPage
from accountmap.document.editor import Editor
from accountmap.document.workspace_document import WorkspaceDocument
from accountmap.domain import clock
from accountmap.domain.models import DecisionCentre, OpenQuestion, Relationship, Stakeholder
from accountmap.layout.sizes import CARD_HEIGHT, CARD_WIDTH, CENTRE_HEADER
from tests.snapshots import fresh_json


def make_workspace(path, people: int = 3):
    doc = WorkspaceDocument.open(path, create=True)
    editor = Editor(doc)
    aid = editor.add_account("АО «Уралтрубмаш»")
    fin = editor.add(aid, "decision_centres", DecisionCentre(name="Финансы", x=0, y=0, width=560, height=400))
    it = editor.add(aid, "decision_centres", DecisionCentre(name="ИТ", x=700, y=0, width=560, height=400))
    names = ["Иванов Пётр Сергеевич", "Смирнова Анна", "Ng Ян 🌸", "Петров-Водкин Кузьма",
             "Оганесян Ирина"]
    ids = []
    for i in range(people):
        ids.append(editor.add(aid, "stakeholders", Stakeholder(
            full_name=names[i % len(names)], title="Финансовый директор",
            decision_centre_id=fin if i < 2 else it,
            x=(20 if i < 2 else 720) + (i % 2) * 260, y=60 + (i // 2) * 160)))
    other = editor.add_account("ООО «Другой клиент»")
    doc.close()
    return aid, other, fin, it, ids


@pytest.fixture
def setup(tmp_path, qtbot):
    path = tmp_path / "map.accountmap"
    aid, other, fin, it, ids = make_workspace(path)
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_workspace(path)
    window.select_account(aid)
    window.show()
    assert QTest.qWaitForWindowExposed(window)
    page = map_page(window)
    page.view.set_zoom(1.0)
    page.view.centerOn(QPointF(600, 250))
    qtbot.wait(1)
    return window, page, path, {"aid": aid, "other": other, "fin": fin, "it": it, "ids": ids}


def map_page(window) -> AccountMapPage:
    for index, page in enumerate(window.pages):
        if isinstance(page, AccountMapPage):
            window.tabs.setCurrentIndex(index)
            return page
    raise AssertionError("no account map page")


def vp_point(page, scene_point: QPointF) -> QPoint:
    return page.view.mapFromScene(scene_point)


def drag(page, start: QPointF, end: QPointF, steps: int = 8) -> None:
    vp = page.view.viewport()
    a, b = vp_point(page, start), vp_point(page, end)
    QTest.mouseMove(vp, a)
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    for i in range(1, steps + 1):
        QTest.mouseMove(vp, a + (b - a) * i / steps)
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)


def click(page, point: QPointF) -> None:
    vp = page.view.viewport()
    QTest.mouseClick(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, vp_point(page, point))


def card_centre(card: CardItem) -> QPointF:
    return card.pos() + QPointF(CARD_WIDTH / 2, CARD_HEIGHT / 2)


def scene_state(page) -> dict:
    """What the scene shows, comparable before/after."""
    s = page.scene
    return {
        "cards": {k: (c.pos().x(), c.pos().y(), c.person.full_name, c.person.decision_centre_id)
                  for k, c in s.cards.items()},
        "centres": {k: (c.pos().x(), c.pos().y(), c.size.width(), c.size.height(), c.centre.name)
                    for k, c in s.centres.items()},
        "edges": {k: (e.relationship.from_id, e.relationship.to_id, e.relationship.kind)
                  for k, e in s.edges.items()},
    }


def check_undo_redo(page, path, before_json, before_scene) -> None:
    after_json, after_scene = fresh_json(path), scene_state(page)
    assert after_json != before_json
    stack = page.context.document.undo_stack
    stack.undo()
    assert fresh_json(path) == before_json
    assert scene_state(page) == before_scene
    stack.redo()
    assert fresh_json(path) == after_json
    assert scene_state(page) == after_scene


def one_item_per_entity(page) -> None:
    account = page.context.account
    s = page.scene
    assert set(s.cards) == {p.id for p in account.stakeholders}
    assert set(s.centres) == {c.id for c in account.decision_centres}
    assert set(s.edges) == {r.id for r in account.relationships}
    assert len([i for i in s.items() if isinstance(i, CardItem)]) == len(account.stakeholders)
    assert len([i for i in s.items() if isinstance(i, EdgeItem)]) == len(account.relationships)
    assert len([i for i in s.items() if isinstance(i, CentreItem)]) == len(account.decision_centres)


# ====================================================================== creating
def test_scene_from_document_has_one_item_per_entity(setup):
    _w, page, _path, ids = setup
    one_item_per_entity(page)
    card = page.scene.cards[ids["ids"][0]]
    assert card.pos() == QPointF(20, 60)
    assert "Иванов Пётр Сергеевич" in card.tooltip_text()


def test_add_person_from_toolbar_then_undo_redo(setup):
    _w, page, path, ids = setup
    before, before_scene = fresh_json(path), scene_state(page)
    page.act_add_person.trigger()
    account = page.context.account
    assert len(account.stakeholders) == 4
    new = account.stakeholders[-1]
    assert new.id in page.scene.cards and page.scene.cards[new.id].isSelected()
    assert page.panel.person_form.entity_id == new.id
    one_item_per_entity(page)
    check_undo_redo(page, path, before, before_scene)


def test_context_menu_adds_person_and_centre_where_clicked(setup):
    _w, page, path, ids = setup
    before, before_scene = fresh_json(path), scene_state(page)
    menu = page.build_context_menu(None, QPointF(700, 600))
    texts = {a.text(): a for a in menu.actions()}
    texts["Add person here"].trigger()
    new = page.context.account.stakeholders[-1]
    assert new.decision_centre_id is None and (new.x, new.y) == (580.0, 540.0)
    check_undo_redo(page, path, before, before_scene)
    menu = page.build_context_menu(page.scene.centres[ids["it"]], QPointF(900, 300))
    {a.text(): a for a in menu.actions()}["Add person here"].trigger()
    assert page.context.account.stakeholders[-1].decision_centre_id == ids["it"]
    before = fresh_json(path)
    page.build_context_menu(None, QPointF(0, 600)).actions()[1].trigger()  # add centre here
    assert len(page.context.account.decision_centres) == 3
    page.context.document.undo_stack.undo()
    assert fresh_json(path) == before


# ====================================================================== dragging
def test_drag_card_into_another_centre_is_one_step(setup):
    _w, page, path, ids = setup
    pid = ids["ids"][0]
    card = page.scene.cards[pid]
    before, before_scene = fresh_json(path), scene_state(page)
    count = page.context.document.undo_stack.count()
    drag(page, card_centre(card), QPointF(1000, 300))
    person = page.context.account.stakeholder(pid)
    assert person.decision_centre_id == ids["it"]
    assert person.x == pytest.approx(card.pos().x()) and person.x % 10 == 0
    assert person.x > 700
    assert page.context.document.undo_stack.count() == count + 1
    check_undo_redo(page, path, before, before_scene)


def test_drag_card_out_of_every_centre_clears_it(setup):
    _w, page, path, ids = setup
    pid = ids["ids"][1]
    drag(page, card_centre(page.scene.cards[pid]), QPointF(600, 700))
    assert page.context.account.stakeholder(pid).decision_centre_id is None


def test_drag_frame_moves_its_cards_in_one_step(setup):
    _w, page, path, ids = setup
    centre = page.scene.centres[ids["fin"]]
    before, before_scene = fresh_json(path), scene_state(page)
    count = page.context.document.undo_stack.count()
    drag(page, QPointF(300, CENTRE_HEADER / 2), QPointF(300, CENTRE_HEADER / 2 + 200))
    account = page.context.account
    assert account.decision_centre(ids["fin"]).y == 200
    assert account.stakeholder(ids["ids"][0]).y == 260
    assert account.stakeholder(ids["ids"][1]).y == 260
    assert account.stakeholder(ids["ids"][0]).decision_centre_id == ids["fin"]
    assert account.stakeholder(ids["ids"][2]).y == 220  # in the other centre: untouched
    assert centre.pos().y() == 200
    assert page.context.document.undo_stack.count() == count + 1
    check_undo_redo(page, path, before, before_scene)


def test_resize_frame_by_its_handle(setup):
    _w, page, path, ids = setup
    before, before_scene = fresh_json(path), scene_state(page)
    drag(page, QPointF(552, 392), QPointF(652, 452))
    centre = page.context.account.decision_centre(ids["fin"])
    assert (centre.width, centre.height) == (660, 460)
    assert centre.x == 0 and centre.y == 0
    check_undo_redo(page, path, before, before_scene)


def test_keyboard_nudges_merge(setup):
    _w, page, path, ids = setup
    pid = ids["ids"][0]
    click(page, card_centre(page.scene.cards[pid]))
    assert page.scene.cards[pid].isSelected()
    count = page.context.document.undo_stack.count()
    page.view.setFocus()
    for _ in range(3):
        QTest.keyClick(page.view, Qt.Key.Key_Right)
    assert page.context.account.stakeholder(pid).x == 50
    assert page.context.document.undo_stack.count() == count + 1


# ====================================================================== connecting
def test_connect_two_cards_by_dragging_the_handle(setup):
    _w, page, path, ids = setup
    a, b = page.scene.cards[ids["ids"][0]], page.scene.cards[ids["ids"][2]]
    before, before_scene = fresh_json(path), scene_state(page)
    drag(page, a.pos() + QPointF(CARD_WIDTH, CARD_HEIGHT / 2), card_centre(b))
    rels = page.context.account.relationships
    assert len(rels) == 1 and (rels[0].from_id, rels[0].to_id) == (a.entity_id, b.entity_id)
    assert rels[0].id in page.scene.edges
    assert a.pos() == QPointF(20, 60)  # the card did not move
    one_item_per_entity(page)
    check_undo_redo(page, path, before, before_scene)


def test_relationship_to_itself_is_refused_with_a_message(setup, qtbot):
    window, page, path, ids = setup
    a = page.scene.cards[ids["ids"][0]]
    before = fresh_json(path)
    with qtbot.waitSignal(page.context.document.errorOccurred) as blocker:
        drag(page, a.pos() + QPointF(CARD_WIDTH, CARD_HEIGHT / 2), card_centre(a))
    assert "two different people" in blocker.args[0]
    assert fresh_json(path) == before and page.context.account.relationships == []


def test_connect_toolbar_with_two_selected_cards_uses_chosen_kind(setup):
    _w, page, path, ids = setup
    a, b = page.scene.cards[ids["ids"][0]], page.scene.cards[ids["ids"][1]]
    page.set_connect_kind("conflict")
    click(page, card_centre(a))
    vp = page.view.viewport()
    QTest.mouseClick(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                     vp_point(page, card_centre(b)))
    assert a.isSelected() and b.isSelected()
    page.act_connect.trigger()
    rel = page.context.account.relationships[0]
    assert (rel.from_id, rel.to_id, rel.kind.value) == (a.entity_id, b.entity_id, "conflict")
    edge = page.scene.edges[rel.id]
    assert edge.pen().style() == Qt.PenStyle.DashLine


# ====================================================================== panel
def test_edit_fields_in_the_panel_one_step_each(setup, qtbot):
    _w, page, path, ids = setup
    pid = ids["ids"][0]
    click(page, card_centre(page.scene.cards[pid]))
    form = page.panel.person_form
    assert page.panel.current_form() is form and form.full_name.text() == "Иванов Пётр Сергеевич"
    stack = page.context.document.undo_stack

    def step(action, check):
        before, before_scene, count = fresh_json(path), scene_state(page), stack.count()
        action()
        check(page.context.account.stakeholder(pid))
        assert stack.count() == count + 1
        after = fresh_json(path)
        stack.undo()
        assert fresh_json(path) == before and scene_state(page) == before_scene
        stack.redo()
        assert fresh_json(path) == after

    def rename():
        form.full_name.setFocus()
        form.full_name.selectAll()
        QTest.keyClicks(form.full_name, "K")  # QTest.keyClicks types ASCII only
        form.full_name.insert("онстантинопольский Александр 😀")
        QTest.keyClick(form.full_name, Qt.Key.Key_Return)

    step(rename, lambda p: p.full_name == "Kонстантинопольский Александр 😀")
    assert page.scene.cards[pid].person.full_name == "Kонстантинопольский Александр 😀"
    stack.undo()
    assert form.full_name.text() == "Иванов Пётр Сергеевич"  # the panel shows the undo
    stack.redo()

    def long_title():
        form.title_edit.setText("Т" * 300)
        form.title_edit.editingFinished.emit()

    step(long_title, lambda p: len(p.title) == 300)
    step(lambda: form.roles["economic_buyer"].click(), lambda p: [r.value for r in p.roles] == ["economic_buyer"])

    def attitude():
        form.attitude.setCurrentIndex(form.attitude.findData("opponent"))
        form.attitude.activated.emit(form.attitude.currentIndex())

    step(attitude, lambda p: p.attitude.value == "opponent")
    assert page.scene.cards[pid].symbol == "−−"

    def centre():
        form.centre.setCurrentIndex(form.centre.findData(ids["it"]))
        form.centre.activated.emit(form.centre.currentIndex())

    step(centre, lambda p: p.decision_centre_id == ids["it"])
    step(lambda: form.strength.setValue(4), lambda p: p.relationship_strength == 4)

    def stage():
        form.stage.setCurrentIndex(3)
        form.stage.activated.emit(3)

    step(stage, lambda p: p.journey_stage == "desire")

    def last_contact():
        form.last_contact.setDate(dt.date(2026, 10, 1))
        form.last_contact.editingFinished.emit()

    step(last_contact, lambda p: p.last_contact == dt.date(2026, 10, 1))

    def notes():
        form.notes.setFocus()
        form.notes.setPlainText("Любит рыбалку")
        form.full_name.setFocus()  # focus out commits

    step(notes, lambda p: p.notes == "Любит рыбалку")
    step(lambda: form.add_interest.click(), lambda p: len(p.interests) == 1)

    def interest_text():
        form.interests.item(0, 1).setText("Сократить простои линии")

    step(interest_text, lambda p: p.interests[0].text == "Сократить простои линии")

    def interest_kind():
        combo = form.interests.cellWidget(0, 0)
        combo.setCurrentIndex(combo.findData("pain"))
        combo.activated.emit(combo.currentIndex())

    step(interest_kind, lambda p: p.interests[0].kind.value == "pain")

    def remove_interest():
        form.interests.setCurrentCell(0, 1)
        form.remove_interest.click()

    step(remove_interest, lambda p: p.interests == [])


def test_open_questions_in_the_panel(setup):
    _w, page, path, ids = setup
    pid = ids["ids"][0]
    click(page, card_centre(page.scene.cards[pid]))
    form = page.panel.person_form
    stack = page.context.document.undo_stack
    before = fresh_json(path)
    form.add_question_button.click()
    questions = page.context.account.open_questions
    assert len(questions) == 1 and questions[0].stakeholder_id == pid
    assert page.scene.cards[pid].questions == 1
    form.q_text.setText("Каков бюджет на 2027?")
    form.q_text.editingFinished.emit()
    form.q_status.setCurrentIndex(form.q_status.findData("asked"))
    form.q_status.activated.emit(form.q_status.currentIndex())
    form.q_channel.setCurrentIndex(form.q_channel.findData("call"))
    form.q_channel.activated.emit(form.q_channel.currentIndex())
    q = page.context.account.open_questions[0]
    assert (q.question, q.status.value, q.channel.value) == ("Каков бюджет на 2027?", "asked", "call")
    form.q_status.setCurrentIndex(form.q_status.findData("answered"))
    form.q_status.activated.emit(form.q_status.currentIndex())
    assert page.scene.cards[pid].questions == 0  # answered: no longer open
    stack.undo()
    assert page.scene.cards[pid].questions == 1 and form.q_status.currentData() == "asked"
    form.remove_question.click()
    assert page.context.account.open_questions == []
    for _ in range(5):
        stack.undo()
    assert fresh_json(path) == before


def test_edit_centre_and_relationship_in_the_panel(setup):
    _w, page, path, ids = setup
    editor = page.context.editor
    rid = editor.add(ids["aid"], "relationships", Relationship(from_id=ids["ids"][0], to_id=ids["ids"][1]))
    page.scene.clearSelection()
    page.scene.centres[ids["fin"]].setSelected(True)
    form = page.panel.centre_form
    assert page.panel.current_form() is form
    form.name.setText("Финансы и казначейство")
    form.name.editingFinished.emit()
    assert page.context.account.decision_centre(ids["fin"]).name == "Финансы и казначейство"
    page.scene.clearSelection()
    page.scene.edges[rid].setSelected(True)
    rform = page.panel.relationship_form
    assert page.panel.current_form() is rform
    rform.kind.setCurrentIndex(rform.kind.findData("ally"))
    rform.kind.activated.emit(rform.kind.currentIndex())
    rform.label.setText("бывшие коллеги")
    rform.label.editingFinished.emit()
    r = page.context.account.relationships[0]
    assert (r.kind.value, r.label) == ("ally", "бывшие коллеги")
    page.context.document.undo_stack.undo()
    assert rform.label.text() == ""


def test_nothing_selected_shows_coverage_summary(setup):
    _w, page, _path, ids = setup
    page.scene.clearSelection()
    text = page.panel.summary.text()
    assert page.panel.current_form() is page.panel.summary
    assert "No economic buyer identified" in text and "Финансы" in text


# ====================================================================== deleting, clipboard
def test_delete_card_with_its_relationships_and_undo(setup):
    _w, page, path, ids = setup
    editor = page.context.editor
    editor.add(ids["aid"], "relationships", Relationship(from_id=ids["ids"][0], to_id=ids["ids"][1]))
    editor.add(ids["aid"], "open_questions", OpenQuestion(question="?", stakeholder_id=ids["ids"][0]))
    before, before_scene = fresh_json(path), scene_state(page)
    click(page, card_centre(page.scene.cards[ids["ids"][0]]))
    page.delete_selection()
    account = page.context.account
    assert ids["ids"][0] not in page.scene.cards and account.relationships == []
    one_item_per_entity(page)
    check_undo_redo(page, path, before, before_scene)
    page.context.document.undo_stack.undo()
    one_item_per_entity(page)


def test_copy_paste_within_and_between_accounts(setup):
    window, page, path, ids = setup
    editor = page.context.editor
    editor.add(ids["aid"], "relationships", Relationship(from_id=ids["ids"][0], to_id=ids["ids"][1]))
    page.scene.clearSelection()
    for pid in ids["ids"][:2]:
        page.scene.cards[pid].setSelected(True)
    assert page.copy_selection()
    pasted = page.paste()
    account = page.context.account
    assert len(account.stakeholders) == 5 and len(account.relationships) == 2
    assert not set(pasted) & set(ids["ids"])
    new = account.stakeholder(pasted[0])
    assert (new.x, new.y) == (60, 100) and new.decision_centre_id == ids["fin"]
    one_item_per_entity(page)
    count = page.context.document.undo_stack.count()
    window.select_account(ids["other"])
    other_page = map_page(window)
    other_page.paste()
    other = other_page.context.account
    assert len(other.stakeholders) == 2 and len(other.relationships) == 1
    assert all(s.decision_centre_id is None for s in other.stakeholders)  # centre not copied
    assert page.context.document.undo_stack.count() == count + 1
    one_item_per_entity(other_page)


# ====================================================================== arrange, search, overlays
def test_arrange_is_one_step_without_overlaps(setup):
    _w, page, path, ids = setup
    for _ in range(12):
        page.add_person(QPointF(0, 0))
    before, before_scene = fresh_json(path), scene_state(page)
    page.arrange()
    rects = [c.rect_in_scene() for c in page.scene.cards.values()]
    for i, r in enumerate(rects):
        for other in rects[i + 1:]:
            assert not r.intersects(other)
    for card in page.scene.cards.values():
        cid = card.person.decision_centre_id
        if cid:
            assert page.scene.centres[cid].rect_in_scene().contains(card.rect_in_scene())
    check_undo_redo(page, path, before, before_scene)


def test_search_highlights_and_centres_on_first(setup):
    _w, page, _path, ids = setup
    page.search.setText("смирн")
    card = page.scene.cards[ids["ids"][1]]
    assert card.highlighted and not page.scene.cards[ids["ids"][0]].highlighted
    page.search.setText("")
    assert not card.highlighted


def test_overlays_change_colours_and_mark_coverage(setup):
    _w, page, _path, ids = setup
    card = page.scene.cards[ids["ids"][0]]
    page.set_overlay("strength")
    assert card.symbol == "0"
    page.set_overlay("stage")
    assert card.symbol == "–"
    page.set_overlay("coverage")
    assert page.scene.centres[ids["fin"]].uncovered
    assert page.scene.centres[ids["fin"]].show_coverage
    assert any("economic buyer" in w for w in page.view.legend.content["warnings"])


# ====================================================================== persistence, bad input
def test_closing_and_reopening_shows_the_same_map(setup, qtbot):
    window, page, path, ids = setup
    drag(page, card_centre(page.scene.cards[ids["ids"][0]]), QPointF(1000, 300))
    drag(page, page.scene.cards[ids["ids"][1]].pos() + QPointF(CARD_WIDTH, CARD_HEIGHT / 2),
         card_centre(page.scene.cards[ids["ids"][2]]))
    state = scene_state(page)
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    again.open_workspace(path)
    again.select_account(ids["aid"])
    assert scene_state(map_page(again)) == state
    again.close()


def test_hostile_input_draws(tmp_path, qtbot):
    path = tmp_path / "big.accountmap"
    doc = WorkspaceDocument.open(path, create=True)
    editor = Editor(doc)
    aid = editor.add_account("Большой")
    people = [("stakeholders", Stakeholder(full_name=("" if i % 7 == 0 else f"Константинопольский-{i} 🚀 Александр"),
                                           title="Д" * 300, x=(i % 20) * 250, y=(i // 20) * 130))
              for i in range(200)]
    pids = editor.add_many(aid, people)
    editor.add_many(aid, [("relationships", Relationship(from_id=pids[i], to_id=pids[i + 1], kind="reports_to"))
                          for i in range(199)] +
                    [("relationships", Relationship(from_id=pids[199], to_id=pids[0], kind="reports_to"))])
    doc.close()  # one writer at a time: the window takes the workspace over
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_workspace(path)
    window.show()
    page = map_page(window)
    one_item_per_entity(page)
    page.zoom_fit()
    assert not window.grab().isNull()
    page.scene.clearSelection()
    assert "Reports-to cycles" in page.panel.summary.text()
    window.close()


# ====================================================================== render
def test_render_png_svg_pdf_with_names_as_text(setup, tmp_path):
    window, page, path, ids = setup
    page.context.editor.add(ids["aid"], "relationships", Relationship(
        from_id=ids["ids"][0], to_id=ids["ids"][1], label="коллеги"))
    names = [s.full_name for s in page.context.account.stakeholders]
    window.close()
    from accountmap.cli import main

    for suffix in ("png", "svg", "pdf"):
        out = tmp_path / f"map.{suffix}"
        assert main(["render", str(path), "--account", "АО «Уралтрубмаш»", "--view", "map",
                     "-o", str(out)]) == 0
        assert out.stat().st_size > 1000
    svg = (tmp_path / "map.svg").read_text(encoding="utf-8")
    texts = " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg))
    for name in names:
        for word in name.split():
            assert word in texts, word
    assert (tmp_path / "map.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (tmp_path / "map.pdf").read_bytes()[:5] == b"%PDF-"


def test_render_roadmap_and_refuse_unknown_account(setup, tmp_path, capsys):
    window, _page, path, _ids = setup
    window.close()
    from accountmap.cli import main

    assert main(["render", str(path), "--account", "АО «Уралтрубмаш»", "--view", "roadmap",
                 "-o", str(tmp_path / "r.png")]) == 0
    assert (tmp_path / "r.png").stat().st_size > 0
    assert main(["render", str(path), "--account", "Нет такого", "-o", str(tmp_path / "r.png")]) == 2
    assert "Нет такого" in capsys.readouterr().err
    assert main(["render", str(path), "--account", "АО «Уралтрубмаш»", "-o", str(tmp_path / "r.gif")]) == 2


def test_insert_key_adds_a_person_and_focus_entity_selects(setup):
    window, page, path, ids = setup
    page.view.setFocus()
    QTest.keyClick(page.view, Qt.Key.Key_Insert)
    assert len(page.context.account.stakeholders) == 4
    window.show_entity("stakeholder", ids["ids"][2])
    assert page.scene.cards[ids["ids"][2]].isSelected()
    assert page.panel.person_form.entity_id == ids["ids"][2]


def test_cut_and_paste_back_and_refuse_foreign_clipboard(setup, qtbot):
    _w, page, path, ids = setup
    from PySide6.QtGui import QGuiApplication

    page.scene.clearSelection()
    page.scene.centres[ids["it"]].setSelected(True)  # a frame brings its people
    page.cut_selection()
    account = page.context.account
    assert len(account.decision_centres) == 1 and len(account.stakeholders) == 2
    page.paste()
    account = page.context.account
    assert len(account.decision_centres) == 2 and len(account.stakeholders) == 3
    pasted = [s for s in account.stakeholders if s.id not in ids["ids"]][0]
    assert pasted.decision_centre_id in {c.id for c in account.decision_centres} - {ids["fin"]}
    one_item_per_entity(page)
    QGuiApplication.clipboard().setText("просто текст")
    count = page.context.document.undo_stack.count()
    assert page.paste() == []
    assert page.context.document.undo_stack.count() == count


def test_unset_date_calendar_opens_on_today(setup):
    _w, page, _path, ids = setup
    today = dt.date(2031, 7, 14)
    clock.pin(today)  # a month far from the real one: the calendar follows the clock
    click(page, card_centre(page.scene.cards[ids["ids"][0]]))
    edit = page.panel.person_form.last_contact
    assert edit.text() == "—"  # not set
    calendar = edit.calendarWidget()
    popup = calendar.window()  # the calendar popup of the date field
    popup.show()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year, today.month)
    popup.hide()


def test_deleting_the_shown_account_and_undoing_it(setup):
    window, page, path, ids = setup
    page.set_overlay("coverage")
    before = fresh_json(path)
    window.editor.delete_account(ids["aid"])
    assert not window.document.has_account(ids["aid"])
    window.document.undo_stack.undo()
    assert fresh_json(path) == before
    window.select_account(ids["aid"])
    one_item_per_entity(map_page(window))


def test_context_menus_on_card_edge_and_frame(setup):
    _w, page, path, ids = setup
    rid = page.context.editor.add(ids["aid"], "relationships",
                                  Relationship(from_id=ids["ids"][0], to_id=ids["ids"][1]))
    card = page.scene.cards[ids["ids"][0]]
    actions = {a.text(): a for a in page.build_context_menu(card, card_centre(card)).actions()}
    assert {"Edit", "Connect to…", "Add open question", "Delete"} <= set(actions)
    actions["Add open question"].trigger()
    assert [q.stakeholder_id for q in page.context.account.open_questions] == [ids["ids"][0]]
    assert page.panel.person_form.current_question_id() is not None
    edge = page.scene.edges[rid]
    menu = page.build_context_menu(edge, edge.line.center())
    kinds = next(a for a in menu.actions() if a.menu() is not None).menu()
    next(a for a in kinds.actions() if a.text() == "Conflict").trigger()
    assert page.context.account.relationships[0].kind.value == "conflict"
    frame = page.scene.centres[ids["fin"]]
    page.scene.clearSelection()
    frame.setSelected(True)
    actions = {a.text(): a for a in page.build_context_menu(frame, QPointF(10, 10)).actions()}
    actions["Delete decision centre (people stay)"].trigger()
    account = page.context.account
    assert ids["fin"] not in page.scene.centres and len(account.stakeholders) == 3
    assert account.stakeholder(ids["ids"][0]).decision_centre_id is None
    one_item_per_entity(page)


def expected_line(edge: EdgeItem):
    """The geometry an edge must show for where its two cards are now."""
    fresh = EdgeItem(edge.relationship, edge.source, edge.target)
    fresh.offset = edge.offset
    fresh.update_geometry()
    return fresh.line, fresh._label_rect(edge._label_t).topLeft()


def test_edges_and_labels_follow_every_step_of_a_multi_card_drag(setup):
    """Edges are updated once per mouse step (not per moved card) and the BSP index is
    off during the drag: every step must still show each edge where its cards are."""
    _w, page, path, ids = setup
    a, b, c = ids["ids"]
    editor = page.context.editor
    both = editor.add(ids["aid"], "relationships",
                      Relationship(from_id=a, to_id=b, kind="influences", label="бывшие коллеги"))
    one = editor.add(ids["aid"], "relationships", Relationship(from_id=c, to_id=b, kind="ally"))
    scene = page.scene
    for pid in (a, b):
        scene.cards[pid].setSelected(True)
    vp = page.view.viewport()
    start = vp_point(page, card_centre(scene.cards[a]))
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for i in range(1, 6):
        QTest.mouseMove(vp, start + QPoint(i * 10, i * 6))
        assert scene.dragging
        for rid in (both, one):
            edge = scene.edges[rid]
            assert edge.line == expected_line(edge)[0]
        assert scene.edges[both].label_item.pos() == expected_line(scene.edges[both])[1]
    assert scene.cards[a].pos() != scene.cards[a].model_pos()  # it did move
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       start + QPoint(50, 30))
    assert not scene.dragging
    assert scene.itemIndexMethod() == scene.ItemIndexMethod.BspTreeIndex
    for rid in (both, one):
        assert scene.edges[rid].line == expected_line(scene.edges[rid])[0]
    account = page.context.account
    assert scene.cards[a].pos() == QPointF(account.stakeholder(a).x, account.stakeholder(a).y)
    # the index is back and right: the moved card is found where it now is
    assert scene.card_at(card_centre(scene.cards[a])) is scene.cards[a]


def test_rubber_band_selects_cards_then_one_drag_moves_them_all(setup):
    _w, page, path, ids = setup
    page.view.set_zoom(0.5)
    page.view.centerOn(QPointF(600, 250))
    drag(page, QPointF(-40, 560), QPointF(1300, 120))  # from empty canvas
    selected = set(page.scene.selected_ids("stakeholders"))
    assert selected == set(ids["ids"])
    # a band over part of the map only: the third card (x 720..950, y 220..330) stays out
    page.scene.clearSelection()
    drag(page, QPointF(-40, 560), QPointF(600, 120))
    assert set(page.scene.selected_ids("stakeholders")) == set(ids["ids"][:2])
    page.scene.clearSelection()
    for pid in ids["ids"]:
        page.scene.cards[pid].setSelected(True)
    before, before_scene = fresh_json(path), scene_state(page)
    count = page.context.document.undo_stack.count()
    first = page.scene.cards[ids["ids"][0]]
    drag(page, card_centre(first), card_centre(first) + QPointF(0, 40))
    account = page.context.account
    assert [account.stakeholder(p).y for p in ids["ids"]] == [100, 100, 260]
    assert page.context.document.undo_stack.count() == count + 1
    check_undo_redo(page, path, before, before_scene)


def test_an_edge_label_shows_only_where_it_fits_between_the_cards(setup):
    """Side by side, a label would hide behind the cards: it is left to the tooltip;
    dragged apart, the label shows at the middle of the edge."""
    _w, page, _path, ids = setup
    a, b, _c = ids["ids"]
    editor = page.context.editor
    scene = page.scene
    editor.move(ids["aid"], {("stakeholders", a): (0.0, 0.0),
                             ("stakeholders", b): (CARD_WIDTH + 20, 0.0)})
    rid = editor.add(ids["aid"], "relationships",
                     Relationship(from_id=a, to_id=b, kind="influences",
                                  label="Продвигает стандарт холдинга"))
    edge = scene.edges[rid]
    assert edge.line.length() < 40
    assert not edge.label_item.isVisible()
    assert "Продвигает стандарт холдинга" in edge.toolTip()

    drag(page, card_centre(scene.cards[b]), card_centre(scene.cards[b]) + QPointF(400, 0))
    assert scene.cards[b].pos().x() > CARD_WIDTH + 300
    assert edge.label_item.isVisible()
    label = edge.label_item.sceneBoundingRect()
    for card in (scene.cards[a], scene.cards[b]):
        assert not label.intersects(card.sceneBoundingRect())
    assert edge.boundingRect().contains(edge.mapFromScene(label).boundingRect())

    # farther apart, with a third card on the middle of the line: the label steps aside
    c = _c
    editor.move(ids["aid"], {("stakeholders", b): (CARD_WIDTH + 900, 0.0)})
    mid = edge.line.center()
    editor.move(ids["aid"], {("stakeholders", c): (mid.x() - CARD_WIDTH / 2, mid.y() - CARD_HEIGHT / 2)})
    assert edge.label_item.isVisible() and edge._label_t != 0.5
    label = edge.label_item.sceneBoundingRect()
    for card in scene.cards.values():
        assert not label.intersects(card.sceneBoundingRect())

    page.context.document.undo_stack.undo()  # the move of the third card
    assert edge._label_t == 0.5 and edge.label_item.isVisible()
    page.context.document.undo_stack.undo()  # b farther
    page.context.document.undo_stack.undo()  # the drag: side by side again
    assert not edge.label_item.isVisible()


def test_edge_labels_come_and_go_with_their_edges(setup):
    """Labels are items of their own above the cards: none is left behind when its
    edge, its label or a person goes, or comes back by undo."""
    from accountmap.canvas.accountmap.items import EdgeLabel

    _w, page, _path, ids = setup
    a, b, c = ids["ids"]
    editor = page.context.editor
    scene = page.scene
    undo = page.context.document.undo_stack

    def labels():
        return sorted(i.edge.relationship.id for i in scene.items() if isinstance(i, EdgeLabel))

    def labelled():
        return sorted(e.relationship.id for e in scene.edges.values() if e.relationship.label)

    rid = editor.add(ids["aid"], "relationships",
                     Relationship(from_id=a, to_id=c, kind="ally", label="однокурсники"))
    assert rid in labels() and labels() == labelled()
    assert scene.edges[rid].label_item.zValue() > scene.cards[a].zValue()
    editor.update(ids["aid"], "relationships", rid, label="")
    assert rid not in labels()
    undo.undo()
    assert rid in labels() and labels() == labelled()
    editor.delete(ids["aid"], {"stakeholders": [c]})  # takes its relationships along
    assert rid not in labels() and labels() == labelled()
    undo.undo()
    assert rid in labels() and labels() == labelled()
    one_item_per_entity(page)


def test_two_labels_meeting_at_a_crossing_do_not_cover_each_other(setup):
    _w, page, _path, ids = setup
    a, b, c = ids["ids"]
    editor = page.context.editor
    scene = page.scene
    d = editor.add(ids["aid"], "stakeholders", Stakeholder(full_name="Дмитриев Олег Петрович"))
    editor.move(ids["aid"], {("stakeholders", a): (0.0, 0.0), ("stakeholders", b): (1000.0, 0.0),
                             ("stakeholders", c): (500.0, -500.0), ("stakeholders", d): (500.0, 500.0)})
    across = editor.add(ids["aid"], "relationships", Relationship(
        from_id=a, to_id=b, kind="influences", label="Совместно готовят пилот на заводе"))
    down = editor.add(ids["aid"], "relationships", Relationship(
        from_id=c, to_id=d, kind="ally", label="Бывшие однокурсники по МИСиС"))
    first, second = scene.edges[across].label_item, scene.edges[down].label_item
    assert first.isVisible() and second.isVisible()
    assert not first.sceneBoundingRect().intersects(second.sceneBoundingRect())
    for label in (first, second):
        for card in scene.cards.values():
            assert not label.sceneBoundingRect().intersects(card.sceneBoundingRect())


def test_a_label_stands_for_its_relationship(setup):
    """Clicking a label selects its edge; right-clicking it offers the relationship's
    menu; hovering it tells the same as the edge."""
    _w, page, _path, ids = setup
    a, b, _c = ids["ids"]
    editor = page.context.editor
    scene = page.scene
    editor.move(ids["aid"], {("stakeholders", a): (0.0, 0.0), ("stakeholders", b): (900.0, 0.0)})
    rid = editor.add(ids["aid"], "relationships",
                     Relationship(from_id=a, to_id=b, kind="influences", label="Последнее слово"))
    edge = scene.edges[rid]
    label = edge.label_item
    assert label.isVisible()
    page.view.centerOn(label)
    where = vp_point(page, label.sceneBoundingRect().center())
    scene.cards[a].setSelected(True)
    QTest.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, where)
    assert scene.selectedItems() == [edge]
    assert scene.entity_item_at(label.sceneBoundingRect().center()) is edge
    assert label.toolTip() == edge.toolTip() and "Последнее слово" in label.toolTip()
    editor.update(ids["aid"], "relationships", rid, label="Решающий голос")
    assert "Решающий голос" in label.toolTip()
    editor.update(ids["aid"], "stakeholders", a, full_name="Переименованный Пётр")
    assert "Переименованный Пётр" in edge.toolTip() and "Переименованный Пётр" in label.toolTip()
