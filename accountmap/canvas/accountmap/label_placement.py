"""Where the edge labels of the account map go: each where cards hide the least of it,
never on another label nor on a frame's title (a label with no such spot is left to the
edge's tooltip, which holds the whole text). Cards are looked up in a grid of cells, so a
map of 300 people places its labels in milliseconds."""

from __future__ import annotations

import bisect
import math
from collections import defaultdict

from accountmap.canvas.accountmap.items import CardItem
from accountmap.layout.sizes import CENTRE_HEADER


# tried in turn: the middle first, then outwards on either side
LABEL_SPOTS = (0.5,) + tuple(t for k in range(1, 7) for t in (0.5 - 0.06 * k, 0.5 + 0.06 * k))


def best_spot(x1: float, y1: float, x2: float, y2: float, half_w: float, half_h: float,
              own1: tuple, own2: tuple, hidden_area) -> float | None:
    """Where along the line (x1, y1)-(x2, y2) a label of half size (half_w, half_h) goes:
    the first of LABEL_SPOTS that nothing hides, else the least hidden one
    (`hidden_area(l, t, r, b)` says how much of a box is covered, None where the label
    may not go: on another label, a frame's title). Never on its own two cards' boxes
    `own1`, `own2` (left, top, right, bottom), where it could only show as a fragment.
    None: no spot (the label is left to the tooltip and the panel)."""
    best, least = None, math.inf
    for spot in LABEL_SPOTS:
        cx, cy = x1 + (x2 - x1) * spot, y1 + (y2 - y1) * spot
        left, top, right, bottom = cx - half_w, cy - half_h, cx + half_w, cy + half_h
        if (left < own1[2] and own1[0] < right and top < own1[3] and own1[1] < bottom) or \
                (left < own2[2] and own2[0] < right and top < own2[3] and own2[1] < bottom):
            continue
        area = hidden_area(left, top, right, bottom)
        if area is None:
            continue
        if area < least:
            best, least = spot, area
            if area == 0:
                break
    return best


class CardGrid:
    """The cards' boxes (CardItem.box_at) in cells of a card's size, each cell's in the
    order of the cards, kept from one placement to the next: a drop moves 50 cards of
    3,000 and only those change cells (rebuilding it all cost ~8 ms per drop)."""

    def __init__(self) -> None:
        self._cards: list = []
        self._positions: list[tuple[float, float]] = []
        self.boxes: dict[int, tuple[float, float, float, float]] = {}  # id(card) -> box
        self.cells: dict[tuple[int, int], list[tuple[int, tuple]]] = {}  # -> [(index, box)]
        self.rebuilds = 0

    def update(self, cards: list, positions: list[tuple[float, float]]) -> None:
        """Up to date with `cards` at `positions` ((x, y) of each)."""
        moved = None
        if cards == self._cards:  # the same cards (items compare as themselves)
            if positions == self._positions:
                return
            moved = [i for i, (a, b) in enumerate(zip(positions, self._positions)) if a != b]
        if moved is None or len(moved) * 4 > len(cards):
            self._rebuild(cards, positions)
            return
        cells = self.cells
        for i in moved:
            key = id(cards[i])
            old = self.boxes[key]
            for cell in _cells_of(old):
                entries = cells[cell]
                del entries[entries.index((i, old))]
                if not entries:
                    del cells[cell]
            new = self.boxes[key] = _card_box(*positions[i])
            for cell in _cells_of(new):
                bisect.insort(cells.setdefault(cell, []), (i, new))
        self._positions = list(positions)

    def _rebuild(self, cards: list, positions: list) -> None:
        self.rebuilds += 1
        self._cards, self._positions = list(cards), list(positions)
        b = CardItem.BOUNDS
        w, h = b.width(), b.height()
        bl, bt, br, bb = b.left(), b.top(), b.right(), b.bottom()
        boxes: dict[int, tuple[float, float, float, float]] = {}
        cells: dict[tuple[int, int], list[tuple[int, tuple]]] = defaultdict(list)
        for i, (card, (x, y)) in enumerate(zip(cards, positions)):  # inline: 3,000 cards
            box = boxes[id(card)] = (x + bl, y + bt, x + br, y + bb)
            for cx in range(int(box[0] // w), int(box[2] // w) + 1):
                for cy in range(int(box[1] // h), int(box[3] // h) + 1):
                    cells[(cx, cy)].append((i, box))
        self.boxes, self.cells = boxes, dict(cells)


def _card_box(x: float, y: float) -> tuple[float, float, float, float]:
    b = CardItem.BOUNDS
    return (x + b.left(), y + b.top(), x + b.right(), y + b.bottom())


def _cells_of(box: tuple[float, float, float, float]):
    w, h = CardItem.BOUNDS.width(), CardItem.BOUNDS.height()
    return [(cx, cy) for cx in range(int(box[0] // w), int(box[2] // w) + 1)
            for cy in range(int(box[1] // h), int(box[3] // h) + 1)]


def place_edge_labels(cards, centres, labelled, fixed=(), grid: CardGrid | None = None,
                      spots: list | None = None) -> list:
    """Place the labels of `labelled` in turn; `fixed`: boxes of labels that stay where
    they are (no label may touch them); `grid`: the cards' boxes, up to date (else made).
    Returns the spot found for each edge (None: no label, or no spot); `spots`, what an
    earlier call returned for the same cards, centres, lines and labels: each label goes
    where it said, without searching again (AccountMapScene.place_labels: undo)."""
    if spots is not None:
        for edge, best in zip(labelled, spots):
            if edge._label:
                _put(edge, best)
        return spots
    b = CardItem.BOUNDS
    w, h = b.width(), b.height()
    if grid is None:
        grid = CardGrid()
        grid.update(cards, [card.pos().toTuple() for card in cards])
    base, boxes = grid.cells, grid.boxes  # the cards

    # boxes no label may touch: labels placed before, fixed ones, frames' titles (same
    # grid of cells)
    hard: dict[tuple[int, int], list[tuple[float, float, float, float]]] = defaultdict(list)

    def add(box: tuple[float, float, float, float], grid=hard) -> None:
        for cx in range(int(box[0] // w), int(box[2] // w) + 1):
            for cy in range(int(box[1] // h), int(box[3] // h) + 1):
                grid[(cx, cy)].append(box)

    for centre in centres:
        top_left = centre.pos()
        add((top_left.x(), top_left.y(), top_left.x() + centre.size.width(),
             top_left.y() + CENTRE_HEADER))

    for box in fixed:
        add(box)

    def hidden_area(left: float, top: float, right: float, bottom: float) -> float | None:
        # None: the box touches a box no label may touch. Else the area of the cards it
        # covers, each cell's in their order (the order in which one grid of the cards
        # would hold them). Labels placed and fixed boxes are in `hard`: a box that met
        # one of them has returned None, so they never add to the area.
        x0, x1, y0, y1 = int(left // w), int(right // w), int(top // h), int(bottom // h)
        if x0 == x1 and y0 == y1:  # one cell: no box is met twice
            key = (x0, y0)
            for b in hard.get(key, ()):
                if left < b[2] and b[0] < right and top < b[3] and b[1] < bottom:
                    return None
            area = 0.0
            for _i, box in base.get(key, ()):
                if left < box[2] and box[0] < right and top < box[3] and box[1] < bottom:
                    area += ((min(right, box[2]) - max(left, box[0]))
                             * (min(bottom, box[3]) - max(top, box[1])))
            return area
        keys = [(cx, cy) for cx in range(x0, x1 + 1) for cy in range(y0, y1 + 1)]
        for key in keys:
            for b in hard.get(key, ()):
                if left < b[2] and b[0] < right and top < b[3] and b[1] < bottom:
                    return None
        area = 0.0
        seen: set[int] = set()
        for key in keys:
            for _i, box in base.get(key, ()):
                if left < box[2] and box[0] < right and top < box[3] and box[1] < bottom \
                        and id(box) not in seen:
                    seen.add(id(box))
                    area += ((min(right, box[2]) - max(left, box[0]))
                             * (min(bottom, box[3]) - max(top, box[1])))
        return area

    found: list = []
    for edge in labelled:
        if not edge._label:
            found.append(None)
            continue
        half_w, half_h = edge._label_size.toTuple()
        half_w, half_h = half_w / 2, half_h / 2
        x1, y1, x2, y2 = edge.line.toTuple()
        own1, own2 = boxes.get(id(edge.source)), boxes.get(id(edge.target))
        if own1 is None:
            own1 = CardItem.box_at(edge.source.pos())
        if own2 is None:
            own2 = CardItem.box_at(edge.target.pos())
        best = best_spot(x1, y1, x2, y2, half_w, half_h, own1, own2, hidden_area)
        found.append(best)
        if not _put(edge, best):
            continue
        t = best
        cx, cy = x1 + (x2 - x1) * t, y1 + (y2 - y1) * t
        box = (cx - half_w, cy - half_h, cx + half_w, cy + half_h)
        for gx in range(int(box[0] // w), int(box[2] // w) + 1):  # later labels keep off it
            for gy in range(int(box[1] // h), int(box[3] // h) + 1):
                hard[(gx, gy)].append(box)
    return found


def _put(edge, best: float | None) -> bool:
    """The edge's label at spot `best` along its line, shown (None: where it was, hidden);
    whether it shows."""
    t, shown = (best, True) if best is not None else (edge._label_t, False)
    if (t, shown) != (edge._label_t, edge._label_free):
        edge.move_label(t, shown)
    return shown
