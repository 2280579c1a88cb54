"""`accountmap portfolio FILE|FOLDER...`: many files reviewed read-only, one line per deal
with its flags, totals per currency, the PDF report and the CSV."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import os
import subprocess
import sys

import pytest

from accountmap.storage.portfolio_files import load_portfolio, workspace_paths
from tests.unit.review_data import TODAY, healthy_deal, sample_folder, write_workspace

AS_OF = TODAY.isoformat()


def run(*args):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "accountmap", *map(str, args)],
                          capture_output=True, text=True, env=env, timeout=120)


def folder_state(folder):
    """Every file in the folder: its bytes and its modification time."""
    return {p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    path = tmp_path_factory.mktemp("review")
    sample_folder(path)
    return path


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def test_reviewing_a_folder_writes_nothing_in_it(folder, tmp_path):
    before = folder_state(folder)
    for args in ((), ("-o", tmp_path / "r.pdf"), ("-o", tmp_path / "r.csv")):
        result = run("portfolio", folder, "--today", AS_OF, *args)
        assert result.returncode == 0, result.stderr
    assert folder_state(folder) == before


def test_reviewing_a_file_in_wal_mode_keeps_its_bytes(tmp_path):
    path = tmp_path / "kam.accountmap"
    from accountmap.storage.workspace_file import WorkspaceFile

    with WorkspaceFile.open(path, create=True) as wf:  # as the app leaves it: WAL mode
        wf.add_accounts([healthy_deal()])
    assert path.read_bytes()[18] == 2
    digest, mtime = hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns
    portfolio = load_portfolio([tmp_path], TODAY)
    assert [d.review.summary.name for d in portfolio.deals] == ["Северный завод"]
    assert (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns) == (digest, mtime)


def test_reviewing_a_file_in_wal_mode_leaves_no_sidecar_files(tmp_path):
    path = tmp_path / "kam.accountmap"
    from accountmap.storage.workspace_file import WorkspaceFile

    with WorkspaceFile.open(path, create=True) as wf:
        wf.add_accounts([healthy_deal()])
    before = sorted(p.name for p in tmp_path.iterdir())
    load_portfolio([tmp_path], TODAY)
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_the_table_has_one_line_per_deal_with_its_flags_and_totals_per_currency(folder):
    result = run("portfolio", folder, "--today", AS_OF, "--lang", "en")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    deal_lines = [line for line in lines[2:] if line.strip() and not line.startswith(
        ("Totals", "  "))]
    assert len(deal_lines) == 8  # 2 demo + 5 of Petrov + 1 of Smirnova; Северный завод once
    baltic = next(line for line in deal_lines if "Балтийские" in line)
    assert baltic.endswith("Stalled, No economic buyer, No next meeting")
    north = [line for line in deal_lines if line.startswith("Северный завод")]
    assert len(north) == 1 and north[0].rstrip().endswith("2/2")  # no flags
    totals = lines[lines.index("Totals per currency:") + 1:]
    assert totals == ["  172,000,000 RUB in 4 deal(s)", "  1,350,000 EUR in 2 deal(s)",
                      "  420,000 GBP in 1 deal(s)", "  Deals without a value: 1"]


def test_the_same_account_in_two_files_is_one_deal_naming_both(folder):
    portfolio = load_portfolio([folder], TODAY)
    north = [d for d in portfolio.deals if d.review.account_id == "north"]
    assert len(north) == 1
    assert [p.name for p in north[0].files] == ["kam_petrov.accountmap", "kam_smirnova.accountmap"]
    # each deal is judged by the thresholds of its own file: Petrov's file is in English
    assert {d.language for d in portfolio.deals if d.path.name == "kam_petrov.accountmap"} == {"en"}


def test_csv_has_value_and_currency_apart_and_the_reasons(folder, tmp_path):
    out = tmp_path / "review.csv"
    result = run("portfolio", folder, "--today", AS_OF, "-o", out, "--lang", "ru")
    assert result.returncode == 0, result.stderr
    assert "сделок: 8" in result.stdout
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))
    header, body = rows[0], rows[1:]
    assert header[:4] == ["Клиент", "KAM", "Сумма", "Валюта"]
    by_name = {r[0]: dict(zip(header, r)) for r in body}
    rhein = by_name["Rhein Chemie GmbH"]
    assert (rhein["Сумма"], rhein["Валюта"]) == ("950000", "EUR")
    assert "Высокое влияние и против нас: Klaus Wegner" in rhein["Почему"]
    assert "«Какой бюджет на следующий год?»" in rhein["Почему"]
    assert by_name["Сибирская энергия"]["Итог"] == "Выиграна"
    assert by_name["Северный завод"]["Файлы"].count(".accountmap") == 2


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_pdf_report_summary_patterns_and_a_page_per_flagged_deal(folder, tmp_path, lang):
    out = tmp_path / f"review-{lang}.pdf"
    result = run("portfolio", folder, "--today", AS_OF, "-o", out, "--lang", lang)
    assert result.returncode == 0, result.stderr
    text = pdf_text(out)
    pages = text.split("\f")
    words = {
        "ru": ("Обзор портфеля сделок", "Закономерности дороги", "Сделка с флагами",
               "«Аудит текущего решения» — текущая точка уже 45 дн. (порог 21)"),
        "en": ("Portfolio review", "The patterns of the road", "Flagged deal",
               "“Аудит текущего решения” has been the current checkpoint for 45 days"),
    }[lang]
    for word in words:
        assert word in text, word
    flagged = [p for p in pages if words[2] in p]
    assert len(flagged) == 4  # Балтийские верфи, Rhein Chemie and the two demo deals
    assert any("Klaus Wegner" in p for p in flagged)
    assert not any("Сибирская энергия" in p for p in flagged)  # won: no page of its own
    patterns = next(p for p in pages if words[1] in p)
    audit = next(line for line in patterns.splitlines() if "Аудит текущего решения" in line)
    assert audit.split()[-3:] == ["6/8", "10", "45"]  # reached, median, longest days


def test_bad_paths_are_skipped_with_a_sentence_and_the_rest_reviewed(folder, tmp_path):
    (tmp_path / "junk.accountmap").write_text("not a workspace")
    write_workspace(tmp_path / "good.accountmap", [healthy_deal()])
    result = run("portfolio", tmp_path, tmp_path / "missing.accountmap", "--today", AS_OF,
                 "--lang", "en")
    assert result.returncode == 0
    assert "Skipped" in result.stderr and "junk.accountmap" in result.stderr
    assert "missing.accountmap: no such file" in result.stderr
    assert "Traceback" not in result.stderr
    assert "Северный завод" in result.stdout


def test_an_empty_folder_and_a_wrong_output_are_one_sentence(tmp_path):
    result = run("portfolio", tmp_path)
    assert result.returncode == 2
    assert "no .accountmap files" in result.stderr and "Traceback" not in result.stderr
    result = run("portfolio", tmp_path, "-o", tmp_path / "x.docx")
    assert result.returncode == 2 and ".pdf or .csv" in result.stderr


def test_folders_list_their_workspaces_once_and_skip_our_own_copies(tmp_path):
    for name in ("b.accountmap", "A.accountmap", "a.backup-20260101-101010.accountmap",
                 ".hidden.accountmap", "notes.txt"):
        (tmp_path / name).write_text("x")
    (tmp_path / "sub.accountmap").mkdir()
    paths, problems = workspace_paths([tmp_path, tmp_path / "b.accountmap"])
    assert [p.name for p in paths] == ["A.accountmap", "b.accountmap"]
    assert problems == []


def test_cancelling_stops_before_the_next_file(folder):
    seen = []

    def progress(done, total, name):
        seen.append((done, total, name))
        return done < 1

    portfolio = load_portfolio([folder], dt.date(2026, 3, 16), progress)
    assert portfolio.cancelled
    assert [s[0] for s in seen] == [0, 1]
    assert {d.path.name for d in portfolio.deals} == {"demo.accountmap"}


def test_cancelling_within_a_big_file_keeps_the_deals_read(tmp_path):
    deals = [healthy_deal(f"Клиент {i}", f"a{i:03d}") for i in range(35)]
    write_workspace(tmp_path / "big.accountmap", deals)
    asked = []

    def progress(done, total, name):
        asked.append(name)
        return len(asked) < 3  # the start of the file, after 10 accounts, then cancel

    portfolio = load_portfolio([tmp_path], TODAY, progress)
    assert portfolio.cancelled
    assert asked == ["big.accountmap"] * 3
    assert len(portfolio.deals) == 19  # accounts 1-19 reviewed; stopped before the 20th


def test_hostile_and_empty_names_print_as_typed(tmp_path):
    hostile = healthy_deal("=HYPERLINK(\"http://x\") <b>R&D</b>", "hostile", owner="@boss")
    from accountmap.domain.models import Stakeholder

    hostile.stakeholders.append(Stakeholder(
        id="x", full_name="Ёж <i>Ежов</i> " + "Очень-длинная-фамилия" * 8,
        influence="high", attitude="opponent", last_contact=TODAY))
    unnamed = healthy_deal("", "unnamed", owner="")
    unnamed.meetings = []
    write_workspace(tmp_path / "w.accountmap", [hostile, unnamed])
    out = tmp_path / "out"
    out.mkdir()
    result = run("portfolio", tmp_path, "--today", AS_OF, "-o", out / "r.csv", "--lang", "en")
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO((out / "r.csv").read_text(encoding="utf-8-sig"), newline="")))
    names = {r[0]: r for r in rows[1:]}
    assert "'=HYPERLINK(\"http://x\") <b>R&D</b>" in names
    assert names["'=HYPERLINK(\"http://x\") <b>R&D</b>"][1] == "'@boss"
    result = run("portfolio", tmp_path, "--today", AS_OF, "-o", out / "r.pdf", "--lang", "en")
    assert result.returncode == 0, result.stderr
    text = pdf_text(out / "r.pdf")
    assert "<b>R&D</b>" in text and "Ёж <i>Ежов</i>" in text
    assert "(no name)" in text and "No meeting booked from today on" in text


def test_a_bad_day_is_one_sentence(folder):
    result = run("portfolio", folder, "--today", "2026-02-30")
    assert result.returncode == 2
    assert "YYYY-MM-DD" in result.stderr and "Traceback" not in result.stderr


def test_open_comments_and_their_replies_are_on_the_deal_pages(tmp_path):
    """A deal's page lists its open review comments (a resolved one is left out), each
    reply under its comment; a deal with no flag but an open comment gets its page too."""
    from accountmap.domain.models import ReviewComment
    from accountmap.storage.workspace_file import WorkspaceFile

    deal = healthy_deal("Спокойный завод", "calm")
    ask = ReviewComment(author="Директор", date=TODAY, text="Кто подпишет бюджет?")
    deal.review_comments = [
        ask,
        ReviewComment(author="КАМ", date=TODAY, text="Финансовый директор", reply_to=ask.id),
        ReviewComment(author="Директор", date=TODAY, text="Старое, закрыто", resolved=True),
    ]
    path = tmp_path / "calm.accountmap"
    write_workspace(path, [deal])
    with WorkspaceFile.open(path, read_only=True) as wf:
        assert len(wf.load_account("calm").review_comments) == 3
    flagless = load_portfolio([path], TODAY).deals[0]
    result = run("portfolio", path, "--today", AS_OF, "-o", tmp_path / "r.pdf")
    assert result.returncode == 0, result.stderr
    text = pdf_text(tmp_path / "r.pdf")
    assert "Кто подпишет бюджет?" in text and "Финансовый директор" in text
    assert text.index("Кто подпишет бюджет?") < text.index("Финансовый директор")
    assert "Старое, закрыто" not in text
    if not flagless.review.health.flags:
        assert "Сделка с открытыми замечаниями" in text


def test_a_deal_page_too_long_for_one_page_flows_over_pages_whole(tmp_path):
    """Sixty long open comments do not fit the drawn page: the deal flows over pages and
    every comment is printed whole."""
    from accountmap.domain.models import ReviewComment

    deal = healthy_deal("Многословный завод", "wordy")
    deal.review_comments = [
        ReviewComment(author="Директор", date=TODAY,
                      text=f"Замечание {i:02d}: " + "очень подробное пояснение " * 12)
        for i in range(60)]
    path = tmp_path / "wordy.accountmap"
    write_workspace(path, [deal])
    result = run("portfolio", path, "--today", AS_OF, "-o", tmp_path / "r.pdf")
    assert result.returncode == 0, result.stderr
    text = pdf_text(tmp_path / "r.pdf")
    assert all(f"Замечание {i:02d}:" in text for i in range(60))
    pages = subprocess.run(["pdfinfo", str(tmp_path / "r.pdf")], capture_output=True,
                           text=True).stdout
    assert int(next(l.split()[-1] for l in pages.splitlines() if l.startswith("Pages"))) >= 4


def _seen(portfolio):
    """What a review shows of a portfolio: each deal with its files, flags and language,
    and each file skipped with its reason."""
    deals = [(d.review.account_id, [p.name for p in d.files], d.language,
              [f.kind for f in d.review.health.flags]) for d in portfolio.deals]
    skipped = [(p.name, e.message("en")) for p, e in portfolio.skipped]
    return deals, skipped


@pytest.mark.parametrize("forked", [True, False])
def test_files_read_in_worker_processes_give_the_same_review(folder, tmp_path, forked):
    """The files are read in reader processes too (forked for the command line, started
    afresh for the app): the same deals in the same order, one deal found in two files
    once with both named, the same skipped files and damaged accounts as a reading in one
    process."""
    import shutil
    import sqlite3

    for path in folder.glob("*.accountmap"):
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "junk.accountmap").write_text("not a workspace")
    damaged = tmp_path / "a_damaged.accountmap"  # read before the demo it copies
    shutil.copy(folder / "demo.accountmap", damaged)
    conn = sqlite3.connect(damaged)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute("UPDATE stakeholders SET attitude = 'hostile' WHERE id = 'sh-petrov'")
    conn.commit()
    conn.close()
    one = load_portfolio([tmp_path], TODAY)
    many = load_portfolio([tmp_path], TODAY, workers=3, forked=forked)
    assert _seen(many) == _seen(one)
    deals, skipped = _seen(many)
    assert any(len(files) == 2 for _id, files, _lang, _flags in deals)
    assert {name for name, _reason in skipped} == {"junk.accountmap", "a_damaged.accountmap"}
    assert len(deals) == len({d[0] for d in deals})


def test_an_output_of_another_kind_is_refused_in_the_language_asked(folder, tmp_path):
    for lang, words in (("ru", "должно оканчиваться на .pdf или .csv"),
                        ("en", "the output must end in .pdf or .csv")):
        result = run("portfolio", folder, "--lang", lang, "-o", tmp_path / "review.txt")
        assert result.returncode == 2
        assert words in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "review.txt").exists()
