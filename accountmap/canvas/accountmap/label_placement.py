"""Where the edge labels of the account map go: each where cards hide the least of it,
never on another label nor on a frame's title (a label with no such spot is left to the
edge's tooltip, which holds the whole text). Cards are looked up in a grid of cells, so a
map of 300 people places its labels in milliseconds."""

from __future__ import annotations

import math
from collections import defaultdict

from accountmap.canvas.accountmap.items import CardItem
from accountmap.layout.sizes import CENTRE_HEADER


# tried in turn: the middle first, then outwards on either side
LABEL_SPOTS = (0.5,) + tuple(t for k in range(1, 7) for t in (0.5 - 0.06 * k, 0.5 + 0.06 * k))


def best_spot(x1: float, y1: float, x2: float, y2: float, half_w: float, half_h: float,
              own1: tuple, own2: tuple, hidden_area, clashes=None) -> float | None:
    """Where along the line (x1, y1)-(x2, y2) a label of half size (half_w, half_h) goes:
    the first of LABEL_SPOTS that nothing hides, else the least hidden one
    (`hidden_area(l, t, r, b)` says how much of a box is covered). Never on its own two
    cards' boxes `own1`, `own2` (left, top, right, bottom), where it could only show as a
    fragment, nor where `clashes(l, t, r, b)`. None: no spot (the label is left to the
    tooltip and the panel)."""
    best, least = None, math.inf
    for spot in LABEL_SPOTS:
        cx, cy = x1 + (x2 - x1) * spot, y1 + (y2 - y1) * spot
        left, top, right, bottom = cx - half_w, cy - half_h, cx + half_w, cy + half_h
        if (left < own1[2] and own1[0] < right and top < own1[3] and own1[1] < bottom) or \
                (left < own2[2] and own2[0] < right and top < own2[3] and own2[1] < bottom):
            continue
        if clashes is not None and clashes(left, top, right, bottom):
            continue
        area = hidden_area(left, top, right, bottom)
        if area < least:
            best, least = spot, area
            if area == 0:
                break
    return best


def place_edge_labels(cards, centres, labelled, fixed=()) -> None:
    """Place the labels of `labelled` in turn; `fixed`: boxes of labels that stay where
    they are (no label may touch them)."""
    b = CardItem.BOUNDS
    w, h = b.width(), b.height()
    bl, bt, br, bb = b.left(), b.top(), b.right(), b.bottom()
    cells: dict[tuple[int, int], list[tuple[float, float, float, float]]] = defaultdict(list)

    # boxes no label may touch: labels placed before, frames' titles (same grid of cells)
    hard: dict[tuple[int, int], list[tuple[float, float, float, float]]] = defaultdict(list)

    def add(box: tuple[float, float, float, float], grid=cells) -> None:
        for cx in range(int(box[0] // w), int(box[2] // w) + 1):
            for cy in range(int(box[1] // h), int(box[3] // h) + 1):
                grid[(cx, cy)].append(box)

    # the cards' boxes (CardItem.box_at), each in the cells it touches: Arrange at 3,000
    # people places ~2,000 labels among 3,000 cards, so this runs inline
    boxes: dict[int, tuple[float, float, float, float]] = {}
    for card in cards:
        p = card.pos()
        x, y = p.x(), p.y()
        box = boxes[id(card)] = (x + bl, y + bt, x + br, y + bb)
        for cx in range(int(box[0] // w), int(box[2] // w) + 1):
            for cy in range(int(box[1] // h), int(box[3] // h) + 1):
                cells[(cx, cy)].append(box)
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
        x0, x1, y0, y1 = int(left // w), int(right // w), int(top // h), int(bottom // h)
        area = 0.0
        if x0 == x1 and y0 == y1:  # one cell: no box is met twice
            for box in cells.get((x0, y0), ()):
                if left < box[2] and box[0] < right and top < box[3] and box[1] < bottom:
                    area += ((min(right, box[2]) - max(left, box[0]))
                             * (min(bottom, box[3]) - max(top, box[1])))
            return area
        seen: set[int] = set()
        for cx in range(x0, x1 + 1):
            for cy in range(y0, y1 + 1):
                for box in cells.get((cx, cy), ()):
                    if left < box[2] and box[0] < right and top < box[3] and box[1] < bottom \
                            and id(box) not in seen:
                        seen.add(id(box))
                        area += ((min(right, box[2]) - max(left, box[0]))
                                 * (min(bottom, box[3]) - max(top, box[1])))
        return area

    for edge in labelled:
        if not edge._label:
            continue
        size = edge._label_size
        half_w, half_h = size.width() / 2, size.height() / 2
        line = edge.line
        x1, y1, x2, y2 = line.x1(), line.y1(), line.x2(), line.y2()
        own1, own2 = boxes.get(id(edge.source)), boxes.get(id(edge.target))
        if own1 is None:
            own1 = CardItem.box_at(edge.source.pos())
        if own2 is None:
            own2 = CardItem.box_at(edge.target.pos())
        best = best_spot(x1, y1, x2, y2, half_w, half_h, own1, own2,
                         hidden_area, clashes if hard else None)
        t, shown = (best, True) if best is not None else (edge._label_t, False)
        if (t, shown) != (edge._label_t, edge._label_free):
            edge.move_label(t, shown)
        if not shown:
            continue
        cx, cy = x1 + (x2 - x1) * t, y1 + (y2 - y1) * t
        box = (cx - half_w, cy - half_h, cx + half_w, cy + half_h)
        for gx in range(int(box[0] // w), int(box[2] // w) + 1):  # later labels keep off it
            for gy in range(int(box[1] // h), int(box[3] // h) + 1):
                cells[(gx, gy)].append(box)
                hard[(gx, gy)].append(box)
