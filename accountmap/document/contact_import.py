"""Writing an import of contacts: the whole plan as ONE undo step and ONE transaction.

New people get a place on the map: on an empty map everything is laid out as an org
chart (frames included); on a map that already has people, the newcomers stand in a
grid below what is there, so nobody the KAM placed moves.
"""

from __future__ import annotations

import math

from accountmap.document.editor import Editor
from accountmap.domain.contact_plan import ImportPlan
from accountmap.domain.models import Stakeholder, new_id
from accountmap.layout.sizes import CARD_GAP_X, CARD_GAP_Y, CARD_HEIGHT, CARD_WIDTH, GRID
from accountmap.storage.workspace_file import Row, RowChange, row_model

LAYOUT_LIMIT = 1500  # above this many people an org chart takes too long: a grid instead


def import_changes(editor: Editor, account_id: str, plan: ImportPlan) -> list[RowChange]:
    """The rows the plan writes: new people (placed), updated people, reports-to links."""
    document = editor.document
    account = document.account(account_id)
    existing = {p.id: p for p in account.stakeholders}
    changes: list[RowChange] = []
    for person_id, fields in plan.updates.items():
        person = existing[person_id]
        before = Row(document.position_of(account_id, "stakeholders", person_id),
                     person.model_dump(mode="json"))
        after = row_model("stakeholders", {**before.data, **fields}).model_dump(mode="json")
        if after != before.data:
            changes.append(RowChange("stakeholders", account_id, person_id, before,
                                     Row(before.position, after)))
    changes += _placed(editor, account_id, plan.new_people, plan)
    # links: fresh ids, validated when the plan made them (editor.new_rows looks each id up:
    # quadratic for 10,000 rows)
    taken = {r.id for r in account.relationships}
    position = document.next_position(account_id, "relationships")
    for link in plan.relationships:
        if link.id in taken:
            link = link.model_copy(update={"id": new_id()})
        taken.add(link.id)
        changes.append(RowChange("relationships", account_id, link.id, None,
                                 Row(position, link.model_dump(mode="json"))))
        position += 1
    return changes


def write_import(editor: Editor, account_id: str, plan: ImportPlan, text: str) -> bool:
    """Write the plan (one undo step); False when it changes nothing."""
    return editor.commit(import_changes(editor, account_id, plan), text)


def _placed(editor: Editor, account_id: str, people: list[Stakeholder],
            plan: ImportPlan) -> list[RowChange]:
    document = editor.document
    account = document.account(account_id)
    changes: list[RowChange] = []
    if not people:
        return changes
    if not account.stakeholders and len(people) <= LAYOUT_LIMIT:
        from accountmap.layout.orgchart import layout_account_map

        preview = account.model_copy(update={
            "stakeholders": people,
            "relationships": list(account.relationships) + list(plan.relationships)})
        layout = layout_account_map(preview)
        spots = [layout.cards.get(person.id, (0.0, 0.0)) for person in people]
        for centre in account.decision_centres:
            x, y, w, h = layout.centres.get(centre.id, (centre.x, centre.y, centre.width, centre.height))
            before = Row(document.position_of(account_id, "decision_centres", centre.id),
                         centre.model_dump(mode="json"))
            after = {**before.data, "x": float(x), "y": float(y),
                     "width": max(10.0, float(w)), "height": max(10.0, float(h))}
            if after != before.data:
                changes.append(RowChange("decision_centres", account_id, centre.id, before,
                                         Row(before.position, after)))
    else:
        spots = _grid_below(account, len(people))
    position = document.next_position(account_id, "stakeholders")
    for person, (x, y) in zip(people, spots):  # the plan's people stay as planned
        data = person.model_dump(mode="json")
        data["x"], data["y"] = float(x), float(y)
        changes.append(RowChange("stakeholders", account_id, person.id, None, Row(position, data)))
        position += 1
    return changes


def _grid_below(account, count: int) -> list[tuple[float, float]]:
    bottoms = [p.y + CARD_HEIGHT for p in account.stakeholders]
    bottoms += [c.y + c.height for c in account.decision_centres]
    lefts = [p.x for p in account.stakeholders] + [c.x for c in account.decision_centres]
    top = (max(bottoms) + 2 * CARD_GAP_Y) if bottoms else 0.0
    left = min(lefts) if lefts else 0.0
    columns = max(4, math.ceil(math.sqrt(count * 1.5)))
    spots = []
    for index in range(count):
        row, column = divmod(index, columns)
        spots.append((_snap(left + column * (CARD_WIDTH + CARD_GAP_X)),
                      _snap(top + row * (CARD_HEIGHT + CARD_GAP_Y))))
    return spots


def _snap(value: float) -> float:
    return round(value / GRID) * GRID
