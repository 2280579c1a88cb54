"""Test settings: offscreen Qt before any Qt import, a private settings/data dir per test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

import datetime as dt  # noqa: E402

import pytest  # noqa: E402

# The day every test runs on unless it pins another (the day the demo story and the sample
# roadmap were written for). No test reads the real date: the clock is pinned here, in this
# process and (ACCOUNTMAP_TODAY) in the commands a test starts.
TEST_TODAY = dt.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def today(monkeypatch):
    """The pinned day of the test (accountmap.domain.clock.today() returns it)."""
    from accountmap.domain import clock

    monkeypatch.setenv(clock.ENVIRONMENT, TEST_TODAY.isoformat())
    clock.pin(TEST_TODAY)
    yield TEST_TODAY
    clock.pin(None)


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path_factory, monkeypatch):
    """Each test gets its own HOME/XDG dirs, so QSettings and the data dir are private."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    yield
    # Qt reads the settings folder once per process: what a test remembered (recent files,
    # the folders added to the review) would reach the next test's QSettings. Forget it.
    import sys

    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QSettings

        QSettings().clear()


@pytest.fixture(autouse=True)
def _english_after_each_test():
    """A test that switched the interface to Russian does not leave it so for the next."""
    yield
    import sys

    if "accountmap.app.translation" not in sys.modules:
        return
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    translator = getattr(app, "_accountmap_translator", None) if app is not None else None
    if translator is not None:
        app.removeTranslator(translator)
        app._accountmap_translator = None
        QLocale.setDefault(sys.modules["accountmap.app.translation"].number_locale("en"))


def pytest_sessionfinish(session, exitstatus):
    """PySide6 segfaults at exit when the clipboard still holds a QMimeData of ours."""
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is not None:
        QApplication.clipboard().clear()
