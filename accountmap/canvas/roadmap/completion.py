"""Setting a checkpoint's status, with exit criteria that mean something.

Marking a checkpoint done while some of its exit criteria are unticked asks for a reason
(kept on the checkpoint, shown in the panel and by `check`), or is refused when the
workspace requires the criteria (settings.strict_exit_criteria: a hint in the status bar,
no modal). When a checkpoint is done, the next checkpoint on the chosen path becomes active
in the same undo step.
"""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog

from accountmap.canvas.common.hints import show_hint
from accountmap.canvas.roadmap.items import tr
from accountmap.domain.exit_criteria import next_to_activate, unmet_criteria
from accountmap.domain.models import RoadmapNode
from accountmap.domain.vocabulary import CheckpointStatus, NodeKind
from accountmap.storage.errors import WorkspaceError

NODES = "roadmap_nodes"


def status_fields(node: RoadmapNode, status: CheckpointStatus, today) -> dict:
    """The fields to write when a checkpoint's status is set (active stamps the day)."""
    fields: dict = {"status": CheckpointStatus(status).value}
    if status == CheckpointStatus.ACTIVE and node.status != CheckpointStatus.ACTIVE:
        fields["activated_on"] = today
    return fields


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


def set_status(context, node_id: str, status: CheckpointStatus, today, widget=None) -> bool:
    """Set a checkpoint's status as one undo step (from the canvas or the panel: `widget`
    parents the question and carries the hints). True if it was written."""
    roadmap = context.account.roadmap
    node = next((n for n in roadmap.nodes if n.id == node_id), None)
    if node is None or node.kind != NodeKind.CHECKPOINT:
        return False
    status = CheckpointStatus(status)
    fields = status_fields(node, status, today)
    follow: list[str] = []
    if status == CheckpointStatus.DONE and node.status != CheckpointStatus.DONE:
        unmet = len(unmet_criteria(node))
        if unmet:
            if context.document.settings.strict_exit_criteria:
                show_hint(widget, tr("“%1” cannot be marked done: %2 of %3 exit criteria are "
                                     "not ticked (this workspace requires them)")
                          .replace("%1", node.title).replace("%2", str(unmet))
                          .replace("%3", str(len(node.exit_criteria))))
                return False
            reason = ask_reason(widget, node, unmet)
            if reason is None:
                show_hint(widget, tr("Not marked done: a reason is needed while exit criteria "
                                     "are not ticked"))
                return False
            fields["exit_note"] = reason
        after = roadmap.model_copy(update={"nodes": [
            n.model_copy(update={"status": status}) if n.id == node_id else n
            for n in roadmap.nodes]})
        follow = next_to_activate(after, node_id)
    editor = context.editor
    nodes = {n.id: n for n in roadmap.nodes}
    try:
        changes = [editor.updated_row(context.account_id, NODES, node_id, fields)]
        for next_id in follow:
            changes.append(editor.updated_row(context.account_id, NODES, next_id, status_fields(
                nodes[next_id], CheckpointStatus.ACTIVE, today)))
        written = editor.commit([c for c in changes if c is not None], tr("Set status"))
    except WorkspaceError as exc:
        context.document.errorOccurred.emit(exc.message(context.lang))
        return False
    if follow:
        show_hint(widget, tr("Next on the road, now active: %1").replace(
            "%1", ", ".join(f"“{nodes[i].title}”" for i in follow)))
    return written


def choose_outcome(context, node_id: str, edge_id: str | None, today, widget=None) -> bool:
    """Choose (or clear) a crossroads' outcome; the first checkpoint on the chosen branch
    becomes active in the same undo step when the road has got there."""
    roadmap = context.account.roadmap
    node = next((n for n in roadmap.nodes if n.id == node_id), None)
    if node is None:
        return False
    follow: list[str] = []
    if edge_id is not None:
        after = roadmap.model_copy(update={"nodes": [
            n.model_copy(update={"chosen_edge_id": edge_id}) if n.id == node_id else n
            for n in roadmap.nodes]})
        follow = next_to_activate(after, node_id)
    editor = context.editor
    nodes = {n.id: n for n in roadmap.nodes}
    try:
        changes = [editor.updated_row(context.account_id, NODES, node_id, {"chosen_edge_id": edge_id})]
        for next_id in follow:
            changes.append(editor.updated_row(context.account_id, NODES, next_id, status_fields(
                nodes[next_id], CheckpointStatus.ACTIVE, today)))
        written = editor.commit([c for c in changes if c is not None], tr("Choose outcome"))
    except WorkspaceError as exc:
        context.document.errorOccurred.emit(exc.message(context.lang))
        return False
    if follow:
        show_hint(widget, tr("Next on the road, now active: %1").replace(
            "%1", ", ".join(f"“{nodes[i].title}”" for i in follow)))
    return written
