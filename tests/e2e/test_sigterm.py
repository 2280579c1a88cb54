"""SIGTERM (and logout) while a person is typing: the text is committed before the app
exits (issue 13). The real application runs in a child process; the test kills it with
SIGTERM while a field holds typed, uncommitted text."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from accountmap.domain.models import Account
from accountmap.storage.lock import lock_path
from accountmap.storage.workspace_file import WorkspaceFile

REPO = Path(__file__).resolve().parents[2]

TYPIST = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLineEdit
    from accountmap.app.application import make_application, run_application

    def type_without_committing():
        window = next(w for w in QApplication.topLevelWidgets()
                      if type(w).__name__ == "MainWindow")
        if window.document is None:
            QTimer.singleShot(50, type_without_committing)
            return
        for index, page in enumerate(window.pages):  # the page with the account's fields
            if any(f.text() == "Акме" for f in page.findChildren(QLineEdit)):
                window.tabs.setCurrentIndex(index)
        field = next((f for f in window.findChildren(QLineEdit)
                      if f.text() == "Акме" and f.isVisible()), None)
        if field is None:
            QTimer.singleShot(50, type_without_committing)
            return
        window.activateWindow()
        field.setFocus()
        field.end(False)
        QTest.keyClicks(field, " Holding")  # typed keys (QTest types ASCII only)
        print("typed", flush=True)

    make_application()  # the timer below needs the application
    QTimer.singleShot(0, type_without_committing)
    sys.exit(run_application(__import__("pathlib").Path(sys.argv[1])))
""")


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_sigterm_commits_the_field_being_typed_in(tmp_path, signum):
    path = tmp_path / "w.accountmap"
    with WorkspaceFile.open(path, create=True) as wf:
        wf.add_accounts([Account(name="Акме")])
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=os.pathsep.join(
        filter(None, [str(REPO), os.environ.get("PYTHONPATH")])))
    child = subprocess.Popen([sys.executable, "-c", TYPIST, str(path)], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "typed", child.stderr.read()
        with WorkspaceFile.open(path, read_only=True) as wf:
            assert wf.account_summaries()[0][1] == "Акме"  # typed, not yet committed
        child.send_signal(signum)  # SIGHUP: the terminal it ran from was closed
        assert child.wait(timeout=60) == 0, child.stderr.read()
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    with WorkspaceFile.open(path, read_only=True) as wf:
        assert wf.account_summaries()[0][1] == "Акме Holding"
    assert not lock_path(path).exists()  # closed the way a person closes it


def test_logout_commits_the_field_being_typed_in(tmp_path, qtbot):
    """The session manager asks the application to save its data at logout
    (commitDataRequest): the text being typed is committed before the session ends."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLineEdit

    from accountmap.app.application import make_application
    from accountmap.app.main_window import MainWindow
    from accountmap.app.termination import GracefulTermination

    path = tmp_path / "w.accountmap"
    with WorkspaceFile.open(path, create=True) as wf:
        wf.add_accounts([Account(name="Акме")])
    app = make_application("en")
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.open_workspace(path)
    for index, page in enumerate(window.pages):  # the page with the account's fields
        if any(f.text() == "Акме" for f in page.findChildren(QLineEdit)):
            window.tabs.setCurrentIndex(index)
    field = next(f for f in window.findChildren(QLineEdit) if f.text() == "Акме" and f.isVisible())
    window.activateWindow()
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    field.end(False)
    QTest.keyClicks(field, " Holding")
    assert window.document.account(window.account_id).name == "Акме"  # not yet committed
    termination = GracefulTermination(app, window)
    try:
        termination._commit_field(None)  # what commitDataRequest calls, with the manager
    finally:
        termination.uninstall()
    assert window.document.account(window.account_id).name == "Акме Holding"
    window.close()
    with WorkspaceFile.open(path, read_only=True) as wf:
        assert wf.account_summaries()[0][1] == "Акме Holding"
