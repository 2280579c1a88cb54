"""The roadmap diagram for paper: every label whole.

The road keeps its columns (left to right) and rows (the branches) from the canvas, but
every node is sized for its text: titles wrap inside the node (6.5 pt), outcomes wrap on
their edge in a gap made wide enough for them. A road that can be read on one page
(scaled, type still >= 6 pt) is drawn on one page; a longer one is cut into bands at the
columns where the fewest edges cross, on landscape pages, and every edge that crosses a cut
ends in a continuation mark on both sides ("→ p. 7, «Pilot agreed»" and
"p. 6, «Security approval» →").
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak

from accountmap.briefing import drawings as dr
from accountmap.briefing.fonts import BOLD, REGULAR
from accountmap.briefing.plan_road import RoadText, node_title
from accountmap.briefing.styles import esc
from accountmap.domain.models import RoadmapEdge, RoadmapNode
from accountmap.domain.roadmap_rules import position_on_road
from accountmap.domain.vocabulary import NodeKind

FONT = 6.5
SMALL = 6.0
LEAD = FONT * 1.2
NODE_W = 88.0
PAD = 4.0
GAP = 18.0  # between columns with no outcome to print
LABEL_GAP = 70.0  # after a column whose edges carry outcomes
ROW_GAP = 14.0
MARK_W = 66.0  # continuation marks in the side margins
LANE = 14.0  # the lane above or below the rows for loops and backward edges
BAND_GAP = 18.0
MIN_SCALE = 6.0 / SMALL  # never print type smaller than 6 pt: no shrinking of the drawing
MOST_TITLE_LINES = 10  # past this (hundreds of characters) a title ends in "…" on the
MOST_LABEL_LINES = 5  # diagram; the road as text before it has every word


def wrap(text: str, font: str, size: float, width: float, most: int = 10_000) -> list[str]:
    """Every word kept up to `most` lines (a word wider than the line is broken)."""
    return dr.wrap_text(text, font, size, width, max_lines=most) or [""]


@dataclass
class Node:
    node: RoadmapNode
    col: int
    row: int
    lines: list[str] = field(default_factory=list)
    due: str = ""
    x: float = 0.0  # left, in band coordinates
    cy: float = 0.0  # centre, in band coordinates (y up)
    h: float = 0.0

    @property
    def right(self) -> float:
        return self.x + NODE_W


class Road:
    """Columns, rows and sizes of every node; shared by all bands."""

    def __init__(self, ctx) -> None:
        self.ctx = ctx
        roadmap = ctx.account.roadmap
        self.position = position_on_road(roadmap)
        boxes = dr._road_layout(ctx.account)  # noqa: SLF001 (the fallback layout too)
        self.nodes: dict[str, Node] = {}
        cols = _clusters([b.x for b in boxes.values()], 100.0)
        rows = _clusters([b.cy for b in boxes.values()], 50.0)
        used: set[tuple[int, int]] = set()
        for n in roadmap.nodes:
            b = boxes[n.id]
            col, row = cols[b.x], rows[b.cy]
            while (col, row) in used:
                row += 1
            used.add((col, row))
            self.nodes[n.id] = Node(n, col, row)
        self.edges: list[RoadmapEdge] = [e for e in roadmap.edges
                                         if e.from_id in self.nodes and e.to_id in self.nodes]
        self.columns = max((v.col for v in self.nodes.values()), default=-1) + 1
        self.rows = max((v.row for v in self.nodes.values()), default=-1) + 1
        for v in self.nodes.values():
            n = v.node
            inset = 2 * PAD + (14 if n.kind == NodeKind.DECISION else 0)
            v.lines = wrap(node_title(ctx, n), self.font_for(n), FONT, NODE_W - inset,
                           MOST_TITLE_LINES)
            if n.kind == NodeKind.CHECKPOINT and n.due:
                v.due = ctx.date(n.due).replace("\u00a0", " ")
            lines = len(v.lines) + (1 if v.due else 0)
            v.h = max(22.0, lines * LEAD + 2 * PAD + (8 if n.kind == NodeKind.DECISION else 0))
        labelled = {self.nodes[e.from_id].col for e in self.edges if e.outcome.strip()
                    and not e.loop and self.nodes[e.to_id].col > self.nodes[e.from_id].col}
        self.gap_after = [LABEL_GAP if c in labelled else GAP for c in range(self.columns)]

    def font_for(self, n: RoadmapNode) -> str:
        return BOLD if n.id in self.position.taken or n.id in self.position.current_ids else REGULAR

    def crossing(self, cut: int) -> int:
        """Edges from a column before `cut` to one at or after it (and back)."""
        return sum(1 for e in self.edges
                   if (self.nodes[e.from_id].col < cut) != (self.nodes[e.to_id].col < cut))

    def width(self, first: int, end: int) -> float:
        return sum(NODE_W + self.gap_after[c] for c in range(first, end)) - self.gap_after[end - 1] + GAP

    def bands(self, room: float, last_bonus: float = 0.0) -> list[tuple[int, int]]:
        """Column ranges that fit `room` points, cut where the fewest edges cross; the last
        band may be `last_bonus` wider (it needs no margin for marks on its right)."""
        out, first = [], 0
        while first < self.columns:
            end = first + 1
            # the last band has nothing to continue to: its right margin is room too
            while end < self.columns and self.width(first, end + 1) <= room + (
                    last_bonus if end + 1 == self.columns else 0):
                end += 1
            if end < self.columns:
                low = first + max(1, math.ceil((end - first) * 0.75))
                end = min(range(low, end + 1), key=lambda c: (self.crossing(c), -c))
            out.append((first, end))
            first = end
        return out


def _clusters(values: list[float], gap: float) -> dict[float, int]:
    index, last, out = -1, None, {}
    for v in sorted(set(values)):
        if last is None or v - last > gap:
            index += 1
            last = v
        out[v] = index
    return out


class Band:
    """Columns [first, end) of the road laid out in points; y up from the band's bottom."""

    def __init__(self, road: Road, first: int, end: int, margins: bool) -> None:
        self.road, self.first, self.end = road, first, end
        self.members = [v for v in road.nodes.values() if first <= v.col < end]
        ids = {v.node.id for v in self.members}
        inner = [e for e in road.edges if e.from_id in ids and e.to_id in ids]
        self.outgoing = [e for e in road.edges if e.from_id in ids and e.to_id not in ids]
        self.incoming = [e for e in road.edges if e.to_id in ids and e.from_id not in ids]
        self.inner = inner
        self.left = (MARK_W + 10) if margins else 4.0
        rows = sorted({v.row for v in self.members})
        heights = {r: max(v.h for v in self.members if v.row == r) for r in rows}
        backward = [e for e in inner if e.loop or road.nodes[e.to_id].col <= road.nodes[e.from_id].col]
        # An edge from a mark in the left margin to a node past the first column (or from
        # a node before the last column to a mark on the right) runs along a lane, not
        # through the nodes of its row.
        occupied = {(v.col, v.row) for v in self.members}
        self.lane_in = {e.id for e in self.incoming if any(
            (c, road.nodes[e.to_id].row) in occupied for c in range(first, road.nodes[e.to_id].col))}
        self.lane_out = {e.id for e in self.outgoing if any(
            (c, road.nodes[e.from_id].row) in occupied
            for c in range(road.nodes[e.from_id].col + 1, end))}
        self.lane_top = LANE if backward or self.lane_out else 0.0
        self.lane_bottom = LANE if backward or self.lane_in else 0.0
        y = self.lane_bottom
        centre: dict[int, float] = {}
        for r in reversed(rows):
            centre[r] = y + heights[r] / 2
            y += heights[r] + ROW_GAP
        self.height = y - ROW_GAP + self.lane_top + 9  # room for a "now" flag on top
        x = self.left
        xs: dict[int, float] = {}
        for c in range(first, end):
            xs[c] = x
            x += NODE_W + road.gap_after[c]
        self.content_right = x - road.gap_after[end - 1]
        self.width = self.content_right + ((MARK_W + 14) if margins and self.outgoing else 4.0)
        self.pos = {v.node.id: (xs[v.col], centre[v.row]) for v in self.members}


class Sheet(Flowable):
    """One page of the diagram: one or more bands, stacked; draws its continuation marks
    with the page numbers of the other sheets (they follow one page each)."""

    def __init__(self, road: Road, bands: list[Band], index: int, sheet_of_band: dict[int, int],
                 all_bands: list[Band], scale: float = 1.0) -> None:
        super().__init__()
        self.road, self.bands, self.index = road, bands, index
        self.sheet_of_band, self.all_bands, self.scale = sheet_of_band, all_bands, scale
        self.natural = (max(b.width for b in bands),
                        sum(b.height for b in bands) + BAND_GAP * (len(bands) - 1))
        self.width, self.height = self.natural[0] * scale, self.natural[1] * scale

    def fit(self, width: float, height: float) -> "Sheet":
        """Shrunk to `width` x `height` if larger (a band of hundreds-of-characters titles:
        better small than off the page)."""
        scale = min(self.scale, width / self.natural[0], height / self.natural[1])
        self.scale = scale
        self.width, self.height = self.natural[0] * scale, self.natural[1] * scale
        return self

    def wrap(self, availWidth, availHeight):  # noqa: N802
        return self.width, self.height

    def band_page(self, band: Band, canv) -> int:
        me = canv.getPageNumber() - self.index
        return me + self.sheet_of_band[self.all_bands.index(band)]

    def band_of(self, node_id: str) -> Band:
        col = self.road.nodes[node_id].col
        return next(b for b in self.all_bands if b.first <= col < b.end)

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.scale(self.scale, self.scale)
        top = self.height / self.scale
        for band in self.bands:
            top -= band.height
            canv.saveState()
            canv.translate(0, top)
            _draw_band(canv, self.road, band, self)
            canv.restoreState()
            top -= BAND_GAP
        canv.restoreState()


INK, FADED, FADED_INK, NOW = dr.INK, dr.FADED, dr.FADED_INK, dr.NOW
MID = colors.HexColor("#7b8794")


def _arrow(canv, x, y, angle, colour) -> None:
    size = 4.0
    p = canv.beginPath()
    p.moveTo(x, y)
    p.lineTo(x - size * math.cos(angle - 0.4), y - size * math.sin(angle - 0.4))
    p.lineTo(x - size * math.cos(angle + 0.4), y - size * math.sin(angle + 0.4))
    p.close()
    canv.setFillColor(colour)
    canv.drawPath(p, stroke=0, fill=1)


def _text_block(canv, x, top, lines, size, colour, font=REGULAR, align="left", width=0.0):
    canv.setFillColor(colour)
    canv.setFont(font, size)
    y = top - size
    for line in lines:
        if align == "centre":
            canv.drawCentredString(x + width / 2, y, line)
        else:
            canv.drawString(x, y, line)
        y -= size * 1.2


def _label(canv, x, y_bottom, text, width, colour) -> None:
    lines = wrap(text, REGULAR, SMALL, width, MOST_LABEL_LINES)
    h = len(lines) * SMALL * 1.2
    w = max(stringWidth(line, REGULAR, SMALL) for line in lines)
    canv.setFillColor(colors.white)
    canv.rect(x - 1, y_bottom, w + 2, h + 1, stroke=0, fill=1)
    _text_block(canv, x, y_bottom + h + 0.5, lines, SMALL, colour)


def _edge_style(road: Road, e: RoadmapEdge):
    pos = road.position
    if e.id in pos.chosen_edge_ids:
        return INK, 1.6
    if e.from_id in pos.in_play and e.to_id in pos.in_play:
        return MID, 0.8
    return FADED, 0.6


def _draw_band(canv, road: Road, band: Band, sheet: Sheet) -> None:
    ctx = road.ctx
    marks = {"left": [], "right": []}  # y intervals taken by marks on each side

    def mark(side: str, y: float, text: str, colour) -> None:
        lines = wrap(text, REGULAR, SMALL, MARK_W, MOST_LABEL_LINES + 3)
        h = len(lines) * SMALL * 1.2
        top = y + h / 2
        for lo, hi in sorted(marks[side]):
            if top > lo - 2 and top - h < hi + 2:
                top = lo - 3
        marks[side].append((top - h, top))
        x = 2.0 if side == "left" else band.content_right + 12
        _text_block(canv, x, top, lines, SMALL, colour)

    for e in band.inner:
        a, b = band.pos[e.from_id], band.pos[e.to_id]
        va, vb = road.nodes[e.from_id], road.nodes[e.to_id]
        colour, width = _edge_style(road, e)
        canv.setStrokeColor(colour)
        canv.setLineWidth(width)
        canv.setDash([3, 2] if colour is FADED else [])
        outcome = " ".join(e.outcome.split())
        if not e.loop and vb.col > va.col:
            bend = a[0] + NODE_W + 5
            canv.lines([(a[0] + NODE_W, a[1], bend, a[1]), (bend, a[1], bend, b[1]),
                        (bend, b[1], b[0], b[1])])
            _arrow(canv, b[0], b[1], 0.0, colour)
            if outcome:
                room = b[0] - bend - 6
                _label(canv, bend + 3, b[1] + 1.5, outcome, max(room, 30.0),
                       INK if colour is not FADED else FADED_INK)
        else:  # a loop or a step back: round the rows by a lane
            above = va.row <= vb.row
            y_a = a[1] + (va.h / 2 if above else -va.h / 2)
            y_b = b[1] + (vb.h / 2 if above else -vb.h / 2)
            lane = band.height - band.lane_top / 2 - 9 if above else band.lane_bottom / 2
            xa, xb = a[0] + NODE_W * 0.6, b[0] + NODE_W * 0.4
            canv.lines([(xa, y_a, xa, lane), (xa, lane, xb, lane), (xb, lane, xb, y_b)])
            _arrow(canv, xb, y_b, -math.pi / 2 if above else math.pi / 2, colour)
            if outcome:
                _label(canv, min(xa, xb) + 4, lane + 1, outcome, abs(xa - xb) - 8, colour)
    canv.setDash([])

    for e in band.outgoing:
        a = band.pos[e.from_id]
        colour, width = _edge_style(road, e)
        canv.setStrokeColor(colour)
        canv.setLineWidth(width)
        end = band.content_right + 10
        y = a[1]
        if e.id in band.lane_out:  # up to the top lane, then right over the row
            y = band.height - band.lane_top / 2 - 9
            x = a[0] + NODE_W * 0.7
            canv.lines([(x, a[1] + road.nodes[e.from_id].h / 2, x, y), (x, y, end, y)])
        else:
            canv.line(a[0] + NODE_W, y, end, y)
        _arrow(canv, end, y, 0.0, colour)
        target = road.nodes[e.to_id]
        page = sheet.band_page(sheet.band_of(e.to_id), canv)
        text = ctx.t("plan.continued_to", page=page, title=node_title(ctx, target.node))
        outcome = " ".join(e.outcome.split())
        mark("right", y, f"{outcome}: {text}" if outcome else text, colour)
    for e in band.incoming:
        b = band.pos[e.to_id]
        colour, width = _edge_style(road, e)
        source = road.nodes[e.from_id]
        page = sheet.band_page(sheet.band_of(e.from_id), canv)
        text = ctx.t("plan.continued_from", page=page, title=node_title(ctx, source.node))
        canv.setStrokeColor(colour)
        canv.setLineWidth(width)
        if e.id in band.lane_in:  # along the bottom lane, then up into the node
            y = band.lane_bottom / 2
            x = b[0] + NODE_W * 0.3
            bottom = b[1] - road.nodes[e.to_id].h / 2
            canv.lines([(MARK_W + 4, y, x, y), (x, y, x, bottom)])
            _arrow(canv, x, bottom, math.pi / 2, colour)
        else:
            y = b[1]
            canv.line(MARK_W + 4, y, b[0], y)
            _arrow(canv, b[0], y, 0.0, colour)
        mark("left", y, text, colour)

    for v in band.members:
        _draw_node(canv, road, v, *band.pos[v.node.id])


def _draw_node(canv, road: Road, v: Node, x: float, cy: float) -> None:
    n, pos = v.node, road.position
    faded = n.id not in pos.in_play
    taken = n.id in pos.taken
    now = n.id in pos.current_ids or n.id in pos.active_ids
    stroke, sw = (NOW, 2.0) if now else (INK, 1.3) if taken else \
        ((FADED if faded else colors.HexColor("#52606d")), 0.7)
    fill = dr.TAKEN_FILL if taken else colors.white
    if n.kind == NodeKind.WON and not faded:
        fill = colors.HexColor("#dcfce7")
    elif n.kind == NodeKind.LOST and not faded:
        fill = colors.HexColor("#fee2e2")
    y, h, w = cy - v.h / 2, v.h, NODE_W
    canv.setStrokeColor(stroke)
    canv.setLineWidth(sw)
    canv.setFillColor(fill)
    if n.kind == NodeKind.DECISION:  # a long hexagon: the text keeps its full width
        p = canv.beginPath()
        p.moveTo(x, cy)
        for px, py in ((x + 8, y + h), (x + w - 8, y + h), (x + w, cy), (x + w - 8, y), (x + 8, y)):
            p.lineTo(px, py)
        p.close()
        canv.drawPath(p, stroke=1, fill=1)
    else:
        radius = h / 2 if n.kind in (NodeKind.START, NodeKind.WON, NodeKind.LOST) else 3
        canv.roundRect(x, y, w, h, min(radius, 10), stroke=1, fill=1)
    ink = FADED_INK if faded else INK
    block = (len(v.lines) + (1 if v.due else 0)) * LEAD
    top = cy + block / 2 + (FONT * 0.1)
    _text_block(canv, x, top, v.lines, FONT, ink, road.font_for(n), "centre", w)
    if v.due:
        _text_block(canv, x, top - len(v.lines) * LEAD, [v.due], SMALL, ink, REGULAR, "centre", w)
    if now:
        flag = road.ctx.t("drawing.now")
        fw = stringWidth(flag, BOLD, SMALL) + 4
        canv.setFillColor(NOW)
        canv.rect(x, y + h, fw, SMALL * 1.3, stroke=0, fill=1)
        canv.setFillColor(colors.white)
        canv.setFont(BOLD, SMALL)
        canv.drawString(x + 2, y + h + SMALL * 0.3, flag)


def road_diagram(ctx) -> list[Flowable]:
    """The diagram's flowables: inline when it fits the portrait page, else landscape
    sheets; the pages stay turned for what follows (ctx.on_landscape)."""
    if not ctx.account.roadmap.nodes:
        return []
    road = Road(ctx)
    heading = [ctx.h1(ctx.t("plan.road_diagram")), ctx.p(esc(ctx.t("plan.legend")), ctx.st.small),
               *RoadText(ctx).not_taken()]

    def above(width: float) -> float:  # the room the heading takes on the first page
        return sum(f.wrap(width, 1e6)[1] + f.getSpaceBefore() + f.getSpaceAfter()
                   for f in heading) + 6
    whole = Band(road, 0, road.columns, margins=False)
    for width, height, landscape in (
            (ctx.width, ctx.height - above(ctx.width) - 10, False),
            (ctx.landscape_width, ctx.landscape_height - above(ctx.landscape_width), True)):
        scale = min(1.0, width / whole.width, height / whole.height)
        if scale >= MIN_SCALE:
            sheet = Sheet(road, [whole], 0, {0: 0}, [whole], scale)
            if not landscape:
                return heading + [sheet]
            turn = [] if ctx.on_landscape else [NextPageTemplate("landscape")]
            ctx.on_landscape = True
            return [*turn, PageBreak(), *heading, sheet]
    room = ctx.landscape_width - 2 * (MARK_W + 14)
    bands = [Band(road, a, b, margins=True) for a, b in road.bands(room, MARK_W + 14)]
    if bands[-1].width > ctx.landscape_width:  # it has marks on its right after all
        bands = [Band(road, a, b, margins=True) for a, b in road.bands(room)]
    pages: list[list[Band]] = [[]]
    first_room = ctx.landscape_height - above(ctx.landscape_width)
    free = first_room
    for band in bands:
        need = band.height + (BAND_GAP if pages[-1] else 0)
        if pages[-1] and need > free:
            pages.append([])
            free = ctx.landscape_height
            need = band.height
        pages[-1].append(band)
        free -= need
    sheet_of_band = {i: p for p, group in enumerate(pages) for i in range(len(bands))
                     if bands[i] in group}
    turn = [] if ctx.on_landscape else [NextPageTemplate("landscape")]
    out: list[Flowable] = [*turn, PageBreak(), *heading]
    for p, group in enumerate(pages):
        if p:
            out.append(PageBreak())
        room = first_room if p == 0 else ctx.landscape_height
        out.append(Sheet(road, group, p, sheet_of_band, bands).fit(ctx.landscape_width, room))
    ctx.on_landscape = True
    return out
