"""The CLI on good and bad inputs: clear one-line errors, exit codes, nothing changed."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys

import pytest

from accountmap.domain.models import Account, Roadmap, RoadmapEdge, RoadmapNode, Stakeholder
from accountmap.storage.workspace_file import WorkspaceFile


def run(*args, cwd=None):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "accountmap", *map(str, args)],
                          capture_output=True, text=True, env=env, cwd=cwd, timeout=120)


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


@pytest.fixture
def workspace(tmp_path):
    path = tmp_path / "w.accountmap"
    road = Roadmap(
        nodes=[RoadmapNode(id="s", kind="start", title="Старт"),
               RoadmapNode(id="c", title="Встреча с ЛПР"), RoadmapNode(id="w", kind="won", title="Победа"),
               RoadmapNode(id="lonely", title="Забытая точка")],
        edges=[RoadmapEdge(from_id="s", to_id="c"), RoadmapEdge(from_id="c", to_id="w"),
               RoadmapEdge(from_id="lonely", to_id="w")])
    with WorkspaceFile.open(path, create=True) as wf:
        wf.add_accounts([Account(name="Клиент", stakeholders=[Stakeholder(full_name="Иванов")],
                                 roadmap=road),
                         Account(name="Clean", roadmap=Roadmap(nodes=[RoadmapNode(id="s", kind="start"), RoadmapNode(id="w", kind="won")], edges=[RoadmapEdge(from_id="s", to_id="w")]))])
    return path


def test_check_names_the_unreachable_checkpoint_and_exits_1(workspace):
    result = run("check", workspace, "--lang", "ru")
    assert result.returncode == 1
    assert "Забытая точка" in result.stdout and "Клиент" in result.stdout


def test_export_import_export_via_cli_is_byte_identical(workspace, tmp_path):
    first, second = tmp_path / "1.json", tmp_path / "2.json"
    assert run("export", workspace, "-o", first).returncode == 0
    assert run("import", tmp_path / "new.accountmap", first).returncode == 0
    assert run("export", tmp_path / "new.accountmap", "-o", second).returncode == 0
    assert first.read_bytes() == second.read_bytes()
    one = tmp_path / "one.json"
    assert run("export", workspace, "-o", one, "--account", "Clean").returncode == 0
    assert [a["name"] for a in json.loads(one.read_text())["accounts"]] == ["Clean"]


def test_schema_is_json_with_the_stable_keys():
    result = run("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    defs = schema["$defs"]
    assert {"id", "full_name"} <= set(defs["Stakeholder"]["properties"])
    assert {"id", "kind", "title", "status"} <= set(defs["RoadmapNode"]["properties"])
    assert {"from_id", "to_id", "outcome"} <= set(defs["RoadmapEdge"]["properties"])


def _bad_files(tmp_path, good):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "zero.accountmap").write_bytes(b"")
    (folder / "text.accountmap").write_text("hello, I am text\n")
    data = good.read_bytes()
    (folder / "cut.accountmap").write_bytes(data[: len(data) // 2])
    newer = folder / "newer.accountmap"
    newer.write_bytes(data)
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 42")
    conn.close()
    (folder / "dir.accountmap").mkdir()
    return {
        "missing": folder / "missing.accountmap",
        "directory": folder / "dir.accountmap",
        "zero": folder / "zero.accountmap",
        "text": folder / "text.accountmap",
        "truncated": folder / "cut.accountmap",
        "newer": newer,
    }


@pytest.fixture
def big_workspace(tmp_path):
    path = tmp_path / "big.accountmap"
    with WorkspaceFile.open(path, create=True) as wf:
        wf.add_accounts([Account(name=f"A{i}", notes="x" * 20_000) for i in range(30)])
        wf.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        wf.conn.execute("PRAGMA journal_mode = DELETE")
    return path


@pytest.mark.parametrize("command", ["check", "export", "open", "import"])
def test_every_command_refuses_bad_files_clearly(tmp_path, big_workspace, command):
    for name, path in _bad_files(tmp_path, big_workspace).items():
        before = digest(path)
        if command == "check":
            result = run("check", path)
        elif command == "export":
            result = run("export", path, "-o", tmp_path / "out.json")
        elif command == "open":
            result = run("open", path, "--quit-after-show")
        else:
            if name == "missing":
                continue  # import creates a missing workspace
            result = run("import", path, tmp_path / "nothing.json")
        assert result.returncode == 2, (command, name, result.stderr)
        assert "Traceback" not in result.stderr, (command, name, result.stderr)
        assert result.stderr.startswith("accountmap: "), (command, name, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1, (command, name, result.stderr)
        assert digest(path) == before, (command, name)


def test_read_only_workspace_can_be_checked_and_exported(workspace, tmp_path):
    os.chmod(workspace, 0o444)
    assert run("check", workspace).returncode in (0, 1)
    assert run("export", workspace, "-o", tmp_path / "x.json").returncode == 0


@pytest.mark.parametrize("payload", [
    '{"format": "accountmap", "accounts": [{"name": 5}]}',
    '{"format": "accountmap", "accounts": [], "surprise": true}',
    "[" * 50_000 + "]" * 50_000,
    '{"format": "accountmap", "accounts": [{"name": "' + "я" * 3_000_000 + '"}]}',
    "not json at all",
])
def test_import_of_bad_json_changes_nothing(workspace, tmp_path, payload):
    bad = tmp_path / "bad.json"
    bad.write_text(payload, encoding="utf-8")
    before = digest(workspace)
    result = run("import", workspace, bad)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith("accountmap: ")
    assert digest(workspace) == before
    assert not (tmp_path / "fresh.accountmap").exists()
    result = run("import", tmp_path / "fresh.accountmap", bad)
    assert result.returncode == 2 and not (tmp_path / "fresh.accountmap").exists()


def test_open_quit_after_show_exits_0(workspace):
    result = run("open", workspace, "--quit-after-show")
    assert result.returncode == 0, result.stderr


def test_demo_then_check_is_clean_and_sound(tmp_path):
    path = tmp_path / "d.accountmap"
    assert run("demo", path).returncode == 0
    result = run("check", path)
    assert result.returncode == 0, result.stdout
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    again = run("demo", path)
    assert again.returncode == 2 and "--force" in again.stderr


def test_first_start_opens_the_demo_workspace(tmp_path):
    env_home = tmp_path / "home"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(env_home),
           "XDG_DATA_HOME": str(env_home / "share"), "XDG_CONFIG_HOME": str(env_home / "config")}
    result = subprocess.run([sys.executable, "-m", "accountmap", "--quit-after-show"],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    demo = list(env_home.rglob("demo.accountmap"))
    assert len(demo) == 1
    with WorkspaceFile.open(demo[0], read_only=True) as wf:
        assert len(wf.account_ids()) == 2
