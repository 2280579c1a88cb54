"""The account-map page: toolbar, canvas (cards, frames, edges, legend) and the property
panel. Implements the actions the main window routes to the current page."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSplitter,
    QToolBar,
    QToolButton,
    QVBoxLayout,
)

from accountmap.canvas.accountmap import style
from accountmap.layout.orgchart import layout_account_map
from accountmap.canvas.accountmap.clipboard import MIME_TYPE, paste_items, selection_json
from accountmap.canvas.accountmap.items import CardItem, CentreItem, EdgeItem
from accountmap.canvas.accountmap.view import MapView
from accountmap.canvas.accountmap.scene import AccountMapScene
from accountmap.canvas.common.hints import show_hint
from accountmap.canvas.common.page import CanvasPage
from accountmap.domain.models import DecisionCentre, Stakeholder
from accountmap.domain.vocabulary import RelationshipKind
from accountmap.layout.sizes import CARD_HEIGHT, CARD_WIDTH
from accountmap.document import collector
from accountmap.panels.properties_map import MapPropertyPanel
from accountmap.storage.errors import WorkspaceError
from accountmap.panels.pickers import ok_cancel


class ConnectDialog(QDialog):
    """"Connect to…": choose the other person and the kind of relationship."""

    def __init__(self, account, from_id: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to…"))
        form = QFormLayout(self)
        self.person = QComboBox()
        people = sorted((s for s in account.stakeholders if s.id != from_id),
                        key=lambda s: s.full_name.casefold())
        for s in people:
            self.person.addItem(s.full_name or self.tr("(no name)"), s.id)
        self.kind = QComboBox()
        for value in RelationshipKind:
            self.kind.addItem(style.relationship_name(value), value.value)
        self.kind.setCurrentIndex(self.kind.findData(RelationshipKind.INFLUENCES.value))
        me = account.stakeholder(from_id)
        form.addRow(self.tr("From"), QLabel(me.full_name if me else ""))
        form.addRow(self.tr("To"), self.person)
        form.addRow(self.tr("Kind"), self.kind)
        buttons = ok_cancel(self)
        form.addRow(buttons)


class AccountMapPage(CanvasPage):
    shows = ("stakeholder", "decision_centre")

    @classmethod
    def title(cls) -> str:
        return cls.tr("Account map")

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.scene = AccountMapScene(context, self)
        self.view = MapView(self.scene)
        self.view.setToolTip("")
        self.panel = MapPropertyPanel(context)
        self._selection_order: list = []
        self._build_toolbar()
        if context.document.read_only:  # the window's banner says why
            for action in (self.act_add_person, self.act_add_centre, self.act_connect,
                           self.act_arrange):
                action.setEnabled(False)
            self.kind_button.setEnabled(False)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setSizes([1000, 360])
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(splitter, 1)
        self.scene.selectionChanged.connect(self._on_selection)
        self.scene.contextMenuWanted.connect(self._context_menu)
        context.document.rowsChanged.connect(self._on_rows_changed)
        context.document.settingsChanged.connect(self.view.legend.refresh)
        from accountmap.canvas.common.comment_badges import CommentBadges  # issue 16

        self.comment_badges = CommentBadges(self.scene, "stakeholders", "stakeholder_id")

    # ================================================================== toolbar
    def _act(self, text: str, tip: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setToolTip(f"{tip} ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})")
            self.view.addAction(action)  # on the canvas only: Ins in a text field stays Ins
        action.triggered.connect(lambda _=False: slot())
        return action

    def _build_toolbar(self) -> None:
        bar = QToolBar(self)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar = bar
        self.act_add_person = self._act(self.tr("Add person"), self.tr("Add a stakeholder card"),
                                        lambda: self.add_person(), Qt.Key.Key_Insert)
        self.act_add_centre = self._act(self.tr("Add decision centre"),
                                        self.tr("Add a decision centre (a frame that groups people)"),
                                        lambda: self.add_centre())
        self.act_connect = self._act(self.tr("Connect"),
                                     self.tr("Connect the two selected cards (or drag from a card's ⊕ handle to another card)"),
                                     self.connect_selected)
        self.act_arrange = self._act(self.tr("Arrange automatically"),
                                     self.tr("Lay out the decision centres and cards automatically (one undo step)"),
                                     self.arrange)
        bar.addAction(self.act_add_person)
        bar.addAction(self.act_add_centre)
        bar.addAction(self.act_connect)
        kind_button = QToolButton()
        kind_button.setToolTip(self.tr("The kind of relationship new connections get"))
        kind_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        kind_menu = QMenu(kind_button)
        group = QActionGroup(self)
        self.kind_actions: dict[RelationshipKind, QAction] = {}
        for kind in RelationshipKind:
            action = kind_menu.addAction(style.relationship_name(kind))
            action.setCheckable(True)
            action.setChecked(kind == RelationshipKind.INFLUENCES)
            group.addAction(action)
            action.triggered.connect(lambda _=False, k=kind: self.set_connect_kind(k))
            self.kind_actions[kind] = action
        kind_button.setMenu(kind_menu)
        kind_button.setText(style.relationship_name(RelationshipKind.INFLUENCES))
        self.kind_button = kind_button
        bar.addWidget(kind_button)
        bar.addAction(self.act_arrange)
        bar.addSeparator()
        self.overlay = QComboBox()
        for overlay in style.OVERLAYS:
            self.overlay.addItem(style.overlay_name(overlay), overlay)
        self.overlay.setToolTip(self.tr("What the cards' colours show; “Coverage” marks gaps in the buying group"))
        self.overlay.currentIndexChanged.connect(lambda _i: self.set_overlay(self.overlay.currentData()))
        bar.addWidget(self.overlay)
        bar.addSeparator()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find a person…"))
        self.search.setToolTip(self.tr("Highlight people whose name or title contains this text; Enter shows the next"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(220)
        self.search.textChanged.connect(lambda text: self.find(text))
        self.search.returnPressed.connect(self.find_next)
        bar.addWidget(self.search)
        self.search_result = QLabel()
        bar.addWidget(self.search_result)
        bar.addSeparator()
        self.act_zoom_in = self._act(self.tr("Zoom in"), self.tr("Zoom in (or Ctrl + wheel / pinch)"), self.zoom_in)
        self.act_zoom_out = self._act(self.tr("Zoom out"), self.tr("Zoom out"), self.zoom_out)
        self.act_zoom_fit = self._act(self.tr("Fit"), self.tr("Fit the whole map in the window"), self.zoom_fit)
        self.act_zoom_in.setText("+")
        self.act_zoom_out.setText("−")
        for action in (self.act_zoom_in, self.act_zoom_out, self.act_zoom_fit):
            bar.addAction(action)
        self._matches: list = []
        self._match_index = 0

    def set_connect_kind(self, kind: RelationshipKind) -> None:
        self.scene.default_kind = RelationshipKind(kind)
        self.kind_actions[RelationshipKind(kind)].setChecked(True)
        self.kind_button.setText(style.relationship_name(kind))

    def set_overlay(self, overlay: str) -> None:
        self.scene.set_overlay(overlay)
        index = self.overlay.findData(overlay)
        if index != self.overlay.currentIndex():
            self.overlay.setCurrentIndex(index)
        self.view.legend.refresh()

    # ================================================================== life
    def _on_rows_changed(self, account_id: str, table: str, ids: list) -> None:
        if account_id == self.context.account_id and self.scene.overlay == style.OVERLAY_COVERAGE \
                and self.context.document.has_account(account_id):
            self.view.legend.refresh()

    def _on_selection(self) -> None:
        selected = self.scene.selectedItems()
        self._selection_order = [i for i in self._selection_order if i in selected] + \
            [i for i in selected if i not in self._selection_order]
        entities = [i for i in self._selection_order if isinstance(i, (CardItem, CentreItem, EdgeItem))]
        if len(entities) == 1:
            self.panel.show_entity(entities[0].key[0], entities[0].entity_id)
        else:
            self.panel.show_nothing()

    def report(self, exc: WorkspaceError) -> None:
        self.context.document.errorOccurred.emit(exc.message(self.context.lang))

    def _view_centre(self) -> QPointF:
        return self.view.mapToScene(self.view.viewport().rect().center())

    def select_only(self, items) -> None:
        self.scene.clearSelection()
        for item in items:
            if item is not None:
                item.setSelected(True)

    # ================================================================== adding
    def add_person(self, pos: QPointF | None = None, centre_id: str | None = "auto") -> str | None:
        """A new card: into the selected centre (or the one clicked), in a free slot of its
        frame, the frame grown to hold it; one undo step."""
        from accountmap.document import membership

        account = self.context.account
        if pos is None and centre_id == "auto":
            centre_id = self._selected_centre_id()
            slot = membership.slot_for_new_card(account, centre_id) if centre_id else None
            pos = QPointF(*slot) if slot else None
        if pos is None:
            pos = self._view_centre() - QPointF(CARD_WIDTH / 2, CARD_HEIGHT / 2)
        pos = self.scene.free_spot(pos)
        if centre_id == "auto":
            centre = self.scene.centre_at(pos + QPointF(CARD_WIDTH / 2, CARD_HEIGHT / 2))
            centre_id = centre.entity_id if centre else None
        if centre_id is not None:
            pos = QPointF(*membership.dropped_into(account, centre_id, (pos.x(), pos.y())))
        person = Stakeholder(full_name=self.tr("New person"), x=pos.x(), y=pos.y(),
                             decision_centre_id=centre_id)
        editor = self.context.editor
        try:
            changes, (pid,) = editor.new_rows(self.context.account_id, [("stakeholders", person)])
            changes += membership.growth_changes(editor, account, centre_id, {pid: (pos.x(), pos.y())})
            editor.commit(changes, self.tr("Add person"))
        except WorkspaceError as exc:
            self.report(exc)
            return None
        self.select_only([self.scene.cards.get(pid)])
        self.panel.person_form.full_name.setFocus()
        self.panel.person_form.full_name.selectAll()
        return pid

    def _selected_centre_id(self) -> str | None:
        """The centre a new person goes into: the selected frame, or the selected card's."""
        for item in reversed(self._selection_order):
            if isinstance(item, CentreItem):
                return item.entity_id
            if isinstance(item, CardItem) and item.person.decision_centre_id:
                return item.person.decision_centre_id
        return None

    def add_centre(self, pos: QPointF | None = None) -> str | None:
        if pos is None:
            pos = self._view_centre() - QPointF(180, 130)
        centre = DecisionCentre(name=self.tr("New decision centre"),
                                x=round(pos.x() / 10) * 10, y=round(pos.y() / 10) * 10)
        try:
            cid = self.context.editor.add(self.context.account_id, "decision_centres", centre,
                                          self.tr("Add decision centre"))
        except WorkspaceError as exc:
            self.report(exc)
            return None
        self.select_only([self.scene.centres.get(cid)])
        self.panel.centre_form.name.setFocus()
        self.panel.centre_form.name.selectAll()
        return cid

    def connect_selected(self) -> None:
        cards = [i for i in self._selection_order if isinstance(i, CardItem)]
        if len(cards) == 2:
            self.scene.connect_people(cards[0].entity_id, cards[1].entity_id)
        elif len(cards) == 1:
            self.connect_to_dialog(cards[0].entity_id)
        else:  # a hint in the status bar, not a message box
            show_hint(self.view, self.tr(
                "Select two cards to connect, or drag from a card's ⊕ handle to another card."))

    def connect_to_dialog(self, from_id: str) -> None:
        if len(self.context.account.stakeholders) < 2:
            show_hint(self.view, self.tr("There is nobody else to connect to yet."))
            return
        dialog = ConnectDialog(self.context.account, from_id, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.person.currentData():
            self.scene.connect_people(from_id, dialog.person.currentData(),
                                      RelationshipKind(dialog.kind.currentData()))

    def add_question(self, person_id: str) -> None:
        self.select_only([self.scene.cards.get(person_id)])
        self.panel.show_entity("stakeholders", person_id)
        self.panel.person_form.add_question()

    def arrange(self) -> None:
        with collector.paused():  # thousands of rows and lines made: no collection meanwhile
            self._arrange()

    def _arrange(self) -> None:
        account = self.context.account
        layout = layout_account_map(account)
        updates = []
        for pid, (x, y) in layout.cards.items():
            updates.append(("stakeholders", pid, {"x": float(x), "y": float(y)}))
        for cid, (x, y, w, h) in layout.centres.items():
            updates.append(("decision_centres", cid, {"x": float(x), "y": float(y),
                                                      "width": max(10.0, float(w)),
                                                      "height": max(10.0, float(h))}))
        try:
            self.context.editor.update_many(self.context.account_id, updates,
                                            self.tr("Arrange automatically"))
        except WorkspaceError as exc:
            self.report(exc)
            return
        self.zoom_fit()

    # ================================================================== routed actions
    def select_all(self) -> None:
        for item in self.scene.items_by_key.values():
            item.setSelected(True)

    def delete_selection(self) -> None:
        targets: dict[str, list[str]] = {}
        for item in self.scene.selectedItems():
            if isinstance(item, (CardItem, CentreItem, EdgeItem)):
                targets.setdefault(item.key[0], []).append(item.entity_id)
        if not targets:
            return
        try:
            self.context.editor.delete(self.context.account_id, targets, self.tr("Delete from the map"))
        except WorkspaceError as exc:
            self.report(exc)

    def copy_selection(self) -> bool:
        people = self.scene.selected_ids("stakeholders")
        centres = self.scene.selected_ids("decision_centres")
        if not people and not centres:
            return False
        mime = QMimeData()
        text = selection_json(self.context.account, people, centres)
        mime.setData(MIME_TYPE, text.encode("utf-8"))
        names = [self.context.account.stakeholder(p).full_name for p in people]
        mime.setText("\n".join(n for n in names if n))
        QGuiApplication.clipboard().setMimeData(mime)
        return True

    def cut_selection(self) -> None:
        """Copy, then delete what was copied (a frame's people go with it, as in the copy)."""
        if not self.copy_selection():
            return
        centres = set(self.scene.selected_ids("decision_centres"))
        people = set(self.scene.selected_ids("stakeholders")) | {
            s.id for s in self.context.account.stakeholders if s.decision_centre_id in centres}
        targets = {"stakeholders": sorted(people), "decision_centres": sorted(centres),
                   "relationships": self.scene.selected_ids("relationships")}
        try:
            self.context.editor.delete(self.context.account_id, targets, self.tr("Cut"))
        except WorkspaceError as exc:
            self.report(exc)

    def paste(self, pos: QPointF | None = None) -> list[str]:
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None or not mime.hasFormat(MIME_TYPE):
            return []
        text = bytes(mime.data(MIME_TYPE).data()).decode("utf-8", errors="replace")
        offset = None
        if pos is not None:
            import json

            try:
                data = json.loads(text)
                xs = [c["x"] for c in data.get("decision_centres", [])] + [s["x"] for s in data.get("stakeholders", [])]
                ys = [c["y"] for c in data.get("decision_centres", [])] + [s["y"] for s in data.get("stakeholders", [])]
                if xs:
                    offset = (round((pos.x() - min(xs)) / 10) * 10, round((pos.y() - min(ys)) / 10) * 10)
            except (ValueError, TypeError, KeyError, AttributeError):
                offset = None
        items = paste_items(text, self.context.account, offset)
        if not items:
            self.context.document.errorOccurred.emit(self.tr("The clipboard holds nothing that can be pasted on the map."))
            return []
        try:
            ids = self.context.editor.add_many(self.context.account_id, items, self.tr("Paste"))
        except WorkspaceError as exc:
            self.report(exc)
            return []
        self.select_only([self.scene.items_by_key.get((t, i)) for (t, _e), i in zip(items, ids)
                          if t in ("stakeholders", "decision_centres")])
        return ids


    def focus_entity(self, kind: str, entity_id: str) -> None:
        table = {"stakeholder": "stakeholders", "decision_centre": "decision_centres"}.get(kind, kind)
        item = self.scene.items_by_key.get((table, entity_id))
        if item is None:
            return
        self.select_only([item])
        self.view.centerOn(item)

    # ================================================================== search
    def find(self, text: str) -> int:
        self._matches = self.scene.highlight(text)
        self._match_index = 0
        if text.strip():
            self.search_result.setText(self.tr("%1 found").replace("%1", str(len(self._matches))))
        else:
            self.search_result.setText("")
        if self._matches:
            self.view.centerOn(self._matches[0])
        return len(self._matches)

    def find_next(self) -> None:
        if not self._matches:
            return
        self._match_index = (self._match_index + 1) % len(self._matches)
        card = self._matches[self._match_index]
        self.view.centerOn(card)
        self.select_only([card])

    # ================================================================== context menus
    def _context_menu(self, item, scene_pos: QPointF, screen_pos) -> None:
        menu = self.build_context_menu(item, scene_pos)
        menu.exec(screen_pos)

    def build_context_menu(self, item, scene_pos: QPointF) -> QMenu:
        menu = QMenu(self)
        if isinstance(item, CardItem):
            pid = item.entity_id
            menu.addAction(self.tr("Edit"), lambda: self._edit(item))
            menu.addAction(self.tr("Connect to…"), lambda: self.connect_to_dialog(pid))
            menu.addAction(self.tr("Add open question"), lambda: self.add_question(pid))
            menu.addSeparator()
            menu.addAction(self.tr("Copy"), self.copy_selection)
            menu.addAction(self.tr("Delete"), self.delete_selection)
        elif isinstance(item, EdgeItem):
            menu.addAction(self.tr("Edit"), lambda: self._edit(item))
            kinds = menu.addMenu(self.tr("Kind"))
            for kind in RelationshipKind:
                action = kinds.addAction(style.relationship_name(kind),
                                         lambda k=kind: self._set_edge_kind(item.entity_id, k))
                action.setCheckable(True)
                action.setChecked(item.relationship.kind == kind)
            menu.addAction(self.tr("Delete"), self.delete_selection)
        elif isinstance(item, CentreItem):
            cid = item.entity_id
            menu.addAction(self.tr("Edit"), lambda: self._edit(item))
            menu.addAction(self.tr("Add person here"),
                           lambda: self.add_person(scene_pos - QPointF(CARD_WIDTH / 2, CARD_HEIGHT / 2), cid))
            menu.addAction(self.tr("Copy"), self.copy_selection)
            menu.addAction(self.tr("Delete decision centre (people stay)"), self.delete_selection)
        else:
            menu.addAction(self.tr("Add person here"),
                           lambda: self.add_person(scene_pos - QPointF(CARD_WIDTH / 2, CARD_HEIGHT / 2)))
            menu.addAction(self.tr("Add decision centre here"), lambda: self.add_centre(scene_pos))
            paste = menu.addAction(self.tr("Paste"), lambda: self.paste(scene_pos))
            mime = QGuiApplication.clipboard().mimeData()
            paste.setEnabled(bool(mime and mime.hasFormat(MIME_TYPE)))
            menu.addSeparator()
            menu.addAction(self.tr("Arrange automatically"), self.arrange)
            menu.addAction(self.tr("Fit to window"), self.zoom_fit)
        return menu

    def _edit(self, item) -> None:
        self.select_only([item])
        self.panel.show_entity(item.key[0], item.entity_id)

    def _set_edge_kind(self, relationship_id: str, kind: RelationshipKind) -> None:
        try:
            self.context.editor.update(self.context.account_id, "relationships", relationship_id,
                                       self.tr("Change relationship kind"), kind=kind.value)
        except WorkspaceError as exc:
            self.report(exc)
