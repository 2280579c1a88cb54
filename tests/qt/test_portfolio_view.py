"""The portfolio view (Review → Portfolio…): the open workspace and the files added, read
only; sort, filter, search, totals per currency; double-click opens the deal."""

from __future__ import annotations

import hashlib
import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog

from accountmap.app.application import make_application
from accountmap.app.main_window import MainWindow
from accountmap.panels import portfolio_view
from accountmap.panels.portfolio_model import COLUMNS
from tests.unit.review_data import TODAY, sample_folder


@pytest.fixture(autouse=True)
def _no_remembered_paths():
    """QSettings outlive a test in one process: each test starts with no files added."""
    portfolio_view.remember_paths([])
    yield
    portfolio_view.remember_paths([])


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sample")
    sample_folder(folder)
    return folder


@pytest.fixture
def files(sample, tmp_path):
    """The KAM's own file (to open and edit) apart from the folder of the others."""
    own = tmp_path / "own" / "kam_smirnova.accountmap"
    own.parent.mkdir()
    shutil.copy(sample / "kam_smirnova.accountmap", own)
    others = tmp_path / "others"
    others.mkdir()
    for name in ("demo.accountmap", "kam_petrov.accountmap"):
        shutil.copy(sample / name, others / name)
    return own, others


def state(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def open_portfolio(qtbot, own, others, lang="en"):
    make_application(lang)
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_workspace(own)
    window.show()
    portfolio_view.remember_paths([str(others)])
    window.review.today = lambda: TODAY
    view = window.review.show_portfolio()
    qtbot.addWidget(view)
    return window, view


def column(name: str) -> int:
    return COLUMNS.index(name)


def shown(view, name="account") -> list[str]:
    return [view.proxy.index(r, column(name)).data() for r in range(view.proxy.rowCount())]


def test_every_deal_once_with_flags_and_totals_per_currency(qtbot, files):
    own, others = files
    before = state(others)
    window, view = open_portfolio(qtbot, own, others)
    assert len(shown(view)) == 8
    assert shown(view).count("Северный завод") == 1
    baltic = next(r for r in range(view.proxy.rowCount())
                  if "Балтийские" in view.proxy.index(r, 0).data())
    assert view.proxy.index(baltic, column("flags")).data() == (
        "Stalled, No economic buyer, No next meeting")
    tip = view.proxy.index(baltic, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "has been the current checkpoint for 45 days" in tip
    text = view.totals.text()
    assert "172,000,000 RUB in 4 deal(s)" in text and "1,350,000 EUR in 2 deal(s)" in text
    assert "420,000 GBP in 1 deal(s)" in text and "Deals without a value: 1" in text
    assert state(others) == before  # nothing written in the other KAMs' folder


def test_filters_search_and_sort(qtbot, files):
    own, others = files
    _, view = open_portfolio(qtbot, own, others)
    flag = view.filters["flag"]
    flag.setCurrentIndex(flag.findData("stalled"))
    assert [n[:22] for n in shown(view)] == ["ООО «Балтийские верфи»"]
    assert "Deals shown: 1 of 8" in view.totals.text()
    assert "8,500,000 RUB in 1 deal(s)" in view.totals.text()
    flag.setCurrentIndex(0)
    kam = view.filters["kam"]
    kam.setCurrentIndex(kam.findData("Igor Petrov"))
    assert sorted(shown(view)) == ["Delta Foods", "Rhein Chemie GmbH"]
    kam.setCurrentIndex(0)
    files_combo = view.filters["file"]
    files_combo.setCurrentIndex(files_combo.findData(str(others / "demo.accountmap")))
    assert len(shown(view)) == 2
    files_combo.setCurrentIndex(0)
    view.search.setText("аудит")  # the current checkpoint of four open deals
    assert sorted(n[:8] for n in shown(view)) == ["Rhein Ch", "ООО «Бал", "Северный", "Южный по"]
    view.search.clear()
    view.table.sortByColumn(column("days"), Qt.SortOrder.DescendingOrder)
    assert shown(view, "days")[:2] == ["45", "10"]
    view.table.sortByColumn(column("progress"), Qt.SortOrder.DescendingOrder)
    assert sorted(shown(view, "progress")[:2]) == ["3/3", "4/4"]  # the closed deals
    assert shown(view, "progress")[2:4] == ["15/34", "1/3"]


def test_double_click_selects_an_own_account_or_opens_another_file_read_only(qtbot, files):
    own, others = files
    window, view = open_portfolio(qtbot, own, others)
    view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)

    def row_of(name):
        return next(r for r in range(view.proxy.rowCount()) if view.proxy.index(r, 0).data() == name)

    window.select_account("south")
    view.table.doubleClicked.emit(view.proxy.index(row_of("Северный завод"), 0))
    assert window.account_id == "north" and len(window.review.opened) == 0
    view.table.doubleClicked.emit(view.proxy.index(row_of("Rhein Chemie GmbH"), 0))
    (other,) = window.review.opened
    assert other.document.read_only and other.account_id == "rhein"
    assert other.document.path.name == "kam_petrov.accountmap"
    assert "(read-only)" in other.windowTitle()
    other.close()  # deletes itself on close, and the review lets it go
    qtbot.waitUntil(lambda: window.review.opened == [])


def test_added_paths_are_remembered_and_can_be_forgotten(qtbot, files):
    own, others = files
    _, view = open_portfolio(qtbot, own, others)
    assert portfolio_view.remembered_paths() == [str(others)]
    view.forget_paths()
    assert portfolio_view.remembered_paths() == []
    assert sorted(shown(view)) == ["Северный завод", "Южный порт"]


def test_cancelling_the_progress_keeps_what_was_read(qtbot, files, monkeypatch):
    own, others = files
    _, view = open_portfolio(qtbot, own, others)
    calls = []

    def cancelled(self):
        calls.append(1)
        return len(calls) > 1  # cancel once the first file has been read

    monkeypatch.setattr(QProgressDialog, "wasCanceled", cancelled)
    assert view.reload() is False
    assert sorted(shown(view)) == ["Северный завод", "Южный порт"]  # the own file only
    assert "Loading cancelled" in view.statusBar().currentMessage()


def test_chart_and_patterns_follow_the_filter(qtbot, files):
    own, others = files
    _, view = open_portfolio(qtbot, own, others)
    stations = {name: count for name, count, _ in view.chart.rows}
    assert stations == {"Study": 7, "Comparison": 1}
    audit = next(r for r in range(view.patterns.checkpoints.rowCount())
                 if view.patterns.checkpoints.item(r, 0).text() == "Аудит текущего решения")
    assert [view.patterns.checkpoints.item(audit, c).text() for c in (1, 2, 3)] == [
        "6 / 8", "10", "45"]
    kam = view.filters["kam"]
    kam.setCurrentIndex(kam.findData("James Carter"))
    assert [r[:2] for r in view.chart.rows] == [("Study", 1)]


def test_russian_view_and_a_screenshot(qtbot, files, tmp_path):
    own, others = files
    _, view = open_portfolio(qtbot, own, others, lang="ru")
    view.resize(1400, 860)
    assert view.model.headerData(0, Qt.Orientation.Horizontal) == "Клиент"
    assert view.windowTitle() == "Обзор портфеля — AccountMap"
    assert "сделок: 4" in view.totals.text()
    view.grab().save(str(tmp_path / "portfolio_ru.png"))
    view.tabs.setCurrentIndex(1)
    view.grab().save(str(tmp_path / "portfolio_ru_patterns.png"))
    assert (tmp_path / "portfolio_ru.png").stat().st_size > 10_000


def test_print_portfolio_review_previews_the_report(qtbot, files):
    import pypdfium2 as pdfium

    own, others = files
    window, view = open_portfolio(qtbot, own, others)
    dialog = view.print_review()
    assert dialog is not None
    qtbot.addWidget(dialog)
    pdf = pdfium.PdfDocument(dialog.pdf_bytes)
    try:
        text = "\n".join(pdf[i].get_textpage().get_text_bounded() for i in range(len(pdf)))
        assert len(pdf) == 6  # summary, patterns (one page at the compact table type), 4 flagged deals
    finally:
        pdf.close()
    assert "Portfolio review" in text and "Klaus Wegner" in text
    assert "as of 16 Mar 2026" in text  # English dates as the print writes them (domain/dates.py)
    dialog.close()


def test_review_menu_and_adding_files_from_the_dialog(qtbot, files, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    own, others = files
    make_application("ru")
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_workspace(own)
    window.review.today = lambda: TODAY
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Обзор")
    texts = [a.text() for a in menu.actions()]
    assert texts == ["&Портфель сделок…", "&Добавить файлы в обзор…", "П&ечать обзора портфеля…",
                     "&Пороги флагов…", "", "&Отправить замечания…", "&Загрузить замечания…",
                     "", "&Замечания"]
    chosen = [str(others / "kam_petrov.accountmap")]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (chosen, ""))
    menu.actions()[1].trigger()  # Add workspaces to review…
    view = window.review.portfolio
    qtbot.addWidget(view)
    assert portfolio_view.remembered_paths() == chosen
    assert len(shown(view)) == 6  # own 2 + Petrov's 5, Северный завод once
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(others))
    view.choose_folder()
    assert len(shown(view)) == 8
    assert portfolio_view.remembered_paths() == chosen + [str(others)]


def test_review_thresholds_are_one_undo_step_and_change_the_flags(qtbot, files):
    own, others = files
    window, view = open_portfolio(qtbot, own, others)
    dialog = window.review.edit_thresholds()
    assert (dialog.stalled.value(), dialog.contact.value()) == (21, 30)
    dialog.stalled.setValue(7)
    dialog.contact.setValue(45)
    dialog.accept()
    settings = window.document.settings
    assert (settings.review.stalled_days, settings.stale_contact_days) == (7, 45)
    north = next(r for r in range(view.proxy.rowCount())
                 if view.proxy.index(r, 0).data() == "Северный завод")
    # Северный завод is read from the open file first: 10 days in its checkpoint > 7
    assert view.proxy.index(north, COLUMNS.index("flags")).data() == "Stalled"
    window.document.undo_stack.undo()
    assert window.document.settings.review.stalled_days == 21
    from tests.snapshots import fresh_json, memory_json

    assert fresh_json(own) == memory_json(window.document)


def test_the_review_reports_its_layout_to_the_progress_dialog(qtbot, files, monkeypatch):
    """Issue 13: progress where an output takes more than a second - the review of many
    deals reports while its pages are laid out (it showed 0 % until done)."""
    from accountmap.briefing.portfolio_review import LAYOUT_STEPS
    from accountmap.panels import pdf_build

    values: list[tuple[int, int]] = []

    class Recording(pdf_build.QProgressDialog):
        def setValue(self, value):  # noqa: N802
            values.append((value, self.maximum()))
            super().setValue(value)

    monkeypatch.setattr(pdf_build, "QProgressDialog", Recording)
    own, others = files
    window, view = open_portfolio(qtbot, own, others)
    dialog = view.print_review()
    assert dialog is not None
    qtbot.addWidget(dialog)
    done = [v for v, _ in values]
    assert values[0] == (0, LAYOUT_STEPS) and values[-1] == (LAYOUT_STEPS, LAYOUT_STEPS)
    assert done == sorted(set(done)) and any(0 < v < LAYOUT_STEPS for v in done)
    dialog.close()


def test_every_skipped_file_is_told_in_full_in_the_bar_tooltip(qtbot, files, tmp_path):
    own, _others = files
    bad = tmp_path / "bad"
    bad.mkdir()
    names = [f"пустой_файл_с_длинным_именем_{i}.accountmap" for i in range(6)]
    for name in names:
        (bad / name).write_bytes(b"")
    _, view = open_portfolio(qtbot, own, bad)
    tip = view.statusBar().toolTip()
    assert tip.count("\n• ") == len(names) - 1 and tip.startswith("• ")
    assert all(name in tip for name in names)
    assert view.statusBar().fontMetrics().horizontalAdvance(
        view.statusBar().currentMessage()) > view.statusBar().width()  # the bar cannot show it
