"""Colours, symbols and short labels of the account map (shared by canvas, legend, render).

Every colour coding also has a symbol, so a greyscale print stays readable: attitude
"++ + 0 − −−", journey stage its number, relationship strength its digit.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QFont

from accountmap.domain.vocabulary import Attitude, BuyingRole, Influence, RelationshipKind
from accountmap.panels.vocabulary_labels import (  # the words, shared with the side panel
    ATTITUDE_SYMBOLS,
    attitude_name,
    influence_name,
    no_role_text,
    relationship_name,
    role_name,
)

FONT_FAMILY = "DejaVu Sans"


def tr(text: str) -> str:
    return QCoreApplication.translate("AccountMapStyle", text)


ATTITUDE_COLOURS = {
    Attitude.CHAMPION: QColor("#1e8a44"),
    Attitude.SUPPORTER: QColor("#8fd19e"),
    Attitude.NEUTRAL: QColor("#c3c7cf"),
    Attitude.SCEPTIC: QColor("#f0ad4e"),
    Attitude.OPPONENT: QColor("#d9534f"),
}

EDGE_COLOURS = {
    RelationshipKind.REPORTS_TO: QColor("#4a4f5a"),
    RelationshipKind.INFLUENCES: QColor("#2f5fa7"),
    RelationshipKind.ALLY: QColor("#2e8b57"),
    RelationshipKind.CONFLICT: QColor("#c62828"),
}

# How lines stack where they cross: reporting lines beneath, then influence and alliance,
# a conflict on top (never hidden under a reporting line). The lines of one kind are
# consecutive, so far out the map draws each kind's lines in one call (line_sketch.py).
# (A line drawn while the map is open goes on top of all until the map is built again.)
EDGE_STACKING = {kind: order for order, kind in enumerate(EDGE_COLOURS)}

INFLUENCE_LEVEL = {Influence.LOW: 1, Influence.MEDIUM: 2, Influence.HIGH: 3}

OVERLAY_ATTITUDE = "attitude"
OVERLAY_STAGE = "stage"
OVERLAY_STRENGTH = "strength"
OVERLAY_COVERAGE = "coverage"
OVERLAYS = (OVERLAY_ATTITUDE, OVERLAY_STAGE, OVERLAY_STRENGTH, OVERLAY_COVERAGE)


def overlay_name(overlay: str) -> str:
    return {
        OVERLAY_ATTITUDE: tr("Colour by attitude"),
        OVERLAY_STAGE: tr("Colour by journey stage"),
        OVERLAY_STRENGTH: tr("Colour by relationship strength"),
        OVERLAY_COVERAGE: tr("Coverage"),
    }[overlay]


def role_short(value: BuyingRole) -> str:
    """The badge on a card: a few letters."""
    return {
        BuyingRole.DECISION_MAKER: tr("DM"),
        BuyingRole.ECONOMIC_BUYER: tr("EB"),
        BuyingRole.TECHNICAL_BUYER: tr("TB"),
        BuyingRole.USER_BUYER: tr("UB"),
        BuyingRole.INFLUENCER: tr("INF"),
        BuyingRole.GATEKEEPER: tr("GK"),
        BuyingRole.CHAMPION: tr("COACH"),
        BuyingRole.BLOCKER: tr("BLK"),
    }[BuyingRole(value)]


def stage_colour(index: int | None, count: int) -> QColor:
    """Cold blue at the first station to warm red at the last; grey when not set."""
    if index is None or count <= 0:
        return QColor("#d5d8de")
    t = index / max(1, count - 1)
    return QColor.fromHsvF(0.62 - 0.62 * t, 0.55, 0.95)


def strength_colour(strength: int) -> QColor:
    if strength <= 0:
        return QColor("#e1e3e8")
    return QColor.fromHsvF(0.58, 0.15 + 0.15 * strength, 0.98 - 0.06 * strength)


def font(point_size: float, bold: bool = False) -> QFont:
    """A font sized in scene units (pixels at 96 dpi), so a PDF, an SVG and a PNG draw
    text exactly as large relative to the cards as the screen does."""
    f = QFont(FONT_FAMILY)
    f.setPixelSize(max(1, round(point_size * 96 / 72)))
    f.setBold(bold)
    return f


def readable_text_colour(background: QColor) -> QColor:
    return QColor("#111111") if background.lightnessF() > 0.55 else QColor("#ffffff")
