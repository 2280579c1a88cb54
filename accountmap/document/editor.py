"""The one API that menus, panels, canvases, tests and scripts call to change a workspace.

Each method builds the rows before/after from the document's current state and applies
them: ONE SQLite transaction and ONE undo command. A gesture that needs several methods
gathers them in a step:

    with editor.step(tr("New roadmap from template")):
        editor.delete(account_id, {...})
        editor.add_many(account_id, items)

Everything inside is written in one transaction and pushed as one undo command named
after the step (the inner methods' names are not used); each call sees the changes of
the calls before it. A refused change raises WorkspaceError and leaves the file, the
memory and the undo stack as they were — for a step, as they were before the step.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from accountmap.document.commands import ChangeCommand
from accountmap.document.workspace_document import WorkspaceDocument
from accountmap.domain.models import (
    COLLECTIONS,
    Account,
    Entity,
    JourneyEvent,
    ReviewComment,
    RoadmapEdge,
    Touchpoint,
    collection_items,
    new_id,
)
from accountmap.domain.vocabulary import CheckpointStatus
from accountmap.storage.errors import WorkspaceError
from accountmap.storage.limits import refuse_growth
from accountmap.storage.workspace_file import (
    ACCOUNTS,
    SETTINGS,
    SETTINGS_KEY,
    Row,
    RowChange,
    account_rows,
)

if TYPE_CHECKING:
    from accountmap.domain.review_merge import Merge, ReviewFile

# The rules of the roadmap, the journey and review merges are imported by the methods that
# use them: a workspace opens (and its first account paints) without them (issue 15).


def tr(text: str) -> str:
    return QCoreApplication.translate("Editor", text)


class Editor:
    def __init__(self, document: WorkspaceDocument) -> None:
        self.document = document
        self._step: list[RowChange] | None = None  # the changes of the open step

    @property
    def undo_stack(self):
        return self.document.undo_stack

    # ------------------------------------------------------------------ core
    @contextmanager
    def step(self, text: str, merge_key: object = None) -> Iterator[None]:
        """One gesture: every change made inside is written in ONE transaction and
        pushed as ONE undo step named `text` (none if nothing changed). If the block
        raises, nothing is written and memory is as before. A step inside a step joins
        the outer one. `merge_key`: consecutive steps with the same key merge (nudges)."""
        if self._step is not None:
            yield
            return
        changes: list[RowChange] = []
        self._step = changes
        try:
            with self.document.batch():
                yield
        finally:
            self._step = None
        if changes:
            self.undo_stack.push(ChangeCommand(self.document, changes, text, merge_key,
                                               applied=True))

    def commit(self, changes: Sequence[RowChange], text: str, merge_key: object = None) -> bool:
        """Write `changes` as one undo step (or as part of the open step). False when
        they change nothing."""
        changes = [c for c in changes if c.before != c.after]
        if not changes:
            return False
        refuse_growth(changes, self._row_count, len(self.document.account_ids()))
        with self.step(text, merge_key):
            applied = self.document.apply(changes)  # raises before anything is pushed
            self._step.extend(applied)
        return bool(applied)

    def _row_count(self, account_id: str | None, table: str) -> int:
        """Rows of `table` in the account now (0 for an account not in the file yet)."""
        if account_id is None or not self.document.has_account(account_id):
            return 0
        return len(collection_items(self.document.account(account_id), table))

    def updated_row(self, account_id: str | None, table: str, row_id: str,
                    fields: Mapping[str, object]) -> RowChange | None:
        """The change that sets `fields` on a row, or None if they are already so. (The
        document validates it when it is applied.)"""
        return self._changed(account_id, table, row_id,
                             self.document.row(account_id, table, row_id), fields)

    @staticmethod
    def _changed(account_id, table: str, row_id: str, before: Row | None,
                 fields: Mapping[str, object]) -> RowChange | None:
        if before is None:
            raise WorkspaceError("storage.invalid_row", detail=f"{table} {row_id} does not exist")
        data = {**before.data, **fields}
        if data == before.data:
            return None
        return RowChange(table, account_id, row_id, before, Row(before.position, data))

    # ------------------------------------------------------------------ accounts
    def add_account(self, name: str, **fields) -> str:
        account_id = new_id()
        data = {"name": name, **fields}  # validated (once) by the document
        position = self.document.next_position(None, ACCOUNTS)
        self.commit([RowChange(ACCOUNTS, None, account_id, None, Row(position, data))],
                    tr("Add account"))
        return account_id

    def update_account(self, account_id: str, text: str | None = None, **fields) -> None:
        change = self.updated_row(None, ACCOUNTS, account_id, fields)
        if change:
            self.commit([change], text or tr("Edit account"))

    def rename_account(self, account_id: str, name: str) -> None:
        self.update_account(account_id, tr("Rename account"), name=name)

    def add_whole_account(self, account: Account, text: str | None = None) -> str:
        """Add a complete account (duplicate, template): one undo step."""
        return self.add_whole_accounts([account], text)[0]

    def add_whole_accounts(self, accounts: Sequence[Account], text: str | None = None
                           ) -> list[str]:
        """Add complete accounts (a JSON import), each under a new id: one undo step."""
        ids: list[str] = []
        changes: list[RowChange] = []
        position = self.document.next_position(None, ACCOUNTS)
        for account in accounts:
            ids.append(new_id())
            changes += account_rows(account, ids[-1], position)
            position += 1
        self.commit(changes, text or tr("Add account"))
        return ids

    def replace_account(self, account: Account, text: str | None = None) -> None:
        """The account of the same id becomes `account` (an import chose to replace or
        merge, domain/account_merge.py), in its place in the list: one undo step."""
        account_id = account.id
        old = self.document.account(account_id)
        position = self.document.row(None, ACCOUNTS, account_id).position
        wanted = {(c.table, c.id): c for c in account_rows(account, account_id, position)}
        changes: list[RowChange] = []
        for table in COLLECTIONS:
            for item in collection_items(old, table):
                if (table, item.id) not in wanted:
                    changes.append(RowChange(table, account_id, item.id,
                                             self.document.row(account_id, table, item.id), None))
        for (table, row_id), change in wanted.items():
            before = (self.document.row(None, ACCOUNTS, account_id) if table == ACCOUNTS
                      else self.document.row(account_id, table, row_id))
            if before is not None:
                change = RowChange(table, change.account_id, row_id, before,
                                   Row(before.position, change.after.data))
            changes.append(change)
        self.commit(changes, text or tr("Replace account"))

    def duplicate_account(self, account_id: str, name: str | None = None) -> str:
        source = self.document.account(account_id).model_copy(deep=True)
        source.name = name if name is not None else tr("%1 (copy)").replace("%1", source.name)
        return self.add_whole_account(source, tr("Duplicate account"))

    def delete_account(self, account_id: str) -> None:
        account = self.document.account(account_id)
        changes: list[RowChange] = []
        for table in COLLECTIONS:
            for item in collection_items(account, table):
                before = self.document.row(account_id, table, item.id)
                changes.append(RowChange(table, account_id, item.id, before, None))
        changes.append(RowChange(ACCOUNTS, None, account_id,
                                 self.document.row(None, ACCOUNTS, account_id), None))
        self.commit(changes, tr("Delete account"))

    def move_account(self, account_id: str, new_index: int) -> None:
        """Reorder the account list: one undo step."""
        ids = self.document.account_ids()
        ids.remove(account_id)
        ids.insert(max(0, min(new_index, len(ids))), account_id)
        changes = []
        for index, other in enumerate(ids):
            before = self.document.row(None, ACCOUNTS, other)
            if before.position != float(index):
                changes.append(RowChange(ACCOUNTS, None, other, before, Row(float(index), before.data)))
        self.commit(changes, tr("Reorder accounts"))

    # ------------------------------------------------------------------ settings
    def update_settings(self, text: str | None = None, **fields) -> None:
        change = self.updated_row(None, SETTINGS, SETTINGS_KEY, fields)
        if change:
            self.commit([change], text or tr("Change workspace settings"))

    # ------------------------------------------------------------------ entities
    def add(self, account_id: str, table: str, entity: Entity, text: str | None = None) -> str:
        return self.add_many(account_id, [(table, entity)], text)[0]

    def add_many(self, account_id: str, items: Iterable[tuple[str, Entity]],
                 text: str | None = None) -> list[str]:
        changes, ids = self.new_rows(account_id, items)
        self.commit(changes, text or tr("Add"))
        return ids

    def new_rows(self, account_id: str, items: Iterable[tuple[str, Entity]]
                 ) -> tuple[list[RowChange], list[str]]:
        """Insertions of new entities (validated; an id already taken gets a fresh one),
        appended after the rows already there. For one step of several kinds of edits:
        pass them to `commit` together with `updated_row` changes."""
        changes: list[RowChange] = []
        ids: list[str] = []
        next_positions: dict[str, float] = {}
        for table, entity in items:
            if self.document.row(account_id, table, entity.id) is not None or entity.id in ids:
                entity = entity.model_copy(update={"id": new_id()})
            position = next_positions.get(table, self.document.next_position(account_id, table))
            next_positions[table] = position + 1
            changes.append(RowChange(table, account_id, entity.id, None,
                                     Row(position, entity.model_dump(mode="json"))))
            ids.append(entity.id)
        return changes, ids

    def update(self, account_id: str, table: str, row_id: str, text: str | None = None,
               merge_key: object = None, **fields) -> bool:
        change = self.updated_row(account_id, table, row_id, fields)
        if change is None:
            return False
        return self.commit([change], text or tr("Edit"), merge_key)

    def update_many(self, account_id: str, updates: Iterable[tuple[str, str, Mapping]],
                    text: str, merge_key: object = None) -> bool:
        return self.commit(self.updated_rows(account_id, updates), text, merge_key)

    def updated_rows(self, account_id: str | None, updates: Iterable[tuple[str, str, Mapping]]
                     ) -> list[RowChange]:
        """`updated_row` of each (table, id, fields), those that change something (many
        rows of one table are found in one pass)."""
        updates = list(updates)
        known: dict[str, dict] = {}  # many rows of one table: found in one pass
        for table in {t for t, _i, _f in updates}:
            ids = [i for t, i, _f in updates if t == table]
            if len(ids) > 16 and table in COLLECTIONS and account_id is not None:
                known[table] = self.document.rows(account_id, table, ids)
        changes = []
        for table, row_id, fields in updates:
            if table in known:
                change = self._changed(account_id, table, row_id, known[table].get(row_id), fields)
            else:
                change = self.updated_row(account_id, table, row_id, fields)
            if change is not None:
                changes.append(change)
        return changes

    def move(self, account_id: str, positions: Mapping[tuple[str, str], tuple[float, float]],
             merge_key: object = None, text: str | None = None) -> bool:
        """Move entities: {(table, id): (x, y)}; one undo step (nudges may merge)."""
        return self.update_many(
            account_id,
            [(table, row_id, {"x": x, "y": y}) for (table, row_id), (x, y) in positions.items()],
            text or tr("Move"), merge_key,
        )

    def delete(self, account_id: str, targets: Mapping[str, Iterable[str]],
               text: str | None = None) -> bool:
        """Delete entities and what depends on them, as one undo step."""
        account = self.document.account(account_id)
        doomed: dict[str, set[str]] = {t: set(ids) for t, ids in targets.items()}
        people = doomed.get("stakeholders", set())
        centres = doomed.get("decision_centres", set())
        nodes = doomed.get("roadmap_nodes", set())
        if people:
            doomed.setdefault("relationships", set()).update(
                r.id for r in account.relationships if r.from_id in people or r.to_id in people)
            doomed.setdefault("open_questions", set()).update(
                q.id for q in account.open_questions if q.stakeholder_id in people)
            doomed.setdefault("journey_grids", set()).update(
                g.id for g in account.journey_grids if g.stakeholder_id in people)
        if nodes:
            doomed.setdefault("roadmap_edges", set()).update(
                e.id for e in account.roadmap.edges if e.from_id in nodes or e.to_id in nodes)
        edges = doomed.get("roadmap_edges", set())
        _doom_replies(account, doomed)
        updates: list[tuple[str, str, dict]] = []
        for s in account.stakeholders:
            if s.id not in people and s.decision_centre_id in centres:
                updates.append(("stakeholders", s.id, {"decision_centre_id": None}))
        for n in account.roadmap.nodes:
            if n.id in nodes:
                continue
            fields: dict = {}
            if people & set(n.stakeholder_ids):
                fields["stakeholder_ids"] = [i for i in n.stakeholder_ids if i not in people]
            if n.chosen_edge_id in edges:
                fields["chosen_edge_id"] = None
            if fields:
                updates.append(("roadmap_nodes", n.id, fields))
        for m in account.meetings:
            if m.id in doomed.get("meetings", set()):
                continue
            fields = {}
            if people & set(m.attendee_ids):
                fields["attendee_ids"] = [i for i in m.attendee_ids if i not in people]
            if m.checkpoint_id in nodes:
                fields["checkpoint_id"] = None
            if fields:
                updates.append(("meetings", m.id, fields))
        for t in account.touchpoints:
            if t.id in doomed.get("touchpoints", set()):
                continue
            fields = {}
            if people & set(t.stakeholder_ids):
                fields["stakeholder_ids"] = [i for i in t.stakeholder_ids if i not in people]
            if t.checkpoint_id in nodes:
                fields["checkpoint_id"] = None
            if fields:
                updates.append(("touchpoints", t.id, fields))
        for c in account.review_comments:  # a comment outlives its person or checkpoint
            if c.id in doomed.get("review_comments", set()):
                continue
            if c.stakeholder_id in people:
                updates.append(("review_comments", c.id, {"stakeholder_id": None}))
            elif c.checkpoint_id in nodes:
                updates.append(("review_comments", c.id, {"checkpoint_id": None}))
        changes: list[RowChange] = []
        for table, row_id, fields in updates:
            change = self.updated_row(account_id, table, row_id, fields)
            if change is not None:
                changes.append(change)
        for table in COLLECTIONS:
            for row_id in sorted(doomed.get(table, ())):
                before = self.document.row(account_id, table, row_id)
                if before is not None:
                    changes.append(RowChange(table, account_id, row_id, before, None))
        return self.commit(changes, text or tr("Delete"))

    # ------------------------------------------------------------------ roadmap
    def set_checkpoint_status(self, account_id: str, node_id: str, status: CheckpointStatus,
                              today: dt.date, text: str | None = None,
                              exit_note: str | None = None) -> bool:
        """Set a checkpoint's status; becoming active stamps `today` (domain rule). A
        checkpoint done makes the next planned checkpoints on the chosen path active in the
        same step (domain rule `next_to_activate`); `exit_note`: why it is done with exit
        criteria unticked."""
        from accountmap.domain.roadmap_rules import status_fields

        node = self.document.account(account_id).node(node_id)
        if node is None:
            return False
        fields = status_fields(node, status, today)
        if exit_note is not None:
            fields["exit_note"] = exit_note
        passed = (CheckpointStatus(status) == CheckpointStatus.DONE
                  and node.status != CheckpointStatus.DONE)
        with self.step(text or tr("Set status")):
            changed = self.update(account_id, "roadmap_nodes", node_id, **fields)
            if passed:
                self._activate_next(account_id, node_id, today)
        return changed

    def choose_outcome(self, account_id: str, node_id: str, edge_id: str | None,
                       today: dt.date, text: str | None = None) -> bool:
        """Choose (or clear) a crossroads' outcome; the first planned checkpoint on the
        chosen branch becomes active in the same step once the road has got there."""
        with self.step(text or tr("Choose outcome")):
            changed = self.update(account_id, "roadmap_nodes", node_id, chosen_edge_id=edge_id)
            if edge_id is not None:
                self._activate_next(account_id, node_id, today)
        return changed

    def _activate_next(self, account_id: str, node_id: str, today: dt.date) -> None:
        from accountmap.domain.roadmap_rules import next_to_activate, status_fields

        roadmap = self.document.account(account_id).roadmap  # as changed so far in the step
        nodes = {n.id: n for n in roadmap.nodes}
        self.update_many(account_id, [
            ("roadmap_nodes", next_id,
             status_fields(nodes[next_id], CheckpointStatus.ACTIVE, today))
            for next_id in next_to_activate(roadmap, node_id)], tr("Set status"))

    def connect_nodes(self, account_id: str, from_id: str, to_id: str,
                      text: str | None = None) -> str:
        """A branch from one node to another; from a crossroads it gets the first free
        default outcome (yes / no, stored as ids)."""
        from accountmap.domain.roadmap_rules import default_outcome

        roadmap = self.document.account(account_id).roadmap
        edge = RoadmapEdge(from_id=from_id, to_id=to_id,
                           outcome=default_outcome(roadmap, from_id))
        return self.add(account_id, "roadmap_edges", edge, text or tr("Connect"))

    # ------------------------------------------------------------------ journey
    def move_account_station(self, account_id: str, station_id: str | None, temperature: str,
                             date: dt.date | None, reason: str = "", evidence: str = "",
                             text: str | None = None) -> str:
        """Move the account to a station (and temperature) and log the move in its
        history: one step. Returns the new JourneyEvent's id."""
        event = JourneyEvent(date=date, journey_stage=station_id, temperature=temperature,
                             reason=reason, evidence=evidence)
        with self.step(text or tr("Move the client on its journey")):
            event_id = self.add(account_id, "journey_history", event)
            self.update_account(account_id, journey_stage=station_id, temperature=temperature)
        return event_id

    def add_touchpoint(self, account_id: str, touchpoint: Touchpoint, today: dt.date,
                       text: str | None = None) -> str:
        """Log a touchpoint; it moves its people's last contact forward (domain rule):
        one step."""
        with self.step(text or tr("Add a touchpoint")):
            self._stamp_last_contacts(account_id, touchpoint, today)
            return self.add(account_id, "touchpoints", touchpoint)

    def update_touchpoint(self, account_id: str, touchpoint_id: str, values: Mapping,
                          today: dt.date, text: str | None = None) -> bool:
        """Edit a touchpoint (and the last contacts it moves forward): one step."""
        candidate = Touchpoint(id=touchpoint_id, **values)
        with self.step(text or tr("Edit a touchpoint")):
            changed = self.update(account_id, "touchpoints", touchpoint_id, **values)
            self._stamp_last_contacts(account_id, candidate, today)
        return changed

    def _stamp_last_contacts(self, account_id: str, touchpoint: Touchpoint,
                             today: dt.date) -> None:
        from accountmap.domain.journey_rules import last_contact_updates

        updates = last_contact_updates(self.document.account(account_id), touchpoint, today)
        self.update_many(account_id, [("stakeholders", person_id, {"last_contact": day})
                                      for person_id, day in updates.items()], tr("Edit"))

    # ------------------------------------------------------------------ review comments
    def add_comment(self, account_id: str, comment: ReviewComment) -> str:
        """A new comment or reply (docs/REVIEW.md); one undo step."""
        return self.add(account_id, "review_comments", comment,
                        tr("Reply") if comment.reply_to else tr("Add comment"))

    def revise_comment(self, account_id: str, comment_id: str, **fields) -> bool:
        """New `text` and/or `resolved`; the version replaced goes into the comment's
        history (so a review import can tell who edited it)."""
        from accountmap.domain.review_merge import revised

        comment = next(c for c in self.document.account(account_id).review_comments
                       if c.id == comment_id)
        text = tr("Edit comment") if "text" in fields else (
            tr("Resolve comment") if fields.get("resolved") else tr("Reopen comment"))
        return self.update(account_id, "review_comments", comment_id, text,
                           **revised(comment, **fields))

    def import_review(self, review: ReviewFile) -> Merge:
        """Merge a review file into the open workspace: one transaction, one undo step."""
        from accountmap.domain.review_merge import merge_review
        from accountmap.storage.review_exchange import TABLE, merge_changes

        accounts = {a.id: self.document.account(a.id) for a in review.accounts
                    if self.document.has_account(a.id)}
        merge = merge_review(accounts, review)
        changes = merge_changes(merge, lambda a, c: self.document.row(a, TABLE, c),
                                lambda a: self.document.next_position(a, TABLE))
        self.commit(changes, tr("Import review"))
        return merge


def _doom_replies(account: Account, doomed: dict[str, set[str]]) -> None:
    """A deleted comment takes its replies (and theirs) with it."""
    comments = doomed.get("review_comments")
    if not comments:
        return
    grew = True
    while grew:
        replies = {c.id for c in account.review_comments
                   if c.reply_to in comments and c.id not in comments}
        comments |= replies
        grew = bool(replies)
