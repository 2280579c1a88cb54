"""The portfolio view: every deal of the open workspace and of any number of other
workspace files and folders, reviewed read-only, for a sales director.

Sort by any column; filter by KAM, station, flag and file; search; totals per currency
(never mixed); a chart of deals by station and value; the patterns of the road.
Double-click a deal to open it (`accountActivated(path, account_id)`). The files added are
remembered (QSettings "review/paths"). Loading shows a progress dialog that can cancel.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QProgressDialog,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from accountmap.briefing.messages import BRIEFING_MESSAGES
from accountmap.briefing import portfolio_table as pt
from accountmap.domain import clock
from accountmap.briefing.review_messages import flag_name
from accountmap.briefing.styles import fmt_date, fmt_money
from accountmap.domain.deal_health import FlagKind
from accountmap.panels.portfolio_charts import RoadPatternsView, StationChart
from accountmap.panels.portfolio_model import (
    COLUMNS,
    DEAL_ROLE,
    PortfolioFilter,
    PortfolioModel,
)
from accountmap.storage.portfolio_files import Portfolio, load_portfolio

SETTINGS_KEY = "review/paths"


def remembered_paths() -> list[str]:
    value = QSettings().value(SETTINGS_KEY, [])
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in (value or [])]


def remember_paths(paths: list[str]) -> None:
    QSettings().setValue(SETTINGS_KEY, list(dict.fromkeys(paths)))


class PortfolioWindow(QMainWindow):
    accountActivated = Signal(object, str)  # (Path of the file, account id)

    def __init__(self, own_path: Callable[[], Path | None], lang: str,
                 today: Callable[[], dt.date] = clock.today, parent=None) -> None:
        super().__init__(parent)
        self.own_path = own_path  # the open workspace's file (reviewed first), if any
        self.lang = lang
        self.today = today
        self.portfolio: Portfolio | None = None
        self.setWindowTitle(self.tr("Portfolio review — AccountMap"))
        self.resize(1300, 820)
        self.model = PortfolioModel(lang, self)
        self.proxy = PortfolioFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        # most flags first, as in the printed review
        self.table.sortByColumn(COLUMNS.index("flags"), Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setResizeContentsPrecision(200)  # rows measured: 1,000 took 0.6 s
        self.table.doubleClicked.connect(self._activated)
        self.table.setToolTip(self.tr("Double-click a deal to open it"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search account, KAM, checkpoint, flag…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda text: self.proxy.set_filters(search=text.strip())
                                        or self._update_totals())
        self.filters: dict[str, QComboBox] = {}
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.search, 2)
        for name, label in (("kam", self.tr("KAM")), ("station", self.tr("Station")),
                            ("flag", self.tr("Flag")), ("file", self.tr("File"))):
            combo = QComboBox()
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
            combo.currentIndexChanged.connect(lambda _i, n=name: self._filter_changed(n))
            self.filters[name] = combo
            filter_row.addWidget(QLabel(label))
            filter_row.addWidget(combo, 1)
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.chart = StationChart(lang)
        self.patterns = RoadPatternsView(lang)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.chart, BRIEFING_MESSAGES.text("review.chart_deals", lang))
        self.tabs.addTab(self.patterns, BRIEFING_MESSAGES.text("review.patterns", lang))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([520, 260])
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(filter_row)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.totals)
        self.setCentralWidget(central)
        self._build_toolbar()

    # ------------------------------------------------------------------ actions
    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Portfolio"))
        bar.setObjectName("portfolioToolbar")
        bar.setMovable(False)
        self.addToolBar(bar)

        def action(text: str, slot, key=None, tip: str = "") -> QAction:
            act = QAction(text, self)
            if key:
                act.setShortcuts([QKeySequence(key)])
            if tip:
                act.setToolTip(tip)
                act.setStatusTip(tip)
            act.triggered.connect(slot)
            bar.addAction(act)
            return act

        self.act_add_files = action(self.tr("Add workspaces…"), self.choose_files, "Ctrl+O",
                                    self.tr("Add workspace files of other KAMs (read only)"))
        self.act_add_folder = action(self.tr("Add folder…"), self.choose_folder, None,
                                     self.tr("Add every .accountmap file in a folder"))
        self.act_clear = action(self.tr("Forget added files"), self.forget_paths, None,
                                self.tr("Review the open workspace only"))
        self.act_refresh = action(self.tr("Refresh"), self.reload, "F5",
                                  self.tr("Read every file again"))
        bar.addSeparator()
        self.act_print = action(self.tr("Print portfolio review…"), self.print_review, "Ctrl+P",
                                self.tr("The review as a PDF: summary, patterns, flagged deals"))

    def sources(self) -> list[str]:
        own = self.own_path()
        return ([str(own)] if own else []) + remembered_paths()

    def add_paths(self, paths: list[str]) -> None:
        remember_paths(remembered_paths() + [str(p) for p in paths])
        self.reload()

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add workspaces to review"), str(Path.home()),
            self.tr("AccountMap workspace (*.accountmap)"))
        if files:
            self.add_paths(files)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Add a folder of workspaces"),
                                                  str(Path.home()))
        if folder:
            self.add_paths([folder])

    def forget_paths(self) -> None:
        remember_paths([])
        self.reload()

    # ------------------------------------------------------------------ loading
    def reload(self) -> bool:
        """Read every source again; False when the loading was cancelled (the deals of
        the files read so far are shown)."""
        dialog = QProgressDialog(self.tr("Reading workspaces…"), self.tr("Cancel"), 0, 1, self)
        dialog.setWindowTitle(self.tr("Portfolio review"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)

        def progress(done: int, total: int, name: str) -> bool:
            dialog.setMaximum(max(total, 1))
            dialog.setValue(done)
            if name:
                dialog.setLabelText(self.tr("Reading %1…").replace("%1", name))
            QApplication.processEvents()
            return not dialog.wasCanceled()

        try:
            # the files read by this process and readers started afresh, one a core (a
            # process with Qt must not fork)
            portfolio = load_portfolio(self.sources(), self.today(), progress,
                                       workers=os.cpu_count() or 1, forked=False)
        finally:
            dialog.reset()
            dialog.deleteLater()
        self.show_portfolio(portfolio)
        return not portfolio.cancelled

    def show_portfolio(self, portfolio: Portfolio) -> None:
        self.portfolio = portfolio
        self.model.set_deals(portfolio.deals)
        self._fill_filters()
        self.table.resizeColumnsToContents()
        for column, name in enumerate(COLUMNS):
            widest = {"account": 250, "flags": 320, "current": 190}.get(name, 140)
            if self.table.columnWidth(column) > widest:
                self.table.setColumnWidth(column, widest)
        self._update_totals()
        notes = [BRIEFING_MESSAGES.text("review.skipped", self.lang, path=path.name,
                                reason=error.message(self.lang))
                 for path, error in portfolio.skipped]
        if portfolio.cancelled:
            notes.insert(0, self.tr("Loading cancelled: only the files read so far are shown"))
        self.statusBar().showMessage("  ·  ".join(notes) if notes else BRIEFING_MESSAGES.text(
            "review.subtitle", self.lang, deals=len(portfolio.deals), files=len(portfolio.files),
            date=fmt_date(portfolio.today, self.lang)))
        # the whole of each note, one a line, however narrow the window (a long list of
        # skipped files does not fit the bar)
        self.statusBar().setToolTip("\n".join("• " + note for note in notes))

    def _fill_filters(self) -> None:
        deals = self.model.deals
        choices = {
            "kam": sorted({d.review.summary.owner for d in deals if d.review.summary.owner},
                          key=str.casefold),
            "station": sorted({pt.station_name(d, self.lang) for d in deals} - {""},
                              key=str.casefold),
            "flag": [k.value for k in FlagKind],
            "file": [str(p) for p in (self.portfolio.files if self.portfolio else [])],
        }
        for name, combo in self.filters.items():
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(all)"), None)
            for value in choices[name]:
                label = (flag_name(FlagKind(value), self.lang) if name == "flag"
                         else Path(value).name if name == "file" else value)
                combo.addItem(label, value)
                if name == "file":
                    combo.setItemData(combo.count() - 1, value, Qt.ItemDataRole.ToolTipRole)
            index = combo.findData(current)
            combo.setCurrentIndex(index if index >= 0 else 0)
            combo.blockSignals(False)
            self.proxy.set_filters(**{name: combo.currentData()})

    def _filter_changed(self, name: str) -> None:
        self.proxy.set_filters(**{name: self.filters[name].currentData()})
        self._update_totals()

    def shown_deals(self) -> list:
        return [self.proxy.index(row, 0).data(DEAL_ROLE) for row in range(self.proxy.rowCount())]

    def _update_totals(self) -> None:
        deals = self.shown_deals()
        found, without = pt.totals(deals)
        parts = [BRIEFING_MESSAGES.text("review.total_line", self.lang,
                                value=fmt_money(t.value, t.currency, self.lang), deals=t.deals)
                 for t in found]
        if without:
            parts.append(BRIEFING_MESSAGES.text("review.no_value", self.lang, deals=without))
        shown = self.tr("Deals shown: %1 of %2").replace("%1", str(len(deals))).replace(
            "%2", str(len(self.model.deals)))
        self.totals.setText(f"<b>{shown}.</b> {BRIEFING_MESSAGES.text('review.totals', self.lang)}: "
                            + ("; ".join(parts) or "—"))
        self.chart.set_deals(deals)
        self.patterns.set_deals(deals)

    # ------------------------------------------------------------------ opening, printing
    def _activated(self, index) -> None:
        deal = index.data(DEAL_ROLE) if index.isValid() else None
        if deal is None:
            return
        own = self.own_path()
        path = next((p for p in deal.files if own and p.resolve() == Path(own).resolve()),
                    deal.path)
        self.accountActivated.emit(path, deal.review.account_id)

    def print_review(self):
        if self.portfolio is None:
            return None
        from accountmap.briefing.portfolio_review import build_portfolio_review
        from accountmap.panels.print_preview import _open, safe_file_name

        portfolio = self.portfolio

        def build(lang: str, paper: str, progress) -> bytes:  # progress through the layout
            return build_portfolio_review(portfolio, lang=lang, paper=paper, progress=progress)

        title = BRIEFING_MESSAGES.text("review.title", self.lang)
        return _open(self, build, title=title,
                     suggested_name=safe_file_name(f"{title} {portfolio.today.isoformat()}") + ".pdf",
                     lang=self.lang, label=self.tr("Preparing the portfolio review…"))
