"""`accountmap plan` shows its progress on stderr only when stderr is a terminal (issue 13):
a pipe or a script sees exactly the lines it saw before."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
from pathlib import Path

from tests.unit.briefing_data import make_account

from accountmap import cli
from accountmap.cli.progress import terminal_progress
from accountmap.storage.workspace_file import WorkspaceFile

REPO = Path(__file__).resolve().parents[2]


def workspace(tmp_path: Path) -> Path:
    path = tmp_path / "w.accountmap"
    with WorkspaceFile.open(path, create=True) as wf:
        wf.add_accounts([make_account(people=40, checkpoints=30)])
    return path


def test_no_progress_when_stderr_is_not_a_terminal(tmp_path, capsys):
    path = workspace(tmp_path)
    out = tmp_path / "plan.pdf"
    assert cli.main(["plan", str(path), "--account", "acc1", "-o", str(out),
                     "--lang", "en"]) == 0, capsys.readouterr()
    captured = capsys.readouterr()
    assert captured.err == ""
    assert captured.out.strip() == f"Account plan written to {out}"


def test_progress_on_a_terminal_is_one_line_erased_at_the_end(tmp_path):
    path = workspace(tmp_path)
    out = tmp_path / "plan.pdf"
    leader, follower = pty.openpty()
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        filter(None, [str(REPO), os.environ.get("PYTHONPATH")])))
    child = subprocess.Popen(
        [sys.executable, "-m", "accountmap", "plan", str(path), "--account", "acc1",
         "-o", str(out), "--lang", "ru"],
        stdout=subprocess.PIPE, stderr=follower, env=env)
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    stdout, _ = child.communicate(timeout=120)
    os.close(leader)
    assert child.returncode == 0, seen
    text = seen.decode("utf-8")
    assert "Готовлю план работы с клиентом… " in text and "%" in text
    assert "\n" not in text.replace("\r\n", "")  # one line, rewritten in place
    assert text.rstrip(" ").endswith("\r")  # erased at the end
    assert stdout.decode().strip() == f"План записан в {out}"


def test_the_progress_line_counts_forward():
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    report = terminal_progress("cli.progress_plan", "en", stream)
    for done in (0, 1, 1, 5, 10):
        report(done, 10)
    shown = [part for part in stream.getvalue().split("\r") if part.strip()]
    assert shown == ["Laying out the account plan… 0%", "Laying out the account plan… 10%",
                     "Laying out the account plan… 50%"]
    assert terminal_progress("cli.progress_plan", "en", io.StringIO()) is None
