"""Vector drawings of the account map and the roadmap for the briefings.

Positions come from the model (scene coordinates, y pointing down, x/y = top-left corner of
a card, frame or node; sizes from accountmap/layout/sizes.py), scaled to fit. When the
stored positions are unusable (several items on the very same spot, e.g. everything at
0,0 after an import), a simple grid layout is used instead so the drawing stays readable.

A drawing larger than the page at the smallest legible scale is cut into tiles
(`ClippedDrawing`), each a window on the whole, so nothing is cut off at the margins.
"""

from __future__ import annotations

import math
from collections import defaultdict, deque
from dataclasses import dataclass

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing, Line, PolyLine, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from accountmap import catalogue
from accountmap.briefing.fonts import BOLD, REGULAR, register_fonts
from accountmap.briefing.styles import clean, fmt_date
from accountmap.domain.models import Account
from accountmap.domain.roadmap_rules import position_on_road
from accountmap.domain.vocabulary import Attitude, NodeKind, RelationshipKind
from accountmap.layout import sizes
from accountmap.briefing.messages import BRIEFING_MESSAGES

ATTITUDE_COLOURS = {
    Attitude.CHAMPION: colors.HexColor("#15803d"),
    Attitude.SUPPORTER: colors.HexColor("#65a30d"),
    Attitude.NEUTRAL: colors.HexColor("#9aa5b1"),
    Attitude.SCEPTIC: colors.HexColor("#d97706"),
    Attitude.OPPONENT: colors.HexColor("#b91c1c"),
}
RELATION_COLOURS = {
    RelationshipKind.REPORTS_TO: colors.HexColor("#52606d"),
    RelationshipKind.INFLUENCES: colors.HexColor("#2563eb"),
    RelationshipKind.ALLY: colors.HexColor("#15803d"),
    RelationshipKind.CONFLICT: colors.HexColor("#b91c1c"),
}
INK = colors.HexColor("#1f2933")
FADED = colors.HexColor("#c3cad3")
FADED_INK = colors.HexColor("#9aa5b1")
ACCENT = colors.HexColor("#1d4ed8")
HIGHLIGHT = colors.HexColor("#fff3c4")
TAKEN_FILL = colors.HexColor("#dbeafe")
NOW = colors.HexColor("#dc2626")
FRAME_FILL = colors.HexColor("#f5f7fa")


# --------------------------------------------------------------------------- helpers
def fit_text(text: str, font: str, size: float, width: float) -> str:
    """`text` on one line, shortened with an ellipsis to fit `width` points."""
    text = " ".join(clean(text).split())
    if width <= 0:
        return ""
    if stringWidth(text, font, size) <= width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:  # longest prefix that fits with the ellipsis
        mid = (lo + hi + 1) // 2
        if stringWidth(text[:mid] + "…", font, size) <= width:
            lo = mid
        else:
            hi = mid - 1
    return (text[:lo].rstrip() + "…") if lo else ""


def wrap_text(text: str, font: str, size: float, width: float, max_lines: int) -> list[str]:
    """Greedy word wrap into at most `max_lines` lines; long words are broken; the last
    line gets an ellipsis when text remains."""
    words = " ".join(clean(text).split()).split(" ")
    lines: list[str] = []
    current = ""
    remaining = list(words)
    while remaining and len(lines) < max_lines:
        word = remaining.pop(0)
        candidate = f"{current} {word}".strip()
        if stringWidth(candidate, font, size) <= width:
            current = candidate
            continue
        if not current:  # a single word wider than the line: break it
            cut = len(word)
            while cut > 1 and stringWidth(word[:cut], font, size) > width:
                cut -= 1
            current, rest = word[:cut], word[cut:]
            if rest:
                remaining.insert(0, rest)
            lines.append(current)
            current = ""
            continue
        lines.append(current)
        current = ""
        remaining.insert(0, word)
    if current and len(lines) < max_lines:
        lines.append(current)
    if remaining and lines:
        lines[-1] = fit_text(lines[-1] + " " + " ".join(remaining), font, size, width)
    return lines


class ClippedDrawing(Flowable):
    """A window of `width` x `height` points on `drawing`, starting at (`dx`, `dy`) from
    its top-left corner; what lies outside the window is clipped."""

    def __init__(self, drawing: Drawing, width: float, height: float,
                 dx: float = 0.0, dy: float = 0.0) -> None:
        super().__init__()
        self.drawing = drawing
        self.width = width
        self.height = height
        self.dx = dx
        self.dy = dy

    def wrap(self, availWidth, availHeight):  # noqa: N802 (reportlab API)
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        path = canv.beginPath()
        path.rect(0, 0, self.width, self.height)
        canv.clipPath(path, stroke=0, fill=0)
        # The drawing's origin is bottom-left; the window is measured from the top-left.
        y = -(self.drawing.height - self.dy - self.height)
        renderPDF.draw(self.drawing, canv, -self.dx, y, showBoundary=False)
        canv.restoreState()


def _cuts(length: float, most: float, avoid: list[tuple[float, float]]) -> list[float]:
    """Where to cut [0, length] into pieces no longer than `most`, preferring cuts that
    fall between the `avoid` intervals (cards, nodes) rather than through one."""
    cuts = [0.0]
    while length - cuts[-1] > most + 1e-6:
        start, target = cuts[-1], cuts[-1] + most
        candidates = [target] + [lo - 2.0 for lo, _ in avoid] + [hi + 2.0 for _, hi in avoid]
        good = [c for c in candidates
                if start + most * 0.3 < c <= target
                and not any(lo < c < hi for lo, hi in avoid)]
        cuts.append(max(good) if good else target)
    cuts.append(length)
    return cuts


def tiles(drawing: Drawing, max_width: float, max_height: float,
          avoid: list[tuple[float, float, float, float]] | None = None) -> list[ClippedDrawing]:
    """The drawing cut into windows no larger than max_width x max_height, row by row.

    avoid: boxes (x, y, w, h; drawing coordinates, y up) that a cut should not go through.
    """
    avoid = avoid or []
    xs = _cuts(drawing.width, max_width, [(x, x + w) for x, _, w, _ in avoid])
    # Rows are measured from the top of the drawing.
    ys = _cuts(drawing.height, max_height,
               [(drawing.height - y - h, drawing.height - y) for _, y, _, h in avoid])
    if len(xs) == 2 and len(ys) == 2:  # one tile: the whole drawing
        return [ClippedDrawing(drawing, x1 - x0, y1 - y0, x0, y0)
                for y0, y1 in zip(ys, ys[1:]) for x0, x1 in zip(xs, xs[1:])]
    bounds = [_shape_bounds(shape) for shape in drawing.contents]
    return [
        ClippedDrawing(_window_shapes(drawing, bounds, x0, drawing.height - y1,
                                      x1, drawing.height - y0),
                       x1 - x0, y1 - y0, x0, y0)
        for y0, y1 in zip(ys, ys[1:]) for x0, x1 in zip(xs, xs[1:])
    ]


def _shape_bounds(shape) -> tuple[float, float, float, float] | None:
    """(x0, y0, x1, y1) of a shape, widened by its stroke; None when unknown."""
    try:
        ax, ay, bx, by = shape.getBounds()  # a Line's are its ends, in their order
    except Exception:  # noqa: BLE001 - a shape without bounds is always drawn
        return None
    pad = (getattr(shape, "strokeWidth", 0) or 0) + 1.0
    return min(ax, bx) - pad, min(ay, by) - pad, max(ax, bx) + pad, max(ay, by) + pad


def _window_shapes(drawing: Drawing, bounds: list, x0: float, y0: float,
                   x1: float, y1: float) -> Drawing:
    """A drawing of the same size holding only the shapes that reach into the window
    (x0, y0)-(x1, y1) (drawing coordinates, y up), in their order. A map at the limits
    is cut into a dozen tiles; drawing all of it in each took most of the plan's time."""
    part = Drawing(drawing.width, drawing.height,
                   initialFontName=getattr(drawing, "initialFontName", None),
                   initialFontSize=getattr(drawing, "initialFontSize", None))
    for shape, box in zip(drawing.contents, bounds):
        if box is None or (box[0] <= x1 and box[2] >= x0 and box[1] <= y1 and box[3] >= y0):
            part.add(shape)
    return part


@dataclass
class _Box:
    x: float
    y: float
    w: float
    h: float

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2


def _bbox(boxes: list[_Box], pad: float) -> tuple[float, float, float, float]:
    x0 = min(b.x for b in boxes) - pad
    y0 = min(b.y for b in boxes) - pad
    x1 = max(b.x + b.w for b in boxes) + pad
    y1 = max(b.y + b.h for b in boxes) + pad
    return x0, y0, max(x1 - x0, 1.0), max(y1 - y0, 1.0)


def _positions_usable(points: list[tuple[float, float]]) -> bool:
    return len({(round(x), round(y)) for x, y in points}) == len(points)


def _scale(bw: float, bh: float, max_w: float, max_h: float | None,
           min_scale: float, max_scale: float) -> float:
    s = max_w / bw
    if max_h is not None:
        s = min(s, max_h / bh)
    return max(min_scale, min(s, max_scale))


# --------------------------------------------------------------------------- account map
def _map_layout(account: Account) -> tuple[dict[str, _Box], dict[str, _Box]]:
    """Boxes of decision centres and cards, in scene coordinates."""
    centres = {c.id: _Box(c.x, c.y, c.width, c.height) for c in account.decision_centres}
    cards = {s.id: _Box(s.x, s.y, sizes.CARD_WIDTH, sizes.CARD_HEIGHT)
             for s in account.stakeholders}
    points = [(b.x, b.y) for b in cards.values()]
    frames = [(b.x, b.y) for b in centres.values()]
    if _positions_usable(points) and _positions_usable(frames):
        return centres, cards
    # Fallback: each centre a frame of cards in up to 3 columns; frames side by side,
    # wrapping after about four cards' width; people without a centre in a last group.
    groups: dict[str | None, list[str]] = defaultdict(list)
    known = {c.id for c in account.decision_centres}
    for s in account.stakeholders:
        groups[s.decision_centre_id if s.decision_centre_id in known else None].append(s.id)
    order: list[str | None] = [c.id for c in account.decision_centres] + [None]
    step_x = sizes.CARD_WIDTH + sizes.CARD_GAP_X
    step_y = sizes.CARD_HEIGHT + sizes.CARD_GAP_Y
    wrap_at = 4 * step_x + 2 * sizes.CENTRE_PADDING
    x = y = row_h = 0.0
    centres, cards = {}, {}
    for key in order:
        members = groups.get(key, [])
        if key is None and not members:
            continue
        cols = max(1, min(3, len(members)))
        rows = max(1, math.ceil(len(members) / cols))
        w = cols * step_x - sizes.CARD_GAP_X + 2 * sizes.CENTRE_PADDING
        h = rows * step_y - sizes.CARD_GAP_Y + 2 * sizes.CENTRE_PADDING + sizes.CENTRE_HEADER
        if x > 0 and x + w > wrap_at:
            x, y, row_h = 0.0, y + row_h + sizes.CARD_GAP_Y, 0.0
        if key is not None:
            centres[key] = _Box(x, y, w, h)
        for i, sid in enumerate(members):
            cards[sid] = _Box(x + sizes.CENTRE_PADDING + (i % cols) * step_x,
                              y + sizes.CENTRE_HEADER + sizes.CENTRE_PADDING + (i // cols) * step_y,
                              sizes.CARD_WIDTH, sizes.CARD_HEIGHT)
        x += w + sizes.CARD_GAP_X
        row_h = max(row_h, h)
    return centres, cards


def map_drawing(account: Account, max_width: float, max_height: float | None = None, *,
                highlight: set[str] | None = None, lang: str = "en",
                min_scale: float = 0.0, max_scale: float = 0.6) -> Drawing | None:
    """The account map scaled to fit (None when there is nothing to draw).

    highlight: ids of people to emphasise (the meeting's attendees); the rest are faded.
    """
    register_fonts()
    centres, cards = _map_layout(account)
    boxes = list(centres.values()) + list(cards.values())
    if not boxes:
        return None
    x0, y0, bw, bh = _bbox(boxes, 10.0)
    s = _scale(bw, bh, max_width, max_height, min_scale, max_scale)
    d = Drawing(bw * s, bh * s, initialFontName=REGULAR, initialFontSize=8)

    def tx(x: float) -> float:
        return (x - x0) * s

    def ty(y: float) -> float:  # scene y (down) -> drawing y (up)
        return (bh - (y - y0)) * s

    d.__dict__["item_boxes"] = [(tx(b.x), ty(b.y + b.h), b.w * s, b.h * s) for b in cards.values()]

    def font_for(base: float) -> float:
        return max(3.5, min(base * s * 1.6, 10.0))

    for centre in account.decision_centres:
        box = centres.get(centre.id)
        if box is None:
            continue
        d.add(Rect(tx(box.x), ty(box.y + box.h), box.w * s, box.h * s, rx=6 * s, ry=6 * s,
                   fillColor=FRAME_FILL, strokeColor=colors.HexColor("#9aa5b1"),
                   strokeWidth=0.8))
        size = font_for(9)
        d.add(String(tx(box.x) + 8 * s, ty(box.y) - 8 * s - size,
                     fit_text(centre.name or "", BOLD, size, box.w * s - 16 * s),
                     fontName=BOLD, fontSize=size, fillColor=colors.HexColor("#3e4c59")))

    for rel in account.relationships:
        a, b = cards.get(rel.from_id), cards.get(rel.to_id)
        if a is None or b is None:
            continue
        faded = highlight is not None and not (rel.from_id in highlight and rel.to_id in highlight)
        colour = FADED if faded else RELATION_COLOURS.get(rel.kind, INK)
        line = Line(tx(a.cx), ty(a.cy), tx(b.cx), ty(b.cy), strokeColor=colour,
                    strokeWidth=max(0.4, 0.4 * rel.strength * s * 1.5))
        if rel.kind in (RelationshipKind.INFLUENCES, RelationshipKind.CONFLICT):
            line.strokeDashArray = [3, 2]
        d.add(line)

    for person in account.stakeholders:
        box = cards[person.id]
        on = highlight is None or person.id in highlight
        emphasised = highlight is not None and person.id in highlight
        x, y, w, h = tx(box.x), ty(box.y + box.h), box.w * s, box.h * s
        d.add(Rect(x, y, w, h, rx=4 * s, ry=4 * s,
                   fillColor=HIGHLIGHT if emphasised else colors.white,
                   strokeColor=ACCENT if emphasised else (INK if on else FADED),
                   strokeWidth=2.0 if emphasised else 0.7))
        d.add(Rect(x, y, max(2.0, 8 * s), h, fillColor=ATTITUDE_COLOURS.get(person.attitude, FADED)
                   if on else FADED, strokeColor=None))
        ink = INK if on else FADED_INK
        name_size = font_for(10)
        inner = w - 16 * s - 4
        left = x + max(2.0, 8 * s) + 5 * s + 1
        top = y + h - 6 * s
        name = person.full_name or BRIEFING_MESSAGES.text("brief.unnamed", lang)
        line_y = top - name_size
        lines = wrap_text(name, BOLD, name_size, inner, 2 if h > 4 * name_size else 1)
        for text_line in lines:
            if line_y < y + 1:
                break
            d.add(String(left, line_y, text_line, fontName=BOLD, fontSize=name_size, fillColor=ink))
            line_y -= name_size * 1.2
        small = font_for(8)
        extra = [person.title]
        if person.roles:
            extra.append(", ".join(catalogue.label("role", r, lang) for r in person.roles))
        extra = [text for text in extra if text]
        # as many lines as the card has room for: the title wraps, keeping a line for the
        # roles; only what still does not fit ends in an ellipsis
        room = max(0, int((line_y - small * 0.3 - (y + 2)) / (small * 1.25)) + 1)
        for i, text in enumerate(extra):
            later = len(extra) - i - 1
            most = max(1, room - later) if i < len(extra) - 1 else room
            for text_line in wrap_text(text, REGULAR, small, inner, max(0, most)):
                if line_y - small * 0.2 < y + 1:
                    break
                d.add(String(left, line_y - small * 0.1, text_line, fontName=REGULAR,
                             fontSize=small, fillColor=ink))
                line_y -= small * 1.25
                room -= 1
    return d


# --------------------------------------------------------------------------- roadmap
def _node_size(kind: NodeKind) -> tuple[float, float]:
    if kind == NodeKind.DECISION:
        return sizes.DECISION_WIDTH, sizes.DECISION_HEIGHT
    return sizes.NODE_WIDTH, sizes.NODE_HEIGHT


def _road_layout(account: Account) -> dict[str, _Box]:
    nodes = account.roadmap.nodes
    boxes = {n.id: _Box(n.x, n.y, *_node_size(n.kind)) for n in nodes}
    if _positions_usable([(b.x, b.y) for b in boxes.values()]):
        return boxes
    # Fallback: layers by breadth-first depth from the start(s), left to right.
    out = defaultdict(list)
    for e in account.roadmap.edges:
        if not e.loop:
            out[e.from_id].append(e.to_id)
    depth: dict[str, int] = {}
    queue = deque((n.id, 0) for n in nodes if n.kind == NodeKind.START)
    while queue:
        nid, dpt = queue.popleft()
        if nid in depth or nid not in boxes:
            continue
        depth[nid] = dpt
        for nxt in out.get(nid, []):
            queue.append((nxt, dpt + 1))
    last = max(depth.values(), default=-1) + 1
    rows: dict[int, int] = defaultdict(int)
    for n in nodes:
        layer = depth.get(n.id, last)
        w, h = _node_size(n.kind)
        boxes[n.id] = _Box(layer * (sizes.NODE_WIDTH + sizes.LAYER_GAP) + (sizes.NODE_WIDTH - w) / 2,
                           rows[layer] * (sizes.DECISION_HEIGHT + sizes.ROW_GAP), w, h)
        rows[layer] += 1
    return boxes


def roadmap_drawing(account: Account, max_width: float, max_height: float | None = None, *,
                    lang: str = "en", min_scale: float = 0.0,
                    max_scale: float = 0.6) -> Drawing | None:
    """The roadmap: the path taken strong, alternatives not taken faded, where we are now
    framed in red (active checkpoints get a "now" flag)."""
    register_fonts()
    roadmap = account.roadmap
    if not roadmap.nodes:
        return None
    boxes = _road_layout(account)
    position = position_on_road(roadmap)
    taken, current = set(position.taken), set(position.current_ids)
    active = set(position.active_ids)
    in_play = position.in_play
    x0, y0, bw, bh = _bbox(list(boxes.values()), 24.0)
    s = _scale(bw, bh, max_width, max_height, min_scale, max_scale)
    d = Drawing(bw * s, bh * s, initialFontName=REGULAR, initialFontSize=8)

    def tx(x: float) -> float:
        return (x - x0) * s

    def ty(y: float) -> float:
        return (bh - (y - y0)) * s

    # The boxes a tile cut should avoid (the "now" flag above a node included).
    d.__dict__["item_boxes"] = [(tx(b.x) - 2, ty(b.y + b.h) - 2, b.w * s + 4, b.h * s + 16)
                    for b in boxes.values()]

    font = max(3.5, min(9 * s * 1.6, 10.0))
    small = max(3.0, font * 0.85)

    def arrow(x1, y1, x2, y2, colour, width):
        angle = math.atan2(y2 - y1, x2 - x1)
        size = max(3.0, 9 * s)
        p1 = (x2 - size * math.cos(angle - 0.4), y2 - size * math.sin(angle - 0.4))
        p2 = (x2 - size * math.cos(angle + 0.4), y2 - size * math.sin(angle + 0.4))
        d.add(Polygon([x2, y2, *p1, *p2], fillColor=colour, strokeColor=colour, strokeWidth=0.3))

    for edge in roadmap.edges:
        a, b = boxes.get(edge.from_id), boxes.get(edge.to_id)
        if a is None or b is None:
            continue
        if edge.id in position.chosen_edge_ids:
            colour, width, dash = INK, 2.4, None
        elif edge.from_id in in_play and edge.to_id in in_play:
            colour, width, dash = colors.HexColor("#7b8794"), 1.0, None
        else:
            colour, width, dash = FADED, 0.8, [3, 2]
        if b.x > a.x + a.w / 2 and not edge.loop:
            pts = [tx(a.x + a.w), ty(a.cy), tx(b.x), ty(b.cy)]
        else:  # backwards or a loop: go below both nodes
            low = max(a.y + a.h, b.y + b.h) + 18
            pts = [tx(a.cx), ty(a.y + a.h), tx(a.cx), ty(low), tx(b.cx), ty(low),
                   tx(b.cx), ty(b.y + b.h)]
        d.add(PolyLine(pts, strokeColor=colour, strokeWidth=width,
                       strokeDashArray=dash))
        arrow(pts[-4], pts[-3], pts[-2], pts[-1], colour, width)
        if edge.outcome:
            mx, my = (pts[0] + pts[2]) / 2, (pts[1] + pts[3]) / 2
            text = fit_text(catalogue.outcome_text(edge.outcome, lang), REGULAR, small,
                            max(20.0, sizes.LAYER_GAP * s * 1.2))
            if text:
                tw = stringWidth(text, REGULAR, small)
                d.add(Rect(mx - tw / 2 - 1, my + 1, tw + 2, small * 1.15,
                           fillColor=colors.white, strokeColor=None))
                d.add(String(mx, my + 1 + small * 0.25, text, fontName=REGULAR, fontSize=small,
                             textAnchor="middle",
                             fillColor=INK if colour is not FADED else FADED_INK))

    for node in roadmap.nodes:
        box = boxes[node.id]
        x, y, w, h = tx(box.x), ty(box.y + box.h), box.w * s, box.h * s
        faded = node.id not in in_play
        is_taken = node.id in taken
        if node.id in current or node.id in active:
            stroke, sw = NOW, 2.6
        elif is_taken:
            stroke, sw = INK, 1.8
        else:
            stroke, sw = (FADED if faded else colors.HexColor("#52606d")), 0.8
        fill = TAKEN_FILL if is_taken else colors.white
        if node.kind == NodeKind.WON:
            fill = colors.HexColor("#dcfce7") if not faded else colors.white
        elif node.kind == NodeKind.LOST:
            fill = colors.HexColor("#fee2e2") if not faded else colors.white
        if node.kind == NodeKind.DECISION:
            d.add(Polygon([x + w / 2, y + h, x + w, y + h / 2, x + w / 2, y, x, y + h / 2],
                          fillColor=fill, strokeColor=stroke, strokeWidth=sw))
            text_w, max_lines, top = w * 0.62, 3, y + h / 2 + font * 0.9
        else:
            radius = h / 2 if node.kind in (NodeKind.START, NodeKind.WON, NodeKind.LOST) else 5 * s
            d.add(Rect(x, y, w, h, rx=radius, ry=radius, fillColor=fill, strokeColor=stroke,
                       strokeWidth=sw))
            text_w, max_lines, top = w - 14 * s, 2, y + h - 8 * s
        ink = FADED_INK if faded else INK
        title = node.title or catalogue.label("node", node.kind, lang)
        lines = wrap_text(title, BOLD if is_taken or node.id in current else REGULAR, font,
                          text_w, max_lines)
        block = len(lines) * font * 1.2
        shown_due = node.kind == NodeKind.CHECKPOINT and node.due is not None
        middle = y + h / 2 + (small * 0.6 if shown_due else 0)
        top = min(top, middle + block / 2)
        line_y = top - font
        for line in lines:
            d.add(String(x + w / 2, line_y, line, textAnchor="middle",
                         fontName=BOLD if is_taken or node.id in current else REGULAR,
                         fontSize=font, fillColor=ink))
            line_y -= font * 1.2
        if shown_due and line_y > y + small:
            d.add(String(x + w / 2, y + 5 * s, fmt_date(node.due, lang), textAnchor="middle",
                         fontName=REGULAR, fontSize=small, fillColor=ink))
        if node.id in active or node.id in current:
            flag = BRIEFING_MESSAGES.text("drawing.now", lang)
            fw = stringWidth(flag, BOLD, small) + 4
            d.add(Rect(x, y + h, fw, small * 1.3, fillColor=NOW, strokeColor=None))
            d.add(String(x + 2, y + h + small * 0.3, flag, fontName=BOLD, fontSize=small,
                         fillColor=colors.white))
    return d


