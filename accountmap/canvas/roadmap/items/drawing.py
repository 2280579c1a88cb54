"""What the roadmap's items share: the translation context, the bundled fonts, the
names of statuses and kinds, fitting a title into a node, the colours."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetricsF

from accountmap.domain.vocabulary import BranchOutcome, CheckpointStatus, NodeKind
from accountmap.layout.sizes import DECISION_HEIGHT, DECISION_WIDTH, NODE_HEIGHT, NODE_WIDTH

CONTEXT = "RoadmapCanvas"
FONT_FAMILY = "DejaVu Sans"
_fonts_loaded = False


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def ensure_fonts() -> None:
    """Register the bundled DejaVu fonts once (Cyrillic everywhere, same metrics)."""
    global _fonts_loaded
    if _fonts_loaded:
        return
    _fonts_loaded = True
    folder = Path(__file__).resolve().parents[4] / "resources" / "fonts"
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        path = folder / name
        if path.exists():
            QFontDatabase.addApplicationFont(str(path))


_STATUS_SOURCES = {
    CheckpointStatus.PLANNED: "Planned",
    CheckpointStatus.ACTIVE: "Active",
    CheckpointStatus.DONE: "Done",
    CheckpointStatus.SKIPPED: "Skipped",
    CheckpointStatus.FAILED: "Failed",
}
_KIND_SOURCES = {
    NodeKind.START: "Start",
    NodeKind.CHECKPOINT: "Checkpoint",
    NodeKind.DECISION: "Crossroads",
    NodeKind.WON: "Won",
    NodeKind.LOST: "Lost",
}
if False:  # the sources above, for translators: tr() marks them
    tr("Planned"), tr("Active"), tr("Done"), tr("Skipped"), tr("Failed")
    tr("Start"), tr("Checkpoint"), tr("Crossroads"), tr("Won"), tr("Lost")


def status_text(status: CheckpointStatus) -> str:  # not cached: the language may change
    return tr(_STATUS_SOURCES[CheckpointStatus(status)])


def _outcome_sources() -> dict[str, str]:
    return {BranchOutcome.YES: tr("Yes"), BranchOutcome.NO: tr("No")}


def outcome_text(outcome: str) -> str:
    """A branch's outcome as shown: the default ids (yes / no) in the interface's
    language, the user's own words as written."""
    return _outcome_sources().get(outcome, outcome)


def outcome_typed(text: str) -> str:
    """What to store for an outcome typed (or left as shown): the id of a default
    outcome when the text is its translation, else the text."""
    folded = text.strip().casefold()
    return next((value for value, shown in _outcome_sources().items()
                 if shown.casefold() == folded), text)


def kind_text(kind: NodeKind) -> str:
    return tr(_KIND_SOURCES[NodeKind(kind)])


@lru_cache(maxsize=64)
def font(pixels: int, bold: bool = False) -> QFont:
    f = QFont(FONT_FAMILY)
    f.setPixelSize(pixels)
    f.setBold(bold)
    return f


@lru_cache(maxsize=64)
def metrics(pixels: int, bold: bool = False) -> QFontMetricsF:
    return QFontMetricsF(font(pixels, bold))


def node_size(kind: NodeKind) -> tuple[float, float]:
    if kind == NodeKind.DECISION:
        return DECISION_WIDTH, DECISION_HEIGHT
    return NODE_WIDTH, NODE_HEIGHT


# ---------------------------------------------------------------------- text fitting
def _split_long_word(word: str, fm: QFontMetricsF, width: float) -> list[str]:
    parts, current = [], ""
    for ch in word:
        if current and fm.horizontalAdvance(current + ch) > width:
            parts.append(current)
            current = ch
        else:
            current += ch
    if current:
        parts.append(current)
    return parts


def wrap_text(text: str, fm: QFontMetricsF, widths: list[float]) -> tuple[list[str], bool]:
    """Wrap `text` into at most len(widths) lines, line i no wider than widths[i].

    Returns (lines, complete): the last line is elided when the text does not fit.
    """
    words = text.split()
    lines: list[str] = []
    current = ""
    i = 0
    while i < len(words):
        width = widths[min(len(lines), len(widths) - 1)]
        word = words[i]
        candidate = f"{current} {word}" if current else word
        if fm.horizontalAdvance(candidate) <= width:
            current = candidate
            i += 1
            continue
        if current:
            lines.append(current)
            current = ""
        else:  # one word wider than the line: break it
            pieces = _split_long_word(word, fm, width)
            lines.append(pieces[0])
            rest = word[len(pieces[0]):]
            if rest:
                words[i] = rest
            else:
                i += 1
        if len(lines) >= len(widths):
            break
    if current and len(lines) < len(widths):
        lines.append(current)
        current = ""
    consumed_all = i >= len(words) and not current
    if not consumed_all and lines:
        rest = " ".join([lines[-1]] + ([current] if current else []) + words[i:])
        lines[-1] = fm.elidedText(rest + " …", Qt.TextElideMode.ElideRight, widths[len(lines) - 1])
        if not lines[-1].endswith("…"):
            lines[-1] = fm.elidedText(lines[-1] + "……", Qt.TextElideMode.ElideRight,
                                      widths[len(lines) - 1])
    return lines, consumed_all


# ---------------------------------------------------------------------- colours
STATUS_COLOURS = {  # fill, border
    CheckpointStatus.PLANNED: ("#ffffff", "#8a94a6"),
    CheckpointStatus.ACTIVE: ("#fff3d1", "#d89500"),
    CheckpointStatus.DONE: ("#e2f3e6", "#3c9a55"),
    CheckpointStatus.SKIPPED: ("#eef0f3", "#98a1ae"),
    CheckpointStatus.FAILED: ("#fbe3e3", "#c94040"),
}
KIND_COLOURS = {
    NodeKind.START: ("#dce9ff", "#3a6fd0"),
    NodeKind.WON: ("#d2f1da", "#2e8a4a"),
    NodeKind.LOST: ("#f6d9d9", "#b83a3a"),
    NodeKind.DECISION: ("#fff6dc", "#b98500"),
}
PATH_COLOUR = QColor("#2a64c8")
EDGE_COLOUR = QColor("#7a8599")
SELECT_COLOUR = QColor("#1d7bf0")
OVERDUE_COLOUR = QColor("#d23c3c")
FADED_OPACITY = 0.28



@lru_cache(maxsize=4096)
def fitted_title(title: str, kind: NodeKind) -> tuple[str, ...]:
    """The lines of a node's title inside its shape (cached: titles repeat across builds)."""
    if kind == NodeKind.DECISION:
        fm = metrics(12)
        lines: list[str] = []
        for widths in ([112.0], [96.0, 96.0], [70.0, 112.0, 70.0]):
            lines, complete = wrap_text(title, fm, widths)
            if complete:
                break
        return tuple(lines)
    if kind == NodeKind.CHECKPOINT:
        return tuple(wrap_text(title, metrics(13), [NODE_WIDTH - 22] * 3)[0])
    return tuple(wrap_text(title, metrics(13), [NODE_WIDTH - 44] * 2)[0])

