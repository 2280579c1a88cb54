"""The review comments of the open workspace as a list (a dock of the main window): each
comment with its replies under it, what it is on, who wrote it and when. Filter open /
resolved / all; double-click goes to the account, person or checkpoint; new comment,
reply, resolve/reopen and delete go through the editor (one undo step each)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from accountmap.domain.dates import format_date
from accountmap.storage.errors import WorkspaceError

if TYPE_CHECKING:  # the domain (pydantic) loads after the window is shown (docs/PERFORMANCE.md)
    from accountmap.domain.models import Account, ReviewComment

TABLE = "review_comments"
ID_ROLE = Qt.ItemDataRole.UserRole
ACCOUNT_ROLE = Qt.ItemDataRole.UserRole + 1


def tr(text: str) -> str:
    return QCoreApplication.translate("ReviewComments", text)


def target_of(account: Account, comment: ReviewComment) -> tuple[str, str, str]:
    """(kind for show_entity, entity id, name) of what the comment is on."""
    if comment.stakeholder_id is not None:
        person = account.stakeholder(comment.stakeholder_id)
        return "stakeholder", comment.stakeholder_id, person.full_name if person else ""
    if comment.checkpoint_id is not None:
        node = account.node(comment.checkpoint_id)
        return "node", comment.checkpoint_id, node.title if node else ""
    if comment.target_name:  # written on an item deleted since
        return "account", account.id, tr("{name} (deleted)").format(name=comment.target_name)
    return "account", account.id, tr("The account")


class CommentDialog(QDialog):
    """A comment's text, and for a new one what it is on (the account, a person or a
    checkpoint of the current account)."""

    def __init__(self, title: str, targets: list[tuple[str, str, str]] | None = None,
                 text: str = "", author: str = "", parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        form = QFormLayout(self)
        self.author = QLineEdit(author)
        self.author.setToolTip(tr("Your name as the KAM will see it (remembered)"))
        form.addRow(tr("Author:"), self.author)
        self.target = QComboBox()
        for kind, entity_id, name in targets or []:
            self.target.addItem(name, (kind, entity_id))
        if targets:
            form.addRow(tr("On:"), self.target)
        self.text = QPlainTextEdit(text)
        self.text.setPlaceholderText(tr("What should the KAM look at?"))
        self.text.setMinimumSize(420, 140)
        form.addRow(tr("Comment:"), self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class ReviewCommentsPanel(QWidget):
    goTo = Signal(str, str, str)  # account id, kind (account | stakeholder | node), entity id

    def __init__(self, author: Callable[[], str], today: Callable[[], dt.date],
                 current_account: Callable[[], str | None], lang: str = "ru",
                 parent=None) -> None:
        super().__init__(parent)
        self.author, self.today, self.current_account = author, today, current_account
        self.lang = lang
        self.document = self.editor = None
        self.filter = QComboBox()
        for text, key in ((tr("Open"), "open"), (tr("Resolved"), "resolved"),
                          (tr("All"), "all")):
            self.filter.addItem(text, key)
        self.filter.setToolTip(tr("Which comments to list"))
        self.filter.currentIndexChanged.connect(self.refresh)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([tr("Comment"), tr("On"), tr("Account"), tr("Author"),
                                   tr("Date")])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()  # the comment's text takes the room left
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        self.tree.setWordWrap(True)
        self.tree.setToolTip(tr("Double-click a comment to go to what it is on"))
        self.tree.itemDoubleClicked.connect(self._go)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._menu)
        self.count = QLabel()
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, text, tip, slot in (
            ("new", tr("New…"), tr("Comment on the account, a person or a checkpoint"),
             self.ask_new),
            ("reply", tr("Reply…"), tr("Answer the selected comment"), self.ask_reply),
            ("resolve", tr("Resolve"), tr("Mark the selected comment resolved (or open again)"),
             self.toggle_selected),
            ("delete", tr("Delete"), tr("Delete the selected comment and its replies"),
             self.delete_selected),
        ):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.clicked.connect(lambda _=False, s=slot: s())
            self.buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Show:")))
        top.addWidget(self.filter)
        top.addStretch(1)
        top.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addLayout(row)
        self._update_buttons()

    # ------------------------------------------------------------------ model
    def set_document(self, document, editor) -> None:
        if self.document is not None:
            self.document.changed.disconnect(self._on_changed)
        self.document, self.editor = document, editor
        if document is not None:
            document.changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, change) -> None:
        if change.accounts or any(table in (TABLE, "stakeholders", "roadmap_nodes")
                                  for _account, table in change.tables):
            self.refresh()

    def comment(self, account_id: str, comment_id: str) -> ReviewComment | None:
        return next((c for c in self.document.account(account_id).review_comments
                     if c.id == comment_id), None)

    def refresh(self) -> None:
        selected = self.selected()
        self.tree.clear()
        shown = 0
        if self.document is not None:
            wanted = self.filter.currentData()
            for account_id in self.document.account_ids():
                try:
                    account = self.document.account(account_id)
                except WorkspaceError:
                    continue
                shown += self._fill(account, wanted)
        self.tree.expandAll()
        for column, width in ((1, 190), (2, 170), (3, 150), (4, 90)):
            self.tree.setColumnWidth(column, width)
        self.count.setText(tr("{count} shown").format(count=shown))
        if selected is not None:
            self.select(*selected)
        self._update_buttons()

    def _fill(self, account: Account, wanted: str) -> int:
        items: dict[str, QTreeWidgetItem] = {}
        ids = {c.id for c in account.review_comments}
        shown = 0
        for comment in account.review_comments:
            root = comment.reply_to is None or comment.reply_to not in ids
            if root and (wanted == "open" and comment.resolved
                         or wanted == "resolved" and not comment.resolved):
                continue
            parent = None if root else items.get(comment.reply_to)
            if not root and parent is None:
                continue  # the thread is filtered out
            item = QTreeWidgetItem([
                " ".join(comment.text.split()), target_of(account, comment)[2], account.name,
                comment.author, format_date(comment.date, self.lang) if comment.date else ""])
            item.setData(0, ID_ROLE, comment.id)
            item.setData(0, ACCOUNT_ROLE, account.id)
            item.setToolTip(0, comment.text)
            for column in (1, 2, 3):  # narrow columns elide: the whole text on hover
                item.setToolTip(column, item.text(column))
            if comment.resolved:
                font = item.font(0)
                font.setStrikeOut(True)
                item.setFont(0, font)
                item.setToolTip(0, tr("Resolved") + "\n" + comment.text)
            (parent.addChild(item) if parent is not None else self.tree.addTopLevelItem(item))
            items[comment.id] = item
            shown += root
        return shown

    # ------------------------------------------------------------------ selection
    def selected(self) -> tuple[str, str] | None:
        items = self.tree.selectedItems()
        if not items:
            return None
        return items[0].data(0, ACCOUNT_ROLE), items[0].data(0, ID_ROLE)

    def select(self, account_id: str, comment_id: str) -> bool:
        for item in self._all_items():
            if item.data(0, ID_ROLE) == comment_id and item.data(0, ACCOUNT_ROLE) == account_id:
                self.tree.setCurrentItem(item)
                return True
        return False

    def _all_items(self):
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop()
            yield item
            stack += [item.child(i) for i in range(item.childCount())]

    def _update_buttons(self) -> None:
        writable = self.document is not None and not self.document.read_only
        chosen = self.selected()
        self.buttons["new"].setEnabled(writable and bool(self.current_account()))
        for key in ("reply", "resolve", "delete"):
            self.buttons[key].setEnabled(writable and chosen is not None)
        if chosen is not None and self.document is not None:
            comment = self.comment(*chosen)
            self.buttons["resolve"].setText(tr("Reopen") if comment and comment.resolved
                                            else tr("Resolve"))

    def _go(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        account_id, comment_id = item.data(0, ACCOUNT_ROLE), item.data(0, ID_ROLE)
        comment = self.comment(account_id, comment_id)
        if comment is not None:
            kind, entity_id, _name = target_of(self.document.account(account_id), comment)
            self.goTo.emit(account_id, kind, entity_id)

    def _menu(self, pos) -> None:
        menu = QMenu(self)
        for key in ("reply", "resolve", "delete", "new"):
            button = self.buttons[key]
            action = menu.addAction(button.text(), button.click)
            action.setEnabled(button.isEnabled())
        menu.popup(self.tree.viewport().mapToGlobal(pos))

    # ------------------------------------------------------------------ edits
    def _edit(self, gesture) -> object:
        try:
            return gesture()
        except WorkspaceError as exc:
            self.document.errorOccurred.emit(exc.message(self.lang))
            return None

    def add(self, account_id: str, kind: str, entity_id: str | None, text: str) -> str | None:
        """A new comment on the account, a person (stakeholder) or a checkpoint (node)."""
        account = self.document.account(account_id)
        fields: dict = {}
        if kind == "stakeholder":
            fields = {"stakeholder_id": entity_id,
                      "target_name": account.stakeholder(entity_id).full_name}
        elif kind == "node":
            fields = {"checkpoint_id": entity_id, "target_name": account.node(entity_id).title}
        elif kind != "account":
            raise ValueError(f"a comment is on the account, a stakeholder or a node, not {kind!r}")
        from accountmap.domain.models import ReviewComment

        comment = ReviewComment(author=self.author(), date=self.today(), text=text, **fields)
        return self._edit(lambda: self.editor.add_comment(account_id, comment))

    def reply(self, account_id: str, comment_id: str, text: str) -> str | None:
        parent = self.comment(account_id, comment_id)
        from accountmap.domain.models import ReviewComment

        comment = ReviewComment(author=self.author(), date=self.today(), text=text,
                                reply_to=parent.id, stakeholder_id=parent.stakeholder_id,
                                checkpoint_id=parent.checkpoint_id,
                                target_name=parent.target_name)
        return self._edit(lambda: self.editor.add_comment(account_id, comment))

    def set_resolved(self, account_id: str, comment_id: str, resolved: bool) -> None:
        self._edit(lambda: self.editor.revise_comment(account_id, comment_id,
                                                      resolved=resolved))

    def delete(self, account_id: str, comment_id: str) -> None:
        self._edit(lambda: self.editor.delete(account_id, {TABLE: [comment_id]},
                                              tr("Delete comment")))

    def ask_new(self) -> None:
        account_id = self.current_account()
        if not account_id or self.document is None:
            return
        account = self.document.account(account_id)
        targets = [("account", account.id, tr("The account: {name}").format(name=account.name))]
        targets += [("stakeholder", s.id, s.full_name) for s in account.stakeholders]
        targets += [("node", n.id, n.title) for n in account.roadmap.nodes
                    if n.kind in ("checkpoint", "decision")]
        dialog = CommentDialog(tr("New review comment"), targets, author=self.author(),
                               parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.text.toPlainText().strip():
            _remember_author(dialog.author.text())
            kind, entity_id = dialog.target.currentData()
            made = self.add(account_id, kind, entity_id, dialog.text.toPlainText().strip())
            if made:
                self.select(account_id, made)

    def ask_reply(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        dialog = CommentDialog(tr("Reply"), author=self.author(), parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.text.toPlainText().strip():
            _remember_author(dialog.author.text())
            made = self.reply(*chosen, dialog.text.toPlainText().strip())
            if made:
                self.select(chosen[0], made)

    def toggle_selected(self) -> None:
        chosen = self.selected()
        comment = chosen and self.comment(*chosen)
        if comment:
            self.set_resolved(*chosen, not comment.resolved)

    def delete_selected(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.delete(*chosen)


AUTHOR_KEY = "review/author"


def _remember_author(name: str) -> None:
    """The name comments are signed with, for the next ones (QSettings)."""
    from PySide6.QtCore import QSettings

    if name.strip():
        QSettings().setValue(AUTHOR_KEY, " ".join(name.split()))
