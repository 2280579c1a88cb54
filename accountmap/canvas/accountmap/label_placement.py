"""Where the edge labels of the account map go: each where cards hide the least of it,
never on another label nor on a frame's title (a label with no such spot is left to the
edge's tooltip, which holds the whole text). Cards are looked up in a grid of cells, so a
map of 300 people places its labels in milliseconds."""

from __future__ import annotations

import math
from collections import defaultdict

from accountmap.canvas.accountmap.items import CardItem, EdgeItem
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

    spots = EdgeItem.LABEL_SPOTS
    b = CardItem.BOUNDS
    bl, bt, br, bb = b.left(), b.top(), b.right(), b.bottom()
    inf = math.inf
    for edge in labelled:
        # EdgeItem.place_label, inlined (Arrange at 3,000 people places ~2,000 labels): the
        # same spots in the same order, the same arithmetic, so the same places
        if not edge._label:
            continue
        size = edge._label_size
        half_w, half_h = size.width() / 2, size.height() / 2
        line = edge.line
        x1, y1, x2, y2 = line.x1(), line.y1(), line.x2(), line.y2()
        sp, tp = edge.source.pos(), edge.target.pos()
        spx, spy, tpx, tpy = sp.x(), sp.y(), tp.x(), tp.y()
        o1 = (spx + bl, spy + bt, spx + br, spy + bb)
        o2 = (tpx + bl, tpy + bt, tpx + br, tpy + bb)
        best, least = None, inf
        for spot in spots:
            cx, cy = x1 + (x2 - x1) * spot, y1 + (y2 - y1) * spot
            left, top, right, bottom = cx - half_w, cy - half_h, cx + half_w, cy + half_h
            if (left < o1[2] and o1[0] < right and top < o1[3] and o1[1] < bottom) or \
                    (left < o2[2] and o2[0] < right and top < o2[3] and o2[1] < bottom):
                continue
            if hard and clashes(left, top, right, bottom):
                continue
            area = hidden_area(left, top, right, bottom)
            if area < least:
                best, least = spot, area
                if area == 0:
                    break
        t, shown = (best, True) if best is not None else (edge._label_t, False)
        if (t, shown) != (edge._label_t, edge._label_free):
            edge._label_t, edge._label_free = t, shown
            edge.update_geometry()
        if not shown:
            continue
        cx, cy = x1 + (x2 - x1) * t, y1 + (y2 - y1) * t
        box = (cx - half_w, cy - half_h, cx + half_w, cy + half_h)
        add(box)  # later labels keep off this one too
        add(box, hard)
