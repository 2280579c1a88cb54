"""What the issues promise of the demo workspace, checked through the CLI as a user runs it:
the meeting brief, the account plan, and the map and roadmap drawings."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys

import pytest

from accountmap.briefing.meeting_brief import next_meeting
from accountmap.domain.account_rules import open_questions_for
from accountmap.domain.vocabulary import NodeKind
from accountmap.storage.workspace_file import WorkspaceFile

ACCOUNT = "АО «Уральский завод трубных систем»"
STORY_NOW = dt.date(2026, 11, 23)  # the day the shipped demo's story is written for


def run(*args):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-m", "accountmap", *map(str, args)],
                            capture_output=True, text=True, env=env, timeout=180)
    assert result.returncode == 0, result.stderr
    return result


def squashed(text: str) -> str:
    return re.sub(r"\s+", "", text).replace("\u00ad", "")


def words_in(text: str, squashed_text: str) -> bool:
    """Every word of `text` is in the PDF (table cells wrap beside their neighbours, so
    pdftotext interleaves the lines of a row's cells; words stay whole)."""
    def found(word: str) -> bool:
        if word in squashed_text:
            return True
        # a word too long for a narrow column is broken over two lines
        return any(word[:i] in squashed_text and word[i:] in squashed_text
                   for i in range(3, len(word) - 2))

    return all(found(squashed(word)) for word in text.split())


def pdf_text(path) -> str:
    check = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "\u25a0" not in text  # ■: a letter the font lacks
    return squashed(text)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.accountmap"
    run("demo", path)
    with WorkspaceFile.open(path, read_only=True) as wf:
        account = wf.load_account(wf.find_account(ACCOUNT))
    return path, account


def test_brief_of_the_next_meeting_has_attendees_questions_and_exit_criteria(demo, tmp_path):
    path, account = demo
    out = tmp_path / "brief.pdf"
    run("brief", path, "--account", ACCOUNT, "--next", "--lang", "ru",
        "--today", STORY_NOW.isoformat(), "-o", out)
    text = pdf_text(out)
    meeting = next_meeting(account, STORY_NOW)
    assert meeting is not None and len(meeting.attendee_ids) >= 4
    for person_id in meeting.attendee_ids:
        person = account.stakeholder(person_id)
        assert squashed(person.full_name) in text
        for question in open_questions_for(account, person_id):
            assert squashed(question.question) in text
    checkpoint = account.node(meeting.checkpoint_id)
    assert checkpoint.exit_criteria
    for criterion in checkpoint.exit_criteria:
        assert squashed(criterion.text) in text
    assert "Памяткаквстрече" in text


def test_account_plan_has_touchpoints_and_journey_grids(demo, tmp_path):
    path, account = demo
    out = tmp_path / "plan.pdf"
    run("plan", path, "--account", ACCOUNT, "-o", out)
    text = pdf_text(out)
    assert len(account.touchpoints) >= 10 and len(account.journey_grids) >= 2
    for touchpoint in account.touchpoints:
        assert words_in(touchpoint.summary, text), touchpoint.summary
    for grid in account.journey_grids:
        assert squashed(account.stakeholder(grid.stakeholder_id).full_name) in text
        for cells in grid.cells.values():
            for cell in cells.values():
                assert words_in(cell, text), cell
    # the notes on the relationships, which the map drawing has no room for
    labelled = [r for r in account.relationships if r.label]
    assert len(labelled) >= 10
    assert "Связи(" in text
    for relationship in labelled:
        assert words_in(relationship.label, text), relationship.label


def test_map_svg_has_every_name_as_text_and_png_renders(demo, tmp_path):
    path, account = demo
    run("render", path, "--account", ACCOUNT, "--view", "map", "-o", tmp_path / "map.svg")
    run("render", path, "--account", ACCOUNT, "--view", "map", "-o", tmp_path / "map.png")
    svg = (tmp_path / "map.svg").read_text(encoding="utf-8")
    for person in account.stakeholders:
        for word in person.full_name.split():
            assert f">{word}" in svg or f" {word}" in svg, word
    assert (tmp_path / "map.png").stat().st_size > 10_000


def test_roadmap_svg_has_every_checkpoint_title_as_text(demo, tmp_path):
    path, account = demo
    checkpoints = [n for n in account.roadmap.nodes if n.kind == NodeKind.CHECKPOINT]
    crossroads = [n for n in account.roadmap.nodes if n.kind == NodeKind.DECISION]
    assert len(checkpoints) >= 35 and len(crossroads) >= 3
    run("render", path, "--account", ACCOUNT, "--view", "roadmap", "-o", tmp_path / "road.svg")
    svg = squashed(re.sub(r"<[^>]+>", " ", (tmp_path / "road.svg").read_text(encoding="utf-8")))
    import html

    svg = html.unescape(svg)
    for node in checkpoints:
        assert squashed(node.title) in svg, node.title
