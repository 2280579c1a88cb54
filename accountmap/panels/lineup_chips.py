"""The people of one station's column on the lineup, painted as chips by one widget.

A chip is not a widget: a lineup has one per person, up to thousands, and a widget each
cost ~15 KB (1,000 people: ~15 MiB). `ChipStack` paints its chips one under the other and
does what a chip button did: hover and pressed looks, a focus frame (Tab, Shift+Tab and the
arrows move between chips; Space, Enter or the menu key open the menu), a click pops the
chip's menu up under it, a drag carries the person to another column, and each chip has
its tooltip (`tooltip_at`, which the application's plain-text tooltip filter asks).
"""

from __future__ import annotations

import bisect

from PySide6.QtCore import QEvent, QMimeData, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAction, QColor, QDrag, QFont, QFontMetrics, QPainter, QPalette, QPen, QPixmap,
)
from PySide6.QtWidgets import QApplication, QMenu, QScrollArea, QSizePolicy, QWidget

PERSON_MIME = "application/x-accountmap-stakeholder"

# A chip's look by its mark: (background, border)
LOOKS = {"": ("#ffffff", "#9aa5b4"), "behind": ("#fde2dc", "#c8372d"),
         "ahead": ("#def3e0", "#2e8b3e")}
PAD_X, PAD_Y, RADIUS = 5, 4, 10
SPACING = 6  # between chips, as the column's layout spaced the chip buttons


class PersonChip:
    """A person on the lineup: what its stack paints, its tooltip (`describe(chip)`, asked
    when shown), and its menu of stations (made when first wanted by `make_menu(chip)`;
    3,000 people made 45,000 actions up front)."""

    __slots__ = ("person_id", "station", "mark", "font", "stack", "_text", "_describe",
                 "_make_menu", "_menu")

    def __init__(self, person_id: str, make_menu, describe) -> None:
        self.person_id = person_id
        self.station = None  # the person's station, checked in the menu
        self.mark = ""  # "", "behind" or "ahead": the look
        self.font: QFont | None = None  # None: the stack's font
        self.stack: ChipStack | None = None  # the stack showing it
        self._text = ""
        self._describe = describe
        self._make_menu = make_menu
        self._menu: QMenu | None = None

    def text(self) -> str:
        return self._text

    def toolTip(self) -> str:  # noqa: N802 - as a widget's
        return self._describe(self)

    def set_look(self, text: str, font: QFont | None, mark: str) -> None:
        if text != self._text or font is not self.font or mark != self.mark:
            self._text, self.font, self.mark = text, font, mark
            if self.stack is not None:
                self.stack.chips_changed()

    def column(self) -> QWidget | None:
        """The station column the chip is in."""
        return self.stack.parentWidget() if self.stack is not None else None

    def rect(self) -> QRect:
        """Where the chip is, in its stack."""
        return self.stack.chip_rect(self)

    def grab(self) -> QPixmap:
        """The chip as painted (the drag's picture)."""
        rect = self.rect()
        ratio = self.stack.devicePixelRatioF()
        pixmap = QPixmap(rect.size() * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.stack.paint_chip(painter, self, QRect(QPoint(0, 0), rect.size()))
        painter.end()
        return pixmap

    def menu(self) -> QMenu:
        """The menu of stations (made on first use)."""
        if self._menu is None:
            self._menu = self._make_menu(self)
            self.check_station()
        return self._menu

    def has_menu(self) -> bool:
        return self._menu is not None

    def show_menu(self) -> None:
        self.menu().popup(self.stack.mapToGlobal(self.rect().bottomLeft()))

    def check_station(self) -> None:
        if self._menu is not None:
            for action in self.station_actions():
                if action.isCheckable():
                    action.setChecked(action.data() == self.station)

    def station_actions(self) -> list[QAction]:
        return [a for a in self.menu().actions() if a.data() is not None]


class ChipStack(QWidget):
    """The chips of one column, one under the other, as wide as the column."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.chips: list[PersonChip] = []
        self._bottoms: list[int] | None = None  # each chip's bottom edge (laid out lazily)
        self._hover: PersonChip | None = None
        self._down: PersonChip | None = None  # pressed (looks pressed while under the mouse)
        self._pressed_at: QPoint | None = None
        self._current = 0  # the chip with the focus frame when the stack has the focus
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # until it has chips: Tab passes by
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    # ------------------------------------------------------------------ chips and layout
    def set_chips(self, chips: list[PersonChip]) -> None:
        for chip in chips:
            chip.stack = self
        self.chips = list(chips)
        self._current = min(self._current, max(0, len(self.chips) - 1))
        self.chips_changed()

    def insert(self, at: int, chip: PersonChip) -> None:
        chip.stack = self
        self.chips.insert(at, chip)
        self.chips_changed()

    def remove(self, chip: PersonChip) -> None:
        self.chips.remove(chip)
        chip.stack = None
        for attr in ("_hover", "_down"):
            if getattr(self, attr) is chip:
                setattr(self, attr, None)
        self._current = min(self._current, max(0, len(self.chips) - 1))
        self.chips_changed()

    def chips_changed(self) -> None:
        self._bottoms = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if self.chips else Qt.FocusPolicy.NoFocus)
        self.updateGeometry()
        self.update()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.FontChange:
            self.chips_changed()  # the chips' heights follow the font
        super().changeEvent(event)

    def chip_height(self, chip: PersonChip) -> int:
        metrics = QFontMetrics(chip.font) if chip.font is not None else self.fontMetrics()
        return metrics.lineSpacing() * (chip.text().count("\n") + 1) + 2 * PAD_Y + 2

    def bottoms(self) -> list[int]:
        if self._bottoms is None:
            bottoms, y = [], 0
            for chip in self.chips:
                y += self.chip_height(chip)
                bottoms.append(y)
                y += SPACING
            self._bottoms = bottoms
        return self._bottoms

    def _rect_at(self, index: int) -> QRect:
        bottoms = self.bottoms()
        top = bottoms[index - 1] + SPACING if index else 0
        return QRect(0, top, self.width(), bottoms[index] - top)

    def chip_rect(self, chip: PersonChip) -> QRect:
        return self._rect_at(self.chips.index(chip))

    def chip_at(self, pos: QPoint) -> PersonChip | None:
        bottoms = self.bottoms()
        index = bisect.bisect_left(bottoms, pos.y())
        if index < len(self.chips) and self._rect_at(index).contains(pos):
            return self.chips[index]
        return None

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        bottoms = self.bottoms()
        return QSize(4 * RADIUS, bottoms[-1] if bottoms else 0)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(2 * RADIUS, self.sizeHint().height())

    # ------------------------------------------------------------------ painting
    def paint_chip(self, painter: QPainter, chip: PersonChip, rect: QRect, *, down=False,
                   hover=False, focus=False) -> None:
        background, border = LOOKS[chip.mark]
        fill = QColor(background)
        if down:
            fill = fill.darker(112)
        elif hover:
            fill = fill.darker(104)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(border), 2 if focus else 1))
        painter.setBrush(fill)
        painter.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), RADIUS, RADIUS)
        painter.setPen(self.palette().color(QPalette.ColorRole.ButtonText))
        painter.setFont(chip.font if chip.font is not None else self.font())
        painter.drawText(rect.adjusted(PAD_X, PAD_Y, -PAD_X, -PAD_Y),
                         int(Qt.AlignmentFlag.AlignCenter), chip.text())

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if not self.chips:
            return
        exposed = event.rect()
        bottoms = self.bottoms()
        painter = QPainter(self)
        focused = self.chips[self._current] if self.hasFocus() else None
        for index in range(bisect.bisect_left(bottoms, exposed.top()), len(self.chips)):
            rect = self._rect_at(index)
            if rect.top() > exposed.bottom():
                break
            chip = self.chips[index]
            self.paint_chip(painter, chip, rect, down=chip is self._down and chip is self._hover,
                            hover=chip is self._hover, focus=chip is focused)

    # ------------------------------------------------------------------ mouse
    def _set_hover(self, chip: PersonChip | None) -> None:
        if chip is not self._hover:
            for old in (self._hover, chip):
                if old is not None and old.stack is self:
                    self.update(old.rect())
            self._hover = chip

    def mousePressEvent(self, event) -> None:  # noqa: N802
        chip = self.chip_at(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and chip is not None:
            self._down, self._pressed_at = chip, event.position().toPoint()
            self._current = self.chips.index(chip)
            self.update(chip.rect())
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        pos = event.position().toPoint()
        chip = self.chip_at(pos)
        self._set_hover(chip)
        down = self._down
        if down is not None and self._pressed_at is not None and \
                (pos - self._pressed_at).manhattanLength() >= QApplication.startDragDistance():
            self._down = self._pressed_at = None
            self.update(down.rect())
            mime = QMimeData()
            mime.setData(PERSON_MIME, down.person_id.encode())
            drag = QDrag(self)
            drag.setMimeData(mime)
            drag.setPixmap(down.grab())
            drag.exec(Qt.DropAction.MoveAction)
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        down, self._down, self._pressed_at = self._down, None, None
        if down is not None and event.button() == Qt.MouseButton.LeftButton:
            if down.stack is self:
                self.update(down.rect())
            if self.chip_at(event.position().toPoint()) is down:
                down.show_menu()  # a click, as a button's: released on the chip pressed
            return
        super().mouseReleaseEvent(event)

    def leaveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._set_hover(None)
        super().leaveEvent(event)

    def tooltip_at(self, pos: QPoint) -> str | None:
        """The tooltip of the chip at `pos` (the application's tooltip filter asks: it
        shows every tooltip as plain text, app/plain_tooltips.py)."""
        chip = self.chip_at(pos)
        return (chip.toolTip() or None) if chip is not None else None

    # ------------------------------------------------------------------ keyboard
    def _move_current(self, index: int) -> None:
        if not self.chips:
            return
        self.update(self._rect_at(self._current))
        self._current = index
        rect = self._rect_at(index)
        self.update(rect)
        chip = self.chips[index]  # what a screen reader says: the chip in focus
        self.setAccessibleName(chip.text().replace("\n", " "))
        self.setAccessibleDescription(chip.toolTip())
        area = self.parentWidget()
        while area is not None and not isinstance(area, QScrollArea):
            area = area.parentWidget()
        if area is not None and area.widget() is not None:
            centre = self.mapTo(area.widget(), rect.center())
            area.ensureVisible(centre.x(), centre.y(), rect.width() // 2 + 4,
                               rect.height() // 2 + 4)

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 - Qt's name
        """Tab and Shift+Tab go chip by chip, then on to the next widget."""
        index = self._current + (1 if forward else -1)
        if self.hasFocus() and 0 <= index < len(self.chips):
            self._move_current(index)
            return True
        return super().focusNextPrevChild(forward)

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.reason() == Qt.FocusReason.TabFocusReason:
            self._move_current(0)
        elif event.reason() == Qt.FocusReason.BacktabFocusReason:
            self._move_current(max(0, len(self.chips) - 1))
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        self.update()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        if self.chips and key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            step = 1 if key == Qt.Key.Key_Down else -1
            self._move_current(min(max(self._current + step, 0), len(self.chips) - 1))
        elif self.chips and key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter,
                                    Qt.Key.Key_Menu):
            self.chips[self._current].show_menu()
        else:
            super().keyPressEvent(event)
