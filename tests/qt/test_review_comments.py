"""Review comments in the window: the list (filter, go to, new/reply/resolve/delete, one
undo step each), badges on the person cards and checkpoints, Send/Import review (one undo
step), and a workspace opened read-only that no edit path can write."""

from __future__ import annotations

import hashlib
import shutil

import pytest

from accountmap.canvas.accountmap.page import AccountMapPage
from accountmap.canvas.common.comment_badges import CommentBadge
from accountmap.canvas.roadmap.page import RoadmapPage
from accountmap.domain.models import Account, ReviewComment, Stakeholder
from accountmap.domain.review_merge import EDITED_BOTH, ReviewFile, ReviewedAccount, revised
from accountmap.storage.errors import WorkspaceError
from accountmap.storage.review_exchange import read_review
from accountmap.storage.workspace_file import WorkspaceFile
from tests.conftest import TEST_TODAY
from tests.qt.demo_window import show_page, window  # noqa: F401

URAL = "АО «Уральский завод трубных систем»"


def ural(window):  # noqa: F811
    return next(i for i in window.document.account_ids()
                if window.document.account(i).name == URAL)


def comments_on_disk(path, account_id):
    with WorkspaceFile.open(path, read_only=True) as wf:
        return {c.id: c for c in wf.load_account(account_id).review_comments}


def badges(page, table, entity_id):
    item = page.scene.item_for(table, entity_id)
    return [c for c in item.childItems() if isinstance(c, CommentBadge)]


def test_comments_list_badges_and_one_undo_step_each(window, qtbot):  # noqa: F811
    a = ural(window)
    window.select_account(a)
    account = window.document.account(a)
    person = account.stakeholders[0]
    node = next(n for n in account.roadmap.nodes if n.kind == "checkpoint")
    panel = window.review.comments
    stack = window.document.undo_stack
    start = stack.index()
    c1 = panel.add(a, "stakeholder", person.id, "Встретиться лично")
    c2 = panel.add(a, "node", node.id, "Сроки реальны?")
    c3 = panel.add(a, "account", None, "Где экономический покупатель?")
    assert stack.index() == start + 3
    map_page = show_page(window, AccountMapPage)
    (badge,) = badges(map_page, "stakeholders", person.id)
    assert badge.count == 1 and "Встретиться лично" in badge.toolTip()
    road = show_page(window, RoadmapPage)
    assert badges(road, "roadmap_nodes", node.id)[0].count == 1
    reply = panel.reply(a, c1, "Встреча 2 декабря")
    assert stack.index() == start + 4
    assert panel.tree.topLevelItemCount() >= 3
    panel.set_resolved(a, c2, True)
    assert stack.index() == start + 5
    assert badges(road, "roadmap_nodes", node.id) == []  # resolved: no badge
    shown = {panel.tree.topLevelItem(i).data(0, 0x0100)
             for i in range(panel.tree.topLevelItemCount())}
    assert c2 not in shown and {c1, c3} <= shown  # the list shows open comments
    panel.filter.setCurrentIndex(panel.filter.findData("resolved"))
    assert [panel.tree.topLevelItem(i).data(0, 0x0100)
            for i in range(panel.tree.topLevelItemCount())] == [c2]
    panel.filter.setCurrentIndex(panel.filter.findData("all"))
    # double-click goes to the checkpoint on the roadmap
    show_page(window, AccountMapPage)
    assert panel.select(a, c2)
    panel._go(panel.tree.currentItem())
    assert isinstance(window.tabs.currentWidget(), RoadmapPage)
    # deleting a comment takes its reply: one step, and undo brings both back
    panel.delete(a, c1)
    assert stack.index() == start + 6
    assert set(comments_on_disk(window.document.path, a)) == {c2, c3}
    stack.undo()
    assert {c1, reply} <= set(comments_on_disk(window.document.path, a))
    assert badges(map_page, "stakeholders", person.id)[0].count == 1
    # deleting the person keeps the comment, on the account; undo puts it back on them
    window.editor.delete(a, {"stakeholders": [person.id]})
    kept = comments_on_disk(window.document.path, a)[c1]
    assert kept.stakeholder_id is None and kept.target_name == person.full_name
    stack.undo()
    assert comments_on_disk(window.document.path, a)[c1].stakeholder_id == person.id


def test_send_and_import_review_in_the_window(window, qtbot, tmp_path):  # noqa: F811
    a = ural(window)
    window.select_account(a)
    panel = window.review.comments
    c1 = panel.add(a, "account", None, "Где ЛПР?")
    sent = window.review.send_review(tmp_path / "out.amreview")
    (reviewed,) = read_review(sent).accounts
    assert [c.text for c in reviewed.comments] == ["Где ЛПР?"]
    # the other side edited the same comment, replied, and wrote a new one
    theirs = reviewed.comments[0]
    edited = theirs.model_copy(update=revised(theirs, text="Где ЛПР? Срочно"))
    new = ReviewComment(author="КАМ", date=TEST_TODAY, text="Новый вопрос")
    answer = ReviewComment(author="КАМ", date=TEST_TODAY, text="Ответ", reply_to=c1)
    panel.set_resolved(a, c1, True)  # ...while this side resolved it
    (tmp_path / "in.amreview").write_text(ReviewFile(accounts=[ReviewedAccount(
        id=a, name=URAL, comments=[edited, new, answer])]).model_dump_json(), "utf-8")
    before = comments_on_disk(window.document.path, a)
    stack = window.document.undo_stack
    start = stack.index()
    merge = window.review.import_review(tmp_path / "in.amreview")
    assert stack.index() == start + 1  # one undo step
    assert [c.kind for c in merge.conflicts] == [EDITED_BOTH]
    assert "изменено с обеих сторон" in window.review.last_report[1] or \
        "edited on both sides" in window.review.last_report[1]
    after = comments_on_disk(window.document.path, a)
    assert after[c1].resolved and after[c1].text == "Где ЛПР?"  # ours kept
    assert {c.text for c in after.values()} >= {"Где ЛПР? Срочно", "Новый вопрос", "Ответ"}
    assert window.review.comments_dock.isVisible()
    stack.undo()
    assert comments_on_disk(window.document.path, a) == before
    (tmp_path / "bad.amreview").write_text("{}", "utf-8")
    assert window.review.import_review(tmp_path / "bad.amreview") is None  # one sentence


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_file_opened_read_only_is_written_by_no_edit_path(window, tmp_path):  # noqa: F811
    """Every kind of edit the editor offers, on a file opened read-only: all refused, the
    file byte-identical, no sidecar file made."""
    path = tmp_path / "kam.accountmap"
    shutil.copy(window.document.path, path)
    window.open_workspace(path, read_only=True, ask=False)
    before, files = digest(path), sorted(p.name for p in tmp_path.iterdir())
    editor, a = window.editor, ural(window)
    account = window.document.account(a)
    person, node = account.stakeholders[0], account.roadmap.nodes[1]
    edits = [
        lambda: editor.add_account("Новый"),
        lambda: editor.update_account(a, name="Другое"),
        lambda: editor.add_whole_account(Account(name="Целый")),
        lambda: editor.duplicate_account(a),
        lambda: editor.delete_account(a),
        lambda: editor.move_account(a, 1),
        lambda: editor.update_settings(stale_contact_days=5),
        lambda: editor.add(a, "stakeholders", Stakeholder(full_name="Кто-то")),
        lambda: editor.update(a, "stakeholders", person.id, full_name="Иной"),
        lambda: editor.move(a, {("stakeholders", person.id): (5.0, 5.0)}),
        lambda: editor.delete(a, {"stakeholders": [person.id]}),
        lambda: editor.add_comment(a, ReviewComment(text="x")),
        lambda: editor.import_review(ReviewFile(accounts=[ReviewedAccount(
            id=a, comments=[ReviewComment(text="y")])])),
        lambda: editor.connect_nodes(a, node.id, account.roadmap.nodes[2].id),
    ]
    for edit in edits:
        with pytest.raises(WorkspaceError) as caught:
            edit()
        assert caught.value.key == "storage.read_only"
    assert window.review.import_review(tmp_path / "none.amreview") is None
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == files


@pytest.mark.parametrize("choice", ["replace", "copy", "merge", None])
def test_importing_an_account_the_workspace_holds_asks_and_is_one_step(
        window, tmp_path, monkeypatch, choice):  # noqa: F811
    from accountmap.app import same_account
    from accountmap.storage.exchange import document_to_json, export_document

    a = ural(window)
    document = export_document(window.document.file, [a])
    document.accounts[0].name = "Оттуда"
    document.accounts[0].stakeholders.append(Stakeholder(full_name="Новиков Пётр"))
    path = tmp_path / "x.json"
    path.write_text(document_to_json(document), "utf-8")
    asked = []
    monkeypatch.setattr(same_account, "ask_choice",
                        lambda w, names: asked.append(names) or choice)
    stack = window.document.undo_stack
    start, count = stack.index(), len(window.document.account_ids())
    window.import_json_file(path)
    assert asked == [[URAL]]
    ids = window.document.account_ids()
    names = [window.document.account(i).name for i in ids]
    if choice is None:
        assert stack.index() == start and len(ids) == count
        return
    assert stack.index() == start + 1
    people = {s.full_name for s in window.document.account(a).stakeholders}
    if choice == "replace":
        assert len(ids) == count and "Оттуда" in names and "Новиков Пётр" in people
    elif choice == "copy":
        assert len(ids) == count + 1 and "Оттуда" in names and URAL in names
    else:
        assert len(ids) == count and URAL in names and "Новиков Пётр" in people
    stack.undo()
    assert len(window.document.account_ids()) == count
    assert window.document.account(a).name == URAL
    assert "Новиков Пётр" not in {s.full_name for s in window.document.account(a).stakeholders}


def test_the_portfolio_counts_each_deals_open_comments(window, qtbot):  # noqa: F811
    from accountmap.panels.portfolio_model import COLUMNS

    a = ural(window)
    panel = window.review.comments
    first = panel.add(a, "account", None, "Где ЛПР?")
    panel.add(a, "account", None, "Кто платит?")
    panel.reply(a, first, "Ответ не считается")
    resolved = panel.add(a, "account", None, "Закрыто")
    panel.set_resolved(a, resolved, True)
    view = window.review.show_portfolio()
    column = COLUMNS.index("comments")
    row = next(r for r in range(view.model.rowCount())
               if view.model.index(r, 0).data() == URAL)
    cell = view.model.index(row, column)
    assert cell.data() == "2"
    assert "Где ЛПР?" in cell.data(0x03) and "Закрыто" not in cell.data(0x03)  # tooltip
    view.close()


def test_new_comment_dialog_signs_with_the_remembered_author(window, monkeypatch):  # noqa: F811
    from PySide6.QtWidgets import QDialog

    from accountmap.panels import review_comments

    a = ural(window)
    window.select_account(a)
    person = window.document.account(a).stakeholders[2]

    def answer(dialog):
        dialog.author.setText("  Соколова   Е. ")
        combo = dialog.target
        combo.setCurrentIndex(next(i for i in range(combo.count())
                                   if tuple(combo.itemData(i)) == ("stakeholder", person.id)))
        dialog.text.setPlainText("Кто он для нас?")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(review_comments.CommentDialog, "exec", answer)
    window.review.comments.ask_new()
    (made,) = [c for c in window.document.account(a).review_comments]
    assert made.author == "Соколова Е." and made.stakeholder_id == person.id
    assert made.target_name == person.full_name and made.date == TEST_TODAY
    assert window.review.comments.author() == "Соколова Е."  # remembered


def test_the_list_names_what_a_comment_is_on_and_refuses_an_unknown_kind(window):  # noqa: F811
    a = ural(window)
    window.select_account(a)
    person = window.document.account(a).stakeholders[0]
    panel = window.review.comments
    comment = panel.add(a, "stakeholder", person.id, "Встретиться лично")
    assert panel.select(a, comment)
    item = panel.tree.currentItem()
    # the narrow columns are elided on screen: the whole name shows on hover
    assert item.text(1) == item.toolTip(1) == person.full_name
    assert item.toolTip(2) == window.document.account(a).name
    with pytest.raises(ValueError):
        panel.add(a, "person", person.id, "not a kind the list knows")


def test_the_comments_list_is_made_when_its_dock_is_first_shown(window):  # noqa: F811
    """Issue 15: a hidden comments list loads no account: it is made (and lists every
    account's comments) when the Review menu first shows its dock."""
    review = window.review
    others = [i for i in window.document.account_ids() if i != window.account_id]
    assert others and review._comments is None and review.comments_dock.widget() is None
    assert not set(others) & set(window.document._accounts)  # not loaded for the list
    a = ural(window)
    on_other = window.editor.add_comment(others[0], ReviewComment(text="Кто платит?"))
    on_ural = window.editor.add_comment(a, ReviewComment(text="Где ЛПР?"))
    review.toggle.trigger()  # Review > Review comments
    panel = review.comments_dock.widget()
    assert review.comments_dock.isVisible() and panel is review.comments
    shown = {panel.tree.topLevelItem(i).data(0, 0x0100)
             for i in range(panel.tree.topLevelItemCount())}
    assert shown == {on_other, on_ural}
    made = panel.add(a, "account", None, "Сроки?")  # it follows the workspace from now on
    assert made in {panel.tree.topLevelItem(i).data(0, 0x0100)
                    for i in range(panel.tree.topLevelItemCount())}
    review.toggle.trigger()
    assert not review.comments_dock.isVisible() and not review.toggle.isChecked()
    review.comments_dock.toggleViewAction().trigger()  # the dock's own menu: the item follows
    assert review.comments_dock.isVisible() and review.toggle.isChecked()
    assert review.comments_dock.widget() is panel  # made once


def test_the_comments_dock_comes_after_the_first_paint_where_the_saved_state_had_it(qtbot):
    """Issue 15: docking the list types PySide6's whole `Qt` namespace (~25 ms), so the
    dock is made once the window painted; a dock left open is still open at the next
    start, one left closed still closed, and the menu item says which."""
    from accountmap.app.application import make_application
    from accountmap.app.main_window import MainWindow

    make_application("ru")
    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    qtbot.waitUntil(lambda: first.review._dock is not None)
    first.review.toggle.trigger()
    assert first.review.comments_dock.isVisible()
    states = {"open": first.saveState()}
    first.review.toggle.trigger()
    states["closed"] = first.saveState()
    for left, state in states.items():
        window = MainWindow()
        qtbot.addWidget(window)
        window.restoreState(state)  # (as the window's settings are restored)
        assert window.review._dock is None  # not before the first paint
        window.show()
        qtbot.waitUntil(lambda: window.review._dock is not None)
        dock = window.review.comments_dock
        assert dock.isVisible() is (left == "open"), left
        assert window.review.toggle.isChecked() is (left == "open"), left
        assert (window.review._comments is not None) is (left == "open"), left
