"""The account's journey as a strip: the stations as segments (passed, current, ahead),
the temperature at the right. A click on a station (or on the temperature) asks when and
why the client moved, then moves it: the account's stage and temperature change and a
dated JourneyEvent is logged, as ONE undo step.

A standalone widget taking an AccountContext, so it can sit above any page.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolTip,
    QWidget,
)

from accountmap.document.context import AccountContext
from accountmap.domain import clock
from accountmap.domain.vocabulary import Temperature
from accountmap.panels.fields import date_display_format
from accountmap.panels.journey_common import (
    TEMPERATURE_COLOURS,
    from_qdate,
    report,
    to_qdate,
    vocab,
)
from accountmap.storage.errors import WorkspaceError
from accountmap.panels.pickers import ok_cancel
from accountmap.panels.word_breaks import syllable_breaks

BADGE_WIDTH = 124
CURRENT = QColor("#1f5fa8")
PASSED = QColor("#c9daf0")
AHEAD = QColor("#f3f4f6")


class StationMoveDialog(QDialog):
    """When, to which station and temperature, why, and on what evidence."""

    def __init__(self, context: AccountContext, station_id: str | None, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Move the client on its journey"))
        self.setMinimumWidth(520)
        lang = context.lang
        account = context.account
        form = QFormLayout(self)
        self.station = QComboBox()
        self.station.addItem(self.tr("not set"), None)
        for i, s in enumerate(context.document.settings.journey_framework.stations, 1):
            self.station.addItem(f"{i}. {s.name(lang)}", s.id)
        self.station.setCurrentIndex(max(0, self.station.findData(station_id)))
        self.temperature = QComboBox()
        for value in Temperature:
            self.temperature.addItem(vocab("temperature", value, lang), value.value)
        self.temperature.setCurrentIndex(max(0, self.temperature.findData(account.temperature.value)))
        self.date = QDateEdit(to_qdate(clock.today()))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat(date_display_format())
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. asked for a diagnostic session"))
        self.evidence = QPlainTextEdit()
        self.evidence.setPlaceholderText(self.tr("What the client said or did (a sign of the station)"))
        self.evidence.setMaximumHeight(90)
        self.signs = QLabel()
        self.signs.setWordWrap(True)
        self.signs.setStyleSheet("color: #555;")
        form.addRow(self.tr("Station"), self.station)
        form.addRow(self.tr("Signs of this station"), self.signs)
        form.addRow(self.tr("Temperature"), self.temperature)
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Why"), self.reason)
        form.addRow(self.tr("Evidence"), self.evidence)
        self.buttons = ok_cancel(self)
        form.addRow(self.buttons)
        self._framework = context.document.settings.journey_framework
        self._lang = lang
        self.station.currentIndexChanged.connect(self._show_signs)
        self._show_signs()

    def _show_signs(self) -> None:
        station = self._framework.station(self.station.currentData())
        signs = station.signs(self._lang) if station else []
        self.signs.setText("\n".join(f"• {s}" for s in signs) or "—")

    def values(self) -> dict:
        return {
            "station_id": self.station.currentData(),
            "temperature": self.temperature.currentData(),
            "date": from_qdate(self.date.date()) or clock.today(),
            "reason": self.reason.text().strip(),
            "evidence": self.evidence.toPlainText().strip(),
        }


class JourneyStrip(QWidget):
    """The stations as segments, the current one highlighted, the temperature shown."""

    moved = Signal(str)  # the new JourneyEvent's id

    def __init__(self, context: AccountContext, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.dialog: StationMoveDialog | None = None
        self.setMouseTracking(True)
        self.setMinimumHeight(72)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip("")
        context.document.accountChanged.connect(self._on_account_changed)
        context.document.settingsChanged.connect(self.update)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(900, 76)

    def _on_account_changed(self, account_id: str) -> None:
        if account_id == self.context.account_id:
            self.update()

    @property
    def framework(self):
        return self.context.document.settings.journey_framework

    # ------------------------------------------------------------------ geometry
    def segment_rect(self, index: int) -> QRectF:
        count = max(1, len(self.framework.stations))
        width = (self.width() - BADGE_WIDTH - 8) / count
        return QRectF(index * width, 2, width, self.height() - 4)

    def badge_rect(self) -> QRectF:
        return QRectF(self.width() - BADGE_WIDTH, 2, BADGE_WIDTH - 2, self.height() - 4)

    def station_at(self, x: float, y: float) -> int | None:
        for i in range(len(self.framework.stations)):
            if self.segment_rect(i).contains(x, y):
                return i
        return None

    # ------------------------------------------------------------------ painting
    def paintEvent(self, event) -> None:  # noqa: N802
        if not self.context.document.has_account(self.context.account_id):
            return
        account = self.context.account
        lang = self.context.lang
        stations = self.framework.stations
        current = self.framework.index(account.journey_stage)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        base = QFont(self.font())
        base.setPointSizeF(max(7.0, base.pointSizeF() - 1))
        for i, station in enumerate(stations):
            rect = self.segment_rect(i)
            tip = 10.0 if i < len(stations) - 1 else 0.0
            path = QPainterPath()
            left = rect.left() + (0 if i == 0 else 1)
            path.moveTo(left, rect.top())
            path.lineTo(rect.right() - 1, rect.top())
            path.lineTo(rect.right() - 1 + tip, rect.center().y())
            path.lineTo(rect.right() - 1, rect.bottom())
            path.lineTo(left, rect.bottom())
            if i > 0:
                path.lineTo(left + 10, rect.center().y())
            path.closeSubpath()
            if current is not None and i == current:
                fill, ink = CURRENT, QColor("white")
            elif current is not None and i < current:
                fill, ink = PASSED, QColor("#23364d")
            else:
                fill, ink = AHEAD, QColor("#555b66")
            painter.setPen(QPen(QColor("#9aa5b4"), 1))
            painter.setBrush(fill)
            painter.drawPath(path)
            font = QFont(base)
            font.setBold(i == current)
            painter.setFont(font)
            painter.setPen(ink)
            text_rect = rect.adjusted(10 if i else 4, 2, 2 if tip else -3, -2)
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             _fit(painter, f"{i + 1}. {station.name(lang)}", text_rect))
        badge = self.badge_rect()
        colour = TEMPERATURE_COLOURS.get(account.temperature.value, QColor("grey"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(badge, 8, 8)
        font = QFont(base)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(badge.adjusted(4, 2, -4, -2),
                         Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                         self.tr("Temperature:") + "\n" + vocab("temperature", account.temperature, lang))
        painter.end()

    # ------------------------------------------------------------------ interaction
    def event(self, event) -> bool:
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.ToolTip:
            pos = event.position() if hasattr(event, "position") else event.pos()
            index = self.station_at(pos.x(), pos.y())
            if index is not None:
                QToolTip.showText(event.globalPos(), self._tooltip(index), self)
            elif self.badge_rect().contains(pos):
                QToolTip.showText(event.globalPos(), self.tr("Click to change the temperature"), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def _tooltip(self, index: int) -> str:
        station = self.framework.stations[index]
        lang = self.context.lang
        lines = [f"<b>{index + 1}. {_esc(station.name(lang))}</b>"]
        if station.description(lang):
            lines.append(_esc(station.description(lang)))
        signs = station.signs(lang)
        if signs:
            lines.append(self.tr("Signs:") + "<br>" + "<br>".join("• " + _esc(s) for s in signs))
        lines.append("<i>" + self.tr("Click to move the client here") + "</i>")
        return "<br>".join(lines)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mouseReleaseEvent(event)
        pos = event.position()
        index = self.station_at(pos.x(), pos.y())
        if index is not None:
            self.ask_move(self.framework.stations[index].id)
        elif self.badge_rect().contains(pos):
            self.ask_move(self.context.account.journey_stage)

    def ask_move(self, station_id: str | None) -> StationMoveDialog:
        """Open the move dialog (non-blocking) preset to `station_id`."""
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = StationMoveDialog(self.context, station_id, self)
        self.dialog.accepted.connect(self._dialog_accepted)
        self.dialog.open()
        return self.dialog

    def _dialog_accepted(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            self.move_to(**dialog.values())
            dialog.deleteLater()

    def move_to(self, station_id, temperature, date, reason="", evidence="") -> str | None:
        try:
            event_id = self.context.editor.move_account_station(
                self.context.account_id, station_id, temperature, date,
                reason, evidence, self.tr("Move the client on its journey"))
        except WorkspaceError as exc:
            report(self.context, exc)
            return None
        self.moved.emit(event_id)
        return event_id


def _esc(text: str) -> str:
    from html import escape

    return escape(text)


def _fits(painter: QPainter, text: str, rect: QRectF) -> bool:
    flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
    bound = painter.boundingRect(rect, flags, text)
    return bound.height() <= rect.height() and bound.width() <= rect.width() + 0.5


def _anywhere(word: str) -> list[int]:
    """Where a word with no syllables known may be cut: anywhere two letters in."""
    return list(range(2, len(word) - 1)) if len(word) > 4 else []


def _hyphenated(painter: QPainter, text: str, width: float, breaks=syllable_breaks) -> str:
    """`text` with each word wider than `width` broken with a hyphen at the last of
    `breaks(word)` that fits (the first, if none does), as often as it takes; a word
    with no breaks is left whole."""
    metrics = painter.fontMetrics()
    pieces = []
    for word in text.split():
        while metrics.horizontalAdvance(word) > width and (places := breaks(word)):
            fitting = [i for i in places if metrics.horizontalAdvance(word[:i] + "-") <= width]
            cut = fitting[-1] if fitting else places[0]
            pieces.append(word[:cut] + "-\n")
            word = word[cut:]
        pieces.append(word + " ")
    return "".join(pieces).strip()


def _fit(painter: QPainter, text: str, rect: QRectF) -> str:
    """Make `text` fit `rect` word-wrapped: as it is, or with a long word broken at its
    syllables, at the font's size, then at a smaller one (down to 7 pt); then words
    dropped with an ellipsis, then a long word cut, then elided (the tooltip has it all)."""
    if _fits(painter, text, rect):
        return text
    font = QFont(painter.font())
    size = font.pointSizeF()
    while True:
        hyphenated = _hyphenated(painter, text, rect.width())
        if hyphenated != text and _fits(painter, hyphenated, rect):
            return hyphenated
        if size <= 7.0:
            break
        size = max(7.0, size - 0.5)
        font.setPointSizeF(size)
        painter.setFont(font)
        if _fits(painter, text, rect):
            return text
    words = text.split()
    while len(words) > 2:
        words.pop()
        candidate = " ".join(words) + "…"
        if _fits(painter, candidate, rect):
            return candidate
    # cut words wider than the segment with a hyphen rather than eliding them
    candidate = _hyphenated(painter, text, rect.width(), _anywhere)
    if _fits(painter, candidate, rect):
        return candidate
    return painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight,
                                            int(rect.width()))
