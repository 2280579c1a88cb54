"""What a tooltip on the map (a card, a frame, a line) and on the road (a checkpoint)
shows when the mouse rests on it, in the window with the application's plain-text
tooltip filter: a card's, a frame's and a checkpoint's are our rich text (the name in
bold, a line per field) with the user's words escaped once, a line's is plain text; a
hostile name shows as typed, never as markup."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF
from PySide6.QtGui import QHelpEvent, QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolTip

from accountmap.app import plain_tooltips
from accountmap.app.application import make_application
from accountmap.canvas.accountmap.page import AccountMapPage
from tests.qt.demo_window import open_on_page

HOSTILE = "<b>Иван</b> & <i>Ко</i>"


def shown_at(page, item, at=None) -> str:
    """The text the tooltip shows (as a reader sees it) with the mouse on `item` (at the
    scene point `at`, else its middle)."""
    view = page.view
    view.centerOn(item)
    pos = view.mapFromScene(at if at is not None else item.sceneBoundingRect().center())
    QTest.mouseMove(view.viewport(), pos)  # a card writes its tooltip when hovered
    QToolTip.hideText()
    event = QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(view.viewport(), event)
    text = QToolTip.text()
    QToolTip.hideText()
    document = QTextDocument()
    document.setHtml(text)  # what the tooltip draws
    return document.toPlainText()


def demo_on(qtbot, tmp_path, kind):
    """The window on the demo in Russian, with the application's tooltip filter, its page
    of class `kind` shown: (window, page)."""
    from accountmap.storage.demo import write_demo

    plain_tooltips.install(make_application("ru"))
    path = tmp_path / "demo.accountmap"
    write_demo(path)
    return open_on_page(qtbot, path, kind)


def test_cards_frames_and_lines_show_their_text_not_their_markup(qtbot, tmp_path):
    window, page = demo_on(qtbot, tmp_path, AccountMapPage)
    account = page.context.account
    person = next(p for p in account.stakeholders if p.title and p.decision_centre_id)
    window.editor.update(page.context.account_id, "stakeholders", person.id, full_name=HOSTILE)
    card = page.scene.cards[person.id]
    page.view.set_zoom(1.0)

    shown = shown_at(page, card)
    lines = shown.splitlines()
    assert lines[0] == HOSTILE  # typed, not rendered
    assert person.title in lines[1:]
    assert "<br>" not in shown and "<b>" not in shown.replace(HOSTILE, "")
    assert any(line.startswith("Отношение: ") for line in lines)

    edge = next(e for e in page.scene.edges.values() if e.source is card or e.target is card)
    shown = shown_at(page, edge.label_item if edge.label_item is not None
                     and edge.label_item.isVisible() else edge)
    assert HOSTILE in shown.splitlines()[0]  # "<b>Иван</b> & <i>Ко</i> → …: …"

    centre = page.scene.centres[person.decision_centre_id]
    window.editor.update(page.context.account_id, "decision_centres", centre.entity_id,
                         name=HOSTILE)
    title = centre.pos() + QPointF(12, 10)  # the frame's title band: no card there
    assert page.scene.entity_item_at(title) is centre
    lines = shown_at(page, centre, title).splitlines()
    assert lines[0] == HOSTILE
    assert any(line.startswith("Участников: ") for line in lines)


def test_a_checkpoint_on_the_road_shows_its_text_not_its_markup(qtbot, tmp_path):
    from accountmap.canvas.roadmap.page import RoadmapPage
    from accountmap.canvas.roadmap.scene import NODES
    from accountmap.domain.vocabulary import NodeKind

    window, page = demo_on(qtbot, tmp_path, RoadmapPage)
    node = next(n for n in page.context.account.roadmap.nodes
                if n.kind == NodeKind.CHECKPOINT and n.owner)
    window.editor.update(page.context.account_id, NODES, node.id, title=HOSTILE)
    item = page.scene.item_for(NODES, node.id)
    page.view.resetTransform()  # at 100 %
    lines = shown_at(page, item).splitlines()
    assert lines[0] == HOSTILE  # typed, not rendered
    assert any(line.startswith("Ответственный: ") for line in lines)
    assert not any("<br>" in line for line in lines)
