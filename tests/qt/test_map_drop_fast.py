"""A drop compares only what the drag moved with the model (the dragged items and the
cards their frames carried), not every item of the map (issue 15: ~5 ms per drop at
3,000 people). It must find exactly what the scan of every item finds, in its order."""

from __future__ import annotations

from PySide6.QtCore import QPointF

from accountmap.canvas.common.scene import CanvasScene
from accountmap.layout.sizes import CENTRE_HEADER
from tests.qt.test_map_canvas import card_centre, click, drag, setup  # noqa: F401 - the fixture


def _watch(scene) -> list:
    """Each drop's moved items, with what the scan of every item gives at that moment."""
    seen = []
    fast = scene.moved_items

    def both():
        full = CanvasScene.moved_items(scene)
        took_fast_path = scene._drag_movers is not None
        got = fast()
        seen.append((took_fast_path, got, full))
        return got

    scene.moved_items = both
    return seen


def test_a_dragged_frame_and_a_selected_card_are_found_as_by_the_scan(setup):  # noqa: F811
    _w, page, _path, ids = setup
    scene = page.scene
    seen = _watch(scene)
    scene.clearSelection()
    scene.centres[ids["fin"]].setSelected(True)
    scene.cards[ids["ids"][2]].setSelected(True)  # in the other frame
    drag(page, QPointF(300, CENTRE_HEADER / 2), QPointF(300, CENTRE_HEADER / 2 + 200))
    (fast, got, full), = seen
    assert fast
    assert got == full
    assert {item.entity_id for item in got} == {ids["fin"], *ids["ids"][:3]}
    account = page.context.account
    assert account.decision_centre(ids["fin"]).y == 200
    assert account.stakeholder(ids["ids"][0]).y == 260  # carried by its frame
    assert account.stakeholder(ids["ids"][2]).y != 220  # dragged with the frame


def test_a_dragged_card_then_a_click_are_found_as_by_the_scan(setup):  # noqa: F811
    _w, page, _path, ids = setup
    scene = page.scene
    seen = _watch(scene)
    card = scene.cards[ids["ids"][1]]
    drag(page, card_centre(card), card_centre(card) + QPointF(40, 80))
    click(page, card_centre(card))  # no drag: every item is looked at (nothing moved)
    (fast, got, full), (fast2, got2, full2) = seen
    assert fast and got == full == [card]
    assert not fast2 and got2 == full2 == []
