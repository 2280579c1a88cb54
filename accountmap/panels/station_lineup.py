"""The buying group lined up on the stations: one column per station, people as chips.

A chip's menu moves the person to another station (one undo step). People more than one
station behind the group's median are marked ↓ (they lag: acting now is the "animator
syndrome" for them), people more than one ahead ↑.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMenu, QScrollArea, QVBoxLayout, QWidget

from accountmap.document.context import AccountContext
from accountmap.domain.journey_rules import group_positions
from accountmap.panels.journey_common import FollowsAccount, report, short_name, vocab
from accountmap.panels.lineup_chips import PERSON_MIME, ChipStack, PersonChip
from accountmap.storage.errors import WorkspaceError

COLUMN_WIDTH = 150
NOT_SET = ""

__all__ = ["PERSON_MIME", "PersonChip", "StationColumn", "StationLineup"]


class StationColumn(QFrame):
    """One station's column: its title, its people's chips (`stack`); people dropped here
    move to the station."""

    def __init__(self, station_id: str, on_drop, parent=None) -> None:
        super().__init__(parent)
        self.station_id = station_id
        self._on_drop = on_drop
        self.stack = ChipStack()
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
        self._fonts = self._chip_fonts()
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
            chips = []
            for person in people_at[key]:
                chip = self._chip(person, framework, lang)
                self._dress(chip, person, positions, lang)
                chips.append(chip)
            column.stack.set_chips(chips)
            layout.addWidget(column.stack)
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
            if chip.stack is not column.stack:
                chip.stack.remove(chip)
                # in the group's order, as a fresh build puts them
                others = column.stack.chips
                at = next((i for i, other in enumerate(others)
                           if order.get(other.person_id, -1) > order[person.id]), len(others))
                column.stack.insert(at, chip)
            self._dress(chip, person, positions, lang)

    def _chip(self, person, framework, lang) -> PersonChip:
        """A person's chip (what it shows: `_dress`; its menu: `_menu`, made when wanted)."""
        chip = PersonChip(person.id, self._menu, self._tooltip)
        self.chips[person.id] = chip
        return chip

    def _menu(self, chip: PersonChip) -> QMenu:
        """The chip's menu of stations, for the framework of now."""
        lang = self.context.lang
        framework = self.context.document.settings.journey_framework
        person_id = chip.person_id
        menu = QMenu(chip.stack)
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
        """Text, colours and checked station of a chip (its tooltip is made when shown:
        `_tooltip`); nothing when unchanged."""
        state = ("behind" if person.id in positions.behind
                 else "ahead" if person.id in positions.ahead else "")
        shown = (state, person.full_name, person.journey_stage)
        before = self._dressed.get(person.id)
        if before == shown:
            return
        self._dressed[person.id] = shown
        mark = MARKS[state]
        name = short_name(person.full_name) or "—"
        text, font = mark + name, None
        metrics, small = self._fonts
        if metrics.horizontalAdvance(text) > COLUMN_WIDTH - 40 and " " in name:
            first, _, rest = name.partition(" ")
            text = f"{mark}{first}\n{rest}"  # a long surname: initials below
            if metrics.horizontalAdvance(mark + first) > COLUMN_WIDTH - 26:
                font = small
        chip.set_look(text, font, state)
        chip.station = person.journey_stage
        chip.check_station()

    def _tooltip(self, chip: PersonChip) -> str:
        """A chip's tooltip, made when shown (a string kept per person cost ~0.3 KB)."""
        person = self.context.account.stakeholder(chip.person_id)
        if person is None:
            return ""
        lang = self.context.lang
        tip = [person.full_name or "—"]
        if person.title:
            tip.append(person.title)
        if person.roles:
            tip.append(", ".join(vocab("role", r, lang) for r in person.roles))
        tip.append(self.tr("Influence: %1").replace("%1", vocab("influence", person.influence, lang)))
        if chip.mark == "behind":
            tip.append(self.tr("Lags more than one station behind the group"))
        elif chip.mark == "ahead":
            tip.append(self.tr("More than one station ahead of the group"))
        return "\n".join(tip)

    def _chip_fonts(self) -> tuple[QFontMetrics, QFont]:
        """The metrics of a chip's font, and the smaller font of a long surname."""
        small = QFont(self.font())
        small.setPointSizeF(small.pointSizeF() * 0.85)
        return QFontMetrics(self.font()), small

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
