"""The portfolio table as a Qt model: one row per reviewed deal, and the filter over it.

Cells read as in the printed review (briefing/portfolio_table.py: one wording); each
column sorts by its meaning (value by currency then amount, progress as a fraction,
dates as dates), not by its text. The row's tooltip gives the reason of every flag.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from accountmap import catalogue
from accountmap.briefing.messages import BRIEFING_MESSAGES
from accountmap.briefing import portfolio_table as pt
from accountmap.briefing.styles import fmt_money

COLUMNS = ("account", "kam", "value", "station", "temperature", "current", "progress", "days",
           "next_meeting", "coverage", "comments", "flags", "file")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
DEAL_ROLE = Qt.ItemDataRole.UserRole + 2
FLAGGED = QColor("#b91c1c")
CLOSED = QColor("#616e7c")
TEMPERATURES = ("cold", "cool", "warm", "hot")


class PortfolioModel(QAbstractTableModel):
    def __init__(self, lang: str, parent=None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.deals: list = []

    def set_deals(self, deals: list) -> None:
        self.beginResetModel()
        self.deals = sorted(deals, key=pt.sort_key)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self.deals)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return BRIEFING_MESSAGES.text(f"review.{COLUMNS[section]}", self.lang)
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        deal = self.deals[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(deal, column)
        if role == SORT_ROLE:
            return self.sort_value(deal, column)
        if role == DEAL_ROLE:
            return deal
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(deal, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == "flags" and deal.review.health.flags:
                return FLAGGED
            if deal.review.health.is_closed:
                return CLOSED
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("value", "progress", "days",
                                                                     "coverage", "comments"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def text(self, deal, column: str) -> str:
        s, h, lang = deal.review.summary, deal.review.health, self.lang
        if column == "account":
            return pt.account_name(deal, lang)
        if column == "kam":
            return s.owner
        if column == "value":
            return fmt_money(s.deal_value, s.currency, lang) if s.deal_value is not None else ""
        if column == "station":
            return pt.station_name(deal, lang)
        if column == "temperature":
            return catalogue.label("temperature", s.temperature, lang)
        if column == "current":
            return pt.current_text(deal, lang)
        if column == "progress":
            return pt.progress_text(deal)
        if column == "days":
            return "" if h.days_in_checkpoint is None else str(h.days_in_checkpoint)
        if column == "next_meeting":
            return pt.meeting_text(deal, lang)
        if column == "coverage":
            return pt.coverage_text(deal)
        if column == "flags":
            return pt.flags_text(deal, lang)
        if column == "comments":
            count = _open_count(deal)
            return str(count) if count else ""
        if column == "file":
            names = [p.name for p in deal.files]
            return names[0] + (f" (+{len(names) - 1})" if len(names) > 1 else "")
        return ""

    def sort_value(self, deal, column: str):
        s, h = deal.review.summary, deal.review.health
        if column == "value":
            return (pt.currency_key(s.currency), s.deal_value or 0.0) if s.deal_value is not None \
                else ("", -1.0)
        if column == "station":
            index = deal.framework.index(s.journey_stage)
            return -1 if index is None else index
        if column == "temperature":
            return TEMPERATURES.index(s.temperature) if s.temperature in TEMPERATURES else -1
        if column == "progress":
            return h.progress if h.checkpoints_total else -1.0
        if column == "days":
            return -1 if h.days_in_checkpoint is None else h.days_in_checkpoint
        if column == "next_meeting":
            meeting = h.next_meeting
            return meeting.date.toordinal() if meeting is not None else dt.date.max.toordinal()
        if column == "coverage":
            return h.centres_covered / h.centres_total if h.centres_total else -1.0
        if column == "flags":
            return len(h.flags)
        if column == "comments":
            return _open_count(deal)
        return self.text(deal, column).casefold()

    def tooltip(self, deal, column: str) -> str:
        if column == "file":
            return "\n".join(str(p) for p in deal.files)
        if column == "comments":  # the open comments, each with who wrote it
            return "\n".join(f"• {c.author}: {' '.join(c.text.split())[:160]}"
                             for c in deal.review.open_comments if c.reply_to is None)
        lines = pt.reasons(deal, self.lang)
        return "\n".join(f"• {line}" for line in lines) if lines else self.text(deal, column)


def _open_count(deal) -> int:
    return sum(1 for c in deal.review.open_comments if c.reply_to is None)


class PortfolioFilter(QSortFilterProxyModel):
    """Rows whose KAM, station, flag and file match the chosen ones (None: any) and whose
    account, KAM, checkpoint or flags contain the search text."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.kam: str | None = None
        self.station: str | None = None
        self.flag: str | None = None
        self.file: str | None = None
        self.search = ""
        self.setSortRole(SORT_ROLE)

    def set_filters(self, **values) -> None:
        if not hasattr(self, "endFilterChange"):  # Qt < 6.10
            self.__dict__.update(values)
            self.invalidateFilter()
            return
        self.beginFilterChange()
        self.__dict__.update(values)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent) -> bool:  # noqa: N802 - Qt's name
        model: PortfolioModel = self.sourceModel()
        deal = model.deals[row]
        if self.kam is not None and deal.review.summary.owner != self.kam:
            return False
        if self.station is not None and pt.station_name(deal, model.lang) != self.station:
            return False
        if self.flag is not None and self.flag not in {f.kind.value for f in
                                                       deal.review.health.flags}:
            return False
        if self.file is not None and self.file not in {str(p) for p in deal.files}:
            return False
        if self.search:
            needle = self.search.casefold()
            hay = " ".join(model.text(deal, c) for c in ("account", "kam", "current", "flags"))
            return needle in hay.casefold()
        return True
