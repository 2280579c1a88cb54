"""The search box above the account list finds people and questions in every account (the
file's full-text index) and shows the chosen person on the map."""

from __future__ import annotations

from PySide6.QtCore import Qt

from accountmap.app.application import make_application
from accountmap.app.main_window import MainWindow
from accountmap.storage.demo import write_demo


def hits(window) -> list[str]:
    return [window.search.hits.item(i).text() for i in range(window.search.hits.count())]


def test_search_across_accounts_selects_the_person(qtbot, tmp_path):
    make_application("ru")
    path = tmp_path / "demo.accountmap"
    write_demo(path)
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_workspace(path)
    window.show()
    first = window.account_id
    qtbot.keyClicks(window.search.field, "LINDA")  # a person of the second account
    qtbot.waitUntil(lambda: window.search.hits.isVisible() and window.search.hits.count() > 0)
    assert hits(window) == ["Linda Chen — Chief Financial Officer\n   Northwind Logistics Ltd"]
    item = window.search.hits.item(0)
    qtbot.mouseClick(window.search.hits.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.search.hits.visualItemRect(item).center())
    assert window.account_id != first
    assert window.document.account_name(window.account_id) == "Northwind Logistics Ltd"
    page = window.tabs.currentWidget()
    selected = [i for i in page.scene.selectedItems() if getattr(i, "entity_id", None)]
    person = next(s for s in window.document.account(window.account_id).stakeholders
                  if s.full_name == "Linda Chen")
    assert [i.entity_id for i in selected] == [person.id]
    window.grab().save(str(tmp_path / "search.png"))


def test_questions_prefixes_and_nothing_found(qtbot, tmp_path):
    make_application("ru")
    path = tmp_path / "demo.accountmap"
    write_demo(path)
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_workspace(path)
    window.search.field.setText("ФСТЭК")
    window.search.run()
    assert any(line.startswith("Вопрос: ") for line in hits(window))
    window.search.field.setText("безопасн директор")  # every word, as a prefix
    window.search.run()
    assert hits(window) and all("\n" in line for line in hits(window))
    window.search.field.setText("zzzz-нет-такого")
    window.search.run()
    assert hits(window) == ["Ничего не найдено"]
    window.search.field.setText("  ")
    window.search.run()
    assert not window.search.hits.isVisibleTo(window)
