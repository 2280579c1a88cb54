"""Org-chart layout of an account map. Pure functions, no Qt.

Each decision centre (ЦФР) is a frame; inside it people form trees by their reports-to
relationships (the boss above, subordinates below). A person whose boss sits in another
centre, or who has none, is a root. Subordinates who manage nobody are grouped in a
compact grid under their boss; bosses' subtrees stand side by side. Frames are packed in
rows (top management first), centred, for a roughly square map; people without a centre
go into an "unassigned" area below the frames. Everything is snapped to GRID.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from accountmap.domain.models import Account, Stakeholder
from accountmap.domain.vocabulary import RelationshipKind
from accountmap.layout.sizes import (
    CARD_GAP_X,
    CARD_GAP_Y,
    CARD_HEIGHT,
    CARD_WIDTH,
    CENTRE_HEADER,
    CENTRE_PADDING,
    GRID,
)

CENTRE_GAP = 2 * CARD_GAP_X  # between frames, and between frames and the unassigned area
_ASPECT = 1.3  # wanted width / height of packed areas
_LEAF_ROW_MAX = 4  # up to this many subordinates without reports stand in one row
_WRAP_TRIES = 8  # row widths tried when packing the trees of a centre
_TALL = 1.5  # a block of reports taller than this times its width is a column to wrap

Rect = tuple[float, float, float, float]

# A centre whose name says "top management" goes first.
_TOP_WORDS = re.compile(
    r"\b(top|board|executive|ceo|c-suite|c-level|leadership|senior management|"
    r"general management|топ|высш|правлени|генеральн|руководство|совет директоров)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class MapLayout:
    cards: dict[str, tuple[float, float]] = field(default_factory=dict)  # top-left
    centres: dict[str, Rect] = field(default_factory=dict)  # x, y, width, height
    unassigned: Rect | None = None  # the area of people without a centre, if any


def _snap(value: float) -> float:
    return math.floor(value / GRID + 0.5) * GRID


def _snap_up(value: float) -> float:
    return math.ceil(value / GRID - 1e-9) * GRID


@dataclass
class _Block:
    """A laid-out group: its own cards plus placed sub-blocks (kept nested, so building a
    deep tree stays linear), and the horizontal span of the cards in its top row."""

    width: float
    height: float
    cards: list[tuple[str, float, float]]  # id, dx, dy
    parts: list[tuple["_Block", float, float]] = field(default_factory=list)
    top_span: tuple[float, float] = (0.0, CARD_WIDTH)


def _flatten(block: _Block) -> list[tuple[str, float, float]]:
    cards: list[tuple[str, float, float]] = []
    stack = [(block, 0.0, 0.0)]
    while stack:
        current, ox, oy = stack.pop()
        cards.extend((pid, ox + dx, oy + dy) for pid, dx, dy in current.cards)
        stack.extend((part, ox + dx, oy + dy) for part, dx, dy in reversed(current.parts))
    return cards


def _card(person_id: str) -> _Block:
    return _Block(CARD_WIDTH, CARD_HEIGHT, [(person_id, 0.0, 0.0)])


def _pack(blocks: list[_Block], wrap: float, *, centre: bool = True) -> _Block:
    """Blocks left to right, wrapping to a new row past `wrap`; rows centred."""
    rows: list[list[_Block]] = []
    row_width = 0.0
    for block in blocks:
        if rows and rows[-1] and row_width + CARD_GAP_X + block.width <= wrap:
            rows[-1].append(block)
            row_width += CARD_GAP_X + block.width
        else:
            rows.append([block])
            row_width = block.width
    widths = [sum(b.width for b in row) + CARD_GAP_X * (len(row) - 1) for row in rows]
    total_width = max(widths, default=0.0)
    parts: list[tuple[_Block, float, float]] = []
    spans: list[tuple[float, float]] = []
    y = 0.0
    for row, width in zip(rows, widths):
        x = (total_width - width) / 2 if centre else 0.0
        for block in row:
            parts.append((block, x, y))
            if y == 0.0:
                spans.append((x + block.top_span[0], x + block.top_span[1]))
            x += block.width + CARD_GAP_X
        y += max(b.height for b in row) + CARD_GAP_Y
    top_span = (min(a for a, _ in spans), max(b for _, b in spans)) if spans else (0.0, 0.0)
    return _Block(total_width, max(0.0, y - CARD_GAP_Y), [], parts, top_span)


def _grid(person_ids: list[str]) -> _Block:
    """People who manage nobody, in a compact grid."""
    n = len(person_ids)
    columns = n if n <= _LEAF_ROW_MAX else max(3, math.ceil(math.sqrt(n)))
    wrap = columns * CARD_WIDTH + (columns - 1) * CARD_GAP_X
    return _pack([_card(pid) for pid in person_ids], wrap, centre=False)


def _area_wrap(blocks: list[_Block]) -> float:
    area = sum((b.width + CARD_GAP_X) * (b.height + CARD_GAP_Y) for b in blocks)
    widest = max((b.width for b in blocks), default=CARD_WIDTH)
    return max(widest, math.sqrt(area * _ASPECT))


def _group_blocks(ids: list[str], children: dict[str, list[str]], built: dict[str, _Block]) -> list[_Block]:
    """Blocks for siblings: each boss's subtree, plus one grid for those who manage nobody
    (standing where the first of them would)."""
    blocks: list[_Block] = []
    leaves: list[str] = []
    leaf_slot = -1
    for pid in ids:
        if children.get(pid):
            blocks.append(built[pid])
        else:
            if leaf_slot < 0:
                leaf_slot = len(blocks)
            leaves.append(pid)
    if leaves:
        blocks.insert(leaf_slot, _grid(leaves))
    return blocks


def _beside(boss: str, below: _Block) -> _Block | None:
    """A boss whose reports form a narrow column (a chain of single reports: deputy of a
    deputy...) stands to their left instead of on top, when stacking would make a column
    much taller than wide: tall columns wrap, and the map stays balanced."""
    stacked_height = CARD_HEIGHT + CARD_GAP_Y + below.height
    stacked_width = max(below.width, CARD_WIDTH)
    if stacked_height <= _TALL * stacked_width:
        return None
    beside_height = max(CARD_HEIGHT, below.height)
    beside_width = CARD_WIDTH + CARD_GAP_X + below.width
    if max(beside_width / beside_height, beside_height / beside_width) >= stacked_height / stacked_width:
        return None
    return _Block(beside_width, beside_height, [(boss, 0.0, 0.0)],
                  [(below, CARD_WIDTH + CARD_GAP_X, 0.0)], (0.0, CARD_WIDTH))


def _forest(roots: list[str], children: dict[str, list[str]], min_wrap: float = 0.0) -> _Block:
    """The trees hanging from `roots`, packed into a roughly square block."""
    built: dict[str, _Block] = {}
    # Post-order without recursion (reports-to chains can be long).
    for root in roots:
        stack = [(root, False)]
        while stack:
            pid, expanded = stack.pop()
            kids = children.get(pid, [])
            if not kids:
                continue  # a leaf: placed by its parent's grid
            if not expanded:
                stack.append((pid, True))
                stack.extend((kid, False) for kid in reversed(kids))
                continue
            below = _pack(_group_blocks(kids, children, built), math.inf)
            side = _beside(pid, below)
            if side is not None:
                built[pid] = side
                continue
            # centre the boss over the first row of its direct reports
            span_left, span_right = below.top_span
            boss_x = (span_left + span_right - CARD_WIDTH) / 2
            shift = max(0.0, -boss_x)
            boss_x += shift
            width = max(below.width + shift, boss_x + CARD_WIDTH)
            top = CARD_HEIGHT + CARD_GAP_Y
            built[pid] = _Block(width, top + below.height, [(pid, boss_x, 0.0)],
                                [(below, shift, top)], (boss_x, boss_x + CARD_WIDTH))
    blocks = _group_blocks(roots, children, built)
    if len(blocks) == 1 and not (min_wrap and len(roots) > 1):
        return blocks[0]
    if len(blocks) == 1:  # only people who manage nobody: spread them to the width wanted
        blocks = [_card(pid) for pid in roots]
    if min_wrap:
        return _pack(blocks, max(_area_wrap(blocks), min_wrap))
    return _balanced_pack(blocks)


def _balanced_pack(blocks: list[_Block]) -> _Block:
    """Blocks packed in rows, the row width chosen among a few (around the square root of
    their area) for the shape nearest _ASPECT: a few wide blocks make a row, not a tall
    column. Linear in the blocks for each of at most _WRAP_TRIES widths."""
    guess = _area_wrap(blocks)
    widths, edge = [], 0.0
    for block in blocks:
        edge += block.width + (CARD_GAP_X if edge else 0.0)
        if guess / 2 <= edge <= guess * 2:
            widths.append(edge)
    if len(widths) > _WRAP_TRIES:
        widths = [widths[round(i * (len(widths) - 1) / (_WRAP_TRIES - 1))] for i in range(_WRAP_TRIES)]
    best = None
    for wrap in [guess, *widths]:
        packed = _pack(blocks, max(wrap, max(b.width for b in blocks)))
        miss = abs(math.log(max(packed.width, 1.0) / max(packed.height, 1.0) / _ASPECT))
        if best is None or miss < best[0] - 1e-9:
            best = (miss, packed)
    return best[1]


def _bosses(people: list[Stakeholder], group: dict[str, str | None], account: Account) -> dict[str, str | None]:
    """Each person's boss in the same group (first reports-to wins); cycles broken at the
    member listed first."""
    boss: dict[str, str | None] = {p.id: None for p in people}
    for rel in account.relationships:
        if rel.kind != RelationshipKind.REPORTS_TO:
            continue
        a, b = rel.from_id, rel.to_id
        if a in boss and b in boss and a != b and boss[a] is None and group[a] == group[b]:
            boss[a] = b
    order = {p.id: i for i, p in enumerate(people)}
    done: set[str] = set()
    for person in people:
        path: list[str] = []
        on_path: set[str] = set()
        current = person.id
        while current is not None and current not in done:
            if current in on_path:
                cycle = path[path.index(current):]
                boss[min(cycle, key=order.__getitem__)] = None
                break
            path.append(current)
            on_path.add(current)
            current = boss[current]
        done.update(path)
    return boss


def _is_top(name: str) -> bool:
    return bool(_TOP_WORDS.search(name))


def _shelves(groups: list[list[tuple[str, _Block]]], wrap: float) -> list[list[tuple[str, _Block]]]:
    """Frames in rows no wider than `wrap` (each group starts a new row)."""
    rows: list[list[tuple[str, _Block]]] = []
    for chosen in groups:
        start_new = True
        width = 0.0
        for cid, frame in chosen:
            if not start_new and width + CENTRE_GAP + frame.width <= wrap:
                rows[-1].append((cid, frame))
                width += CENTRE_GAP + frame.width
            else:
                rows.append([(cid, frame)])
                width = frame.width
                start_new = False
    return rows


def _shelf_miss(rows: list[list[tuple[str, _Block]]]) -> float:
    """How far the rows' overall shape is from _ASPECT (0: exactly)."""
    if not rows:
        return 0.0
    width = max(sum(f.width for _, f in row) + CENTRE_GAP * (len(row) - 1) for row in rows)
    height = sum(max(f.height for _, f in row) for row in rows) + CENTRE_GAP * (len(rows) - 1)
    return abs(math.log(max(width, 1.0) / max(height, 1.0) / _ASPECT))


def layout_account_map(account: Account) -> MapLayout:
    """Positions of every card and frame of the account map."""
    people: list[Stakeholder] = []
    seen: set[str] = set()
    for person in account.stakeholders:
        if person.id not in seen:
            seen.add(person.id)
            people.append(person)
    centres = []
    centre_ids: set[str] = set()
    for centre in account.decision_centres:
        if centre.id not in centre_ids:
            centre_ids.add(centre.id)
            centres.append(centre)

    group: dict[str, str | None] = {
        p.id: p.decision_centre_id if p.decision_centre_id in centre_ids else None for p in people
    }
    boss = _bosses(people, group, account)
    children: dict[str, list[str]] = {}
    members: dict[str | None, list[str]] = {}
    for person in people:
        members.setdefault(group[person.id], []).append(person.id)
        if boss[person.id] is not None:
            children.setdefault(boss[person.id], []).append(person.id)

    # Top management first: by its name, or because others report into it and it into no one.
    inbound: dict[str, int] = {}
    outbound: dict[str, int] = {}
    for rel in account.relationships:
        if rel.kind != RelationshipKind.REPORTS_TO:
            continue
        a, b = group.get(rel.from_id), group.get(rel.to_id)
        if a is not None and b is not None and a != b:
            outbound[a] = outbound.get(a, 0) + 1
            inbound[b] = inbound.get(b, 0) + 1

    def rank(centre) -> int:
        if _is_top(centre.name):
            return 0
        if inbound.get(centre.id) and not outbound.get(centre.id):
            return 1
        return 2

    ordered = sorted(centres, key=rank)  # stable: the user's order otherwise

    content_dx = _snap_up(CENTRE_PADDING)
    content_dy = _snap_up(CENTRE_HEADER + CENTRE_PADDING)

    def framed(ids: list[str], wrap_at_least: float = 0.0) -> _Block:
        roots = [pid for pid in ids if boss[pid] is None]
        if ids:
            inner = _forest(roots, children, wrap_at_least)
        else:
            inner = _Block(CARD_WIDTH, CARD_HEIGHT, [])
        width = _snap_up(content_dx + max(inner.width, CARD_WIDTH) + CENTRE_PADDING)
        height = _snap_up(content_dy + inner.height + CENTRE_PADDING)
        cards = [(pid, _snap(content_dx + x), _snap(content_dy + y)) for pid, x, y in _flatten(inner)]
        return _Block(width, height, cards)

    frames = [(c.id, framed(members.get(c.id, []))) for c in ordered]
    groups = [  # top management, then the centres others report into, start their rows
        [f for c, f in zip(ordered, frames) if rank(c) == level] for level in (0, 1, 2)
    ]
    all_frames = [f for _, f in frames]
    area = sum((f.width + CENTRE_GAP) * (f.height + CENTRE_GAP) for f in all_frames)
    wrap = max([f.width for f in all_frames] + [math.sqrt(area * _ASPECT)])

    # Shelf-pack the frames, each row centred on the widest row, at the row width (of a
    # few tried) that gives the map the shape nearest _ASPECT.
    candidates, edge = [wrap], 0.0
    for _cid, frame in frames:
        edge += frame.width + (CENTRE_GAP if edge else 0.0)
        if wrap < edge <= wrap * 3:
            candidates.append(edge)
    if len(candidates) > _WRAP_TRIES:
        candidates = [candidates[round(i * (len(candidates) - 1) / (_WRAP_TRIES - 1))]
                      for i in range(_WRAP_TRIES)]
    rows = min((_shelves(groups, w) for w in candidates), key=_shelf_miss)
    row_widths = [sum(f.width for _, f in row) + CENTRE_GAP * (len(row) - 1) for row in rows]
    total_width = max(row_widths, default=0.0)

    cards: dict[str, tuple[float, float]] = {}
    rects: dict[str, Rect] = {}
    y = 0.0
    for row, row_width in zip(rows, row_widths):
        x = _snap((total_width - row_width) / 2)
        for cid, frame in row:
            rects[cid] = (x, y, frame.width, frame.height)
            for pid, dx, dy in frame.cards:
                cards[pid] = (x + dx, y + dy)
            x += frame.width + CENTRE_GAP
        y += max(f.height for _, f in row) + CENTRE_GAP

    unassigned_rect: Rect | None = None
    loose = members.get(None, [])
    if loose:
        stretch = max(0.0, total_width - content_dx - CENTRE_PADDING)
        area_block = framed(loose, wrap_at_least=stretch)
        unassigned_rect = (0.0, y, area_block.width, area_block.height)
        for pid, dx, dy in area_block.cards:
            cards[pid] = (dx, y + dy)

    # Centre frames with nobody in them keep their place; centres are listed in input order.
    ordered_rects = {c.id: rects[c.id] for c in centres}
    return MapLayout(cards=cards, centres=ordered_rects, unassigned=unassigned_rect)
