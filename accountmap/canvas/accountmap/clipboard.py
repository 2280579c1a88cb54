"""Copy and paste of a piece of the map: people + decision centres + the relationships
among them (and the open questions of the people), as JSON under our own mime type."""

from __future__ import annotations

import json

from pydantic import ValidationError

from accountmap.domain.models import DecisionCentre, OpenQuestion, Relationship, Stakeholder, new_id

MIME_TYPE = "application/x-accountmap-map+json"
PASTE_OFFSET = 40.0


def selection_json(account, person_ids, centre_ids) -> str:
    people = set(person_ids)
    centres = set(centre_ids)
    # a copied frame brings its people
    people |= {s.id for s in account.stakeholders if s.decision_centre_id in centres}
    data = {
        "format": "accountmap-map-selection",
        "source_account": account.id,
        "decision_centres": [c.model_dump(mode="json") for c in account.decision_centres if c.id in centres],
        "stakeholders": [s.model_dump(mode="json") for s in account.stakeholders if s.id in people],
        "relationships": [r.model_dump(mode="json") for r in account.relationships
                          if r.from_id in people and r.to_id in people],
        "open_questions": [q.model_dump(mode="json") for q in account.open_questions
                           if q.stakeholder_id in people],
    }
    return json.dumps(data, ensure_ascii=False)


def paste_items(text: str, account, offset: tuple[float, float] | None = None):
    """The entities to add for pasted `text`: [(table, entity)] with fresh ids, positions
    offset; None when `text` is not ours or is damaged."""
    try:
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("format") != "accountmap-map-selection":
            return None
        centres = [DecisionCentre.model_validate(c) for c in data.get("decision_centres", [])]
        people = [Stakeholder.model_validate(s) for s in data.get("stakeholders", [])]
        relationships = [Relationship.model_validate(r) for r in data.get("relationships", [])]
        questions = [OpenQuestion.model_validate(q) for q in data.get("open_questions", [])]
    except (ValueError, TypeError, ValidationError):
        return None
    if offset is None:
        offset = (PASTE_OFFSET, PASTE_OFFSET)
    dx, dy = offset
    existing_centres = {c.id for c in account.decision_centres}
    ids: dict[str, str] = {}
    out = []
    for c in centres:
        ids[c.id] = new_id()
        out.append(("decision_centres", c.model_copy(update={"id": ids[c.id], "x": c.x + dx, "y": c.y + dy})))
    for s in people:
        ids[s.id] = new_id()
        centre = s.decision_centre_id
        if centre in ids:
            centre = ids[centre]
        elif centre not in existing_centres:
            centre = None
        out.append(("stakeholders", s.model_copy(update={
            "id": ids[s.id], "x": s.x + dx, "y": s.y + dy, "decision_centre_id": centre})))
    for r in relationships:
        if r.from_id in ids and r.to_id in ids:
            out.append(("relationships", r.model_copy(update={
                "id": new_id(), "from_id": ids[r.from_id], "to_id": ids[r.to_id]})))
    for q in questions:
        if q.stakeholder_id in ids:
            out.append(("open_questions", q.model_copy(update={
                "id": new_id(), "stakeholder_id": ids[q.stakeholder_id]})))
    return out
