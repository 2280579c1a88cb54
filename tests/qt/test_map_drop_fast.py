"""A drop compares only what the drag moved with the model (the dragged items and the
cards their frames carried), not every item of the map (issue 15: ~5 ms per drop at
3,000 people). It must find exactly what the scan of every item finds, in its order."""

from __future__ import annotations

from PySide6.QtCore import QPointF

from accountmap.canvas.accountmap.items.edge import EdgeLabel
from accountmap.canvas.accountmap.page import AccountMapPage
from accountmap.canvas.common.scene import CanvasScene
from accountmap.layout.sizes import CENTRE_HEADER
from tests.qt.demo_window import show_page, window  # noqa: F401 - a fixture
from tests.qt.test_map_canvas import card_centre, click, drag, setup  # noqa: F401 - the fixture
from tests.qt.test_map_drag_lines import frame_probe_points


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


def test_a_line_has_no_python_item_change_and_its_label_comes_and_goes_with_it(window):  # noqa: F811
    """A drop on a big map makes ~1,700 lines opaque and drawn by Qt again: a Python
    `itemChange` on EdgeItem would be called twice per change. Without it the scene puts a
    line's label in and takes it out with its line: deleted, undone, a label added."""
    from accountmap.canvas.accountmap.items import EdgeItem

    assert "itemChange" not in vars(EdgeItem)
    page = show_page(window, AccountMapPage)
    scene, editor, aid = page.scene, window.editor, window.account_id

    def labels_in_scene() -> None:
        labels = {item for item in scene.items() if isinstance(item, EdgeLabel)}
        assert labels == {e.label_item for e in scene.edges.values() if e.label_item is not None}

    labels_in_scene()
    account = window.document.account(aid)
    labelled = next(r for r in account.relationships if r.label)
    label = scene.edges[labelled.id].label_item
    assert label.scene() is scene
    editor.delete(aid, {"relationships": [labelled.id]})
    assert label.scene() is None and labelled.id not in scene.edges
    labels_in_scene()
    window.document.undo_stack.undo()
    assert scene.edges[labelled.id].label_item.scene() is scene
    labels_in_scene()
    bare = next(r for r in account.relationships if not r.label)
    editor.update(aid, "relationships", bare.id, label="Вместе учились")
    assert scene.edges[bare.id].label_item.scene() is scene
    labels_in_scene()
    person = next(s for s in account.stakeholders if any(
        r.from_id == s.id or r.to_id == s.id for r in account.relationships if r.label))
    editor.delete(aid, {"stakeholders": [person.id]})  # the lines go with the card
    labels_in_scene()
    window.document.undo_stack.undo()
    labels_in_scene()


def test_the_frame_a_card_is_dropped_into_is_the_one_centre_at_finds(setup):  # noqa: F811
    """commit_moves looks frames up among boxes taken once (`_frame_among`), not through
    every frame's rect per card: the same frame as centre_at everywhere."""
    _w, page, _path, ids = setup
    scene = page.scene
    boxes = [(frame, scene._frame_box(frame)) for frame in scene.centres.values()]
    points = frame_probe_points(scene)
    assert all(scene._frame_among(boxes, p) is scene.centre_at(p) for p in points)
    assert sum(scene.centre_at(p) is not None for p in points) > len(points) // 4
    card = scene.cards[ids["ids"][0]]  # from "fin" into "it"
    target = scene.centres[ids["it"]].rect_in_scene().center()
    drag(page, card_centre(card), target)
    assert page.context.account.stakeholder(ids["ids"][0]).decision_centre_id == ids["it"]


def test_a_map_without_labels_has_its_cards_grid_and_the_first_placement_keeps_it(setup):  # noqa: F811
    """The cards' grid for label placement is made with the map even when no line has a
    label yet: the first placement after a label came (in the bench: the first drop after
    edits) uses it, it does not build it (~8 ms at 3,000 people). It is the grid a fresh
    build gives."""
    from accountmap.canvas.accountmap.label_placement import CardGrid
    from accountmap.domain.models import Relationship

    _w, page, _path, ids = setup
    scene, editor = page.scene, page.context.editor
    assert not any(e.label_item is not None for e in scene.edges.values())
    cards = list(scene.cards.values())
    assert set(scene._card_grid.boxes) == {id(card) for card in cards}
    rebuilds = scene._card_grid.rebuilds
    placed = scene._labels_placed_for
    editor.add(ids["aid"], "relationships", Relationship(
        from_id=ids["ids"][0], to_id=ids["ids"][2], label="Вместе учились"))
    assert scene._labels_placed_for is not placed  # placed with the scene's grid
    assert scene._card_grid.rebuilds == rebuilds
    fresh = CardGrid()
    fresh.update(cards, [c.pos().toTuple() for c in cards])
    assert scene._card_grid.cells == fresh.cells and scene._card_grid.boxes == fresh.boxes
