"""`place_edge_labels` places ~2,000 labels after Arrange automatically at 3,000 people:
it looks cards and labels up in a grid of cells and searches each label's spots with
`best_spot` (issue 15). The labels must end exactly where a plain search puts them, label
by label, against every box (no grid), from any starting spots, with or without fixed
boxes."""

from __future__ import annotations

import random

from accountmap.canvas.accountmap.items import CardItem
from accountmap.canvas.accountmap.label_placement import LABEL_SPOTS, CardGrid, place_edge_labels
from accountmap.canvas.accountmap.page import AccountMapPage
from accountmap.layout.orgchart import layout_account_map
from accountmap.layout.sizes import CENTRE_HEADER
from accountmap.storage.workspace_file import WorkspaceFile
from tests.qt.demo_window import open_on_page
from tests.samples.synthetic import add_relationships, synthetic_account


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def reference(cards, centres, labelled, fixed=()) -> None:
    """The rule, written plainly: each label in turn goes to the first spot along its
    line (middle first, then outwards) that no card or label hides, else to the least
    hidden one; never on its own two cards, a frame's title, a fixed box or a label
    placed before. No spot: left where it was, not shown."""
    soft = [CardItem.box_at(card.pos()) for card in cards] + list(fixed)
    hard = [(c.pos().x(), c.pos().y(), c.pos().x() + c.size.width(), c.pos().y() + CENTRE_HEADER)
            for c in centres] + list(fixed)
    for edge in labelled:
        if not edge._label:
            continue
        w, h = edge._label_size.width(), edge._label_size.height()
        own = (CardItem.box_at(edge.source.pos()), CardItem.box_at(edge.target.pos()))
        line = edge.line
        best, least = None, float("inf")
        for spot in LABEL_SPOTS:
            cx = line.x1() + (line.x2() - line.x1()) * spot
            cy = line.y1() + (line.y2() - line.y1()) * spot
            box = (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
            if any(_overlap(box, b) for b in own) or any(_overlap(box, b) for b in hard):
                continue
            area = sum((min(box[2], b[2]) - max(box[0], b[0])) * (min(box[3], b[3]) - max(box[1], b[1]))
                       for b in soft if _overlap(box, b))
            if area < least:
                best, least = spot, area
                if area == 0:
                    break
        t, shown = (best, True) if best is not None else (edge._label_t, False)
        if (t, shown) != (edge._label_t, edge._label_free):
            edge._label_t, edge._label_free = t, shown
            edge.update_geometry()
        if shown:
            cx = line.x1() + (line.x2() - line.x1()) * t
            cy = line.y1() + (line.y2() - line.y1()) * t
            box = (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
            soft.append(box)
            hard.append(box)


def _crowded_map(path) -> None:
    account = synthetic_account(240, centres=8, seed=3, with_cycle=False)
    rng = random.Random(3)
    add_relationships(account, 420, rng)
    for i, relationship in enumerate(account.relationships):
        if i % 4:
            relationship.label = f"Совместный пилот {i}" + " и закупка" * (i % 3)
    laid_out = layout_account_map(account)
    for person in account.stakeholders:
        x, y = laid_out.cards[person.id]
        person.x, person.y = x + rng.choice((0, 40, 120)), y + rng.choice((0, 20, 60))
    for centre in account.decision_centres:
        centre.x, centre.y, centre.width, centre.height = laid_out.centres[centre.id]
    with WorkspaceFile.open(path, create=True) as wf:
        wf.add_accounts([account])


def _state(scene) -> dict:
    # the line's bounds too: a label moved along its line (EdgeItem.move_label) must leave
    # them as update_geometry does
    return {rid: (e._label_t, e._label_free, e.label_item.pos().toTuple(), e.label_item.isVisible(),
                  e.boundingRect().getRect())
            for rid, e in scene.edges.items() if e.label_item is not None}


def _start_from(scene, spots: dict) -> None:
    for rid, (t, free) in spots.items():
        edge = scene.edges[rid]
        edge._label_t, edge._label_free = t, free
        edge.update_geometry()


def test_labels_end_where_the_label_by_label_search_puts_them(qtbot, tmp_path):
    path = tmp_path / "crowded.accountmap"
    _crowded_map(path)
    _window, page = open_on_page(qtbot, path, AccountMapPage)
    scene = page.scene
    labelled = [e for e in scene.edges.values() if e.label_item is not None]
    assert len(labelled) > 250
    cards, centres = list(scene.cards.values()), list(scene.centres.values())
    rng = random.Random(5)
    spots = [0.5, *LABEL_SPOTS]
    starts = [{e.entity_id: (0.5, True) for e in labelled},
              {e.entity_id: (rng.choice(spots), rng.random() < 0.7) for e in labelled}]
    fixed = [(c.pos().x() + 30, c.pos().y() - 10, c.pos().x() + 190, c.pos().y() + 8)
             for c in cards[::7]]
    moved = 0
    for start in starts:
        for boxes in ((), fixed):
            _start_from(scene, start)
            reference(cards, centres, labelled, boxes)
            expected = _state(scene)
            _start_from(scene, start)
            place_edge_labels(cards, centres, labelled, boxes)
            assert _state(scene) == expected
            moved += sum(1 for rid, s in expected.items() if s[:2] != start[rid])
            hidden = sum(1 for s in expected.values() if not s[1])
            assert hidden and hidden < len(expected)  # both cases were met
    assert moved > 100


def test_the_grid_kept_between_placements_holds_what_a_new_one_would(qtbot, tmp_path):
    """The scene keeps its cards' grid between placements (`CardGrid`): a drop moves a few
    cards and only those change cells. After each move it must hold what a grid made
    afresh holds (each cell's boxes in the cards' order), and the labels must end where
    a placement with a new grid puts them."""
    path = tmp_path / "crowded.accountmap"
    _crowded_map(path)
    _window, page = open_on_page(qtbot, path, AccountMapPage)
    scene = page.scene
    labelled = [e for e in scene.edges.values() if e.label_item is not None]
    cards, centres = list(scene.cards.values()), list(scene.centres.values())
    grid = CardGrid()
    grid.update(cards, [c.pos().toTuple() for c in cards])
    rng = random.Random(7)
    for _ in range(6):  # a few cards dropped elsewhere, some onto others
        for card in rng.sample(cards, 12):
            other = rng.choice(cards).pos()
            card.setPos(other.x() + rng.choice((0, 30, 150)), other.y() + rng.choice((0, 10, 90)))
        positions = [c.pos().toTuple() for c in cards]
        grid.update(cards, positions)
        fresh = CardGrid()
        fresh.update(cards, positions)
        assert grid.rebuilds == 1  # kept: only the moved cards changed cells
        assert grid.cells == fresh.cells and grid.boxes == fresh.boxes
        start = {e.entity_id: (0.5, True) for e in labelled}
        _start_from(scene, start)
        place_edge_labels(cards, centres, labelled, grid=grid)
        kept = _state(scene)
        _start_from(scene, start)
        place_edge_labels(cards, centres, labelled)
        assert _state(scene) == kept
    scene.place_labels(force=True)  # the scene's own grid: made afresh (many cards moved)
    rebuilds = scene._card_grid.rebuilds
    for card in cards[:3]:  # then a drop of three cards: kept
        card.setPos(card.pos().x() + 40, card.pos().y() + 90)
    scene.place_labels()
    assert scene._card_grid.rebuilds == rebuilds
    placed = {rid: s[:2] for rid, s in _state(scene).items()}
    for edge in labelled:
        start = placed[edge.entity_id]
        edge._label_t, edge._label_free = start
    place_edge_labels(cards, centres, labelled)
    assert {rid: s[:2] for rid, s in _state(scene).items()} == placed
