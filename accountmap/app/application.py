"""The composition root: QApplication, translations, which workspace to open, the window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

ORGANIZATION = "AccountMap"
APPLICATION = "AccountMap"


_NOISE = ("This plugin does not support propagateSizeHints()",)
_next_handler = None  # the message handler that was there before ours (pytest-qt's, say)


def _qt_messages(mode, context, message: str) -> None:
    """Forward Qt's messages (to the handler before ours, else stderr), less the offscreen
    platform's known noise."""
    if message in _NOISE:
        return
    if _next_handler is not None:
        _next_handler(mode, context, message)
    else:
        print(message, file=sys.stderr)


def _install_message_handler() -> None:
    global _next_handler
    from PySide6.QtCore import qInstallMessageHandler

    previous = qInstallMessageHandler(_qt_messages)
    if previous is not _qt_messages:  # called again: keep the chain as it was
        _next_handler = previous


def release_clipboard() -> None:
    """Drop clipboard data we still own before Qt is torn down: PySide6 crashes at exit
    (segmentation fault) when the clipboard holds our QMimeData then (seen offscreen)."""
    app = QApplication.instance()
    if app is not None:
        clipboard = app.clipboard()
        if clipboard.ownsClipboard() or QApplication.platformName() in ("offscreen", "minimal"):
            clipboard.clear()


def make_application(lang: str | None = None, *, tooltips_later: bool = False) -> QApplication:
    """The application, its translators and its plain tooltips (`tooltips_later`: the
    caller installs those with `plain_tooltips.install_at_first_input`)."""
    from accountmap.app import pyside_imports

    pyside_imports.install()  # (before the domain's ~250 modules are imported)
    _install_message_handler()
    if QApplication.instance() is None:
        import atexit

        atexit.register(release_clipboard)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    if not tooltips_later:
        from accountmap.app import plain_tooltips

        plain_tooltips.install(app)  # user text in tooltips is shown, never rendered
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    from PySide6.QtCore import QLocale

    from accountmap.app.translation import CatalogueTranslator, number_locale, system_language

    lang = lang or os.environ.get("ACCOUNTMAP_LANG") or system_language()
    QLocale.setDefault(number_locale(lang))
    from accountmap.app.qt_translations import install_qt_translator

    install_qt_translator(app, lang)
    current = getattr(app, "_accountmap_translator", None)
    if current is not None and current.lang != lang:
        app.removeTranslator(current)
        app._accountmap_translator = current = None
    if lang != "en" and current is None:
        translator = CatalogueTranslator(lang, app)
        app.installTranslator(translator)
        app._accountmap_translator = translator  # keep it alive
    return app


def data_dir() -> Path:
    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def default_workspace() -> Path:
    """The last workspace opened, or the demo workspace (written on first start)."""
    from accountmap.app.settings import recent_files

    for path in recent_files():
        if Path(path).is_file():
            return Path(path)
    demo = data_dir() / "demo.accountmap"
    if not demo.exists():
        from accountmap.storage.demo import write_demo

        write_demo(demo)
    return demo


def _trace(event: str) -> None:
    """With ACCOUNTMAP_TRACE_STARTUP=1, print start-up milestones (scripts/bench reads them)."""
    if os.environ.get("ACCOUNTMAP_TRACE_STARTUP"):
        print(f"startup: {event}", flush=True)


def run_application(workspace: Path | None, *, read_only: bool = False,
                    quit_after_show: bool = False, lang: str | None = None,
                    gc_paused: bool = False) -> int:
    """Show the window at once, then open the workspace on the next turn of the event loop
    (the domain and storage layers load meanwhile). Exit code 2 if it cannot be opened
    with --quit-after-show (or without a screen to show the message on).

    `gc_paused`: the caller stopped the garbage collector for start-up (`accountmap
    open`); it runs again once the first account painted, or start-up ended otherwise."""
    import gc

    def startup_over() -> None:
        tooltips.install()
        if gc_paused and not gc.isenabled():
            gc.enable()

    app = make_application(lang, tooltips_later=True)
    from accountmap.app import plain_tooltips
    from accountmap.app.main_window import MainWindow

    window = MainWindow()
    window.show_opening(workspace)
    window.show()
    # user text in tooltips is shown, never rendered: from the first input or paint on
    tooltips = plain_tooltips.install_at_first_input(app, window)
    _trace("window shown")
    result = {"code": 0}

    def account_painted() -> None:
        _trace("account painted")
        startup_over()
        if quit_after_show:
            app.quit()

    def show_first_account() -> None:
        """The first account, once the list of accounts painted."""
        from accountmap.app.first_paint import AfterFirstPaint, painted_part

        ids = window.document.account_ids() if window.document is not None else []
        if ids and window.account_id is None:  # (unless the user chose one meanwhile)
            window.select_account(ids[0])
        elif not ids:
            window.show_placeholder()
        _trace("workspace shown")
        page = (window.tabs.currentWidget()
                if window.stack.currentWidget() is window.account_area else None)
        if page is not None:  # quit (--quit-after-show) once the account painted
            AfterFirstPaint(painted_part(page), account_painted)
            return
        startup_over()
        if quit_after_show:
            app.quit()

    def open_workspace() -> None:
        from accountmap.app.first_paint import AfterFirstPaint
        from accountmap.panels.pickers import interactive  # (its `Qt` costs ~14 ms: not before show)
        from accountmap.storage.errors import WorkspaceError

        try:
            path = workspace if workspace is not None else default_workspace()
            # the accounts listed (and painted) before one of them is loaded
            window.open_workspace(path, read_only=read_only, ask=not quit_after_show,
                                  show_first=False)
            _trace("workspace listed")
            AfterFirstPaint(window.accounts.viewport(), show_first_account)
            return
        except WorkspaceError as exc:
            startup_over()
            window.show_placeholder()
            message = exc.message(window.language())
            print(f"accountmap: {message}", file=sys.stderr)
            if quit_after_show or not interactive():
                result["code"] = 2
                app.quit()
                return
            QMessageBox.warning(window, window.tr("Cannot open the workspace"), message)
        if quit_after_show:
            app.quit()

    from accountmap.app.first_paint import AfterFirstPaint

    # the workspace opens once the window painted "Opening…" (not before it painted)
    AfterFirstPaint(window.placeholder, open_workspace)
    if not quit_after_show:
        from accountmap.app.help_menu import show_on_first_start

        QTimer.singleShot(0, lambda: show_on_first_start(window))
    from accountmap.app.termination import GracefulTermination

    termination = GracefulTermination(app, window)  # SIGTERM/logout: commit, close, quit
    try:
        code = app.exec()
    finally:
        termination.uninstall()
        startup_over()
    if window.document is not None:  # quit without closing the window (--quit-after-show)
        window.close()  # the workspace closed, the settings written
    return result["code"] or code


def end_process(code: int) -> None:
    """End the desktop application's process once the window is closed: every edit is
    already committed, the workspace closed and the settings written, so the thousands
    of models, items and widgets of a big account are not taken apart one by one (Python
    and Qt's teardown took ~1 s at 3,000 people). The exit functions still run."""
    import atexit

    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
