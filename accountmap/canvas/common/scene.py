"""The scene base shared by both canvases: an id → item map, and the move gesture.

Items never write the model. During a drag they move visually; on release the scene
pushes ONE move command for every item that moved (snapped to the grid). Arrow keys nudge
the selection; repeated nudges of the same selection merge into one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from accountmap.layout.sizes import GRID
from accountmap.storage.errors import WorkspaceError


def snap(value: float, step: float = GRID) -> float:
    return round(value / step) * step


class EntityItem:
    """Mixin for a graphics item that shows one entity: `key = (table, id)`."""

    key: tuple[str, str]
    movable_to_model = True  # its position is the entity's x, y

    def model_pos(self) -> QPointF:  # the position the model holds (set by the scene)
        return getattr(self, "_model_pos", QPointF())

    def set_model_pos(self, pos: QPointF) -> None:
        self._model_pos = QPointF(pos)
        self.setPos(pos)


# The depth of the scene's index (a BSP tree of 2**depth cells). Qt's own choice grows with
# the number of items (13 at 1,000 people, 14 at 3,000: 16,384 cells) and an item is
# listed in every cell its box covers, so long lines filled the tree: ~6 MiB at 1,000
# people, ~33 MiB at 3,000. At 10 a card-sized query and a fitted paint of 3,000 people
# measured the same time as at 9-14 (issue 15, memory).
INDEX_DEPTH = 10


class CanvasScene(QGraphicsScene):
    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.setBspTreeDepth(INDEX_DEPTH)
        self.context = context
        self.items_by_key: dict[tuple[str, str], QGraphicsItem] = {}
        self.snap_to_grid = True
        self._pressed_positions: dict[tuple[str, str], QPointF] | None = None

    def setItemIndexMethod(self, method) -> None:  # noqa: N802 - Qt's name
        """A new BSP index keeps our depth (it starts with Qt's automatic one) and learns
        the scene's rect: Qt tells an index the rect only when it changes, so the tree made
        when the index came back after a drag, Arrange or a drop spanned no area, and every
        paint and query after it looked at every item (a drag step at 3,000 people: ~1 ms
        before any of those, ~7-10 ms after)."""
        if method == self.itemIndexMethod():
            return
        super().setItemIndexMethod(method)
        if method == QGraphicsScene.ItemIndexMethod.BspTreeIndex:
            self.setBspTreeDepth(INDEX_DEPTH)
            self.sceneRectChanged.emit(self.sceneRect())  # (what Qt emits when it changes)

    @property
    def editor(self):
        return self.context.editor

    @property
    def account_id(self) -> str:
        return self.context.account_id

    def item_for(self, table: str, entity_id: str):
        return self.items_by_key.get((table, entity_id))

    def selected_keys(self) -> list[tuple[str, str]]:
        return [item.key for item in self.selectedItems() if isinstance(item, EntityItem)]

    def report(self, exc: WorkspaceError) -> None:
        self.context.document.errorOccurred.emit(exc.message(self.context.lang))

    # ---------------------------------------------------------------- moving
    def mousePressEvent(self, event) -> None:  # noqa: N802
        super().mousePressEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            self._pressed_positions = {
                item.key: item.pos() for item in self.selectedItems()
                if isinstance(item, EntityItem) and item.movable_to_model
            }

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and self._pressed_positions is not None:
            self._pressed_positions = None
            self.commit_moves()

    def moved_items(self) -> list:
        return [
            item for item in self.items_by_key.values()
            if isinstance(item, EntityItem) and item.movable_to_model
            and item.pos() != item.model_pos()
        ]

    def commit_moves(self, merge_key: object = None) -> None:
        """Push one move command for every item dragged away from its model position."""
        moved = self.moved_items()
        if not moved:
            return
        positions = {}
        for item in moved:
            pos = item.pos()
            if self.snap_to_grid:
                pos = QPointF(snap(pos.x()), snap(pos.y()))
            positions[item.key] = (pos.x(), pos.y())
        try:
            self.before_move_commit(positions)
            self.editor.move(self.account_id, positions, merge_key=merge_key)
        except WorkspaceError as exc:
            self.report(exc)
            for item in moved:  # back to where the model says
                item.setPos(item.model_pos())

    def before_move_commit(self, positions: dict) -> None:
        """Hook for subclasses (e.g. a card dropped into a decision centre)."""

    # ---------------------------------------------------------------- nudging
    def items_to_nudge(self) -> list:
        """The selected items that can move (subclasses add what moves with them)."""
        return [item for item in self.selectedItems()
                if isinstance(item, EntityItem) and item.movable_to_model]

    def nudge(self, dx: float, dy: float) -> None:
        """Arrow keys: move what `items_to_nudge` gives; repeated steps merge into one undo."""
        items = self.items_to_nudge()
        if not items:
            return
        positions = {item.key: (item.model_pos().x() + dx, item.model_pos().y() + dy)
                     for item in items}
        key = ("nudge", tuple(sorted(positions)))
        try:
            self.editor.move(self.account_id, positions, merge_key=key)
        except WorkspaceError as exc:
            self.report(exc)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if self.focusItem() is None and self.selectedItems():
            step = 1.0 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else GRID
            moves = {
                Qt.Key.Key_Left: (-step, 0), Qt.Key.Key_Right: (step, 0),
                Qt.Key.Key_Up: (0, -step), Qt.Key.Key_Down: (0, step),
            }
            if event.key() in moves:
                self.nudge(*moves[event.key()])
                event.accept()
                return
        super().keyPressEvent(event)
