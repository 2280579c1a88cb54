"""Setting a checkpoint's status, with exit criteria that mean something.

Marking a checkpoint done while some of its exit criteria are unticked asks for a reason
(kept on the checkpoint, shown in the panel and by `check`), or is refused when the
workspace requires the criteria (settings.strict_exit_criteria: a hint in the status bar,
no modal). The writing, with the next checkpoint on the chosen path becoming active in the
same undo step, is the editor's (`set_checkpoint_status`, `choose_outcome`); here are the
question, the refusal and the hints.
"""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog

from accountmap.canvas.common.hints import show_hint
from accountmap.canvas.roadmap.items import tr
from accountmap.domain import clock
from accountmap.domain.exit_criteria import unmet_criteria
from accountmap.domain.models import RoadmapNode
from accountmap.domain.vocabulary import CheckpointStatus, NodeKind
from accountmap.storage.errors import WorkspaceError


def ask_reason(parent, node: RoadmapNode, unmet: int) -> str | None:
    """The KAM's reason for passing a checkpoint with criteria unticked (None: cancelled)."""
    text, ok = QInputDialog.getMultiLineText(
        parent, tr("Exit criteria not met"),
        tr("%1 of %2 exit criteria of “%3” are not ticked. Why is it done anyway?")
        .replace("%1", str(unmet)).replace("%2", str(len(node.exit_criteria)))
        .replace("%3", node.title), node.exit_note)
    if not ok:
        return None
    return text.strip() or None


def set_status(context, node_id: str, status: CheckpointStatus, widget=None) -> bool:
    """Set a checkpoint's status as one undo step (from the canvas or the panel: `widget`
    parents the question and carries the hints). True if it was written."""
    node = context.account.node(node_id)
    if node is None or node.kind != NodeKind.CHECKPOINT:
        return False
    status = CheckpointStatus(status)
    exit_note = None
    if status == CheckpointStatus.DONE and node.status != CheckpointStatus.DONE:
        unmet = len(unmet_criteria(node))
        if unmet:
            if context.document.settings.strict_exit_criteria:
                show_hint(widget, tr("“%1” cannot be marked done: %2 of %3 exit criteria are "
                                     "not ticked (this workspace requires them)")
                          .replace("%1", node.title).replace("%2", str(unmet))
                          .replace("%3", str(len(node.exit_criteria))))
                return False
            exit_note = ask_reason(widget, node, unmet)
            if exit_note is None:
                show_hint(widget, tr("Not marked done: a reason is needed while exit criteria "
                                     "are not ticked"))
                return False
    return _written(context, node_id, widget, lambda: context.editor.set_checkpoint_status(
        context.account_id, node_id, status, clock.today(), tr("Set status"), exit_note))


def choose_outcome(context, node_id: str, edge_id: str | None, widget=None) -> bool:
    """Choose (or clear) a crossroads' outcome; the first checkpoint on the chosen branch
    becomes active in the same undo step when the road has got there."""
    if context.account.node(node_id) is None:
        return False
    return _written(context, node_id, widget, lambda: context.editor.choose_outcome(
        context.account_id, node_id, edge_id, clock.today(), tr("Choose outcome")))


def _written(context, node_id: str, widget, write) -> bool:
    """Run the editor's `write`; report a refusal as one sentence and name in the status
    bar the checkpoints that became active with it (other than `node_id` itself)."""
    before = {n.id: n.status for n in context.account.roadmap.nodes}
    try:
        written = write()
    except WorkspaceError as exc:
        context.document.errorOccurred.emit(exc.message(context.lang))
        return False
    activated = [f"“{n.title}”" for n in context.account.roadmap.nodes
                 if n.id != node_id and n.status == CheckpointStatus.ACTIVE
                 and before.get(n.id) == CheckpointStatus.PLANNED]
    if written and activated:
        show_hint(widget, tr("Next on the road, now active: %1").replace("%1", ", ".join(activated)))
    return written
