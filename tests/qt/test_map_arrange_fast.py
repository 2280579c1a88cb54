"""Arrange automatically and a drop at scale (issue 15) go through the document's
move fast path and a scene that redraws only what a move changes: the result must be
what it was — one undo step, the file as memory, the scene as one built afresh, undo
back to the map before."""

from __future__ import annotations

from PySide6.QtCore import QPointF

from accountmap.canvas.accountmap.page import AccountMapPage
from accountmap.canvas.accountmap.scene import AccountMapScene
from accountmap.layout.orgchart import layout_account_map
from tests.qt.demo_window import open_on_page, show_page, window  # noqa: F401 - a fixture
from tests.qt.test_label_placement_inline import _crowded_map
from tests.qt.test_map_follows_edits import shown
from tests.snapshots import fresh_json, memory_json


def test_arrange_and_its_undo_leave_the_file_memory_and_scene_agreeing(qtbot, tmp_path):
    path = tmp_path / "crowded.accountmap"
    _crowded_map(path)
    window, page = open_on_page(qtbot, path, AccountMapPage)
    doc, scene = window.document, page.scene
    before_file, before_scene = fresh_json(path), shown(scene)
    layout = layout_account_map(page.context.account)
    page.act_arrange.trigger()
    assert doc.undo_stack.count() == 1
    assert memory_json(doc) == fresh_json(path) != before_file
    for person in page.context.account.stakeholders:
        assert (person.x, person.y) == tuple(map(float, layout.cards[person.id]))
        assert scene.cards[person.id].pos() == QPointF(person.x, person.y)
    assert shown(scene) == shown(AccountMapScene(page.context))
    doc.undo_stack.undo()
    assert fresh_json(path) == before_file == memory_json(doc)
    assert shown(scene) == before_scene
    doc.undo_stack.redo()
    assert memory_json(doc) == fresh_json(path) != before_file
    assert shown(scene) == shown(AccountMapScene(page.context))


def test_a_move_redraws_no_card_an_edit_of_attitude_does(window, monkeypatch):
    page = show_page(window, AccountMapPage)
    scene, editor, aid = page.scene, window.editor, window.account_id
    people = window.document.account(aid).stakeholders[:3]
    looked: list = []
    real = scene.refresh_looks
    monkeypatch.setattr(scene, "refresh_looks",
                        lambda ids=None, coverage=True: looked.append(ids) or real(ids, coverage))
    redrawn: list = []
    card_class = type(scene.cards[people[0].id])
    real_set = card_class.set_person
    monkeypatch.setattr(card_class, "set_person",
                        lambda card, person: redrawn.append(person.id) or real_set(card, person))
    editor.move(aid, {("stakeholders", p.id): (p.x + 40, p.y + 20) for p in people})
    assert looked == []  # the colours, symbols and stale marks cannot have changed
    assert redrawn == []  # nor what the cards draw: their cached pictures are kept
    for p in window.document.account(aid).stakeholders[:3]:
        assert scene.cards[p.id].person is p and scene.cards[p.id].pos() == QPointF(p.x, p.y)
    editor.update(aid, "stakeholders", people[0].id, attitude="opponent")
    assert looked == [[people[0].id]] and redrawn == [people[0].id]
    assert scene.cards[people[0].id].fill == scene.look_of(scene.cards[people[0].id].person)[0]


def _lines(scene) -> dict:
    """Each line as Qt and the painter see it, its label where it shows."""
    return {rid: (e.line, list(e.points), e.boundingRect().getRect(), e._label_t, e._label_free,
                  e.unfinished, None if e.label_item is None else
                  (e.label_item.pos().toTuple(), e.label_item.isVisible()))
            for rid, e in scene.edges.items()}


def _two_crowded_maps(qtbot, tmp_path):
    """The same crowded map in two files, each open on its map page: (window, page) twice."""
    ends = []
    for name in ("first", "second"):
        path = tmp_path / f"{name}.accountmap"
        _crowded_map(path)
        ends.append(open_on_page(qtbot, path, AccountMapPage))
    return ends


def test_arrange_finishes_each_line_once_and_as_one_card_at_a_time_would(qtbot, tmp_path, monkeypatch):
    """Many cards moved at once (`moving_many`): the lines are computed, the labels placed,
    then each line finished once (its label and bounds); the same lines and labels as
    when each card moved its own lines at once (below `MANY`), and after undo too."""
    from accountmap.canvas.accountmap.items import EdgeItem

    (window, page), (window_1, page_1) = _two_crowded_maps(qtbot, tmp_path)
    page_1.scene.MANY = 10 ** 9  # each card's itemChange updates its lines at once
    assert _lines(page.scene) == _lines(page_1.scene)
    finished: list = []
    real = EdgeItem._finish_geometry
    monkeypatch.setattr(EdgeItem, "_finish_geometry",
                        lambda edge, *box: finished.append(edge) or real(edge, *box))
    page.act_arrange.trigger()
    assert len(finished) == len(set(finished)) > 100  # each moved line finished once
    page_1.act_arrange.trigger()
    assert _lines(page.scene) == _lines(page_1.scene)
    assert shown(page.scene) == shown(page_1.scene)
    window.document.undo_stack.undo()
    window_1.document.undo_stack.undo()
    assert _lines(page.scene) == _lines(page_1.scene)


def test_undo_puts_the_labels_back_as_a_new_search_would(qtbot, tmp_path, monkeypatch):
    """Undo of Arrange brings back the cards, lines and labels of the map before: the
    labels go to the spots found for it then (`AccountMapScene._placements`), without a
    search; the same lines and labels as a scene that searches again, and after redo."""
    from accountmap.canvas.accountmap import label_placement

    (window, page), (window_1, page_1) = _two_crowded_maps(qtbot, tmp_path)
    real_place = page_1.scene.place_labels

    def searched(force: bool = False) -> None:
        page_1.scene._placements.clear()  # nothing kept: every placement searches
        real_place(force)

    monkeypatch.setattr(page_1.scene, "place_labels", searched)
    before = _lines(page.scene)
    assert before == _lines(page_1.scene)
    assert any(not free for _l, _p, _r, _t, free, *_rest in before.values())  # some hidden
    page.act_arrange.trigger()
    page_1.act_arrange.trigger()
    assert _lines(page.scene) == _lines(page_1.scene) != before
    looked: list = []
    real_spot = label_placement.best_spot
    monkeypatch.setattr(label_placement, "best_spot",
                        lambda *args: looked.append(args) or real_spot(*args))
    window.document.undo_stack.undo()
    assert looked == []  # the spots of the map before, not a new search
    window_1.document.undo_stack.undo()
    assert len(looked) > 100  # the plain path searched
    assert _lines(page.scene) == _lines(page_1.scene) == before
    assert shown(page.scene) == shown(page_1.scene)
    window.document.undo_stack.redo()
    window_1.document.undo_stack.redo()
    assert _lines(page.scene) == _lines(page_1.scene)
    assert shown(page.scene) == shown(page_1.scene)


def test_arrange_and_its_undo_run_without_a_garbage_collection(qtbot, tmp_path):
    """Thousands of models, rows and lines made at once: the collector waits (Arrange,
    `moving_many`, the document's apply of many rows) and what they made joins the
    account's frozen objects (the window froze them: `gc.freeze`), so no collection
    walks them after; the collector runs again as it was."""
    import gc

    from accountmap.document import collector

    path = tmp_path / "crowded.accountmap"
    _crowded_map(path)
    window, page = open_on_page(qtbot, path, AccountMapPage)
    assert gc.get_freeze_count() and collector._frozen and gc.isenabled()
    collections: list = []

    def seen(phase, info) -> None:
        if phase == "start":
            collections.append(info["generation"])

    gc.callbacks.append(seen)
    try:
        page.act_arrange.trigger()
        assert collections == [] and gc.isenabled()
        young = {id(o) for o in gc.get_objects()}
        assert not any(id(p) in young for p in page.context.account.stakeholders)
        window.document.undo_stack.undo()
        window.document.undo_stack.redo()
        assert collections == [] and gc.isenabled()
    finally:
        gc.callbacks.remove(seen)
