"""Cards live in their decision centres: a new person goes into the selected centre (in a
free slot below its title), choosing a centre in the panel moves the card into that frame,
a card dropped into a frame is held by it (the frame grows); each one undo step."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF

from accountmap.layout.sizes import CENTRE_HEADER
from tests.qt.test_map_canvas import (  # noqa: F401 - the fixture
    card_centre,
    check_undo_redo,
    click,
    drag,
    scene_state,
    setup,
)
from tests.snapshots import fresh_json


def frame_rect(page, centre_id) -> QRectF:
    return page.scene.centres[centre_id].rect_in_scene()


def body_rect(page, centre_id) -> QRectF:
    """The frame below its title: where cards belong."""
    return frame_rect(page, centre_id).adjusted(0, CENTRE_HEADER, 0, 0)


def holds(page, centre_id, person_id) -> bool:
    return body_rect(page, centre_id).contains(page.scene.cards[person_id].rect_in_scene())


def test_a_new_person_goes_into_the_selected_centre(setup):
    window, page, path, ids = setup
    click(page, frame_rect(page, ids["it"]).topLeft() + QPointF(60, 12))  # the frame's title
    assert page.scene.centres[ids["it"]].isSelected()
    before, shown = fresh_json(path), scene_state(page)
    index = page.context.document.undo_stack.index()
    page.act_add_person.trigger()
    assert page.context.document.undo_stack.index() == index + 1
    new = next(p for p in page.context.account.stakeholders if p.id not in ids["ids"])
    assert new.decision_centre_id == ids["it"]
    assert holds(page, ids["it"], new.id)
    others = [c.rect_in_scene() for k, c in page.scene.cards.items() if k != new.id]
    assert not any(page.scene.cards[new.id].rect_in_scene().intersects(r) for r in others)
    check_undo_redo(page, path, before, shown)


def test_a_selected_card_sends_the_new_person_to_its_centre_and_the_frame_grows(setup):
    window, page, path, ids = setup
    fin = ids["fin"]
    for _ in range(3):  # finance holds 2 cards in a 560x400 frame: the third row needs room
        click(page, card_centre(page.scene.cards[ids["ids"][0]]))
        page.act_add_person.trigger()
    people = [p for p in page.context.account.stakeholders if p.decision_centre_id == fin]
    assert len(people) == 5
    assert all(holds(page, fin, p.id) for p in people)
    assert frame_rect(page, fin).height() > 400


def test_choosing_a_centre_in_the_panel_moves_the_card_into_that_frame(setup):
    window, page, path, ids = setup
    person = ids["ids"][0]
    click(page, card_centre(page.scene.cards[person]))
    form = page.panel.person_form
    combo = form.centre
    before, shown = fresh_json(path), scene_state(page)
    index = page.context.document.undo_stack.index()
    target = combo.findData(ids["it"])
    combo.setCurrentIndex(target)
    combo.activated.emit(target)
    assert page.context.document.undo_stack.index() == index + 1
    assert page.context.account.stakeholder(person).decision_centre_id == ids["it"]
    assert holds(page, ids["it"], person)
    check_undo_redo(page, path, before, shown)


def test_a_card_dropped_over_a_frame_edge_is_held_by_the_frame(setup):
    window, page, path, ids = setup
    person = ids["ids"][2]  # in IT at (720, 60)
    card = page.scene.cards[person]
    fin = frame_rect(page, ids["fin"])
    # drop it so that it sticks out of the finance frame's right border, near its title
    target = QPointF(fin.right() - 60, fin.top() + 40)
    drag(page, card_centre(card), target)
    assert page.context.account.stakeholder(person).decision_centre_id == ids["fin"]
    assert holds(page, ids["fin"], person)
