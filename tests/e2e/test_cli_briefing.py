"""`accountmap brief` / `accountmap plan` on a workspace file built from domain models."""

from __future__ import annotations

import datetime as dt
import importlib.util
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.unit.briefing_data import make_account  # noqa: E402

from accountmap import cli  # noqa: E402
from accountmap.domain import clock  # noqa: E402
from accountmap.storage.workspace_file import WorkspaceFile  # noqa: E402


@pytest.fixture(autouse=True)
def _only_present_commands(monkeypatch):
    # Other command modules are written on other branches; keep the ones that exist.
    monkeypatch.setattr(cli, "COMMAND_MODULES", [
        m for m in cli.COMMAND_MODULES if importlib.util.find_spec(m) is not None])
    if shutil.which("pdftotext") is None or shutil.which("qpdf") is None:
        pytest.skip("poppler-utils / qpdf missing")


@pytest.fixture
def workspace(tmp_path) -> Path:
    account = make_account()
    account.meetings[0].date = clock.today() + dt.timedelta(days=2)
    path = tmp_path / "work.accountmap"
    wf = WorkspaceFile.open(path, create=True)
    try:
        wf.add_accounts([account])
    finally:
        wf.close()
    return path


def pdf_text(path: Path) -> str:
    assert subprocess.run(["qpdf", "--check", str(path)], capture_output=True).returncode == 0
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                         text=True, check=True).stdout
    return " ".join(out.split())


def test_brief_for_the_next_meeting(workspace, tmp_path, capsys):
    out = tmp_path / "brief.pdf"
    code = cli.main(["brief", str(workspace), "--account", "ПАО «Северсталь-Тест»",
                     "--next", "-o", str(out)])
    assert code == 0
    text = pdf_text(out)
    assert "Памятка к встрече" in text  # the workspace's language (ru) by default
    assert "Ирина Соколова" in text and "Согласован объём аудита" in text
    assert "Памятка записана" in capsys.readouterr().out
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".brief")] == []


def test_brief_by_meeting_id_in_english_on_letter(workspace, tmp_path):
    out = tmp_path / "brief.pdf"
    code = cli.main(["brief", str(workspace), "--account", "пао «северсталь-тест»",
                     "--meeting", "m0", "--lang", "en", "--paper", "letter", "-o", str(out)])
    assert code == 0
    assert "Meeting brief" in pdf_text(out)
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert "612 x 792" in info


def test_plan(workspace, tmp_path):
    out = tmp_path / "plan.pdf"
    code = cli.main(["plan", str(workspace), "--account", "ПАО «Северсталь-Тест»",
                     "--lang", "en", "-o", str(out)])
    assert code == 0
    text = pdf_text(out)
    assert "Account plan" in text and "Roadmap" in text and "Дмитрий Орлов" in text


@pytest.mark.parametrize("argv, message", [
    (["brief", "{ws}", "--account", "Nobody", "-o", "{out}"], "Nobody"),
    (["plan", "{ws}", "--account", "Nobody", "-o", "{out}"], "Nobody"),
    (["brief", "{ws}", "--account", "ПАО «Северсталь-Тест»", "--meeting", "zz", "-o", "{out}"],
     "zz"),
    (["brief", "{ws}", "--account", "ПАО «Северсталь-Тест»", "-o", "{missing}/b.pdf"],
     "b.pdf"),
])
def test_failures_are_one_clear_sentence(workspace, tmp_path, capsys, argv, message):
    argv = [a.format(ws=workspace, out=tmp_path / "x.pdf", missing=tmp_path / "no_such_dir")
            for a in argv]
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not (tmp_path / "x.pdf").exists()


def test_no_upcoming_meeting(tmp_path, capsys):
    account = make_account()
    account.meetings[0].date = clock.today() - dt.timedelta(days=1)
    path = tmp_path / "past.accountmap"
    wf = WorkspaceFile.open(path, create=True)
    wf.add_accounts([account])
    wf.close()
    out = tmp_path / "b.pdf"
    assert cli.main(["brief", str(path), "--account", account.name, "--next", "--lang", "en",
                     "-o", str(out)]) == 2
    assert "has no meeting dated" in capsys.readouterr().err
    assert not out.exists()
