"""Files in and out of the main window: import contacts from a CRM export, export the map
or the roadmap (PNG, SVG, PDF, GraphML) and the people (CSV), and drop a CSV, XLSX or
JSON file onto the window to import it. Installed by the main window with `install`."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QFileDialog

CONTACT_SUFFIXES = (".csv", ".xlsx", ".xls", ".txt", ".tsv")  # .xls: told to save as .xlsx
SLOW_JSON_BYTES = 1_000_000  # a workspace this big took most of a second to export here


def tr(text: str) -> str:
    return QCoreApplication.translate("FileTransfer", text)


class FileTransfer(QObject):
    def __init__(self, window, file_menu) -> None:
        super().__init__(window)
        self.window = window
        self.act_contacts = window._action(tr("Import &contacts (CSV, Excel)…"), self.choose_contacts,
                                           tip=tr("People from a CRM export (Salesforce, HubSpot, Bitrix24, amoCRM) onto this account's map"))
        self.act_map = window._action(tr("Export the &map…"), lambda: self.export_view("map"),
                                      tip=tr("PNG, SVG, PDF, or GraphML for yEd and Gephi"))
        self.act_roadmap = window._action(tr("Export the &roadmap…"), lambda: self.export_view("roadmap"),
                                          tip=tr("PNG, SVG, PDF, or GraphML for yEd and Gephi"))
        self.act_people = window._action(tr("Export the &people (CSV)…"), self.export_people)
        self.actions = [self.act_contacts, self.act_map, self.act_roadmap, self.act_people]
        quit_action = window.act_quit
        file_menu.insertAction(quit_action, self.act_contacts)
        file_menu.insertSeparator(quit_action)
        for action in self.actions[1:]:
            file_menu.insertAction(quit_action, action)
        file_menu.insertSeparator(quit_action)
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def update_actions(self) -> None:
        window = self.window
        has_account = (window.document is not None and window.account_id is not None
                       and window.account_id not in window.damaged)  # a damaged one cannot load
        self.act_contacts.setEnabled(has_account and not window.document.read_only)
        for action in self.actions[1:]:
            action.setEnabled(has_account)

    def _context(self):
        return self.window._account_context()

    # ------------------------------------------------------------------ import
    def choose_contacts(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, tr("Import contacts"), self.window._dialog_dir(),
            tr("CRM exports (*.csv *.xlsx *.txt *.tsv);;All files (*)"))
        if path:
            self.import_contacts(Path(path))

    def import_contacts(self, path: Path, *, show: bool = True):
        """Open the import dialog for `path` (exec'd when `show`); returns the dialog."""
        window = self.window
        if window.document is None or window.account_id is None:
            window.show_error(tr("Open an account first: contacts are imported into the account shown."))
            return None
        if window.document.read_only:
            window.show_error(tr("The workspace is open read-only: nothing can be imported."))
            return None
        from accountmap.panels.contact_import_dialog import open_contact_import

        dialog = open_contact_import(window, self._context(), Path(path), window.show_error)
        if dialog is not None and show:
            if dialog.exec():
                window.statusBar().showMessage(dialog.result_text(), 10000)
                window._route("zoom_fit")  # the newcomers in view (on the map page)
        return dialog

    def handle_drop(self, paths: list[Path]) -> None:
        for path in paths:
            if path.suffix.lower() == ".json":
                self.window.import_json_file(path)
            elif path.suffix.lower() in CONTACT_SUFFIXES:
                self.import_contacts(path)
            else:
                self.window.show_error(tr("%1: only CSV, Excel (.xlsx) and JSON files can be dropped here")
                                       .replace("%1", path.name))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if _local_files(event.mimeData()) and self.window.document is not None:
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop:
            paths = _local_files(event.mimeData())
            if paths:
                event.acceptProposedAction()
                self.handle_drop(paths)
                return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ export
    def export_view(self, view: str) -> None:
        window = self.window
        if window.document is None or window.account_id is None:
            return
        from accountmap.panels.pdf_pages import safe_file_name

        name = safe_file_name(window.document.account_name(window.account_id) or "account")
        title = tr("Export the map") if view == "map" else tr("Export the roadmap")
        path, chosen = QFileDialog.getSaveFileName(
            window, title, str(Path(window._dialog_dir()) / f"{name}.graphml"),
            tr("GraphML for yEd, Gephi (*.graphml);;PNG image (*.png);;SVG drawing (*.svg);;PDF (*.pdf)"))
        if path:
            self.export_view_to(view, Path(path), chosen)

    def export_view_to(self, view: str, path: Path, chosen_filter: str = "") -> bool:
        window = self.window
        suffix = path.suffix.lower().lstrip(".")
        if suffix not in ("graphml", "png", "svg", "pdf"):
            suffix = next((s for s in ("png", "svg", "pdf") if f"*.{s}" in chosen_filter), "graphml")
            path = path.with_name(path.name + "." + suffix)
        from accountmap.storage.errors import WorkspaceError
        from accountmap.storage.output_guard import guard_output, output_file

        try:
            guard_output(path, [window.document.path])  # never over a workspace (issue 13)
            if suffix == "graphml":
                from accountmap.briefing.graphml import write_graphml

                write_graphml(window.document.account(window.account_id), view, path, window.language())
            else:
                from accountmap.app.progress import SlowWork, slow_account
                from accountmap.canvas.render import render_account

                label = tr("Exporting the map…") if view == "map" else tr("Exporting the roadmap…")
                slow = slow_account(window.document.account(window.account_id))
                with SlowWork(window, label, 3, slow=slow) as work:
                    with output_file(path, [window.document.path]) as tmp:  # whole or nothing
                        render_account(window.document, window.editor, window.account_id, view,
                                       tmp, fmt=suffix, step=lambda: work.step(tr("Drawing…")))
                        work.step(tr("Writing…"))  # cancelled here: the temp file is removed
                if work.cancelled:
                    window.statusBar().showMessage(tr("Export cancelled: no file was written"), 5000)
                    return False
        except WorkspaceError as exc:
            window.show_error(exc.message(window.language()))
            return False
        except Exception as exc:  # noqa: BLE001 - any failure is one sentence for the user
            window.show_error(tr("The file could not be written: %1").replace("%1", str(exc)))
            return False
        window.statusBar().showMessage(tr("Exported to %1").replace("%1", str(path)), 5000)
        return True

    def export_json_to(self, path: Path) -> bool:
        """The whole workspace as JSON at `path`, account by account behind a progress
        dialog when the workspace is big (cancelled: no file written)."""
        from accountmap.app.progress import SlowWork
        from accountmap.storage.errors import WorkspaceError
        from accountmap.storage.exchange import document_to_json, export_document, write_text_atomically

        window = self.window
        document = window.document
        try:
            slow = Path(document.path).stat().st_size >= SLOW_JSON_BYTES
        except OSError:
            slow = False
        try:
            steps = len(document.file.account_ids()) + 1
            with SlowWork(window, tr("Exporting JSON…"), steps, slow=slow) as work:
                text = document_to_json(export_document(document.file,
                                                        loaded=lambda _d, _t: work.step()))
                work.step(tr("Writing…"))  # the last moment to cancel: nothing written yet
                write_text_atomically(path, text, [document.path])
            if work.cancelled:
                window.statusBar().showMessage(tr("Export cancelled: no file was written"), 5000)
                return False
        except (WorkspaceError, OSError) as exc:
            message = exc.message(window.language()) if isinstance(exc, WorkspaceError) else str(exc)
            window.show_error(message)
            return False
        return True

    def export_people(self) -> None:
        window = self.window
        if window.document is None or window.account_id is None:
            return
        from accountmap.panels.pdf_pages import safe_file_name

        name = safe_file_name(window.document.account_name(window.account_id) or "account")
        path, _ = QFileDialog.getSaveFileName(
            window, tr("Export the people"), str(Path(window._dialog_dir()) / f"{name}.csv"),
            tr("CSV for Excel (*.csv)"))
        if path:
            self.export_people_to(Path(path if path.lower().endswith(".csv") else path + ".csv"))

    def export_people_to(self, path: Path) -> bool:
        from accountmap.storage.people_csv import write_people_csv

        from accountmap.storage.errors import WorkspaceError
        from accountmap.storage.output_guard import guard_output

        window = self.window
        try:
            guard_output(path, [window.document.path])  # never over a workspace (issue 13)
            write_people_csv(window.document.account(window.account_id), path, window.language())
        except WorkspaceError as exc:
            window.show_error(exc.message(window.language()))
            return False
        except OSError as exc:
            window.show_error(tr("The file could not be written: %1").replace("%1", exc.strerror or str(exc)))
            return False
        window.statusBar().showMessage(tr("Exported to %1").replace("%1", str(path)), 5000)
        return True


def _local_files(mime) -> list[Path]:
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def install(window, file_menu) -> FileTransfer:
    return FileTransfer(window, file_menu)
