"""Issue 15: the window is shown before the domain (pydantic's schema building), storage
and document layers are imported: they load while the window paints "Opening…"
(docs/PERFORMANCE.md, "How start-up stays fast"). The review comments dock once imported
the domain while the window was built (~200 ms before anything was on screen)."""

from __future__ import annotations

import subprocess
import sys

from accountmap.storage.workspace_file import WorkspaceFile
from tests.e2e.app_process import child_environment, one_account_workspace

# `accountmap open W --quit-after-show`, printing what is loaded at each start-up mark
CHILD = """
import sys
from accountmap.app import application

def trace(event):
    heavy = sorted(name for name in sys.modules if name.split(".")[0] in
                   ("pydantic", "pydantic_core", "sqlite3", "sqlite_utils", "reportlab")
                   or name in ("accountmap.domain.models", "accountmap.storage.workspace_file",
                               "accountmap.document.workspace_document"))
    print(event, "|", " ".join(heavy), flush=True)

application._trace = trace
sys.exit(application.run_application(application.Path(sys.argv[1]), quit_after_show=True))
"""

LATER = ("pydantic", "sqlite3", "accountmap.domain.models",
         "accountmap.storage.workspace_file", "accountmap.document.workspace_document")


def test_the_window_is_shown_before_the_domain_storage_and_document_load(tmp_path):
    path = one_account_workspace(tmp_path / "w.accountmap")
    env = child_environment(tmp_path / "home")
    result = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True,
                            text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    marks = dict(line.split(" | ") for line in result.stdout.splitlines() if " | " in line)
    assert list(marks) == ["window shown", "workspace listed", "workspace shown",
                           "account painted"]
    assert marks["window shown"].split() == [], marks["window shown"]  # nothing of it yet
    listed = set(marks["workspace listed"].split())
    assert set(LATER) <= listed  # (the check sees them once they are loaded)
    assert not any(name.startswith("reportlab") or name.startswith("sqlite_utils")
                   for name in listed)


# `accountmap open W --quit-after-show`, printing whether the garbage collector runs at
# each start-up mark and as the process ends
GC_CHILD = """
import atexit, gc, sys
from accountmap.app import application
from accountmap.cli import main

def trace(event):
    print(event, "|", gc.isenabled(), flush=True)

application._trace = trace
atexit.register(lambda: print("exit |", gc.isenabled(), flush=True))
sys.exit(main(["open", sys.argv[1], "--quit-after-show"]))
"""


def test_the_garbage_collector_rests_during_start_up_only(tmp_path):
    """Start-up makes ~100,000 objects that live as long as the process: `accountmap open`
    stops the garbage collector meanwhile (~20 ms of passes over them), and it runs again
    once the first account painted, or start-up ended without one."""
    full = one_account_workspace(tmp_path / "w.accountmap")
    empty = tmp_path / "empty.accountmap"
    WorkspaceFile.open(empty, create=True).close()
    env = child_environment(tmp_path / "home")
    for path, code, expected in (
            (full, 0, [("window shown", "False"), ("workspace listed", "False"),
                       ("workspace shown", "False"), ("account painted", "False"),
                       ("exit", "True")]),
            (empty, 0, [("window shown", "False"), ("workspace listed", "False"),
                        ("workspace shown", "False"), ("exit", "True")]),
            (tmp_path / "missing.accountmap", 2, [("window shown", "False"), ("exit", "True")])):
        result = subprocess.run([sys.executable, "-c", GC_CHILD, str(path)],
                                capture_output=True, text=True, env=env, timeout=120)
        assert result.returncode == code, result.stderr
        marks = [tuple(line.split(" | ")) for line in result.stdout.splitlines() if " | " in line]
        assert marks == expected, (path.name, marks)


# `accountmap open W --quit-after-show`, printing whether pydantic looked for plugins in the
# installed packages' entry points (its loader keeps what it found; None: it never looked)
PLUGINS_CHILD = """
import sys
from accountmap.app import application
from accountmap.cli import main

def trace(event):
    if event == "account painted":
        print("plugins |", sys.modules["pydantic.plugin._loader"]._plugins, flush=True)

application._trace = trace
sys.exit(main(["open", sys.argv[1], "--quit-after-show"]))
"""


def test_start_up_does_not_look_for_pydantic_plugins(tmp_path):
    """pydantic reads every installed package's entry points (importlib.metadata) to find
    its plugins as it builds the first model; the application uses none, so `accountmap`
    tells it not to look (PYDANTIC_DISABLE_PLUGINS)."""
    path = one_account_workspace(tmp_path / "w.accountmap")
    env = child_environment(tmp_path / "home")
    env.pop("PYDANTIC_DISABLE_PLUGINS", None)
    result = subprocess.run([sys.executable, "-c", PLUGINS_CHILD, str(path)],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "plugins | None" in result.stdout.splitlines(), result.stdout


# `accountmap open W --quit-after-show`, printing at each mark whether PySide6 made the
# Python type of QStyle (PySide6 makes a class's type, and its enums, at its first use)
QSTYLE_CHILD = """
import sys
import PySide6.QtWidgets
from accountmap.app import application

def trace(event):
    print(event, "|", "QStyle" in vars(PySide6.QtWidgets), flush=True)

application._trace = trace
sys.exit(application.run_application(application.Path(sys.argv[1]), quit_after_show=True))
"""


def test_the_first_account_paints_without_typing_qstyle(tmp_path):
    """QStyle's type and its ~11 enum classes cost ~9 ms: the cards and frames ask
    isSelected() rather than `option.state`, and the account list uses QStyle only to mark
    a damaged account."""
    path = one_account_workspace(tmp_path / "w.accountmap")
    result = subprocess.run([sys.executable, "-c", QSTYLE_CHILD, str(path)], capture_output=True,
                            text=True, env=child_environment(tmp_path / "home"), timeout=120)
    assert result.returncode == 0, result.stderr
    marks = dict(line.split(" | ") for line in result.stdout.splitlines() if " | " in line)
    assert marks == {"window shown": "False", "workspace listed": "False",
                     "workspace shown": "False", "account painted": "False"}
