"""The Review menu of the main window: the portfolio view of many workspaces, and opening
a deal from it (the open workspace's own account is selected; an account of another file
opens read-only in a window of its own)."""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence

from accountmap.domain import clock


def tr(text: str) -> str:
    return QCoreApplication.translate("ReviewMenu", text)


class Review(QObject):
    """Owns the portfolio window and the read-only windows opened from it."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.portfolio = None  # PortfolioWindow, made on first use
        self.opened: list = []  # read-only main windows opened from the portfolio
        self.today = clock.today  # asked at each use (tests pin the clock)
        # the comments list (panels.review_comments) is made when its dock is first shown
        # or it is asked for: a hidden list does not load every account of the workspace
        self._comments = None
        self._document = self._editor = None
        self._dock = None
        self.toggle = None  # Review > Review comments (Ctrl+Shift+K): shows or hides the dock
        self.last_report: list[str] = []  # the last import's summary, then its conflicts

    @property
    def comments_dock(self):
        """The comments list's dock, made after the window's first paint (or when asked
        for before): docking it types PySide6's `Qt` namespace, ~25 ms of start-up."""
        if self._dock is None:
            self._dock = _add_comments_dock(self.window, self)
            if not self._dock.isHidden():  # shown by the saved state: its list, too
                self.comments
        return self._dock

    def own_path(self) -> Path | None:
        document = self.window.document
        return Path(document.path) if document is not None else None

    def show_portfolio(self):
        if self.portfolio is None:
            from accountmap.panels.portfolio_view import PortfolioWindow

            self.portfolio = PortfolioWindow(self.own_path, self.window.language(),
                                             today=lambda: self.today(), parent=self.window)
            self.portfolio.accountActivated.connect(self.open_account)
        self.portfolio.show()
        self.portfolio.raise_()
        self.portfolio.reload()
        return self.portfolio

    def add_workspaces(self):
        portfolio = self.show_portfolio()
        portfolio.choose_files()
        return portfolio

    def print_review(self):
        portfolio = self.show_portfolio()
        return portfolio.print_review()

    def edit_thresholds(self):
        """The open workspace's review thresholds (a writable workspace only)."""
        from accountmap.panels.review_thresholds import ReviewThresholdsDialog

        document = self.window.document
        if document is None or document.read_only:
            self.window.show_error(tr("Open a workspace you can edit to change its thresholds."))
            return None
        dialog = ReviewThresholdsDialog(document, self.window.editor, self.window)
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._thresholds_changed)
        dialog.open()
        return dialog

    def _thresholds_changed(self) -> None:
        if self.portfolio is not None and self.portfolio.isVisible():
            self.portfolio.reload()

    def open_account(self, path: Path, account_id: str):
        """Select the account when it is the open workspace's; else open its file
        read-only in a new window showing it."""
        from accountmap.storage.errors import WorkspaceError

        own = self.own_path()
        if own is not None and Path(path).resolve() == own.resolve() \
                and self.window.document.has_account(account_id):
            self.window.select_account(account_id)
            self.window.raise_()
            self.window.activateWindow()
            return self.window
        other = type(self.window)()  # another main window (no import: app/main_window uses us)
        other.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)  # closing it lets it go
        try:
            other.open_workspace(Path(path), read_only=True, ask=False)
        except WorkspaceError as exc:
            other.deleteLater()
            self.window.show_error(exc.message(self.window.language()))
            return None
        other.select_account(account_id)
        other.destroyed.connect(lambda _=None, w=other: self._forget(w))
        self.opened.append(other)
        other.show()
        return other

    # ------------------------------------------------------------------ comments
    @property
    def comments(self):
        if self._comments is None:
            _make_comments(self.window, self)
        return self._comments

    def set_document(self, document, editor) -> None:
        self._document, self._editor = document, editor
        if self._comments is not None:
            self._comments.set_document(document, editor)

    def go_to(self, account_id: str, kind: str, entity_id: str) -> None:
        """Double-click in the comments list: the account, and the person or checkpoint."""
        self.window.select_account(account_id)
        if kind != "account":
            self.window.show_entity(kind, entity_id)

    def send_review(self, path: Path | None = None) -> Path | None:
        """Write the open workspace's comments to a review file for the KAM (or back)."""
        from PySide6.QtWidgets import QFileDialog

        from accountmap.storage.errors import WorkspaceError
        from accountmap.storage.review_exchange import SUFFIX, review_of, write_review

        document = self.window.document
        if document is None:
            return None
        if path is None:
            suggested = str(Path(document.path).with_name(Path(document.path).stem
                                                          + "-review" + SUFFIX))
            chosen, _ = QFileDialog.getSaveFileName(self.window, tr("Send review"), suggested,
                                                    tr("Review files (*.amreview)"))
            if not chosen:
                return None
            path = Path(chosen)
        review = review_of([document.account(i) for i in document.account_ids()
                            if i not in self.window.damaged], self.today())
        try:
            write_review(path, review, [Path(document.path)])
        except WorkspaceError as exc:
            self.window.show_error(exc.message(self.window.language()))
            return None
        count = sum(len(a.comments) for a in review.accounts)
        self.window.statusBar().showMessage(
            tr("{count} comments written to {path}").format(count=count, path=path.name), 10000)
        return path

    def import_review(self, path: Path | None = None):
        """Merge a review file into the open workspace: one undo step; conflicts listed."""
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from accountmap.panels.pickers import interactive
        from accountmap.storage.errors import WorkspaceError
        from accountmap.storage.review_exchange import conflict_text, read_review

        document = self.window.document
        if document is None or document.read_only:
            self.window.show_error(tr("Open a workspace you can edit to import a review."))
            return None
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(self.window, tr("Import review"), "",
                                                    tr("Review files (*.amreview)"))
            if not chosen:
                return None
            path = Path(chosen)
        lang = self.window.language()
        try:
            merge = self.window.editor.import_review(read_review(path))
        except WorkspaceError as exc:
            self.window.show_error(exc.message(lang))
            return None
        edited_both = sum(1 for c in merge.conflicts if c.kind == "edited_both")
        summary = tr("{added} comments added, {replaced} updated, {kept} unchanged; "
                     "{conflicts} conflicts.").format(
            added=len(merge.added), replaced=len(merge.replaced) - edited_both,
            kept=merge.kept, conflicts=len(merge.conflicts))
        self.last_report = [summary, *(conflict_text(c, lang) for c in merge.conflicts)]
        self.window.statusBar().showMessage(summary, 15000)
        self.comments_dock.show()
        if interactive():
            box = QMessageBox(QMessageBox.Icon.Information if not merge.conflicts
                              else QMessageBox.Icon.Warning, tr("Import review"), summary,
                              QMessageBox.StandardButton.Ok, self.window)
            if merge.conflicts:
                box.setDetailedText("\n".join(self.last_report[1:]))
            box.exec()
        return merge

    def _forget(self, other) -> None:
        if other in self.opened:
            self.opened.remove(other)


def add_review_menu(window) -> Review:
    """The Review menu: Portfolio…, Add workspaces to review…, Print portfolio review…,
    Review thresholds…"""
    from accountmap.app.first_paint import AfterFirstPaint

    review = Review(window)
    menu = window.menuBar().addMenu(tr("&Review"))
    for text, slot, key, tip in (
        (tr("&Portfolio…"), review.show_portfolio, "Ctrl+Shift+R",
         tr("Every deal of this workspace and of the files added, with its flags")),
        (tr("&Add workspaces to review…"), review.add_workspaces, None,
         tr("Add other KAMs' workspace files to the portfolio (read only)")),
        (tr("P&rint portfolio review…"), review.print_review, None,
         tr("The portfolio review as a PDF")),
        (tr("Review &thresholds…"), review.edit_thresholds, None,
         tr("When this workspace's deals are flagged as stalled or neglected")),
        (None, None, None, None),
        (tr("&Send review…"), review.send_review, None,
         tr("Write this workspace's review comments to a file for the KAM (or back)")),
        (tr("&Import review…"), review.import_review, None,
         tr("Merge a review file into this workspace: both sides' changes are kept")),
    ):
        if text is None:
            menu.addSeparator()
            continue
        action = QAction(text, window)
        if key:
            action.setShortcuts([QKeySequence(key)])
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(lambda _=False, s=slot: s())
        menu.addAction(action)
    toggle = review.toggle = QAction(tr("Review &comments"), window)
    toggle.setCheckable(True)
    toggle.setShortcuts([QKeySequence("Ctrl+Shift+K")])
    toggle.setStatusTip(tr("The list of review comments: open, resolved, replies"))
    toggle.triggered.connect(lambda checked: review.comments_dock.setVisible(checked))
    menu.addSeparator()
    menu.addAction(toggle)
    window.review = review
    AfterFirstPaint(window, lambda: review.comments_dock)
    return review


def _add_comments_dock(window, review: Review):
    """The dock, hidden unless the window's saved state shows it."""
    from PySide6.QtWidgets import QDockWidget

    dock = QDockWidget(tr("Review comments"), window)
    dock.setObjectName("reviewCommentsDock")
    if not window.restoreDockWidget(dock):  # where the saved state had it, if it did
        window.addDockWidget(QtCore.Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        dock.hide()  # shown from the Review menu (or after an import)
    dock.visibilityChanged.connect(lambda shown: shown and review.comments)  # made if not yet
    review.toggle.setChecked(not dock.isHidden())  # the menu's item follows the dock
    dock.toggleViewAction().toggled.connect(review.toggle.setChecked)
    return dock


def _make_comments(window, review: Review) -> None:
    """The comments list in its dock, showing the open workspace."""
    import getpass

    from PySide6.QtCore import QSettings

    from accountmap.panels.review_comments import ReviewCommentsPanel

    def author() -> str:
        return str(QSettings().value("review/author", "") or getpass.getuser())

    panel = ReviewCommentsPanel(author, lambda: review.today(), lambda: window.account_id,
                                window.language())
    panel.goTo.connect(review.go_to)
    review._comments = panel
    review.comments_dock.setWidget(panel)
    panel.set_document(review._document, review._editor)
