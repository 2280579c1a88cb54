"""The buying group lined up on the stations: one column per station, people as chips.

A chip's menu moves the person to another station (one undo step). People more than one
station behind the group's median are marked ↓ (they lag: acting now is the "animator
syndrome" for them), people more than one ahead ↑.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QAction, QColor, QDrag, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from accountmap.document.context import AccountContext
from accountmap.domain.journey_rules import group_positions
from accountmap.panels.journey_common import FollowsAccount, report, short_name, vocab
from accountmap.storage.errors import WorkspaceError

COLUMN_WIDTH = 150
NOT_SET = ""


PERSON_MIME = "application/x-accountmap-stakeholder"


# A chip's look by its mark: (background, border)
LOOKS = {"": ("#ffffff", "#9aa5b4"), "behind": ("#fde2dc", "#c8372d"),
         "ahead": ("#def3e0", "#2e8b3e")}
PAD_X, PAD_Y, RADIUS = 5, 4, 10


class PersonChip(QAbstractButton):
    """A person: click for the menu of stations, or drag onto another station's column.

    Light on purpose (a lineup has one per person, up to thousands): it paints itself (no
    style sheet: one cost ~10 KB a widget) and makes its menu when first wanted
    (`make_menu(chip)`; 3,000 people made 45,000 actions up front)."""

    def __init__(self, person_id: str, text: str, make_menu, parent=None) -> None:
        super().__init__(parent)
        self.person_id = person_id
        self.station = None  # the person's station, checked in the menu
        self.mark = ""  # "", "behind" or "ahead": the look
        self._make_menu = make_menu
        self._menu: QMenu | None = None
        self.setText(text)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.clicked.connect(self.show_menu)
        self._press = None

    def set_mark(self, mark: str) -> None:
        if mark != self.mark:
            self.mark = mark
            self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        metrics = self.fontMetrics()
        lines = self.text().split("\n")
        width = max(metrics.horizontalAdvance(line) for line in lines)
        return QSize(width + 2 * PAD_X + 2, metrics.lineSpacing() * len(lines) + 2 * PAD_Y + 2)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(2 * RADIUS, self.sizeHint().height())

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        background, border = LOOKS[self.mark]
        fill = QColor(background)
        if self.isDown():
            fill = fill.darker(112)
        elif self.underMouse():
            fill = fill.darker(104)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(border), 2 if self.hasFocus() else 1))
        painter.setBrush(fill)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), RADIUS, RADIUS)
        painter.setPen(self.palette().color(QPalette.ColorRole.ButtonText))
        painter.setFont(self.font())
        painter.drawText(self.rect().adjusted(PAD_X, PAD_Y, -PAD_X, -PAD_Y),
                         int(Qt.AlignmentFlag.AlignCenter), self.text())

    def enterEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.update()
        super().enterEvent(event)

    def leaveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.update()
        super().leaveEvent(event)

    def menu(self) -> QMenu:
        """The menu of stations (made on first use)."""
        if self._menu is None:
            self._menu = self._make_menu(self)
            self.check_station()
        return self._menu

    def has_menu(self) -> bool:
        return self._menu is not None

    def show_menu(self) -> None:
        menu = self.menu()
        menu.popup(self.mapToGlobal(self.rect().bottomLeft()))

    def check_station(self) -> None:
        if self._menu is not None:
            for action in self.station_actions():
                if action.isCheckable():
                    action.setChecked(action.data() == self.station)

    def station_actions(self) -> list[QAction]:
        return [a for a in self.menu().actions() if a.data() is not None]

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        if self._press is not None and (event.position().toPoint() - self._press).manhattanLength() \
                >= QApplication.startDragDistance():
            self._press = None
            self.setDown(False)
            mime = QMimeData()
            mime.setData(PERSON_MIME, self.person_id.encode())
            drag = QDrag(self)
            drag.setMimeData(mime)
            drag.setPixmap(self.grab())
            drag.exec(Qt.DropAction.MoveAction)
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        self._press = None
        super().mouseReleaseEvent(event)


class StationColumn(QFrame):
    """One station's column; people dropped here move to the station."""

    def __init__(self, station_id: str, on_drop, parent=None) -> None:
        super().__init__(parent)
        self.station_id = station_id
        self._on_drop = on_drop
        self.setAcceptDrops(True)

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasFormat(PERSON_MIME):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasFormat(PERSON_MIME):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        if not event.mimeData().hasFormat(PERSON_MIME):
            return
        person_id = bytes(event.mimeData().data(PERSON_MIME)).decode()
        event.acceptProposedAction()
        self._on_drop(person_id, self.station_id or None)


MARKS = {"": "", "behind": "↓ ", "ahead": "↑ "}


class StationLineup(FollowsAccount, QScrollArea):
    """Built whole when shown first or when the stations or the set of people change;
    an edit of people (a move to another station, a rename) updates their chips in place,
    and the marks of the others only where the group's median moved them."""

    FOLLOWED_TABLES = ("stakeholders",)

    def __init__(self, context: AccountContext, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWidgetResizable(True)
        self.chips: dict[str, PersonChip] = {}
        self.columns: dict[str, QFrame] = {}  # station id ("" = not set) -> column
        self.summary = QLabel()
        self._dressed: dict[str, tuple] = {}  # person id -> what their chip shows now
        self.follow_account(context)
        self.refresh()

    def account_changed(self, change) -> None:
        rows = change.rows(self.context.account_id, "stakeholders")
        if change.settings or rows.added or rows.removed or not self.chips:
            self.refresh()
        else:
            self.update_people()

    def refresh(self) -> None:
        if not self.context.document.has_account(self.context.account_id):
            return
        account = self.context.account
        lang = self.context.lang
        framework = self.context.document.settings.journey_framework
        positions = group_positions(account, framework)
        body = QWidget()
        outer = QVBoxLayout(body)
        self.summary = QLabel(self._summary_text(positions, framework, lang))
        self.summary.setWordWrap(True)
        outer.addWidget(self.summary)
        row = QHBoxLayout()
        row.setSpacing(6)
        outer.addLayout(row, 1)
        self.chips = {}
        self.columns = {}
        self._dressed = {}
        columns = [(NOT_SET, self.tr("No station yet"))] + [
            (s.id, f"{i}. {s.name(lang)}") for i, s in enumerate(framework.stations, 1)]
        people_at: dict[str, list] = {key: [] for key, _ in columns}
        for person in account.stakeholders:
            key = person.journey_stage if framework.station(person.journey_stage) else NOT_SET
            people_at[key].append(person)
        for key, title in columns:
            column = StationColumn(key, self.move_person)
            column.setFrameShape(QFrame.Shape.StyledPanel)
            column.setFixedWidth(COLUMN_WIDTH)
            column.setObjectName("stationColumn")
            is_current = key and key == account.journey_stage
            column.setStyleSheet(
                "QFrame#stationColumn { background: %s; border: 1px solid #b8c2cf; border-radius: 4px; }"
                % ("#dbe8f7" if is_current else "#f7f8fa"))
            layout = QVBoxLayout(column)
            layout.setContentsMargins(4, 4, 4, 4)
            header = QLabel(title)
            header.setWordWrap(True)
            header.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            header.setStyleSheet("font-weight: bold;")
            header.setMinimumHeight(header.fontMetrics().height() * 3)
            station = framework.station(key)
            if station is not None:
                header.setToolTip("\n".join([station.description(lang)]
                                            + [f"• {s}" for s in station.signs(lang)]))
            layout.addWidget(header)
            for person in people_at[key]:
                chip = self._chip(person, framework, lang)
                self._dress(chip, person, positions, lang)
                layout.addWidget(chip)
            layout.addStretch(1)
            self.columns[key] = column
            row.addWidget(column)
        row.addStretch(1)
        old = self.takeWidget()
        if old is not None:
            old.hide()
            old.deleteLater()  # a chip's menu may be emitting right now
        self.setWidget(body)

    def update_people(self) -> None:
        """Bring the chips up to date in place: a person at another station moves to its
        column; a chip is redressed only when what it shows changed."""
        account = self.context.account
        lang = self.context.lang
        framework = self.context.document.settings.journey_framework
        positions = group_positions(account, framework)
        self.summary.setText(self._summary_text(positions, framework, lang))
        order = {person.id: i for i, person in enumerate(account.stakeholders)}
        for person in account.stakeholders:
            chip = self.chips.get(person.id)
            if chip is None:
                self.refresh()
                return
            key = person.journey_stage if framework.station(person.journey_stage) else NOT_SET
            column = self.columns[key]
            if chip.parentWidget() is not column:
                layout = column.layout()
                # in the group's order, as a fresh build puts them (before the stretch)
                at = next((i for i in range(1, layout.count() - 1)
                           if order.get(getattr(layout.itemAt(i).widget(), "person_id", None),
                                        -1) > order[person.id]), layout.count() - 1)
                layout.insertWidget(at, chip)
            self._dress(chip, person, positions, lang)

    def _chip(self, person, framework, lang) -> PersonChip:
        """A person's chip (what it shows: `_dress`; its menu: `_menu`, made when wanted)."""
        chip = PersonChip(person.id, "", self._menu)
        chip.base_font = QFont(chip.font())
        self.chips[person.id] = chip
        return chip

    def _menu(self, chip: PersonChip) -> QMenu:
        """The chip's menu of stations, for the framework of now."""
        lang = self.context.lang
        framework = self.context.document.settings.journey_framework
        person_id = chip.person_id
        menu = QMenu(chip)
        title = menu.addAction(self.tr("Move to station:"))
        title.setEnabled(False)
        for i, station in enumerate(framework.stations, 1):
            action = menu.addAction(f"{i}. {station.name(lang)}")
            action.setData(station.id)
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, p=person_id, s=station.id: self.move_person(p, s))
        menu.addSeparator()
        clear = menu.addAction(self.tr("No station"))
        clear.setData("")
        clear.triggered.connect(lambda _=False, p=person_id: self.move_person(p, None))
        show = menu.addAction(self.tr("Show on the map"))
        show.triggered.connect(lambda _=False, p=person_id: self.context.show("stakeholder", p))
        return menu

    def _dress(self, chip: PersonChip, person, positions, lang) -> None:
        """Text, colours, tooltip and checked station of a chip; nothing when unchanged."""
        state = ("behind" if person.id in positions.behind
                 else "ahead" if person.id in positions.ahead else "")
        shown = (state, person.full_name, person.title, tuple(person.roles), person.influence,
                 person.journey_stage)
        before = self._dressed.get(person.id)
        if before == shown:
            return
        self._dressed[person.id] = shown
        chip.set_mark(state)
        mark = MARKS[state]
        name = short_name(person.full_name) or "—"
        chip.setFont(chip.base_font)
        chip.setText(mark + name)
        if chip.fontMetrics().horizontalAdvance(mark + name) > COLUMN_WIDTH - 40 and " " in name:
            first, _, rest = name.partition(" ")
            chip.setText(f"{mark}{first}\n{rest}")  # a long surname: initials below
            if chip.fontMetrics().horizontalAdvance(mark + first) > COLUMN_WIDTH - 26:
                font = QFont(chip.base_font)
                font.setPointSizeF(font.pointSizeF() * 0.85)
                chip.setFont(font)
        tip = [person.full_name or "—"]
        if person.title:
            tip.append(person.title)
        if person.roles:
            tip.append(", ".join(vocab("role", r, lang) for r in person.roles))
        tip.append(self.tr("Influence: %1").replace("%1", vocab("influence", person.influence, lang)))
        if state == "behind":
            tip.append(self.tr("Lags more than one station behind the group"))
        elif state == "ahead":
            tip.append(self.tr("More than one station ahead of the group"))
        chip.setToolTip("\n".join(tip))
        chip.station = person.journey_stage
        chip.check_station()

    def _summary_text(self, positions, framework, lang) -> str:
        if positions.median is None:
            return self.tr("Nobody of the buying group has a station yet: drag a person’s "
                           "chip to a station, or click it to choose one.")
        median_station = framework.stations[int(positions.median)]
        text = self.tr("The group’s median: %1. ↓ more than one station behind the group "
                       "(%2), ↑ more than one ahead (%3). Drag a person to another station, "
                       "or click them.")
        return (text.replace("%1", median_station.name(lang))
                .replace("%2", str(len(positions.behind)))
                .replace("%3", str(len(positions.ahead))))

    def move_person(self, person_id: str, station_id: str | None) -> None:
        person = self.context.account.stakeholder(person_id)
        if person is None or person.journey_stage == station_id:
            return
        try:
            self.context.editor.update(self.context.account_id, "stakeholders", person_id,
                                       self.tr("Move a person on the journey"),
                                       journey_stage=station_id)
        except WorkspaceError as exc:
            report(self.context, exc)
