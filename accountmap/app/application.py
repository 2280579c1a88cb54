"""The composition root: QApplication, translations, which workspace to open, the window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

ORGANIZATION = "AccountMap"
APPLICATION = "AccountMap"


def make_application(lang: str | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    from accountmap.app.translation import CatalogueTranslator, system_language

    lang = lang or os.environ.get("ACCOUNTMAP_LANG") or system_language()
    if lang != "en" and not getattr(app, "_accountmap_translator", None):
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
        from accountmap.commands.demo import write_demo

        write_demo(demo)
    return demo


def _interactive() -> bool:
    return QApplication.platformName() not in ("offscreen", "minimal")


def run_application(workspace: Path | None, *, read_only: bool = False,
                    quit_after_show: bool = False, lang: str | None = None) -> int:
    app = make_application(lang)
    from accountmap.app.main_window import MainWindow
    from accountmap.storage.errors import WorkspaceError

    window = MainWindow()
    path = workspace if workspace is not None else default_workspace()
    try:
        window.open_workspace(path, read_only=read_only, ask=not quit_after_show)
    except WorkspaceError as exc:
        message = exc.message(window.language())
        print(f"accountmap: {message}", file=sys.stderr)
        if quit_after_show or not _interactive():
            return 2
        QMessageBox.warning(window, window.tr("Cannot open the workspace"), message)
    window.show()
    if quit_after_show:
        QTimer.singleShot(0, app.quit)
    return app.exec()
