"""The main window: the workspace's accounts on the left, the open account on the right.

Menus and shortcuts live here; edit and view actions are routed to the current page of
the account view (see accountmap/app/pages.py). Every edit is saved at once: there is no
Save, only "Save a copy as".
"""

from __future__ import annotations

import linecache
from pathlib import Path

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from accountmap.app import help_menu
from accountmap.document import collector
from accountmap.app.account_list import AccountList
from accountmap.app import settings as app_settings
from accountmap.app.midnight import MidnightTimer
from accountmap.app.pages import AccountPages
from accountmap.app.read_only_banner import ReadOnlyBanner
from accountmap.app.review import add_review_menu

# The domain, storage and document layers (pydantic: ~200 ms of schema building) are
# imported when a workspace is opened, not before the window is shown.

ROUTED_ACTIONS = (
    "select_all", "delete_selection", "copy_selection", "cut_selection", "paste",
    "zoom_in", "zoom_out", "zoom_fit",
)


class MainWindow(QMainWindow):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.document = None  # WorkspaceDocument
        self.editor = None  # Editor
        self.account_id: str | None = None
        self.account_pages: AccountPages | None = None  # built when each is first shown
        self.damaged: dict[str, str] = {}  # account id -> why it cannot be shown
        self.resize(1400, 900)
        # No Qt namespace enums before the window is shown: the first use of `Qt` costs
        # ~40 ms of PySide6 start-up (see docs/PERFORMANCE.md).
        self.accounts = AccountList(self)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(4, 4, 0, 4)
        from accountmap.app.workspace_search import WorkspaceSearch

        self.search = WorkspaceSearch()
        self.search.hitChosen.connect(self._show_hit)
        side_layout.addWidget(self.search)
        side_layout.addWidget(QLabel(self.tr("Accounts")))
        side_layout.addWidget(self.accounts)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.account_area = QWidget()
        self.account_layout = QVBoxLayout(self.account_area)
        self.account_layout.setContentsMargins(0, 0, 0, 0)
        self.account_layout.setSpacing(0)
        self.account_layout.addWidget(self.tabs, 1)
        self.journey_strip = None  # the account's journey across the top (panels.journey_strip)
        self.placeholder = QLabel(self.tr("Open or create a workspace (File menu)."))
        self.placeholder.setStyleSheet("qproperty-alignment: AlignCenter; color: #5b6475;")
        self.placeholder.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.account_area)
        self.read_only_banner, main = ReadOnlyBanner.above(self.stack)
        self.splitter = QSplitter()
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(side)
        self.splitter.addWidget(main)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([240, 1160])
        self.setCentralWidget(self.splitter)
        self.statusBar()  # made now: hints (status-tip events) reach only an existing one
        self._build_actions()
        self._restore_geometry()
        self._update_title()
        self.midnight = MidnightTimer(self)  # a window left open overnight shows the new day
        self.midnight.dayChanged.connect(lambda: self.document and self.document.dayChanged.emit())

    def language(self) -> str:
        from accountmap.document.interface_language import ui_language

        return ui_language()

    # ------------------------------------------------------------------ actions
    def _action(self, text: str, slot, shortcut=None, tip: str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            # setShortcuts, not setShortcut: resolving setShortcut's overloads makes
            # PySide6 build every Qt-namespace enum (~25 ms of start-up); a standard key
            # also gets all of the platform's bindings this way
            if isinstance(shortcut, QKeySequence.StandardKey):
                action.setShortcuts(shortcut)
            else:  # (nor QKeySequence(a QKeySequence): the same overload cost)
                action.setShortcuts([shortcut if isinstance(shortcut, QKeySequence)
                                     else QKeySequence(shortcut)])
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.act_new = self._action(self.tr("&New workspace…"), self.new_workspace, QKeySequence.StandardKey.New)
        self.act_open = self._action(self.tr("&Open…"), self.choose_workspace, QKeySequence.StandardKey.Open)
        self.recent_menu = QMenu(self.tr("Open &Recent"), self)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.act_copy_as = self._action(self.tr("Save a &copy as…"), self.save_copy_as,
                                        QKeySequence.StandardKey.SaveAs,
                                        self.tr("Every edit is saved at once; this writes a copy"))
        self.act_import = self._action(self.tr("&Import JSON…"), self.import_json)
        self.act_export = self._action(self.tr("&Export JSON…"), self.export_json)
        self.act_quit = self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        for item in (self.act_new, self.act_open, self.recent_menu, None, self.act_copy_as,
                     None, self.act_import, self.act_export, None, self.act_quit):
            if item is None:
                file_menu.addSeparator()
            elif isinstance(item, QMenu):
                file_menu.addMenu(item)
            else:
                file_menu.addAction(item)
        from accountmap.app.file_transfer import install  # contacts in; map, roadmap, people out; drops

        self.file_transfer = install(self, file_menu)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        self.act_undo = self._action(self.tr("&Undo"), self.undo, QKeySequence.StandardKey.Undo)
        self.act_redo = self._action(self.tr("&Redo"), self.redo, QKeySequence.StandardKey.Redo)
        edit_menu.addAction(self.act_undo)
        edit_menu.addAction(self.act_redo)
        edit_menu.addSeparator()
        self.routed: dict[str, QAction] = {}
        for name, text, key in (
            ("cut_selection", self.tr("Cu&t"), QKeySequence.StandardKey.Cut),
            ("copy_selection", self.tr("&Copy"), QKeySequence.StandardKey.Copy),
            ("paste", self.tr("&Paste"), QKeySequence.StandardKey.Paste),
            ("delete_selection", self.tr("&Delete"), QKeySequence.StandardKey.Delete),
            ("select_all", self.tr("Select &all"), QKeySequence.StandardKey.SelectAll),
        ):
            action = self._action(text, lambda _=False, n=name: self._route(n), key)
            self.routed[name] = action
            edit_menu.addAction(action)
        view_menu = bar.addMenu(self.tr("&View"))
        for name, text, key in (
            ("zoom_in", self.tr("Zoom &in"), QKeySequence.StandardKey.ZoomIn),
            ("zoom_out", self.tr("Zoom &out"), QKeySequence.StandardKey.ZoomOut),
            ("zoom_fit", self.tr("&Fit to window"), QKeySequence("Ctrl+0")),
        ):
            action = self._action(text, lambda _=False, n=name: self._route(n), key)
            self.routed[name] = action
            view_menu.addAction(action)
        view_menu.addSeparator()
        self.act_grid = self._action(self.tr("Show &grid"), self._toggle_grid, QKeySequence("Ctrl+G"))
        self.act_grid.setCheckable(True)
        self.act_grid.setChecked(True)
        self.act_legend = self._action(self.tr("Show &legend"), self._toggle_legend, QKeySequence("Ctrl+L"))
        self.act_legend.setCheckable(True)
        self.act_legend.setChecked(True)
        view_menu.addAction(self.act_grid)
        view_menu.addAction(self.act_legend)
        account_menu = bar.addMenu(self.tr("&Account"))
        self.act_add_account = self._action(self.tr("&New account…"), self.accounts.add_account,
                                            QKeySequence("Ctrl+Shift+N"))
        self.act_rename_account = self._action(self.tr("&Rename…"), self.accounts.rename_account, QKeySequence("F2"))
        self.act_duplicate_account = self._action(self.tr("D&uplicate"), self.accounts.duplicate_account)
        self.act_delete_account = self._action(self.tr("&Delete…"), self.accounts.delete_account)
        for action in (self.act_add_account, self.act_rename_account,
                       self.act_duplicate_account, self.act_delete_account):
            account_menu.addAction(action)
        account_menu.addSeparator()
        self.act_print_plan = self._action(self.tr("Print account &plan…"), self.print_account_plan,
                                           QKeySequence("Ctrl+Shift+P"))
        self.act_print_brief = self._action(
            self.tr("Print &briefing…"), self.print_next_briefing, QKeySequence("Ctrl+P"),
            self.tr("The brief for the meeting selected on the Meetings page; elsewhere, "
                    "for the next meeting"))
        account_menu.addAction(self.act_print_plan)
        account_menu.addAction(self.act_print_brief)
        self.account_menu = account_menu
        add_review_menu(self)  # Review: the portfolio of many workspaces (app/review.py)
        self.help_actions = help_menu.install(self)
        self._update_actions()

    def _route(self, name: str) -> None:
        page = self.tabs.currentWidget() if self.stack.currentWidget() is self.account_area else None
        method = getattr(page, name, None)
        if callable(method):
            method()
        elif name == "delete_selection" and self.accounts.hasFocus():
            self.accounts.delete_account()

    @property
    def pages(self) -> list:
        """Every page of the account shown, in tab order (each built now if it was not
        yet: the window itself builds a page only when its tab is first shown)."""
        return self.account_pages.all() if self.account_pages is not None else []

    def _built_pages(self) -> list:
        return self.account_pages.built() if self.account_pages is not None else []

    def _toggle_grid(self, checked: bool) -> None:
        for page in self._built_pages():
            self._apply_view_settings(page)

    def _toggle_legend(self, checked: bool) -> None:
        for page in self._built_pages():
            self._apply_view_settings(page)

    def _page_made(self, page) -> None:
        self._apply_view_settings(page)
        from accountmap.app.first_paint import settle_after_first_paint

        settle_after_first_paint(page)  # the canvas's first edit does not pay for its build
        # PySide6 reads the source of every module imported after it (looking for
        # `from __feature__ import`), and linecache keeps it: ~9 MiB once the pages'
        # modules are in. Tracebacks read the files again when they need them.
        linecache.clearcache()

    def _apply_view_settings(self, page) -> None:
        """The View menu's grid and legend, on a page (also on one built later)."""
        if hasattr(page, "set_grid_visible"):
            page.set_grid_visible(self.act_grid.isChecked())
        if hasattr(page, "set_legend_visible"):
            page.set_legend_visible(self.act_legend.isChecked())

    def undo(self) -> None:
        if self.document:
            self.document.undo_stack.undo()

    def redo(self) -> None:
        if self.document:
            self.document.undo_stack.redo()

    def _update_actions(self) -> None:
        has_doc = self.document is not None
        writable = has_doc and not self.document.read_only
        stack = self.document.undo_stack if has_doc else None
        self.act_undo.setEnabled(bool(stack and stack.canUndo()))
        self.act_redo.setEnabled(bool(stack and stack.canRedo()))
        if stack:  # (Russian quotes the step: «Отменить «Изменить статус»»)
            undo, redo = stack.undoText(), stack.redoText()
            self.act_undo.setText(self.tr("&Undo %1").replace("%1", undo) if undo else self.tr("&Undo"))
            self.act_redo.setText(self.tr("&Redo %1").replace("%1", redo) if redo else self.tr("&Redo"))
        for action in (self.act_copy_as, self.act_export):
            action.setEnabled(has_doc)
        for action in (self.act_import, self.act_add_account):
            action.setEnabled(writable)
        readable = self.account_id is not None and self.account_id not in self.damaged
        has_account = writable and readable
        for action in (self.act_rename_account, self.act_duplicate_account, self.act_delete_account):
            action.setEnabled(has_account)
        for action in (self.act_print_plan, self.act_print_brief):
            action.setEnabled(has_doc and readable)
        self.file_transfer.update_actions()

    # ------------------------------------------------------------------ workspace
    def open_workspace(self, path: Path, *, read_only: bool = False, create: bool = False,
                       ask: bool = True, show_first: bool = True) -> None:
        """Open `path` (raises WorkspaceError, leaving the current workspace open) and show
        its first account (with `show_first` False the caller does, once the list painted)."""
        from accountmap.document.editor import Editor
        from accountmap.document.workspace_document import WorkspaceDocument
        from accountmap.storage.errors import WorkspaceError

        try:
            document = WorkspaceDocument.open(path, create=create, read_only=read_only, parent=self,
                                              language=self.language())  # a new one speaks the UI's
        except WorkspaceError as exc:
            locked = exc.key in ("storage.locked", "storage.locked_elsewhere")  # or via a link
            if locked and ask and self._ask_read_only(exc):
                document = WorkspaceDocument.open(path, read_only=True, parent=self)
            else:
                raise
        self._close_document()
        self.document = document
        self.damaged = {}
        self.search.set_document(document)
        self.editor = Editor(document)
        document.accountsChanged.connect(self.accounts.fill)
        document.errorOccurred.connect(self.show_error)
        document.undo_stack.indexChanged.connect(lambda _i: self._update_actions())
        document.settingsChanged.connect(self._rebuild_pages)
        self.review.set_document(document, self.editor)  # the comments list (app/review.py)
        app_settings.remember_file(path)
        self.accounts.fill(select=show_first)  # (fill shows the first account)
        self._update_title()
        self._update_actions()
        self.read_only_banner.show_for(document)
        if document.read_only:
            self.statusBar().showMessage(self.tr("Opened read-only: changes cannot be saved"))

    def show_placeholder(self) -> None:
        """The message where the account view goes: what to do next."""
        self.placeholder.setText(self.tr("Create an account (Account menu).") if self.document
                                 else self.tr("Open or create a workspace (File menu)."))
        self.stack.setCurrentWidget(self.placeholder)

    def show_opening(self, path: Path | None) -> None:
        """What the window says while a workspace opens (about a second: pydantic's models
        are built, the file read, the pages made)."""
        self.placeholder.setText(self.tr("Opening %1…").replace("%1", path.name) if path
                                 else self.tr("Opening the workspace…"))
        self.stack.setCurrentWidget(self.placeholder)

    def _ask_read_only(self, exc) -> bool:
        if not _interactive():
            return False  # no one to ask (offscreen): refuse, with the holder in the message
        answer = QMessageBox.question(
            self, self.tr("Workspace in use"),
            exc.message(self.language()) + "\n\n" + self.tr("Open it read-only?"))
        return answer == QMessageBox.StandardButton.Yes

    def _close_document(self) -> None:
        self._clear_pages()
        if self.document is not None:
            self.document.close()
            self.document.deleteLater()
        self.document = None
        self.editor = None
        self.account_id = None
        if getattr(self, "review", None) is not None:
            self.review.set_document(None, None)

    def _update_title(self) -> None:
        if self.document is None:
            self.setWindowTitle("AccountMap")
            return
        suffix = self.tr(" (read-only)") if self.document.read_only else ""
        self.setWindowFilePath(str(self.document.path))
        self.setWindowTitle(f"{self.document.path.name}{suffix} — AccountMap")

    def _dialog_dir(self) -> str:
        return str(self.document.path.parent) if self.document else str(Path.home())

    def new_workspace(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("New workspace"), self._dialog_dir(),
                                              self.tr("AccountMap workspace (*.accountmap)"))
        if not path:
            return
        if not path.endswith(".accountmap"):
            path += ".accountmap"
        if Path(path).exists():
            self.show_error(self.tr("%1 already exists; choose another name.").replace("%1", path))
            return
        self._try_open(Path(path), create=True)

    def choose_workspace(self) -> None:
        from accountmap.app.open_dialog import open_file_name  # readable in Russian too

        path = open_file_name(self, self.tr("Open workspace"), self._dialog_dir(),
                              self.tr("AccountMap workspace (*.accountmap);;All files (*)"))
        if path:
            self._try_open(Path(path))

    def _try_open(self, path: Path, create: bool = False) -> None:
        from accountmap.storage.errors import WorkspaceError

        try:
            self.open_workspace(path, create=create)
        except WorkspaceError as exc:
            self.show_error(exc.message(self.language()))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = app_settings.recent_files()
        for path in files:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _=False, p=path: self._try_open(Path(p)))
        if not files:
            action = self.recent_menu.addAction(self.tr("(none)"))
            action.setEnabled(False)

    def save_copy_as(self) -> None:
        if not self.document:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save a copy as"), self._dialog_dir(),
                                              self.tr("AccountMap workspace (*.accountmap)"))
        if not path:
            return
        if not path.endswith(".accountmap"):
            path += ".accountmap"
        from accountmap.storage.errors import WorkspaceError

        try:
            self.document.save_copy(path)
        except WorkspaceError as exc:
            self.show_error(exc.message(self.language()))
            return
        self.statusBar().showMessage(self.tr("Copy saved to %1").replace("%1", path), 5000)

    def import_json(self) -> None:
        if not self.editor:
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import JSON"), self._dialog_dir(),
                                              self.tr("JSON (*.json);;All files (*)"))
        if path:
            self.import_json_file(Path(path))

    def import_json_file(self, path: Path) -> None:
        """Add the accounts of an AccountMap JSON export (menu, or a file dropped on the window)."""
        from accountmap.storage.errors import WorkspaceError
        from accountmap.storage.exchange import read_document

        if not self.editor or self.document.read_only:
            return
        try:
            document = read_document(Path(path))
            from accountmap.app.same_account import import_accounts  # issue 16

            first = import_accounts(self, document.accounts)
        except WorkspaceError as exc:
            self.show_error(exc.message(self.language()))
            return
        if first:
            self.select_account(first)

    def export_json(self) -> None:
        if not self.document:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export JSON"), self._dialog_dir(),
                                              self.tr("JSON (*.json)"))
        if path:  # account by account behind a progress dialog when big (app/progress.py)
            self.file_transfer.export_json_to(Path(path))

    def show_error(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)
        if self.document is not None and self.document.read_only:
            return  # the banner says why: no message box at each try
        if self.isVisible() and _interactive():
            QMessageBox.warning(self, self.tr("AccountMap"), message)

    # ------------------------------------------------------------------ accounts
    def select_account(self, account_id: str | None) -> None:
        if account_id == self.account_id and self.account_pages is not None:
            return
        self.account_id = account_id
        if account_id:
            self.accounts.select_id(account_id)
        self._rebuild_pages()
        self._update_actions()

    def _clear_pages(self) -> None:
        collector.unfreeze()
        if self.account_pages is not None:
            self.account_pages.disconnect()
            for page in self.account_pages.widgets():
                page.deleteLater()
            self.account_pages = None
        self.tabs.clear()
        if self.journey_strip is not None:
            # out of the layout now: deleteLater waits for the event loop, and until then
            # the old account's strip would show above the new one's
            self.account_layout.removeWidget(self.journey_strip)
            self.journey_strip.hide()
            self.journey_strip.deleteLater()
            self.journey_strip = None

    def _rebuild_pages(self) -> None:
        with collector.paused():  # the account's objects made without collections
            self._build_pages()

    def _build_pages(self) -> None:
        index = self.tabs.currentIndex()
        self._clear_pages()
        if self.document is None or self.account_id is None:
            self.show_placeholder()
            return
        from accountmap.document.context import AccountContext
        from accountmap.panels.journey_strip import JourneyStrip
        from accountmap.storage.errors import WorkspaceError

        try:
            self.document.account(self.account_id)
        except WorkspaceError as exc:  # a value another tool wrote: show the rest
            self._mark_damaged(self.account_id, exc.message(self.language()))
            return
        context = AccountContext(self.document, self.editor, self.account_id, self.show_entity)
        self.journey_strip = JourneyStrip(context, self.account_area)
        self.account_layout.insertWidget(0, self.journey_strip)
        self.journey_strip.show()  # a child added to a shown widget stays hidden otherwise
        self.account_pages = AccountPages(self.tabs, context, self._page_made)
        if 0 <= index < self.tabs.count():
            self.tabs.setCurrentIndex(index)
        from accountmap.app.progress import opening_pages  # a big account: progress meanwhile

        for shown in opening_pages(self, context.account, [self.tabs.currentIndex()]):
            self.account_pages.page(shown)  # only the page shown is built
        self.stack.setCurrentWidget(self.account_area)
        # The account's models and items live while it is shown: out of the garbage
        # collector's sight (a full collection among 3,000 people's objects stalled an
        # edit or a drop for ~150 ms); given back when the account is closed.
        collector.freeze()
        from accountmap.app.first_paint import AfterFirstPaint, painted_part

        # once it painted (the old pages deleted by then), the old account's objects go
        AfterFirstPaint(painted_part(self.tabs.currentWidget()), collector.collect_garbage)

    def _mark_damaged(self, account_id: str, message: str) -> None:
        """The account cannot be read: say why where it would show, mark it in the list."""
        self.damaged[account_id] = message
        self.accounts.mark_damaged(self.damaged)
        self.placeholder.setText(message)
        self.stack.setCurrentWidget(self.placeholder)
        self._update_actions()

    def _show_hit(self, account_id: str, person_id: str) -> None:
        """A hit of the workspace search: its account, and the person on the map."""
        self.select_account(account_id)
        if person_id and account_id not in self.damaged:
            self.show_entity("stakeholder", person_id)

    def show_entity(self, kind: str, entity_id: str) -> None:
        """Bring the page that shows `kind` forward and focus the entity there."""
        index = self.account_pages.index_showing(kind) if self.account_pages else None
        if index is not None:
            self.tabs.setCurrentIndex(index)
            self.account_pages.page(index).focus_entity(kind, entity_id)

    def account_actions(self) -> list[QAction]:
        return [self.act_add_account, self.act_rename_account, self.act_duplicate_account,
                self.act_delete_account]

    def accounts_menu(self) -> QMenu:
        menu = QMenu(self)
        for action in self.account_actions():
            menu.addAction(action)
        return menu

    def _account_context(self):
        from accountmap.document.context import AccountContext

        return AccountContext(self.document, self.editor, self.account_id, self.show_entity)

    def print_account_plan(self):
        if self.document and self.account_id:
            from accountmap.panels.print_preview import print_account_plan

            return print_account_plan(self, self._account_context())

    def print_next_briefing(self):
        """The brief of the meeting selected on the Meetings page when that page is shown,
        else of the next meeting."""
        if self.document and self.account_id:
            from accountmap.panels.meetings import MeetingsPage
            from accountmap.panels.print_preview import print_next_meeting_brief

            page = (self.tabs.currentWidget()
                    if self.stack.currentWidget() is self.account_area else None)
            if isinstance(page, MeetingsPage) and page.selected_ids():
                return page.print_briefing(page.selected_ids()[0])
            return print_next_meeting_brief(self, self._account_context())

    # ------------------------------------------------------------------ window
    def _restore_geometry(self) -> None:
        s = app_settings.settings()
        geometry = s.value("mainWindow/geometry")
        state = s.value("mainWindow/state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            self.restoreState(state)
        splitter = s.value("mainWindow/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        focus = self.focusWidget()
        if focus is not None:
            focus.clearFocus()  # commits a field being edited (editingFinished)
        s = app_settings.settings()
        s.setValue("mainWindow/geometry", self.saveGeometry())
        s.setValue("mainWindow/state", self.saveState())
        s.setValue("mainWindow/splitter", self.splitter.saveState())
        self._close_document()
        super().closeEvent(event)


def _interactive() -> bool:
    from accountmap.panels.pickers import interactive

    return interactive()
