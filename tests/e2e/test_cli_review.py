"""`accountmap review add|export|import|list` from the command line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from accountmap.storage.demo import write_demo
from tests.conftest import TEST_TODAY


def run(*args):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "accountmap", *map(str, args)],
                          capture_output=True, text=True, env=env, timeout=120)


def test_review_travels_by_the_command_line(tmp_path):
    director, kam = tmp_path / "d.accountmap", tmp_path / "k.accountmap"
    write_demo(director, today=TEST_TODAY)
    shutil.copy(director, kam)
    added = run("review", "add", director, "--account", "Northwind Logistics Ltd",
                "--text", "Who signs?", "--author", "Dir")
    assert added.returncode == 0, added.stderr
    missing = run("review", "add", director, "--account", "Northwind Logistics Ltd",
                  "--person", "Nobody", "--text", "x")
    assert missing.returncode == 2 and "Nobody" in missing.stderr
    assert "Traceback" not in missing.stderr
    before = director.read_bytes()
    out = run("review", "export", director, "-o", tmp_path / "r.amreview")
    assert out.returncode == 0 and director.read_bytes() == before
    done = run("review", "import", kam, tmp_path / "r.amreview", "--lang", "ru")
    assert done.returncode == 0 and "добавлено 1" in done.stdout
    listed = run("review", "list", kam)
    assert "Who signs?" in listed.stdout and added.stdout.strip() in listed.stdout
    bad = run("review", "import", kam, director)  # a workspace is no review file
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_review_messages_speak_the_workspace_language_unless_told(tmp_path):
    director, kam = tmp_path / "d.accountmap", tmp_path / "k.accountmap"
    write_demo(director, today=TEST_TODAY)  # the demo workspace is Russian
    shutil.copy(director, kam)
    out = run("review", "export", director, "-o", tmp_path / "r.amreview")
    assert out.returncode == 0 and "записано в" in out.stdout
    done = run("review", "import", kam, tmp_path / "r.amreview")
    assert done.returncode == 0 and "Замечания загружены" in done.stdout
    told = run("review", "import", kam, tmp_path / "r.amreview", "--lang", "en")
    assert told.returncode == 0 and "Review imported" in told.stdout
