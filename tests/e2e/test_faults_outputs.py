"""Attacks on output commands: an output never destroys an input (issue 13, class 1 and 9).

Each output command (export, plan, brief, portfolio --csv, render) is pointed at a
workspace, its own input (under another name too), a file a live writer holds, a device,
a FIFO and a missing folder: exit 2, one sentence, every file byte-identical.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import pytest

from accountmap.cli import main
from accountmap.domain.models import Account, Stakeholder
from accountmap.storage.atomic_write import write_atomically
from accountmap.storage.workspace_file import WorkspaceFile


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    path = tmp_path / "w.accountmap"
    with WorkspaceFile.open(path, create=True) as wf:
        wf.add_accounts([Account(name="Клиент", stakeholders=[Stakeholder(full_name="Иванов")])])
    return path


@pytest.fixture
def other_workspace(tmp_path: Path) -> Path:
    path = tmp_path / "other.accountmap"
    with WorkspaceFile.open(path, create=True) as wf:
        wf.add_accounts([Account(name="Другой")])
    return path


def commands(workspace: Path, out: Path) -> dict[str, list[str]]:
    return {
        "export": ["export", str(workspace), "-o", str(out)],
        "plan": ["plan", str(workspace), "--account", "Клиент", "-o", str(out)],
        "portfolio": ["portfolio", str(workspace), "--csv", str(out)],
        "render": ["render", str(workspace), "--account", "Клиент", "-o", str(out)],
    }


def refused(argv: list[str], capsys) -> str:
    code = main(argv)
    err = capsys.readouterr().err
    assert code == 2, err
    assert "Traceback" not in err and err.count("\n") == 1, err
    return err


@pytest.mark.parametrize("command", ["export", "plan", "portfolio", "render"])
def test_an_output_onto_its_own_workspace_is_refused(workspace, command, capsys, qapp):
    before = digest(workspace)
    argv = commands(workspace, workspace)[command]
    if command == "render":
        argv[-1] = str(workspace.with_suffix(".png"))
        os.link(workspace, workspace.with_suffix(".png"))  # the same file under a PNG name
    err = refused(argv, capsys)
    assert "not overwritten" in err
    assert digest(workspace) == before
    assert WorkspaceFile.open(workspace, read_only=True).account_ids()


@pytest.mark.parametrize("command", ["export", "plan", "portfolio"])
def test_an_output_onto_another_workspace_is_refused_by_content(
        workspace, other_workspace, tmp_path, command, capsys):
    disguised = tmp_path / "report.pdf"
    os.replace(other_workspace, disguised)  # a workspace whatever its name
    before = digest(disguised)
    err = refused(commands(workspace, disguised)[command], capsys)
    assert "AccountMap workspace" in err
    assert digest(disguised) == before


def test_an_output_through_a_symlink_to_the_workspace_is_refused(workspace, tmp_path, capsys):
    link = tmp_path / "link.json"
    link.symlink_to(workspace)
    before = digest(workspace)
    refused(["export", str(workspace), "-o", str(link)], capsys)
    assert digest(workspace) == before and link.is_symlink()


def test_an_output_onto_a_file_a_window_holds_is_refused(workspace, tmp_path, capsys):
    with WorkspaceFile.open(workspace) as held:  # a writer (the GUI) has it open
        before = digest(workspace)
        err = refused(["plan", str(workspace), "--account", "Клиент", "-o", str(workspace)],
                      capsys)
        assert digest(workspace) == before
        assert held.account_ids()
    assert "not overwritten" in err


def special_files(folder: Path) -> list[Path]:
    """A FIFO, a socket and (as root) a character device, all inside `folder`: a test run
    against code that replaces special files must never reach a real /dev node."""
    import socket

    made = [folder / "pipe.out"]
    os.mkfifo(made[0])
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(folder / "sock.out"))
    made.append(folder / "sock.out")
    if os.geteuid() == 0:
        os.mknod(folder / "null.out", stat.S_IFCHR | 0o666, os.makedev(1, 3))
        made.append(folder / "null.out")
    return made


@pytest.mark.parametrize("command", ["export", "plan", "portfolio"])
def test_a_device_fifo_or_socket_is_never_replaced(workspace, tmp_path, command, capsys):
    for special in special_files(tmp_path):
        kind = stat.S_IFMT(os.lstat(special).st_mode)
        err = refused(commands(workspace, special)[command], capsys)
        assert "not a regular file" in err
        assert stat.S_IFMT(os.lstat(special).st_mode) == kind


def test_a_missing_folder_is_one_sentence(workspace, tmp_path, capsys):
    err = refused(["portfolio", str(workspace), "--csv", str(tmp_path / "missing" / "x.csv")],
                  capsys)
    assert "does not exist" in err


def test_a_full_disk_says_so(workspace, capsys, monkeypatch):
    import errno

    from accountmap.storage import atomic_write

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic_write.os, "replace", full)
    err = refused(["export", str(workspace), "-o", str(workspace.with_suffix(".json"))], capsys)
    assert "disk is full" in err
    assert not workspace.with_suffix(".json").exists()


def test_outputs_keep_the_permissions_of_the_file_they_replace(workspace, tmp_path, capsys):
    out = tmp_path / "team.json"
    out.write_text("old")
    out.chmod(0o644)
    assert main(["export", str(workspace), "-o", str(out)]) == 0
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o644
    fresh = tmp_path / "fresh.csv"
    old_mask = os.umask(0o022)
    try:
        assert main(["portfolio", str(workspace), "--csv", str(fresh)]) == 0
    finally:
        os.umask(old_mask)
    assert stat.S_IMODE(os.stat(fresh).st_mode) == 0o644  # not mkstemp's 0600
    capsys.readouterr()


def test_writing_through_a_symlink_replaces_its_target_and_keeps_the_link(tmp_path):
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_atomically(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"


def test_a_special_file_is_refused_as_input(tmp_path, capsys):
    fifo = tmp_path / "in.json"
    os.mkfifo(fifo)  # opening it would hang for ever
    err = refused(["import", str(tmp_path / "new.accountmap"), str(fifo)], capsys)
    assert "not a regular file" in err
    err = refused(["check", str(fifo)], capsys)
    assert "not a regular file" in err
    assert not (tmp_path / "new.accountmap").exists()


def test_an_endless_input_is_cut_at_the_limit_not_read_into_memory(tmp_path, capsys, monkeypatch):
    from accountmap.storage import exchange, output_guard

    monkeypatch.setattr(exchange, "MAX_IMPORT_BYTES", 1024 * 1024)
    reads = []
    real_guard = output_guard.guard_input
    monkeypatch.setattr(output_guard, "guard_input", lambda p: reads.append(p) or None
                        if str(p) == "/dev/zero" else real_guard(p))
    err = refused(["import", str(tmp_path / "new.accountmap"), "/dev/zero"], capsys)
    assert "too large" in err and reads == [Path("/dev/zero")]
    assert not (tmp_path / "new.accountmap").exists()


def test_dev_zero_as_import_input_is_refused(tmp_path, capsys):
    err = refused(["import", str(tmp_path / "new.accountmap"), "/dev/zero"], capsys)
    assert "not a regular file" in err


def test_the_atomic_writer_refuses_a_special_file(tmp_path):
    for special in special_files(tmp_path):
        kind = stat.S_IFMT(os.lstat(special).st_mode)
        with pytest.raises(OSError):
            write_atomically(special, b"x")
        assert stat.S_IFMT(os.lstat(special).st_mode) == kind
