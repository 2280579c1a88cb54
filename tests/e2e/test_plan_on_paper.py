"""Issue 17, "Done when": the demo's account plan on paper, in Russian and English.

Every branch label and every checkpoint title appears whole; no word of the tables' source
text is broken without a hyphen; every person's interests and every centre's interest are
printed; each touchpoint is printed once."""

from __future__ import annotations

import datetime as dt
import re
import subprocess

import pytest

from accountmap.briefing.account_plan import build_account_plan
from accountmap.domain.dates import format_date
from accountmap.domain.models import Touchpoint
from accountmap.storage.workspace_file import WorkspaceFile
from tests.e2e.test_demo_deliverables import ACCOUNT, run

TODAY = dt.date(2026, 12, 4)
PUNCTUATION = "«»“”\"'()[],.;:!?…—"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.accountmap"
    run("demo", path)
    with WorkspaceFile.open(path, read_only=True) as wf:
        account = wf.load_account(wf.find_account(ACCOUNT))
        framework = wf.settings().journey_framework
    return account, framework


def plan_text(account, framework, lang, tmp_path) -> str:
    pdf = tmp_path / f"plan-{lang}.pdf"
    pdf.write_bytes(build_account_plan(account, framework, lang=lang, today=TODAY))
    text = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "\u25a0" not in text  # a letter the font lacks
    return text


def squashed(text: str) -> str:
    return re.sub(r"[\s\u200b\u00a0]+", "", text)


def tokens(text: str) -> set[str]:
    return {w.strip(PUNCTUATION) for w in text.split()}


def whole(phrase: str, text: str, words: set[str]) -> bool:
    """The phrase is in the text, each of its words unbroken (lines wrap only at spaces)."""
    return squashed(phrase) in squashed(text) and all(
        w.strip(PUNCTUATION) in words for w in phrase.split() if w.strip(PUNCTUATION))


def unbroken_or_hyphenated(word: str, words: set[str]) -> bool:
    """A word is printed whole, or broken at a line end with a hyphen ("Безопас-", "ность");
    never split without one ("Безопасност", "ь")."""
    if word in words:
        return True
    if "-" in word and word.replace("-", "") in words:
        return True  # broken after its own hyphen; pdftotext joins such lines without it
    return any((word[:i] if word[i - 1] == "-" else f"{word[:i]}-") in words
               and word[i:] in words for i in range(2, len(word) - 1))


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_every_branch_label_and_checkpoint_title_whole(demo, lang, tmp_path):
    account, framework = demo
    text = plan_text(account, framework, lang, tmp_path)
    words = tokens(text)
    titles = [n.title for n in account.roadmap.nodes if n.title.strip()]
    outcomes = [e.outcome for e in account.roadmap.edges if e.outcome.strip()]
    assert len(titles) >= 40 and len(outcomes) >= 10
    for phrase in titles + outcomes:
        assert whole(phrase, text, words), phrase
    # dates are never broken: "18 Nov 2026" / "18.11.2026" on one line
    dates = {format_date(d, lang) for d in
             [s.last_contact for s in account.stakeholders] +
             [n.due for n in account.roadmap.nodes] + [t.date for t in account.touchpoints]
             if d is not None}
    flat = text.replace("\u00a0", " ")
    for day in dates:
        assert day in flat, day
    for person in account.stakeholders:  # the people table is the only place of these
        if person.last_contact:
            assert format_date(person.last_contact, lang) in flat, person.full_name


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_interests_of_every_person_and_centre_with_no_word_broken(demo, lang, tmp_path):
    account, framework = demo
    text = plan_text(account, framework, lang, tmp_path)
    words = tokens(text)
    sources = [i.text for s in account.stakeholders for i in s.interests if i.text.strip()]
    sources += [c.interest for c in account.decision_centres if c.interest.strip()]
    assert len(sources) >= len(account.stakeholders)
    sources += [s.full_name for s in account.stakeholders]
    sources += [r.label for r in account.relationships if r.label]
    sources += [t.summary for t in account.touchpoints] + [t.result for t in account.touchpoints]
    sources += [v for g in account.journey_grids for cells in g.cells.values()
                for v in cells.values()]
    for source in sources:
        for raw in source.split():
            word = raw.strip(PUNCTUATION)
            if len(word) < 2:
                continue
            assert unbroken_or_hyphenated(word, words), (word, source)
    # each interest whole, in one place (a line broken at a hyphenation point joined again)
    joined = squashed(re.sub(r"(?<=\w)-\n(?=\w)", "", text))
    for person in account.stakeholders:
        for interest in person.interests:
            if interest.text.strip():
                assert squashed(interest.text) in joined, (person.full_name, interest.text)
    for centre in account.decision_centres:
        if centre.interest.strip():
            assert squashed(centre.interest) in joined, centre.name


def test_each_touchpoint_once_with_all_its_participants(demo, tmp_path):
    account, framework = demo
    account = account.model_copy(deep=True)
    people = [s.id for s in account.stakeholders[:4]]
    account.touchpoints = [
        Touchpoint(date=dt.date(2026, 10, i + 1), stakeholder_ids=people,
                   summary=f"TPX{i:03d} visit", result="ok") for i in range(5)]
    text = plan_text(account, framework, "en", tmp_path)
    for i in range(5):
        assert text.count(f"TPX{i:03d}") == 1
    for person in account.stakeholders[:4]:
        assert squashed(person.full_name) in squashed(text)


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_diagram_keeps_every_label_whole_on_landscape_pages(demo, lang, tmp_path):
    """The diagram's pages alone: every node title and every outcome drawn whole (wrapped
    inside its node or beside its edge, never shortened with "…"), type >= 6 pt."""
    import pypdfium2 as pdfium

    account, framework = demo
    data = build_account_plan(account, framework, lang=lang, today=TODAY)
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(data)
    doc = pdfium.PdfDocument(data)
    try:
        landscape = [i + 1 for i in range(len(doc)) if doc[i].get_size()[0] > doc[i].get_size()[1]]
    finally:
        doc.close()
    heading = "Схема дорожной карты" if lang == "ru" else "Roadmap diagram"
    pages = []
    for page in landscape:
        text = subprocess.run(["pdftotext", "-raw", "-f", str(page), "-l", str(page), "-enc",
                               "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        pages.append(text)
    first = next(i for i, text in enumerate(pages) if heading in text)
    diagram = "\n".join(pages[first:first + 3])
    assert "…" not in diagram
    flat = squashed(diagram)
    for node in account.roadmap.nodes:
        assert squashed(node.title) in flat, node.title
    for edge in account.roadmap.edges:
        if edge.outcome.strip():
            assert squashed(edge.outcome) in flat, edge.outcome
    import pypdfium2.raw as raw

    doc = pdfium.PdfDocument(data)
    try:
        sizes = set()
        for page in landscape[first:first + 3]:
            textpage = doc[page - 1].get_textpage()
            for i in range(textpage.count_chars()):
                if textpage.get_text_range(i, 1).strip():
                    sizes.add(round(raw.FPDFText_GetFontSize(textpage.raw, i), 2))
    finally:
        doc.close()
    assert sizes and min(sizes) >= 6.0, sorted(sizes)


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_demo_plan_is_shorter_than_the_fourteen_pages_it_took(demo, lang):
    import pypdfium2 as pdfium

    account, framework = demo
    doc = pdfium.PdfDocument(build_account_plan(account, framework, lang=lang, today=TODAY))
    try:
        assert len(doc) < 14  # 14 (ru) and 13 (en) before issue 17, with less in them
    finally:
        doc.close()
