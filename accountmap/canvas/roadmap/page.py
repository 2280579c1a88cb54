"""The Roadmap tab: palette toolbar, "where we are" header, canvas, property panel and
the list of problems found by `validate_roadmap`."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QSizePolicy,
    QSplitter,
    QStyle,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from accountmap import catalogue
from accountmap.canvas.common.elided_label import ElidedLabel
from accountmap.canvas.common.page import CanvasPage
from accountmap.canvas.roadmap.items import (
    kind_text,
    outcome_text,
    outcome_typed,
    tr,
)
from accountmap.canvas.roadmap.panel import RoadmapPanel
from accountmap.canvas.roadmap.scene import EDGES, NODES, RoadmapScene
from accountmap.canvas.roadmap.view import RoadmapView
from accountmap.domain import clock
from accountmap.domain.problems import Severity
from accountmap.domain.roadmap_rules import days_in_checkpoint, validate_roadmap
from accountmap.domain.vocabulary import NodeKind
from accountmap.storage.errors import WorkspaceError

PALETTE = (NodeKind.START, NodeKind.CHECKPOINT, NodeKind.DECISION, NodeKind.WON, NodeKind.LOST)


class RoadHeader(QWidget):
    """Progress on the current path, days in the active checkpoint, overdue count."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.progress_label = ElidedLabel()
        self.progress_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setFixedWidth(180)
        self.bar.setMaximumHeight(14)
        self.active_label = ElidedLabel()  # "…" and the whole text in the tooltip
        self.active_label.setMinimumWidth(120)
        self.overdue_label = QLabel()
        self.overdue_label.setStyleSheet("color: #c23030; font-weight: bold;")
        layout.addWidget(self.bar)
        layout.addWidget(self.progress_label)
        layout.addSpacing(16)
        layout.addWidget(self.active_label, 1)
        layout.addSpacing(16)
        layout.addWidget(self.overdue_label)
        layout.addStretch(0)

    def show_position(self, scene: RoadmapScene) -> None:
        position = scene.position
        roadmap = scene.roadmap
        done = position.checkpoints_done if position else 0
        total = position.checkpoints_total if position else 0
        self.bar.setMaximum(max(1, total))
        self.bar.setValue(min(done, max(1, total)))
        self.progress_label.setText(
            tr("Checkpoints passed: %1 of about %2 on the current path").replace("%1", str(done))
            .replace("%2", str(total)) if roadmap.nodes else "")
        self.bar.setVisible(bool(roadmap.nodes))
        nodes = {n.id: n for n in roadmap.nodes}
        active = [nodes[i] for i in (position.active_ids if position else []) if i in nodes]
        if active:
            node = active[0]
            days = days_in_checkpoint(node, clock.today())
            text = tr("Now: “%1”").replace("%1", node.title or kind_text(NodeKind(node.kind)))
            if days is not None:
                text += " — " + tr("%1 day(s) in this checkpoint").replace("%1", str(days))
            self.active_label.setText(text)
        elif position and position.current_ids:
            names = [nodes[i].title or kind_text(NodeKind(nodes[i].kind))
                     for i in position.current_ids if i in nodes]
            self.active_label.setText(tr("Next: %1").replace("%1", "; ".join(names[:3])))
        else:
            self.active_label.setText(tr("No active checkpoint"))
        overdue = [nodes[i] for i in scene.overdue_ids if i in nodes]
        self.overdue_label.setVisible(bool(overdue))
        self.overdue_label.setText(tr("Overdue: %1").replace("%1", str(len(overdue))))
        self.overdue_label.setToolTip("\n".join(sorted(n.title for n in overdue)))


class InlineEditor(QLineEdit):
    """A line edit over the canvas: Enter or leaving commits (one command), Esc cancels."""

    def __init__(self, page: "RoadmapPage") -> None:
        super().__init__(page.view.viewport())
        self.page = page
        self.target: tuple[str, str] | None = None
        self.hide()
        self.editingFinished.connect(self.commit)

    def start(self, table: str, entity_id: str, text: str, rect) -> None:
        self.target = (table, entity_id)
        self.setText(text)
        width = max(160, rect.width() + 20)
        self.setGeometry(rect.center().x() - width // 2, rect.center().y() - 13, width, 26)
        self.show()
        self.raise_()
        self.setFocus()
        self.selectAll()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.target = None
            self.page.view.setFocus()
            self.hide()
            return
        super().keyPressEvent(event)

    def commit(self) -> None:
        target, self.target = self.target, None
        if self.hasFocus():
            self.page.view.setFocus()  # before hiding: focus must not wander to the panel
        self.hide()
        if target is None:
            return
        table, entity_id = target
        field = "outcome" if table == EDGES else "title"
        text = tr("Label the outcome") if table == EDGES else tr("Rename")
        try:
            value = outcome_typed(self.text()) if table == EDGES else self.text()
            self.page.context.editor.update(self.page.context.account_id, table, entity_id,
                                            text, **{field: value})
        except WorkspaceError as exc:
            self.page.scene.report(exc)


class RoadmapPage(CanvasPage):
    shows = ("node",)

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("RoadmapCanvas", "Roadmap")

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.scene = RoadmapScene(context, self)
        self.view = RoadmapView(self.scene)
        self.view.setObjectName("roadmapView")
        self.panel = RoadmapPanel(context)
        self.problems = QListWidget()
        self.problems.setWordWrap(True)
        self.problems.setToolTip(tr("Problems of the roadmap; click one to show it"))
        self.problems.itemClicked.connect(self._problem_clicked)
        self.problems_title = QLabel()
        self.header = RoadHeader()
        self.inline_editor = InlineEditor(self)
        self.toolbar = QToolBar()
        self._build_toolbar()
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.panel)
        problems_box = QWidget()
        box_layout = QVBoxLayout(problems_box)
        box_layout.setContentsMargins(0, 4, 0, 0)
        box_layout.addWidget(self.problems_title)
        box_layout.addWidget(self.problems)
        right.addWidget(problems_box)
        right.setStretchFactor(0, 4)
        right.setStretchFactor(1, 1)
        right.setSizes([640, 170])
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setSizes([960, 400])
        right.setMinimumWidth(340)
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.header)
        layout.addWidget(splitter, 1)
        self.scene.selectionChanged.connect(self._selection_changed)
        self.scene.positionChanged.connect(lambda: self.header.show_position(self.scene))
        self.scene.roadmapChanged.connect(self.refresh_problems)
        self.scene.placingFinished.connect(self._placing_finished)
        self.scene.editRequested.connect(self._edit_requested)
        self.header.show_position(self.scene)
        self.refresh_problems()
        from accountmap.canvas.common.comment_badges import CommentBadges  # issue 16

        self.comment_badges = CommentBadges(self.scene, "roadmap_nodes", "checkpoint_id")
        self.scene.roadmapChanged.connect(self.comment_badges.refresh)

    def first_view(self) -> None:
        self.show_where_we_are()

    def zoom_fit(self) -> None:  # Fit, Ctrl+0
        self.show_where_we_are()

    def show_where_we_are(self) -> None:
        """Fit the road; when that is too small to read, the stretch around the current step."""
        if self.act_whole_road.isChecked():
            self.leave_whole_road()
        self.view.zoom_fit()

    # ------------------------------------------------------------------ toolbar
    def _build_toolbar(self) -> None:
        bar = self.toolbar
        self.palette_group = QActionGroup(self)
        self.palette_group.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)
        self.palette_actions: dict[NodeKind, QAction] = {}
        tips = {
            NodeKind.START: tr("Place the start of the road: click, then click on the canvas"),
            NodeKind.CHECKPOINT: tr("Place a checkpoint: click, then click on the canvas"),
            NodeKind.DECISION: tr("Place a crossroads (the road branches on its outcome)"),
            NodeKind.WON: tr("Place a “won” end"),
            NodeKind.LOST: tr("Place a “lost” end"),
        }
        for kind in PALETTE:
            action = QAction(kind_text(kind), self)
            action.setCheckable(True)
            action.setToolTip(tips[kind])
            action.setStatusTip(tips[kind])
            action.toggled.connect(lambda on, k=kind: self._palette_toggled(k, on))
            self.palette_group.addAction(action)
            bar.addAction(action)
            self.palette_actions[kind] = action
        from accountmap.canvas.roadmap import insertion

        self.act_insert = bar.addAction(tr("Insert checkpoint"),
                                        lambda: insertion.insert_at_selection(self.scene))
        self.act_insert.setToolTip(tr("Insert a checkpoint after the selected node or on the "
                                      "selected branch, wired into the road (Ins)"))
        self.act_insert.setShortcut(Qt.Key.Key_Insert)
        self.act_insert.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.act_insert)  # the shortcut works wherever the page has focus
        self.act_insert.setEnabled(False)
        bar.addSeparator()
        self.act_layout = bar.addAction(tr("Auto-layout"), self.auto_layout)
        self.act_layout.setToolTip(tr("Arrange the whole road left to right (one undo step)"))
        self.act_fit = bar.addAction(tr("Fit"), self.zoom_fit)
        self.act_fit.setToolTip(tr("The whole road if it can be read, else the stretch around "
                                   "where the deal is now (Ctrl+0)"))
        self.act_whole_road = bar.addAction(tr("Whole road"))
        self.act_whole_road.setCheckable(True)
        self.act_whole_road.setToolTip(tr("The whole road folded into rows that fit the window, "
                                          "titles large; double-click a step to go there"))
        self.act_whole_road.toggled.connect(self._whole_road_toggled)
        from accountmap.canvas.roadmap.arrangement import lanes_remembered

        self.act_lanes = bar.addAction(tr("Lanes by stage"))
        self.act_lanes.setCheckable(True)
        self.act_lanes.setToolTip(tr("Each step in the lane of its journey stage (a way of "
                                     "showing the road; nothing in the file changes)"))
        self.act_lanes.setChecked(lanes_remembered())
        self.scene.arrangement.set_lanes(self.act_lanes.isChecked(), remember=False)
        self.act_lanes.toggled.connect(self._lanes_toggled)
        bar.addSeparator()
        self.act_from_template = bar.addAction(tr("New roadmap from template…"),
                                               self.new_from_template)
        self.act_save_template = bar.addAction(tr("Save roadmap as template…"),
                                               self.save_as_template)
        writable = not self.context.document.read_only
        for action in [*self.palette_actions.values(), self.act_layout, self.act_from_template]:
            action.setEnabled(writable)

    def _whole_road_toggled(self, on: bool) -> None:
        if on:
            self.view.fit_whole_road()
        else:
            self.show_where_we_are()

    def leave_whole_road(self) -> None:
        """Back from the folded road to the road as it stands (without refitting)."""
        self.act_whole_road.blockSignals(True)
        self.act_whole_road.setChecked(False)
        self.act_whole_road.blockSignals(False)
        self.scene.arrangement.set_fold(None)

    def _lanes_toggled(self, on: bool) -> None:
        self.scene.arrangement.set_lanes(on)
        if self.act_whole_road.isChecked():
            self.view.fit_whole_road()
        else:
            self.show_where_we_are()

    def _palette_toggled(self, kind: NodeKind, on: bool) -> None:
        if on and self.act_whole_road.isChecked():  # new steps go on the road as it stands
            self.leave_whole_road()
            self.show_where_we_are()
        if on:
            self.scene.placing = kind
            self.view.viewport().setCursor(Qt.CursorShape.CrossCursor)
        elif self.scene.placing == kind:
            self.scene.placing = None
            self.view.viewport().unsetCursor()

    def _placing_finished(self) -> None:
        for action in self.palette_actions.values():
            action.blockSignals(True)
            action.setChecked(False)
            action.blockSignals(False)
        self.view.viewport().unsetCursor()

    # ------------------------------------------------------------------ selection
    def _selection_changed(self) -> None:
        from accountmap.canvas.roadmap import insertion

        keys = self.scene.selected_keys()
        self.act_insert.setEnabled(not self.context.document.read_only
                                   and insertion.insertable(self.scene))
        if len(keys) == 1:
            self.panel.set_target(*keys[0])
        else:
            self.panel.set_target(None, None)

    def _edit_requested(self, table: str, entity_id: str) -> None:
        """Double-click: edit the node's title or the branch's outcome in place; on the
        folded whole road, go to that step on the road as it stands."""
        self.panel.set_target(table, entity_id)
        if self.act_whole_road.isChecked():
            self.leave_whole_road()
            self.view.set_zoom(max(self.view.zoom, 0.75))
            self.focus_key((table, entity_id))
            return
        item = self.scene.items_by_key.get((table, entity_id))
        if item is None or self.context.document.read_only:
            return
        if table == EDGES:
            rect = item.label_rect if item.label_text else QRectF(
                item.path.pointAtPercent(0.5) - QPointF(60, 10), QSizeF(120, 20))
            text = outcome_text(item.edge.outcome)
        else:
            rect = item.sceneBoundingRect().adjusted(8, 8, -8, 0)
            rect.setHeight(26)
            text = item.node.title
        self.inline_editor.start(table, entity_id, text,
                                 self.view.mapFromScene(rect).boundingRect())

    def focus_entity(self, kind: str, entity_id: str) -> None:
        table = NODES if kind == "node" else EDGES if kind == "edge" else None
        if table:
            self.focus_key((table, entity_id))

    def focus_key(self, key) -> None:
        item = self.scene.items_by_key.get(tuple(key))
        if item is None:
            return
        self.scene.select_keys([key])
        self.view.centerOn(item.sceneBoundingRect().center())

    # ------------------------------------------------------------------ problems
    def refresh_problems(self) -> None:
        lang = self.context.lang
        self.problems.clear()
        if not self.context.document.has_account(self.context.account_id):
            return
        problems = validate_roadmap(self.scene.roadmap)
        style = self.style()
        for problem in problems:
            item = QListWidgetItem(catalogue.describe(problem, lang))
            icon = (QStyle.StandardPixmap.SP_MessageBoxWarning
                    if problem.severity == Severity.WARNING
                    else QStyle.StandardPixmap.SP_MessageBoxCritical)
            item.setIcon(style.standardIcon(icon))
            item.setData(Qt.ItemDataRole.UserRole, problem.entity_id)
            item.setToolTip(item.text())
            self.problems.addItem(item)
        self.problems_title.setText(
            tr("Problems: %1").replace("%1", str(len(problems))) if problems
            else tr("No problems: the road is well formed"))

    def _problem_clicked(self, item: QListWidgetItem) -> None:
        entity_id = item.data(Qt.ItemDataRole.UserRole)
        if not entity_id:
            return
        for table in (NODES, EDGES):
            if (table, entity_id) in self.scene.items_by_key:
                self.focus_key((table, entity_id))
                return

    # ------------------------------------------------------------------ routed actions
    def select_all(self) -> None:
        for item in self.scene.items_by_key.values():
            item.setSelected(True)

    def delete_selection(self) -> None:
        self.scene.delete_selection()

    def copy_selection(self) -> None:
        mime = self.scene.copy_mime()
        if mime is not None:
            QApplication.clipboard().setMimeData(mime)

    def cut_selection(self) -> None:
        mime = self.scene.copy_mime()
        if mime is None:
            return
        QApplication.clipboard().setMimeData(mime)
        self.scene.delete_selection()

    def paste(self) -> None:
        self.scene.paste_mime(QApplication.clipboard().mimeData())


    # ------------------------------------------------------------------ layout, templates
    def auto_layout(self) -> None:
        from accountmap.layout.roadmap_layout import layout_roadmap

        positions = layout_roadmap(self.scene.roadmap)
        try:
            self.context.editor.move(self.context.account_id,
                                     {(NODES, i): xy for i, xy in positions.items()},
                                     text=tr("Auto-layout"))
        except WorkspaceError as exc:
            self.scene.report(exc)
            return
        self.zoom_fit()

    def new_from_template(self) -> None:
        from accountmap.canvas.roadmap.templates_ui import new_from_template

        new_from_template(self)

    def save_as_template(self) -> None:
        from accountmap.canvas.roadmap.templates_ui import save_as_template

        save_as_template(self)
