"""`place_edge_labels` spends its time on ~2,000 labels after Arrange automatically at 3,000
people; it searches the spots of each label inline (issue 15) rather than through
`EdgeItem.place_label` and its callbacks. The labels must end exactly where the
label-by-label search puts them, from any starting spots, with or without fixed boxes."""

from __future__ import annotations

import random
from collections import defaultdict

from accountmap.canvas.accountmap.items import CardItem
from accountmap.canvas.accountmap.label_placement import place_edge_labels
from accountmap.canvas.accountmap.page import AccountMapPage
from accountmap.layout.orgchart import layout_account_map
from accountmap.layout.sizes import CENTRE_HEADER
from accountmap.storage.workspace_file import WorkspaceFile
from tests.qt.demo_window import open_on_page
from tests.samples.synthetic import add_relationships, synthetic_account


def reference(cards, centres, labelled, fixed=()) -> None:
    """The placement as it was: each label through EdgeItem.place_label."""
    w, h = CardItem.BOUNDS.width(), CardItem.BOUNDS.height()
    cells = defaultdict(list)
    hard = defaultdict(list)

    def add(box, grid=cells) -> None:
        for cx in range(int(box[0] // w), int(box[2] // w) + 1):
            for cy in range(int(box[1] // h), int(box[3] // h) + 1):
                grid[(cx, cy)].append(box)

    for card in cards:
        add(CardItem.box_at(card.pos()))
    for centre in centres:
        top_left = centre.pos()
        add((top_left.x(), top_left.y(), top_left.x() + centre.size.width(),
             top_left.y() + CENTRE_HEADER), hard)
    for box in fixed:
        add(box)
        add(box, hard)

    def clashes(left, top, right, bottom) -> bool:
        for cx in range(int(left // w), int(right // w) + 1):
            for cy in range(int(top // h), int(bottom // h) + 1):
                for b in hard.get((cx, cy), ()):
                    if left < b[2] and b[0] < right and top < b[3] and b[1] < bottom:
                        return True
        return False

    def hidden_area(left, top, right, bottom) -> float:
        seen: set[int] = set()
        area = 0.0
        for cx in range(int(left // w), int(right // w) + 1):
            for cy in range(int(top // h), int(bottom // h) + 1):
                for box in cells.get((cx, cy), ()):
                    if left < box[2] and box[0] < right and top < box[3] and box[1] < bottom \
                            and id(box) not in seen:
                        seen.add(id(box))
                        area += ((min(right, box[2]) - max(left, box[0]))
                                 * (min(bottom, box[3]) - max(top, box[1])))
        return area

    for edge in labelled:
        box = edge.place_label(hidden_area, clashes)
        if box is not None:
            add(box)
            add(box, hard)


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
    return {rid: (e._label_t, e._label_free, e.label_item.pos().toTuple(), e.label_item.isVisible())
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
    spots = [0.5, *[s for s in labelled[0].LABEL_SPOTS]]
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
