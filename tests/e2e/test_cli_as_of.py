"""`--today YYYY-MM-DD` on brief, plan, portfolio, check and demo: print tomorrow's brief
today, review as of the quarter's end. A bad day is one sentence and exit 2."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import subprocess

import pytest

from accountmap import cli
from accountmap.domain.models import Account, Meeting, Roadmap, RoadmapEdge, RoadmapNode
from accountmap.storage.workspace_file import WorkspaceFile

NAME = "АО «Уральский завод трубных систем»"


@pytest.fixture
def workspace(tmp_path):
    road = Roadmap(
        nodes=[RoadmapNode(id="s", kind="start", title="Старт", status="done"),
               RoadmapNode(id="cp", title="Допуск СБ к пилотному стенду", status="active",
                           activated_on=dt.date(2027, 12, 31), due=dt.date(2028, 2, 29)),
               RoadmapNode(id="w", kind="won", title="Договор")],
        edges=[RoadmapEdge(from_id="s", to_id="cp"), RoadmapEdge(from_id="cp", to_id="w")])
    account = Account(name=NAME, roadmap=road, meetings=[
        Meeting(id="m1", date=dt.date(2028, 2, 29), goal="Встреча в последний день февраля",
                checkpoint_id="cp"),
        Meeting(id="m2", date=dt.date(2028, 3, 1), goal="Встреча в первый день марта",
                checkpoint_id="cp")])
    path = tmp_path / "w.accountmap"
    with WorkspaceFile.open(path, create=True) as wf:
        wf.add_accounts([account])
    return path


def pdf_text(path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils missing")
    return " ".join(subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"],
                                   capture_output=True, text=True, check=True).stdout.split())


@pytest.mark.parametrize("day, goal", [
    ("2028-02-28", "последний день февраля"),  # the day before a leap day
    ("2028-02-29", "последний день февраля"),  # a meeting today is still next
    ("2028-03-01", "первый день марта"),
])
def test_brief_of_the_next_meeting_as_of_a_day(workspace, tmp_path, day, goal):
    out = tmp_path / "b.pdf"
    assert cli.main(["brief", str(workspace), "--account", NAME, "--next", "--today", day,
                     "-o", str(out)]) == 0
    assert goal in pdf_text(out)


def test_no_next_meeting_after_the_last_one_names_the_day(workspace, tmp_path, capsys):
    assert cli.main(["brief", str(workspace), "--account", NAME, "--lang", "ru",
                     "--today", "2028-03-02", "-o", str(tmp_path / "b.pdf")]) == 2
    assert "02.03.2028" in capsys.readouterr().err


def test_plan_as_of_a_day_knows_what_is_overdue(workspace, tmp_path):
    before, after = tmp_path / "before.pdf", tmp_path / "after.pdf"
    assert cli.main(["plan", str(workspace), "--account", NAME, "--lang", "en",
                     "--today", "2028-02-29", "-o", str(before)]) == 0
    assert cli.main(["plan", str(workspace), "--account", NAME, "--lang", "en",
                     "--today", "2028-03-01", "-o", str(after)]) == 0
    assert "Overdue checkpoint" not in pdf_text(before)
    assert "Overdue checkpoint: Допуск СБ к пилотному стенду" in pdf_text(after)


@pytest.mark.parametrize("day, days_in, overdue", [
    ("2027-12-31", "0", "0"), ("2028-02-29", "60", "0"), ("2028-03-01", "61", "1"),
    ("2028-12-31", "366", "1"),
])
def test_portfolio_as_of_a_day(workspace, tmp_path, day, days_in, overdue):
    from accountmap.briefing.review_messages import flag_name
    from accountmap.domain.deal_health import FlagKind

    out = tmp_path / "p.csv"
    assert cli.main(["portfolio", str(workspace), "-o", str(out), "--lang", "en",
                     "--today", day]) == 0
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    # the portfolio's overdue checkpoints are a flag of the deal (docs/REVIEW.md)
    flagged = flag_name(FlagKind.OVERDUE_CHECKPOINT, "en") in rows[0]["Flags"]
    assert (rows[0]["Days in it"], "1" if flagged else "0") == (days_in, overdue)


def test_check_warns_of_what_is_overdue_as_of_the_day(workspace, capsys):
    assert cli.main(["check", str(workspace), "--lang", "en", "--today", "2028-02-29"]) == 0
    assert "overdue" not in capsys.readouterr().out
    assert cli.main(["check", str(workspace), "--lang", "en", "--today", "2028-03-01"]) == 0
    out = capsys.readouterr().out
    # dates as the language writes them (domain/dates.py, the same in the UI and the print)
    assert "warning:" in out and "overdue as of 1 Mar 2028" in out
    assert "Допуск СБ к пилотному стенду" in out and "29 Feb 2028" in out


@pytest.mark.parametrize("command", [
    ["brief", "{ws}", "--account", NAME, "-o", "{out}"],
    ["plan", "{ws}", "--account", NAME, "-o", "{out}"],
    ["portfolio", "{ws}"],
    ["check", "{ws}"],
    ["demo", "{out}"],
])
@pytest.mark.parametrize("bad", ["2027-02-29", "2028-13-01", "31.12.2028", "tomorrow", ""])
def test_a_bad_day_is_one_sentence_and_exit_2(workspace, tmp_path, capsys, command, bad):
    argv = [a.format(ws=workspace, out=tmp_path / "x.out") for a in command]
    assert cli.main([*argv, "--lang", "en", "--today", bad] if command[0] != "demo"
                    else [*argv, "--today", bad]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "Traceback" not in err
    assert f"not “{bad}”" in err and "YYYY-MM-DD" in err
    assert not (tmp_path / "x.out").exists()


def test_a_bad_day_in_the_environment_is_one_sentence_and_exit_2(workspace, capsys, monkeypatch):
    from accountmap.domain import clock

    clock.pin(None)
    monkeypatch.setenv("ACCOUNTMAP_TODAY", "2026-02-30")
    assert cli.main(["check", str(workspace)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "ACCOUNTMAP_TODAY" in err and "2026-02-30" in err
