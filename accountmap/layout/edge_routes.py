"""Routes of the account map's lines around the cards they do not join. Pure functions of
boxes and links; no Qt.

A line runs straight from card to card when no other card stands in the way; otherwise it
bends around each card in its way, just outside its corners (cards of an auto-layout are a
gap apart, so there is always a lane), taking the shorter side first, and the bends that are
not needed are then dropped. Cards are looked up in a grid of cells, so a straight line
costs a few cells and a map of 3,000 people is routed in a fraction of a second. A line that
cannot get around (cards piled on each other by hand) stays straight.
"""

from __future__ import annotations

import math
from collections import defaultdict

Box = tuple[float, float, float, float]  # left, top, right, bottom
Point = tuple[float, float]

MARGIN = 10.0  # a bend passes this far outside a card's corner
CLEARANCE = 6.0  # a segment must stay this far off the cards it does not join
CELL = 240.0
_BUDGET = 80  # segments looked at per line before it is left straight
LONG = 12  # a line that crosses more cards than this stays straight


class Obstacles:
    """Card boxes in a grid of cells, asked which one a segment meets first."""

    def __init__(self, boxes: dict[str, Box]) -> None:
        self.boxes = boxes
        self.cells: dict[tuple[int, int], list[str]] = defaultdict(list)
        for key, (left, top, right, bottom) in boxes.items():
            for cx in range(int(math.floor((left - MARGIN) / CELL)), int(math.floor((right + MARGIN) / CELL)) + 1):
                for cy in range(int(math.floor((top - MARGIN) / CELL)), int(math.floor((bottom + MARGIN) / CELL)) + 1):
                    self.cells[(cx, cy)].append(key)

    def _near(self, p: Point, q: Point):
        """(where along p-q the cell column begins, keys of the boxes in the cells the
        segment passes through), column by column from p towards q."""
        (x1, y1), (x2, y2) = p, q
        seen: set[str] = set()
        c_first, c_last = int(math.floor(x1 / CELL)), int(math.floor(x2 / CELL))
        step = 1 if c_last >= c_first else -1
        dx = x2 - x1
        for cx in range(c_first, c_last + step, step):
            if dx:
                a = min(max((cx * CELL - x1) / dx, 0.0), 1.0)
                b = min(max(((cx + 1) * CELL - x1) / dx, 0.0), 1.0)
                a, b = min(a, b), max(a, b)
            else:
                a, b = 0.0, 1.0
            ya, yb = y1 + (y2 - y1) * a, y1 + (y2 - y1) * b
            r_first, r_last = int(math.floor(ya / CELL)), int(math.floor(yb / CELL))
            r_step = 1 if r_last >= r_first else -1
            keys = []
            for cy in range(r_first, r_last + r_step, r_step):
                for key in self.cells.get((cx, cy), ()):
                    if key not in seen:
                        seen.add(key)
                        keys.append(key)
            yield a, keys

    def first_in_way(self, p: Point, q: Point, skip: tuple[str, ...]) -> tuple[str, float] | None:
        """The box (key, where along p-q it begins) the segment meets first, keeping
        CLEARANCE off every box but those in `skip`."""
        best: tuple[str, float] | None = None
        for begins, keys in self._near(p, q):
            if best is not None and best[1] < begins - 1e-9:
                break  # the columns further on begin past the box already found
            for key in keys:
                if key in skip:
                    continue
                t = _entry(p, q, _grown(self.boxes[key], CLEARANCE))
                if t is not None and (best is None or t < best[1]):
                    best = (key, t)
        return best

    def count_in_way(self, p: Point, q: Point, skip: tuple[str, ...], most: int) -> int:
        """How many boxes the segment crosses, counting no further than `most`."""
        count = 0
        for _begins, keys in self._near(p, q):
            for key in keys:
                if key not in skip and _entry(p, q, self.boxes[key]) is not None:
                    count += 1
                    if count > most:
                        return count
        return count

    def inside_any(self, point: Point, skip: tuple[str, ...]) -> bool:
        x, y = point
        for key in self.cells.get((int(math.floor(x / CELL)), int(math.floor(y / CELL))), ()):
            if key in skip:
                continue
            left, top, right, bottom = _grown(self.boxes[key], CLEARANCE)
            if left < x < right and top < y < bottom:
                return True
        return False


def _grown(box: Box, by: float) -> Box:
    return box[0] - by, box[1] - by, box[2] + by, box[3] + by


def _entry(p: Point, q: Point, box: Box) -> float | None:
    """Where (0..1) the open segment p-q enters the open box, or None if it misses it
    (Liang-Barsky; touching an edge or a corner is not entering)."""
    (x1, y1), (x2, y2) = p, q
    dx, dy = x2 - x1, y2 - y1
    t0, t1 = 0.0, 1.0
    for d, lo, hi, start in ((dx, box[0], box[2], x1), (dy, box[1], box[3], y1)):
        if d == 0:
            if not lo < start < hi:
                return None
            continue
        a, b = (lo - start) / d, (hi - start) / d
        if a > b:
            a, b = b, a
        t0, t1 = max(t0, a), min(t1, b)
        if t1 - t0 <= 1e-9:
            return None
    return t0


def _length(points: list[Point]) -> float:
    return sum(math.dist(a, b) for a, b in zip(points, points[1:]))


class _Router:
    def __init__(self, obstacles: Obstacles, skip: tuple[str, ...]) -> None:
        self.obstacles = obstacles
        self.skip = skip
        self.budget = _BUDGET
        self.asked: dict[tuple[Point, Point], tuple[str, float] | None] = {}

    def in_way(self, p: Point, q: Point) -> tuple[str, float] | None:
        key = (p, q)
        if key not in self.asked:
            self.budget -= 1
            self.asked[key] = self.obstacles.first_in_way(p, q, self.skip)
        return self.asked[key]

    def route(self, p: Point, q: Point, depth: int = 0) -> list[Point] | None:
        """p, bends..., q around every box in the way; None when it cannot."""
        blocker = self.in_way(p, q)
        if blocker is None:
            return [p, q]
        self.budget -= 1  # every detour tried counts, also of segments asked before
        if self.budget < 0 or depth > 24:
            return None
        left, top, right, bottom = _grown(self.obstacles.boxes[blocker[0]], MARGIN)
        corners = [(left, top), (right, top), (right, bottom), (left, bottom)]
        dx, dy = q[0] - p[0], q[1] - p[1]
        sides: list[list[Point]] = [[], []]
        for c in corners:
            cross = dx * (c[1] - p[1]) - dy * (c[0] - p[0])
            if cross > 0:
                sides[0].append(c)
            elif cross < 0:
                sides[1].append(c)
        chains = []
        for side in sides:
            if not side or any(self.obstacles.inside_any(c, self.skip) for c in side):
                continue
            side.sort(key=lambda c: (c[0] - p[0]) * dx + (c[1] - p[1]) * dy)
            chains.append(side)
        chains.sort(key=lambda chain: _length([p, *chain, q]))
        for chain in chains:
            path = self._through([p, *chain, q], depth + 1)
            if path is not None:
                return path
        return None

    def _through(self, stops: list[Point], depth: int) -> list[Point] | None:
        path: list[Point] = [stops[0]]
        for a, b in zip(stops, stops[1:]):
            piece = self.route(a, b, depth)
            if piece is None:
                return None
            path.extend(piece[1:])
        return path

    def tidy(self, path: list[Point]) -> list[Point]:
        """Drop the bends a straight segment can skip."""
        out = [path[0]]
        i = 0
        while i < len(path) - 1:
            j = len(path) - 1
            while j > i + 1 and self.in_way(path[i], path[j]) is not None:
                j -= 1
            out.append(path[j])
            i = j
        return out


def route_links(boxes: dict[str, Box], links: dict[str, tuple[str, str]]) -> dict[str, list[Point]]:
    """For each link id (from-box key, to-box key): its bends, in order from the first box's
    centre to the second's ([] for a straight line, and for a line that cannot get
    around). Links whose boxes are unknown or the same are left out."""
    obstacles = Obstacles(boxes)
    routes: dict[str, list[Point]] = {}
    for link_id, (a, b) in links.items():
        if a == b or a not in boxes or b not in boxes:
            continue
        routes[link_id] = route_between(obstacles, a, b)
    return routes


def route_between(obstacles: Obstacles, a: str, b: str) -> list[Point]:
    """The bends of the line from box `a`'s centre to box `b`'s ([] when straight)."""
    ba, bb = obstacles.boxes[a], obstacles.boxes[b]
    p = ((ba[0] + ba[2]) / 2, (ba[1] + ba[3]) / 2)
    q = ((bb[0] + bb[2]) / 2, (bb[1] + bb[3]) / 2)
    if obstacles.count_in_way(p, q, (a, b), LONG) > LONG:
        return []  # a line across the whole map: detours would cost more than they show
    router = _Router(obstacles, (a, b))
    path = router.route(p, q)
    if path is None or len(path) == 2:
        return []
    return router.tidy(path)[1:-1]


def crossings(boxes: dict[str, Box], links: dict[str, tuple[str, str]],
              routes: dict[str, list[Point]]) -> list[tuple[str, str]]:
    """(link id, box key) for each segment of a routed line that crosses a box other than
    its own two (for tests and the bench)."""
    obstacles = Obstacles(boxes)
    found = []
    for link_id, (a, b) in links.items():
        if a == b or a not in boxes or b not in boxes:
            continue
        ba, bb = boxes[a], boxes[b]
        points = [((ba[0] + ba[2]) / 2, (ba[1] + ba[3]) / 2), *routes.get(link_id, []),
                  ((bb[0] + bb[2]) / 2, (bb[1] + bb[3]) / 2)]
        for p, q in zip(points, points[1:]):
            for key in (k for _begins, keys in obstacles._near(p, q) for k in keys):
                if key not in (a, b) and _entry(p, q, obstacles.boxes[key]) is not None:
                    found.append((link_id, key))
    return found
