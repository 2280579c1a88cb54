"""Cards live in their decision centres: where a card goes in a frame (the first free slot
of the frame's grid, below its title), and how far a frame grows to hold its cards. Pure
functions of positions and sizes; no Qt."""

from __future__ import annotations

import math

from accountmap.layout.sizes import (
    CARD_GAP_X,
    CARD_GAP_Y,
    CARD_HEIGHT,
    CARD_WIDTH,
    CENTRE_HEADER,
    CENTRE_PADDING,
    GRID,
)

Box = tuple[float, float, float, float]  # left, top, width, height


def _snap_up(value: float) -> float:
    return math.ceil(value / GRID) * GRID


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def free_slot(frame: Box, cards: list[tuple[float, float]]) -> tuple[float, float]:
    """Top-left of the first free card slot in `frame` (row by row, below the title), clear
    of the `cards` (their top-left corners). May lie below the frame: it then grows."""
    left = _snap_up(frame[0] + CENTRE_PADDING)
    top = _snap_up(frame[1] + CENTRE_HEADER + CENTRE_PADDING)
    columns = max(1, int((frame[2] - 2 * CENTRE_PADDING + CARD_GAP_X) // (CARD_WIDTH + CARD_GAP_X)))
    boxes = [(x, y, CARD_WIDTH, CARD_HEIGHT) for x, y in cards]
    for index in range(10_000):
        row, column = divmod(index, columns)
        x = left + column * (CARD_WIDTH + CARD_GAP_X)
        y = top + row * (CARD_HEIGHT + CARD_GAP_Y)
        if not any(_overlaps((x, y, CARD_WIDTH, CARD_HEIGHT), b) for b in boxes):
            return x, y
    return left, top  # pragma: no cover - ten thousand cards in one frame


def inside(frame: Box, card: tuple[float, float]) -> tuple[float, float]:
    """The card moved right/down just enough to clear the frame's title and left border."""
    x = max(card[0], frame[0] + CENTRE_PADDING)
    y = max(card[1], frame[1] + CENTRE_HEADER + CENTRE_PADDING / 2)
    return _snap_up(x), _snap_up(y)


def grown(frame: Box, cards: list[tuple[float, float]]) -> tuple[float, float] | None:
    """The frame's new (width, height) to hold `cards` with padding, or None if it already
    does. Frames only grow here (the KAM shrinks them by hand)."""
    width, height = frame[2], frame[3]
    if cards:  # _snap_up never decreases: the card furthest right / down decides
        width = max(width, _snap_up(max(x for x, _y in cards) + CARD_WIDTH + CENTRE_PADDING - frame[0]))
        height = max(height, _snap_up(max(y for _x, y in cards) + CARD_HEIGHT + CENTRE_PADDING - frame[1]))
    return None if (width, height) == (frame[2], frame[3]) else (width, height)
