"""Meeting brief and account plan: they build for normal and hostile input, carry every
name/question/criterion as typed (checked with pdftotext) and pass `qpdf --check`."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.unit.briefing_data import LONG_WORD, MARKUP, TODAY, make_account  # noqa: E402

from accountmap.briefing.account_plan import build_account_plan  # noqa: E402
from accountmap.briefing.drawings import map_drawing, roadmap_drawing, tiles, wrap_text  # noqa: E402
from accountmap.briefing.fonts import REGULAR  # noqa: E402
from accountmap.briefing.meeting_brief import build_meeting_brief, next_meeting  # noqa: E402
from accountmap.briefing.styles import esc  # noqa: E402
from accountmap.domain.journey import FIVE_STAGES, TWELVE_STATIONS  # noqa: E402
from accountmap.domain.models import (  # noqa: E402
    Account,
    Meeting,
    OpenQuestion,
    Roadmap,
    RoadmapNode,
)
from accountmap.domain.vocabulary import NodeKind, RelationshipKind  # noqa: E402

PHRASE = "ДлиннаязаметкапроR&Dи100%загрузку."
TOOLS = ("pdftotext", "qpdf", "pdfinfo", "pdffonts")


@pytest.fixture(scope="module", autouse=True)
def _tools():
    missing = [t for t in TOOLS if shutil.which(t) is None]
    if missing:
        pytest.skip(f"missing PDF tools: {', '.join(missing)} (apt-get install poppler-utils qpdf)")


def _run(args: list[str], data: bytes, tmp_path: Path) -> str:
    pdf = tmp_path / f"doc{len(list(tmp_path.iterdir()))}.pdf"
    pdf.write_bytes(data)
    return subprocess.run([*args, str(pdf), *([] if args[0] != "pdftotext" else ["-"])],
                          capture_output=True, text=True, check=True).stdout


def checked_text(data: bytes, tmp_path: Path) -> str:
    """pdftotext of a PDF that qpdf finds sound; whitespace normalised."""
    assert data.startswith(b"%PDF-")
    pdf = tmp_path / f"doc{len(list(tmp_path.iterdir()))}.pdf"
    pdf.write_bytes(data)
    check = subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "\u25a0" not in text  # ■: a glyph the font lacks
    return " ".join(text.split())


def squashed(text: str) -> str:
    """Without white space (and the invisible break opportunities in run-on strings)."""
    return re.sub(r"[\s\u200b]+", "", text)


def unhyphenated(text: str) -> str:
    """The text as read: a word hyphenated at a line end joined again."""
    return squashed(re.sub(r"(?<=\w)-\s+(?=\w)", "", text))


def pages(data: bytes, tmp_path: Path) -> tuple[int, str]:
    info = _run(["pdfinfo"], data, tmp_path)
    count = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    size = re.search(r"^Page size:\s+(.*)$", info, re.M).group(1)
    return count, size


# --------------------------------------------------------------------------- brief
def test_brief_has_every_attendee_question_and_exit_criterion(tmp_path):
    account = make_account()
    meeting = account.meetings[0]
    text = checked_text(build_meeting_brief(account, meeting, TWELVE_STATIONS, today=TODAY),
                        tmp_path)
    assert "Памятка к встрече" in text
    assert account.name in text
    assert "48 500 000 RUB" in text
    assert "Сравнение" in text  # the journey stage, from the framework
    assert "Тёплый" in text
    assert meeting.goal in text
    node = account.node(meeting.checkpoint_id)
    assert node.title in text
    for criterion in node.exit_criteria:
        assert criterion.text in text
    for person_id in meeting.attendee_ids:
        person = account.stakeholder(person_id)
        assert person.full_name in text
        assert person.title in text
        for q in account.open_questions:
            if q.stakeholder_id == person_id:
                assert q.question in text
    assert "Противник на встрече" in text  # an opponent in the room is a risk


def test_brief_in_english_on_letter_paper(tmp_path):
    account = make_account()
    data = build_meeting_brief(account, account.meetings[0], TWELVE_STATIONS, lang="en",
                               paper="letter", today=TODAY)
    text = checked_text(data, tmp_path)
    assert "Meeting brief" in text and "Exit criteria" in text and "Ask this person" in text
    assert "Ирина Соколова" in text  # people's names stay as typed
    count, size = pages(data, tmp_path)
    assert "612 x 792" in size
    count_a4, size_a4 = pages(build_meeting_brief(account, account.meetings[0],
                                                  TWELVE_STATIONS, lang="en", today=TODAY),
                              tmp_path)
    assert "595.276 x 841.89" in size_a4


def test_brief_for_six_people_fits_two_a4_pages(tmp_path):
    account = make_account()
    data = build_meeting_brief(account, account.meetings[0], TWELVE_STATIONS, today=TODAY)
    assert pages(data, tmp_path)[0] <= 2


def test_forty_attendees_flow_across_pages(tmp_path):
    account = make_account(people=40, checkpoints=10)
    data = build_meeting_brief(account, account.meetings[0], TWELVE_STATIONS, today=TODAY)
    text = checked_text(data, tmp_path)
    assert pages(data, tmp_path)[0] > 3
    for person in account.stakeholders:
        assert person.full_name in text
    assert "Кто будет на встрече (40)" in text


def test_hostile_text_prints_as_typed(tmp_path):
    account = make_account(hostile=True)
    meeting = account.meetings[0]
    data = build_meeting_brief(account, meeting, TWELVE_STATIONS, today=TODAY)
    text = checked_text(data, tmp_path)
    flat = squashed(text)
    assert MARKUP in text  # account name, names, questions, criteria...
    assert text.count(MARKUP) >= len(account.stakeholders)
    assert squashed(LONG_WORD) in unhyphenated(text)  # the 300-character word, wrapped, whole
    # 5,000-character notes and goal flow on to the next page, nothing lost
    assert flat.count(PHRASE) >= squashed(meeting.notes + meeting.goal).count(PHRASE) > 200
    for person in account.stakeholders:
        assert person.full_name in text
    assert "дата не назначена" in text  # a meeting without a date


def test_hostile_text_stays_inside_the_page(tmp_path):
    account = make_account(hostile=True)
    data = build_meeting_brief(account, account.meetings[0], TWELVE_STATIONS, today=TODAY)
    html = _run(["pdftotext", "-bbox"], data, tmp_path)
    width = float(re.search(r'<page width="([\d.]+)"', html).group(1))
    right_edges = [float(x) for x in re.findall(r'xMax="([\d.]+)"', html)]
    assert right_edges and max(right_edges) <= width - 30  # margins are 42.5 pt


def page_texts(data: bytes, tmp_path: Path) -> list[list[str]]:
    """The non-blank lines of each page, the footer (two lines) left out."""
    count = pages(data, tmp_path)[0]
    out = []
    for number in range(1, count + 1):
        text = _run(["pdftotext", "-f", str(number), "-l", str(number)], data, tmp_path)
        out.append([line for line in text.splitlines() if line.strip()][:-2])
    return out


def test_no_heading_is_left_alone_at_the_foot_of_a_page(tmp_path):
    """With 5,000-character blocks that cannot stay on one page, a heading still goes
    with what it heads."""
    account = make_account(people=8, hostile=True)
    data = build_meeting_brief(account, account.meetings[0], TWELVE_STATIONS, today=TODAY)
    headings = {"Кто будет на встрече (8)", "Что узнать у этого человека:", "Карта клиента",
                "Риски", "Заметки", "Критерии прохождения"}
    texts = page_texts(data, tmp_path)
    assert len(texts) > 5
    assert any("Кто будет на встрече (8)" in lines for lines in texts)
    for number, lines in enumerate(texts[:-1], start=1):
        assert lines and lines[-1].strip() not in headings, (number, lines[-3:])


def test_empty_account_and_meeting_still_build(tmp_path):
    account = Account(name="")
    meeting = Meeting()
    text = checked_text(build_meeting_brief(account, meeting, None, today=TODAY), tmp_path)
    assert "Участники не указаны" in text
    assert "На карте пока никого нет" in text
    text = checked_text(build_account_plan(account, None, lang="en", today=TODAY), tmp_path)
    assert "The account has no roadmap yet" in text
    assert "No open questions" in text


def test_attendee_missing_from_the_map_and_unknown_checkpoint(tmp_path):
    account = make_account(people=3)
    meeting = Meeting(attendee_ids=["p0", "gone"], checkpoint_id="nowhere", goal="Итоги")
    text = checked_text(build_meeting_brief(account, meeting, FIVE_STAGES, lang="en",
                                            today=TODAY), tmp_path)
    assert "An attendee who is no longer on the map" in text
    assert "not tied to a checkpoint" in text


def test_fonts_are_embedded(tmp_path):
    account = make_account(people=2)
    fonts = _run(["pdffonts"], build_meeting_brief(account, account.meetings[0],
                                                    TWELVE_STATIONS, today=TODAY), tmp_path)
    rows = [line.split() for line in fonts.splitlines()[2:] if line.strip()]
    assert rows
    assert all("DejaVuSans" in row[0] for row in rows)
    # columns: name type encoding emb sub uni object ID
    assert all(row[-5] == "yes" for row in rows), fonts


def test_bad_language_or_paper_is_refused():
    account = make_account(people=1)
    with pytest.raises(ValueError):
        build_meeting_brief(account, account.meetings[0], None, lang="de", today=TODAY)
    with pytest.raises(ValueError):
        build_account_plan(account, None, paper="a3", today=TODAY)


# --------------------------------------------------------------------------- plan
def test_plan_has_people_questions_roadmap_touchpoints_and_grids(tmp_path):
    account = make_account()
    data = build_account_plan(account, TWELVE_STATIONS, today=TODAY)
    text = checked_text(data, tmp_path)
    assert "План работы с клиентом" in text
    for person in account.stakeholders:
        assert person.full_name in text
    for q in account.open_questions:
        assert q.question in text
    assert "Не адресованы никому" in text
    assert "Путь по дорожной карте" in text and "Где мы сейчас и дорога впереди" in text
    assert "Схема дорожной карты" in text
    assert "Контрольная точка 5: аудит и пилот" in text
    assert "Точки контакта" in text and "Обсудили требования к отчётности" in text
    assert "Карты пути по ЛПР" in text and "Окупаемость за 18 месяцев" in text
    assert "Диагностическая сессия" in text
    assert "Риски" in text
    assert pages(data, tmp_path)[0] >= 3


def test_plan_for_forty_people_and_fifty_checkpoints(tmp_path):
    account = make_account(people=40, checkpoints=50)
    calls: list[tuple[int, int]] = []
    data = build_account_plan(account, TWELVE_STATIONS, lang="en", paper="letter",
                              today=TODAY, progress=lambda d, t: calls.append((d, t)))
    text = checked_text(data, tmp_path)
    for person in account.stakeholders:
        assert person.full_name in text
    assert "Checkpoint 49: аудит и пилот" not in text  # titles are user text, not labels
    assert "Контрольная точка 49: аудит и пилот" in text
    count, size = pages(data, tmp_path)
    assert "612 x 792" in size and count > 5
    done = [d for d, _ in calls]
    assert done == sorted(done) and calls[0][0] == 0 and calls[-1][0] == calls[-1][1]


def test_hostile_plan_prints_as_typed(tmp_path):
    account = make_account(hostile=True)
    text = checked_text(build_account_plan(account, TWELVE_STATIONS, today=TODAY), tmp_path)
    assert MARKUP in text
    flat = squashed(text)
    assert squashed(LONG_WORD) in unhyphenated(text)
    # Long cells split across pages (with the footer and the repeated table header in
    # between): every repetition of the phrase must still be there.
    long_texts = [t.summary for t in account.touchpoints] + [
        g.cells["interest"]["actions_wanted"] for g in account.journey_grids]
    expected = sum(squashed(t).count(PHRASE) for t in long_texts)
    assert expected > 900
    # A page break (footer, repeated header) interrupts at most one phrase per page;
    # test_tall_cell_splits_across_pages_without_loss checks the split itself exactly.
    count = pages(build_account_plan(account, TWELVE_STATIONS, today=TODAY), tmp_path)[0]
    assert flat.count(PHRASE) >= expected - count


def test_plan_lists_relationships_with_their_notes_as_typed(tmp_path):
    account = make_account(people=4)
    note = "Тайный союз R&D <b>закупок</b> a<br>b и 100% ИТ-бюджета"
    account.relationships[0].label = note
    account.relationships[0].kind = RelationshipKind.INFLUENCES
    account.relationships[0].strength = 3
    text = checked_text(build_account_plan(account, TWELVE_STATIONS, lang="ru", today=TODAY), tmp_path)
    assert f"Связи ({len(account.relationships)})" in text
    assert squashed(note) in squashed(text)
    assert "Влияет (сила 3)" in text
    english = checked_text(build_account_plan(account, TWELVE_STATIONS, lang="en", today=TODAY),
                           tmp_path)
    assert f"Relationships ({len(account.relationships)})" in english
    assert "Influences (strength 3)" in english and squashed(note) in squashed(english)


def test_plan_without_roadmap_people_or_dates(tmp_path):
    account = make_account(people=0, checkpoints=0)
    account.roadmap = Roadmap()
    for m in account.meetings:
        m.date = None
    text = checked_text(build_account_plan(account, TWELVE_STATIONS, today=TODAY), tmp_path)
    assert "У клиента пока нет дорожной карты" in text
    assert "На карте пока никого нет" in text


# --------------------------------------------------------------------------- helpers
def test_next_meeting_is_the_first_dated_today_or_later():
    account = make_account(people=2, meetings=3)
    account.meetings[0].date = TODAY - dt.timedelta(days=1)
    account.meetings[1].date = TODAY + dt.timedelta(days=9)
    account.meetings[2].date = TODAY
    account.meetings.append(Meeting(id="undated"))
    assert next_meeting(account, TODAY).id == "m2"
    assert next_meeting(account, TODAY + dt.timedelta(days=1)).id == "m1"
    assert next_meeting(account, TODAY + dt.timedelta(days=10)) is None


def test_escape_keeps_markup_as_text_and_line_breaks():
    assert esc("R&D <b>x</b>\nnext") == "R&amp;D &lt;b&gt;x&lt;/b&gt;<br/>next"
    assert esc("bell\x07") == "bell"


def test_wrap_text_breaks_long_words_and_marks_the_rest():
    lines = wrap_text("Ж" * 300, REGULAR, 8, 100, 3)
    assert len(lines) == 3
    assert lines[-1].endswith("…")


def test_drawings_fall_back_to_a_grid_when_positions_collide():
    account = make_account(people=8)
    for person in account.stakeholders:
        person.x = person.y = 0.0
    drawing = map_drawing(account, 500, 400)
    assert drawing is not None and drawing.width <= 500 + 1e-6
    boxes = drawing.item_boxes
    assert len({(round(x), round(y)) for x, y, _, _ in boxes}) == len(boxes)
    account.roadmap.nodes = [RoadmapNode(kind=NodeKind.START), RoadmapNode(),
                             RoadmapNode(kind=NodeKind.WON)]
    road = roadmap_drawing(account, 500, 300)
    assert road is not None
    assert len({(round(x), round(y)) for x, y, _, _ in road.item_boxes}) == 3


def test_tiles_cover_a_drawing_larger_than_the_page():
    account = make_account(people=4, checkpoints=50)
    road = roadmap_drawing(account, 500, 700, min_scale=0.33)
    assert road.width > 500
    parts = tiles(road, 500, 700, road.item_boxes)
    assert len(parts) > 1
    assert all(p.width <= 500 + 1e-6 and p.height <= 700 + 1e-6 for p in parts)
    first_row = [p for p in parts if p.dy == 0]
    assert abs(sum(p.width for p in first_row) - road.width) < 1e-6


def test_a_plan_can_be_stopped_while_its_pages_are_laid_out():
    """Cancel in the print progress dialog raises out of `progress`; laying out the pages
    (two thirds of a plan at the limits) reports as it goes, so the build stops there
    instead of running on for seconds."""
    from accountmap.briefing.account_plan import SECTIONS

    class Stop(Exception):
        pass

    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append(done)
        if done > len(SECTIONS):  # the layout has begun
            raise Stop

    with pytest.raises(Stop):
        build_account_plan(make_account(people=40, checkpoints=50), TWELVE_STATIONS,
                           lang="en", today=TODAY, progress=progress)
    assert seen[-1] > len(SECTIONS)


def test_each_tile_holds_the_shapes_that_reach_into_it_and_no_others():
    """A big map is not drawn whole in every tile (at the limits that was 16 times 6,000
    shapes); a shape that reaches into a tile - a line crossing it from right to left
    included - is in that tile, and every shape is in some tile."""
    from reportlab.graphics.shapes import Line

    account = make_account(people=4, checkpoints=50)
    road = roadmap_drawing(account, 500, 700, min_scale=0.33)
    w, h = road.width, road.height
    crossing = Line(w - 1, h - 1, 1, 1)  # right to left, top to bottom: the whole drawing
    road.add(crossing)
    parts = tiles(road, 500, 700, road.item_boxes)
    assert len(parts) > 1
    for part in parts:
        assert crossing in part.drawing.contents
        assert len(part.drawing.contents) < len(road.contents)
        wx0, wx1 = part.dx, part.dx + part.width
        wy0, wy1 = h - part.dy - part.height, h - part.dy  # drawing coordinates, y up
        for shape in road.contents:
            ax, ay, bx, by = shape.getBounds()
            inside = (min(ax, bx) < wx1 and max(ax, bx) > wx0
                      and min(ay, by) < wy1 and max(ay, by) > wy0)
            if inside:
                assert shape in part.drawing.contents
    kept = {id(shape) for part in parts for shape in part.drawing.contents}
    assert kept == {id(shape) for shape in road.contents}


def test_tall_cell_splits_across_pages_without_loss(tmp_path):
    from accountmap.briefing.common import Context

    account = make_account(hostile=True)
    note = account.touchpoints[0].summary
    ctx = Context(account, TWELVE_STATIONS, "en", "a4", TODAY)
    data = ctx.build([ctx.table(["H1", "H2"], [["x", note], ["y", note]])],
                     "plan.title")
    checked_text(data, tmp_path)
    pdf = tmp_path / "tall.pdf"
    pdf.write_bytes(data)
    raw = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    body = [line for page in raw.split("\f") for line in page.splitlines()
            if line.strip() not in ("H1", "H2", "H1 H2", "x", "y")
            and "Printed" not in line and "Account plan" not in line]
    assert pages(data, tmp_path)[0] >= 2
    assert squashed("".join(body)) == squashed(note + note)


def test_overdue_questions_are_marked_in_the_brief_and_the_plan(tmp_path):
    account = make_account(people=3)
    meeting = account.meetings[0]
    person = meeting.attendee_ids[0]
    late = OpenQuestion(question="Сколько стоит простой стана?", stakeholder_id=person,
                        due=TODAY - dt.timedelta(days=3))
    soon = OpenQuestion(question="Кто подпишет акт пилота?", stakeholder_id=person,
                        due=TODAY + dt.timedelta(days=3))
    account.open_questions[:] = [late, soon]
    for lang, word in (("ru", "просрочен"), ("en", "overdue")):
        brief = checked_text(build_meeting_brief(account, meeting, TWELVE_STATIONS, lang=lang,
                                                 today=TODAY), tmp_path)
        plan = checked_text(build_account_plan(account, TWELVE_STATIONS, lang=lang,
                                               today=TODAY), tmp_path)
        for text in (brief, plan):  # "Question? (Meeting, Due 7 Mar 2026, overdue…)"
            assert re.search(re.escape(late.question) + r" \([^)]*" + word, text), lang
            assert not re.search(re.escape(soon.question) + r" \([^)]*" + word, text), lang


def test_road_of_500_character_titles_and_outcomes_stays_inside_the_pages(tmp_path):
    """Titles and outcomes at their longest: the diagram's sheets shrink to the page
    rather than fail to lay out (reportlab's LayoutError before), and the road as text
    still prints every title whole."""
    account = make_account(people=6, checkpoints=12)
    for i, node in enumerate(account.roadmap.nodes):
        node.title = (f"Точка {i} " + "очень длинное название контрольной точки " * 20)[:500]
    for edge in account.roadmap.edges:
        edge.outcome = ("исход развилки " * 40)[:500]
    data = build_account_plan(account, TWELVE_STATIONS, lang="ru", today=TODAY)
    text = checked_text(data, tmp_path)
    for node in account.roadmap.nodes:
        assert squashed(node.title) in squashed(text)
    boxes = _run(["pdftotext", "-bbox"], data, tmp_path)
    pages = re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', boxes, re.S)
    for width, height, body in pages:
        for x_max, y_max in re.findall(r'xMax="([\d.]+)" yMax="([\d.]+)"', body):
            assert float(x_max) <= float(width) and float(y_max) <= float(height)
