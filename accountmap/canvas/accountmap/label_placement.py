"""Where the edge labels of the account map go: each where cards hide the least of it,
never on another label nor on a frame's title (a label with no such spot is left to the
edge's tooltip, which holds the whole text). Cards are looked up in a grid of cells, so a
map of 300 people places its labels in milliseconds."""

from __future__ import annotations

from collections import defaultdict

from accountmap.canvas.accountmap.items import CardItem
from accountmap.layout.sizes import CENTRE_HEADER


def place_edge_labels(cards, centres, labelled, fixed=()) -> None:
    """Place the labels of `labelled` in turn; `fixed`: boxes of labels that stay where
    they are (no label may touch them)."""
    w, h = CardItem.BOUNDS.width(), CardItem.BOUNDS.height()
    cells: dict[tuple[int, int], list[tuple[float, float, float, float]]] = defaultdict(list)

    # boxes no label may touch: labels placed before, frames' titles (same grid of cells)
    hard: dict[tuple[int, int], list[tuple[float, float, float, float]]] = defaultdict(list)

    def add(box: tuple[float, float, float, float], grid=cells) -> None:
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

    def clashes(left: float, top: float, right: float, bottom: float) -> bool:
        for cx in range(int(left // w), int(right // w) + 1):
            for cy in range(int(top // h), int(bottom // h) + 1):
                for b in hard.get((cx, cy), ()):
                    if left < b[2] and b[0] < right and top < b[3] and b[1] < bottom:
                        return True
        return False

    def hidden_area(left: float, top: float, right: float, bottom: float) -> float:
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
            add(box)  # later labels keep off this one too
            add(box, hard)
