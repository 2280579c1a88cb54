"""Auto-layout of an account map: "Arrange automatically".

Uses `accountmap.layout.orgchart.layout_account_map(account) -> MapLayout` when it exists
(written on another branch); until then a simple grid arrangement with the same signature:
decision centres side by side, their people in rows inside them, the unassigned below.
No Qt here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from accountmap.domain.models import Account
from accountmap.layout.sizes import (
    CARD_GAP_X,
    CARD_GAP_Y,
    CARD_HEIGHT,
    CARD_WIDTH,
    CENTRE_HEADER,
    CENTRE_PADDING,
)

CENTRE_GAP = 60.0


@dataclass
class MapLayout:
    cards: dict[str, tuple[float, float]] = field(default_factory=dict)
    centres: dict[str, tuple[float, float, float, float]] = field(default_factory=dict)


def grid_layout(account: Account) -> MapLayout:
    """Frames in a row (wrapping after a width), cards in a near-square grid in each."""
    layout = MapLayout()
    centre_ids = {c.id for c in account.decision_centres}
    members: dict[str | None, list[str]] = {}
    for s in account.stakeholders:
        key = s.decision_centre_id if s.decision_centre_id in centre_ids else None
        members.setdefault(key, []).append(s.id)
    x = y = 0.0
    row_height = 0.0
    max_row_width = 4 * (3 * (CARD_WIDTH + CARD_GAP_X) + CENTRE_GAP)
    for centre in account.decision_centres:
        people = members.get(centre.id, [])
        cols = max(1, min(4, math.ceil(math.sqrt(len(people))))) if people else 1
        rows = max(1, math.ceil(len(people) / cols)) if people else 1
        w = 2 * CENTRE_PADDING + cols * CARD_WIDTH + (cols - 1) * CARD_GAP_X
        h = CENTRE_HEADER + 2 * CENTRE_PADDING + rows * CARD_HEIGHT + (rows - 1) * CARD_GAP_Y
        if x > 0 and x + w > max_row_width:
            x = 0.0
            y += row_height + CENTRE_GAP
            row_height = 0.0
        layout.centres[centre.id] = (x, y, w, h)
        for i, pid in enumerate(people):
            r, c = divmod(i, cols)
            layout.cards[pid] = (x + CENTRE_PADDING + c * (CARD_WIDTH + CARD_GAP_X),
                                 y + CENTRE_HEADER + CENTRE_PADDING + r * (CARD_HEIGHT + CARD_GAP_Y))
        x += w + CENTRE_GAP
        row_height = max(row_height, h)
    loose = members.get(None, [])
    if loose:
        top = y + row_height + CENTRE_GAP if layout.centres else 0.0
        cols = max(1, min(8, math.ceil(math.sqrt(len(loose) * 2))))
        for i, pid in enumerate(loose):
            r, c = divmod(i, cols)
            layout.cards[pid] = (c * (CARD_WIDTH + CARD_GAP_X), top + r * (CARD_HEIGHT + CARD_GAP_Y))
    return layout


def layout_account_map(account: Account) -> MapLayout:
    """The real org-chart layout when available, else the grid."""
    try:
        from accountmap.layout.orgchart import layout_account_map as orgchart
    except ImportError:
        return grid_layout(account)
    return orgchart(account)
