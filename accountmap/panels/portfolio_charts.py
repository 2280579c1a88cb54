"""Beside the portfolio table: a chart of the deals by station (how many, and their value
per currency, never added across currencies) and the patterns of the road."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from accountmap import catalogue
from accountmap.briefing.messages import BRIEFING_MESSAGES
from accountmap.briefing import portfolio_table as pt
from accountmap.briefing.styles import fmt_money
from accountmap.domain.road_patterns import road_patterns

COUNT_BAR = QColor("#1d4ed8")
VALUE_BAR = QColor("#15803d")
TRACK = QColor("#eef2f7")
INK = QColor("#1f2933")
MUTED = QColor("#616e7c")


def by_station(deals, lang: str) -> list[tuple[str, int, dict[str, float]]]:
    """(station, deals, value per currency) in the order of the stations, unset last."""
    counts: dict[str, int] = defaultdict(int)
    values: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    order: dict[str, int] = {}
    for deal in deals:
        name = pt.station_name(deal, lang) or BRIEFING_MESSAGES.text("brief.not_set", lang)
        index = deal.framework.index(deal.review.summary.journey_stage)
        order[name] = min(order.get(name, 999), 999 if index is None else index)
        counts[name] += 1
        s = deal.review.summary
        if s.deal_value is not None:
            values[name][pt.currency_key(s.currency)] += s.deal_value
    names = sorted(counts, key=lambda n: (order[n], n))
    return [(n, counts[n], dict(values[n])) for n in names]


class StationChart(QWidget):
    """Per station: a bar of how many deals, and a bar of their value in the portfolio's
    main currency (the one with the largest total); other currencies are written out."""

    ROW = 26

    def __init__(self, lang: str, parent=None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.rows: list[tuple[str, int, dict[str, float]]] = []
        self.main_currency = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_deals(self, deals) -> None:
        self.rows = by_station(deals, self.lang)
        found, _ = pt.totals(deals)
        self.main_currency = found[0].currency if found else ""
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(600, self.ROW * (len(self.rows) + 1) + 12)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(300, self.ROW * (len(self.rows) + 1) + 12)

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        width = self.width()
        label_w = min(width * 0.3, max([metrics.horizontalAdvance(r[0]) for r in self.rows] + [80]) + 12)
        half = (width - label_w - 24) / 2
        top = 6
        painter.setPen(MUTED)
        t = lambda key: BRIEFING_MESSAGES.text(key, self.lang)  # noqa: E731
        painter.drawText(QRectF(label_w, top, half, self.ROW), Qt.AlignmentFlag.AlignVCenter,
                         t("review.chart_deals"))
        painter.drawText(QRectF(label_w + half + 12, top, half, self.ROW),
                         Qt.AlignmentFlag.AlignVCenter,
                         BRIEFING_MESSAGES.text("review.chart_value", self.lang,
                                        currency=self.main_currency or "—"))
        most = max([r[1] for r in self.rows] + [1])
        richest = max([r[2].get(self.main_currency, 0.0) for r in self.rows] + [1.0])
        for index, (name, count, values) in enumerate(self.rows):
            y = top + self.ROW * (index + 1)
            painter.setPen(INK)
            painter.drawText(QRectF(0, y, label_w - 8, self.ROW),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                             metrics.elidedText(name, Qt.TextElideMode.ElideRight, int(label_w - 8)))
            self._bar(painter, QRectF(label_w, y + 4, half, self.ROW - 8), count / most,
                      COUNT_BAR, str(count))
            main = values.get(self.main_currency, 0.0)
            others = [fmt_money(v, c, self.lang) for c, v in sorted(values.items())
                      if c != self.main_currency]
            text = "; ".join(([fmt_money(main, self.main_currency, self.lang)] if main else [])
                             + others)
            self._bar(painter, QRectF(label_w + half + 12, y + 4, half, self.ROW - 8),
                      main / richest, VALUE_BAR, text)
        painter.end()

    def _bar(self, painter: QPainter, rect: QRectF, fraction: float, colour: QColor,
             text: str) -> None:
        painter.fillRect(rect, TRACK)
        filled = QRectF(rect.left(), rect.top(), rect.width() * max(0.0, min(1.0, fraction)),
                        rect.height())
        painter.fillRect(filled, colour)
        metrics = QFontMetrics(self.font())
        inside = metrics.horizontalAdvance(text) + 8 < filled.width()
        painter.setPen(QColor("white") if inside else INK)
        at = QRectF(rect.left() + 4, rect.top(), rect.width() - 8, rect.height()) if inside \
            else QRectF(filled.right() + 4, rect.top(), rect.right() - filled.right() - 4,
                        rect.height())
        painter.drawText(at, Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(at.width())))


def _table(header: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(header))
    table.setHorizontalHeaderLabels(header)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 6)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    table.setSortingEnabled(False)
    table.horizontalHeader().setResizeContentsPrecision(200)
    return table


def _fill(table: QTableWidget, rows: list[list[object]], text_columns: int) -> None:
    """Rows of cells; the first `text_columns` are words, the rest numbers (right)."""
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem("" if value is None else str(value))
            if c >= text_columns:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)


class RoadPatternsView(QWidget):
    """The patterns of the road across the deals shown: checkpoints, then crossroads."""

    def __init__(self, lang: str, parent=None) -> None:
        super().__init__(parent)
        self.lang = lang
        t = lambda key: BRIEFING_MESSAGES.text(key, lang)  # noqa: E731
        self.checkpoints = _table([t("review.checkpoint"), t("review.reached"),
                                   t("review.median_days"), t("review.longest_days")])
        self.outcomes = _table([t("review.crossroads"), t("review.outcome_taken"),
                                t("review.took"), t("review.won"), t("review.lost")])
        intro = QLabel(t("review.patterns_intro"))
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(intro)
        layout.addWidget(self.checkpoints, 3)
        layout.addWidget(QLabel(t("review.crossroads_head")))
        layout.addWidget(self.outcomes, 2)

    def set_deals(self, deals) -> None:
        patterns = road_patterns(d.review.trace for d in deals)
        none = BRIEFING_MESSAGES.text("brief.none", self.lang)
        _fill(self.checkpoints, [
            [p.title, f"{p.reached} / {patterns.deals}",
             none if p.median_days is None else f"{p.median_days:g}",
             none if p.longest_days is None else p.longest_days]
            for p in patterns.checkpoints], 1)
        _fill(self.outcomes, [
            [p.crossroads, p.outcome or BRIEFING_MESSAGES.text("review.unlabelled", self.lang),
             p.took, p.won, p.lost] for p in patterns.outcomes], 2)
