"""A contacts file that is not a regular file (issue 13, class 9: "a FIFO as input
hangs", "/dev/zero passes the limit"): the CRM import, from the window and from the
command line, refuses it in one sentence at once and changes nothing."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from accountmap.cli import main
from accountmap.domain.models import Account
from accountmap.storage import contacts_csv
from accountmap.storage.errors import WorkspaceError
from accountmap.storage.workspace_file import WorkspaceFile


def refused_at_once(path: Path) -> WorkspaceError:
    """read_contact_file(path) in a thread: it must refuse, not block on the pipe."""
    outcome: dict = {}

    def read() -> None:
        try:
            contacts_csv.read_contact_file(path)
        except WorkspaceError as exc:
            outcome["error"] = exc

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout=10)
    if reader.is_alive():  # unblock it: open the pipe for writing and close it
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail(f"reading {path} blocked")
    assert "error" in outcome, "a special file was read as contacts"
    return outcome["error"]


def test_a_fifo_is_refused_not_waited_for(tmp_path):
    fifo = tmp_path / "crm.csv"
    os.mkfifo(fifo)
    error = refused_at_once(fifo)
    assert "not a regular file" in error.message("en")


def test_dev_zero_is_refused_not_read_into_memory():
    error = refused_at_once(Path("/dev/zero"))
    assert "not a regular file" in error.message("en")


def test_a_file_past_the_limit_is_refused_by_the_bytes_read(tmp_path, monkeypatch):
    monkeypatch.setattr(contacts_csv, "MAX_BYTES", 100)
    big = tmp_path / "big.csv"
    big.write_text("name\n" + "x" * 200, encoding="utf-8")
    with pytest.raises(WorkspaceError) as info:
        contacts_csv.read_contact_file(big)
    assert info.value.key == "contacts.too_large"


def test_the_command_line_refuses_a_fifo_in_one_sentence(tmp_path, capsys):
    path = tmp_path / "w.accountmap"
    with WorkspaceFile.open(path, create=True) as wf:
        wf.add_accounts([Account(name="Акме")])
    before = path.read_bytes()
    fifo = tmp_path / "crm.csv"
    os.mkfifo(fifo)
    assert main(["import-contacts", str(path), str(fifo), "--account", "Акме", "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "not a regular file" in err and "Traceback" not in err and err.count("\n") == 1
    assert path.read_bytes() == before


def test_the_window_refuses_a_fifo_dropped_on_it(tmp_path, qtbot):
    from accountmap.app.application import make_application
    from accountmap.app.main_window import MainWindow

    make_application("en")
    path = tmp_path / "w.accountmap"
    with WorkspaceFile.open(path, create=True) as wf:
        wf.add_accounts([Account(name="Акме")])
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_workspace(path)
    fifo = tmp_path / "crm.csv"
    os.mkfifo(fifo)
    outcome: dict = {}
    timer = threading.Timer(10, lambda: os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)))
    timer.start()  # should the window block on the pipe, unblock it after 10 s (and fail)
    try:
        outcome["dialog"] = window.file_transfer.import_contacts(fifo, show=False)
    finally:
        timer.cancel()
    assert outcome["dialog"] is None
    assert "not a regular file" in window.statusBar().currentMessage()
